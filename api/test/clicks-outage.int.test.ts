// RELIABILITY I1/I2/I7 for clicks: PostgreSQL goes away for 15 s in the middle of a load (a TCP proxy in front of
// it is cut); every request is answered with a redirect, /offer keeps working for just-made clicks, and once the
// database is back there is exactly one click row per answered request. Then a `kill -9` of an api process whose
// clicks sit in the spool loses nothing that was answered.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDatabase } from "../src/db/connect.js";
import { newId } from "../src/lib/ids.js";
import { startTestApp, type TestApp } from "./helpers/app.js";
import { click, reloadConfig, seedCampaign, seedLanding, seedOffer } from "./helpers/click-seed.js";
import { createTestDatabase, type TestDatabase } from "./helpers/pg.js";
import { startTcpProxy, type TcpProxy, viaProxy } from "./helpers/tcp-proxy.js";

const UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
const clickIdOf = (cookies: string[]) => ((cookies.find((c) => c.startsWith("_tly_click=")) ?? "").split(";")[0] ?? "").split("=")[1] ?? "";

/** Runs `workers` loops of GET url until stop(); returns answered click ids and any failure. */
function load(url: string, workers: number) {
  const answered: string[] = [];
  const failures: string[] = [];
  let running = true;
  let i = 0;
  const loops = Array.from({ length: workers }, async () => {
    while (running) {
      try {
        const r = await fetch(`${url}?sub1=${++i}`, {
          redirect: "manual",
          headers: { "user-agent": UA, "x-forwarded-for": `198.18.${i % 250}.${(i >> 8) % 250}` },
        });
        await r.arrayBuffer();
        const id = clickIdOf(r.headers.getSetCookie());
        if (r.status === 302 && id) answered.push(id);
        else failures.push(`status ${r.status}`);
      } catch (err) {
        failures.push((err as Error).message);
      }
    }
  });
  return {
    answered,
    failures,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

async function rowsFor(url: string, ids: string[]): Promise<{ rows: number; distinct: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query("SELECT count(*)::int AS rows, count(DISTINCT id)::int AS distinct FROM clicks WHERE id = ANY($1::uuid[])", [ids]);
    return r.rows[0] as { rows: number; distinct: number };
  } finally {
    await c.end();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("PostgreSQL down for 15 s mid-load", () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let directUrl: string;
  beforeAll(async () => {
    process.env.TRACKILY_TEMPLATE_DB ??= inject("templateDb");
    const db = await createTestDatabase();
    directUrl = db.url;
    proxy = await startTcpProxy(Number(new URL(db.url).port || 5432));
    t = await startTestApp({
      shareDatabaseOf: { db, redisPrefix: "" } as unknown as TestApp,
      env: { DATABASE_URL: viaProxy(db.url, proxy), TRUSTED_PROXIES: "127.0.0.1" },
    });
    (t as { db: TestDatabase }).db = db;
  });
  afterAll(async () => {
    await t?.stop();
    await t?.db?.drop().catch(() => {});
    await proxy?.close();
  });

  it("answers every click, serves /offer for fresh clicks, and ends with exactly one row per answered click", async () => {
    const offer = await seedOffer(t, { url: "https://offer.example.com/" });
    const landing = await seedLanding(t, { html: "<a href='{{offer_url}}'>go</a>" });
    await seedCampaign(t, { slug: "load", flows: [{ offers: [{ id: offer }] }] });
    await seedCampaign(t, { slug: "lp", flows: [{ landings: [{ id: landing }], offers: [{ id: offer }] }] });
    await reloadConfig(t);

    const run = load(`${t.url}/c/load`, 8);
    await sleep(3_000);
    proxy.cut();
    const cutAt = run.answered.length;
    await sleep(2_000);
    // A lander click and its /offer while the database is down.
    const lp = await click(t, "/c/lp");
    expect(lp.status).toBe(200);
    const lpClick = clickIdOf(lp.cookies);
    const o = await click(t, `/offer/${lpClick}/${offer}`);
    expect(o.status).toBe(302);
    expect(o.location.startsWith("https://offer.example.com/?sub2=")).toBe(true);
    await sleep(13_000);
    const duringOutage = run.answered.length - cutAt;
    expect(t.app.tracking.engine.writer.stats.mode).toBe("spool");
    proxy.restore();
    await sleep(4_000);
    await run.stop();

    expect(run.failures).toEqual([]);
    expect(duringOutage).toBeGreaterThan(50);
    const ids = [...run.answered, lpClick];
    await expect
      .poll(async () => (await rowsFor(directUrl, ids)).rows, { timeout: 30_000, interval: 500, message: JSON.stringify(t.app.tracking.engine.writer.stats) })
      .toBe(ids.length);
    expect(await rowsFor(directUrl, ids)).toEqual({ rows: ids.length, distinct: ids.length });
    // No rows beyond the answered ones, and the landing click-through recorded after replay.
    const c = new pg.Client({ connectionString: directUrl });
    await c.connect();
    const total = (await c.query("SELECT count(*)::int AS n FROM clicks")).rows[0].n as number;
    const hits = (await c.query("SELECT kind FROM hits WHERE click_id = $1 ORDER BY kind", [lpClick])).rows.map((r) => r.kind);
    await c.end();
    expect(total).toBe(ids.length);
    expect(hits).toEqual(["LANDING", "OFFER"]);
    expect(t.app.tracking.engine.writer.stats.mode).toBe("db");
    // I7: GraphQL/REST serve again without a restart.
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  }, 120_000);
});

describe("kill -9 of an api process with clicks in its spool", () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  let db: TestDatabase;
  let proxy: TcpProxy;
  let dataDir: string;
  const procs: ChildProcess[] = [];
  beforeAll(async () => {
    process.env.TRACKILY_TEMPLATE_DB ??= inject("templateDb");
    db = await createTestDatabase();
    proxy = await startTcpProxy(Number(new URL(db.url).port || 5432));
    dataDir = await mkdtemp(path.join(os.tmpdir(), "trackily-kill-"));
  });
  afterAll(async () => {
    for (const p of procs) if (p.exitCode === null) p.kill("SIGKILL");
    await proxy?.close();
    await db?.drop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  });

  const startApi = async (readyPath = "/health") => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: path.resolve(here, ".."),
      env: {
        ...process.env,
        NODE_ENV: "test",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: viaProxy(db.url, proxy),
        DATA_DIR: dataDir,
        LOG_LEVEL: "silent",
        ADMIN_PASSWORD: "kill-test-password",
      },
      stdio: "ignore",
    });
    procs.push(child);
    const url = `http://127.0.0.1:${port}`;
    await expect
      .poll(async () => (await fetch(`${url}${readyPath}`, { redirect: "manual" }).catch(() => null))?.status, { timeout: 60_000, interval: 200 })
      .toBeOneOf([200, 302]);
    return { child, url };
  };

  it("loses nothing that was answered", async () => {
    const prisma = await connectDatabase({ databaseUrl: db.url, dataDir });
    const offer = newId();
    await prisma.prisma.offer.create({ data: { id: offer, name: "o", url: "https://offer.example.com/" } });
    const campaignId = newId();
    await prisma.prisma.campaign.create({ data: { id: campaignId, name: "k", slug: "kill" } });
    await prisma.prisma.flow.create({ data: { id: newId(), campaignId, type: "DEFAULT", offers: { create: [{ id: newId(), offerId: offer }] } } });
    await prisma.close();

    const first = await startApi();
    const run = load(`${first.url}/c/kill`, 8);
    await sleep(2_000);
    proxy.cut(); // from here clicks are answered from the fsync'd spool
    await sleep(3_000);
    first.child.kill("SIGKILL");
    await run.stop();
    const answered = run.answered;
    expect(answered.length).toBeGreaterThan(50);
    // A fresh process started while the database is still down routes from the persisted last-known-good config.
    const second = await startApi("/c/kill?probe=1");
    const r = await click({ url: second.url } as TestApp, "/c/kill");
    expect(r.status).toBe(302);
    answered.push(clickIdOf(r.cookies));
    proxy.restore();
    // ... and replays what the dead one spooled, once the database is back.
    await expect.poll(async () => (await rowsFor(db.url, answered)).rows, { timeout: 30_000, interval: 500 }).toBe(answered.length);
    expect(await rowsFor(db.url, answered)).toEqual({ rows: answered.length, distinct: answered.length });
  }, 120_000);
});
