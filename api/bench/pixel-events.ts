// Bench of POST /api/event: a real api (PostgreSQL), wrk posting purchase-free funnel events (add_to_cart) for one
// known click over keep-alive connections. Usage: pnpm bench:pixel [seconds] [connections]
// Prints requests/s, latency percentiles and checks that every 202 left exactly one row.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildApp } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { newId } from "../src/lib/ids.js";
import { createLogger } from "../src/lib/logger.js";
import { urlFor, withAdmin } from "../test/helpers/pg.js";

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 50);
const db = `tly_bench_pixel_${Date.now().toString(36)}`;
const dir = await mkdtemp(path.join(os.tmpdir(), "pixel-bench-"));
await withAdmin((c) => c.query(`CREATE DATABASE "${db}"`));
const config = parseConfig({
  NODE_ENV: "production",
  PORT: "0",
  HOST: "127.0.0.1",
  DATA_DIR: dir,
  DATABASE_URL: urlFor(db),
  ADMIN_PASSWORD: "bench-password-1",
  LOG_LEVEL: "silent",
  PIXEL_RATE_LIMIT: "0",
});
const app = await buildApp(config, { logger: createLogger("silent"), onFirstAdmin: () => {} });
try {
  const { url } = await app.start();
  await app.ready;
  const prisma = app.deps.db.prisma;
  const campaignId = newId();
  const visitorId = newId();
  const clickId = newId();
  await prisma.campaign.create({ data: { id: campaignId, name: "bench", slug: "bench" } });
  await prisma.click.create({ data: { id: clickId, campaignId, visitorId, createdAt: new Date() } });
  const body = JSON.stringify({
    name: "add_to_cart",
    click: clickId,
    url: "https://shop.example/p/1",
    referrer: "",
    props: { product: "Shoes", price: 59.99 },
  });
  const lua = path.join(dir, "post.lua");
  await writeFile(
    lua,
    `wrk.method = "POST"\nwrk.body = ${JSON.stringify(body)}\nwrk.headers["Content-Type"] = "text/plain"\n` +
      `wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"\n` +
      `local codes = {}\nresponse = function(status) codes[status] = (codes[status] or 0) + 1 end\n` +
      `done = function(s, l, r) io.write(string.format("latency p50=%.2fms p99=%.2fms\\n", l:percentile(50)/1000, l:percentile(99)/1000)) end\n`,
  );
  // Asynchronously: the api runs in this process and must keep serving while wrk runs.
  const { stdout: out } = await promisify(execFile)("wrk", ["-t2", `-c${connections}`, `-d${seconds}s`, "--latency", "-s", lua, `${url}/api/event`], {
    encoding: "utf8",
  });
  process.stdout.write(out);
  const rows = await prisma.event.count({ where: { clickId } });
  const total = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  process.stdout.write(`events rows: ${rows}; 2xx answered: ${total - non2xx}; non-2xx: ${non2xx}\n`);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const p = (q: string) => /p50=([\d.]+)ms p99=([\d.]+)ms/.exec(out)?.[q === "50" ? 1 : 2];
  process.stdout.write(
    `${JSON.stringify({ bench: "pixel-events", seconds, connections, rps, p50Ms: Number(p("50")), p99Ms: Number(p("99")), answered2xx: total - non2xx, rows, lost: Math.max(0, total - non2xx - rows) })}\n`,
  );
} finally {
  await app.stop();
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`));
  await rm(dir, { recursive: true, force: true });
}
