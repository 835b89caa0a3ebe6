// Click costs in the traffic source's currency (converted to the account currency with Settings' rates, both kept),
// manual cost edits in a named currency, and custom tracking domains (the root path runs the domain's campaign).
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./gql/index.js";
import { startTestApp, type TestApp } from "./helpers/app.js";
import { click, reloadConfig, seedCampaign, seedOffer } from "./helpers/click-seed.js";
import { newId } from "../src/lib/ids.js";

const BulkCostIn = graphql(`
  mutation BulkUpdateClickCostIn($input: BulkUpdateClickCostInput!) {
    bulkUpdateClickCost(input: $input) {
      __typename
      ... on MutationBulkUpdateClickCostSuccess { data { updated cpc currency costAccount } }
      ... on ValidationError { message fields { path message } }
    }
  }
`);
const UpdateCostIn = graphql(`
  mutation UpdateClickCostIn($input: UpdateClickCostInput!) {
    updateClickCost(input: $input) {
      __typename
      ... on MutationUpdateClickCostSuccess { data { clickId cost } }
      ... on ValidationError { message fields { path message } }
    }
  }
`);
const ClickCosts = graphql(`
  query ClickCosts($range: ReportRangeInput) {
    clicksLog(range: $range, first: 100) { edges { node { id cost costSource costCurrency } } }
  }
`);

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login();
  const p = t.app.deps.db.prisma;
  await p.settings.upsert({ where: { id: 1 }, create: { id: 1, accountCurrency: "USD" }, update: { accountCurrency: "USD" } });
  await p.currencyRate.create({ data: { currency: "EUR", rate: "1.0870000000" } });
});
afterAll(() => t?.stop());

async function source(currency: string) {
  const id = newId();
  await t.app.deps.db.prisma.trafficSource.create({ data: { id, name: `src-${currency}`, currency } });
  return id;
}
const clickIdOf = (r: { location: string }) => new URL(r.location).searchParams.get("sub2") as string;
const row = (id: string) => t.app.deps.db.prisma.click.findUniqueOrThrow({ where: { id } });

describe("click cost currency", () => {
  it("converts the campaign's CPC and the {cost} parameter from the source's currency, keeping both amounts", async () => {
    const offer = await seedOffer(t, { url: "https://offer.example.com/" });
    const sourceId = await source("EUR");
    await seedCampaign(t, { slug: "eur", sourceId, costValue: "0.05", flows: [{ offers: [{ id: offer }] }] });
    await seedCampaign(t, { slug: "eur-cpm", sourceId, costModel: "CPM", costValue: "2.5", flows: [{ offers: [{ id: offer }] }] });
    await reloadConfig(t);

    const bid = await row(clickIdOf(await click(t, "/c/eur")));
    expect([bid.cost.toString(), bid.costSource?.toString(), bid.costCurrency]).toEqual(["0.05435", "0.05", "EUR"]);
    const reported = await row(clickIdOf(await click(t, "/c/eur?cost=0.1234")));
    // 0.1234 x 1.087 = 0.1341358 -> 0.134136 (6 decimals, half up)
    expect([reported.cost.toString(), reported.costSource?.toString(), reported.costCurrency]).toEqual(["0.134136", "0.1234", "EUR"]);
    const cpm = await row(clickIdOf(await click(t, "/c/eur-cpm")));
    // 2.5 per thousand = 0.0025 EUR per click = 0.0027175 USD -> 0.002718
    expect([cpm.cost.toString(), cpm.costSource?.toString()]).toEqual(["0.002718", "0.0025"]);

    const log = await t.gql(ClickCosts, { range: { preset: "TODAY", timezone: "UTC" } }, token);
    const node = log.data?.clicksLog.edges.find((e) => e.node.id === reported.id)?.node;
    expect(node).toEqual({ id: reported.id, cost: "0.134136", costSource: "0.1234", costCurrency: "EUR" });
  });

  it("records the cost unconverted when the source's currency has no rate, and converts once a rate is set", async () => {
    const offer = await seedOffer(t, { url: "https://offer.example.com/" });
    await seedCampaign(t, { slug: "gbp", sourceId: await source("GBP"), costValue: "0.2", flows: [{ offers: [{ id: offer }] }] });
    await reloadConfig(t);
    const before = await row(clickIdOf(await click(t, "/c/gbp")));
    expect([before.cost.toString(), before.costSource?.toString(), before.costCurrency]).toEqual(["0.2", "0.2", "GBP"]);
    await t.app.deps.db.prisma.currencyRate.create({ data: { currency: "GBP", rate: "1.25" } });
    await reloadConfig(t);
    const after = await row(clickIdOf(await click(t, "/c/gbp")));
    expect([after.cost.toString(), after.costSource?.toString(), after.costCurrency]).toEqual(["0.25", "0.2", "GBP"]);
  });

  it("takes a bulk CPC in the source's currency by default, or in a named one; refuses a currency without a rate", async () => {
    const offer = await seedOffer(t, { url: "https://offer.example.com/" });
    const { id: campaignId } = await seedCampaign(t, { slug: "bulk-eur", sourceId: await source("EUR"), costValue: "0", flows: [{ offers: [{ id: offer }] }] });
    await reloadConfig(t);
    const ids = [clickIdOf(await click(t, "/c/bulk-eur")), clickIdOf(await click(t, "/c/bulk-eur"))];
    const range = { campaignId, from: new Date(Date.now() - 60_000).toISOString(), to: new Date(Date.now() + 1_000).toISOString() };

    const eur = await t.gql(BulkCostIn, { input: { ...range, cpc: "0.1" } }, token);
    expect(eur.data?.bulkUpdateClickCost).toEqual({
      __typename: "MutationBulkUpdateClickCostSuccess",
      data: { updated: 2, cpc: "0.1", currency: "EUR", costAccount: "0.1087" },
    });
    expect((await row(ids[0] as string)).cost.toString()).toBe("0.1087");

    const usd = await t.gql(BulkCostIn, { input: { ...range, cpc: "0.3", currency: "usd" } }, token);
    expect(usd.data?.bulkUpdateClickCost).toMatchObject({ data: { currency: "USD", costAccount: "0.3" } });
    const r = await row(ids[1] as string);
    expect([r.cost.toString(), r.costSource?.toString(), r.costCurrency]).toEqual(["0.3", "0.3", "USD"]);

    const jpy = await t.gql(BulkCostIn, { input: { ...range, cpc: "5", currency: "JPY" } }, token);
    expect(jpy.data?.bulkUpdateClickCost).toMatchObject({ __typename: "ValidationError", fields: [{ path: "currency" }] });
    expect(JSON.stringify(jpy.data)).toContain("accepted: USD");
    expect((await row(ids[1] as string)).cost.toString()).toBe("0.3");

    const one = await t.gql(UpdateCostIn, { input: { clickId: ids[0] as string, cost: "1", currency: "EUR" } }, token);
    expect(one.data?.updateClickCost).toMatchObject({ data: { cost: "1.087" } });
    const bad = await t.gql(UpdateCostIn, { input: { clickId: ids[0] as string, cost: "1", currency: "euro" } }, token);
    expect(bad.data?.updateClickCost).toMatchObject({ __typename: "ValidationError", fields: [{ path: "currency" }] });
  });
});

/** GET with an explicit Host header (fetch does not let a caller choose it). */
function get(path: string, host: string): Promise<{ status: number; location: string }> {
  const u = new URL(t.url);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: u.hostname, port: u.port, path, headers: { host, "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/120" } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: String(res.headers.location ?? "") }));
    });
    req.on("error", reject);
  });
}

describe("custom tracking domains", () => {
  it("runs the linked campaign at the domain's root and keeps campaigns off other campaigns' domains", async () => {
    const p = t.app.deps.db.prisma;
    const [d1, d2, shared] = [newId(), newId(), newId()];
    await p.domain.createMany({
      data: [
        { id: d1, hostname: "track.example.com" },
        { id: d2, hostname: "go.example.net" },
        { id: shared, hostname: "shared.example.org" },
      ],
    });
    const o1 = await seedOffer(t, { url: "https://one.example.com/" });
    const o2 = await seedOffer(t, { url: "https://two.example.com/" });
    const { id: c1 } = await seedCampaign(t, { slug: "dom-one", domainId: d1, flows: [{ offers: [{ id: o1 }] }] });
    await seedCampaign(t, { slug: "dom-two", domainId: d2, flows: [{ offers: [{ id: o2 }] }] });
    await seedCampaign(t, { slug: "dom-a", domainId: shared, flows: [{ offers: [{ id: o1 }] }] });
    await seedCampaign(t, { slug: "dom-b", domainId: shared, flows: [{ offers: [{ id: o2 }] }] });
    await reloadConfig(t);

    const root = await get("/?sub1=abc", "Track.Example.com:8443");
    expect(root.status).toBe(302);
    const loc = new URL(root.location);
    expect(loc.host).toBe("one.example.com");
    expect((await row(loc.searchParams.get("sub2") as string)).campaignId).toBe(c1);
    expect((await row(loc.searchParams.get("sub2") as string)).sub1).toBe("abc");

    expect((await get("/c/dom-one", "track.example.com")).status).toBe(302);
    // Another campaign's domain does not serve this campaign.
    expect((await get("/c/dom-one", "go.example.net")).status).toBe(404);
    // The api's own host (and any name that is not a registered domain) still does.
    expect((await get("/c/dom-one", "127.0.0.1")).status).toBe(302);
    // A domain shared by two campaigns has no root campaign: the root is not a tracking link there.
    expect((await get("/", "shared.example.org")).location).toBe("/admin/");
    // And the api's own root still leads to the console.
    expect((await get("/", "127.0.0.1")).location).toBe("/admin/");
  });
});
