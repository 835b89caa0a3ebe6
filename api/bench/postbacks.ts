// bench:postbacks — postbacks per second through the real app (GET /postback: parse, policy, recordConversion with
// its exactly-once upsert, history, postback log, outbox row and notification) against PostgreSQL, next to a bare
// Node server doing one plain INSERT per request, both under the same wrk load in the same run.
// Postbacks target distinct existing clicks, with a share of duplicates and status changes (postbacks.lua).
// The last line is JSON: { postbacksPerSec, baselineRps, ratio, duplicateConversions, ... }.
//
//   pnpm bench:postbacks            (env: BENCH_DURATION=10s BENCH_CONNECTIONS=50 BENCH_CLICKS=300000)
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { buildApp } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { refreshRollups } from "../src/reports/rollup.js";
import { newId } from "../src/lib/ids.js";
import { createLogger } from "../src/lib/logger.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const duration = process.env.BENCH_DURATION ?? "10s";
const connections = Number(process.env.BENCH_CONNECTIONS ?? "50");
const threads = Number(process.env.BENCH_THREADS ?? "2");
const clicks = Number(process.env.BENCH_CLICKS ?? "300000");

const urlFor = (db: string) => {
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  return u.toString();
};

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

interface WrkResult {
  rps: number;
  requests: number;
  non2xx: number;
  p50: string;
  p99: string;
  raw: string;
}

function wrk(url: string, idsFile: string): Promise<WrkResult> {
  return new Promise((resolve, reject) => {
    execFile(
      "wrk",
      [`-t${threads}`, `-c${connections}`, `-d${duration}`, "--latency", "-s", path.join(here, "postbacks.lua"), url],
      { env: { ...process.env, PB_IDS: idsFile, PB_THREADS: String(threads) }, maxBuffer: 1 << 20 },
      (err, stdout) => {
        if (err) return reject(err);
        const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? "0");
        const requests = Number(/(\d+) requests in/.exec(stdout)?.[1] ?? "0");
        const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? "0");
        // The "Latency Distribution" lines ("     50%    10.53ms"), not a thread-stats column that ends in "50%".
        const p50 = /^\s+50%\s+(\S+)/m.exec(stdout)?.[1] ?? "";
        const p99 = /^\s+99%\s+(\S+)/m.exec(stdout)?.[1] ?? "";
        resolve({ rps, requests, non2xx, p50, p99, raw: stdout });
      },
    );
  });
}

async function main() {
  const dbName = `trackily_bench_pb_${Date.now()}`;
  await admin((c) => c.query(`CREATE DATABASE ${dbName}`));
  const dbUrl = urlFor(dbName);
  const tmp = await mkdtemp(path.join(os.tmpdir(), "trackily-bench-pb-"));
  const log = (m: string) => process.stderr.write(`[bench:postbacks] ${m}\n`);
  try {
    const config = parseConfig({
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: tmp,
      DATABASE_URL: dbUrl,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "silent",
      ADMIN_PASSWORD: "bench-password-1",
      OUTBOX_WORKER: "false",
    });
    // OUTBOX_WORKER=false: delivery runs outside the request path (any node with the worker does it); the outbox
    // rows are still written in the postback's statement and counted below.
    const app = await buildApp(config, { logger: createLogger((process.env.BENCH_LOG_LEVEL ?? "silent") as "silent"), onFirstAdmin: () => {} });
    const { url } = await app.start();
    await app.ready;

    // Fixture: a source with an S2S postback (so every new conversion writes its outbox row), an offer, a campaign,
    // and `clicks` clicks with distinct ids.
    log(`seeding ${clicks} clicks`);
    const pool = new pg.Pool({ connectionString: dbUrl, max: 4 });
    const [sourceId, offerId, campaignId] = [newId(), newId(), newId()];
    await pool.query(
      `INSERT INTO traffic_sources (id, name, postback_url, updated_at) VALUES ($1, 'bench', 'https://source.invalid/pb?c={click_id}&p={payout}', now())`,
      [sourceId],
    );
    await pool.query(`INSERT INTO offers (id, name, url, payout, updated_at) VALUES ($1, 'offer', 'https://offer.invalid/', 2, now())`, [offerId]);
    await pool.query(`INSERT INTO campaigns (id, name, slug, default_offer_id, source_id, updated_at) VALUES ($1, 'bench', 'bench', $2, $3, now())`, [
      campaignId,
      offerId,
      sourceId,
    ]);
    const ids = Array.from({ length: clicks }, () => newId());
    for (let i = 0; i < ids.length; i += 20_000) {
      const chunk = ids.slice(i, i + 20_000);
      await pool.query(
        `INSERT INTO clicks (id, campaign_id, offer_id, source_id, visitor_id, created_at, country, source_click_id)
         SELECT u, $2, $3, $4, u, now() - interval '1 hour', 'US', 'src' FROM unnest($1::uuid[]) u`,
        [chunk, campaignId, offerId, sourceId],
      );
    }
    await pool.query("VACUUM ANALYZE");
    const idsFile = path.join(tmp, "ids.txt");
    await writeFile(idsFile, ids.join("\n"));

    // Short warm-up (JIT, pool, plan cache), on its own slice of ids.
    const warmIds = path.join(tmp, "warm.txt");
    const warm = Array.from({ length: 5000 }, () => newId());
    await pool.query(
      `INSERT INTO clicks (id, campaign_id, offer_id, source_id, visitor_id, created_at, country) SELECT u, $2, $3, $4, u, now(), 'US' FROM unnest($1::uuid[]) u`,
      [warm, campaignId, offerId, sourceId],
    );
    await writeFile(warmIds, warm.join("\n"));
    // Settle the fixture: inserting 300k clicks at once marks their days dirty, and the click-rollup worker's
    // rebuild of them (seconds of database CPU, unrelated to postbacks) would otherwise land in whichever of the two
    // measured runs it happens to overlap. The worker keeps running during both runs.
    for (let pass = 0; pass < 50 && (await refreshRollups(app.deps.db.sql)).seen > 0; pass++);
    await wrkWarm(url, warmIds);

    log(`app: wrk -t${threads} -c${connections} -d${duration}`);
    const appCpu = await cpuMeter(dbName);
    const appRun = await wrk(url, idsFile);
    const appCpuUs = await appCpu.perRequest(appRun.requests);

    const { conv, dup, outbox, logs } = (
      await pool.query(`
        SELECT (SELECT count(*) FROM conversions)::int AS conv,
               (SELECT count(*) FROM (SELECT 1 FROM conversions GROUP BY click_id, hit_id, type, transaction_id HAVING count(*) > 1) d)::int AS dup,
               (SELECT count(*) FROM outbound_deliveries)::int AS outbox,
               (SELECT count(*) FROM postback_log)::int AS logs`)
    ).rows[0] as { conv: number; dup: number; outbox: number; logs: number };
    const { missing } = (
      await pool.query(
        `SELECT count(*)::int AS missing FROM conversions c WHERE NOT EXISTS (SELECT 1 FROM outbound_deliveries d WHERE d.event_id = c.id::text || ':created')`,
      )
    ).rows[0] as { missing: number };
    await app.stop();

    // Baseline: bare node:http + pg, one plain INSERT per request, same load.
    await pool.query(`CREATE TABLE bench_baseline (id uuid PRIMARY KEY, click_id text NOT NULL, payout text NOT NULL, created_at timestamptz NOT NULL)`);
    const basePool = new pg.Pool({ connectionString: dbUrl, max: config.dbPoolMax });
    const server = http.createServer((req, res) => {
      const q = new URLSearchParams((req.url ?? "").split("?")[1] ?? "");
      basePool
        .query("INSERT INTO bench_baseline (id, click_id, payout, created_at) VALUES ($1, $2, $3, now())", [
          newId(),
          q.get("click_id") ?? "",
          q.get("payout") ?? "",
        ])
        .then(
          () => {
            res.writeHead(200, { "content-type": "application/json" });
            res.end('{"status":"ok"}');
          },
          () => {
            res.writeHead(500);
            res.end();
          },
        );
    });
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await wrkWarm(baseUrl, warmIds);
    log(`baseline: wrk -t${threads} -c${connections} -d${duration}`);
    const baseCpu = await cpuMeter(dbName);
    const baseRun = await wrk(baseUrl, idsFile);
    const baseCpuUs = await baseCpu.perRequest(baseRun.requests);
    await new Promise<void>((r) => server.close(() => r()));
    await basePool.end();
    await pool.end();

    const result = {
      postbacksPerSec: Math.round(appRun.rps),
      baselineRps: Math.round(baseRun.rps),
      ratio: Number((appRun.rps / baseRun.rps).toFixed(3)),
      duplicateConversions: dup,
      conversions: conv,
      outboxRows: outbox,
      conversionsWithoutOutboxRow: missing,
      postbackLogRows: logs,
      appRequests: appRun.requests,
      appNon2xx: appRun.non2xx,
      baselineNon2xx: baseRun.non2xx,
      appLatency: { p50: appRun.p50, p99: appRun.p99 },
      appCpuUsPerPostback: appCpuUs,
      baselineCpuUsPerRequest: baseCpuUs,
      baselineLatency: { p50: baseRun.p50, p99: baseRun.p99 },
      connections,
      duration,
      cores: os.cpus().length,
    };
    process.stdout.write(
      `postbacks: ${result.postbacksPerSec}/s (p99 ${appRun.p99}), baseline INSERT server: ${result.baselineRps}/s (p99 ${baseRun.p99}), ratio ${result.ratio}\n`,
    );
    process.stdout.write(
      `CPU per request: app ${appCpuUs.node} us in Node + ${appCpuUs.postgres} us in PostgreSQL backends; baseline ${baseCpuUs.node} us + ${baseCpuUs.postgres} us\n`,
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)).catch(() => {});
  }
}

/**
 * CPU time per request while wrk runs: this process (the app or the baseline server runs in it) and the PostgreSQL
 * backends connected to the bench database (from /proc; WAL writer and checkpointer not included).
 */
async function cpuMeter(dbName: string) {
  const pids = await admin(async (c) => {
    const r = await c.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'", [dbName]);
    return r.rows.map((x) => x.pid);
  });
  const pgMs = () => pids.reduce((sum, pid) => sum + procCpuMs(pid), 0);
  const node0 = process.cpuUsage();
  const pg0 = pgMs();
  return {
    async perRequest(requests: number) {
      const node = process.cpuUsage(node0);
      const n = Math.max(1, requests);
      return { node: Math.round((node.user + node.system) / n), postgres: Math.round(((pgMs() - pg0) * 1000) / n) };
    },
  };
}

function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

function wrkWarm(url: string, idsFile: string) {
  return new Promise<void>((resolve) => {
    execFile("wrk", ["-t1", "-c10", "-d2s", "-s", path.join(here, "postbacks.lua"), url], { env: { ...process.env, PB_IDS: idsFile, PB_THREADS: "1" } }, () =>
      resolve(),
    );
  });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
