// Funnels, attribution (the spec's worked example), A/B significance and the optimizer API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./gql/index.js";
import { startTestApp, type TestApp } from "./helpers/app.js";
import { Fixtures } from "./helpers/reports-fixtures.js";

const Funnel = graphql(`
  query Funnel($campaignId: ID!, $landingId: ID, $range: ReportRangeInput) {
    funnelReport(campaignId: $campaignId, landingId: $landingId, range: $range) {
      clicks
      steps { step name count pctOfFirst pctOfPrevious dropOff dropOffPct }
    }
  }
`);
const Ecom = graphql(`
  query Ecom($campaignId: ID, $range: ReportRangeInput) {
    ecommerceFunnel(campaignId: $campaignId, range: $range) { steps { step name count pctOfFirst pctOfPrevious } }
  }
`);
const Attribution = graphql(`
  query Attr($model: AttributionModel!, $groupBy: AttributionGroup!, $range: ReportRangeInput) {
    attributionReport(model: $model, groupBy: $groupBy, range: $range) { model revenue conversions rows { key label revenue conversions } }
  }
`);
const AbTest = graphql(`
  query Ab($flowId: ID!, $kind: AbTestKind!, $confidenceLevel: Float, $range: ReportRangeInput) {
    abTestReport(flowId: $flowId, kind: $kind, confidenceLevel: $confidenceLevel, range: $range) {
      variants { id name clicks conversions cr epc zScore pValue confidence isLeader }
      confidence significant enoughData winnerId recommendation
    }
  }
`);
const CreateKey = graphql(`
  mutation CreateReportsKey($name: String!, $scopes: [SectionAccessInput!]) {
    createApiKey(name: $name, scopes: $scopes) {
      __typename
      ... on MutationCreateApiKeySuccess { data { key } }
    }
  }
`);
const Optimizer = graphql(`
  query Opt($sourceId: ID!, $level: OptimizerLevel, $range: ReportRangeInput) {
    optimizerStats(sourceId: $sourceId, level: $level, range: $range) {
      currency registrationTime timezone
      rows { campaignId adSetId adId placement metrics { clicks conversions revenue cost } }
    }
  }
`);

let t: TestApp;
let token: string;
let fx: Fixtures;

beforeAll(async () => {
  t = await startTestApp();
  token = await t.login();
  fx = await Fixtures.connect(t.db!.url);
  await fx.settings({ currency: "USD", timezone: "UTC", registration: "POSTBACK" });
});
afterAll(async () => {
  await fx?.close();
  await t?.stop();
});

describe("funnels", () => {
  it("reports drop-off per lander step, filterable by country", async () => {
    const c = await fx.campaign("Funnel");
    const lp = await fx.landing("Scanner", ["Landing", "Email Submitted", "Scan Started", "Offer Shown"]);
    for (let i = 0; i < 10; i++) {
      const click = await fx.click({ campaignId: c, landingId: lp, createdAt: "2026-07-01T10:00:00Z", country: i < 2 ? "DE" : "US" });
      const reached = i < 1 ? 4 : i < 3 ? 3 : i < 6 ? 2 : 1;
      for (let s = 1; s <= reached; s++) await fx.funnelStep({ clickId: click, campaignId: c, landingId: lp, step: s, createdAt: "2026-07-01T10:01:00Z" });
    }
    const r = await t.gql(Funnel, { campaignId: c, landingId: lp, range: { from: "2026-07-01", to: "2026-07-01" } }, token);
    expect(r.errors).toBeUndefined();
    expect(r.data!.funnelReport.clicks).toBe(10);
    expect(r.data!.funnelReport.steps.map((s) => [s.name, s.count, s.pctOfFirst, s.pctOfPrevious, s.dropOff])).toEqual([
      ["Landing", 10, "100.00", "100.00", 0],
      ["Email Submitted", 6, "60.00", "60.00", 4],
      ["Scan Started", 3, "30.00", "50.00", 3],
      ["Offer Shown", 1, "10.00", "33.33", 2],
    ]);
    const de = await t.gql(
      Funnel,
      { campaignId: c, landingId: lp, range: { from: "2026-07-01", to: "2026-07-01", filters: [{ dimension: "country", values: ["DE"] }] } },
      token,
    );
    expect(de.data!.funnelReport.steps.map((s) => s.count)).toEqual([2, 2, 2, 1]);
  });

  it("gives the spec's e-commerce funnel rates (10,000 / 3,500 / 1,800 / 1,200 scaled to 100 / 35 / 18 / 12)", async () => {
    const c = await fx.campaign("Shop");
    await fx.client.query(
      `INSERT INTO events (id, name, visitor_id, campaign_id, created_at)
       SELECT gen_random_uuid(), e.name, ('00000000-0000-7000-8000-' || lpad(v::text, 12, '0'))::uuid, $1, '2026-07-02T12:00:00Z'
       FROM generate_series(1, 100) v
       CROSS JOIN LATERAL (VALUES ('pageview', 100), ('add_to_cart', 35), ('checkout', 18), ('purchase', 12)) e(name, upto)
       WHERE v <= e.upto`,
      [c],
    );
    // A second page view by the same visitor counts once.
    await fx.event({ name: "pageview", visitorId: "00000000-0000-7000-8000-000000000001", campaignId: c, createdAt: "2026-07-02T13:00:00Z" });
    const r = await t.gql(Ecom, { campaignId: c, range: { from: "2026-07-02", to: "2026-07-02" } }, token);
    expect(r.errors).toBeUndefined();
    expect(r.data!.ecommerceFunnel.steps.map((s) => [s.name, s.count, s.pctOfFirst, s.pctOfPrevious])).toEqual([
      ["Page View", 100, "100.00", "100.00"],
      ["Add to Cart", 35, "35.00", "35.00"],
      ["Checkout", 18, "18.00", "51.43"],
      ["Purchase", 12, "12.00", "66.67"],
    ]);
  });
});

describe("attribution", () => {
  it("shares the spec's example journey exactly: Facebook -> Google -> TikTok -> $100", async () => {
    const fb = await fx.source("Facebook");
    const gg = await fx.source("Google");
    const tt = await fx.source("TikTok");
    const cf = await fx.campaign("FB camp", fb);
    const cg = await fx.campaign("Google camp", gg);
    const ct = await fx.campaign("TikTok camp", tt);
    const vid = "00000000-0000-7000-8000-00000000abcd";
    const purchase = "2026-08-10T12:00:00Z";
    const day = 86_400_000;
    const at = (daysBefore: number) => new Date(Date.parse(purchase) - daysBefore * day).toISOString();
    await fx.click({ campaignId: cf, sourceId: fb, visitorId: vid, createdAt: at(6) });
    await fx.click({ campaignId: cg, sourceId: gg, visitorId: vid, createdAt: at(3) });
    const last = await fx.click({ campaignId: ct, sourceId: tt, visitorId: vid, createdAt: at(1) });
    await fx.conversion({ clickId: last, campaignId: ct, sourceId: tt, visitorId: vid, clickCreatedAt: at(1), createdAt: purchase, revenue: "100.00" });
    const range = { from: "2026-08-10", to: "2026-08-10" };
    const run = async (model: "LAST_CLICK" | "FIRST_CLICK" | "LINEAR" | "TIME_DECAY") => {
      const r = await t.gql(Attribution, { model, groupBy: "source", range }, token);
      expect(r.errors).toBeUndefined();
      expect(r.data!.attributionReport.revenue).toBe("100.00");
      const by = Object.fromEntries(r.data!.attributionReport.rows.map((x) => [x.label, x.revenue]));
      return [by.Facebook ?? "0.00", by.Google ?? "0.00", by.TikTok ?? "0.00"];
    };
    expect(await run("LAST_CLICK")).toEqual(["0.00", "0.00", "100.00"]);
    expect(await run("FIRST_CLICK")).toEqual(["100.00", "0.00", "0.00"]);
    const linear = await run("LINEAR");
    expect(linear.map((v) => Math.trunc(Number(v)))).toEqual([33, 33, 33]); // the spec's $33 each
    expect(linear.reduce((a, v) => a + Math.round(Number(v) * 100), 0)).toBe(10_000); // cents add up
    expect(await run("TIME_DECAY")).toEqual(["16.00", "28.00", "56.00"]);
    const byCampaign = await t.gql(Attribution, { model: "LINEAR", groupBy: "campaign", range }, token);
    expect(byCampaign.data!.attributionReport.rows.map((x) => x.label).sort()).toEqual(["FB camp", "Google camp", "TikTok camp"]);
    expect(byCampaign.data!.attributionReport.rows.map((x) => x.conversions)).toEqual(["0.3333", "0.3333", "0.3333"]);
  });
});

describe("A/B test", () => {
  async function variantClicks(campaignId: string, flowId: string, landingId: string, clicks: number, converted: number) {
    await fx.client.query(
      `WITH c AS (
         INSERT INTO clicks (id, campaign_id, flow_id, landing_id, visitor_id, created_at)
         SELECT gen_random_uuid(), $1, $2, $3, gen_random_uuid(), '2026-09-01T10:00:00Z' FROM generate_series(1, $4) RETURNING id, created_at)
       INSERT INTO conversions (id, dedupe_key, click_id, campaign_id, flow_id, landing_id, revenue, currency, revenue_account, account_currency, click_created_at, created_at, updated_at)
       SELECT gen_random_uuid(), id::text, id, $1, $2, $3, 10, 'USD', 10, 'USD', created_at, created_at, created_at FROM (SELECT * FROM c LIMIT $5) x`,
      [campaignId, flowId, landingId, clicks, converted],
    );
  }

  it("computes two-proportion z, p-value and confidence, and names a winner only with 100+ clicks per variant", async () => {
    const c = await fx.campaign("AB");
    const flow = await fx.flow(c, "split");
    const a = await fx.landing("Lander A");
    const b = await fx.landing("Lander B");
    await fx.flowVariants(flow, [a, b], []);
    await variantClicks(c, flow, a, 120, 30);
    await variantClicks(c, flow, b, 99, 10);
    const range = { from: "2026-09-01", to: "2026-09-01" };
    const early = await t.gql(AbTest, { flowId: flow, kind: "LANDING", range }, token);
    expect(early.errors).toBeUndefined();
    expect(early.data!.abTestReport.enoughData).toBe(false);
    expect(early.data!.abTestReport.winnerId).toBeNull();
    expect(early.data!.abTestReport.recommendation).toMatch(/100 clicks/);

    await variantClicks(c, flow, b, 16, 8); // B: 115 clicks, 18 conversions
    const r = await t.gql(AbTest, { flowId: flow, kind: "LANDING", range }, token);
    const rep = r.data!.abTestReport;
    const va = rep.variants.find((v) => v.id === a)!;
    const vb = rep.variants.find((v) => v.id === b)!;
    expect([va.clicks, va.conversions, va.cr, va.epc, va.isLeader]).toEqual([120, 30, "25.00", "2.5000", true]);
    expect([vb.clicks, vb.conversions, vb.cr]).toEqual([115, 18, "15.65"]);
    // Reference values (Python: z = (p1 - p2) / sqrt(p(1-p)(1/n1+1/n2)), p = erfc(|z|/sqrt 2)):
    // z = 1.7768168998929448, p = 0.07559837038886683, confidence = 92.44016296111332
    expect(vb.zScore).toBe(1.7768);
    expect(vb.pValue).toBe(0.075598);
    expect(vb.confidence).toBe(92.44);
    expect(rep.enoughData).toBe(true);
    expect(rep.significant).toBe(false); // below 95%
    expect(rep.winnerId).toBeNull();
    const at90 = await t.gql(AbTest, { flowId: flow, kind: "LANDING", confidenceLevel: 90, range }, token);
    expect(at90.data!.abTestReport.winnerId).toBe(a);
    expect(at90.data!.abTestReport.recommendation).toMatch(/Lander A wins with 92.44% confidence/);
  });

  it("matches known values of the statistics", async () => {
    const { normalCdf, twoProportionZTest } = await import("../src/reports/ab-test.js");
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 12);
    const z = twoProportionZTest(250, 1000, 200, 1000)!;
    expect(z.z).toBeCloseTo(2.677397763008329, 10);
    expect(z.pValue).toBeCloseTo(0.007419649261025693, 12);
  });
});

describe("optimizer API", () => {
  it("serves stats by external campaign / ad set / ad / placement to an API key, stating currency and registration time", async () => {
    const src = await fx.source("PropellerAds");
    const other = await fx.source("Other");
    const c = await fx.campaign("Opt", src);
    const rows = [
      { extCampaignId: "111", extAdSetId: "a", extAdId: "x1", extPlacement: "p1", cost: "0.10" },
      { extCampaignId: "111", extAdSetId: "a", extAdId: "x2", extPlacement: "p2", cost: "0.10" },
      { extCampaignId: "111", extAdSetId: "b", extAdId: "x3", extPlacement: "p1", cost: "0.10" },
      { extCampaignId: "222", extAdSetId: "c", extAdId: "x4", extPlacement: "p1", cost: "0.20" },
    ];
    const ids: string[] = [];
    for (const r of rows) ids.push(await fx.click({ campaignId: c, sourceId: src, createdAt: "2026-10-01T09:00:00Z", ...r }));
    await fx.click({ campaignId: c, sourceId: other, createdAt: "2026-10-01T09:00:00Z", extCampaignId: "111" });
    await fx.conversion({
      clickId: ids[0] as string,
      campaignId: c,
      sourceId: src,
      clickCreatedAt: "2026-10-01T09:00:00Z",
      createdAt: "2026-10-02T09:00:00Z",
      revenue: "3.50",
    });
    const key = await t.gql(CreateKey, { name: "optimizer", scopes: [{ section: "reports", read: true, write: false }] }, token);
    if (key.data?.createApiKey.__typename !== "MutationCreateApiKeySuccess") throw new Error(JSON.stringify(key));
    const apiKey = key.data.createApiKey.data.key;
    const res = await t.rest("GET", `/admin/api/optimizer/stats?source_id=${src}&from=2026-10-01&to=2026-10-01&level=campaign&registration=visit`, {
      headers: { "x-api-key": apiKey },
    });
    expect(res.status).toBe(200);
    expect(res.body.currency).toBe("USD");
    expect(res.body.registrationTime).toBe("VISIT");
    expect(
      res.body.rows.map((r: { campaignId: string; clicks: number; revenue: string; cost: string }) => [r.campaignId, r.clicks, r.revenue, r.cost]),
    ).toEqual([
      ["111", 3, "3.50", "0.30"],
      ["222", 1, "0.00", "0.20"],
    ]);
    // Dated by postback time (the account default) the conversion falls on the next day.
    const pb = await t.gql(Optimizer, { sourceId: src, level: "ad", range: { from: "2026-10-01", to: "2026-10-01" } }, apiKey);
    expect(pb.errors).toBeUndefined();
    expect(pb.data!.optimizerStats.registrationTime).toBe("POSTBACK");
    expect(pb.data!.optimizerStats.rows.map((r) => [r.campaignId, r.adSetId, r.adId, r.metrics.clicks, r.metrics.revenue])).toEqual([
      ["111", "a", "x1", 1, "0.00"],
      ["111", "a", "x2", 1, "0.00"],
      ["111", "b", "x3", 1, "0.00"],
      ["222", "c", "x4", 1, "0.00"],
    ]);
    const pl = await t.gql(Optimizer, { sourceId: src, level: "placement", range: { from: "2026-10-01", to: "2026-10-01" } }, apiKey);
    expect(pl.data!.optimizerStats.rows.map((r) => [r.campaignId, r.placement, r.metrics.clicks])).toEqual([
      ["111", "p1", 2],
      ["111", "p2", 1],
      ["222", "p1", 1],
    ]);
    const noScope = await t.gql(CreateKey, { name: "campaigns only", scopes: [{ section: "campaigns", read: true, write: false }] }, token);
    if (noScope.data?.createApiKey.__typename !== "MutationCreateApiKeySuccess") throw new Error("no key");
    const denied = await t.rest("GET", `/admin/api/optimizer/stats?source_id=${src}`, { headers: { "x-api-key": noScope.data.createApiKey.data.key } });
    expect(denied.status).toBe(403);
    const bad = await t.rest("GET", `/admin/api/optimizer/stats?source_id=${src}&level=keyword`, { headers: { "x-api-key": apiKey } });
    expect(bad.status).toBe(400);
  });
});
