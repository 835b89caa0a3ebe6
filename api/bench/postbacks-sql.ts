// Profiling aid for bench:postbacks: the database cost of the group-commit statement alone, without HTTP.
// Runs batches of new conversions (distinct existing clicks) through the batch statement, sequentially on one
// connection and then from several connections at once, and prints ms per batch and rows/s, next to plain
// one-row INSERT + commit on the same connections. BENCH_VARIANT=no-report-trigger|no-fk disables those triggers.
//
//   npx tsx bench/postbacks-sql.ts   (env: BENCH_BATCH=50 BENCH_BATCHES=60 BENCH_PAR=4)
import pg from "pg";
import { buildApp } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { batchInsertSql } from "../src/conversions/record-batch-sql.js";
import type { FastInsert } from "../src/conversions/record-sql.js";
import { newId } from "../src/lib/ids.js";
import { createLogger } from "../src/lib/logger.js";
import os from "node:os";
import path from "node:path";
import { mkdtemp, rm } from "node:fs/promises";

const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const B = Number(process.env.BENCH_BATCH ?? "50");
const N = Number(process.env.BENCH_BATCHES ?? "60");
const PAR = Number(process.env.BENCH_PAR ?? "4");
const variant = process.env.BENCH_VARIANT ?? "";

async function main() {
  const dbName = `trackily_bench_pbsql_${Date.now()}`;
  const a = new pg.Client({ connectionString: adminUrl });
  await a.connect();
  await a.query(`CREATE DATABASE ${dbName}`);
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  const dbUrl = u.toString();
  const tmp = await mkdtemp(path.join(os.tmpdir(), "trackily-pbsql-"));
  try {
    const config = parseConfig({
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: tmp,
      DATABASE_URL: dbUrl,
      LOG_LEVEL: "silent",
      ADMIN_PASSWORD: "bench-password-1",
      OUTBOX_WORKER: "false",
    });
    const app = await buildApp(config, { logger: createLogger("silent"), onFirstAdmin: () => {} });
    await app.start();
    await app.ready;
    await app.stop();
    const pool = new pg.Pool({ connectionString: dbUrl, max: PAR + 1, options: "-c plan_cache_mode=force_generic_plan" });
    const [sourceId, offerId, campaignId] = [newId(), newId(), newId()];
    await pool.query(`INSERT INTO traffic_sources (id, name, postback_url, updated_at) VALUES ($1, 'bench', 'https://source.invalid/pb?c={click_id}', now())`, [
      sourceId,
    ]);
    await pool.query(`INSERT INTO offers (id, name, url, payout, updated_at) VALUES ($1, 'offer', 'https://offer.invalid/', 2, now())`, [offerId]);
    await pool.query(`INSERT INTO campaigns (id, name, slug, default_offer_id, source_id, updated_at) VALUES ($1, 'bench', 'bench', $2, $3, now())`, [
      campaignId,
      offerId,
      sourceId,
    ]);
    const total = B * N * 3 + 1000;
    const ids = Array.from({ length: total }, () => newId());
    for (let i = 0; i < ids.length; i += 20_000) {
      await pool.query(
        `INSERT INTO clicks (id, campaign_id, offer_id, source_id, visitor_id, created_at, country, source_click_id)
         SELECT u, $2, $3, $4, u, now() - interval '1 hour', 'US', 'src' FROM unnest($1::uuid[]) u`,
        [ids.slice(i, i + 20_000), campaignId, offerId, sourceId],
      );
    }
    if (variant.includes("no-report-trigger")) await pool.query("ALTER TABLE conversions DISABLE TRIGGER conversions_report_ins");
    if (variant.includes("no-fk")) await pool.query("ALTER TABLE conversion_status_changes DISABLE TRIGGER ALL");
    if (variant.includes("no-extra-idx"))
      await pool.query(
        "DROP INDEX conversions_visitor_id_idx, notifications_created_at_idx, postback_log_received_at_idx, postback_log_outcome_received_at_idx, conversions_click_created_at_idx, conversions_created_at_idx",
      );
    await pool.query("VACUUM ANALYZE");
    await pool.query("CREATE TABLE bench_baseline (id uuid PRIMARY KEY, click_id text NOT NULL, payout text NOT NULL, created_at timestamptz NOT NULL)");
    let next = 0;
    const batch = (): FastInsert[] =>
      Array.from({ length: B }, () => {
        const id = ids[next++] as string;
        return {
          ids: { conversion: newId(), history: newId(), log: newId(), outbox: newId(), notification: newId() },
          clickId: id,
          hitId: null,
          dedupeKey: `c:${id}:sale:t${id}`,
          type: "sale",
          status: "APPROVED",
          ecom: "",
          rawStatus: "",
          tx: `t${id}`,
          revenue: "1.5",
          currency: "USD",
          accountCurrency: "USD",
          origin: "POSTBACK",
          disablePostbacks: false,
          rawParams: { click_id: id, payout: "1.50", txid: `t${id}` },
          now: new Date(),
          items: [],
          log: { channel: "postback", method: "GET", params: { click_id: id, payout: "1.50", txid: `t${id}` }, ip: "127.0.0.1", networkId: null },
        };
      });
    const run = async (c: pg.PoolClient | pg.Pool, n: number) => {
      for (let i = 0; i < n; i++) {
        const f = batchInsertSql(batch());
        await c.query({ name: "batch", text: f.text, values: f.values as unknown[] });
      }
    };
    const plain = async (c: pg.PoolClient | pg.Pool, n: number) => {
      for (let i = 0; i < n; i++)
        await c.query({
          name: "plain",
          text: "INSERT INTO bench_baseline (id, click_id, payout, created_at) VALUES ($1, $2, $3, now())",
          values: [newId(), "x", "1.50"],
        });
    };
    if (process.env.BENCH_EXPLAIN) {
      await run(pool, 3);
      const f = batchInsertSql(batch());
      const r = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, WAL) ${f.text}`, f.values as unknown[]);
      for (const row of r.rows) process.stdout.write(`${row["QUERY PLAN"]}\n`);
    }
    const clients = await Promise.all(Array.from({ length: PAR }, () => pool.connect()));
    await run(clients[0] as pg.PoolClient, 5); // warm (plan)
    const { readFileSync } = await import("node:fs");
    const bpid = (await (clients[0] as pg.PoolClient).query("SELECT pg_backend_pid() AS p")).rows[0].p;
    const ticks = () => {
      const f = readFileSync(`/proc/${bpid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return (Number(f[11]) + Number(f[12])) * 10;
    };
    const k0 = ticks();
    let t = performance.now();
    await run(clients[0] as pg.PoolClient, N);
    let ms = performance.now() - t;
    const seq = { msPerBatch: +(ms / N).toFixed(2), rowsPerSec: Math.round((N * B * 1000) / ms), pgCpuUsPerRow: Math.round(((ticks() - k0) * 1000) / (N * B)) };
    await Promise.all(clients.map((c) => run(c, 2)));
    t = performance.now();
    await Promise.all(clients.map((c) => run(c, Math.floor(N / PAR))));
    ms = performance.now() - t;
    const par = { rowsPerSec: Math.round((Math.floor(N / PAR) * PAR * B * 1000) / ms) };
    await plain(clients[0] as pg.PoolClient, 200);
    const k1 = ticks();
    await plain(clients[0] as pg.PoolClient, 1000);
    const plainCpuUs = Math.round(((ticks() - k1) * 1000) / 1000);
    t = performance.now();
    await Promise.all(clients.map((c) => plain(c, 2000 / PAR)));
    ms = performance.now() - t;
    const plainPar = { rowsPerSec: Math.round((2000 * 1000) / ms) };
    for (const c of clients) c.release();
    await pool.end();
    process.stdout.write(`${JSON.stringify({ variant, batch: B, par: PAR, seq, parallel: par, plainInsertParallel: plainPar, plainCpuUs })}\n`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
    await a.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    await a.end();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
