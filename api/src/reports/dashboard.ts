// Dashboard: totals for a range (preset or custom, optional campaign filter), a time series for charts (by hour
// for one- and two-day ranges, by local date otherwise) and the previous period with deltas.
import type { Deps } from "../deps.js";
import { queryOf } from "./base-sums.js";
import { deltas, deriveMetrics, emptySums, type MetricDelta, type Metrics } from "./metrics.js";
import { addDays, previousDates, type RangeInput, type ResolvedRange, resolveRange } from "./params.js";
import { readSums } from "./rollup.js";

export interface DashboardInput extends RangeInput {
  campaignIds?: string[] | null;
  compare?: boolean | null;
}

export interface SeriesPoint {
  /** Local date (YYYY-MM-DD) or local hour (YYYY-MM-DDTHH:00) in the report zone. */
  bucket: string;
  metrics: Metrics;
}

export interface Dashboard {
  range: ResolvedRange;
  granularity: "hour" | "date";
  totals: Metrics;
  series: SeriesPoint[];
  previousRange: { from: string; to: string } | null;
  previousTotals: Metrics | null;
  deltas: MetricDelta[] | null;
}

export async function dashboard(deps: Deps, input: DashboardInput): Promise<Dashboard> {
  const filters = [...(input.filters ?? [])];
  if (input.campaignIds?.length) filters.push({ dimension: "campaign", values: input.campaignIds });
  const range = await resolveRange(deps, { ...input, filters });
  const granularity = range.days <= 2 ? "hour" : "date";
  // Totals from their own query: a customer seen in two buckets is still one customer.
  const [groups, [all]] = await Promise.all([readSums(deps, queryOf(range, [granularity])), readSums(deps, queryOf(range, []))]);
  const byBucket = new Map(groups.map((g) => [g.keys[0] ?? "", g.sums]));
  const totals = deriveMetrics(all?.sums ?? emptySums());
  let buckets: string[];
  if (granularity === "date") {
    buckets = [];
    for (let d = range.from; d <= range.to; d = addDays(d, 1)) buckets.push(d);
  } else {
    buckets = [...byBucket.keys()].sort();
  }
  const series = buckets.map((bucket) => ({ bucket, metrics: deriveMetrics(byBucket.get(bucket) ?? emptySums()) }));
  let previousRange: { from: string; to: string } | null = null;
  let previousTotals: Metrics | null = null;
  if (input.compare) {
    previousRange = previousDates(range.from, range.to);
    const prev = await resolveRange(deps, { ...previousRange, filters, timezone: range.timezone, registration: range.registration });
    const [p] = await readSums(deps, queryOf(prev, []));
    previousTotals = deriveMetrics(p?.sums ?? emptySums());
  }
  return {
    range,
    granularity,
    totals,
    series,
    previousRange,
    previousTotals,
    deltas: previousTotals ? deltas(totals, previousTotals) : null,
  };
}
