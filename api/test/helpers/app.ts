// Starts a real Trackily on an ephemeral port against a fresh database (PostgreSQL clone, or embedded PGlite),
// and gives tests a typed GraphQL client and REST helpers over real HTTP.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { inject } from "vitest";
import { buildApp, type App } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import { createLogger } from "../../src/lib/logger.js";
import { createTestDatabase, type TestDatabase } from "./pg.js";

export const ADMIN = { email: "admin@test.local", password: "admin-password-1" };

export interface TestApp {
  app: App;
  url: string;
  db: TestDatabase | null;
  redisPrefix: string;
  /** Signs in and returns a bearer token. */
  login(email?: string, password?: string): Promise<string>;
  /** Executes a typed document over HTTP; returns the raw GraphQL response. */
  gql<R, V>(
    doc: TypedDocumentNode<R, V>,
    variables?: V,
    token?: string | null,
  ): Promise<{ data?: R | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
  rest(
    method: string,
    path: string,
    opts?: { token?: string | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<{
    status: number; // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON replies
    body: any;
    headers: Headers;
  }>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** "postgres" (default): a fresh clone of the migrated template; "pglite": embedded in a temp dir. */
  storage?: "postgres" | "pglite";
  /** Share another node's database (several api nodes); the first node owns and drops it. */
  shareDatabaseOf?: TestApp;
  /** Connect to the test Redis (TEST_REDIS_URL) with a key prefix of its own, for multi-node tests. */
  redis?: boolean;
  env?: Record<string, string>;
}

export const testRedisUrl = (): string => process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export async function startTestApp(opts: StartOptions = {}): Promise<TestApp> {
  const storage = opts.storage ?? "postgres";
  let db: TestDatabase | null = null;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "trackily-test-"));
  const shared = opts.shareDatabaseOf?.db ?? null;
  // Nodes of one test share a Redis namespace; other test files running at the same time never see it.
  const redisPrefix = `tly-test:${path.basename(dataDir)}:`;
  if (storage === "postgres" && !shared) {
    process.env.TRACKILY_TEMPLATE_DB ??= inject("templateDb");
    db = await createTestDatabase();
  }
  const config = parseConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    ...(db ? { DATABASE_URL: db.url } : {}),
    ...(shared ? { DATABASE_URL: shared.url } : {}),
    ...(opts.redis ? { REDIS_URL: testRedisUrl(), REDIS_PREFIX: opts.shareDatabaseOf?.redisPrefix ?? redisPrefix } : {}),
    ...opts.env,
  });
  const app = await buildApp(config, { logger: createLogger(config.logLevel), onFirstAdmin: () => {} });
  const { url } = await app.start();
  await app.ready;

  const rest: TestApp["rest"] = async (method, p, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.body !== undefined) {
      body = typeof o.body === "string" ? o.body : JSON.stringify(o.body);
      headers["content-type"] ??= "application/json";
    }
    const res = await fetch(url + p, { method, headers, body, redirect: "manual" });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };

  return {
    app,
    url,
    db: db ?? shared,
    redisPrefix: opts.shareDatabaseOf?.redisPrefix ?? redisPrefix,
    async login(email = ADMIN.email, password = ADMIN.password) {
      const r = await rest("POST", "/admin/api/login", { body: { email, password } });
      if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.token as string;
    },
    async gql(doc, variables, token) {
      const r = await rest("POST", "/graphql", { token, body: { query: print(doc), variables } });
      return r.body;
    },
    rest,
    async stop() {
      await app.stop();
      await db?.drop().catch(() => {}); // only the node that created it
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
