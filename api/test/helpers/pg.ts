// A fresh PostgreSQL database per test file, cloned from a template migrated once per run (global-setup.ts).
import { randomBytes } from "node:crypto";
import pg from "pg";

export const adminUrl = (): string => process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function urlFor(database: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Clones the run's migrated template into a new database. */
export async function createTestDatabase(template = process.env.TRACKILY_TEMPLATE_DB): Promise<TestDatabase> {
  if (!template) throw new Error("TRACKILY_TEMPLATE_DB is not set: run integration tests through vitest (global setup creates it)");
  const name = `${template.replace(/_tmpl$/, "")}_${randomBytes(4).toString("hex")}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    name,
    url: urlFor(name),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
