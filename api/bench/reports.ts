// pnpm bench:reports [--runs=7]: report timings on the seeded traffic (pnpm seed:traffic), next to the time
// PostgreSQL takes for a plain count(*) over the same 30 days of raw clicks, measured in the same run.
// Times the real report functions (the same code GraphQL and REST call): the 30-day dashboard, every
// single-dimension grouped report for 30 days, and two-level drill-downs. Last line: JSON.
import { sqltag } from "@prisma/client/runtime/client";
import { parseConfig } from "../src/config.js";
import { connectDatabase } from "../src/db/connect.js";
import type { Deps } from "../src/deps.js";
import { applyMigrations } from "../src/db/migrate.js";
import { createLogger } from "../src/lib/logger.js";
import { dashboard } from "../src/reports/dashboard.js";
import { DIMENSIONS, type Dimension } from "../src/reports/dimensions.js";
import { groupedReport } from "../src/reports/grouped-report.js";
import { addDays } from "../src/reports/params.js";
import { drainRollups, ensureRollupTriggers, REPORT_TABLES } from "../src/reports/rollup.js";

const runsArg = process.argv.find((a) => a.startsWith("--runs="));
const RUNS = Math.max(3, Number(runsArg?.split("=")[1] ?? 7));
const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/trackily_bench";
const config = parseConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" });
const db = await connectDatabase({ databaseUrl: url, dataDir: "/tmp", statementTimeoutMs: 0 });
const deps = { config, db, logger: createLogger("silent") } as unknown as Deps;
// A database seeded by an older build gets the current schema (and its backfills) first.
const applied = await applyMigrations(db.adapterFactory);
if (applied.length) console.log(`applied migrations: ${applied.join(", ")}`);
await ensureRollupTriggers(db.sql);
// What the rollup worker does on a live install: build whatever is dirty (after a migration, the backfill).
{
  const t0 = performance.now();
  const pairs = await drainRollups(db.sql);
  if (pairs) console.log(`rollup worker: rebuilt ${pairs} dirty pairs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
// What autovacuum does on a live install: statistics and the visibility map (index-only scans on rollups).
for (const t of REPORT_TABLES) {
  const [exists] = await db.sql.query<{ ok: boolean }>(sqltag`SELECT to_regclass(${t}) IS NOT NULL AS ok`);
  if (exists?.ok) await db.sql.execute(sqltag([`VACUUM (ANALYZE) ${t}`]));
}

const [span] = await db.sql.query<{ last: string; clicks: string }>(
  sqltag`SELECT to_char(max(created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS last, count(*)::text AS clicks FROM clicks`,
);
if (!span?.last) throw new Error("no clicks: run pnpm seed:traffic first");
const to = span.last;
const from = addDays(to, -29);
const range = { from, to, timezone: "UTC" };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
};
async function time(name: string, fn: () => Promise<unknown>) {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  const r = { name, p50: +pct(ms, 50).toFixed(1), p95: +pct(ms, 95).toFixed(1) };
  console.log(`${name.padEnd(34)} p50 ${String(r.p50).padStart(8)} ms   p95 ${String(r.p95).padStart(8)} ms`);
  return r;
}

console.log(`clicks: ${Number(span.clicks).toLocaleString("en")}; range ${from} .. ${to} (30 days, UTC); ${RUNS} runs each after a warm-up`);
const [startEnd] = await db.sql.query<{ s: Date; e: Date }>(
  sqltag`SELECT (${from}::date::timestamp AT TIME ZONE 'UTC') AS s, ((${to}::date + 1)::timestamp AT TIME ZONE 'UTC') AS e`,
);
const raw = await time("baseline: raw count(*) 30 days", () =>
  db.sql.query(sqltag`SELECT count(*) FROM clicks WHERE created_at >= ${startEnd?.s} AND created_at < ${startEnd?.e}`),
);
const dash = await time("dashboard 30d (totals + series)", () => dashboard(deps, range));
// Every dimension a report can group by (the issue: "each single-dimension grouped report").
const SINGLE: readonly Dimension[] = DIMENSIONS;
const singles = [];
for (const d of SINGLE) singles.push(await time(`group by ${d}`, () => groupedReport(deps, { ...range, groupBy: [d], limit: 100 })));
const [top] = (await groupedReport(deps, { ...range, groupBy: ["campaign"], limit: 1 })).rows;
const campaignId = top?.keys[0] as string;
const drillA = await time("drill: campaign > country", () => groupedReport(deps, { ...range, groupBy: ["campaign", "country"], limit: 100 }));
const drillB = await time("drill: campaign X, by sub1", () =>
  groupedReport(deps, { ...range, groupBy: ["sub1"], filters: [{ dimension: "campaign", values: [campaignId] }], limit: 100 }),
);
const drillC = await time("drill: country > os (raw rows)", () => groupedReport(deps, { ...range, groupBy: ["country", "os"], limit: 100 }));
const nyDash = await time("dashboard 30d America/New_York", () => dashboard(deps, { ...range, timezone: "America/New_York" }));
const nyCountry = await time("country 30d America/New_York", () => groupedReport(deps, { ...range, timezone: "America/New_York", groupBy: ["country"] }));
const worst = singles.reduce((a, b) => (b.p95 > a.p95 ? b : a));
await db.close();
console.log(
  JSON.stringify({
    clicks: Number(span.clicks),
    runs: RUNS,
    from,
    to,
    rawCountMs: raw.p50,
    dashboardP50Ms: dash.p50,
    dashboardP95Ms: dash.p95,
    worstSingleDimP95Ms: worst.p95,
    worstSingleDim: worst.name.replace("group by ", ""),
    drilldownP95Ms: Math.max(drillA.p95, drillB.p95),
    rawDrilldownP95Ms: drillC.p95,
    nyDashboardP95Ms: nyDash.p95,
    nyCountryP95Ms: nyCountry.p95,
    singleDimP95Ms: Object.fromEntries(singles.map((s) => [s.name.replace("group by ", ""), s.p95])),
  }),
);
