// buildApp(config) -> { server, deps, start, stop }. One node:http listener; requests split at the top:
// tracking routes (hot path) first, then /graphql (HTTP, SSE, graphql-ws), /admin/api (REST), /admin (console),
// /health. The listener starts even while the database is unreachable; the database is initialised in the
// background and GraphQL/REST answer 503 until it is ready.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import sirv from "sirv";
import { ensureFirstAdmin } from "./auth/auth.service.js";
import type { Config } from "./config.js";
import { connectDatabase, type Database } from "./db/connect.js";
import { MigrationError, applyMigrations, migrationState } from "./db/migrate.js";
import type { Deps } from "./deps.js";
import { attachGraphQLWs } from "./graphql/ws.js";
import { GRAPHQL_LIMITS, createGraphQL } from "./graphql/yoga.js";
import { memoryBus, redisBus } from "./lib/bus.js";
import { memoryCounters, redisCounters } from "./lib/counters.js";
import { sendJson, sendText } from "./lib/http.js";
import { RangeList, clientIp } from "./lib/ip.js";
import { createLogger, type Logger } from "./lib/logger.js";
import { boundedStop } from "./lib/shutdown.js";
import { createOutbound } from "./lib/outbound.js";
import { createOutbox } from "./outbox/worker.js";
import { closeHotPool } from "./conversions/hot-pool.js";
import { createRollupWorker, ensureRollupTriggers } from "./reports/rollup.js";
import { restRoutes } from "./rest/index.js";
import { createRestRouter } from "./rest/router.js";
import { type Tracking, createTracking } from "./tracking/index.js";
import { VERSION } from "./version.js";
import { sqltag } from "@prisma/client/runtime/client";

export interface App {
  server: http.Server;
  deps: Deps;
  /** The hot path (the click engine's snapshot, writer and counters are read by tests and status queries). */
  tracking: Tracking;
  /** Resolves once migrations are applied and the first admin exists; rejects on a failed migration. */
  ready: Promise<void>;
  start(): Promise<{ port: number; url: string }>;
  stop(): Promise<void>;
}

export interface BuildOptions {
  logger?: Logger;
  /** Called once with the generated first-admin password (default: printed to stdout). */
  onFirstAdmin?: (info: { email: string; generatedPassword: string | null }) => void;
}

export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<App> {
  const logger = opts.logger ?? createLogger(config.logLevel, !config.production && process.stdout.isTTY);
  const db = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: config.dbPoolMax });
  const redis = config.redisUrl ? createRedisClients(config.redisUrl, logger) : null;
  const deps: Deps = {
    config,
    db,
    logger,
    bus: redis ? redisBus(redis.pub, redis.sub, config.redisPrefix) : memoryBus(),
    counters: redis ? redisCounters(redis.cmd, config.redisPrefix) : memoryCounters(),
    outbound: createOutbound({ allowPrivate: config.outboundAllowPrivate }),
  };

  const trusted = new RangeList(config.trustedProxies);
  const ipOf = (req: IncomingMessage) => clientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);

  const tracking = createTracking(deps);
  const outbox = createOutbox(deps);
  const rollups = createRollupWorker(deps, config.reportsRollupIntervalMs);
  const yoga = createGraphQL(deps);
  const rest = createRestRouter(deps, restRoutes);
  const consoleFiles = existsSync(config.consoleDist) ? sirv(config.consoleDist, { single: true, dev: !config.production, etag: true }) : null;

  let isReady = false;
  let initError: Error | null = null;

  const server = http.createServer((req, res) => {
    const ip = ipOf(req);
    try {
      if (tracking.handle(req, res, ip)) return;
      const path = (req.url ?? "/").split("?")[0] as string;
      if (path === "/health") return void health(res);
      if (path === "/graphql" || path.startsWith("/admin/api/")) {
        if (!isReady)
          return void sendJson(
            res,
            503,
            { error: initError ? "database migration failed" : "starting: the database is not reachable yet" },
            { "retry-after": "2" },
          );
        if (path === "/graphql") return void handleGraphQL(req, res, ip);
        return void rest(req, res, ip);
      }
      if (path === "/admin" || path.startsWith("/admin/")) return void serveConsole(req, res);
      if (path === "/") {
        res.writeHead(302, { location: "/admin/" });
        return void res.end();
      }
      sendText(res, 404, "not found");
    } catch (err) {
      logger.error({ err }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
    }
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 60_000;
  const ws = attachGraphQLWs(server, yoga, deps, ipOf);

  function handleGraphQL(req: IncomingMessage, res: ServerResponse, ip: string) {
    const declared = Number(req.headers["content-length"] ?? "0");
    if (req.method === "POST" && (!req.headers["content-length"] || declared > GRAPHQL_LIMITS.maxBodyBytes)) {
      req.resume();
      return sendJson(res, req.headers["content-length"] ? 413 : 411, {
        errors: [
          { message: req.headers["content-length"] ? `request body too large: at most ${GRAPHQL_LIMITS.maxBodyBytes} bytes` : "Content-Length is required" },
        ],
      });
    }
    const requestId = randomUUID();
    res.setHeader("x-request-id", requestId);
    void yoga(req, res, { ip, requestId });
  }

  function serveConsole(req: IncomingMessage, res: ServerResponse) {
    if (!consoleFiles) return sendText(res, 503, "The console is not built. Run `pnpm build` (or `pnpm start`, which builds it).");
    const url = req.url ?? "/admin/";
    if (url === "/admin") {
      res.writeHead(301, { location: "/admin/" });
      return void res.end();
    }
    req.url = url.slice("/admin".length) || "/";
    res.setHeader("x-frame-options", "DENY");
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("referrer-policy", "same-origin");
    consoleFiles(req, res, () => sendText(res, 404, "not found"));
  }

  async function health(res: ServerResponse) {
    const reachable = await db.ping(1_000);
    const migrations = reachable ? await migrationState((q) => db.sql.query(sqltag([q]))) : null;
    const ok = reachable && isReady && migrations !== null && migrations.pending.length === 0;
    sendJson(res, ok ? 200 : 503, {
      status: ok ? "ok" : "degraded",
      version: VERSION,
      database: { kind: db.kind, reachable, ready: isReady, ...(initError ? { error: initError.message } : {}) },
      migrations: migrations ? { applied: migrations.applied.length, pending: migrations.pending, latest: migrations.applied.at(-1) ?? null } : null,
      redis: redis ? { configured: true, status: redis.cmd.status } : { configured: false },
    });
  }

  /** Waits for the database, applies migrations, creates the first admin. Retries while unreachable. */
  async function initDatabase(): Promise<void> {
    let warned = false;
    for (;;) {
      if (stopping) return;
      if (await db.ping(2_000)) break;
      if (!warned) logger.warn("database not reachable; retrying every 2 s (tracking keeps answering from its last-known-good config)");
      warned = true;
      await sleep(2_000);
    }
    const applied = await db.withMigrationAdapter((factory) => applyMigrations(factory));
    if (applied.length) logger.info({ applied }, "migrations applied");
    await ensureRollupTriggers(db.sql);
    await db.prisma.settings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
    const admin = await ensureFirstAdmin(deps);
    if (admin) (opts.onFirstAdmin ?? printFirstAdmin)(admin);
    await tracking.start();
    if (config.outboxWorker) outbox.start();
    rollups.start();
    isReady = true;
    logger.info({ database: db.kind }, "ready");
  }

  let stopping = false;
  let readyResolve!: () => void;
  let readyReject!: (e: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    readyResolve = resolve;
    readyReject = reject;
  });
  ready.catch(() => {});

  return {
    server,
    deps,
    tracking,
    ready,
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => resolve());
      });
      const port = (server.address() as AddressInfo).port;
      initDatabase().then(readyResolve, (err: Error) => {
        initError = err instanceof MigrationError ? err : new MigrationError(`database initialisation failed: ${err.message}`);
        logger.fatal({ err: initError.message }, "startup failed");
        readyReject(initError);
      });
      return { port, url: `http://127.0.0.1:${port}` };
    },
    async stop() {
      stopping = true;
      await ws.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      });
      // Each part gets a deadline: a part that cannot finish (a database that stopped answering) is logged and
      // left behind rather than holding the process, or a test run, forever. The click writer bounds its own flush
      // and leaves what it could not write in the spool for the next start.
      const step = (name: string, fn: () => Promise<unknown>, ms = 10_000) => boundedStop(logger, name, fn, ms);
      await step("click engine", () => tracking.stop());
      await step("outbox", () => outbox.stop());
      await step("conversion pool", () => closeHotPool(deps));
      await step("rollup worker", () => rollups.stop());
      await step("counters", () => deps.counters.close());
      await step("outbound client", () => deps.outbound.close());
      await step("database", () => db.close());
      if (redis) await step("redis", () => Promise.all([redis.cmd.quit(), redis.pub.quit(), redis.sub.quit()]));
    },
  };
}

function createRedisClients(url: string, logger: Logger) {
  const make = (role: string) => {
    const client = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
    client.on("error", (err) => logger.warn({ err: err.message, role }, "redis error"));
    return client;
  };
  return { cmd: make("commands"), pub: make("publish"), sub: make("subscribe") };
}

function printFirstAdmin(info: { email: string; generatedPassword: string | null }) {
  if (!info.generatedPassword) {
    process.stdout.write(`\nFirst admin created: ${info.email} (password from ADMIN_PASSWORD)\n\n`);
    return;
  }
  process.stdout.write(
    `\n  First admin created. This password is shown once; store it now.\n    email:    ${info.email}\n    password: ${info.generatedPassword}\n\n`,
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type { Database };
