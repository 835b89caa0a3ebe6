// bench:postbacks — postbacks per second through the real app (GET /postback: parse, policy, recordConversion with
// its exactly-once upsert, history, postback log, outbox row and notification) against PostgreSQL, next to a bare
// Node server doing one plain INSERT per request, both under the same wrk load in the same run: BENCH_ROUNDS rounds,
// each an app run then a baseline run, and the round with the median ratio is the result (every round is printed).
// Postbacks target distinct existing clicks, with a share of duplicates and status changes (postbacks.lua).
// The last line is JSON: { postbacksPerSec, baselineRps, ratio, rounds, duplicateConversions, ... }.
//
//   pnpm bench:postbacks   (env: BENCH_ROUNDS=3 BENCH_DURATION=8s BENCH_CONNECTIONS=50 BENCH_CLICKS=300000)
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
const duration = process.env.BENCH_DURATION ?? "8s";
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? "3"));
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
      ...(process.env.BENCH_ROLLUP_INTERVAL_MS ? { REPORTS_ROLLUP_INTERVAL_MS: process.env.BENCH_ROLLUP_INTERVAL_MS } : {}),
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
    // Each app round posts back for its own slice of the clicks.
    const idsFiles: string[] = [];
    const per = Math.floor(ids.length / rounds);
    for (let r = 0; r < rounds; r++) {
      idsFiles.push(path.join(tmp, `ids-${r}.txt`));
      await writeFile(idsFiles[r] as string, ids.slice(r * per, (r + 1) * per).join("\n"));
    }

    // Short warm-up (JIT, pool, plan cache), on its own slice of ids.
    const warmIds = path.join(tmp, "warm.txt");
    const warm = Array.from({ length: 5000 }, () => newId());
    await pool.query(
      `INSERT INTO clicks (id, campaign_id, offer_id, source_id, visitor_id, created_at, country) SELECT u, $2, $3, $4, u, now(), 'US' FROM unnest($1::uuid[]) u`,
      [warm, campaignId, offerId, sourceId],
    );
    await writeFile(warmIds, warm.join("\n"));
    // Settle: inserting 300k clicks at once marks their days dirty, and the click-rollup worker's rebuild of them
    // (seconds of database CPU, unrelated to postbacks) would otherwise land in whichever run it overlaps. The same
    // before every run: the conversion rollups an app run leaves behind are the app's work, not the baseline's.
    const settle = async () => {
      for (let pass = 0; pass < 50 && (await refreshRollups(app.deps.db.sql)).seen > 0; pass++);
    };
    await settle();
    await wrkWarm(url, warmIds);

    // Baseline: bare node:http + pg, one plain INSERT per request, same load.
    await pool.query(`CREATE TABLE bench_baseline (id uuid PRIMARY KEY, click_id text NOT NULL, payout text NOT NULL, created_at timestamptz NOT NULL)`);
    const basePool = new pg.Pool({ connectionString: dbUrl, max: config.dbPoolMax, idleTimeoutMillis: 0 });
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

    // Rounds alternate the app and the baseline, so both see the same machine: on a shared host the rate of either
    // drifts by tens of percent over a minute, and one run of each would measure the drift as much as the code.
    const runs: Array<{ app: WrkResult; base: WrkResult; appCpu: { node: number; postgres: number }; baseCpu: { node: number; postgres: number } }> = [];
    for (let r = 0; r < rounds; r++) {
      await settle();
      log(`round ${r + 1}/${rounds} app: wrk -t${threads} -c${connections} -d${duration}`);
      const appMeter = await cpuMeter(dbName);
      const app1 = await wrk(url, idsFiles[r] as string);
      const appCpu = await appMeter.perRequest(app1.requests);
      await settle();
      log(`round ${r + 1}/${rounds} baseline: wrk -t${threads} -c${connections} -d${duration}`);
      const baseMeter = await cpuMeter(dbName);
      const base1 = await wrk(baseUrl, idsFiles[r] as string);
      const baseCpu = await baseMeter.perRequest(base1.requests);
      runs.push({ app: app1, base: base1, appCpu, baseCpu });
      process.stdout.write(
        `round ${r + 1}: postbacks ${Math.round(app1.rps)}/s (p50 ${app1.p50}, p99 ${app1.p99}, CPU ${appCpu.node} + ${appCpu.postgres} us), ` +
          `baseline ${Math.round(base1.rps)}/s (p50 ${base1.p50}, p99 ${base1.p99}, CPU ${baseCpu.node} + ${baseCpu.postgres} us), ratio ${(app1.rps / base1.rps).toFixed(3)}\n`,
      );
    }
    await new Promise<void>((r) => server.close(() => r()));
    await basePool.end();

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
    await pool.end();

    const ratios = runs.map((x) => x.app.rps / x.base.rps);
    // The median round (the lower of the middle two for an even count).
    const order = ratios.map((_r, i) => i).sort((a, b) => (ratios[a] as number) - (ratios[b] as number));
    const mid = order[Math.floor((order.length - 1) / 2)] as number;
    const pick = runs[mid] as (typeof runs)[number];
    const sum = (f: (x: (typeof runs)[number]) => number) => runs.reduce((a, x) => a + f(x), 0);
    const result = {
      // The median round by ratio: its own two rates, so the three figures agree with each other.
      postbacksPerSec: Math.round(pick.app.rps),
      baselineRps: Math.round(pick.base.rps),
      ratio: Number((ratios[mid] as number).toFixed(3)),
      rounds: runs.map((x, i) => ({
        postbacksPerSec: Math.round(x.app.rps),
        baselineRps: Math.round(x.base.rps),
        ratio: Number((ratios[i] as number).toFixed(3)),
      })),
      duplicateConversions: dup,
      conversions: conv,
      outboxRows: outbox,
      conversionsWithoutOutboxRow: missing,
      postbackLogRows: logs,
      appRequests: sum((x) => x.app.requests),
      appNon2xx: sum((x) => x.app.non2xx),
      baselineNon2xx: sum((x) => x.base.non2xx),
      appLatency: { p50: pick.app.p50, p99: pick.app.p99 },
      appCpuUsPerPostback: pick.appCpu,
      baselineCpuUsPerRequest: pick.baseCpu,
      baselineLatency: { p50: pick.base.p50, p99: pick.base.p99 },
      connections,
      duration,
      cores: os.cpus().length,
    };
    process.stdout.write(
      `median round of ${rounds}: postbacks ${result.postbacksPerSec}/s (p99 ${pick.app.p99}), baseline INSERT server ${result.baselineRps}/s (p99 ${pick.base.p99}), ratio ${result.ratio}\n`,
    );
    process.stdout.write(
      `CPU per request: app ${pick.appCpu.node} us in Node + ${pick.appCpu.postgres} us in PostgreSQL backends; baseline ${pick.baseCpu.node} us + ${pick.baseCpu.postgres} us\n`,
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
  const backends = () =>
    admin(async (c) => {
      const r = await c.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'", [dbName]);
      return r.rows.map((x) => x.pid);
    });
  const before = new Map((await backends()).map((pid) => [pid, procCpuMs(pid)]));
  const node0 = process.cpuUsage();
  return {
    async perRequest(requests: number) {
      const node = process.cpuUsage(node0);
      // Backends connected during the run (a pool growing or replacing an idle connection) count from zero.
      const pids = new Set([...before.keys(), ...(await backends())]);
      const pgMs = [...pids].reduce((sum, pid) => sum + Math.max(0, procCpuMs(pid) - (before.get(pid) ?? 0)), 0);
      const n = Math.max(1, requests);
      return { node: Math.round((node.user + node.system) / n), postgres: Math.round((pgMs * 1000) / n) };
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
