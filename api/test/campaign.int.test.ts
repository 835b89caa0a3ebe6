import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./gql/index.js";
import { startTestApp, type TestApp } from "./helpers/app.js";

const CreateSource = graphql(`
  mutation CreateSource($input: CreateTrafficSourceInput!) {
    createTrafficSource(input: $input) {
      __typename
      ... on MutationCreateTrafficSourceSuccess { data { id template clickIdParam clickIdMacro campaignIdMacro postbackUrl } }
      ... on Error { message }
    }
  }
`);

const CreateCampaign = graphql(`
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      __typename
      ... on MutationCreateCampaignSuccess {
        data { id slug costModel costValue trackingLink trackingTemplate missingTemplateMacros source { name } conflicts { level code } }
      }
      ... on ValidationError { message fields { path message } }
      ... on ConflictError { message field }
      ... on Error { message }
    }
  }
`);

const UpdateCampaign = graphql(`
  mutation UpdateCampaign($input: UpdateCampaignInput!) {
    updateCampaign(input: $input) {
      __typename
      ... on MutationUpdateCampaignSuccess { data { id name status source { id } } }
      ... on Error { message }
    }
  }
`);

const Campaigns = graphql(`
  query Campaigns($filter: CampaignFilter, $orderBy: CampaignOrder, $first: Int, $after: String) {
    campaigns(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { slug name source { name } } }
    }
  }
`);

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp({ env: { PUBLIC_URL: "https://trk.example.com" } });
  token = await t.login();
});
afterAll(() => t?.stop());

describe("campaigns", () => {
  it("creates a source from a template and a campaign with its tracking link and template", async () => {
    const src = await t.gql(CreateSource, { input: { name: "Kadam main", template: "kadam" } }, token);
    if (src.data?.createTrafficSource.__typename !== "MutationCreateTrafficSourceSuccess") throw new Error(JSON.stringify(src));
    const source = src.data.createTrafficSource.data;
    expect(source).toMatchObject({ template: "kadam", clickIdParam: "click_id", clickIdMacro: "{click_id}", campaignIdMacro: "{campaign_id}" });

    const r = await t.gql(
      CreateCampaign,
      { input: { name: "McAfee US Push", slug: "mcafee-us", sourceId: source.id, costModel: "CPC", costValue: "0.05" } },
      token,
    );
    if (r.data?.createCampaign.__typename !== "MutationCreateCampaignSuccess") throw new Error(JSON.stringify(r));
    const c = r.data.createCampaign.data;
    expect(c.costValue).toBe("0.05");
    expect(c.trackingTemplate).toBe("click_id={click_id}&cost={cost}&campaign_id={campaign_id}&adset_id={group_id}&ad_id={ad_id}&placement={site_id}");
    expect(c.trackingLink).toBe(`https://trk.example.com/c/mcafee-us?${c.trackingTemplate}`);
    expect(c.missingTemplateMacros).toEqual([]);
    expect(c.source?.name).toBe("Kadam main");

    const audit = await t.app.deps.db.prisma.auditLog.findMany({ where: { entityId: c.id } });
    expect(audit.map((a) => a.action)).toEqual(["campaign.create"]);
    expect(audit[0]?.after).toMatchObject({ slug: "mcafee-us" });
  });

  it("rejects bad input with a typed error naming each field, and writes nothing", async () => {
    const before = await t.app.deps.db.prisma.campaign.count();
    const audits = await t.app.deps.db.prisma.auditLog.count();
    const r = await t.gql(CreateCampaign, { input: { name: "", slug: "Bad Slug!", costValue: "-1", freqCapVisits: -2, timezone: "Mars/Base" } }, token);
    expect(r.data?.createCampaign.__typename).toBe("ValidationError");
    if (r.data?.createCampaign.__typename !== "ValidationError") return;
    expect(r.data.createCampaign.fields.map((f) => f.path).sort()).toEqual(["costValue", "freqCapVisits", "name", "slug", "timezone"]);
    expect(await t.app.deps.db.prisma.campaign.count()).toBe(before);
    expect(await t.app.deps.db.prisma.auditLog.count()).toBe(audits);
  });

  it("refuses a duplicate slug as a conflict on the slug field", async () => {
    await t.gql(CreateCampaign, { input: { name: "A", slug: "dup-slug" } }, token);
    const r = await t.gql(CreateCampaign, { input: { name: "B", slug: "dup-slug" } }, token);
    expect(r.data?.createCampaign).toMatchObject({ __typename: "ConflictError", field: "slug" });
  });

  it("refuses an unknown source id", async () => {
    const r = await t.gql(CreateCampaign, { input: { name: "A", slug: "ghost-source", sourceId: "0190f000-0000-7000-8000-000000000000" } }, token);
    expect(r.data?.createCampaign.__typename).toBe("ValidationError");
  });

  it("updates only what is sent, clears on request, and audits before and after", async () => {
    const r = await t.gql(CreateCampaign, { input: { name: "Upd", slug: "upd" } }, token);
    if (r.data?.createCampaign.__typename !== "MutationCreateCampaignSuccess") throw new Error("create failed");
    const id = r.data.createCampaign.data.id;
    const u = await t.gql(UpdateCampaign, { input: { id, status: "PAUSED" } }, token);
    expect(u.data?.updateCampaign).toMatchObject({ data: { name: "Upd", status: "PAUSED" } });
    const audit = await t.app.deps.db.prisma.auditLog.findFirstOrThrow({ where: { entityId: id, action: "campaign.update" } });
    expect(audit.before).toMatchObject({ status: "ACTIVE" });
    expect(audit.after).toMatchObject({ status: "PAUSED" });
  });

  it("lists with filters, sorting and cursor pagination", async () => {
    for (const s of ["list-a", "list-b", "list-c"]) await t.gql(CreateCampaign, { input: { name: `List ${s}`, slug: s } }, token);
    const page1 = await t.gql(Campaigns, { filter: { search: "list-" }, orderBy: { field: "SLUG", direction: "ASC" }, first: 2 }, token);
    expect(page1.data?.campaigns.totalCount).toBe(3);
    expect(page1.data?.campaigns.edges.map((e) => e.node.slug)).toEqual(["list-a", "list-b"]);
    const page2 = await t.gql(
      Campaigns,
      { filter: { search: "list-" }, orderBy: { field: "SLUG", direction: "ASC" }, first: 2, after: page1.data?.campaigns.pageInfo.endCursor },
      token,
    );
    expect(page2.data?.campaigns.edges.map((e) => e.node.slug)).toEqual(["list-c"]);
  });

  it("works over the REST surface with the same validation", async () => {
    const created = await t.rest("POST", "/admin/api/campaigns", { token, body: { name: "Rest", slug: "rest-one", costModel: "CPM", costValue: "2.5" } });
    expect(created.status).toBe(201);
    expect(created.body.costValue).toBe("2.5");
    const bad = await t.rest("POST", "/admin/api/campaigns", { token, body: { name: "Rest", slug: "" } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].path).toBe("slug");
    const list = await t.rest("GET", "/admin/api/campaigns?search=rest-one", { token });
    expect(list.body.data.map((c: { slug: string }) => c.slug)).toEqual(["rest-one"]);
    expect((await t.rest("GET", "/admin/api/campaigns")).status).toBe(401);
  });
});
