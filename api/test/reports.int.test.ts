// Reports against rows inserted directly; every expected figure is computed here independently (in cents).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./gql/index.js";
import { startTestApp, type TestApp } from "./helpers/app.js";
import { Fixtures } from "./helpers/reports-fixtures.js";

const Dashboard = graphql(`
  query Dash($range: ReportRangeInput, $campaignIds: [ID!], $compare: Boolean) {
    dashboardStats(range: $range, campaignIds: $campaignIds, compare: $compare) {
      range { from to timezone registration currency start end }
      granularity
      totals { clicks unique leads conversions customers cost revenue profit roi cr epc cpa cpl aov roas cac ltv rpc repeatRate }
      series { bucket metrics { clicks conversions revenue } }
      previousTotals { clicks revenue }
      deltas { metric current previous change changePct }
    }
  }
`);

const Report = graphql(`
  query Rep($input: GroupedReportInput!) {
    report(input: $input) {
      range { from to timezone registration }
      totalRows
      totals { clicks conversions revenue }
      rows { keys labels metrics { clicks unique conversions leads revenue cost profit cr } previous { clicks revenue } deltas { metric change changePct } }
    }
  }
`);

const ClicksLog = graphql(`
  query ClicksLog($range: ReportRangeInput, $first: Int, $after: String) {
    clicksLog(range: $range, first: $first, after: $after) {
      nodes { id country createdAt }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

let t: TestApp;
let token: string;
let fx: Fixtures;
let src: string;
let campA: string;
let campB: string;

const cents = (s: string | null | undefined) => Math.round(Number(s) * 100);

beforeAll(async () => {
  t = await startTestApp();
  token = await t.login();
  fx = await Fixtures.connect(t.db!.url);
  await fx.settings({ currency: "EUR", timezone: "UTC", registration: "POSTBACK" });
  src = await fx.source("Kadam");
  campA = await fx.campaign("Alpha", src);
  campB = await fx.campaign("Beta", src);
});
afterAll(async () => {
  await fx?.close();
  await t?.stop();
});

describe("metric formulas", () => {
  it("computes every metric on a known day and excludes rejected / refunded / chargeback revenue", async () => {
    const day = "2026-01-10";
    // 10 clicks on A at 0.50 each (8 unique), 4 on B at 0.25 each.
    const aClicks: string[] = [];
    const visitors = ["00000000-0000-7000-8000-000000000001", "00000000-0000-7000-8000-000000000002", "00000000-0000-7000-8000-000000000003"];
    for (let i = 0; i < 10; i++) {
      aClicks.push(
        await fx.click({
          campaignId: campA,
          sourceId: src,
          createdAt: `${day}T0${i % 10}:15:00Z`,
          cost: "0.50",
          isUnique: i < 8,
          country: i < 6 ? "US" : "DE",
          visitorId: visitors[i % 3],
        }),
      );
    }
    for (let i = 0; i < 4; i++) await fx.click({ campaignId: campB, sourceId: src, createdAt: `${day}T12:00:00Z`, cost: "0.25", country: "US" });
    const conv = (i: number, o: Partial<Parameters<Fixtures["conversion"]>[0]>) =>
      fx.conversion({
        clickId: aClicks[i] as string,
        campaignId: campA,
        clickCreatedAt: `${day}T0${i}:15:00Z`,
        createdAt: `${day}T20:00:00Z`,
        visitorId: visitors[i % 3],
        ...o,
      });
    await conv(0, { revenue: "30.00" }); // visitor 1
    await conv(3, { revenue: "12.50", status: "PENDING" }); // visitor 1 again -> repeat customer
    await conv(1, { revenue: "20.00" }); // visitor 2
    await conv(2, { revenue: "0", type: "lead" }); // visitor 3 lead only
    await conv(4, { revenue: "99.00", status: "REJECTED" }); // never counts
    await conv(5, { revenue: "45.00", ecomStatus: "refunded" }); // never counts
    await conv(6, { revenue: "45.00", ecomStatus: "chargeback" }); // never counts
    await conv(7, { revenue: "7.25", cost: "1.00" }); // visitor 2 again, CPA cost

    const r = await t.gql(Dashboard, { range: { from: day, to: day }, campaignIds: [campA] }, token);
    expect(r.errors).toBeUndefined();
    const m = r.data!.dashboardStats.totals;
    const costC = 10 * 50 + 100; // clicks + conversion cost
    const revC = 3000 + 1250 + 2000 + 725;
    const approvedC = 3000 + 2000 + 725;
    expect(r.data!.dashboardStats.range.currency).toBe("EUR");
    expect(m.clicks).toBe(10);
    expect(m.unique).toBe(8);
    expect(m.leads).toBe(1);
    expect(m.conversions).toBe(4);
    expect(m.customers).toBe(2);
    expect(cents(m.cost)).toBe(costC);
    expect(cents(m.revenue)).toBe(revC);
    expect(cents(m.profit)).toBe(revC - costC);
    expect(m.roi).toBe((((revC - costC) / costC) * 100).toFixed(2));
    expect(m.cr).toBe(((4 / 10) * 100).toFixed(2));
    expect(m.epc).toBe((approvedC / 100 / 10).toFixed(4));
    expect(m.rpc).toBe((revC / 100 / 10).toFixed(4));
    expect(m.cpa).toBe((costC / 100 / 4).toFixed(2));
    expect(m.cpl).toBe((costC / 100 / 1).toFixed(2));
    expect(m.aov).toBe((revC / 100 / 4).toFixed(2));
    expect(m.roas).toBe((revC / costC).toFixed(2));
    expect(m.cac).toBe((costC / 100 / 2).toFixed(2));
    expect(m.ltv).toBe((revC / 100 / 2).toFixed(2));
    expect(m.repeatRate).toBe("100.00"); // both customers bought twice

    // Both campaigns, grouped by campaign, sorted by clicks.
    const g = await t.gql(Report, { input: { range: { from: day, to: day }, groupBy: ["campaign"] } }, token);
    expect(g.errors).toBeUndefined();
    expect(g.data!.report.rows.map((x) => [x.labels[0], x.metrics.clicks])).toEqual([
      ["Alpha", 10],
      ["Beta", 4],
    ]);
    expect(g.data!.report.totals.clicks).toBe(14);
  });

  it("matches the spec's e-commerce example ($500 spend, 10,000 clicks, 150 conversions, $4,500)", async () => {
    const { deriveMetrics } = await import("../src/reports/metrics.js");
    const m = deriveMetrics({
      clicks: 10_000,
      unique: 10_000,
      leads: 0,
      conversions: 150,
      cost: "500",
      revenue: "4500",
      approvedRevenue: "4500",
      customers: 150,
      repeatCustomers: 0,
    });
    expect([m.roas, m.aov, m.cac, m.epc]).toEqual(["9.00", "30.00", "3.33", "0.4500"]);
    const zero = deriveMetrics({
      clicks: 0,
      unique: 0,
      leads: 0,
      conversions: 0,
      cost: "0",
      revenue: "0",
      approvedRevenue: "0",
      customers: 0,
      repeatCustomers: 0,
    });
    expect([zero.roi, zero.cr, zero.epc, zero.cpa, zero.cpl]).toEqual([null, null, null, null, null]);
  });
});

describe("time zones, registration time, comparison", () => {
  it("draws day boundaries in the zone across a DST change (America/New_York, 2026-03-08)", async () => {
    const c = await fx.campaign("DST");
    // 2026-03-08 is 23 hours long in New York: 05:00Z (00:00 EST) .. 04:00Z next day (00:00 EDT).
    for (const at of [
      "2026-03-08T04:59:00Z",
      "2026-03-08T05:00:00Z",
      "2026-03-08T06:59:00Z",
      "2026-03-08T07:00:00Z",
      "2026-03-09T03:59:00Z",
      "2026-03-09T04:00:00Z",
    ]) {
      await fx.click({ campaignId: c, createdAt: at });
    }
    const filters = [{ dimension: "campaign" as const, values: [c] }];
    const r = await t.gql(
      Report,
      {
        input: {
          range: { from: "2026-03-07", to: "2026-03-09", timezone: "America/New_York", filters },
          groupBy: ["date"],
          sortByKey: true,
          sortDirection: "ASC",
        },
      },
      token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.report.rows.map((x) => [x.keys[0], x.metrics.clicks])).toEqual([
      ["2026-03-07", 1],
      ["2026-03-08", 4],
      ["2026-03-09", 1],
    ]);
    // Hour of day: 06:59Z is 01:59 EST, 07:00Z is 03:00 EDT (02:xx does not exist that day).
    const h = await t.gql(
      Report,
      {
        input: {
          range: { from: "2026-03-08", to: "2026-03-08", timezone: "America/New_York", filters },
          groupBy: ["hourOfDay"],
          sortByKey: true,
          sortDirection: "ASC",
        },
      },
      token,
    );
    expect(h.data!.report.rows.map((x) => [x.keys[0], x.metrics.clicks])).toEqual([
      ["00", 1],
      ["01", 1],
      ["03", 1],
      ["23", 1],
    ]);
    // The same day in UTC holds different clicks.
    const u = await t.gql(Dashboard, { range: { from: "2026-03-08", to: "2026-03-08", timezone: "UTC" }, campaignIds: [c] }, token);
    expect(u.data!.dashboardStats.totals.clicks).toBe(4);
    expect(u.data!.dashboardStats.range.start).toBe("2026-03-08T00:00:00.000Z");
    const ny = await t.gql(Dashboard, { range: { from: "2026-03-08", to: "2026-03-08", timezone: "America/New_York" }, campaignIds: [c] }, token);
    expect([ny.data!.dashboardStats.range.start, ny.data!.dashboardStats.range.end]).toEqual(["2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z"]);
    const bad = await t.gql(Dashboard, { range: { timezone: "Mars/Olympus" } }, token);
    expect(bad.errors?.[0]?.message).toMatch(/time zone/);
  });

  it("dates conversions by visit or postback time, from settings or a per-query override", async () => {
    const c = await fx.campaign("Reg");
    const click = await fx.click({ campaignId: c, createdAt: "2026-02-01T10:00:00Z" });
    await fx.conversion({ clickId: click, campaignId: c, clickCreatedAt: "2026-02-01T10:00:00Z", createdAt: "2026-02-03T10:00:00Z", revenue: "10.00" });
    const day = (d: string, registration?: "VISIT" | "POSTBACK") =>
      t.gql(Dashboard, { range: { from: d, to: d, ...(registration ? { registration } : {}) }, campaignIds: [c] }, token).then((r) => r.data!.dashboardStats);
    expect((await day("2026-02-01")).totals.conversions).toBe(0); // account: POSTBACK
    expect((await day("2026-02-03")).totals.conversions).toBe(1);
    expect((await day("2026-02-01", "VISIT")).totals.conversions).toBe(1);
    expect((await day("2026-02-01", "VISIT")).range.registration).toBe("VISIT");
    await fx.settings({ currency: "EUR", timezone: "UTC", registration: "VISIT" });
    expect((await day("2026-02-01")).totals.revenue).toBe("10.00");
    expect((await day("2026-02-03")).totals.revenue).toBe("0.00");
    await fx.settings({ currency: "EUR", timezone: "UTC", registration: "POSTBACK" });
  });

  it("compares with the previous period and gives deltas", async () => {
    const c = await fx.campaign("Cmp");
    for (let i = 0; i < 3; i++) await fx.click({ campaignId: c, createdAt: "2026-04-05T10:00:00Z", country: "US" });
    for (let i = 0; i < 5; i++) await fx.click({ campaignId: c, createdAt: "2026-04-06T10:00:00Z", country: i < 4 ? "US" : "FR" });
    const filters = [{ dimension: "campaign" as const, values: [c] }];
    const r = await t.gql(Report, { input: { range: { from: "2026-04-06", to: "2026-04-06", filters }, groupBy: ["country"], compare: true } }, token);
    expect(r.errors).toBeUndefined();
    const us = r.data!.report.rows.find((x) => x.keys[0] === "US")!;
    expect(us.metrics.clicks).toBe(4);
    expect(us.previous?.clicks).toBe(3);
    const d = us.deltas!.find((x) => x.metric === "clicks")!;
    expect([d.change, d.changePct]).toEqual(["1", "33.33"]);
    const fr = r.data!.report.rows.find((x) => x.keys[0] === "FR")!;
    expect(fr.deltas!.find((x) => x.metric === "clicks")!.changePct).toBeNull(); // from zero
    const dash = await t.gql(Dashboard, { range: { from: "2026-04-06", to: "2026-04-06" }, campaignIds: [c], compare: true }, token);
    expect(dash.data!.dashboardStats.previousTotals?.clicks).toBe(3);
    expect(dash.data!.dashboardStats.granularity).toBe("hour");
  });
});

describe("grouping, drill-down, filters, sorting, pagination", () => {
  it("groups by every dimension and drills down", async () => {
    const c = await fx.campaign("Dims");
    const flow = await fx.flow(c, "Main flow");
    const lp = await fx.landing("LP one");
    const of = await fx.offer("Offer one");
    const base = { campaignId: c, flowId: flow, landingId: lp, offerId: of, sourceId: src, createdAt: "2026-05-01T08:30:00Z" };
    const rows = [
      {
        country: "US",
        os: "iOS",
        browser: "Safari",
        deviceType: "mobile",
        language: "en",
        isp: "Comcast",
        referrerDomain: "a.com",
        sub1: "s1",
        sub2: "x",
        sub3: "y",
        sub4: "z",
        sub5: "w",
        extCampaignId: "ec1",
        extAdSetId: "as1",
        extAdId: "ad1",
        extPlacement: "pl1",
      },
      {
        country: "US",
        os: "Android",
        browser: "Chrome",
        deviceType: "mobile",
        language: "en",
        isp: "AT&T",
        referrerDomain: "b.com",
        sub1: "s2",
        extCampaignId: "ec1",
        extAdSetId: "as2",
        extAdId: "ad2",
        extPlacement: "pl2",
      },
      {
        country: "DE",
        os: "Windows",
        browser: "Chrome",
        deviceType: "desktop",
        language: "de",
        isp: "DTAG",
        referrerDomain: "a.com",
        sub1: "s1",
        extCampaignId: "ec2",
        extAdSetId: "as3",
        extAdId: "ad3",
        extPlacement: "pl1",
      },
    ];
    const ids: string[] = [];
    for (const r of rows) ids.push(await fx.click({ ...base, ...r }));
    await fx.conversion({
      clickId: ids[2] as string,
      campaignId: c,
      flowId: flow,
      landingId: lp,
      offerId: of,
      sourceId: src,
      clickCreatedAt: base.createdAt,
      createdAt: "2026-05-01T08:45:00Z",
      revenue: "5.00",
    });
    const range = { from: "2026-05-01", to: "2026-05-01", filters: [{ dimension: "campaign" as const, values: [c] }] };
    const expectFor: Record<string, Array<[string, number]>> = {
      campaign: [[c, 3]],
      flow: [[flow, 3]],
      landing: [[lp, 3]],
      offer: [[of, 3]],
      source: [[src, 3]],
      country: [
        ["US", 2],
        ["DE", 1],
      ],
      os: [
        ["Android", 1],
        ["iOS", 1],
        ["Windows", 1],
      ],
      browser: [
        ["Chrome", 2],
        ["Safari", 1],
      ],
      device: [
        ["mobile", 2],
        ["desktop", 1],
      ],
      language: [
        ["en", 2],
        ["de", 1],
      ],
      isp: [
        ["AT&T", 1],
        ["Comcast", 1],
        ["DTAG", 1],
      ],
      referrerDomain: [
        ["a.com", 2],
        ["b.com", 1],
      ],
      sub1: [
        ["s1", 2],
        ["s2", 1],
      ],
      sub2: [
        ["", 2],
        ["x", 1],
      ],
      sub3: [
        ["", 2],
        ["y", 1],
      ],
      sub4: [
        ["", 2],
        ["z", 1],
      ],
      sub5: [
        ["", 2],
        ["w", 1],
      ],
      extCampaignId: [
        ["ec1", 2],
        ["ec2", 1],
      ],
      extAdSetId: [
        ["as1", 1],
        ["as2", 1],
        ["as3", 1],
      ],
      extAdId: [
        ["ad1", 1],
        ["ad2", 1],
        ["ad3", 1],
      ],
      extPlacement: [
        ["pl1", 2],
        ["pl2", 1],
      ],
      date: [["2026-05-01", 3]],
      hour: [["2026-05-01T08:00", 3]],
      hourOfDay: [["08", 3]],
      dayOfWeek: [["5", 3]],
    };
    for (const [dim, want] of Object.entries(expectFor)) {
      const r = await t.gql(Report, { input: { range, groupBy: [dim as "country"] } }, token);
      expect(r.errors, dim).toBeUndefined();
      expect(
        r.data!.report.rows.map((x) => [x.keys[0], x.metrics.clicks]),
        dim,
      ).toEqual(want);
    }
    const named = await t.gql(Report, { input: { range, groupBy: ["landing", "dayOfWeek"] } }, token);
    expect(named.data!.report.rows[0]?.labels).toEqual(["LP one", "Friday"]);
    // Drill-down: country, then OS inside it; the DE conversion lands in DE/Windows.
    const dd = await t.gql(Report, { input: { range, groupBy: ["country", "os"], sortBy: "revenue", sortDirection: "DESC" } }, token);
    expect(dd.data!.report.rows.map((x) => [...x.keys, x.metrics.clicks, x.metrics.revenue])).toEqual([
      ["DE", "Windows", 1, "5.00"],
      ["US", "Android", 1, "0.00"],
      ["US", "iOS", 1, "0.00"],
    ]);
    // Filter on a click dimension also filters conversions; pagination.
    const f = await t.gql(
      Report,
      {
        input: {
          range: { ...range, filters: [...range.filters, { dimension: "country", values: ["US"] }] },
          groupBy: ["os"],
          limit: 1,
          offset: 1,
          sortByKey: true,
          sortDirection: "ASC",
        },
      },
      token,
    );
    expect(f.data!.report.totalRows).toBe(2);
    expect(f.data!.report.rows.map((x) => x.keys[0])).toEqual(["iOS"]);
    expect(f.data!.report.totals.revenue).toBe("0.00");
    const bad = await t.gql(Report, { input: { range, groupBy: [] } }, token);
    expect(bad.errors?.[0]?.message).toMatch(/groupBy/);
  });
});

describe("end to end with the conversions engine", () => {
  it("counts a conversion recorded through recordConversion, then drops its revenue when refunded", async () => {
    const { recordConversion } = await import("../src/conversions/record.js");
    const c = await fx.campaign("E2E");
    const click = await fx.click({ campaignId: c, createdAt: new Date().toISOString(), country: "SE" });
    const rec = await recordConversion(t.app.deps, { clickId: click, revenue: "12.34", currency: "EUR", origin: "OPERATOR", transactionId: "e2e-1" });
    expect(rec.outcome).toBe("recorded");
    const today = () =>
      t.gql(Report, { input: { range: { preset: "TODAY", filters: [{ dimension: "campaign", values: [c] }] }, groupBy: ["country"] } }, token);
    const r = await today();
    expect(r.errors).toBeUndefined();
    expect(r.data!.report.rows.map((x) => [x.keys[0], x.metrics.clicks, x.metrics.conversions, x.metrics.revenue])).toEqual([["SE", 1, 1, "12.34"]]);
    await fx.client.query(`UPDATE conversions SET status = 'REJECTED', ecom_status = 'refunded' WHERE id = $1`, [rec.conversionId]);
    const after = await today();
    expect(after.data!.report.rows.map((x) => [x.metrics.conversions, x.metrics.revenue])).toEqual([[0, "0.00"]]);
  });
});

describe("REST, export, clicks log, permissions", () => {
  it("serves /admin/api/stats, /admin/api/stats/grouped (JSON and CSV) and /admin/api/clicks", async () => {
    const c = await fx.campaign("Rest");
    for (let i = 0; i < 5; i++)
      await fx.click({ campaignId: c, createdAt: `2026-06-01T0${i}:00:00Z`, country: i % 2 ? "US" : "GB", sub1: i === 0 ? '=HYPERLINK("x")' : "ok" });
    const s = await t.rest("GET", `/admin/api/stats?from=2026-06-01&to=2026-06-01&campaign_id=${c}`, { token });
    expect(s.status).toBe(200);
    expect(s.body.totals.clicks).toBe(5);
    const g = await t.rest("GET", `/admin/api/stats/grouped?from=2026-06-01&to=2026-06-01&campaign=${c}&group_by=country&sort=clicks`, { token });
    expect(g.status).toBe(200);
    expect(g.body.rows.map((r: { keys: string[] }) => r.keys[0])).toEqual(["GB", "US"]);
    const csv = await t.rest("GET", `/admin/api/stats/grouped?from=2026-06-01&to=2026-06-01&campaign=${c}&group_by=sub1&format=csv`, { token });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = String(csv.body).trim().split("\r\n");
    expect(lines[0]).toMatch(/^sub1,sub1Name,clicks,unique,/);
    expect(lines).toContain(`"'=HYPERLINK(""x"")","'=HYPERLINK(""x"")",1,1,0,0,0.00,0.00,0.00,,0.00,0.0000,,,,,,,0.0000,,0`);
    const json = await t.rest("GET", `/admin/api/stats/grouped?from=2026-06-01&to=2026-06-01&campaign=${c}&group_by=country&format=json`, { token });
    expect(json.body).toEqual([expect.objectContaining({ country: "GB", clicks: 3 }), expect.objectContaining({ country: "US", clicks: 2 })]);
    const bad = await t.rest("GET", "/admin/api/stats/grouped?group_by=planet", { token });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/unknown dimension/);
    const cl = await t.rest("GET", `/admin/api/clicks?from=2026-06-01&to=2026-06-01&campaign=${c}&limit=2`, { token });
    expect(cl.status).toBe(200);
    expect(cl.body.data).toHaveLength(2);
    const cl2 = await t.rest("GET", `/admin/api/clicks?from=2026-06-01&to=2026-06-01&campaign=${c}&limit=10&cursor=${cl.body.nextCursor}`, { token });
    expect(cl2.body.data).toHaveLength(3);
    expect(cl2.body.nextCursor).toBeNull();
    const seen = new Set([...cl.body.data, ...cl2.body.data].map((r: { id: string }) => r.id));
    expect(seen.size).toBe(5);
    expect((await t.rest("GET", "/admin/api/stats")).status).toBe(401);
  });

  it("pages the GraphQL clicks log and requires reports access", async () => {
    const c = await fx.campaign("Log");
    for (let i = 0; i < 3; i++) await fx.click({ campaignId: c, createdAt: `2026-06-02T0${i}:00:00Z`, country: "NL" });
    const range = { from: "2026-06-02", to: "2026-06-02", filters: [{ dimension: "campaign" as const, values: [c] }] };
    const p1 = await t.gql(ClicksLog, { range, first: 2 }, token);
    expect(p1.data!.clicksLog.nodes.map((n) => n.createdAt)).toEqual(["2026-06-02T02:00:00.000Z", "2026-06-02T01:00:00.000Z"]);
    const p2 = await t.gql(ClicksLog, { range, first: 2, after: p1.data!.clicksLog.pageInfo.endCursor }, token);
    expect(p2.data!.clicksLog.nodes.map((n) => n.createdAt)).toEqual(["2026-06-02T00:00:00.000Z"]);
    expect(p2.data!.clicksLog.pageInfo.hasNextPage).toBe(false);
    const anon = await t.gql(ClicksLog, { range, first: 2 }, null);
    expect(anon.errors?.length).toBeGreaterThan(0);
  });
});
