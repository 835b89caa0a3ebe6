// Parsers for the third parties' stats answers. Pure functions: they take parsed JSON and either return rows or
// throw a ShapeError saying what was missing (the caller turns it into an UpstreamError). Money stays exact:
// JSON numbers are read through their shortest decimal text into Decimal, never added up as floats.
import { Decimal } from "@prisma/client/runtime/client";

export class ShapeError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A count: a non-negative finite number or numeric string, rounded down; anything else is 0. */
export function countOf(v: unknown): number {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0;
}

/** An amount: a non-negative finite number or numeric string as an exact Decimal; anything else is 0. */
export function amountOf(v: unknown): Decimal {
  if (typeof v === "number") return Number.isFinite(v) && v >= 0 ? new Decimal(String(v)) : new Decimal(0);
  if (typeof v === "string" && /^\s*\d{1,18}(\.\d{1,18})?\s*$/.test(v)) return new Decimal(v.trim());
  return new Decimal(0);
}

/** Money as reports show it: a plain decimal string with 2 decimals, rounded half up (see reports/metrics.ts). */
export const moneyString = (d: Decimal): string => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

export interface EverflowTimezone {
  id: number;
  name: string;
}

/** GET /v1/meta/timezones: { timezones: [{ timezone_id, timezone: "America/New_York", utc_offset }] }. */
export function parseEverflowTimezones(body: unknown): EverflowTimezone[] {
  if (!isObject(body) || !Array.isArray(body.timezones)) throw new ShapeError("no timezones list");
  return body.timezones.flatMap((z) =>
    isObject(z) && Number.isInteger(Number(z.timezone_id)) && typeof z.timezone === "string" ? [{ id: Number(z.timezone_id), name: z.timezone }] : [],
  );
}

/** Everflow's id for UTC, used when the report zone has no Everflow id. */
export const EVERFLOW_UTC_ID = 67;

/** The Everflow zone for an IANA zone, or UTC (67) when Everflow lists no such zone. */
export function everflowZoneFor(zones: EverflowTimezone[], iana: string): EverflowTimezone & { matched: boolean } {
  const hit = zones.find((z) => z.name === iana) ?? zones.find((z) => z.name.toLowerCase() === iana.toLowerCase());
  if (hit) return { ...hit, matched: true };
  return { id: EVERFLOW_UTC_ID, name: zones.find((z) => z.id === EVERFLOW_UTC_ID)?.name ?? "UTC", matched: false };
}

export interface EverflowOfferRow {
  /** Everflow's network_offer_id: Offer.externalId of imported offers. */
  id: string;
  label: string;
  impressions: number;
  clicks: number;
  uniqueClicks: number;
  conversions: number;
  /** What the affiliate earned (Everflow's "revenue" from the affiliate's side): our payout. */
  revenue: Decimal;
}

/**
 * POST /v1/affiliates/reporting/entity/table with columns [{ column: "offer" }]:
 * { table: [{ columns: [{ column_type: "offer", id, label }], reporting: { imp, total_click, unique_click, cv, revenue, ... } }] }.
 * Rows with the same offer id are added together.
 */
export function parseEverflowTable(body: unknown): EverflowOfferRow[] {
  if (!isObject(body) || !Array.isArray(body.table)) throw new ShapeError("no table list");
  const byId = new Map<string, EverflowOfferRow>();
  body.table.forEach((row, i) => {
    if (!isObject(row) || !Array.isArray(row.columns) || !isObject(row.reporting)) throw new ShapeError(`table.${i} has no columns and reporting`);
    const col = row.columns.find((c) => isObject(c) && c.column_type === "offer") as Record<string, unknown> | undefined;
    const id = col ? String(col.id ?? "").trim() : "";
    if (!id) throw new ShapeError(`table.${i} has no offer column`);
    const r = row.reporting;
    const prev = byId.get(id);
    const next: EverflowOfferRow = {
      id,
      label: typeof col?.label === "string" && col.label ? col.label : (prev?.label ?? id),
      impressions: (prev?.impressions ?? 0) + countOf(r.imp),
      clicks: (prev?.clicks ?? 0) + countOf(r.total_click),
      uniqueClicks: (prev?.uniqueClicks ?? 0) + countOf(r.unique_click),
      conversions: (prev?.conversions ?? 0) + countOf(r.cv),
      revenue: (prev?.revenue ?? new Decimal(0)).plus(amountOf(r.revenue)),
    };
    byId.set(id, next);
  });
  return [...byId.values()];
}

export interface KadamTotals {
  impressions: number;
  clicks: number;
  /** In the source's currency. */
  cost: Decimal;
}

const KADAM_LIST_KEYS = ["data", "response", "items", "rows", "list", "stats"] as const;

/** The day rows of a Kadam answer, wherever they are (see parseKadamCampaign). */
function kadamRows(body: unknown, depth = 0): Array<Record<string, unknown>> | null {
  if (Array.isArray(body)) return body.filter(isObject);
  if (!isObject(body) || depth > 2) return null;
  for (const k of KADAM_LIST_KEYS) {
    if (!(k in body)) continue;
    const found = kadamRows(body[k], depth + 1);
    if (found) return found;
  }
  // { data: { shows, clicks, money } }: one totals row.
  if (depth > 0 && ["shows", "impressions", "clicks", "money", "cost", "spent"].some((k) => k in body)) return [body];
  return null;
}

/**
 * GET /ads.analytic.campaign.get?campaign_id=..&period=day&date_from=..&date_to=..
 * Kadam documents the answer only as "an object with data"; its field names are not published. Assumed here,
 * defensively: a list of day rows under data, response or items (possibly one level deeper, e.g. data.items),
 * or a single totals object under data; impressions under shows or impressions, clicks under clicks, spend
 * under money, cost or spent (numbers or numeric strings, in the source's currency). An answer with
 * { error } or none of these lists is a ShapeError.
 */
export function parseKadamCampaign(body: unknown): KadamTotals {
  if (isObject(body) && body.error !== undefined && body.error !== null && body.error !== false && !("data" in body)) {
    const e = body.error;
    const msg = isObject(e) ? String(e.message ?? e.error_msg ?? e.code ?? "error") : String(e);
    throw new ShapeError(`Kadam reported an error: ${msg.slice(0, 200)}`);
  }
  const rows = kadamRows(body);
  if (!rows) throw new ShapeError("no list of day rows under data, response or items");
  let impressions = 0;
  let clicks = 0;
  let cost = new Decimal(0);
  for (const r of rows) {
    impressions += countOf(r.shows ?? r.impressions);
    clicks += countOf(r.clicks);
    cost = cost.plus(amountOf(r.money ?? r.cost ?? r.spent));
  }
  return { impressions, clicks, cost };
}
