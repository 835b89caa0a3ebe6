// The database: PostgreSQL through pg when DATABASE_URL is set, otherwise embedded PGlite with its files under
// DATA_DIR. Same schema, same migrations, same Prisma client and the same raw SQL executor on both.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite, types as pgliteTypes, type Transaction as PGliteTx } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.js";
import { checkout } from "./checkout.js";
import type { SqlExecutor, SqlFragment } from "./sql.js";

export interface Database {
  kind: "postgres" | "pglite";
  prisma: PrismaClient;
  sql: SqlExecutor;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /**
   * Runs `fn` with an adapter for the schema engine. On PostgreSQL it has its own single connection, so the
   * migration advisory lock and the migration's transactions never share (or wait on) the app's pool.
   */
  withMigrationAdapter<T>(fn: (factory: SqlMigrationAwareDriverAdapterFactory) => Promise<T>): Promise<T>;
  /** Cheap reachability probe for /health and the click engine's outage detection. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Pool size for PostgreSQL. */
  poolMax?: number;
  /** Statement timeout for the pg pool, so a hung database never hangs a request forever. */
  statementTimeoutMs?: number;
}

export async function connectDatabase(opts: ConnectOptions): Promise<Database> {
  return opts.databaseUrl ? connectPostgres(opts.databaseUrl, opts) : connectPglite(opts.dataDir);
}

function connectPostgres(url: string, opts: ConnectOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolMax ?? 10,
    connectionTimeoutMillis: 5_000,
    statement_timeout: opts.statementTimeoutMs ?? 30_000,
    idleTimeoutMillis: 30_000,
  });
  // A dropped connection must not crash the process; the pool replaces it on the next checkout.
  pool.on("error", () => {});
  const adapterFactory = new PrismaPg(pool, { onPoolError: () => {}, onConnectionError: () => {} });
  const prisma = new PrismaClient({ adapter: adapterFactory });
  const exec = (client: pg.Pool | pg.PoolClient): SqlExecutor => ({
    async query<T>(f: SqlFragment) {
      return (await client.query(f.text, f.values as unknown[])).rows as T[];
    },
    async execute(f: SqlFragment) {
      return (await client.query(f.text, f.values as unknown[])).rowCount ?? 0;
    },
    async transaction<R>(fn: (tx: SqlExecutor) => Promise<R>) {
      const held = client instanceof pg.Pool ? await checkout(client) : null;
      const conn = held ? held.client : (client as pg.PoolClient);
      try {
        await conn.query("BEGIN");
        const result = await fn(exec(conn));
        await conn.query("COMMIT");
        return result;
      } catch (err) {
        await conn.query("ROLLBACK").catch(() => {});
        throw err;
      } finally {
        held?.release();
      }
    },
  });
  return {
    kind: "postgres",
    prisma,
    sql: exec(pool),
    adapterFactory,
    async withMigrationAdapter(fn) {
      const migrationPool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 1_000 });
      migrationPool.on("error", () => {});
      try {
        return await fn(new PrismaPg(migrationPool, { onPoolError: () => {}, onConnectionError: () => {} }));
      } finally {
        await migrationPool.end().catch(() => {});
      }
    },
    async ping(timeoutMs = 2_000) {
      return withTimeout(
        pool.query("SELECT 1").then(() => true),
        timeoutMs,
      ).catch(() => false);
    },
    async close() {
      await prisma.$disconnect().catch(() => {});
      await pool.end().catch(() => {});
    },
  };
}

// PGlite's defaults parse numeric and int8 to JS numbers; keep them as strings, as pg does, so money stays exact.
const pgliteParsers = {
  [pgliteTypes.NUMERIC]: (v: string) => v,
  [pgliteTypes.INT8]: (v: string) => v,
};

async function connectPglite(dataDir: string): Promise<Database> {
  const dir = path.resolve(dataDir, "pglite");
  await mkdir(dir, { recursive: true });
  const pglite = await PGlite.create(dir);
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  const exec = (client: PGlite | PGliteTx): SqlExecutor => ({
    async query<T>(f: SqlFragment) {
      return (await client.query<T>(f.text, f.values as unknown[], { parsers: pgliteParsers })).rows;
    },
    async execute(f: SqlFragment) {
      return (await client.query(f.text, f.values as unknown[], { parsers: pgliteParsers })).affectedRows ?? 0;
    },
    async transaction<R>(fn: (tx: SqlExecutor) => Promise<R>) {
      if (client instanceof PGlite) return client.transaction((tx) => fn(exec(tx)));
      return fn(exec(client));
    },
  });
  return {
    kind: "pglite",
    prisma,
    sql: exec(pglite),
    adapterFactory,
    // One embedded database, one connection: migrations use it before anything else runs.
    withMigrationAdapter: (fn) => fn(adapterFactory),
    async ping() {
      return pglite.query("SELECT 1").then(
        () => true,
        () => false,
      );
    },
    async close() {
      await prisma.$disconnect().catch(() => {});
      await pglite.close().catch(() => {});
    },
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}
