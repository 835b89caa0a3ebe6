// The management flows on embedded PGlite: the same schema, migrations and code as PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./gql/index.js";
import { seedDemo } from "../src/schema/seed/demo.js";
import { startTestApp, type TestApp } from "./helpers/app.js";

const CreateCampaign = graphql(`
  mutation PgliteCreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      __typename
      ... on MutationCreateCampaignSuccess { data { id slug costValue } }
      ... on ConflictError { field }
    }
  }
`);
const List = graphql(`
  query PgliteCampaigns {
    campaigns(first: 10) { totalCount edges { node { slug } } }
  }
`);

const DemoCampaign = graphql(`
  query PgliteDemoCampaign($slug: String!) {
    campaign(slug: $slug) {
      trackingLink
      defaultOffer { name geoPayouts { country payout } }
      source { template }
      flows { type filters { field values } landings { weight landing { type } } offers { weight offer { name network { name } } } }
      conflicts { code }
    }
  }
`);
const Balance = graphql(`
  mutation PgliteBalance($id: ID!) {
    balanceFlowWeights(id: $id) { __typename ... on MutationBalanceFlowWeightsSuccess { data { landings { weight } offers { weight } } } }
  }
`);
const Settings = graphql(`
  mutation PgliteSettings($input: UpdateSettingsInput!) {
    updateSettings(input: $input) { __typename ... on MutationUpdateSettingsSuccess { data { accountCurrency conversionTypes } } }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ storage: "pglite" });
});
afterAll(() => t?.stop());

describe("embedded PGlite", () => {
  it("migrates, signs in, writes, lists and enforces uniqueness", async () => {
    const health = await t.rest("GET", "/health");
    expect(health.body).toMatchObject({ status: "ok", database: { kind: "pglite", reachable: true }, migrations: { pending: [] } });
    const token = await t.login();
    const created = await t.gql(CreateCampaign, { input: { name: "Embedded", slug: "embedded", costValue: "0.0125" } }, token);
    expect(created.data?.createCampaign).toMatchObject({ __typename: "MutationCreateCampaignSuccess", data: { slug: "embedded", costValue: "0.0125" } });
    const dup = await t.gql(CreateCampaign, { input: { name: "Again", slug: "embedded" } }, token);
    expect(dup.data?.createCampaign).toMatchObject({ __typename: "ConflictError", field: "slug" });
    const list = await t.gql(List, {}, token);
    expect(list.data?.campaigns.totalCount).toBe(1);
    expect(await t.app.deps.db.prisma.auditLog.count({ where: { action: "campaign.create" } })).toBe(1);
  });

  it("runs the core management flow: seed, flows with weights, Balance, settings, users and roles, export/import", async () => {
    const token = await t.login();
    const seeded = await seedDemo(t.app.deps);
    expect(seeded.created).toBe(true);
    expect((await seedDemo(t.app.deps)).created).toBe(false);
    const c = await t.gql(DemoCampaign, { slug: seeded.slug }, token);
    const camp = c.data?.campaign;
    expect(camp?.source?.template).toBe("kadam");
    expect(camp?.defaultOffer?.geoPayouts.map((p) => p.country)).toEqual(["DE", "FR", "US"]);
    expect(camp?.flows.map((f) => f.type)).toEqual(["FORCED", "REGULAR", "DEFAULT"]);
    expect(camp?.flows[1]?.landings.map((l) => l.weight)).toEqual([100, 50]);
    expect(camp?.conflicts).toEqual([]);

    const flowId = (await t.app.deps.db.prisma.flow.findFirstOrThrow({ where: { type: "REGULAR" } })).id;
    const b = await t.gql(Balance, { id: flowId }, token);
    expect(b.data?.balanceFlowWeights).toMatchObject({ data: { landings: [{ weight: 100 }, { weight: 100 }], offers: [{ weight: 100 }, { weight: 100 }] } });

    const s = await t.gql(Settings, { input: { accountCurrency: "EUR", customConversionTypes: ["trial"] } }, token);
    expect(s.data?.updateSettings).toMatchObject({ data: { accountCurrency: "EUR", conversionTypes: ["sale", "lead", "upsell", "rebill", "trial"] } });

    const viewer = await t.rest("POST", "/admin/api/users", { token, body: { email: "v@pglite.test", password: "viewer-password", role: "VIEWER" } });
    expect(viewer.status).toBe(201);
    const vt = await t.login("v@pglite.test", "viewer-password");
    expect((await t.rest("GET", "/admin/api/offers", { token: vt })).status).toBe(200);
    expect((await t.rest("POST", "/admin/api/offers", { token: vt, body: {} })).status).toBe(403);

    const exported = await t.rest("GET", "/admin/api/export/all", { token });
    expect(exported.body.flows).toHaveLength(3);
    const reimport = await t.rest("POST", "/admin/api/import/all", { token, body: exported.body });
    expect(reimport.status).toBe(200);
    expect(reimport.body).toMatchObject({ created: 0 });
    const bad = await t.rest("POST", "/admin/api/import/offers", { token, body: [{ name: "", url: "x" }] });
    expect(bad.status).toBe(400);
  });
});
