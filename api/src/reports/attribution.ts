// Multi-touch attribution: each counted conversion's revenue (and one conversion of credit) is shared among the
// visitor's clicks (touchpoints) up to and including the converting click, within a lookback window.
//   LAST_CLICK  100% to the converting (last) click
//   FIRST_CLICK 100% to the visitor's first click in the window
//   LINEAR      equal shares
//   TIME_DECAY  weight 1 / (1 + d), d = days between the touch and the conversion (hyperbolic decay: a touch
//               a day before counts half as much as one at the moment of conversion)
// With the spec's journey Facebook (6 days before) -> Google (3 days) -> TikTok (1 day) -> $100 purchase, the
// weights are 1/7, 1/4, 1/2, i.e. exactly 16%, 28%, 56%: $16, $28, $56.
// Money shares are cut to cents by largest remainder, so they always add up to the conversion's revenue.
import { Decimal } from "@prisma/client/runtime/client";
import { sqltag } from "@prisma/client/runtime/client";
import type { Deps } from "../deps.js";
import { ValidationError } from "../lib/errors.js";
import { COUNTED } from "./base-sums.js";
import { sqlJoin } from "./dimensions.js";
import { labelsFor } from "./grouped-report.js";
import { type RangeInput, resolveRange } from "./params.js";

export const ATTRIBUTION_MODELS = ["LAST_CLICK", "FIRST_CLICK", "LINEAR", "TIME_DECAY"] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

export interface Touch {
  key: string;
  at: Date;
}

/** Credit weights (summing to 1) for touches sorted oldest first, for a conversion at `at`. */
export function weights(model: AttributionModel, touches: Touch[], at: Date): Decimal[] {
  const n = touches.length;
  if (n === 0) return [];
  switch (model) {
    case "LAST_CLICK":
      return touches.map((_, i) => new Decimal(i === n - 1 ? 1 : 0));
    case "FIRST_CLICK":
      return touches.map((_, i) => new Decimal(i === 0 ? 1 : 0));
    case "LINEAR":
      return touches.map(() => new Decimal(1).div(n));
    case "TIME_DECAY": {
      const raw = touches.map((t) => new Decimal(1).div(new Decimal(Math.max(0, at.getTime() - t.at.getTime())).div(86_400_000).plus(1)));
      const sum = raw.reduce((a, b) => a.plus(b), new Decimal(0));
      return raw.map((w) => w.div(sum));
    }
  }
}

/** Splits an amount into cents by weights; remainders go to the largest fractional parts (latest touch first on ties). */
export function splitCents(amount: Decimal, w: Decimal[]): Decimal[] {
  const cents = amount.mul(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  const exact = w.map((x) => cents.mul(x));
  const floor = exact.map((x) => x.floor());
  let left = cents.minus(floor.reduce((a, b) => a.plus(b), new Decimal(0))).toNumber();
  const order = exact.map((x, i) => ({ i, frac: x.minus(x.floor()) })).sort((a, b) => b.frac.comparedTo(a.frac) || b.i - a.i);
  for (const o of order) {
    if (left <= 0) break;
    floor[o.i] = (floor[o.i] as Decimal).plus(1);
    left--;
  }
  return floor.map((c) => c.div(100));
}

export interface AttributionRow {
  key: string;
  label: string;
  /** Fractional conversions credited. */
  conversions: string;
  revenue: string;
}

export interface AttributionInput extends RangeInput {
  model: AttributionModel;
  groupBy: "source" | "campaign";
  campaignId?: string | null;
  lookbackDays?: number | null;
}

export async function attributionReport(
  deps: Deps,
  input: AttributionInput,
): Promise<{ rows: AttributionRow[]; model: AttributionModel; revenue: string; conversions: number }> {
  if (!ATTRIBUTION_MODELS.includes(input.model)) throw new ValidationError([{ path: "model", message: `use one of ${ATTRIBUTION_MODELS.join(", ")}` }]);
  const lookback = input.lookbackDays ?? 30;
  if (!Number.isInteger(lookback) || lookback < 1 || lookback > 365) throw new ValidationError([{ path: "lookbackDays", message: "1 to 365" }]);
  const range = await resolveRange(deps, input);
  const ts = range.registration === "VISIT" ? sqltag`cv.click_created_at` : sqltag`cv.created_at`;
  const col = input.groupBy === "campaign" ? "campaign_id" : "source_id";
  const convs = await deps.db.sql.query<{ id: string; click_id: string; visitor_id: string | null; at: Date; rev: string; key: string }>(
    sqlJoin([
      `SELECT cv.id, cv.click_id, cv.visitor_id, cv.created_at AS at, cv.revenue_account AS rev, coalesce(cv.${col}::text, '') AS key FROM conversions cv WHERE `,
      ts,
      " >= ",
      sqltag`${range.start}`,
      " AND ",
      ts,
      " < ",
      sqltag`${range.end}`,
      " AND ",
      COUNTED,
      input.campaignId ? sqlJoin([" AND cv.campaign_id = ", sqltag`${input.campaignId}::uuid`]) : "",
    ]),
  );
  const visitors = [...new Set(convs.map((c) => c.visitor_id).filter((v): v is string => !!v))];
  const touchesBy = new Map<string, Array<Touch & { id: string }>>();
  if (visitors.length) {
    const clicks = await deps.db.sql.query<{ id: string; visitor_id: string; created_at: Date; key: string }>(
      sqlJoin([
        `SELECT c.id, c.visitor_id, c.created_at, coalesce(c.${col}::text, '') AS key FROM clicks c WHERE c.visitor_id = ANY(`,
        sqltag`${visitors}::uuid[]`,
        ") AND c.created_at >= ",
        sqltag`${new Date(range.start.getTime() - lookback * 86_400_000)}`,
        " AND c.created_at < ",
        sqltag`${range.end}`,
        " ORDER BY c.created_at, c.id",
      ]),
    );
    for (const c of clicks) {
      const list = touchesBy.get(c.visitor_id) ?? [];
      list.push({ id: c.id, key: c.key, at: new Date(c.created_at) });
      touchesBy.set(c.visitor_id, list);
    }
  }
  const revenue = new Map<string, Decimal>();
  const credit = new Map<string, Decimal>();
  let total = new Decimal(0);
  for (const cv of convs) {
    const at = new Date(cv.at);
    const all = cv.visitor_id ? (touchesBy.get(cv.visitor_id) ?? []) : [];
    const converting = all.find((t) => t.id === cv.click_id);
    const until = converting ? converting.at.getTime() : at.getTime();
    let touches = all.filter((t) => t.at.getTime() <= until && t.at.getTime() >= at.getTime() - lookback * 86_400_000);
    if (touches.length === 0) touches = [{ id: cv.click_id, key: cv.key, at }];
    const w = weights(input.model, touches, at);
    const shares = splitCents(new Decimal(cv.rev), w);
    total = total.plus(cv.rev);
    touches.forEach((t, i) => {
      revenue.set(t.key, (revenue.get(t.key) ?? new Decimal(0)).plus(shares[i] as Decimal));
      credit.set(t.key, (credit.get(t.key) ?? new Decimal(0)).plus(w[i] as Decimal));
    });
  }
  const keys = [...revenue.keys()].sort((a, b) => (revenue.get(b) as Decimal).comparedTo(revenue.get(a) as Decimal) || a.localeCompare(b));
  const labels = await labelsFor(
    deps,
    [input.groupBy],
    keys.map((k) => [k]),
  );
  return {
    model: input.model,
    conversions: convs.length,
    revenue: total.toFixed(2),
    rows: keys.map((k, i) => ({
      key: k,
      label: labels[i]?.[0] ?? k,
      revenue: (revenue.get(k) as Decimal).toFixed(2),
      conversions: (credit.get(k) as Decimal).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4),
    })),
  };
}
