// Grouped report: metrics per group of one to three dimensions (drill-down = group by a, then b inside it, or
// group by b with a filter on a), sorted and paginated, with totals and an optional "vs previous" comparison.
import { Decimal } from "@prisma/client/runtime/client";
import type { Deps } from "../deps.js";
import { ValidationError } from "../lib/errors.js";
import { baseSums, queryOf } from "./base-sums.js";
import { DIMENSIONS, type Dimension, entityOf } from "./dimensions.js";
import { type BaseSums, deltas, deriveMetrics, emptySums, METRIC_NAMES, type MetricDelta, type MetricName, type Metrics, metricValue } from "./metrics.js";
import { type RangeInput, type ResolvedRange, previousDates, resolveRange } from "./params.js";
import { readSums } from "./rollup.js";

export interface GroupedInput extends RangeInput {
  groupBy: Dimension[];
  sortBy?: MetricName | "key" | null;
  sortDirection?: "ASC" | "DESC" | null;
  limit?: number | null;
  offset?: number | null;
  compare?: boolean | null;
}

export interface GroupedRow {
  keys: string[];
  labels: string[];
  metrics: Metrics;
  previous: Metrics | null;
  deltas: MetricDelta[] | null;
}

export interface GroupedReport {
  range: ResolvedRange;
  previousRange: { from: string; to: string } | null;
  groupBy: Dimension[];
  rows: GroupedRow[];
  totalRows: number;
  totals: Metrics;
  previousTotals: Metrics | null;
  totalDeltas: MetricDelta[] | null;
}

export function validateGroupBy(groupBy: Dimension[]): Dimension[] {
  if (!Array.isArray(groupBy) || groupBy.length < 1 || groupBy.length > 3) {
    throw new ValidationError([{ path: "groupBy", message: `give 1 to 3 dimensions out of ${DIMENSIONS.join(", ")}` }]);
  }
  groupBy.forEach((d, i) => {
    if (!(DIMENSIONS as readonly string[]).includes(d)) {
      throw new ValidationError([{ path: `groupBy.${i}`, message: `unknown dimension "${d}"; use one of ${DIMENSIONS.join(", ")}` }]);
    }
  });
  if (new Set(groupBy).size !== groupBy.length) throw new ValidationError([{ path: "groupBy", message: "dimensions must differ" }]);
  return groupBy;
}

export async function groupedReport(deps: Deps, input: GroupedInput): Promise<GroupedReport> {
  const groupBy = validateGroupBy(input.groupBy);
  const sortBy = input.sortBy ?? "clicks";
  if (sortBy !== "key" && !(METRIC_NAMES as readonly string[]).includes(sortBy)) {
    throw new ValidationError([{ path: "sortBy", message: `use key or one of ${METRIC_NAMES.join(", ")}` }]);
  }
  const limit = input.limit ?? 100;
  const offset = input.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new ValidationError([{ path: "limit", message: "1 to 10000" }]);
  if (!Number.isInteger(offset) || offset < 0) throw new ValidationError([{ path: "offset", message: "0 or more" }]);
  const range = await resolveRange(deps, input);
  // Totals from their own query: a customer seen in two groups is still one customer.
  const [groups, [all]] = await Promise.all([readSums(deps, queryOf(range, groupBy)), readSums(deps, queryOf(range, []))]);
  let prevMap: Map<string, BaseSums> | null = null;
  let previousRange: { from: string; to: string } | null = null;
  let previousTotals: Metrics | null = null;
  if (input.compare) {
    previousRange = previousDates(range.from, range.to);
    const prev = await resolveRange(deps, { ...input, preset: null, ...previousRange, timezone: range.timezone, registration: range.registration });
    const [pg, [pAll]] = await Promise.all([readSums(deps, queryOf(prev, groupBy)), readSums(deps, queryOf(prev, []))]);
    prevMap = new Map(pg.map((g) => [JSON.stringify(g.keys), g.sums]));
    previousTotals = deriveMetrics(pAll?.sums ?? emptySums());
  }
  const totals = deriveMetrics(all?.sums ?? emptySums());
  const dir = input.sortDirection === "ASC" ? 1 : -1;
  // Sort keys computed once per row; metrics derived for every row only when sorting by a derived metric.
  const plain = sortBy === "key" || sortBy === "clicks" || sortBy === "unique" || sortBy === "leads" || sortBy === "conversions" || sortBy === "customers";
  const rows = groups.map((g) => {
    const metrics = plain ? null : deriveMetrics(g.sums);
    const sortValue = sortBy === "key" ? null : plain ? new Decimal(g.sums[sortBy as "clicks"]) : metricValue(metrics as Metrics, sortBy);
    return { keys: g.keys, sums: g.sums, metrics, sortValue, joined: g.keys.join("\u0000"), prevSums: prevMap?.get(JSON.stringify(g.keys)) };
  });
  rows.sort((a, b) => {
    let c = 0;
    if (sortBy === "key") c = a.joined.localeCompare(b.joined);
    else {
      const x = a.sortValue;
      const y = b.sortValue;
      if (x === null || y === null) return x === y ? a.joined.localeCompare(b.joined) : x === null ? 1 : -1; // nulls last either way
      c = x.comparedTo(y);
    }
    return c !== 0 ? c * dir : a.joined.localeCompare(b.joined);
  });
  const page = rows.slice(offset, offset + limit).map((r) => ({ ...r, metrics: r.metrics ?? deriveMetrics(r.sums) }));
  const labels = await labelsFor(
    deps,
    groupBy,
    page.map((r) => r.keys),
  );
  return {
    range,
    previousRange,
    groupBy,
    totalRows: rows.length,
    totals,
    previousTotals,
    totalDeltas: previousTotals ? deltas(totals, previousTotals) : null,
    rows: page.map((r, i) => {
      const previous = prevMap ? deriveMetrics(r.prevSums ?? emptySums()) : null;
      return { keys: r.keys, labels: labels[i] ?? r.keys, metrics: r.metrics, previous, deltas: previous ? deltas(r.metrics, previous) : null };
    }),
  };
}

const DOW = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Human labels: entity names for id dimensions, weekday names, the key itself otherwise. */
export async function labelsFor(deps: Deps, groupBy: Dimension[], keys: string[][]): Promise<string[][]> {
  const names = new Map<string, string>();
  const p = deps.db.prisma;
  await Promise.all(
    groupBy.map(async (d, i) => {
      const ids = [...new Set(keys.map((k) => k[i] ?? "").filter((v) => v !== ""))];
      if (ids.length === 0) return;
      const sel = { where: { id: { in: ids } }, select: { id: true, name: true } } as const;
      const ent = entityOf(d);
      const found =
        ent === "campaign"
          ? await p.campaign.findMany(sel)
          : ent === "flow"
            ? await p.flow.findMany(sel)
            : ent === "landing"
              ? await p.landingPage.findMany(sel)
              : ent === "offer"
                ? await p.offer.findMany(sel)
                : ent === "source"
                  ? await p.trafficSource.findMany(sel)
                  : [];
      for (const f of found) names.set(`${d}:${f.id}`, f.name);
    }),
  );
  return keys.map((k) =>
    k.map((v, i) => {
      const d = groupBy[i] as Dimension;
      if (v === "") return entityOf(d) ? "(none)" : "(not set)";
      if (d === "dayOfWeek") return DOW[Number(v)] ?? v;
      return names.get(`${d}:${v}`) ?? v;
    }),
  );
}

export { baseSums };
