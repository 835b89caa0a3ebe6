// Rollups that keep reports fast on big click tables, and always give the numbers raw rows give.
//
// - report_rollup_daily: click sums per UTC day, campaign and dimension value (dim '' = campaign total);
//   report_rollup_hourly: click totals per UTC hour and campaign.
// - A statement trigger on clicks (installed at start by ensureRollupTriggers) marks each touched (UTC day, campaign) pair in
//   report_rollup_dirty in the same transaction as the write, bumping a version.
// - The rollup worker rebuilds a dirty pair from raw clicks and clears the mark only if its version did not move
//   meanwhile, all in one transaction; a report statement therefore sees, for every pair, either a rollup that
//   matches the raw rows or a dirty mark, and reads raw clicks for dirty pairs.
// - Conversions are always read raw (they are a small fraction of clicks, and late conversions and status
//   changes then need no bookkeeping at all).
// Reports the rollups cannot answer fall back to raw rows: filters other than campaign, region/city, two
// non-campaign dimensions, and time dimensions in zones whose offset is not a whole hour (India, Nepal, ...).
// Non-time reports in any zone use whole UTC days from the rollup plus raw clicks for the partial edge days.
import { join, type Sql, sqltag } from "@prisma/client/runtime/client";
import type { SqlExecutor } from "../db/sql.js";
import type { Deps } from "../deps.js";
import { type BaseQuery, baseSums, type GroupSums } from "./base-sums.js";
import { type Dimension, keyExpr, sqlJoin, TIME_DIMENSIONS } from "./dimensions.js";

/** Dimensions kept in report_rollup_daily (region and city are too many values per day to be worth it). */
export const ROLLUP_DIMS: readonly Dimension[] = [
  "flow",
  "landing",
  "offer",
  "source",
  "country",
  "os",
  "browser",
  "device",
  "language",
  "isp",
  "referrerDomain",
  "sub1",
  "sub2",
  "sub3",
  "sub4",
  "sub5",
  "extCampaignId",
  "extAdSetId",
  "extAdId",
  "extPlacement",
];

const NO_TZ = sqltag`'UTC'`;
const dimValue = (d: Dimension): Sql => keyExpr(d, "click", sqltag`c.created_at`, NO_TZ);

export interface ReadOptions {
  /** Ignore rollups (for comparisons and debugging). */
  raw?: boolean;
}

export async function readSums(deps: Deps, q: BaseQuery, opts: ReadOptions = {}): Promise<GroupSums[]> {
  const useRollups = !opts.raw && deps.config.reportsRollups !== false;
  const clicks = useRollups ? rollupClicksSql(q) : null;
  return baseSums(deps.db.sql, q, clicks ?? undefined, useRollups ? "copy" : "raw");
}

const DAY = 86_400_000;
const floorDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY) * DAY);
const ceilDay = (d: Date) => new Date(Math.ceil(d.getTime() / DAY) * DAY);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The clicks aggregate (k0.., clicks, uniq, cost) from rollups, or null when rollups cannot answer exactly. */
export function rollupClicksSql(q: BaseQuery): Sql | null {
  if (q.filters.some((f) => f.dimension !== "campaign" || f.values.includes(""))) return null;
  const ids = q.filters.length ? [...new Set(q.filters.flatMap((f) => f.values))] : null;
  if (q.filters.length > 1) return null;
  const others = q.groupBy.filter((d) => d !== "campaign");
  if (others.length > 1) return null;
  const other = others[0];
  const tz = sqltag`${q.timezone}::text`;
  const n = q.groupBy.length;
  const kCols = q.groupBy.map((_, i) => `k${i}`);
  const outer = (inner: Sql[]) =>
    sqlJoin([
      "SELECT ",
      kCols.map((k) => `${k}, `).join(""),
      "sum(clicks)::bigint AS clicks, sum(uniq)::bigint AS uniq, coalesce(sum(cost), 0) AS cost FROM (",
      join(inner, " UNION ALL "),
      ") x",
      n ? ` GROUP BY ${kCols.join(", ")}` : "",
    ]);
  const rawKeys = q.groupBy.map((d, i) => sqlJoin([keyExpr(d, "click", sqltag`c.created_at`, tz), ` AS k${i}, `]));
  const rawCols = sqlJoin([...rawKeys, "1 AS clicks, CASE WHEN c.is_unique THEN 1 ELSE 0 END AS uniq, c.cost AS cost"]);
  const campC = ids ? sqlJoin([" AND c.campaign_id = ANY(", sqltag`${ids}::uuid[]`, ")"]) : sqltag``;
  const campR = ids ? sqlJoin([" AND r.campaign_id = ANY(", sqltag`${ids}::uuid[]`, ")"]) : sqltag``;
  const campD = ids ? sqlJoin([" AND d.campaign_id = ANY(", sqltag`${ids}::uuid[]`, ")"]) : sqltag``;
  // LATERAL keeps this a nested loop over the (few) dirty pairs, each an index range scan on clicks.
  const dirtyJoin = sqltag`report_rollup_dirty d CROSS JOIN LATERAL (SELECT * FROM clicks c WHERE c.campaign_id = d.campaign_id AND c.created_at >= (d.day::timestamp AT TIME ZONE 'UTC') AND c.created_at < ((d.day + 1)::timestamp AT TIME ZONE 'UTC') OFFSET 0) c`;

  const utc = ["UTC", "Etc/UTC", "GMT", "Etc/GMT"].includes(q.timezone);
  if (other && TIME_DIMENSIONS.includes(other) && !(utc && (other === "date" || other === "dayOfWeek"))) {
    // Whole-hour zones only: the range then starts and ends on UTC hours, and every local hour is a UTC hour.
    if (q.start.getTime() % 3_600_000 !== 0 || q.end.getTime() % 3_600_000 !== 0) return null;
    const fixed = q.groupBy.map((d, i) => sqlJoin([d === "campaign" ? sqltag`r.campaign_id::text` : keyExpr(d, "click", sqltag`r.hour`, tz), ` AS k${i}, `]));
    return outer([
      sqlJoin([
        "SELECT ",
        ...fixed,
        "r.clicks, r.uniq, r.cost FROM report_rollup_hourly r WHERE r.hour >= ",
        sqltag`${q.start}`,
        " AND r.hour < ",
        sqltag`${q.end}`,
        campR,
        " AND NOT EXISTS (SELECT 1 FROM report_rollup_dirty d WHERE d.day = (r.hour AT TIME ZONE 'UTC')::date AND d.campaign_id = r.campaign_id)",
      ]),
      sqlJoin([
        "SELECT ",
        rawCols,
        " FROM ",
        dirtyJoin,
        " WHERE d.day >= ",
        sqltag`${isoDay(floorDay(q.start))}::date`,
        " AND d.day <= ",
        sqltag`${isoDay(q.end)}::date`,
        " AND c.created_at >= ",
        sqltag`${q.start}`,
        " AND c.created_at < ",
        sqltag`${q.end}`,
        campD,
      ]),
    ]);
  }
  const utcDay = other === "date" || other === "dayOfWeek"; // only reached in UTC: whole UTC days are local days
  if (other && !utcDay && !ROLLUP_DIMS.includes(other)) return null;

  // Whole UTC days inside the range come from the daily rollup; the partial days at either end from raw clicks.
  let fullStart = ceilDay(q.start);
  let fullEnd = floorDay(q.end);
  if (fullStart >= fullEnd) fullStart = fullEnd = q.end;
  const dayKey = other === "date" ? "to_char(r.day, 'YYYY-MM-DD')" : "to_char(r.day, 'ID')";
  const rKeys = q.groupBy.map((d, i) => sqlJoin([d === "campaign" ? "r.campaign_id::text" : utcDay ? dayKey : "r.value", ` AS k${i}, `]));
  const edge = (from: Date, to: Date) =>
    sqlJoin(["SELECT ", rawCols, " FROM clicks c WHERE c.created_at >= ", sqltag`${from}`, " AND c.created_at < ", sqltag`${to}`, campC]);
  return outer([
    sqlJoin([
      "SELECT ",
      ...rKeys,
      "r.clicks, r.uniq, r.cost FROM report_rollup_daily r WHERE r.dim = ",
      sqltag`${utcDay ? "" : (other ?? "")}`,
      " AND r.day >= ",
      sqltag`${isoDay(fullStart)}::date`,
      " AND r.day < ",
      sqltag`${isoDay(fullEnd)}::date`,
      campR,
      " AND NOT EXISTS (SELECT 1 FROM report_rollup_dirty d WHERE d.day = r.day AND d.campaign_id = r.campaign_id)",
    ]),
    edge(q.start, fullStart),
    edge(fullEnd, q.end),
    sqlJoin([
      "SELECT ",
      rawCols,
      " FROM ",
      dirtyJoin,
      " WHERE d.day >= ",
      sqltag`${isoDay(fullStart)}::date`,
      " AND d.day < ",
      sqltag`${isoDay(fullEnd)}::date`,
      campD,
    ]),
  ]);
}

/** The VALUES list that fans one click out to one row per rolled-up dimension (plus the total, dim ''). */
const fanOut = (): Sql =>
  sqlJoin([
    "(VALUES ('', ''), ",
    join(
      ROLLUP_DIMS.map((d) => sqlJoin(["(", sqltag`${d}`, "::text, ", dimValue(d), ")"])),
      ", ",
    ),
    ") v(dim, value)",
  ]);

/** Rebuilds one (UTC day, campaign) pair from raw clicks; clears its dirty mark unless clicks moved meanwhile. */
export async function refreshPair(tx: SqlExecutor, day: string, campaignId: string): Promise<boolean> {
  const [lock] = await tx.query<{ ok: boolean }>(sqltag`SELECT pg_try_advisory_xact_lock(hashtext(${`rollup:${day}:${campaignId}`})) AS ok`);
  if (!lock?.ok) return false;
  const [mark] = await tx.query<{ version: number }>(
    sqltag`SELECT version FROM report_rollup_dirty WHERE day = ${day}::date AND campaign_id = ${campaignId}::uuid`,
  );
  if (!mark) return false;
  const from = sqltag`(${day}::date::timestamp AT TIME ZONE 'UTC')`;
  const to = sqltag`((${day}::date + 1)::timestamp AT TIME ZONE 'UTC')`;
  await tx.execute(sqltag`DELETE FROM report_rollup_daily WHERE day = ${day}::date AND campaign_id = ${campaignId}::uuid`);
  await tx.execute(
    sqlJoin([
      "INSERT INTO report_rollup_daily (day, campaign_id, dim, value, clicks, uniq, cost) SELECT ",
      sqltag`${day}::date, ${campaignId}::uuid`,
      ", v.dim, v.value, count(*), count(*) FILTER (WHERE c.is_unique), coalesce(sum(c.cost), 0) FROM clicks c CROSS JOIN LATERAL ",
      fanOut(),
      sqltag` WHERE c.campaign_id = ${campaignId}::uuid AND c.created_at >= ${from} AND c.created_at < ${to} GROUP BY v.dim, v.value`,
    ]),
  );
  await tx.execute(sqltag`DELETE FROM report_rollup_hourly WHERE campaign_id = ${campaignId}::uuid AND hour >= ${from} AND hour < ${to}`);
  await tx.execute(
    sqltag`INSERT INTO report_rollup_hourly (hour, campaign_id, clicks, uniq, cost)
      SELECT date_trunc('hour', c.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', ${campaignId}::uuid, count(*), count(*) FILTER (WHERE c.is_unique), coalesce(sum(c.cost), 0)
      FROM clicks c WHERE c.campaign_id = ${campaignId}::uuid AND c.created_at >= ${from} AND c.created_at < ${to} GROUP BY 1`,
  );
  const cleared = await tx.execute(
    sqltag`DELETE FROM report_rollup_dirty WHERE day = ${day}::date AND campaign_id = ${campaignId}::uuid AND version = ${mark.version}`,
  );
  return cleared > 0;
}

/** One worker pass: rebuild up to `limit` dirty pairs, oldest day first. */
export async function refreshRollups(db: SqlExecutor, limit = 200): Promise<{ seen: number; cleared: number }> {
  const pairs = await db.query<{ day: string; campaign_id: string }>(
    sqltag`SELECT to_char(day, 'YYYY-MM-DD') AS day, campaign_id::text FROM report_rollup_dirty ORDER BY day, campaign_id LIMIT ${limit}`,
  );
  let cleared = 0;
  for (const p of pairs) {
    if (await db.transaction((tx) => refreshPair(tx, p.day, p.campaign_id))) cleared++;
  }
  return { seen: pairs.length, cleared };
}

/** Runs refreshRollups every `intervalMs` (never two passes at once) until stopped. */
export function createRollupWorker(deps: Pick<Deps, "db" | "logger">, intervalMs: number) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = (async () => {
      // Drain in passes, so a backlog (first start on old data) does not wait an interval per 200 pairs.
      for (;;) {
        const pass = await refreshRollups(deps.db.sql);
        if (stopped || pass.seen < 200) break;
      }
    })()
      .catch((err: unknown) => deps.logger.warn({ err: err instanceof Error ? err.message : String(err) }, "report rollup pass failed"))
      .finally(() => {
        running = null;
      });
  };
  return {
    start() {
      if (intervalMs <= 0 || timer) return;
      timer = setInterval(tick, intervalMs);
      timer.unref();
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

const markFn = (name: string, rows: string) => `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO report_rollup_dirty (day, campaign_id)
  SELECT DISTINCT (created_at AT TIME ZONE 'UTC')::date, campaign_id FROM ${rows} ORDER BY 1, 2
  ON CONFLICT (day, campaign_id) DO UPDATE SET version = report_rollup_dirty.version + 1;
  RETURN NULL;
END $fn$`;

/**
 * Installs (idempotently) the statement triggers that mark the (UTC day, campaign) pairs of inserted, updated
 * and deleted clicks dirty, in the writer's own transaction. Run at start, after migrations: the migration runner
 * splits scripts on semicolons, which PL/pgSQL bodies need.
 */
export async function ensureRollupTriggers(db: SqlExecutor): Promise<void> {
  const statements = [
    "SELECT pg_advisory_xact_lock(hashtext('trackily:report-rollup-triggers'))",
    markFn("report_rollup_mark_new", "new_rows"),
    markFn("report_rollup_mark_old", "old_rows"),
    "DROP TRIGGER IF EXISTS clicks_rollup_insert ON clicks",
    "DROP TRIGGER IF EXISTS clicks_rollup_update_new ON clicks",
    "DROP TRIGGER IF EXISTS clicks_rollup_update_old ON clicks",
    "DROP TRIGGER IF EXISTS clicks_rollup_delete ON clicks",
    "CREATE TRIGGER clicks_rollup_insert AFTER INSERT ON clicks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_new()",
    "CREATE TRIGGER clicks_rollup_update_new AFTER UPDATE ON clicks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_new()",
    "CREATE TRIGGER clicks_rollup_update_old AFTER UPDATE ON clicks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_old()",
    "CREATE TRIGGER clicks_rollup_delete AFTER DELETE ON clicks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_old()",
  ];
  await db.transaction(async (tx) => {
    for (const s of [...statements, ...conversionCopyStatements]) await tx.query(sqltag([s]));
  });
}

const COPY_COLS = `id, click_id, visitor_id, campaign_id, flow_id, landing_id, offer_id, source_id, type, status, ecom_status, revenue_account, cost,
  click_created_at, created_at, country, region, city, os, browser, device_type, language, isp, referrer_domain, sub1, sub2, sub3, sub4, sub5,
  ext_campaign_id, ext_ad_set_id, ext_ad_id, ext_placement`;
const copyFrom = (rows: string) => `INSERT INTO report_conversions (${COPY_COLS})
  SELECT cv.id, cv.click_id, cv.visitor_id, cv.campaign_id, cv.flow_id, cv.landing_id, cv.offer_id, cv.source_id, cv.type, cv.status::text, cv.ecom_status,
    cv.revenue_account, cv.cost, cv.click_created_at, cv.created_at, c.country, c.region, c.city, c.os, c.browser, c.device_type, c.language, c.isp,
    c.referrer_domain, c.sub1, c.sub2, c.sub3, c.sub4, c.sub5, c.ext_campaign_id, c.ext_ad_set_id, c.ext_ad_id, c.ext_placement
  FROM ${rows} cv LEFT JOIN clicks c ON c.id = cv.click_id`;

/** report_conversions follows conversions (insert, update, delete) in the writer's transaction. */
const conversionCopyStatements = [
  `CREATE OR REPLACE FUNCTION report_conversions_ins() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${copyFrom("new_rows")} ON CONFLICT (id) DO NOTHING;
  RETURN NULL;
END $fn$`,
  `CREATE OR REPLACE FUNCTION report_conversions_upd() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM report_conversions WHERE id IN (SELECT id FROM old_rows);
  ${copyFrom("new_rows")} ON CONFLICT (id) DO NOTHING;
  RETURN NULL;
END $fn$`,
  `CREATE OR REPLACE FUNCTION report_conversions_del() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM report_conversions WHERE id IN (SELECT id FROM old_rows);
  RETURN NULL;
END $fn$`,
  "DROP TRIGGER IF EXISTS conversions_report_ins ON conversions",
  "DROP TRIGGER IF EXISTS conversions_report_upd ON conversions",
  "DROP TRIGGER IF EXISTS conversions_report_del ON conversions",
  "CREATE TRIGGER conversions_report_ins AFTER INSERT ON conversions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_conversions_ins()",
  "CREATE TRIGGER conversions_report_upd AFTER UPDATE ON conversions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_conversions_upd()",
  "CREATE TRIGGER conversions_report_del AFTER DELETE ON conversions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_conversions_del()",
];

/**
 * Rebuilds every campaign's rollups for one UTC day in three statements, and clears that day's dirty marks.
 * For offline use (the traffic seed, repairs): unlike refreshPair it does not guard against concurrent writers.
 */
export async function rebuildDay(db: SqlExecutor, day: string): Promise<void> {
  const from = sqltag`(${day}::date::timestamp AT TIME ZONE 'UTC')`;
  const to = sqltag`((${day}::date + 1)::timestamp AT TIME ZONE 'UTC')`;
  await db.transaction(async (tx) => {
    await tx.execute(sqltag`DELETE FROM report_rollup_daily WHERE day = ${day}::date`);
    await tx.execute(
      sqlJoin([
        "INSERT INTO report_rollup_daily (day, campaign_id, dim, value, clicks, uniq, cost) SELECT ",
        sqltag`${day}::date`,
        ", c.campaign_id, v.dim, v.value, count(*), count(*) FILTER (WHERE c.is_unique), coalesce(sum(c.cost), 0) FROM clicks c CROSS JOIN LATERAL ",
        fanOut(),
        sqltag` WHERE c.created_at >= ${from} AND c.created_at < ${to} GROUP BY c.campaign_id, v.dim, v.value`,
      ]),
    );
    await tx.execute(sqltag`DELETE FROM report_rollup_hourly WHERE hour >= ${from} AND hour < ${to}`);
    await tx.execute(
      sqltag`INSERT INTO report_rollup_hourly (hour, campaign_id, clicks, uniq, cost)
        SELECT date_trunc('hour', c.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', c.campaign_id, count(*), count(*) FILTER (WHERE c.is_unique), coalesce(sum(c.cost), 0)
        FROM clicks c WHERE c.created_at >= ${from} AND c.created_at < ${to} GROUP BY 1, 2`,
    );
    await tx.execute(sqltag`DELETE FROM report_rollup_dirty WHERE day = ${day}::date`);
  });
}
