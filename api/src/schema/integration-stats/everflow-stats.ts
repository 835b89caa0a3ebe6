// The dashboard's Everflow tab: per offer, Everflow's own numbers (affiliate entity report) next to Trackily's
// for the offers imported from that network (Offer.networkId + externalId = Everflow's network_offer_id).
import { Decimal } from "@prisma/client/runtime/client";
import type { Deps } from "../../deps.js";
import type { AffiliateNetwork } from "../../generated/prisma/client.js";
import { UpstreamError, ValidationError } from "../../lib/errors.js";
import { queryOf } from "../../reports/base-sums.js";
import type { BaseSums } from "../../reports/metrics.js";
import { type RangeInput, type ResolvedRange, resolveRange } from "../../reports/params.js";
import { readSums } from "../../reports/rollup.js";
import { everflowBase } from "../network/network.sync.js";
import { uuid } from "../shared/inputs.js";
import { mustFind, parseInput } from "../shared/write.js";
import {
  type EverflowOfferRow,
  type EverflowTimezone,
  everflowZoneFor,
  moneyString,
  parseEverflowTable,
  parseEverflowTimezones,
  ShapeError,
} from "./parse-stats.js";
import { cachedUpstream, fetchUpstreamJson } from "./upstream.js";

const SERVICE = "Everflow";
const ZONES_TTL_MS = 24 * 3_600_000;

export interface EverflowSide {
  clicks: number;
  conversions: number;
  /** Our payout from the network, account currency. */
  revenue: string;
}

export interface TrackilySide {
  clicks: number;
  /** Leads and other conversions together, as Everflow's cv counts them. */
  conversions: number;
  revenue: string;
  cost: string;
}

export interface EverflowStatsRow {
  /** Everflow's network_offer_id. */
  externalId: string;
  label: string;
  /** The Trackily offers imported from this Everflow offer (usually one). */
  offers: Array<{ id: string; name: string }>;
  everflow: EverflowSide;
  trackily: TrackilySide;
  /** (Everflow revenue - Trackily cost) / Trackily cost * 100; null when the cost is 0. */
  roi: string | null;
}

export interface EverflowStats {
  range: ResolvedRange;
  networkId: string;
  networkName: string;
  /** The Everflow time zone the report was asked in; matched is false when the report zone had no Everflow id (UTC used). */
  timezone: EverflowTimezone & { matched: boolean };
  rows: EverflowStatsRow[];
  totals: { everflow: EverflowSide; trackily: TrackilySide; roi: string | null };
}

const shapeOrThrow = <T>(parse: () => T, what: string): T => {
  try {
    return parse();
  } catch (err) {
    if (err instanceof ShapeError) throw new UpstreamError(SERVICE, "BAD_ANSWER", `Everflow's answer is not ${what} (${err.message})`);
    throw err;
  }
};

/** Everflow's zone id for an IANA zone, from GET /v1/meta/timezones (cached a day); UTC when unknown or unlisted. */
async function zoneFor(deps: Deps, network: AffiliateNetwork, iana: string): Promise<EverflowTimezone & { matched: boolean }> {
  const base = everflowBase(network);
  try {
    const zones = await cachedUpstream(
      deps,
      `everflow-zones:${network.id}:${network.updatedAt.getTime()}`,
      async () => {
        const body = await fetchUpstreamJson(deps, SERVICE, `${base}/v1/meta/timezones`, { headers: { "x-eflow-api-key": network.apiKey } });
        return shapeOrThrow(() => parseEverflowTimezones(body), "its time zone list");
      },
      ZONES_TTL_MS,
    );
    return everflowZoneFor(zones, iana);
  } catch (err) {
    // A refused key fails the whole tab; any other trouble with the zone list only costs the zone mapping.
    if (err instanceof UpstreamError && err.reason !== "REFUSED") return everflowZoneFor([], iana);
    throw err;
  }
}

async function loadNetwork(deps: Deps, id: string): Promise<AffiliateNetwork> {
  parseInput(uuid, id);
  const network = await mustFind("AffiliateNetwork", id, deps.db.prisma.affiliateNetwork.findUnique({ where: { id } }));
  if (network.type !== "everflow")
    throw new ValidationError([{ path: "networkId", message: `only Everflow networks have stats (this one is ${network.type})` }]);
  if (!network.apiKey) throw new ValidationError([{ path: "networkId", message: "the network has no API key; add one under Affiliate Networks" }]);
  return network;
}

const trackilySide = (s: BaseSums | undefined): TrackilySide => ({
  clicks: s?.clicks ?? 0,
  conversions: (s?.leads ?? 0) + (s?.conversions ?? 0),
  revenue: s?.revenue ?? "0",
  cost: s?.cost ?? "0",
});

const addTrackily = (a: TrackilySide, b: TrackilySide): TrackilySide => ({
  clicks: a.clicks + b.clicks,
  conversions: a.conversions + b.conversions,
  revenue: new Decimal(a.revenue).plus(b.revenue).toFixed(),
  cost: new Decimal(a.cost).plus(b.cost).toFixed(),
});

const roiOf = (revenue: Decimal, cost: Decimal): string | null =>
  cost.isZero() ? null : revenue.minus(cost).mul(100).div(cost).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

const rounded = (t: TrackilySide): TrackilySide => ({ ...t, revenue: moneyString(new Decimal(t.revenue)), cost: moneyString(new Decimal(t.cost)) });

export async function everflowStats(deps: Deps, networkId: string, input: RangeInput): Promise<EverflowStats> {
  const network = await loadNetwork(deps, networkId);
  const range = await resolveRange(deps, input);
  const timezone = await zoneFor(deps, network, range.timezone);
  const base = everflowBase(network);
  const key = `everflow:${network.id}:${network.updatedAt.getTime()}:${range.from}:${range.to}:${timezone.id}:${range.currency}`;
  const efRows = await cachedUpstream(deps, key, async () => {
    const body = await fetchUpstreamJson(deps, SERVICE, `${base}/v1/affiliates/reporting/entity/table`, {
      method: "POST",
      headers: { "x-eflow-api-key": network.apiKey, "content-type": "application/json" },
      body: JSON.stringify({
        from: range.from,
        to: range.to,
        timezone_id: timezone.id,
        currency_id: range.currency,
        columns: [{ column: "offer" }],
        query: { filters: [] },
      }),
    });
    return shapeOrThrow(() => parseEverflowTable(body), "an entity report (JSON with a table list)");
  });

  const [offers, sums] = await Promise.all([
    deps.db.prisma.offer.findMany({ where: { networkId: network.id, externalId: { not: "" } }, select: { id: true, name: true, externalId: true } }),
    readSums(deps, queryOf(range, ["offer"])),
  ]);
  const sumsByOffer = new Map(sums.map((g) => [g.keys[0] ?? "", g.sums]));
  const offersByExt = new Map<string, Array<{ id: string; name: string }>>();
  for (const o of offers) offersByExt.set(o.externalId, [...(offersByExt.get(o.externalId) ?? []), { id: o.id, name: o.name }]);

  const efById = new Map<string, EverflowOfferRow>(efRows.map((r) => [r.id, r]));
  // Everflow's offers, then imported offers Trackily saw traffic for that Everflow did not report.
  const ids = [...efById.keys()];
  for (const [ext, list] of offersByExt) {
    if (!efById.has(ext) && list.some((o) => (sumsByOffer.get(o.id)?.clicks ?? 0) > 0 || new Decimal(sumsByOffer.get(o.id)?.revenue ?? 0).gt(0))) ids.push(ext);
  }
  const zero = trackilySide(undefined);
  let efTotal = { clicks: 0, conversions: 0, revenue: new Decimal(0) };
  let tlTotal = zero;
  const rows = ids.map((ext) => {
    const ef = efById.get(ext);
    const matched = offersByExt.get(ext) ?? [];
    const tl = matched.reduce((acc, o) => addTrackily(acc, trackilySide(sumsByOffer.get(o.id))), zero);
    const efRevenue = ef?.revenue ?? new Decimal(0);
    efTotal = {
      clicks: efTotal.clicks + (ef?.clicks ?? 0),
      conversions: efTotal.conversions + (ef?.conversions ?? 0),
      revenue: efTotal.revenue.plus(efRevenue),
    };
    tlTotal = addTrackily(tlTotal, tl);
    return {
      externalId: ext,
      label: ef?.label ?? matched[0]?.name ?? ext,
      offers: matched,
      everflow: { clicks: ef?.clicks ?? 0, conversions: ef?.conversions ?? 0, revenue: moneyString(efRevenue) },
      trackily: rounded(tl),
      roi: roiOf(efRevenue, new Decimal(tl.cost)),
      sortKey: efRevenue,
    };
  });
  rows.sort((a, b) => b.sortKey.comparedTo(a.sortKey) || b.trackily.clicks - a.trackily.clicks || a.externalId.localeCompare(b.externalId));
  return {
    range,
    networkId: network.id,
    networkName: network.name,
    timezone,
    rows: rows.map(({ sortKey: _s, ...r }) => r),
    totals: {
      everflow: { clicks: efTotal.clicks, conversions: efTotal.conversions, revenue: moneyString(efTotal.revenue) },
      trackily: rounded(tlTotal),
      roi: roiOf(efTotal.revenue, new Decimal(tlTotal.cost)),
    },
  };
}
