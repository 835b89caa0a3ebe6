// The permission grid, cell by cell: every role (Admin, Manager, Viewer, a Custom grid) x every section x read
// and write, through the real REST routes and the real GraphQL fields. Write probes send invalid input, so an
// allowed cell answers a validation error (400 / ValidationError) and a denied one 403 / FORBIDDEN; nothing is
// written either way. Reports have no REST write route: their write cell is the GraphQL click-cost edit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECTIONS, permissionsForRole, type Permissions, type RoleName, type Section } from "../src/auth/permissions.js";
import { graphql } from "./gql/index.js";
import { startTestApp, type TestApp } from "./helpers/app.js";

const R = {
  campaigns: graphql(`query RoleReadCampaigns { campaigns(first: 1) { totalCount } }`),
  offers: graphql(`query RoleReadOffers { offers(first: 1) { totalCount } }`),
  landings: graphql(`query RoleReadLandings { landingPages(first: 1) { totalCount } }`),
  flows: graphql(`query RoleReadFlows { flowFilterFields { field } }`),
  sources: graphql(`query RoleReadSources { trafficSources(first: 1) { totalCount } }`),
  networks: graphql(`query RoleReadNetworks { affiliateNetworks(first: 1) { totalCount } }`),
  domains: graphql(`query RoleReadDomains { domains(first: 1) { totalCount } }`),
  settings: graphql(`query RoleReadSettings { settings { accountCurrency } }`),
  users: graphql(`query RoleReadUsers { users(first: 1) { totalCount } }`),
  reports: graphql(`query RoleReadReports { dashboardStats { granularity } }`),
};
const W = {
  campaigns: graphql(`mutation RoleWriteCampaigns { createCampaign(input: { name: "", slug: "" }) { __typename } }`),
  offers: graphql(`mutation RoleWriteOffers { createOffer(input: { name: "", url: "" }) { __typename } }`),
  landings: graphql(`mutation RoleWriteLandings { createLandingPage(input: { name: "" }) { __typename } }`),
  flows: graphql(`mutation RoleWriteFlows { createFlow(input: { campaignId: "nope" }) { __typename } }`),
  sources: graphql(`mutation RoleWriteSources { createTrafficSource(input: { name: "" }) { __typename } }`),
  networks: graphql(`mutation RoleWriteNetworks { createAffiliateNetwork(input: { name: "" }) { __typename } }`),
  domains: graphql(`mutation RoleWriteDomains { createDomain(input: { hostname: "" }) { __typename } }`),
  settings: graphql(`mutation RoleWriteSettings { updateSettings(input: { pixelCookieDays: 0 }) { __typename } }`),
  users: graphql(`mutation RoleWriteUsers { createUser(input: { email: "", password: "" }) { __typename } }`),
  reports: graphql(`mutation RoleWriteReports { updateClickCost(input: { clickId: "nope", cost: "1" }) { __typename } }`),
};

/** REST probes: [method, path, body]; write probes carry an invalid body. */
const REST: Record<Exclude<Section, "reports">, { read: [string, string]; write: [string, string, unknown] }> = {
  campaigns: { read: ["GET", "/admin/api/campaigns"], write: ["POST", "/admin/api/campaigns", {}] },
  offers: { read: ["GET", "/admin/api/offers"], write: ["POST", "/admin/api/offers", {}] },
  landings: { read: ["GET", "/admin/api/landings"], write: ["POST", "/admin/api/landings", {}] },
  flows: { read: ["GET", "/admin/api/flows"], write: ["POST", "/admin/api/flows", {}] },
  sources: { read: ["GET", "/admin/api/sources"], write: ["POST", "/admin/api/sources", {}] },
  networks: { read: ["GET", "/admin/api/networks"], write: ["POST", "/admin/api/networks", {}] },
  domains: { read: ["GET", "/admin/api/domains"], write: ["POST", "/admin/api/domains", {}] },
  settings: { read: ["GET", "/admin/api/settings"], write: ["PATCH", "/admin/api/settings", { pixelCookieDays: 0 }] },
  users: { read: ["GET", "/admin/api/users"], write: ["POST", "/admin/api/users", {}] },
};

const CUSTOM_GRID: Partial<Permissions> = {
  campaigns: { read: true, write: false },
  offers: { read: true, write: true },
  flows: { read: false, write: true }, // write implies read
  sources: { read: true, write: false },
  domains: { read: true, write: true },
  reports: { read: true, write: false },
  settings: { read: true, write: false },
};

const ROLES: RoleName[] = ["ADMIN", "MANAGER", "VIEWER", "CUSTOM"];
let t: TestApp;
const tokens = {} as Record<RoleName, string>;
const grids = {} as Record<RoleName, Permissions>;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.login();
  for (const role of ROLES) {
    const email = `${role.toLowerCase()}@roles.test`;
    const r = await t.rest("POST", "/admin/api/users", {
      token: admin,
      body: { email, password: "role-password-1", role, ...(role === "CUSTOM" ? { permissions: CUSTOM_GRID } : {}) },
    });
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    tokens[role] = await t.login(email, "role-password-1");
    grids[role] = permissionsForRole(role, CUSTOM_GRID);
  }
});
afterAll(() => t?.stop());

describe("permission grid", () => {
  it("the custom grid is stored normalized (write implies read)", () => {
    expect(grids.CUSTOM.flows).toEqual({ read: true, write: true });
    expect(grids.CUSTOM.users).toEqual({ read: false, write: false });
  });

  for (const role of ROLES) {
    for (const section of SECTIONS) {
      for (const access of ["read", "write"] as const) {
        it(`${role} ${section} ${access}`, async () => {
          const allowed = grids[role][section][access];
          const token = tokens[role];
          if (section === "reports") {
            if (access === "read") {
              const r = await t.rest("GET", "/admin/api/stats", { token });
              expect(r.status, `REST reports read for ${role}`).toBe(allowed ? 200 : 403);
            }
            const g = access === "read" ? await t.gql(R.reports, {}, token) : await t.gql(W.reports, {}, token);
            const code = (g.errors?.[0]?.extensions as { code?: string } | undefined)?.code;
            if (!allowed) expect(code, `GraphQL reports ${access} as ${role}`).toBe("FORBIDDEN");
            else if (access === "read") expect(g.errors, `GraphQL reports read as ${role}`).toBeUndefined();
            else expect(JSON.stringify(g.data), `GraphQL reports write as ${role}`).toContain('"__typename":"ValidationError"');
            return;
          }
          const probe = REST[section as Exclude<Section, "reports">];
          const [method, path, body] = access === "read" ? [...probe.read, undefined] : probe.write;
          const r = await t.rest(method, path, { token, body });
          expect(r.status, `REST ${method} ${path} as ${role}: ${JSON.stringify(r.body)}`).toBe(allowed ? (access === "read" ? 200 : 400) : 403);

          const g = await t.gql((access === "read" ? R : W)[section as keyof typeof W] as never, {}, token);
          const code = (g.errors?.[0]?.extensions as { code?: string } | undefined)?.code;
          if (allowed) {
            expect(g.errors, `GraphQL ${section} ${access} as ${role}`).toBeUndefined();
            if (access === "write") expect(Object.values(g.data as Record<string, { __typename: string }>)[0]?.__typename).toBe("ValidationError");
          } else {
            expect(code, `GraphQL ${section} ${access} as ${role}`).toBe("FORBIDDEN");
          }
        });
      }
    }
  }

  it("nothing was written by the probes", async () => {
    expect(await t.app.deps.db.prisma.campaign.count()).toBe(0);
    expect(await t.app.deps.db.prisma.offer.count()).toBe(0);
    expect(await t.app.deps.db.prisma.user.count()).toBe(5);
  });

  it("nobody grants more than they have", async () => {
    const admin = await t.login();
    // A user admin with a custom grid lacking settings cannot create a user with settings write.
    await t.rest("POST", "/admin/api/users", {
      token: admin,
      body: { email: "useradmin@roles.test", password: "role-password-1", role: "CUSTOM", permissions: { users: { read: true, write: true } } },
    });
    const ua = await t.login("useradmin@roles.test", "role-password-1");
    const r = await t.rest("POST", "/admin/api/users", { token: ua, body: { email: "x@roles.test", password: "role-password-1", role: "ADMIN" } });
    expect(r.status).toBe(400);
    expect(r.body.fields[0].path).toBe("permissions");
    const ok = await t.rest("POST", "/admin/api/users", {
      token: ua,
      body: { email: "y@roles.test", password: "role-password-1", role: "CUSTOM", permissions: { users: { read: true } } },
    });
    expect(ok.status).toBe(201);
  });

  it("role changes apply at once; the last admin cannot be demoted, deactivated or deleted", async () => {
    const admin = await t.login();
    const users = (await t.rest("GET", "/admin/api/users?search=viewer@roles.test", { token: admin })).body.data;
    const viewerId = users[0].id as string;
    expect((await t.rest("POST", "/admin/api/offers", { token: tokens.VIEWER, body: {} })).status).toBe(403);
    await t.rest("PATCH", `/admin/api/users/${viewerId}`, { token: admin, body: { role: "MANAGER" } });
    expect((await t.rest("POST", "/admin/api/offers", { token: tokens.VIEWER, body: {} })).status).toBe(400);

    const adminIds = (await t.rest("GET", "/admin/api/users", { token: admin })).body.data
      .filter((u: { role: string }) => u.role === "ADMIN")
      .map((u: { id: string }) => u.id) as string[];
    // Two admins: demote the other one, then the caller is the last one.
    const me = (await t.rest("GET", "/admin/api/me", { token: admin })).body.userId as string;
    const other = adminIds.find((id) => id !== me) as string;
    expect((await t.rest("PATCH", `/admin/api/users/${other}`, { token: admin, body: { role: "VIEWER" } })).status).toBe(200);
    const last = me;
    const demote = await t.rest("PATCH", `/admin/api/users/${last}`, { token: admin, body: { role: "VIEWER" } });
    expect(demote.status).toBe(409);
    expect((await t.rest("PATCH", `/admin/api/users/${last}`, { token: admin, body: { active: false } })).status).toBe(409);
    expect((await t.rest("DELETE", `/admin/api/users/${me}`, { token: admin })).status).toBe(400);
  });

  it("deactivating a user or changing the password ends their sessions", async () => {
    const admin = await t.login();
    const users = (await t.rest("GET", "/admin/api/users?search=custom@roles.test", { token: admin })).body.data;
    expect((await t.rest("GET", "/admin/api/me", { token: tokens.CUSTOM })).status).toBe(200);
    await t.rest("PATCH", `/admin/api/users/${users[0].id}`, { token: admin, body: { password: "another-password-2" } });
    expect((await t.rest("GET", "/admin/api/me", { token: tokens.CUSTOM })).status).toBe(401);
    const fresh = await t.login("custom@roles.test", "another-password-2");
    await t.rest("PATCH", `/admin/api/users/${users[0].id}`, { token: admin, body: { active: false } });
    expect((await t.rest("GET", "/admin/api/me", { token: fresh })).status).toBe(401);
    const audit = await t.app.deps.db.prisma.auditLog.findFirstOrThrow({ where: { entityId: users[0].id, action: "user.update" } });
    expect(JSON.stringify(audit)).not.toContain("another-password");
  });
});
