// The one query under every report: base sums per group key, from raw clicks and conversions.
// Clicks count in the range by their own time; conversions by their registration time (contract 7: visit =
// click_created_at, postback = created_at). Rejected, refunded and chargeback conversions never count.
import { empty, join, type Sql, sqltag } from "@prisma/client/runtime/client";
import type { SqlExecutor } from "../db/sql.js";
import { column, type Dimension, keyExpr, needsClickJoin, type Side, sqlJoin } from "./dimensions.js";
import type { BaseSums } from "./metrics.js";
import type { ReportFilter, ResolvedRange } from "./params.js";

/** Conversions that count: not rejected, not refunded or charged back (e-commerce scheme). */
export const COUNTED = sqltag`cv.status <> 'REJECTED' AND cv.ecom_status NOT IN ('refunded', 'chargeback')`;

export interface GroupSums {
  keys: string[];
  sums: BaseSums;
}

export interface BaseQuery {
  start: Date;
  end: Date;
  timezone: string;
  registration: "VISIT" | "POSTBACK";
  filters: ReportFilter[];
  groupBy: Dimension[];
}

export const queryOf = (r: ResolvedRange, groupBy: Dimension[]): BaseQuery => ({
  start: r.start,
  end: r.end,
  timezone: r.timezone,
  registration: r.registration,
  filters: r.filters,
  groupBy,
});

export function filterSql(filters: ReportFilter[], side: Side, ts: Sql, tz: Sql): Sql {
  if (filters.length === 0) return empty;
  const parts = filters.map((f) => {
    if (["date", "hour", "hourOfDay", "dayOfWeek"].includes(f.dimension)) {
      return sqlJoin([keyExpr(f.dimension, side, ts, tz), " = ANY(", sqltag`${f.values}`, "::text[])"]);
    }
    if (["campaign", "flow", "landing", "offer", "source"].includes(f.dimension)) {
      const ids = f.values.filter((v) => v !== "");
      const col = column(f.dimension, side);
      const any = sqlJoin([col, " = ANY(", sqltag`${ids}`, "::uuid[])"]);
      return f.values.includes("") ? sqlJoin(["(", any, " OR ", col, " IS NULL)"]) : any;
    }
    return sqlJoin([column(f.dimension, side), " = ANY(", sqltag`${f.values}`, "::text[])"]);
  });
  return sqlJoin([" AND ", join(parts, " AND ")]);
}

/** Aggregates built from rollup rows that replace the raw ones (see rollup.ts and conversion-rollup.ts). */
export interface RolledUp {
  /** Columns k0.., clicks, uniq, cost. */
  clicks: Sql;
  /** Columns k0.., leads, convs, rev, rev_ok, cost (counted conversions only; rev_ok NULL when none approved). */
  conversions: Sql;
}

/**
 * Base sums per group, from raw rows, or with `rolled` from rollups: customers and repeat customers then come from
 * the conversion count minus a correction computed from repeat customers' own conversions (report_customers).
 */
export async function baseSums(db: SqlExecutor, q: BaseQuery, rolled?: RolledUp, conversions: "raw" | "copy" = "raw"): Promise<GroupSums[]> {
  const cvSide: Side = conversions === "copy" ? "copy" : "conv";
  const tz = sqltag`${q.timezone}::text`;
  const clickTs = sqltag`c.created_at`;
  const convTs = q.registration === "VISIT" ? sqltag`cv.click_created_at` : sqltag`cv.created_at`;
  const n = q.groupBy.length;
  const ckKeys = q.groupBy.map((d, i) => sqlJoin([keyExpr(d, "click", clickTs, tz), ` AS k${i}`]));
  const cvKeys = q.groupBy.map((d, i) => sqlJoin([keyExpr(d, cvSide, convTs, tz), ` AS k${i}`]));
  const kCols = q.groupBy.map((_, i) => `k${i}`);
  const groupCk = n ? sqlJoin([" GROUP BY ", kCols.join(", ")]) : empty;
  const selCk = n ? sqlJoin([join(ckKeys, ", "), ", "]) : empty;
  const selCv = n ? sqlJoin([join(cvKeys, ", "), ", "]) : empty;
  const joinClicks =
    cvSide === "conv" && (q.groupBy.some(needsClickJoin) || q.filters.some((f) => needsClickJoin(f.dimension)))
      ? sqltag` LEFT JOIN clicks c ON c.id = cv.click_id`
      : empty;
  const kList = kCols.map((k) => `${k}, `).join("");
  const onKeys = n ? kCols.map((k) => `ck.${k} = cvs.${k}`).join(" AND ") : "true";
  const outKeys = kCols.map((k) => `coalesce(ck.${k}, cvs.${k}) AS ${k}, `).join("");

  const rawClicks = sqlJoin([
    "SELECT ",
    selCk,
    "count(*)::bigint AS clicks, count(*) FILTER (WHERE c.is_unique)::bigint AS uniq, coalesce(sum(c.cost), 0) AS cost FROM clicks c WHERE c.created_at >= ",
    sqltag`${q.start}`,
    " AND c.created_at < ",
    sqltag`${q.end}`,
    filterSql(q.filters, "click", clickTs, tz),
    groupCk,
  ]);
  const final = `) SELECT ${outKeys}coalesce(ck.clicks, 0) AS clicks, coalesce(ck.uniq, 0) AS uniq, coalesce(ck.cost, 0) + coalesce(cvs.cost, 0) AS cost, coalesce(cvs.leads, 0) AS leads, coalesce(cvs.convs, 0) AS convs, coalesce(cvs.rev, 0) AS rev, coalesce(cvs.rev_ok, 0) AS rev_ok, coalesce(cvs.customers, 0) AS customers, coalesce(cvs.repeaters, 0) AS repeaters FROM ck FULL JOIN cvs ON ${onKeys}`;
  const sql = rolled
    ? sqlJoin([
        "WITH ck AS (",
        rolled.clicks,
        "), cvr AS (",
        rolled.conversions,
        // Customers with two or more counted non-lead conversions in one group: only customers with two or more in
        // all can be, and report_customers lists just their conversions.
        "), rep AS (SELECT ",
        kList,
        "count(*)::bigint AS repeaters, sum(n - 1)::bigint AS extra FROM (SELECT ",
        selCv,
        "count(*) AS n FROM report_conversions cv WHERE cv.id IN (SELECT unnest(rc.ids) FROM report_customers rc WHERE rc.n >= 2) AND ",
        convTs,
        " >= ",
        sqltag`${q.start}`,
        " AND ",
        convTs,
        " < ",
        sqltag`${q.end}`,
        " AND cv.type <> 'lead' AND ",
        COUNTED,
        filterSql(q.filters, cvSide, convTs, tz),
        ` GROUP BY ${kList}coalesce(cv.visitor_id, cv.click_id) HAVING count(*) >= 2) r`,
        n ? ` GROUP BY ${kCols.join(", ")}` : "",
        `), cvs AS (SELECT ${kCols.map((k) => `cvr.${k}, `).join("")}cvr.leads, cvr.convs, cvr.rev, cvr.rev_ok, cvr.cost, cvr.convs - coalesce(rep.extra, 0) AS customers, coalesce(rep.repeaters, 0) AS repeaters FROM cvr LEFT JOIN rep ON ${n ? kCols.map((k) => `rep.${k} = cvr.${k}`).join(" AND ") : "true"}`,
        final,
      ])
    : sqlJoin([
        "WITH ck AS (",
        rawClicks,
        "), cvc AS (SELECT ",
        selCv,
        "coalesce(cv.visitor_id, cv.click_id) AS cust, count(*) FILTER (WHERE cv.type = 'lead') AS leads, count(*) FILTER (WHERE cv.type <> 'lead') AS convs, sum(cv.revenue_account) AS rev, coalesce(sum(cv.revenue_account) FILTER (WHERE cv.status = 'APPROVED'), 0) AS rev_ok, sum(cv.cost) AS cost FROM ",
        cvSide === "copy" ? "report_conversions cv" : "conversions cv",
        joinClicks,
        " WHERE ",
        convTs,
        " >= ",
        sqltag`${q.start}`,
        " AND ",
        convTs,
        " < ",
        sqltag`${q.end}`,
        " AND ",
        COUNTED,
        filterSql(q.filters, cvSide, convTs, tz),
        ` GROUP BY ${kList}cust), cvs AS (SELECT ${kList}sum(leads)::bigint AS leads, sum(convs)::bigint AS convs, sum(rev) AS rev, sum(rev_ok) AS rev_ok, sum(cost) AS cost, count(*) FILTER (WHERE convs > 0)::bigint AS customers, count(*) FILTER (WHERE convs > 1)::bigint AS repeaters FROM cvc`,
        n ? ` GROUP BY ${kCols.join(", ")}` : "",
        final,
      ]);
  // JIT compilation costs more than these queries take (hundreds of ms measured); plain plans run faster.
  const rows = await db.transaction(async (tx) => {
    await tx.query(sqltag`SET LOCAL jit = off`);
    // Grouping tens of thousands of conversions by (key, customer) spills to disk at the 4 MB default.
    await tx.query(sqltag`SET LOCAL work_mem = '64MB'`);
    return tx.query<Record<string, string>>(sql);
  });
  return rows.map(rowToGroup(n));
}

export const rowToGroup =
  (n: number) =>
  (r: Record<string, unknown>): GroupSums => ({
    keys: Array.from({ length: n }, (_, i) => String(r[`k${i}`] ?? "")),
    sums: {
      clicks: Number(r.clicks),
      unique: Number(r.uniq),
      leads: Number(r.leads),
      conversions: Number(r.convs),
      cost: String(r.cost),
      revenue: String(r.rev),
      approvedRevenue: String(r.rev_ok),
      customers: Number(r.customers),
      repeatCustomers: Number(r.repeaters),
    },
  });
