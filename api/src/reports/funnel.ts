// Multi-step lander funnel: how many clicks in the range reached each reported step (funnel_steps, one row per
// click and step), with drop-off between steps. Step names come from the lander's `steps` or the reported name.
import { sqltag } from "@prisma/client/runtime/client";
import type { Deps } from "../deps.js";
import { ValidationError } from "../lib/errors.js";
import { filterSql } from "./base-sums.js";
import { sqlJoin } from "./dimensions.js";
import { type RangeInput, resolveRange } from "./params.js";

export interface FunnelStepRow {
  step: number;
  name: string;
  count: number;
  /** count / first step * 100 */
  pctOfFirst: string | null;
  /** count / previous step * 100 */
  pctOfPrevious: string | null;
  /** previous - count */
  dropOff: number;
  dropOffPct: string | null;
}

// Integer arithmetic first so 35/100 gives exactly "35.00" (no binary-float surprises in the last digit).
export function pctExact(n: number, d: number, dp = 2): string | null {
  if (d === 0) return null;
  const scale = 10 ** dp;
  const scaled = Math.round((n * 100 * scale) / d);
  return (scaled / scale).toFixed(dp);
}

export function funnelRows(steps: Array<{ step: number; name: string; count: number }>): FunnelStepRow[] {
  const first = steps[0]?.count ?? 0;
  return steps.map((s, i) => {
    const prev = i === 0 ? s.count : (steps[i - 1]?.count ?? 0);
    return {
      ...s,
      pctOfFirst: pctExact(s.count, first),
      pctOfPrevious: i === 0 ? pctExact(s.count, s.count) : pctExact(s.count, prev),
      dropOff: i === 0 ? 0 : prev - s.count,
      dropOffPct: i === 0 ? null : pctExact(prev - s.count, prev),
    };
  });
}

export interface FunnelInput extends RangeInput {
  campaignId: string;
  landingId?: string | null;
}

export async function multiStepFunnel(deps: Deps, input: FunnelInput): Promise<{ steps: FunnelStepRow[]; clicks: number }> {
  if (!/^[0-9a-f-]{36}$/i.test(input.campaignId)) throw new ValidationError([{ path: "campaignId", message: "expected a campaign id" }]);
  const filters = [...(input.filters ?? []), { dimension: "campaign" as const, values: [input.campaignId] }];
  if (input.landingId) filters.push({ dimension: "landing", values: [input.landingId] });
  const range = await resolveRange(deps, { ...input, filters });
  const tz = sqltag`${range.timezone}::text`;
  const where = sqlJoin([
    "c.created_at >= ",
    sqltag`${range.start}`,
    " AND c.created_at < ",
    sqltag`${range.end}`,
    filterSql(range.filters, "click", sqltag`c.created_at`, tz),
  ]);
  const [totals, rows] = await Promise.all([
    deps.db.sql.query<{ n: string }>(sqlJoin(["SELECT count(*) AS n FROM clicks c WHERE ", where])),
    deps.db.sql.query<{ step: number; name: string; n: string }>(
      sqlJoin([
        "SELECT fs.step, max(fs.name) AS name, count(DISTINCT fs.click_id) AS n FROM funnel_steps fs JOIN clicks c ON c.id = fs.click_id WHERE ",
        where,
        " GROUP BY fs.step ORDER BY fs.step",
      ]),
    ),
  ]);
  let names: string[] = [];
  if (input.landingId) {
    const lp = await deps.db.prisma.landingPage.findUnique({ where: { id: input.landingId }, select: { steps: true } });
    names = lp?.steps ?? [];
  }
  // A visitor who reached step 3 passed steps 1 and 2 even if a report was lost: counts never rise down the funnel.
  const maxStep = rows.reduce((m, r) => Math.max(m, Number(r.step)), names.length);
  const counts = new Map(rows.map((r) => [Number(r.step), { n: Number(r.n), name: r.name }]));
  const steps: Array<{ step: number; name: string; count: number }> = [];
  for (let s = 1; s <= maxStep; s++) {
    const got = counts.get(s);
    steps.push({ step: s, name: names[s - 1] || got?.name || (s === 1 ? "Landing" : `Step ${s}`), count: got?.n ?? 0 });
  }
  return { steps: funnelRows(steps), clicks: Number(totals[0]?.n ?? 0) };
}

export const ECOM_STEPS = [
  { event: "pageview", name: "Page View" },
  { event: "add_to_cart", name: "Add to Cart" },
  { event: "checkout", name: "Checkout" },
  { event: "purchase", name: "Purchase" },
] as const;

export interface EcomFunnelInput extends RangeInput {
  campaignId?: string | null;
}

/**
 * E-commerce funnel: distinct visitors (or clicks, for events without a visitor) with a pixel event of each
 * step in the range. Country and device filters apply through the event's click.
 */
export async function ecommerceFunnel(deps: Deps, input: EcomFunnelInput): Promise<{ steps: FunnelStepRow[] }> {
  const filters = [...(input.filters ?? [])];
  const range = await resolveRange(deps, { ...input, filters });
  const tz = sqltag`${range.timezone}::text`;
  const clickFilters = range.filters;
  const needClick = clickFilters.length > 0;
  const rows = await deps.db.sql.query<{ name: string; n: string }>(
    sqlJoin([
      "SELECT e.name, count(DISTINCT coalesce(e.visitor_id, e.click_id, e.id)) AS n FROM events e",
      needClick ? " JOIN clicks c ON c.id = e.click_id" : "",
      " WHERE e.name = ANY(",
      sqltag`${ECOM_STEPS.map((s) => s.event)}`,
      "::text[]) AND e.created_at >= ",
      sqltag`${range.start}`,
      " AND e.created_at < ",
      sqltag`${range.end}`,
      input.campaignId ? sqlJoin([" AND e.campaign_id = ", sqltag`${input.campaignId}::uuid`]) : "",
      needClick ? filterSql(clickFilters, "click", sqltag`c.created_at`, tz) : "",
      " GROUP BY e.name",
    ]),
  );
  const by = new Map(rows.map((r) => [r.name, Number(r.n)]));
  return { steps: funnelRows(ECOM_STEPS.map((s, i) => ({ step: i + 1, name: s.name, count: by.get(s.event) ?? 0 }))) };
}
