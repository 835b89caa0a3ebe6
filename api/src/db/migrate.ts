// Applies prisma/migrations through Prisma's schema engine (wasm), recording them in _prisma_migrations exactly
// as `prisma migrate deploy` would. Used at startup, by `pnpm db:migrate`, and by the test harness.
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { migrationsDir } from "./paths.js";
import { noFilters, openSchemaEngine, readMigrations } from "./schema-engine.js";

export class MigrationError extends Error {
  override name = "MigrationError";
}

export function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory, dir = migrationsDir): Promise<string[]> {
  // The wasm schema engine is one instance per process and panics when two runs overlap (several api instances
  // in one test process, or several vitest global setups): runs are queued, process-wide.
  const g = globalThis as { __trackilyMigrationQueue?: Promise<unknown> };
  const run = (g.__trackilyMigrationQueue ?? Promise.resolve()).catch(() => {}).then(() => applyNow(factory, dir));
  g.__trackilyMigrationQueue = run;
  return run;
}

async function applyNow(factory: SqlMigrationAwareDriverAdapterFactory, dir: string): Promise<string[]> {
  const engine = await openSchemaEngine(factory);
  try {
    const migrationsList = await readMigrations(dir);
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return appliedMigrationNames;
  } catch (err) {
    throw new MigrationError(`applying migrations from ${dir} failed: ${describe(err)}`);
  } finally {
    engine.free();
  }
}

export interface MigrationState {
  applied: string[];
  pending: string[];
}

/** What is applied and what is pending, read from _prisma_migrations (for /health). */
export async function migrationState(query: (sql: string) => Promise<Array<{ migration_name: string }>>, dir = migrationsDir): Promise<MigrationState> {
  const onDisk = (await readMigrations(dir)).migrationDirectories.map((d) => d.path);
  const rows = await query(
    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
  ).catch(() => []);
  const applied = rows.map((r) => r.migration_name);
  const done = new Set(applied);
  return { applied, pending: onDisk.filter((name) => !done.has(name)) };
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}
