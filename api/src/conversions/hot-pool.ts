// The conversion hot path's own small pg pool, for PostgreSQL: named prepared statements with generic plans, so
// the big single-statement write of record-sql.ts is planned once per connection instead of on every postback
// (planning it costs more than running it). On PGlite (one embedded connection) the shared executor is used.
// jit=off: enable_seqscan=off prices any remaining seq scan (a tiny table compared through a cast) in the 1e10s,
// far above jit_above_cost, and JIT-compiling the write statement took about 2 s per batch (bench:postbacks fell
// to 20/s). These statements run in microseconds; compiling never pays.
// enable_seqscan=off: these connections only look rows up by key, and their plans (and the foreign-key checks'
// plans, made in the same session) are kept for the connection's life. A plan made while a table's statistics say
// it is empty (a fresh install; the benchmark's first seconds) seq-scans it on every lookup as it grows, until the
// next autovacuum analyze; the history row's foreign-key check and the batch's duplicate lookup did (bench:postbacks:
// database CPU per postback 340-365 us; 115 us with this setting, the same as the baseline's plain INSERT).
import { createHash } from "node:crypto";
import pg from "pg";
import { checkout } from "../db/checkout.js";
import type { SqlExecutor, SqlFragment } from "../db/sql.js";
import type { Deps } from "../deps.js";

const pools = new WeakMap<Deps, pg.Pool>();
const names = new Map<string, string>();

function poolFor(deps: Deps): pg.Pool | null {
  if (deps.db.kind !== "postgres" || !deps.config.databaseUrl) return null;
  let pool = pools.get(deps);
  if (!pool) {
    pool = new pg.Pool({
      connectionString: deps.config.databaseUrl,
      max: deps.config.dbPoolMax,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      // A busy pool never idles its connections out, so without a lifetime the generic plans made in a fresh
      // install's first minutes (statistics still saying "empty") would serve for good: connections are replaced
      // every 10 minutes and plan again on current statistics.
      maxLifetimeSeconds: 600,
      statement_timeout: 30_000,
      options: "-c plan_cache_mode=force_generic_plan -c enable_seqscan=off -c jit=off",
    });
    pool.on("error", () => {});
    pools.set(deps, pool);
  }
  return pool;
}

function named(f: SqlFragment): pg.QueryConfig {
  let name = names.get(f.text);
  if (!name) {
    name = `tly_${createHash("sha1").update(f.text).digest("hex").slice(0, 16)}`;
    names.set(f.text, name);
  }
  return { name, text: f.text, values: f.values as unknown[] };
}

/** Runs a fixed-text statement as a named prepared statement (PostgreSQL), or through deps.db.sql (PGlite). */
export async function hotQuery<T>(deps: Deps, f: SqlFragment): Promise<T[]> {
  const pool = poolFor(deps);
  if (!pool) return deps.db.sql.query<T>(f);
  return (await pool.query(named(f))).rows as T[];
}

/** deps.db.sql on the hot pool, statement by statement (each its own transaction); transactions via hotTransaction. */
export function hotExecutor(deps: Deps): SqlExecutor {
  const pool = poolFor(deps);
  if (!pool) return deps.db.sql;
  const ex: SqlExecutor = {
    query: async <T>(f: SqlFragment) => (await pool.query(named(f))).rows as T[],
    execute: async (f: SqlFragment) => (await pool.query(named(f))).rowCount ?? 0,
    transaction: (fn) => hotTransaction(deps, fn),
  };
  return ex;
}

/**
 * deps.db.sql.transaction on the hot pool: every statement of `fn` runs as a named prepared statement (planned once
 * per connection), for the conversion slow path's few fixed-text statements. Statements must have fixed text.
 */
export async function hotTransaction<R>(deps: Deps, fn: (tx: SqlExecutor) => Promise<R>): Promise<R> {
  const pool = poolFor(deps);
  if (!pool) return deps.db.sql.transaction(fn);
  const conn = await checkout(pool);
  const { client } = conn;
  const tx: SqlExecutor = {
    query: async <T>(f: SqlFragment) => (await client.query(named(f))).rows as T[],
    execute: async (f: SqlFragment) => (await client.query(named(f))).rowCount ?? 0,
    transaction: (inner) => inner(tx),
  };
  try {
    await client.query("BEGIN");
    const result = await fn(tx);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    // A connection that cannot even roll back is dropped rather than returned to the pool.
    await client.query("ROLLBACK").catch((e: unknown) => conn.fail(e instanceof Error ? e : new Error(String(e))));
    throw err;
  } finally {
    conn.release();
  }
}

export async function closeHotPool(deps: Deps): Promise<void> {
  const pool = pools.get(deps);
  pools.delete(deps);
  await pool?.end().catch(() => {});
}
