// Conversion rollups: the additive conversion sums (leads, conversions, revenue, approved revenue, cost) per UTC day
// of either registration basis (P = postback time created_at, V = click time click_created_at), campaign and
// dimension value, plus hourly totals; and report_customers, the ids of each customer's counted non-lead conversions.
//
// - A statement trigger on report_conversions (itself kept by the triggers on conversions) appends the (UTC day,
//   campaign) pairs a write touched to report_conv_dirty: an insert into an append-only table, never an update of a
//   shared row, so concurrent postbacks for one campaign never wait on each other.
// - The worker rebuilds a pair from report_conversions in a REPEATABLE READ transaction and deletes exactly the marks
//   its snapshot saw: a mark committed after that snapshot (with a conversion the rebuild did not see) stays.
// - Reports read rollup rows of clean pairs and raw report_conversions for dirty pairs and partial edge days.
// - Customers and repeat customers are not additive, so they are not rolled up: customers = non-lead conversions
//   minus, per group, (n - 1) for each customer with n >= 2 of them in the group, and only customers with two or more
//   counted non-lead conversions in all can have that; base-sums reads just their conversions (via report_customers,
//   kept by the same trigger in the writer's transaction, so it is always exact).
import { join, type Sql, sqltag } from "@prisma/client/runtime/client";
import type { SqlExecutor } from "../db/sql.js";
import type { BaseQuery } from "./base-sums.js";
import { type Dimension, dimGroupingSets, keyExpr, sqlJoin } from "./dimensions.js";
import { isoDay, ROLLUP_DIMS, type RollupShape, rollupShape } from "./rollup-shape.js";

/** Conversions that count (same rule as base-sums' COUNTED), for rows aliased cv. */
const COUNTED_CV = "cv.status <> 'REJECTED' AND cv.ecom_status NOT IN ('refunded', 'chargeback')";
const BASES = [
  { basis: "P", ts: "created_at" },
  { basis: "V", ts: "click_created_at" },
] as const;
const NO_TZ = sqltag`'UTC'`;
const SUMS =
  "count(*) FILTER (WHERE cv.type = 'lead') AS leads, count(*) FILTER (WHERE cv.type <> 'lead') AS convs, sum(cv.revenue_account) AS rev, sum(cv.revenue_account) FILTER (WHERE cv.status = 'APPROVED') AS rev_ok, sum(cv.cost) AS cost";

/** The conversions aggregate (k0.., leads, convs, rev, rev_ok, cost) from rollups, or null when they cannot answer. */
export function rollupConversionsSql(q: BaseQuery, shape: RollupShape | null = rollupShape(q)): Sql | null {
  if (!shape) return null;
  const basis = q.registration === "VISIT" ? BASES[1] : BASES[0];
  const ts = sqltag([`cv.${basis.ts}`]);
  const tz = sqltag`${q.timezone}::text`;
  const n = q.groupBy.length;
  const kCols = q.groupBy.map((_, i) => `k${i}`);
  const outer = (inner: Sql[]) =>
    sqlJoin([
      "SELECT ",
      kCols.map((k) => `${k}, `).join(""),
      "sum(leads)::bigint AS leads, sum(convs)::bigint AS convs, sum(rev) AS rev, sum(rev_ok) AS rev_ok, sum(cost) AS cost FROM (",
      join(inner, " UNION ALL "),
      ") x",
      n ? ` GROUP BY ${kCols.join(", ")}` : "",
    ]);
  const rawKeys = q.groupBy.map((d, i) => sqlJoin([keyExpr(d, "copy", ts, tz), ` AS k${i}, `]));
  const rawCols = sqlJoin([
    ...rawKeys,
    "(cv.type = 'lead')::int::bigint AS leads, (cv.type <> 'lead')::int::bigint AS convs, cv.revenue_account AS rev, ",
    "CASE WHEN cv.status = 'APPROVED' THEN cv.revenue_account END AS rev_ok, cv.cost AS cost",
  ]);
  const ids = shape.campaignIds;
  const camp = (alias: string) => (ids ? sqlJoin([` AND ${alias}.campaign_id = ANY(`, sqltag`${ids}::uuid[]`, ")"]) : sqltag``);
  const dirtyPairs = "(SELECT DISTINCT day, campaign_id FROM report_conv_dirty)";
  const dirtyJoin = sqltag([
    `${dirtyPairs} d CROSS JOIN LATERAL (SELECT * FROM report_conversions cv WHERE cv.campaign_id = d.campaign_id AND cv.${basis.ts} >= (d.day::timestamp AT TIME ZONE 'UTC') AND cv.${basis.ts} < ((d.day + 1)::timestamp AT TIME ZONE 'UTC') OFFSET 0) cv`,
  ]);
  const rawWhere = (from: Date, to: Date) => sqlJoin([" AND ", ts, " >= ", sqltag`${from}`, " AND ", ts, " < ", sqltag`${to}`]);

  if (shape.kind === "hourly") {
    const fixed = q.groupBy.map((d, i) => sqlJoin([d === "campaign" ? sqltag`r.campaign_id::text` : keyExpr(d, "click", sqltag`r.hour`, tz), ` AS k${i}, `]));
    return outer([
      sqlJoin([
        "SELECT ",
        ...fixed,
        "r.leads, r.convs, r.rev, r.rev_ok, r.cost FROM report_conv_rollup_hourly r WHERE r.basis = ",
        sqltag`${basis.basis}`,
        " AND r.hour >= ",
        sqltag`${q.start}`,
        " AND r.hour < ",
        sqltag`${q.end}`,
        camp("r"),
        ` AND NOT EXISTS (SELECT 1 FROM report_conv_dirty d WHERE d.day = (r.hour AT TIME ZONE 'UTC')::date AND d.campaign_id = r.campaign_id)`,
      ]),
      sqlJoin([
        "SELECT ",
        rawCols,
        " FROM ",
        dirtyJoin,
        ` WHERE ${COUNTED_CV} AND d.day >= `,
        sqltag`${isoDay(shape.dirtyFrom)}::date`,
        " AND d.day <= ",
        sqltag`${isoDay(q.end)}::date`,
        rawWhere(q.start, q.end),
        camp("d"),
      ]),
    ]);
  }
  const dayKey = shape.other === "date" ? "to_char(r.day, 'YYYY-MM-DD')" : "to_char(r.day, 'ID')";
  const rKeys = q.groupBy.map((d, i) => sqlJoin([d === "campaign" ? "r.campaign_id::text" : shape.utcDay ? dayKey : "r.value", ` AS k${i}, `]));
  const edge = (from: Date, to: Date) => sqlJoin(["SELECT ", rawCols, ` FROM report_conversions cv WHERE ${COUNTED_CV}`, rawWhere(from, to), camp("cv")]);
  return outer([
    sqlJoin([
      "SELECT ",
      ...rKeys,
      "r.leads, r.convs, r.rev, r.rev_ok, r.cost FROM report_conv_rollup_daily r WHERE r.basis = ",
      sqltag`${basis.basis}`,
      " AND r.dim = ",
      sqltag`${shape.dim}`,
      " AND r.day >= ",
      sqltag`${isoDay(shape.fullStart)}::date`,
      " AND r.day < ",
      sqltag`${isoDay(shape.fullEnd)}::date`,
      camp("r"),
      " AND NOT EXISTS (SELECT 1 FROM report_conv_dirty d WHERE d.day = r.day AND d.campaign_id = r.campaign_id)",
    ]),
    edge(q.start, shape.fullStart),
    edge(shape.fullEnd, q.end),
    sqlJoin([
      "SELECT ",
      rawCols,
      " FROM ",
      dirtyJoin,
      ` WHERE ${COUNTED_CV} AND d.day >= `,
      sqltag`${isoDay(shape.fullStart)}::date`,
      " AND d.day < ",
      sqltag`${isoDay(shape.fullEnd)}::date`,
      camp("d"),
    ]),
  ]);
}

const dimValue = (d: Dimension, ts: Sql): Sql => keyExpr(d, "copy", ts, NO_TZ);

const dayRange = (day: string, ts: string) =>
  sqlJoin([
    ` AND cv.${ts} >= (`,
    sqltag`${day}`,
    `::date::timestamp AT TIME ZONE 'UTC') AND cv.${ts} < ((`,
    sqltag`${day}`,
    "::date + 1)::timestamp AT TIME ZONE 'UTC')",
  ]);

/** The daily and hourly rollup inserts, for both bases, of the conversions of one UTC day matching `extra` (on cv). */
function buildStatements(day: string, extra: Sql): Sql[] {
  return BASES.flatMap(({ basis, ts }) => {
    const sets = dimGroupingSets(
      ROLLUP_DIMS.map((d) => [d, dimValue(d, sqltag([`cv.${ts}`]))] as const),
      [["cv.campaign_id", "campaign_id"]],
      SUMS,
    );
    return [
      sqlJoin([
        "INSERT INTO report_conv_rollup_daily (day, campaign_id, basis, dim, value, leads, convs, rev, rev_ok, cost) SELECT ",
        sqltag`${day}::date`,
        ", s.campaign_id, ",
        sqltag`${basis}`,
        ", s.dim, s.value, s.leads, s.convs, s.rev, s.rev_ok, s.cost FROM (SELECT ",
        sets.select,
        ` FROM report_conversions cv WHERE ${COUNTED_CV}`,
        dayRange(day, ts),
        extra,
        sets.groupBy,
        ") s",
      ]),
      sqlJoin([
        `INSERT INTO report_conv_rollup_hourly (hour, campaign_id, basis, leads, convs, rev, rev_ok, cost) SELECT date_trunc('hour', cv.${ts} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', cv.campaign_id, `,
        sqltag`${basis}`,
        `, ${SUMS} FROM report_conversions cv WHERE ${COUNTED_CV}`,
        dayRange(day, ts),
        extra,
        " GROUP BY 1, cv.campaign_id",
      ]),
    ];
  });
}

/** Rebuilds one (UTC day, campaign) pair's conversion rollups (both bases) and deletes the marks this snapshot saw. */
export async function refreshConversionPair(db: SqlExecutor, day: string, campaignId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    // One snapshot for the rebuild and the mark deletion: marks committed later (with conversions this rebuild
    // cannot see) are not deleted.
    await tx.query(sqltag`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`);
    const [lock] = await tx.query<{ ok: boolean }>(sqltag`SELECT pg_try_advisory_xact_lock(hashtext(${`conv-rollup:${day}:${campaignId}`})) AS ok`);
    if (!lock?.ok) return false;
    const from = sqltag`(${day}::date::timestamp AT TIME ZONE 'UTC')`;
    const to = sqltag`((${day}::date + 1)::timestamp AT TIME ZONE 'UTC')`;
    await tx.execute(sqltag`DELETE FROM report_conv_rollup_daily WHERE day = ${day}::date AND campaign_id = ${campaignId}::uuid`);
    await tx.execute(
      sqltag`DELETE FROM report_conv_rollup_hourly WHERE basis IN ('P', 'V') AND hour >= ${from} AND hour < ${to} AND campaign_id = ${campaignId}::uuid`,
    );
    for (const s of buildStatements(day, sqltag` AND cv.campaign_id = ${campaignId}::uuid`)) await tx.execute(s);
    const cleared = await tx.execute(sqltag`DELETE FROM report_conv_dirty WHERE day = ${day}::date AND campaign_id = ${campaignId}::uuid`);
    return cleared > 0;
  });
}

/** One pass over dirty conversion pairs, oldest day first. */
export async function refreshConversionRollups(db: SqlExecutor, limit = 200): Promise<{ seen: number; cleared: number }> {
  const pairs = await db.query<{ day: string; campaign_id: string }>(
    sqltag`SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS day, campaign_id::text FROM report_conv_dirty ORDER BY 1, 2 LIMIT ${limit}`,
  );
  let cleared = 0;
  for (const p of pairs) if (await refreshConversionPair(db, p.day, p.campaign_id)) cleared++;
  return { seen: pairs.length, cleared };
}

/**
 * Rebuilds every campaign's conversion rollups for one UTC day and clears its marks. Offline use only (the traffic
 * seed): unlike refreshConversionPair it does not guard against concurrent writers.
 */
export async function rebuildConversionDay(db: SqlExecutor, day: string): Promise<void> {
  const from = sqltag`(${day}::date::timestamp AT TIME ZONE 'UTC')`;
  const to = sqltag`((${day}::date + 1)::timestamp AT TIME ZONE 'UTC')`;
  await db.transaction(async (tx) => {
    await tx.execute(sqltag`DELETE FROM report_conv_rollup_daily WHERE day = ${day}::date`);
    await tx.execute(sqltag`DELETE FROM report_conv_rollup_hourly WHERE basis IN ('P', 'V') AND hour >= ${from} AND hour < ${to}`);
    for (const s of buildStatements(day, sqltag``)) await tx.execute(s);
    await tx.execute(sqltag`DELETE FROM report_conv_dirty WHERE day = ${day}::date`);
  });
}

const COUNTED_ROW = "type <> 'lead' AND status <> 'REJECTED' AND ecom_status NOT IN ('refunded', 'chargeback')";
const marks = (rows: string) => `INSERT INTO report_conv_dirty (day, campaign_id)
  SELECT d, campaign_id FROM (SELECT (created_at AT TIME ZONE 'UTC')::date AS d, campaign_id FROM ${rows}
    UNION SELECT (click_created_at AT TIME ZONE 'UTC')::date, campaign_id FROM ${rows}) x`;

/** Statement triggers on report_conversions (its rows are only ever inserted and deleted, never updated). */
export const conversionRollupTriggerStatements = [
  `CREATE OR REPLACE FUNCTION report_conv_rollup_ins() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${marks("new_rows")};
  INSERT INTO report_customers (cust, n, ids)
  SELECT coalesce(visitor_id, click_id), count(*), array_agg(id) FROM new_rows WHERE ${COUNTED_ROW} GROUP BY 1 ORDER BY 1
  ON CONFLICT (cust) DO UPDATE SET n = report_customers.n + EXCLUDED.n, ids = report_customers.ids || EXCLUDED.ids;
  RETURN NULL;
END $fn$`,
  `CREATE OR REPLACE FUNCTION report_conv_rollup_del() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${marks("old_rows")};
  UPDATE report_customers rc SET n = rc.n - o.n, ids = array(SELECT x FROM unnest(rc.ids) x WHERE x <> ALL (o.ids))
  FROM (SELECT coalesce(visitor_id, click_id) AS cust, count(*) AS n, array_agg(id) AS ids FROM old_rows WHERE ${COUNTED_ROW} GROUP BY 1) o
  WHERE rc.cust = o.cust;
  RETURN NULL;
END $fn$`,
  "DROP TRIGGER IF EXISTS report_conversions_rollup_ins ON report_conversions",
  "DROP TRIGGER IF EXISTS report_conversions_rollup_del ON report_conversions",
  "CREATE TRIGGER report_conversions_rollup_ins AFTER INSERT ON report_conversions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_conv_rollup_ins()",
  "CREATE TRIGGER report_conversions_rollup_del AFTER DELETE ON report_conversions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_conv_rollup_del()",
];
