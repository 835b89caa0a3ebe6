// Rollups that keep reports fast on big click tables, and always give the numbers raw rows give.
//
// - report_rollup_daily: click sums per UTC day, campaign and dimension value (dim '' = campaign total);
//   report_rollup_hourly: click totals per UTC hour and campaign.
// - Inserted clicks are added incrementally: a statement trigger on clicks (installed at start by
//   ensureRollupTriggers) appends one report_click_log row per touched (UTC day, campaign) pair, with the new click
//   ids, in the writer's transaction (an append, never an update of a shared row, so concurrent click batches never
//   wait on each other). The worker claims log rows and adds their clicks' sums to every rollup in one transaction,
//   so the work is proportional to new clicks, not to the size of the day.
// - Updated and deleted clicks (cost edits; a click-through alone changes nothing rolled up) mark their pairs in
//   report_click_dirty. The worker rebuilds a marked pair from raw clicks in one REPEATABLE READ transaction that
//   also deletes the pair's marks and pending log rows: exactly those its snapshot saw, whose clicks the rebuild
//   counted; rows committed later stay for the next pass.
// - A pair with marks or log rows is pending (report_click_pending). A report statement sees, for every pair, either
//   rollups that match the raw rows or a pending pair, and reads raw clicks for pending pairs.
// - report_rollup_day / _week: the sum of report_rollup_daily's rows per UTC day / ISO week and dimension value over
//   all campaigns (stale rows of pending pairs included), updated by the worker in the transaction that adds or
//   rebuilds a pair's rows; reports without a campaign read them, minus the pending pairs' stale rows, plus their
//   raw clicks.
// - Conversions: the same scheme in conversion-rollup.ts (rollup rows of clean pairs, raw rows of dirty ones).
// Reports the rollups cannot answer fall back to raw rows (rollup-shape.ts): filters other than campaign, two
// non-campaign dimensions, and time dimensions in zones whose offset is not a whole hour (India, Nepal, ...).
// Non-time reports in any zone use whole UTC days from the rollup plus raw clicks for the partial edge days.
import { join, type Sql, sqltag } from "@prisma/client/runtime/client";
import type { SqlExecutor } from "../db/sql.js";
import type { Deps } from "../deps.js";
import { type BaseQuery, baseSums, type GroupSums } from "./base-sums.js";
import { conversionRollupTriggerStatements, rebuildConversionDay, refreshConversionRollups, rollupConversionsSql } from "./conversion-rollup.js";
import { type Dimension, dimGroupingSets, keyExpr, sqlJoin } from "./dimensions.js";
import { isoDay, ROLLUP_DIMS, type RollupShape, rollupShape } from "./rollup-shape.js";

export { ROLLUP_DIMS };

const NO_TZ = sqltag`'UTC'`;

/** Pairs whose rollups are not current: marked for a rebuild, or with new clicks not yet added (see notPending). */
const PENDING_PAIRS = "(SELECT day, campaign_id FROM report_click_dirty UNION SELECT day, campaign_id FROM report_click_log)";
const dimValue = (d: Dimension): Sql => keyExpr(d, "click", sqltag`c.created_at`, NO_TZ);

export interface ReadOptions {
  /** Ignore rollups (for comparisons and debugging). */
  raw?: boolean;
}

export async function readSums(deps: Deps, q: BaseQuery, opts: ReadOptions = {}): Promise<GroupSums[]> {
  const useRollups = !opts.raw && deps.config.reportsRollups !== false;
  const shape = useRollups ? rollupShape(q) : null;
  if (!shape) return baseSums(deps.db.sql, q, undefined, useRollups ? "copy" : "raw");
  return baseSums(deps.db.sql, q, { clicks: rollupClicksSql(q, shape) as Sql, conversions: rollupConversionsSql(q, shape) as Sql }, "copy");
}

/** The clicks aggregate (k0.., clicks, uniq, cost) from rollups, or null when rollups cannot answer exactly. */
export function rollupClicksSql(q: BaseQuery, shape: RollupShape | null = rollupShape(q)): Sql | null {
  if (!shape) return null;
  const ids = shape.campaignIds;
  const tz = sqltag`${q.timezone}::text`;
  const n = q.groupBy.length;
  const kCols = q.groupBy.map((_, i) => `k${i}`);
  // HAVING: in the all-campaigns form a value can net out to no clicks (stale rows of a dirty pair subtracted,
  // its raw clicks gone); raw rows never produce such a group.
  const outer = (inner: Sql[]) =>
    sqlJoin([
      "SELECT ",
      kCols.map((k) => `${k}, `).join(""),
      "sum(clicks)::bigint AS clicks, sum(uniq)::bigint AS uniq, coalesce(sum(cost), 0) AS cost FROM (",
      join(inner, " UNION ALL "),
      ") x",
      n ? ` GROUP BY ${kCols.join(", ")}` : "",
      " HAVING sum(clicks) > 0",
    ]);
  const rawKeys = q.groupBy.map((d, i) => sqlJoin([keyExpr(d, "click", sqltag`c.created_at`, tz), ` AS k${i}, `]));
  const rawCols = sqlJoin([...rawKeys, "1 AS clicks, CASE WHEN c.is_unique THEN 1 ELSE 0 END AS uniq, c.cost AS cost"]);
  const campC = ids ? sqlJoin([" AND c.campaign_id = ANY(", sqltag`${ids}::uuid[]`, ")"]) : sqltag``;
  const campR = ids ? sqlJoin([" AND r.campaign_id = ANY(", sqltag`${ids}::uuid[]`, ")"]) : sqltag``;
  const campD = ids ? sqlJoin([" AND d.campaign_id = ANY(", sqltag`${ids}::uuid[]`, ")"]) : sqltag``;
  // LATERAL keeps this a nested loop over the (few) dirty pairs, each an index range scan on clicks.
  const dirtyJoin = sqlJoin([
    `${PENDING_PAIRS} d CROSS JOIN LATERAL (SELECT * FROM clicks c WHERE c.campaign_id = d.campaign_id AND c.created_at >= (d.day::timestamp AT TIME ZONE 'UTC') AND c.created_at < ((d.day + 1)::timestamp AT TIME ZONE 'UTC') OFFSET 0) c`,
  ]);

  if (shape.kind === "hourly") {
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
        notPending("(r.hour AT TIME ZONE 'UTC')::date"),
      ]),
      sqlJoin([
        "SELECT ",
        rawCols,
        " FROM ",
        dirtyJoin,
        " WHERE d.day >= ",
        sqltag`${isoDay(shape.dirtyFrom)}::date`,
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

  // Whole UTC days inside the range come from the daily rollups; the partial days at either end from raw clicks.
  const { fullStart, fullEnd } = shape;
  const dayKey = shape.other === "date" ? "to_char(r.day, 'YYYY-MM-DD')" : "to_char(r.day, 'ID')";
  const rKeys = q.groupBy.map((d, i) => sqlJoin([d === "campaign" ? "r.campaign_id::text" : shape.utcDay ? dayKey : "r.value", ` AS k${i}, `]));
  const days = sqlJoin([" AND r.day >= ", sqltag`${isoDay(fullStart)}::date`, " AND r.day < ", sqltag`${isoDay(fullEnd)}::date`]);
  const edge = (from: Date, to: Date) =>
    sqlJoin(["SELECT ", rawCols, " FROM clicks c WHERE c.created_at >= ", sqltag`${from}`, " AND c.created_at < ", sqltag`${to}`, campC]);
  const rolled = shape.byCampaign
    ? [
        sqlJoin([
          "SELECT ",
          ...rKeys,
          "r.clicks, r.uniq, r.cost FROM report_rollup_daily r WHERE r.dim = ",
          sqltag`${shape.dim}`,
          days,
          campR,
          notPending("r.day"),
        ]),
      ]
    : [
        // All campaigns: report_rollup_day holds the sum of every pair's rollup rows, the stale rows of pending pairs
        // included, so those are subtracted (their raw clicks are added below).
        ...allCampaignRows(shape, rKeys),
        sqlJoin([
          "SELECT ",
          ...rKeys,
          `-r.clicks, -r.uniq, -r.cost FROM report_rollup_daily r JOIN ${PENDING_PAIRS} d ON d.day = r.day AND d.campaign_id = r.campaign_id WHERE r.dim = `,
          sqltag`${shape.dim}`,
          days,
        ]),
      ];
  return outer([
    ...rolled,
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

const DAY_MS = 86_400_000;
const addDaysUtc = (d: Date, n: number) => new Date(d.getTime() + n * DAY_MS);

/**
 * Rows of report_rollup_day and report_rollup_week that cover [fullStart, fullEnd) over all campaigns: whole ISO
 * weeks (Monday to Sunday) from the weekly sums, the days around them from the daily ones. Keyed by day
 * (date, day of week) reads days only.
 */
function allCampaignRows(shape: Extract<RollupShape, { kind: "daily" }>, rKeys: Sql[]): Sql[] {
  const { fullStart, fullEnd } = shape;
  const dayRows = (from: Date, to: Date) =>
    sqlJoin([
      "SELECT ",
      ...rKeys,
      "r.clicks, r.uniq, r.cost FROM report_rollup_day r WHERE r.dim = ",
      sqltag`${shape.dim}`,
      " AND r.day >= ",
      sqltag`${isoDay(from)}::date`,
      " AND r.day < ",
      sqltag`${isoDay(to)}::date`,
    ]);
  const weekStart = addDaysUtc(fullStart, (8 - fullStart.getUTCDay()) % 7); // first Monday on or after
  const weekEnd = addDaysUtc(fullEnd, -((fullEnd.getUTCDay() + 6) % 7)); // last Monday on or before
  if (shape.utcDay || weekStart >= weekEnd) return [dayRows(fullStart, fullEnd)];
  return [
    dayRows(fullStart, weekStart),
    sqlJoin([
      "SELECT ",
      ...rKeys,
      "r.clicks, r.uniq, r.cost FROM report_rollup_week r WHERE r.dim = ",
      sqltag`${shape.dim}`,
      " AND r.week >= ",
      sqltag`${isoDay(weekStart)}::date`,
      " AND r.week < ",
      sqltag`${isoDay(weekEnd)}::date`,
    ]),
    dayRows(weekEnd, fullEnd),
  ];
}

/** The rollup row `r` (of UTC day `day`) belongs to a pair that is not pending (PENDING_PAIRS, as two index probes). */
const notPending = (day: string) =>
  ` AND NOT EXISTS (SELECT 1 FROM report_click_dirty d WHERE d.day = ${day} AND d.campaign_id = r.campaign_id) AND NOT EXISTS (SELECT 1 FROM report_click_log d WHERE d.day = ${day} AND d.campaign_id = r.campaign_id)`;

/** Adds `sign` times one pair's report_rollup_daily rows to report_rollup_day and to report_rollup_week. */
const addToAllCampaigns = (sign: Sql, day: string, campaignId: string): Sql[] => [
  sqltag`INSERT INTO report_rollup_day (dim, day, value, clicks, uniq, cost)
    SELECT dim, day, value, ${sign}::int * clicks, ${sign}::int * uniq, ${sign}::int * cost FROM report_rollup_daily
    WHERE day = ${day}::date AND campaign_id = ${campaignId}::uuid ORDER BY dim, value
    ON CONFLICT (dim, day, value) DO UPDATE SET clicks = report_rollup_day.clicks + EXCLUDED.clicks, uniq = report_rollup_day.uniq + EXCLUDED.uniq,
      cost = report_rollup_day.cost + EXCLUDED.cost`,
  sqltag`INSERT INTO report_rollup_week (dim, week, value, clicks, uniq, cost)
    SELECT dim, date_trunc('week', day)::date, value, ${sign}::int * clicks, ${sign}::int * uniq, ${sign}::int * cost FROM report_rollup_daily
    WHERE day = ${day}::date AND campaign_id = ${campaignId}::uuid ORDER BY dim, value
    ON CONFLICT (dim, week, value) DO UPDATE SET clicks = report_rollup_week.clicks + EXCLUDED.clicks, uniq = report_rollup_week.uniq + EXCLUDED.uniq,
      cost = report_rollup_week.cost + EXCLUDED.cost`,
];

/**
 * Rebuilds one (UTC day, campaign) pair from raw clicks, in the caller's transaction, which must be REPEATABLE READ
 * (refreshClickRollups): one snapshot for deleting the pair's marks and pending log rows and for counting its
 * clicks, so exactly the clicks of the deleted log rows are in the rebuild and none is added twice; a write that
 * commits meanwhile keeps its mark or log row for the next pass. Returns false when the pair had no marks or another
 * worker holds it.
 */
export async function refreshPair(tx: SqlExecutor, day: string, campaignId: string): Promise<boolean> {
  const [lock] = await tx.query<{ ok: boolean }>(sqltag`SELECT pg_try_advisory_xact_lock(hashtext(${`rollup:${day}:${campaignId}`})) AS ok`);
  if (!lock?.ok) return false;
  const marks = await tx.execute(sqltag`DELETE FROM report_click_dirty WHERE day = ${day}::date AND campaign_id = ${campaignId}::uuid`);
  if (marks === 0) return false;
  await tx.execute(sqltag`DELETE FROM report_click_log WHERE day = ${day}::date AND campaign_id = ${campaignId}::uuid`);
  const from = sqltag`(${day}::date::timestamp AT TIME ZONE 'UTC')`;
  const to = sqltag`((${day}::date + 1)::timestamp AT TIME ZONE 'UTC')`;
  // report_rollup_day and _week stay the sums of the pairs' rows: this pair's old rows out, its new rows in. Pairs of
  // one ISO week take that week's lock first, so two of them never update its rows in opposite orders.
  await tx.query(sqltag`SELECT pg_advisory_xact_lock(hashtext('rollup-week:' || date_trunc('week', ${day}::date)::date::text))`);
  for (const s of addToAllCampaigns(sqltag`-1`, day, campaignId)) await tx.execute(s);
  await tx.execute(sqltag`DELETE FROM report_rollup_daily WHERE day = ${day}::date AND campaign_id = ${campaignId}::uuid`);
  await tx.execute(
    sqlJoin([
      "INSERT INTO report_rollup_daily (day, campaign_id, dim, value, clicks, uniq, cost) SELECT ",
      sqltag`${day}::date, ${campaignId}::uuid`,
      ", s.* FROM (SELECT ",
      pairSums.select,
      sqltag` FROM clicks c WHERE c.campaign_id = ${campaignId}::uuid AND c.created_at >= ${from} AND c.created_at < ${to}`,
      pairSums.groupBy,
      ") s",
    ]),
  );
  for (const s of addToAllCampaigns(sqltag`1`, day, campaignId)) await tx.execute(s);
  await tx.execute(sqltag`DELETE FROM report_rollup_day WHERE day = ${day}::date AND clicks = 0`);
  await tx.execute(sqltag`DELETE FROM report_rollup_week WHERE week = date_trunc('week', ${day}::date)::date AND clicks = 0`);
  await tx.execute(sqltag`DELETE FROM report_rollup_hourly WHERE campaign_id = ${campaignId}::uuid AND hour >= ${from} AND hour < ${to}`);
  await tx.execute(
    sqltag`INSERT INTO report_rollup_hourly (hour, campaign_id, clicks, uniq, cost)
      SELECT date_trunc('hour', c.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', ${campaignId}::uuid, count(*), count(*) FILTER (WHERE c.is_unique), coalesce(sum(c.cost), 0)
      FROM clicks c WHERE c.campaign_id = ${campaignId}::uuid AND c.created_at >= ${from} AND c.created_at < ${to} GROUP BY 1`,
  );
  return true;
}

/** Runs worker passes until nothing is dirty (offline: the traffic seed, the reports benchmark); pairs rebuilt. */
export async function drainRollups(db: SqlExecutor, limit = 500): Promise<number> {
  let pairs = 0;
  for (;;) {
    const pass = await refreshRollups(db, limit);
    pairs += pass.cleared;
    if (pass.seen === 0) return pairs;
  }
}

/** The tables reports read besides clicks and conversions: what a live install's autovacuum keeps analyzed. */
export const REPORT_TABLES = [
  "report_rollup_daily",
  "report_rollup_hourly",
  "report_rollup_day",
  "report_rollup_week",
  "report_click_dirty",
  "report_click_log",
  "report_conversions",
  "report_conv_rollup_daily",
  "report_conv_rollup_hourly",
  "report_conv_dirty",
  "report_customers",
] as const;

/**
 * One worker pass: add up to `limit` logged click inserts, rebuild up to `limit` marked click pairs and `limit`
 * dirty conversion pairs, oldest day first.
 */
export async function refreshRollups(db: SqlExecutor, limit = ROLLUP_PASS_FULL): Promise<{ seen: number; cleared: number }> {
  const clicks = await refreshClickRollups(db, limit);
  const conversions = await refreshConversionRollups(db, limit);
  return { seen: Math.max(clicks.seen, conversions.seen), cleared: clicks.cleared + conversions.cleared };
}

async function refreshClickRollups(db: SqlExecutor, limit: number): Promise<{ seen: number; cleared: number }> {
  const added = await addLoggedClicks(db, limit);
  const pairs = await db.query<{ day: string; campaign_id: string }>(
    sqltag`SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS day, campaign_id::text FROM report_click_dirty ORDER BY 1, 2 LIMIT ${limit}`,
  );
  let cleared = 0;
  for (const p of pairs) {
    const rebuilt = await db
      .transaction(async (tx) => {
        await tx.query(sqltag`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`);
        return refreshPair(tx, p.day, p.campaign_id);
      })
      .catch((err: unknown) => {
        // Another worker claimed this pair's log rows first (a serialization failure): the next pass rebuilds it.
        if (isSerializationFailure(err)) return false;
        throw err;
      });
    if (rebuilt) cleared++;
  }
  return { seen: Math.max(pairs.length, added), cleared: cleared + added };
}

const isSerializationFailure = (err: unknown): boolean =>
  (err as { code?: string } | null)?.code === "40001" || (err instanceof Error && /could not serialize access/.test(err.message));

/** Sums of one (UTC day, campaign) pair's clicks (refreshPair), of new clicks per pair (addLoggedClicks), and of one
 * day's clicks per campaign (rebuildDay). */
const CLICK_SUMS = "count(*) AS clicks, count(*) FILTER (WHERE c.is_unique) AS uniq, coalesce(sum(c.cost), 0) AS cost";
const clickDims = ROLLUP_DIMS.map((d) => [d, dimValue(d)] as const);
const pairSums = dimGroupingSets(clickDims, [], CLICK_SUMS);
const campaignSums = dimGroupingSets(clickDims, [["c.campaign_id", "campaign_id"]], CLICK_SUMS);
const newSums = dimGroupingSets(
  clickDims,
  [
    ["(c.created_at AT TIME ZONE 'UTC')::date", "day"],
    ["c.campaign_id", "campaign_id"],
  ],
  CLICK_SUMS,
);

/**
 * Claims up to `limit` report_click_log rows (skipping rows another worker holds) and adds their clicks to the
 * daily, hourly and all-campaign rollups, in one transaction. Returns how many log rows it took. The click ids stay
 * in PostgreSQL: log rows hold a click batch's ids each (1,000 rows held some 22,000 in bench:clicks), and moving
 * them through the api as a result and back as parameters held its event loop for 60 to 90 ms.
 */
export async function addLoggedClicks(db: SqlExecutor, limit: number): Promise<number> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx.query<{ log_ids: string[]; weeks: string[] }>(
      sqltag`WITH taken AS (SELECT id, day FROM report_click_log ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        SELECT array(SELECT id::text FROM taken) AS log_ids,
          array(SELECT DISTINCT date_trunc('week', day)::date::text FROM taken ORDER BY 1) AS weeks`,
    );
    if (!claimed?.log_ids.length) return 0;
    // Every week touched (a log row's day is its clicks' UTC day), in order, under the lock a rebuild takes: two
    // writers never update the all-campaign rows in opposite orders.
    for (const w of claimed.weeks) await tx.query(sqltag`SELECT pg_advisory_xact_lock(hashtext('rollup-week:' || ${w}))`);
    const add = (table: string, key: string) =>
      ` ON CONFLICT (${key}) DO UPDATE SET clicks = ${table}.clicks + EXCLUDED.clicks, uniq = ${table}.uniq + EXCLUDED.uniq, cost = ${table}.cost + EXCLUDED.cost`;
    // The claimed rows' click ids as one array (an InitPlan), so each read of clicks is an index scan on its key.
    const ids = "ARRAY(SELECT unnest(ids) FROM taken)";
    await tx.execute(
      sqlJoin([
        "WITH taken AS (DELETE FROM report_click_log WHERE id = ANY(",
        sqltag`${claimed.log_ids}::bigint[]`,
        ") RETURNING ids), ",
        "delta AS (SELECT ",
        newSums.select,
        ` FROM clicks c WHERE c.id = ANY(${ids})`,
        newSums.groupBy,
        "), ",
        "daily AS (INSERT INTO report_rollup_daily (day, campaign_id, dim, value, clicks, uniq, cost) SELECT day, campaign_id, dim, value, clicks, uniq, cost FROM delta ORDER BY 1, 2, 3, 4",
        add("report_rollup_daily", "day, campaign_id, dim, value"),
        "), days AS (INSERT INTO report_rollup_day (dim, day, value, clicks, uniq, cost) SELECT dim, day, value, sum(clicks), sum(uniq), sum(cost) FROM delta GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
        add("report_rollup_day", "dim, day, value"),
        "), weeks AS (INSERT INTO report_rollup_week (dim, week, value, clicks, uniq, cost) SELECT dim, date_trunc('week', day)::date, value, sum(clicks), sum(uniq), sum(cost) FROM delta GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
        add("report_rollup_week", "dim, week, value"),
        ") INSERT INTO report_rollup_hourly (hour, campaign_id, clicks, uniq, cost) SELECT date_trunc('hour', c.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', c.campaign_id, count(*), count(*) FILTER (WHERE c.is_unique), coalesce(sum(c.cost), 0) FROM clicks c",
        ` WHERE c.id = ANY(${ids}) GROUP BY 1, 2 ORDER BY 1, 2`,
        add("report_rollup_hourly", "hour, campaign_id"),
      ]),
    );
    return claimed.log_ids.length;
  });
}

/**
 * The most of its time the worker spends on rollups: after a pass of D ms it rests at least D x (1 - share) / share.
 * New clicks cost little (incremental), but a rebuild re-aggregates a whole (day, campaign) and conversion pairs are
 * rebuilt too, so without a bound a backlog would take the CPU that answers clicks and postbacks. Reports stay exact
 * meanwhile: they read raw rows for pending pairs.
 */
export const ROLLUP_MAX_SHARE = 0.1;

/** Items of each kind (log rows, click pairs, conversion pairs) in one pass; a pass that met it has more waiting. */
export const ROLLUP_PASS_FULL = 200;

/** How long the worker rests after a pass of `spentMs`: the interval, or longer so passes stay within `maxShare`. */
export const restAfter = (spentMs: number, intervalMs: number, maxShare = ROLLUP_MAX_SHARE): number =>
  Math.max(intervalMs, (spentMs * (1 - maxShare)) / maxShare);

/**
 * Runs refreshRollups every `intervalMs`. A backlog drains pass by pass, each pass followed by its share of rest
 * (ROLLUP_MAX_SHARE), so the worker never holds a database core for long stretches: run back to back, the passes
 * of a backlog took a core for seconds and every click committed meanwhile waited its turn. Never two passes at once.
 */
export function createRollupWorker(deps: Pick<Deps, "db" | "logger">, intervalMs: number, maxShare = ROLLUP_MAX_SHARE) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  let wake: (() => void) | null = null;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  const rest = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      t.unref();
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  function tick() {
    timer = null;
    if (stopped || running) return;
    let spent = 0;
    running = (async () => {
      for (;;) {
        const started = performance.now();
        const pass = await refreshRollups(deps.db.sql);
        spent = performance.now() - started;
        const full = pass.seen >= ROLLUP_PASS_FULL;
        const restMs = full ? restAfter(spent, 0, maxShare) : 0;
        deps.logger.debug({ spentMs: Math.round(spent), seen: pass.seen, restMs: Math.round(restMs) }, "report rollup pass");
        if (stopped || !full) break;
        await rest(restMs);
        if (stopped) break;
      }
    })()
      .catch((err: unknown) => deps.logger.warn({ err: err instanceof Error ? err.message : String(err) }, "report rollup pass failed"))
      .finally(() => {
        running = null;
        schedule(restAfter(spent, intervalMs, maxShare));
      });
  }
  return {
    start() {
      if (intervalMs <= 0 || timer || running || stopped) return;
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await running;
    },
  };
}

const markFn = (name: string, rows: string) => `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO report_click_dirty (day, campaign_id)
  SELECT DISTINCT (created_at AT TIME ZONE 'UTC')::date, campaign_id FROM ${rows};
  RETURN NULL;
END $fn$`;

/** Inserted clicks: one log row per (UTC day, campaign) with their ids. */
const logFn = `CREATE OR REPLACE FUNCTION report_rollup_log_new() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO report_click_log (day, campaign_id, ids)
  SELECT (created_at AT TIME ZONE 'UTC')::date, campaign_id, array_agg(id) FROM new_rows GROUP BY 1, 2;
  RETURN NULL;
END $fn$`;

/** Updated clicks: both pairs of each row whose rolled-up content changed (not a click-through time alone). */
const updateFn = `CREATE OR REPLACE FUNCTION report_rollup_mark_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO report_click_dirty (day, campaign_id)
  SELECT DISTINCT d, c FROM new_rows n JOIN old_rows o ON o.id = n.id
  CROSS JOIN LATERAL (VALUES ((n.created_at AT TIME ZONE 'UTC')::date, n.campaign_id), ((o.created_at AT TIME ZONE 'UTC')::date, o.campaign_id)) p(d, c)
  WHERE (to_jsonb(n) - 'landing_clicked_at') IS DISTINCT FROM (to_jsonb(o) - 'landing_clicked_at');
  RETURN NULL;
END $fn$`;

/**
 * Installs (idempotently) the statement triggers, which run in the writer's own transaction: inserted clicks are
 * logged per (UTC day, campaign) with their ids; updated and deleted clicks mark their pairs dirty. Run at start, after migrations: the migration runner
 * splits scripts on semicolons, which PL/pgSQL bodies need.
 */
export async function ensureRollupTriggers(db: SqlExecutor): Promise<void> {
  const statements = [
    "SELECT pg_advisory_xact_lock(hashtext('trackily:report-rollup-triggers'))",
    markFn("report_rollup_mark_old", "old_rows"),
    logFn,
    updateFn,
    "DROP TRIGGER IF EXISTS clicks_rollup_insert ON clicks",
    "DROP TRIGGER IF EXISTS clicks_rollup_update ON clicks",
    "DROP TRIGGER IF EXISTS clicks_rollup_update_new ON clicks",
    "DROP TRIGGER IF EXISTS clicks_rollup_update_old ON clicks",
    "DROP TRIGGER IF EXISTS clicks_rollup_delete ON clicks",
    "DROP FUNCTION IF EXISTS report_rollup_mark_new()",
    "CREATE TRIGGER clicks_rollup_insert AFTER INSERT ON clicks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_log_new()",
    "CREATE TRIGGER clicks_rollup_update AFTER UPDATE ON clicks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_update()",
    "CREATE TRIGGER clicks_rollup_delete AFTER DELETE ON clicks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_old()",
  ];
  await db.transaction(async (tx) => {
    for (const s of [...statements, ...conversionCopyStatements, ...conversionRollupTriggerStatements]) await tx.query(sqltag([s]));
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
 * Rebuilds every campaign's click and conversion rollups for one UTC day, and clears that day's dirty marks.
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
        ", s.* FROM (SELECT ",
        campaignSums.select,
        sqltag` FROM clicks c WHERE c.created_at >= ${from} AND c.created_at < ${to}`,
        campaignSums.groupBy,
        ") s",
      ]),
    );
    await tx.execute(sqltag`DELETE FROM report_rollup_hourly WHERE hour >= ${from} AND hour < ${to}`);
    await tx.execute(
      sqltag`INSERT INTO report_rollup_hourly (hour, campaign_id, clicks, uniq, cost)
        SELECT date_trunc('hour', c.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', c.campaign_id, count(*), count(*) FILTER (WHERE c.is_unique), coalesce(sum(c.cost), 0)
        FROM clicks c WHERE c.created_at >= ${from} AND c.created_at < ${to} GROUP BY 1, 2`,
    );
    await tx.execute(sqltag`DELETE FROM report_rollup_day WHERE day = ${day}::date`);
    await tx.execute(
      sqltag`INSERT INTO report_rollup_day (dim, day, value, clicks, uniq, cost)
        SELECT dim, day, value, sum(clicks), sum(uniq), sum(cost) FROM report_rollup_daily WHERE day = ${day}::date GROUP BY dim, day, value`,
    );
    await tx.execute(sqltag`DELETE FROM report_rollup_week WHERE week = date_trunc('week', ${day}::date)::date`);
    await tx.execute(
      sqltag`INSERT INTO report_rollup_week (dim, week, value, clicks, uniq, cost)
        SELECT dim, date_trunc('week', ${day}::date)::date, value, sum(clicks), sum(uniq), sum(cost) FROM report_rollup_day
        WHERE day >= date_trunc('week', ${day}::date)::date AND day < date_trunc('week', ${day}::date)::date + 7 GROUP BY dim, value`,
    );
    await tx.execute(sqltag`DELETE FROM report_click_dirty WHERE day = ${day}::date`);
    await tx.execute(sqltag`DELETE FROM report_click_log WHERE day = ${day}::date`);
  });
  await rebuildConversionDay(db, day);
}
