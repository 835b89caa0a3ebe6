// The dashboard's Kadam tab: per external campaign id linked on the source's campaigns, Kadam's own numbers
// (impressions, clicks, spend) next to Trackily's for the clicks that carried that id.
import { Decimal } from "@prisma/client/runtime/client";
import { conversionSettings, rateFor } from "../../conversions/settings-cache.js";
import type { Deps } from "../../deps.js";
import type { TrafficSource } from "../../generated/prisma/client.js";
import { UpstreamError, ValidationError } from "../../lib/errors.js";
import { queryOf } from "../../reports/base-sums.js";
import { type RangeInput, type ResolvedRange, resolveRange } from "../../reports/params.js";
import { readSums } from "../../reports/rollup.js";
import { uuid } from "../shared/inputs.js";
import { mustFind, parseInput } from "../shared/write.js";
import { moneyString, parseKadamCampaign, ShapeError } from "./parse-stats.js";
import { cachedUpstream, fetchUpstreamJson } from "./upstream.js";

const SERVICE = "Kadam";
export const KADAM_DEFAULT_API = "https://api.kadam.net";
/** Bounded work per request: at most this many external campaigns are asked for. */
export const MAX_KADAM_CAMPAIGNS = 50;
/** Traffic-source templates with a stats adapter. */
export const STATS_TEMPLATES = ["kadam"] as const;

export interface KadamStatsRow {
  externalCampaignId: string;
  /** The Trackily campaigns that list this external id. */
  campaigns: Array<{ id: string; name: string }>;
  impressions: number;
  clicks: number;
  /** clicks / impressions * 100; null without impressions. */
  ctr: string | null;
  /** As Kadam charged it, in the source's currency. */
  costSource: string;
  /** In the account currency. */
  cost: string;
  trackilyClicks: number;
  /** Leads and other conversions together. */
  trackilyConversions: number;
  trackilyRevenue: string;
  /** Trackily revenue - Kadam cost (account currency). */
  profit: string;
  /** profit / cost * 100; null when the cost is 0. */
  roi: string | null;
}

export interface KadamStats {
  range: ResolvedRange;
  sourceId: string;
  sourceName: string;
  sourceCurrency: string;
  rows: KadamStatsRow[];
  totals: Omit<KadamStatsRow, "externalCampaignId" | "campaigns">;
}

const kadamBase = (s: Pick<TrafficSource, "apiUrl">) => (s.apiUrl || KADAM_DEFAULT_API).replace(/\/+$/, "");

async function loadSource(deps: Deps, id: string): Promise<TrafficSource> {
  parseInput(uuid, id);
  const source = await mustFind("TrafficSource", id, deps.db.prisma.trafficSource.findUnique({ where: { id } }));
  if (!(STATS_TEMPLATES as readonly string[]).includes(source.template)) {
    throw new ValidationError([{ path: "sourceId", message: `only Kadam sources have stats (this one's template is ${source.template})` }]);
  }
  if (!source.apiKey) throw new ValidationError([{ path: "sourceId", message: "the source has no API key; add one under Traffic Sources" }]);
  return source;
}

async function fetchCampaign(deps: Deps, source: TrafficSource, externalId: string, range: ResolvedRange) {
  const key = `kadam:${source.id}:${source.updatedAt.getTime()}:${externalId}:${range.from}:${range.to}`;
  return cachedUpstream(deps, key, async () => {
    const q = new URLSearchParams({ campaign_id: externalId, period: "day", date_from: range.from, date_to: range.to });
    const body = await fetchUpstreamJson(deps, SERVICE, `${kadamBase(source)}/ads.analytic.campaign.get?${q}`, {
      headers: { authorization: `Bearer ${source.apiKey}` },
    });
    try {
      return parseKadamCampaign(body);
    } catch (err) {
      if (err instanceof ShapeError)
        throw new UpstreamError(SERVICE, "BAD_ANSWER", `Kadam's answer for campaign ${externalId} is not campaign stats (${err.message})`);
      throw err;
    }
  });
}

const ctrOf = (clicks: number, impressions: number) =>
  impressions === 0 ? null : new Decimal(clicks).mul(100).div(impressions).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
const roiOf = (profit: Decimal, cost: Decimal) => (cost.isZero() ? null : profit.mul(100).div(cost).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));

export async function kadamStats(deps: Deps, sourceId: string, input: RangeInput): Promise<KadamStats> {
  const source = await loadSource(deps, sourceId);
  const campaigns = await deps.db.prisma.campaign.findMany({
    where: { sourceId: source.id, NOT: { externalCampaignIds: { isEmpty: true } } },
    select: { id: true, name: true, externalCampaignIds: true },
    orderBy: { name: "asc" },
  });
  const byExt = new Map<string, Array<{ id: string; name: string }>>();
  for (const c of campaigns) {
    for (const raw of c.externalCampaignIds) {
      const ext = raw.trim();
      if (ext) byExt.set(ext, [...(byExt.get(ext) ?? []), { id: c.id, name: c.name }]);
    }
  }
  const extIds = [...byExt.keys()].slice(0, MAX_KADAM_CAMPAIGNS);
  const currency = source.currency.trim().toUpperCase();
  const rate = rateFor(await conversionSettings(deps), currency, "currency");
  const filters = [...(input.filters ?? [])];
  if (extIds.length) filters.push({ dimension: "campaign", values: campaigns.map((c) => c.id) }, { dimension: "extCampaignId", values: extIds });
  const range = await resolveRange(deps, { ...input, filters });

  // A few at a time: one request per external campaign is what Kadam's API offers.
  const kadam: Array<Awaited<ReturnType<typeof fetchCampaign>>> = [];
  for (let i = 0; i < extIds.length; i += 4) kadam.push(...(await Promise.all(extIds.slice(i, i + 4).map((ext) => fetchCampaign(deps, source, ext, range)))));
  const sums = extIds.length ? await readSums(deps, queryOf(range, ["extCampaignId"])) : [];
  const sumsByExt = new Map(sums.map((g) => [g.keys[0] ?? "", g.sums]));

  const t = { impressions: 0, clicks: 0, costSource: new Decimal(0), cost: new Decimal(0), tClicks: 0, tConv: 0, tRevenue: new Decimal(0) };
  const rows = extIds.map((ext, i) => {
    const k = kadam[i] ?? { impressions: 0, clicks: 0, cost: new Decimal(0) };
    const s = sumsByExt.get(ext);
    const cost = rate === null ? k.cost : k.cost.mul(rate);
    const revenue = new Decimal(s?.revenue ?? 0);
    const conv = (s?.leads ?? 0) + (s?.conversions ?? 0);
    t.impressions += k.impressions;
    t.clicks += k.clicks;
    t.costSource = t.costSource.plus(k.cost);
    t.cost = t.cost.plus(cost);
    t.tClicks += s?.clicks ?? 0;
    t.tConv += conv;
    t.tRevenue = t.tRevenue.plus(revenue);
    return {
      externalCampaignId: ext,
      campaigns: byExt.get(ext) ?? [],
      impressions: k.impressions,
      clicks: k.clicks,
      ctr: ctrOf(k.clicks, k.impressions),
      costSource: moneyString(k.cost),
      cost: moneyString(cost),
      trackilyClicks: s?.clicks ?? 0,
      trackilyConversions: conv,
      trackilyRevenue: moneyString(revenue),
      profit: moneyString(revenue.minus(cost)),
      roi: roiOf(revenue.minus(cost), cost),
    };
  });
  return {
    range,
    sourceId: source.id,
    sourceName: source.name,
    sourceCurrency: currency,
    rows,
    totals: {
      impressions: t.impressions,
      clicks: t.clicks,
      ctr: ctrOf(t.clicks, t.impressions),
      costSource: moneyString(t.costSource),
      cost: moneyString(t.cost),
      trackilyClicks: t.tClicks,
      trackilyConversions: t.tConv,
      trackilyRevenue: moneyString(t.tRevenue),
      profit: moneyString(t.tRevenue.minus(t.cost)),
      roi: roiOf(t.tRevenue.minus(t.cost), t.cost),
    },
  };
}
