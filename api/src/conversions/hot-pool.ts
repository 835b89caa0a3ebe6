// The conversion hot path's own small pg pool, for PostgreSQL: named prepared statements with generic plans, so
// the big single-statement write of record-sql.ts is planned once per connection instead of on every postback
// (planning it costs more than running it). On PGlite (one embedded connection) the shared executor is used.
import { createHash } from "node:crypto";
import pg from "pg";
import type { SqlFragment } from "../db/sql.js";
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
      statement_timeout: 30_000,
      options: "-c plan_cache_mode=force_generic_plan",
    });
    pool.on("error", () => {});
    pools.set(deps, pool);
  }
  return pool;
}

/** Runs a fixed-text statement as a named prepared statement (PostgreSQL), or through deps.db.sql (PGlite). */
export async function hotQuery<T>(deps: Deps, f: SqlFragment): Promise<T[]> {
  const pool = poolFor(deps);
  if (!pool) return deps.db.sql.query<T>(f);
  let name = names.get(f.text);
  if (!name) {
    name = `tly_${createHash("sha1").update(f.text).digest("hex").slice(0, 16)}`;
    names.set(f.text, name);
  }
  return (await pool.query({ name, text: f.text, values: f.values as unknown[] })).rows as T[];
}

export async function closeHotPool(deps: Deps): Promise<void> {
  const pool = pools.get(deps);
  pools.delete(deps);
  await pool?.end().catch(() => {});
}
