// Click benchmark (`pnpm bench:clicks`): a bare Node http server answering 302 and Trackily's /c/:slug, each in its
// own process, loaded the same way by wrk (keep-alive, 64 connections, random IPs and 500+ real user agents).
// Prints both throughputs, the ratio, Trackily's latency percentiles and how many answered clicks are missing from
// PostgreSQL afterwards. The last line is JSON. Env: BENCH_SECONDS (default 15 per server), BENCH_CONNECTIONS (64),
// BENCH_DATABASE_URL (admin URL of the PostgreSQL server to create a throwaway database on).
// The bare server runs half its time before Trackily's run and half after, so a machine whose speed drifts during
// the run (other tenants of a shared host) moves both figures alike. Trackily's run is one piece: background work
// it causes (the rollup worker, WAL) competes with the clicks it answers instead of catching up in a pause.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { connectDatabase } from "../src/db/connect.js";
import { applyMigrations } from "../src/db/migrate.js";
import { newId } from "../src/lib/ids.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const apiDir = path.resolve(here, "..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const THREADS = Number(process.env.BENCH_THREADS ?? 2);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const GEOIP = process.env.BENCH_GEOIP_DIR ?? path.resolve(apiDir, "../../shared/geoip");

interface WrkResult {
  requests: number;
  rps: number;
  non2xx3xx: number;
  socketErrors: number;
  p50Ms: number;
  p75Ms: number;
  p90Ms: number;
  p99Ms: number;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "trackily-bench-"));
const children: ChildProcess[] = [];
const log = (s: string) => process.stdout.write(`${s}\n`);

async function main() {
  const uas = loadUserAgents(600);
  const script = path.join(tmp, "clicks.lua");
  writeFileSync(script, luaScript(uas));
  log(`bench: ${uas.length} distinct user agents, ${CONNECTIONS} connections, ${THREADS} wrk threads, ${SECONDS} s per server (bare: half before, half after)`);

  // 1. The bare server.
  const barePort = await freePort();
  const bare = spawnNode(
    ["-e", `require("http").createServer((q,s)=>{s.writeHead(302,{location:"https://offer.example.com/"});s.end()}).listen(${barePort},"127.0.0.1")`],
    {},
  );
  await waitFor(`http://127.0.0.1:${barePort}/`, () => true);
  await wrk(`http://127.0.0.1:${barePort}`, script, 3); // warm-up

  // 2. Trackily against a throwaway database with a realistic campaign.
  const dbName = `trackily_bench_${randomBytes(4).toString("hex")}`;
  await admin(`CREATE DATABASE "${dbName}"`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  try {
    await seed(dbUrl.toString());
    const port = await freePort();
    // The production bundle (`pnpm start`, the Docker image), built by the bench:clicks script just before.
    const api = spawnNode([...(process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean), "dist/main.js"], {
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: dbUrl.toString(),
      DATA_DIR: path.join(tmp, "data"),
      LOG_LEVEL: "warn",
      ADMIN_PASSWORD: "bench-password-1",
      TRUSTED_PROXIES: "127.0.0.1",
      GEOIP_CITY_PATH: path.join(GEOIP, "GeoLite2-City-Test.mmdb"),
      GEOIP_ASN_PATH: path.join(GEOIP, "GeoLite2-ASN-Test.mmdb"),
    });
    await waitFor(`http://127.0.0.1:${port}/health`, (s) => s === 200);
    await wrk(`http://127.0.0.1:${port}`, script, 3); // warm-up (JIT, UA cache, pool)
    const before = await countClicks(dbUrl.toString());
    // CPU time per click, which the machine's other load disturbs far less than throughput: the api process, and
    // the PostgreSQL backends serving it (WAL writer and checkpointer not included).
    const backends = await backendPids(dbName);

    const bareRuns: WrkResult[] = [];
    let bareCpuMs = 0;
    const runBare = async () => {
      const c0 = cpuMsOf(bare.pid);
      bareRuns.push(await wrk(`http://127.0.0.1:${barePort}`, script, Math.ceil(SECONDS / 2)));
      bareCpuMs += cpuMsOf(bare.pid) - c0;
    };
    await runBare();
    const a0 = cpuMsOf(api.pid);
    const p0 = new Map(backends.map((pid) => [pid, cpuMsOf(pid)]));
    const res = await wrk(`http://127.0.0.1:${port}`, script, SECONDS);
    const apiCpuMs = cpuMsOf(api.pid) - a0;
    // Backends that connected during the run (a pool growing or replacing an idle connection) count from zero.
    const pids = new Set([...backends, ...(await backendPids(dbName))]);
    const pgCpuMs = [...pids].reduce((a, pid) => a + Math.max(0, cpuMsOf(pid) - (p0.get(pid) ?? 0)), 0);
    await runBare();
    bare.kill("SIGTERM");
    const bareRes = combine(bareRuns);
    const bareCpuUs = (bareCpuMs * 1000) / Math.max(1, bareRes.requests);
    const apiCpuUs = (apiCpuMs * 1000) / Math.max(1, res.requests);
    const pgCpuUs = (pgCpuMs * 1000) / Math.max(1, res.requests);
    log(`bare before / after: ${bareRuns.map((x) => x.rps.toFixed(0)).join(" / ")} req/s`);
    log(`bare 302 server: ${bareRes.rps.toFixed(0)} req/s, p99 ${bareRes.p99Ms} ms`);
    await new Promise((r) => setTimeout(r, 1_000));
    const after = await countClicks(dbUrl.toString());
    // Let it stop before the database is dropped under it.
    const exited = new Promise((r) => api.once("exit", r));
    api.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    const answered = res.requests - res.non2xx3xx;
    const recorded = after - before;
    const missing = Math.max(0, answered - recorded);
    const ratio = res.rps / bareRes.rps;
    log(`trackily /c/:slug: ${res.rps.toFixed(0)} clicks/s, p50 ${res.p50Ms} ms, p75 ${res.p75Ms} ms, p90 ${res.p90Ms} ms, p99 ${res.p99Ms} ms`);
    log(`answered ${answered}, non-2xx/3xx ${res.non2xx3xx}, socket errors ${res.socketErrors}, click rows ${recorded}, missing ${missing}`);
    log(`ratio to bare: ${(ratio * 100).toFixed(1)}% (target >= 20%), p99 target < 10 ms`);
    log(`CPU per click: api ${apiCpuUs.toFixed(0)} us, PostgreSQL backends ${pgCpuUs.toFixed(0)} us; bare server ${bareCpuUs.toFixed(0)} us per request`);
    log(
      JSON.stringify({
        clicksPerSec: Math.round(res.rps),
        bareRps: Math.round(bareRes.rps),
        ratio: Number(ratio.toFixed(4)),
        p50Ms: res.p50Ms,
        p90Ms: res.p90Ms,
        p99Ms: res.p99Ms,
        bareP99Ms: bareRes.p99Ms,
        apiCpuUsPerClick: Math.round(apiCpuUs),
        pgCpuUsPerClick: Math.round(pgCpuUs),
        bareCpuUsPerRequest: Math.round(bareCpuUs),
        answered,
        recorded,
        missing,
        non2xx3xx: res.non2xx3xx,
        connections: CONNECTIONS,
        seconds: SECONDS,
        userAgents: uas.length,
      }),
    );
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
  }
}

/**
 * Several wrk runs of equal length as one: requests and errors add up, the rate is their mean, and each latency
 * percentile is the worst run's (percentiles of separate runs cannot be merged exactly). Only the bare server's
 * two halves are combined; its latency is printed for context, the targets apply to Trackily's own run.
 */
function combine(runs: WrkResult[]): WrkResult {
  const sum = (f: (r: WrkResult) => number) => runs.reduce((a, r) => a + f(r), 0);
  const worst = (f: (r: WrkResult) => number) => Math.max(...runs.map(f));
  return {
    requests: sum((r) => r.requests),
    rps: sum((r) => r.rps) / runs.length,
    non2xx3xx: sum((r) => r.non2xx3xx),
    socketErrors: sum((r) => r.socketErrors),
    p50Ms: worst((r) => r.p50Ms),
    p75Ms: worst((r) => r.p75Ms),
    p90Ms: worst((r) => r.p90Ms),
    p99Ms: worst((r) => r.p99Ms),
  };
}

function loadUserAgents(n: number): string[] {
  const file = path.join(apiDir, "node_modules/user-agents/dist/user-agents.json");
  const data = JSON.parse(readFileSync(file, "utf8")) as Array<{ userAgent: string; weight: number }>;
  const seen = new Set<string>();
  for (const d of [...data].sort((a, b) => b.weight - a.weight)) {
    if (seen.size >= n) break;
    if (d.userAgent && !d.userAgent.includes("\n")) seen.add(d.userAgent);
  }
  return [...seen];
}

function luaScript(uas: string[]): string {
  const q = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return `local uas = {${uas.map(q).join(",\n")}}
local known = {"81.2.69.142","81.2.69.150","216.160.83.57","89.160.20.120","175.16.199.10","2.125.160.217","214.78.1.9"}
local langs = {"en-US,en;q=0.9","de-DE,de;q=0.8","fr-FR,fr;q=0.9","es-ES,es;q=0.9","sv-SE,sv;q=0.8"}
local counter = 0
setup = function(thread) thread:set("seed", math.random(1, 1000000)) end
init = function(args) math.randomseed(os.time() + (seed or 0)) end
request = function()
  counter = counter + 1
  local ip
  if math.random() < 0.3 then ip = known[math.random(#known)] else
    ip = math.random(1, 223) .. "." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254) end
  local path = "/c/bench?sub1=zone" .. math.random(1, 200) .. "&sub2=" .. math.random(1, 20) .. "&click_id=src" .. counter .. "&cost=0.0" .. math.random(1, 9)
  return wrk.format("GET", path, { ["User-Agent"] = uas[math.random(#uas)], ["X-Forwarded-For"] = ip, ["Accept-Language"] = langs[math.random(#langs)] })
end
`;
}

async function seed(url: string) {
  const db = await connectDatabase({ databaseUrl: url, dataDir: tmp });
  try {
    await db.withMigrationAdapter((f) => applyMigrations(f));
    const p = db.prisma;
    await p.settings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
    const offers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = newId();
      offers.push(id);
      await p.offer.create({
        data: { id, name: `Offer ${i}`, url: `https://offer${i}.example.com/go?cid={click_id}&c={country}&s={sub1}`, dailyCap: i === 4 ? 1000000 : null },
      });
    }
    const landers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = newId();
      landers.push(id);
      await p.landingPage.create({ data: { id, name: `Lander ${i}`, type: "URL", url: `https://lp${i}.example.com/?s={sub1}&os={os}` } });
    }
    const sourceId = newId();
    await p.trafficSource.create({
      data: { id: sourceId, name: "Kadam", template: "kadam", clickIdParam: "click_id", costParam: "cost", campaignIdParam: "campaign_id" },
    });
    const campaignId = newId();
    await p.campaign.create({
      data: {
        id: campaignId,
        name: "Bench",
        slug: "bench",
        sourceId,
        costModel: "CPC",
        costValue: "0.02",
        botFilterEnabled: true,
        fallbackUrl: "https://fallback.example.com/",
      },
    });
    const flow = async (type: "FORCED" | "REGULAR" | "DEFAULT", position: number, filters: unknown[], ls: string[], os_: string[]) =>
      p.flow.create({
        data: {
          id: newId(),
          campaignId,
          type,
          position,
          filters: filters as object[],
          landings: { create: ls.map((l, i) => ({ id: newId(), landingId: l, weight: 100 - i * 30, position: i })) },
          offers: { create: os_.map((o, i) => ({ id: newId(), offerId: o, weight: 100 - i * 20, position: i })) },
        },
      });
    await flow("FORCED", 0, [{ field: "country", operator: "in", value: ["SE", "CN"] }], [landers[0] as string], [offers[0] as string]);
    await flow(
      "REGULAR",
      1,
      [
        { field: "device", operator: "in", value: ["mobile", "tablet"] },
        { field: "language", operator: "not_in", value: ["zh"] },
      ],
      [landers[1] as string, landers[2] as string],
      [offers[1] as string, offers[2] as string],
    );
    await flow("DEFAULT", 2, [], [landers[3] as string], [offers[2] as string, offers[3] as string, offers[4] as string]);
  } finally {
    await db.close();
  }
}

async function countClicks(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query("SELECT count(*)::int AS n FROM clicks")).rows[0].n);
  } finally {
    await c.end();
  }
}

/** User + system CPU time of a process in ms, from /proc (0 when it cannot be read). */
function cpuMsOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = 100;

async function backendPids(dbName: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    const r = await c.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'", [dbName]);
    return r.rows.map((x) => x.pid);
  } finally {
    await c.end();
  }
}

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function spawnNode(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: apiDir, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  children.push(child);
  return child;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function waitFor(url: string, ok: (status: number) => boolean, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(url, { redirect: "manual" });
      await r.text();
      if (ok(r.status)) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function wrk(base: string, script: string, seconds: number): Promise<WrkResult> {
  return new Promise((resolve, reject) => {
    execFile(
      "wrk",
      ["-t", String(THREADS), "-c", String(CONNECTIONS), "-d", `${seconds}s`, "--latency", "-s", script, `${base}/c/bench`],
      { maxBuffer: 10_000_000 },
      (err, stdout) => {
        if (err) return reject(err);
        resolve(parseWrk(stdout));
      },
    );
  });
}

export function parseWrk(out: string): WrkResult {
  const ms = (v: string, unit: string) => {
    const n = Number(v);
    return Number((unit === "us" ? n / 1000 : unit === "s" ? n * 1000 : unit === "m" ? n * 60_000 : n).toFixed(3));
  };
  const pct = (p: string) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, "m").exec(out);
    return m ? ms(m[1] as string, m[2] as string) : Number.NaN;
  };
  const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? 0);
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requests: num(/(\d+) requests in/),
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    non2xx3xx: num(/Non-2xx or 3xx responses: (\d+)/),
    socketErrors: sock ? sock.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
    p50Ms: pct("50"),
    p75Ms: pct("75"),
    p90Ms: pct("90"),
    p99Ms: pct("99"),
  };
}

main()
  .catch((err) => {
    process.stderr.write(`bench failed: ${(err as Error).stack}\n`);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    rmSync(tmp, { recursive: true, force: true });
  });
