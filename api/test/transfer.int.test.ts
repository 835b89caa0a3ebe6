// Export and import of the configuration over real HTTP: a full JSON round trip into a fresh install, CSV per
// type, every bad row reported with nothing written, and section permissions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./gql/index.js";
import { startTestApp, type TestApp } from "./helpers/app.js";

const ExportAll = graphql(`
  query TransferExport($type: TransferType!, $format: TransferFormat) {
    exportConfiguration(type: $type, format: $format) { filename contentType data }
  }
`);
const ImportAll = graphql(`
  mutation TransferImport($type: TransferType!, $data: String!, $format: TransferFormat) {
    importConfiguration(type: $type, data: $data, format: $format) {
      __typename
      ... on MutationImportConfigurationSuccess { data { created updated types { type created updated } } }
      ... on ValidationError { fields { path message } }
    }
  }
`);

let a: TestApp;
let b: TestApp;
let tokenA: string;
let tokenB: string;

async function seed(t: TestApp, token: string) {
  const post = async (path: string, body: unknown) => {
    const r = await t.rest("POST", path, { token, body });
    if (r.status !== 201) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { id: string };
  };
  const net = await post("/admin/api/networks", { name: "Everflow", type: "everflow", apiKey: "net-secret" });
  const src = await post("/admin/api/sources", { name: "Kadam", template: "kadam", apiKey: "src-secret" });
  const dom = await post("/admin/api/domains", { hostname: "trk.example.net" });
  const lp = await post("/admin/api/landings", { name: 'Scan, "quoted"\nmultiline', html: "=SUM(A1)<h1>Hi, {{city}}</h1>\n<p>x</p>", steps: ["Landing"] });
  await post("/admin/api/products", { name: "Shoe", sku: "S-1", price: "59.99" });
  const offer = await post("/admin/api/offers", {
    name: "McAfee",
    url: "https://o.example.com/?s={click_id}",
    payout: "40.5",
    networkId: net.id,
    dailyCap: 10,
    geoPayouts: [{ country: "FR", payout: "25" }],
  });
  const camp = await post("/admin/api/campaigns", {
    name: "Camp",
    slug: "camp-1",
    sourceId: src.id,
    domainId: dom.id,
    defaultOfferId: offer.id,
    audiencePassback: { fbPixelId: "123", fbAccessToken: "capi-secret" },
  });
  await post("/admin/api/flows", {
    campaignId: camp.id,
    type: "REGULAR",
    filters: [{ field: "country", operator: "in", value: ["US"] }],
    landings: [{ landingId: lp.id, weight: 70 }],
    offers: [{ offerId: offer.id, weight: 30 }],
  });
  await post("/admin/api/flows", { campaignId: camp.id, type: "DEFAULT", offers: [{ offerId: offer.id }] });
}

beforeAll(async () => {
  [a, b] = await Promise.all([startTestApp(), startTestApp()]);
  [tokenA, tokenB] = await Promise.all([a.login(), b.login()]);
  await seed(a, tokenA);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

/** The export minus its timestamp; JSON settings compared without keys left at their empty default. */
const strip = (json: string) => {
  const { exportedAt: _e, ...rest } = JSON.parse(json) as Record<string, unknown>;
  const noEmpty = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== ""));
  for (const c of rest.campaigns as Array<Record<string, Record<string, unknown>>>) {
    c.retargetingPixels = noEmpty(c.retargetingPixels as Record<string, unknown>);
    c.audiencePassback = noEmpty(c.audiencePassback as Record<string, unknown>);
  }
  return rest;
};

describe("export / import", () => {
  it("round-trips the whole configuration as JSON into a fresh install, without secrets", async () => {
    const exp = await t(a).gql(ExportAll, { type: "ALL" }, tokenA);
    const json = exp.data?.exportConfiguration.data as string;
    expect(json).not.toContain("net-secret");
    expect(json).not.toContain("src-secret");
    expect(json).not.toContain("capi-secret");
    const imp = await b.gql(ImportAll, { type: "ALL", data: json }, tokenB);
    expect(imp.data?.importConfiguration).toMatchObject({ __typename: "MutationImportConfigurationSuccess", data: { created: 9, updated: 0 } });
    const again = await b.gql(ExportAll, { type: "ALL" }, tokenB);
    expect(strip(again.data?.exportConfiguration.data as string)).toEqual(strip(json));
    // Importing the same file again updates in place.
    const twice = await b.gql(ImportAll, { type: "ALL", data: json }, tokenB);
    expect(twice.data?.importConfiguration).toMatchObject({ data: { created: 0, updated: 9 } });
    const audit = await b.app.deps.db.prisma.auditLog.count({ where: { action: { endsWith: ".import" } } });
    expect(audit).toBe(18);
  });

  it("exports and imports CSV per type over REST (quotes, newlines, formulas, JSON cells)", async () => {
    for (const type of ["landings", "offers", "flows"]) {
      const r = await a.rest("GET", `/admin/api/export/${type}?format=csv`, { token: tokenA });
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toContain("text/csv");
      expect(r.headers.get("content-disposition")).toContain(`trackily-${type}-`);
      const back = await b.rest("POST", `/admin/api/import/${type}`, { token: tokenB, body: r.body, headers: { "content-type": "text/csv" } });
      expect(back.status, JSON.stringify(back.body)).toBe(200);
      expect(back.body.updated).toBeGreaterThan(0);
    }
    const csv = (await a.rest("GET", "/admin/api/export/landings?format=csv", { token: tokenA })).body as string;
    expect(csv).toContain("'=SUM(A1)");
    const jsonA = await a.rest("GET", "/admin/api/export/landings", { token: tokenA });
    const jsonB = await b.rest("GET", "/admin/api/export/landings", { token: tokenB });
    expect(jsonB.body).toEqual(jsonA.body);
    expect(jsonA.body[0].html).toContain("=SUM(A1)");
  });

  it("reports every bad row and imports nothing", async () => {
    const before = await b.app.deps.db.prisma.offer.count();
    const rows = [
      { name: "Good", url: "https://good.example.com" },
      { name: "", url: "https://x.example.com" },
      { name: "Bad payout", url: "https://x.example.com", payout: "abc" },
      { name: "Ghost network", url: "https://x.example.com", networkId: "0190f000-0000-7000-8000-000000000000" },
    ];
    const r = await b.rest("POST", "/admin/api/import/offers", { token: tokenB, body: rows });
    expect(r.status).toBe(400);
    expect(r.body.fields.map((f: { path: string }) => f.path)).toEqual(["offers.1.name", "offers.2.payout"]);
    // Schema-valid rows still fail on references, inside the transaction, and roll back.
    const r2 = await b.rest("POST", "/admin/api/import/offers", { token: tokenB, body: [rows[0], rows[3]] });
    expect(r2.status).toBe(400);
    expect(r2.body.fields.map((f: { path: string }) => f.path)).toEqual(["offers.1.networkId"]);
    expect(await b.app.deps.db.prisma.offer.count()).toBe(before);
    const bad = await b.rest("POST", "/admin/api/import/offers", { token: tokenB, body: 'name,url\n"unterminated', headers: { "content-type": "text/csv" } });
    expect(bad.status).toBe(400);
    expect((await b.rest("GET", "/admin/api/export/planets", { token: tokenB })).body.fields[0].path).toBe("type");
    expect((await b.rest("GET", "/admin/api/export/all?format=csv", { token: tokenB })).status).toBe(400);
  });

  it("needs read access to export and write access to import each section", async () => {
    const created = await a.rest("POST", "/admin/api/users", {
      token: tokenA,
      body: { email: "viewer@test.local", password: "viewer-password", role: "VIEWER" },
    });
    expect(created.status).toBe(201);
    const viewer = await a.login("viewer@test.local", "viewer-password");
    expect((await a.rest("GET", "/admin/api/export/offers", { token: viewer })).status).toBe(200);
    expect((await a.rest("GET", "/admin/api/export/networks", { token: viewer })).status).toBe(403);
    expect((await a.rest("GET", "/admin/api/export/all", { token: viewer })).status).toBe(403);
    expect((await a.rest("POST", "/admin/api/import/offers", { token: viewer, body: [] })).status).toBe(403);
    expect((await a.rest("GET", "/admin/api/export/offers")).status).toBe(401);
  });
});

const t = (x: TestApp) => x;
