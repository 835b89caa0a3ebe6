// Start-up on PostgreSQL: an empty database is migrated on first start (the app's own pool is busy at the same
// time), /health reports database, migrations and version; a migration that fails stops start-up with a message
// that says so, and the API answers 503 instead of half-working.
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, type TestApp } from "./helpers/app.js";
import { urlFor, withAdmin } from "./helpers/pg.js";

const created: string[] = [];
async function emptyDatabase(setup?: string): Promise<string> {
  const name = `tly_test_${Date.now().toString(36)}_startup_${created.length}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  if (setup) {
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: urlFor(name) });
    await client.connect();
    await client.query(setup);
    await client.end();
  }
  return urlFor(name);
}

const apps: TestApp[] = [];
afterAll(async () => {
  await Promise.all(apps.map((a) => a.stop()));
  for (const name of created) await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).catch(() => {});
});

describe("start-up", () => {
  it("migrates an empty PostgreSQL database, creates the first admin, and reports health", async () => {
    const url = await emptyDatabase();
    const t = await startTestApp({ env: { DATABASE_URL: url } });
    apps.push(t);
    const health = await t.rest("GET", "/health");
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: "ok", database: { kind: "postgres", reachable: true, ready: true }, migrations: { pending: [] } });
    expect(health.body.migrations.applied).toBeGreaterThan(0);
    expect(health.body.version).toMatch(/\d+\.\d+\.\d+/);
    const token = await t.login(ADMIN.email, ADMIN.password);
    const r = await t.rest("GET", "/admin/api/campaigns", { token });
    expect(r.status).toBe(200);
  });

  it("stops with a clear message when a migration fails, and the API answers 503", async () => {
    // A table in the way of the first migration.
    const url = await emptyDatabase('CREATE TABLE "users" (x int)');
    const { buildApp } = await import("../src/app.js");
    const { parseConfig } = await import("../src/config.js");
    const { createLogger } = await import("../src/lib/logger.js");
    const config = parseConfig({
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: url,
      LOG_LEVEL: "silent",
      DATA_DIR: "/tmp/trackily-startup-test",
    });
    const app = await buildApp(config, { logger: createLogger("silent"), onFirstAdmin: () => {} });
    const { url: base } = await app.start();
    try {
      const err = await app.ready.then(
        () => null,
        (e: Error) => e,
      );
      expect(err?.name).toBe("MigrationError");
      expect(err?.message).toMatch(/migrations? .*failed/i);
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { database: { error: string } }).database.error).toMatch(/failed/);
      const gql = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' });
      expect(gql.status).toBe(503);
      expect(((await gql.json()) as { error: string }).error).toBe("database migration failed");
    } finally {
      await app.stop();
    }
  });
});
