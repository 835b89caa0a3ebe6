// The management flows on embedded PGlite: the same schema, migrations and code as PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./gql/index.js";
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
});
