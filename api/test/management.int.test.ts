// Entity CRUD over real HTTP: networks, offers (geo payouts, caps), landers, domains, flows (filters, weights,
// Balance, conflicts), products, settings and currency rates. Each write is audited and publishes config:changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./gql/index.js";
import { startTestApp, type TestApp } from "./helpers/app.js";

const CreateNetwork = graphql(`
  mutation MgmtCreateNetwork($input: CreateAffiliateNetworkInput!) {
    createAffiliateNetwork(input: $input) {
      __typename
      ... on MutationCreateAffiliateNetworkSuccess { data { id name type postbackTemplate hasApiKey allowedIps } }
      ... on ValidationError { fields { path message } }
      ... on Error { message }
    }
  }
`);

const CreateOffer = graphql(`
  mutation MgmtCreateOffer($input: CreateOfferInput!) {
    createOffer(input: $input) {
      __typename
      ... on MutationCreateOfferSuccess {
        data { id name payout payoutType dailyCap totalCap capTimezone network { name } geoPayouts { country payout currency } }
      }
      ... on ValidationError { fields { path message } }
      ... on Error { message }
    }
  }
`);

const UpdateOffer = graphql(`
  mutation MgmtUpdateOffer($input: UpdateOfferInput!) {
    updateOffer(input: $input) {
      __typename
      ... on MutationUpdateOfferSuccess { data { id dailyCap geoPayouts { country payout } } }
      ... on ValidationError { fields { path message } }
      ... on Error { message }
    }
  }
`);

const Offers = graphql(`
  query MgmtOffers($filter: OfferFilter, $orderBy: OfferOrder) {
    offers(filter: $filter, orderBy: $orderBy, first: 50) { totalCount edges { node { name payout network { name } } } }
  }
`);

const CreateLanding = graphql(`
  mutation MgmtCreateLanding($input: CreateLandingPageInput!) {
    createLandingPage(input: $input) {
      __typename
      ... on MutationCreateLandingPageSuccess { data { id type url html steps offerCount } }
      ... on ValidationError { fields { path message } }
      ... on Error { message }
    }
  }
`);

const CreateDomain = graphql(`
  mutation MgmtCreateDomain($input: CreateDomainInput!) {
    createDomain(input: $input) {
      __typename
      ... on MutationCreateDomainSuccess { data { id hostname groupName verified } }
      ... on ValidationError { fields { path message } }
      ... on ConflictError { field }
      ... on Error { message }
    }
  }
`);

const CreateCampaign = graphql(`
  mutation MgmtCreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) { __typename ... on MutationCreateCampaignSuccess { data { id } } ... on Error { message } }
  }
`);

const CreateFlow = graphql(`
  mutation MgmtCreateFlow($input: CreateFlowInput!) {
    createFlow(input: $input) {
      __typename
      ... on MutationCreateFlowSuccess {
        data {
          id type position binding
          filters { field operator values }
          landings { weight landing { id } }
          offers { weight offer { id } }
          campaign { conflicts { level code flowIds } }
        }
      }
      ... on ValidationError { fields { path message } }
      ... on Error { message }
    }
  }
`);

const UpdateFlow = graphql(`
  mutation MgmtUpdateFlow($input: UpdateFlowInput!) {
    updateFlow(input: $input) {
      __typename
      ... on MutationUpdateFlowSuccess { data { id type filters { field values } offers { weight } } }
      ... on ValidationError { fields { path message } }
      ... on Error { message }
    }
  }
`);

const Balance = graphql(`
  mutation MgmtBalance($id: ID!) {
    balanceFlowWeights(id: $id) { __typename ... on MutationBalanceFlowWeightsSuccess { data { landings { weight } offers { weight } } } }
  }
`);

const CampaignConflicts = graphql(`
  query MgmtCampaignConflicts($id: ID!) {
    campaign(id: $id) { flows { id type position } conflicts { level code flowIds } }
  }
`);

const CreateProduct = graphql(`
  mutation MgmtCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      __typename
      ... on MutationCreateProductSuccess { data { id sku price currency } }
      ... on ValidationError { fields { path message } }
      ... on ConflictError { field }
      ... on Error { message }
    }
  }
`);

const UpdateSettings = graphql(`
  mutation MgmtUpdateSettings($input: UpdateSettingsInput!) {
    updateSettings(input: $input) {
      __typename
      ... on MutationUpdateSettingsSuccess {
        data { accountCurrency timezone conversionRegistration ipAnonymization customConversionTypes conversionTypes postbackAllowedIps telegram { chatId hasBotToken } }
      }
      ... on ValidationError { fields { path message } }
      ... on Error { message }
    }
  }
`);

const SetRate = graphql(`
  mutation MgmtSetRate($currency: String!, $rate: Decimal!) {
    setCurrencyRate(currency: $currency, rate: $rate) {
      __typename
      ... on MutationSetCurrencyRateSuccess { data { currency rate } }
      ... on ValidationError { fields { path message } }
    }
  }
`);

const AuditLog = graphql(`
  query MgmtAudit($filter: AuditLogFilter) {
    auditLog(filter: $filter, first: 5) { totalCount edges { node { action entityType actorName before after } } }
  }
`);

let t: TestApp;
let token: string;
const changes: Array<{ entity: string; id?: string }> = [];
beforeAll(async () => {
  t = await startTestApp({ env: { PUBLIC_URL: "https://trk.example.com" } });
  token = await t.login();
  void (async () => {
    for await (const e of t.app.deps.bus.subscribe("config:changed")) changes.push(e);
  })();
});
afterAll(() => t?.stop());

const ok = <T extends { __typename: string }>(r: { data?: Record<string, T> | null; errors?: unknown }, field: string) => {
  const v = r.data?.[field];
  if (!v?.__typename.endsWith("Success")) throw new Error(`${field} failed: ${JSON.stringify(r)}`);
  return (v as unknown as { data: Record<string, unknown> }).data;
};

describe("affiliate networks and offers", () => {
  let networkId = "";
  it("creates a network with its type's postback template, secret write-only", async () => {
    const r = await t.gql(CreateNetwork, { input: { name: "Everflow main", type: "everflow", apiKey: "secret-key", allowedIps: ["203.0.113.0/24"] } }, token);
    const n = ok(r as never, "createAffiliateNetwork") as { id: string; postbackTemplate: string; hasApiKey: boolean };
    networkId = n.id;
    expect(n.postbackTemplate).toBe("https://trk.example.com/postback?click_id={sub2}&payout={payout_amount}&txid={transaction_id}&status={status}");
    expect(n.hasApiKey).toBe(true);
    const audit = await t.app.deps.db.prisma.auditLog.findFirstOrThrow({ where: { entityId: n.id } });
    expect(JSON.stringify(audit.after)).not.toContain("secret-key");
    expect(changes).toContainEqual(expect.objectContaining({ entity: "AffiliateNetwork", id: n.id }));

    const bad = await t.gql(CreateNetwork, { input: { name: "x", type: "nope", allowedIps: ["300.1.1.1"] } }, token);
    expect(bad.data?.createAffiliateNetwork.__typename).toBe("ValidationError");
  });

  it("creates an offer with geo payouts, caps in a time zone, and the network", async () => {
    const r = await t.gql(
      CreateOffer,
      {
        input: {
          name: "McAfee",
          url: "https://offer.example.com/?sub2={click_id}",
          payout: "40",
          networkId,
          dailyCap: 50,
          totalCap: 1000,
          capTimezone: "America/New_York",
          geoPayouts: [
            { country: "us", payout: "40.00" },
            { country: "FR", payout: "25", currency: "EUR" },
          ],
        },
      },
      token,
    );
    const o = ok(r as never, "createOffer") as { id: string; geoPayouts: unknown[]; network: { name: string } };
    expect(o).toMatchObject({ payout: "40", dailyCap: 50, capTimezone: "America/New_York", network: { name: "Everflow main" } });
    expect(o.geoPayouts).toEqual([
      { country: "FR", payout: "25", currency: "EUR" },
      { country: "US", payout: "40", currency: "USD" },
    ]);

    const u = await t.gql(UpdateOffer, { input: { id: o.id, clearDailyCap: true, geoPayouts: [{ country: "DE", payout: "30" }] } }, token);
    expect(ok(u as never, "updateOffer")).toMatchObject({ dailyCap: null, geoPayouts: [{ country: "DE", payout: "30" }] });

    const list = await t.gql(Offers, { filter: { networkId }, orderBy: { field: "NAME", direction: "ASC" } }, token);
    expect(list.data?.offers.edges.map((e) => e.node.name)).toEqual(["McAfee"]);
  });

  it("rejects bad offers naming each field and writes nothing (not even geo payouts)", async () => {
    const before = await t.app.deps.db.prisma.offerPayout.count();
    const r = await t.gql(
      CreateOffer,
      {
        input: {
          name: "",
          url: "javascript:alert(1)",
          payout: "1.123456",
          capTimezone: "Nowhere/City",
          geoPayouts: [
            { country: "US", payout: "1" },
            { country: "US", payout: "2" },
          ],
        },
      },
      token,
    );
    expect(r.data?.createOffer.__typename).toBe("ValidationError");
    if (r.data?.createOffer.__typename !== "ValidationError") return;
    expect(r.data.createOffer.fields.map((f) => f.path).sort()).toEqual(["capTimezone", "geoPayouts.1.country", "name", "payout", "url"]);
    const revshare = await t.gql(CreateOffer, { input: { name: "R", url: "https://x.example.com", payoutType: "REVSHARE", payout: "150" } }, token);
    expect(revshare.data?.createOffer).toMatchObject({ __typename: "ValidationError", fields: [{ path: "payout" }] });
    const ghost = await t.gql(CreateOffer, { input: { name: "G", url: "https://x.example.com", networkId: "0190f000-0000-7000-8000-000000000000" } }, token);
    expect(ghost.data?.createOffer).toMatchObject({ __typename: "ValidationError", fields: [{ path: "networkId" }] });
    expect(await t.app.deps.db.prisma.offerPayout.count()).toBe(before);
  });
});

describe("landing pages and domains", () => {
  it("requires HTML for local landers and a URL for redirect landers", async () => {
    const local = await t.gql(CreateLanding, { input: { name: "Scan", type: "LOCAL", html: "<h1>{{city}}</h1>", steps: ["Landing", "Scan"] } }, token);
    expect(ok(local as never, "createLandingPage")).toMatchObject({ type: "LOCAL", steps: ["Landing", "Scan"] });
    const remote = await t.gql(CreateLanding, { input: { name: "WP", type: "URL", url: "https://lp.example.com/a" } }, token);
    expect(ok(remote as never, "createLandingPage")).toMatchObject({ type: "URL" });
    const bad = await t.gql(CreateLanding, { input: { name: "Bad", type: "URL" } }, token);
    expect(bad.data?.createLandingPage).toMatchObject({ __typename: "ValidationError", fields: [{ path: "url" }] });
    const bad2 = await t.gql(CreateLanding, { input: { name: "Bad", type: "LOCAL", html: " " } }, token);
    expect(bad2.data?.createLandingPage).toMatchObject({ __typename: "ValidationError", fields: [{ path: "html" }] });
  });

  it("refuses to import a lander from a private address (SSRF)", async () => {
    const r = await t.rest("POST", "/admin/api/landings/import", { token, body: { name: "x", url: "http://127.0.0.1:1/" } });
    expect(r.status).toBe(400);
    expect(r.body.fields[0].path).toBe("url");
  });

  it("normalizes hostnames and refuses duplicates", async () => {
    const r = await t.gql(CreateDomain, { input: { hostname: "https://Track.Example.com/", groupName: "main" } }, token);
    expect(ok(r as never, "createDomain")).toMatchObject({ hostname: "track.example.com", verified: false });
    const dup = await t.gql(CreateDomain, { input: { hostname: "track.example.com" } }, token);
    expect(dup.data?.createDomain).toMatchObject({ __typename: "ConflictError", field: "hostname" });
    const bad = await t.gql(CreateDomain, { input: { hostname: "not a host" } }, token);
    expect(bad.data?.createDomain).toMatchObject({ __typename: "ValidationError", fields: [{ path: "hostname" }] });
  });
});

describe("flows", () => {
  it("creates flows with validated filters and weights, balances, reorders and reports conflicts", async () => {
    const c = ok((await t.gql(CreateCampaign, { input: { name: "Flows", slug: "flows-1" } }, token)) as never, "createCampaign") as { id: string };
    const l1 = ok((await t.gql(CreateLanding, { input: { name: "L1", html: "<p>1</p>" } }, token)) as never, "createLandingPage") as { id: string };
    const l2 = ok((await t.gql(CreateLanding, { input: { name: "L2", html: "<p>2</p>" } }, token)) as never, "createLandingPage") as { id: string };
    const o1 = ok((await t.gql(CreateOffer, { input: { name: "O1", url: "https://o1.example.com" } }, token)) as never, "createOffer") as { id: string };

    const regular = await t.gql(
      CreateFlow,
      {
        input: {
          campaignId: c.id,
          name: "US mobile",
          type: "REGULAR",
          filters: [
            { field: "country", operator: "in", values: ["us", "CA"] },
            { field: "device", operator: "equals", values: ["Mobile"] },
          ],
          binding: "BOTH",
          landings: [
            { landingId: l1.id, weight: 100 },
            { landingId: l2.id, weight: 50 },
          ],
          offers: [{ offerId: o1.id }],
        },
      },
      token,
    );
    const f1 = ok(regular as never, "createFlow") as { id: string; filters: unknown; landings: unknown; offers: unknown; position: number };
    expect(f1.filters).toEqual([
      { field: "country", operator: "in", values: ["US", "CA"] },
      { field: "device", operator: "equals", values: ["mobile"] },
    ]);
    expect(f1.landings).toEqual([
      { weight: 100, landing: { id: l1.id } },
      { weight: 50, landing: { id: l2.id } },
    ]);
    expect(f1.offers).toEqual([{ weight: 100, offer: { id: o1.id } }]);
    expect(f1.position).toBe(0);

    const bad = await t.gql(
      CreateFlow,
      {
        input: {
          campaignId: c.id,
          type: "REGULAR",
          filters: [
            { field: "planet", operator: "in", values: ["mars"] },
            { field: "country", operator: "contains", values: ["US"] },
          ],
          landings: [{ landingId: "0190f000-0000-7000-8000-000000000000" }],
          offers: [{ offerId: o1.id, weight: -1 }],
        },
      },
      token,
    );
    expect(bad.data?.createFlow.__typename).toBe("ValidationError");
    if (bad.data?.createFlow.__typename === "ValidationError") {
      expect(bad.data.createFlow.fields.map((f) => f.path).sort()).toEqual(["filters.0.field", "filters.1.operator", "offers.0.weight"]);
    }
    const ghost = await t.gql(CreateFlow, { input: { campaignId: c.id, landings: [{ landingId: "0190f000-0000-7000-8000-000000000000" }] } }, token);
    expect(ghost.data?.createFlow).toMatchObject({ __typename: "ValidationError", fields: [{ path: "landings.0.landingId" }] });
    const defaultWithFilters = await t.gql(
      CreateFlow,
      { input: { campaignId: c.id, type: "DEFAULT", filters: [{ field: "country", operator: "in", values: ["US"] }] } },
      token,
    );
    expect(defaultWithFilters.data?.createFlow).toMatchObject({ __typename: "ValidationError", fields: [{ path: "filters" }] });

    // A twin regular flow (info), a forced flow without filters (warning), two default flows (error).
    const twin = ok(
      (await t.gql(
        CreateFlow,
        {
          input: {
            campaignId: c.id,
            type: "REGULAR",
            filters: [
              { field: "device", operator: "equals", values: ["mobile"] },
              { field: "country", operator: "in", values: ["CA", "US"] },
            ],
          },
        },
        token,
      )) as never,
      "createFlow",
    ) as { id: string; position: number };
    expect(twin.position).toBe(1);
    const forced = ok((await t.gql(CreateFlow, { input: { campaignId: c.id, type: "FORCED" } }, token)) as never, "createFlow") as { id: string };
    const d1 = ok((await t.gql(CreateFlow, { input: { campaignId: c.id, type: "DEFAULT" } }, token)) as never, "createFlow") as { id: string };
    const d2 = ok((await t.gql(CreateFlow, { input: { campaignId: c.id, type: "DEFAULT" } }, token)) as never, "createFlow") as {
      id: string;
      campaign: { conflicts: Array<{ code: string; flowIds: string[] }> };
    };
    const codes = Object.fromEntries(d2.campaign.conflicts.map((x) => [x.code, [...x.flowIds].sort()]));
    expect(codes).toEqual({
      MULTIPLE_DEFAULT_FLOWS: [d1.id, d2.id].sort(),
      FORCED_FLOW_WITHOUT_FILTERS: [forced.id],
      IDENTICAL_REGULAR_FILTERS: [f1.id, twin.id].sort(),
    });

    const balanced = await t.gql(Balance, { id: f1.id }, token);
    expect(balanced.data?.balanceFlowWeights).toMatchObject({ data: { landings: [{ weight: 100 }, { weight: 100 }], offers: [{ weight: 100 }] } });

    // Reorder over REST; then the conflicts endpoint.
    const order = [d2.id, d1.id, forced.id, twin.id, f1.id];
    const re = await t.rest("PUT", `/admin/api/campaigns/${c.id}/flows/order`, { token, body: { flowIds: order } });
    expect(re.status).toBe(200);
    const after = await t.gql(CampaignConflicts, { id: c.id }, token);
    expect(after.data?.campaign?.flows.map((f) => f.id)).toEqual(order);
    const partial = await t.rest("PUT", `/admin/api/campaigns/${c.id}/flows/order`, { token, body: { flowIds: [d1.id] } });
    expect(partial.status).toBe(400);
    const conflicts = await t.rest("GET", `/admin/api/campaigns/${c.id}/conflicts`, { token });
    expect(conflicts.body.conflicts).toHaveLength(3);

    // Updating to a default flow while it has filters is refused; clearing filters at the same time is fine.
    const toDefault = await t.gql(UpdateFlow, { input: { id: f1.id, type: "DEFAULT" } }, token);
    expect(toDefault.data?.updateFlow.__typename).toBe("ValidationError");
    const cleared = await t.gql(UpdateFlow, { input: { id: twin.id, type: "DEFAULT", filters: [] } }, token);
    expect(cleared.data?.updateFlow).toMatchObject({ data: { type: "DEFAULT", filters: [] } });

    const audits = await t.app.deps.db.prisma.auditLog.findMany({ where: { entityId: f1.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["flow.create", "flow.balance"]);
    expect(changes.filter((e) => e.entity === "Flow").length).toBeGreaterThanOrEqual(6);
  });
});

describe("products, settings, currency rates", () => {
  it("manages products with unique SKUs and decimal prices", async () => {
    const p = await t.gql(CreateProduct, { input: { name: "Shoes", sku: "SHOE-1", price: "59.99", category: "Footwear" } }, token);
    expect(ok(p as never, "createProduct")).toMatchObject({ sku: "SHOE-1", price: "59.99", currency: "USD" });
    const dup = await t.gql(CreateProduct, { input: { name: "Shoes 2", sku: "SHOE-1", price: "1" } }, token);
    expect(dup.data?.createProduct).toMatchObject({ __typename: "ConflictError", field: "sku" });
    const bad = await t.gql(CreateProduct, { input: { name: "X", sku: "has space", price: "-1" } }, token);
    expect(bad.data?.createProduct.__typename).toBe("ValidationError");
  });

  it("updates settings, keeps secrets write-only, validates custom conversion types and allow-lists", async () => {
    const r = await t.gql(
      UpdateSettings,
      {
        input: {
          accountCurrency: "eur",
          timezone: "Europe/Berlin",
          conversionRegistration: "VISIT",
          ipAnonymization: true,
          customConversionTypes: ["trial", "Deposit"],
          postbackAllowedIps: ["198.51.100.7", "2001:db8::/32"],
          telegram: { botToken: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ", chatId: "-100123" },
        },
      },
      token,
    );
    expect(ok(r as never, "updateSettings")).toMatchObject({
      accountCurrency: "EUR",
      conversionRegistration: "VISIT",
      customConversionTypes: ["trial", "deposit"],
      conversionTypes: ["sale", "lead", "upsell", "rebill", "trial", "deposit"],
      telegram: { chatId: "-100123", hasBotToken: true },
    });
    // Changing the chat id alone keeps the token.
    const again = await t.gql(UpdateSettings, { input: { telegram: { chatId: "@alerts_channel" } } }, token);
    expect(ok(again as never, "updateSettings")).toMatchObject({ telegram: { chatId: "@alerts_channel", hasBotToken: true } });
    const audit = await t.app.deps.db.prisma.auditLog.findFirstOrThrow({ where: { action: "settings.update" } });
    expect(JSON.stringify(audit)).not.toContain("ABCDEFGHIJ");

    const bad = await t.gql(
      UpdateSettings,
      { input: { customConversionTypes: ["sale", "ok_type", "ok_type"], postbackAllowedIps: ["nope"], timezone: "X" } },
      token,
    );
    expect(bad.data?.updateSettings.__typename).toBe("ValidationError");
    if (bad.data?.updateSettings.__typename === "ValidationError") {
      expect(bad.data.updateSettings.fields.map((f) => f.path).sort()).toEqual([
        "customConversionTypes.0",
        "customConversionTypes.2",
        "postbackAllowedIps.0",
        "timezone",
      ]);
    }
    expect(changes).toContainEqual(expect.objectContaining({ entity: "settings" }));
  });

  it("sets currency rates as exact decimals", async () => {
    const r = await t.gql(SetRate, { currency: "usd", rate: "0.9234567891" }, token);
    expect(r.data?.setCurrencyRate).toMatchObject({ data: { currency: "USD", rate: "0.9234567891" } });
    const self = await t.gql(SetRate, { currency: "EUR", rate: "1" }, token);
    expect(self.data?.setCurrencyRate).toMatchObject({ __typename: "ValidationError", fields: [{ path: "currency" }] });
    const rest = await t.rest("GET", "/admin/api/settings/currency-rates", { token });
    expect(rest.body.data).toEqual([expect.objectContaining({ currency: "USD", rate: "0.9234567891" })]);
  });
});

describe("REST", () => {
  it("serves CRUD for every entity with 4xx naming the bad parameter", async () => {
    const n = await t.rest("POST", "/admin/api/networks", { token, body: { name: "Cake", type: "cake", apiKey: "k" } });
    expect(n.status).toBe(201);
    expect(n.body).toMatchObject({ type: "cake", hasApiKey: true });
    expect(n.body.apiKey).toBeUndefined();
    const o = await t.rest("POST", "/admin/api/offers", { token, body: { name: "Rest offer", url: "https://r.example.com", networkId: n.body.id } });
    expect(o.status).toBe(201);
    const got = await t.rest("GET", `/admin/api/offers/${o.body.id}`, { token });
    expect(got.body.network.name).toBe("Cake");
    const patched = await t.rest("PATCH", `/admin/api/offers/${o.body.id}`, { token, body: { payout: "12.5", status: "PAUSED" } });
    expect(patched.body).toMatchObject({ payout: "12.5", status: "PAUSED" });
    const list = await t.rest("GET", "/admin/api/offers?status=paused&limit=10", { token });
    expect(list.body.data.map((x: { name: string }) => x.name)).toEqual(["Rest offer"]);
    expect((await t.rest("GET", "/admin/api/offers?status=weird", { token })).body.fields[0].path).toBe("status");
    expect((await t.rest("PATCH", `/admin/api/offers/${o.body.id}`, { token, body: { payout: "abc" } })).status).toBe(400);
    expect((await t.rest("GET", "/admin/api/offers/not-an-id", { token })).status).toBe(404);
    expect((await t.rest("DELETE", `/admin/api/offers/${o.body.id}`, { token })).status).toBe(200);
    expect((await t.rest("GET", `/admin/api/offers/${o.body.id}`, { token })).status).toBe(404);

    for (const [path, body] of [
      ["/admin/api/sources", { name: "Src", template: "propellerads" }],
      ["/admin/api/landings", { name: "Rest L", type: "URL", url: "https://l.example.com" }],
      ["/admin/api/domains", { hostname: "rest.example.org" }],
      ["/admin/api/products", { name: "P", sku: "P-REST", price: 3 }],
      ["/admin/api/ip-blacklist", { cidr: "192.0.2.0/24", reason: "scrapers" }],
    ] as const) {
      const created = await t.rest("POST", path, { token, body });
      expect(created.status, path).toBe(201);
      expect((await t.rest("GET", `${path}/${created.body.id}`, { token })).status, path).toBe(200);
      expect((await t.rest("GET", path, { token })).body.data.length, path).toBeGreaterThan(0);
      expect((await t.rest("POST", path, { token, body: {} })).status, path).toBe(400);
    }
    const s = await t.rest("PATCH", "/admin/api/settings", { token, body: { pixelCookieDays: 0 } });
    expect(s.status).toBe(400);
    expect(s.body.fields[0].path).toBe("pixelCookieDays");
    expect((await t.rest("GET", "/admin/api/settings", { token })).body.accountCurrency).toBeDefined();
  });

  it("creates API keys with the secret shown once, lists them without it, and revokes them", async () => {
    const created = await t.rest("POST", "/admin/api/api-keys", {
      token,
      body: { name: "BI tool", scopes: { reports: { read: true }, offers: { read: true } } },
    });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^tly_key_/);
    expect(created.body.apiKey.keyHash).toBeUndefined();
    expect(created.body.apiKey.scopes.offers).toEqual({ read: true, write: false });
    const key = created.body.key as string;
    expect((await t.rest("GET", "/admin/api/offers", { headers: { "x-api-key": key } })).status).toBe(200);
    expect((await t.rest("GET", "/admin/api/campaigns", { headers: { "x-api-key": key } })).status).toBe(403);
    const list = await t.rest("GET", "/admin/api/api-keys", { token });
    expect(JSON.stringify(list.body)).not.toContain(key);
    expect(list.body.data[0]).toMatchObject({ name: "BI tool", prefix: key.slice(0, 14) });
    const revoked = await t.rest("DELETE", `/admin/api/api-keys/${created.body.apiKey.id}`, { token });
    expect(revoked.body.revokedAt).toBeTruthy();
    expect((await t.rest("GET", "/admin/api/offers", { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);
    const bad = await t.rest("POST", "/admin/api/api-keys", { token, body: { name: "", scopes: { planets: { read: true } } } });
    expect(bad.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(["name", "scopes.planets"]);
  });

  it("reads the audit log with filters over GraphQL and REST", async () => {
    const g = await t.gql(AuditLog, { filter: { actionPrefix: "offer.update" } }, token);
    expect(g.data?.auditLog.totalCount).toBeGreaterThan(0);
    const entry = g.data?.auditLog.edges[0]?.node;
    expect(entry).toMatchObject({ action: "offer.update", entityType: "Offer", actorName: "admin@test.local" });
    expect(entry?.before).toBeTruthy();
    const logins = await t.gql(AuditLog, { filter: { actionPrefix: "session.create" } }, token);
    expect(logins.data?.auditLog.totalCount).toBeGreaterThan(0);
    const r = await t.rest("GET", "/admin/api/audit-log?entityType=Flow&limit=2", { token });
    expect(r.body.data).toHaveLength(2);
    expect(r.body.nextCursor).toBeTruthy();
  });
});
