// The dashboard's integration tabs through GraphQL, against local stand-ins for Everflow's affiliate API
// (entity report, time zones, key check) and Kadam's REST API (Bearer check), over real HTTP, with Trackily's
// side seeded as clicks and conversions. Expected figures are worked out by hand in the comments.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../src/lib/ids.js";
import { graphql } from "./gql/index.js";
import { startTestApp, type TestApp } from "./helpers/app.js";
import { Fixtures } from "./helpers/reports-fixtures.js";

const Tabs = graphql(`
  query IntegrationTabs {
    dashboardIntegrations { kind id name }
  }
`);

const EverflowStatsDoc = graphql(`
  query EverflowTab($networkId: ID!, $range: ReportRangeInput) {
    everflowStats(networkId: $networkId, range: $range) {
      __typename
      ... on Error { message }
      ... on UpstreamError { service reason httpStatus }
      ... on QueryEverflowStatsSuccess {
        data {
          range { from to timezone currency }
          networkName
          timezone { id name matched }
          rows {
            externalId label offers { name }
            everflow { clicks conversions revenue }
            trackily { clicks conversions revenue cost }
            roi
          }
          totals { everflow { clicks conversions revenue } trackily { clicks conversions revenue cost } roi }
        }
      }
    }
  }
`);

const KadamStatsDoc = graphql(`
  query KadamTab($sourceId: ID!, $range: ReportRangeInput) {
    kadamStats(sourceId: $sourceId, range: $range) {
      __typename
      ... on Error { message }
      ... on UpstreamError { service reason httpStatus }
      ... on QueryKadamStatsSuccess {
        data {
          sourceName
          sourceCurrency
          rows {
            externalCampaignId campaigns { name }
            impressions clicks ctr costSource cost trackilyClicks trackilyConversions trackilyRevenue profit roi
          }
          totals { impressions clicks ctr costSource cost trackilyClicks trackilyConversions trackilyRevenue profit roi }
        }
      }
    }
  }
`);

const DAY = "2026-03-10";
const RANGE = { from: DAY, to: DAY };

const ZONES = {
  timezones: [
    { timezone_id: 67, timezone: "UTC", utc_offset: "+00:00" },
    { timezone_id: 80, timezone: "America/New_York", utc_offset: "-05:00" },
  ],
};
const TABLE = {
  table: [
    {
      columns: [{ column_type: "offer", id: 101, label: "EF Antivirus" }],
      reporting: { imp: 0, total_click: 4, unique_click: 4, cv: 1, event: 0, cvr: 25, revenue: 40 },
    },
    {
      columns: [{ column_type: "offer", id: 102, label: "EF VPN" }],
      reporting: { imp: 0, total_click: 2, unique_click: 2, cv: 0, event: 0, cvr: 0, revenue: 0 },
    },
    { columns: [{ column_type: "offer", id: 103, label: "EF Not imported" }], reporting: { imp: 0, total_click: 5, unique_click: 5, cv: 1, revenue: 12.34 } },
  ],
};

let t: TestApp;
let token: string;
let fx: Fixtures;
let server: http.Server;
let base = "";
const tableCalls: Array<{ key: string; body: Record<string, unknown> }> = [];
const kadamCalls: Array<{ auth: string; query: Record<string, string> }> = [];

function standIn(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
  const u = new URL(req.url ?? "/", "http://x");
  const efKey = String(req.headers["x-eflow-api-key"] ?? "");
  const json = (status: number, v: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(v));
  if (u.pathname === "/ef/v1/meta/timezones") {
    if (efKey === "ef-bad") return json(401, { error: "unauthorized" });
    return json(200, ZONES);
  }
  if (u.pathname === "/ef/v1/affiliates/reporting/entity/table" && req.method === "POST") {
    if (efKey === "ef-bad") return json(401, { error: "unauthorized" });
    tableCalls.push({ key: efKey, body: JSON.parse(body) });
    if (efKey === "ef-garbage") return res.writeHead(200, { "content-type": "text/html" }).end("<html>maintenance</html>");
    if (efKey === "ef-shape") return json(200, { offers: [] });
    return json(200, TABLE);
  }
  if (u.pathname === "/kadam/ads.analytic.campaign.get") {
    const auth = String(req.headers.authorization ?? "");
    kadamCalls.push({ auth, query: Object.fromEntries(u.searchParams) });
    if (auth !== "Bearer kd-good") return json(401, { error: { message: "invalid token" } });
    const id = u.searchParams.get("campaign_id");
    if (id === "777") return json(200, { data: [{ date: DAY, shows: 1000, clicks: 40, money: "12.50" }] });
    if (id === "778") return json(200, { response: { items: [{ date: DAY, impressions: 200, clicks: 4, cost: 1.25 }] } });
    return json(200, { data: [] });
  }
  res.writeHead(404).end();
}

// Seeded ids
let netGood: string;
let offer101: string;
let offer102: string;
let kadam: string;
let k1: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => standIn(req, res, body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await startTestApp({ env: { OUTBOUND_ALLOW_PRIVATE: "true" } });
  token = await t.login();
  fx = await Fixtures.connect(t.db!.url);
  await fx.settings({ currency: "USD", timezone: "UTC" });
  await t.app.deps.db.prisma.currencyRate.create({ data: { currency: "EUR", rate: "1.1" } });
});
afterAll(async () => {
  await fx?.close();
  await t?.stop();
  await new Promise((r) => server.close(r));
});

const p = () => t.app.deps.db.prisma;
const network = (name: string, apiKey: string, apiUrl = `${base}/ef`, type = "everflow") =>
  p()
    .affiliateNetwork.create({ data: { id: newId(), name, type, apiUrl, apiKey } })
    .then((n) => n.id);

describe("integration tabs", () => {
  it("lists nothing while no integration qualifies", async () => {
    await network("EF without key", "");
    await network("Cake with key", "k", `${base}/ef`, "cake");
    const src = await p().trafficSource.create({ data: { id: newId(), name: "Kadam no campaigns", template: "kadam", apiKey: "kd-good" } });
    await p().trafficSource.create({ data: { id: newId(), name: "PropellerAds", template: "propellerads", apiKey: "x" } });
    await fx.campaign("Not linked", src.id);
    const r = await t.gql(Tabs, {}, token);
    expect(r.errors).toBeUndefined();
    expect(r.data?.dashboardIntegrations).toEqual([]);
  });

  it("lists Everflow networks with a key and Kadam sources with linked campaigns", async () => {
    netGood = await network("EF Main", "ef-good");
    kadam = (
      await p().trafficSource.create({
        data: { id: newId(), name: "Kadam EU", template: "kadam", apiUrl: `${base}/kadam`, apiKey: "kd-good", currency: "EUR" },
      })
    ).id;
    k1 = await fx.campaign("Kadam push", kadam);
    await p().campaign.update({ where: { id: k1 }, data: { externalCampaignIds: ["777", "778"] } });
    const r = await t.gql(Tabs, {}, token);
    expect(r.data?.dashboardIntegrations).toEqual([
      { kind: "EVERFLOW", id: netGood, name: "EF Main" },
      { kind: "KADAM", id: kadam, name: "Kadam EU" },
    ]);
  });
});

describe("Everflow tab", () => {
  beforeAll(async () => {
    const offer = (name: string, networkId: string, externalId: string) =>
      p()
        .offer.create({ data: { id: newId(), name, url: "https://offer.example/", networkId, externalId } })
        .then((o) => o.id);
    offer101 = await offer("Antivirus (imported)", netGood, "101");
    offer102 = await offer("VPN (imported)", netGood, "102");
    // Same external id on another network: never joined to this one's rows.
    const other = await network("EF Other", "ef-good");
    const otherOffer = await offer("Other network's 101", other, "101");
    const camp = await fx.campaign("EF camp");
    // Offer 101: 3 clicks at 0.50 in the range (cost 1.50), one $40 conversion; one click the next day.
    const clicks: string[] = [];
    for (let i = 0; i < 3; i++) clicks.push(await fx.click({ campaignId: camp, offerId: offer101, createdAt: `${DAY}T1${i}:00:00Z`, cost: "0.50" }));
    await fx.click({ campaignId: camp, offerId: offer101, createdAt: "2026-03-11T10:00:00Z", cost: "0.50" });
    await fx.conversion({
      clickId: clicks[0]!,
      campaignId: camp,
      offerId: offer101,
      clickCreatedAt: `${DAY}T10:00:00Z`,
      createdAt: `${DAY}T12:00:00Z`,
      revenue: "40",
    });
    // Offer 102: 2 free clicks. The other network's offer: 7 clicks that must not show up.
    for (let i = 0; i < 2; i++) await fx.click({ campaignId: camp, offerId: offer102, createdAt: `${DAY}T09:0${i}:00Z` });
    for (let i = 0; i < 7; i++) await fx.click({ campaignId: camp, offerId: otherOffer, createdAt: `${DAY}T08:0${i}:00Z`, cost: "1" });
  });

  it("joins Everflow's offer rows to the imported offers' Trackily figures, with totals and ROI", async () => {
    const r = await t.gql(EverflowStatsDoc, { networkId: netGood, range: RANGE }, token);
    expect(r.errors).toBeUndefined();
    const res = r.data?.everflowStats;
    if (res?.__typename !== "QueryEverflowStatsSuccess") throw new Error(JSON.stringify(res));
    const s = res.data;
    expect(s.range).toEqual({ from: DAY, to: DAY, timezone: "UTC", currency: "USD" });
    expect(s.timezone).toEqual({ id: 67, name: "UTC", matched: true });
    expect(s.rows).toEqual([
      {
        externalId: "101",
        label: "EF Antivirus",
        offers: [{ name: "Antivirus (imported)" }],
        everflow: { clicks: 4, conversions: 1, revenue: "40.00" },
        trackily: { clicks: 3, conversions: 1, revenue: "40.00", cost: "1.50" },
        // (40 - 1.50) / 1.50 * 100
        roi: "2566.67",
      },
      {
        externalId: "103",
        label: "EF Not imported",
        offers: [],
        everflow: { clicks: 5, conversions: 1, revenue: "12.34" },
        trackily: { clicks: 0, conversions: 0, revenue: "0.00", cost: "0.00" },
        roi: null,
      },
      {
        externalId: "102",
        label: "EF VPN",
        offers: [{ name: "VPN (imported)" }],
        everflow: { clicks: 2, conversions: 0, revenue: "0.00" },
        trackily: { clicks: 2, conversions: 0, revenue: "0.00", cost: "0.00" },
        roi: null,
      },
    ]);
    // (52.34 - 1.50) / 1.50 * 100 = 3389.33
    expect(s.totals).toEqual({
      everflow: { clicks: 11, conversions: 2, revenue: "52.34" },
      trackily: { clicks: 5, conversions: 1, revenue: "40.00", cost: "1.50" },
      roi: "3389.33",
    });
    const call = tableCalls.at(-1);
    expect(call?.key).toBe("ef-good");
    expect(call?.body).toEqual({
      from: DAY,
      to: DAY,
      timezone_id: 67,
      currency_id: "USD",
      columns: [{ column: "offer" }],
      query: { filters: [] },
    });
  });

  it("reuses Everflow's answer for the same range for a minute", async () => {
    const before = tableCalls.length;
    const r = await t.gql(EverflowStatsDoc, { networkId: netGood, range: RANGE }, token);
    expect(r.data?.everflowStats.__typename).toBe("QueryEverflowStatsSuccess");
    expect(tableCalls.length).toBe(before);
    await t.gql(EverflowStatsDoc, { networkId: netGood, range: { from: "2026-03-09", to: DAY } }, token);
    expect(tableCalls.length).toBe(before + 1);
  });

  it("maps the report's IANA zone to Everflow's id, and says when it fell back to UTC", async () => {
    const ny = await t.gql(EverflowStatsDoc, { networkId: netGood, range: { ...RANGE, timezone: "America/New_York" } }, token);
    const nyRes = ny.data?.everflowStats;
    if (nyRes?.__typename !== "QueryEverflowStatsSuccess") throw new Error(JSON.stringify(nyRes));
    expect(nyRes.data.timezone).toEqual({ id: 80, name: "America/New_York", matched: true });
    expect(tableCalls.at(-1)?.body.timezone_id).toBe(80);
    const ktm = await t.gql(EverflowStatsDoc, { networkId: netGood, range: { from: "2026-03-08", to: DAY, timezone: "Asia/Kathmandu" } }, token);
    const ktmRes = ktm.data?.everflowStats;
    if (ktmRes?.__typename !== "QueryEverflowStatsSuccess") throw new Error(JSON.stringify(ktmRes));
    expect(ktmRes.data.timezone).toEqual({ id: 67, name: "UTC", matched: false });
    expect(ktmRes.data.range.timezone).toBe("Asia/Kathmandu");
    expect(tableCalls.at(-1)?.body.timezone_id).toBe(67);
  });

  it("answers a refused key, an unreachable API and malformed answers as readable UpstreamError results", async () => {
    const cases: Array<[string, string, string, RegExp]> = [
      ["ef-bad", `${base}/ef`, "REFUSED", /^Everflow refused the key \(HTTP 401\)$/],
      ["ef-good", "http://127.0.0.1:1", "UNREACHABLE", /could not reach Everflow/],
      ["ef-garbage", `${base}/ef`, "BAD_ANSWER", /Everflow's answer is not JSON/],
      ["ef-shape", `${base}/ef`, "BAD_ANSWER", /not an entity report/],
    ];
    for (const [key, url, reason, message] of cases) {
      const id = await network(`EF ${key} ${url}`, key, url);
      const r = await t.gql(EverflowStatsDoc, { networkId: id, range: RANGE }, token);
      expect(r.errors).toBeUndefined();
      const res = r.data?.everflowStats;
      if (res?.__typename !== "UpstreamError") throw new Error(JSON.stringify(res));
      expect(res).toMatchObject({ service: "Everflow", reason });
      expect(res.message).toMatch(message);
    }
    const garbageCalls = tableCalls.filter((c) => c.key === "ef-garbage").length;
    const garbage = (await p().affiliateNetwork.findFirstOrThrow({ where: { apiKey: "ef-garbage" } })).id;
    await t.gql(EverflowStatsDoc, { networkId: garbage, range: RANGE }, token);
    // Failures are not cached: the next refresh asks again.
    expect(tableCalls.filter((c) => c.key === "ef-garbage").length).toBe(garbageCalls + 1);
  });

  it("refuses networks that cannot have stats as validation errors", async () => {
    const cake = (await p().affiliateNetwork.findFirstOrThrow({ where: { type: "cake" } })).id;
    const r = await t.gql(EverflowStatsDoc, { networkId: cake, range: RANGE }, token);
    expect(r.data?.everflowStats).toMatchObject({ __typename: "ValidationError", message: expect.stringMatching(/only Everflow networks/) });
    const missing = await t.gql(EverflowStatsDoc, { networkId: newId(), range: RANGE }, token);
    expect(missing.data?.everflowStats.__typename).toBe("NotFoundError");
  });
});

describe("Kadam tab", () => {
  beforeAll(async () => {
    const other = await fx.campaign("Someone else's 777");
    // Campaign 777: 3 clicks, one $10 conversion; 778: one click. A click with 777 on another campaign does not count.
    const c = await fx.click({ campaignId: k1, sourceId: kadam, extCampaignId: "777", createdAt: `${DAY}T10:00:00Z` });
    await fx.click({ campaignId: k1, sourceId: kadam, extCampaignId: "777", createdAt: `${DAY}T11:00:00Z` });
    await fx.click({ campaignId: k1, sourceId: kadam, extCampaignId: "777", createdAt: `${DAY}T12:00:00Z` });
    await fx.click({ campaignId: k1, sourceId: kadam, extCampaignId: "778", createdAt: `${DAY}T13:00:00Z` });
    await fx.click({ campaignId: other, extCampaignId: "777", createdAt: `${DAY}T13:00:00Z` });
    await fx.conversion({ clickId: c, campaignId: k1, sourceId: kadam, clickCreatedAt: `${DAY}T10:00:00Z`, createdAt: `${DAY}T10:30:00Z`, revenue: "10" });
  });

  it("puts Kadam's figures per external campaign next to Trackily's, with cost converted to the account currency", async () => {
    const r = await t.gql(KadamStatsDoc, { sourceId: kadam, range: RANGE }, token);
    expect(r.errors).toBeUndefined();
    const res = r.data?.kadamStats;
    if (res?.__typename !== "QueryKadamStatsSuccess") throw new Error(JSON.stringify(res));
    expect(res.data.sourceCurrency).toBe("EUR");
    expect(res.data.rows).toEqual([
      {
        externalCampaignId: "777",
        campaigns: [{ name: "Kadam push" }],
        impressions: 1000,
        clicks: 40,
        ctr: "4.00",
        costSource: "12.50",
        // 12.50 EUR * 1.1
        cost: "13.75",
        trackilyClicks: 3,
        trackilyConversions: 1,
        trackilyRevenue: "10.00",
        profit: "-3.75",
        roi: "-27.27",
      },
      {
        externalCampaignId: "778",
        campaigns: [{ name: "Kadam push" }],
        impressions: 200,
        clicks: 4,
        ctr: "2.00",
        costSource: "1.25",
        // 1.25 * 1.1 = 1.375
        cost: "1.38",
        trackilyClicks: 1,
        trackilyConversions: 0,
        trackilyRevenue: "0.00",
        profit: "-1.38",
        roi: "-100.00",
      },
    ]);
    // cost 15.125, profit 10 - 15.125 = -5.125, ROI -5.125 / 15.125 = -33.88%
    expect(res.data.totals).toEqual({
      impressions: 1200,
      clicks: 44,
      ctr: "3.67",
      costSource: "13.75",
      cost: "15.13",
      trackilyClicks: 4,
      trackilyConversions: 1,
      trackilyRevenue: "10.00",
      profit: "-5.13",
      roi: "-33.88",
    });
    expect(kadamCalls.map((c) => c.query)).toEqual(["777", "778"].map((campaign_id) => ({ campaign_id, period: "day", date_from: DAY, date_to: DAY })));
    expect(new Set(kadamCalls.map((c) => c.auth))).toEqual(new Set(["Bearer kd-good"]));
  });

  it("answers a refused Bearer key as an UpstreamError", async () => {
    await p().trafficSource.update({ where: { id: kadam }, data: { apiKey: "kd-wrong" } });
    const r = await t.gql(KadamStatsDoc, { sourceId: kadam, range: RANGE }, token);
    expect(r.data?.kadamStats).toMatchObject({
      __typename: "UpstreamError",
      service: "Kadam",
      reason: "REFUSED",
      httpStatus: 401,
      message: "Kadam refused the key (HTTP 401)",
    });
    await p().trafficSource.update({ where: { id: kadam }, data: { apiKey: "kd-good" } });
  });
});

describe("permissions", () => {
  it("needs read access to reports, like the dashboard", async () => {
    const admin = token;
    const mk = async (email: string, permissions: Record<string, { read: boolean }>) => {
      const u = await t.rest("POST", "/admin/api/users", { token: admin, body: { email, password: "role-password-1", role: "CUSTOM", permissions } });
      if (u.status !== 201) throw new Error(JSON.stringify(u.body));
      return t.login(email, "role-password-1");
    };
    const noReports = await mk("no-reports@stats.test", { campaigns: { read: true }, networks: { read: true } });
    const reportsOnly = await mk("reports@stats.test", { reports: { read: true } });
    for (const r of [
      await t.gql(Tabs, {}, noReports),
      await t.gql(EverflowStatsDoc, { networkId: netGood, range: RANGE }, noReports),
      await t.gql(KadamStatsDoc, { sourceId: kadam, range: RANGE }, noReports),
    ]) {
      expect(r.data ?? null).toBeNull();
      expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect((await t.gql(Tabs, {}, null)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const ok = await t.gql(Tabs, {}, reportsOnly);
    expect(ok.data?.dashboardIntegrations).toEqual((await t.gql(Tabs, {}, admin)).data?.dashboardIntegrations);
    expect(ok.data?.dashboardIntegrations.map((i) => i.name)).toEqual(expect.arrayContaining(["EF Main", "Kadam EU"]));
    const ef = await t.gql(EverflowStatsDoc, { networkId: netGood, range: RANGE }, reportsOnly);
    expect(ef.data?.everflowStats.__typename).toBe("QueryEverflowStatsSuccess");
  });
});
