// Once per vitest run: a template database with every migration applied; each test file clones it.
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../src/db/migrate.js";
import { urlFor, withAdmin } from "./helpers/pg.js";

// Several projects (api-integration, pixel-browser, console-browser) name this setup; they share one template,
// made once per process, and the last teardown drops it.
interface Shared {
  made: Promise<{ prefix: string; template: string }>;
  users: number;
}
const g = globalThis as { __trackilyTemplate?: Shared };

export default async function setup(project: TestProject) {
  g.__trackilyTemplate ??= { made: makeTemplate(), users: 0 };
  const shared = g.__trackilyTemplate;
  shared.users++;
  const { prefix, template } = await shared.made;
  process.env.TRACKILY_TEMPLATE_DB = template;
  project.provide("templateDb", template);

  return async () => {
    if (--shared.users > 0) return;
    g.__trackilyTemplate = undefined;
    await withAdmin(async (c) => {
      const rows = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]);
      for (const { datname } of rows.rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
    });
  };
}

async function makeTemplate(): Promise<{ prefix: string; template: string }> {
  const prefix = `tly_test_${Date.now().toString(36)}_${randomBytes(2).toString("hex")}`;
  const template = `${prefix}_tmpl`;
  await withAdmin(async (c) => {
    // Databases left behind by killed runs, older than an hour.
    const stale = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'tly_test_%'");
    for (const { datname } of stale.rows) {
      const ts = Number.parseInt(datname.split("_")[2] ?? "", 36);
      if (Number.isFinite(ts) && Date.now() - ts > 3_600_000) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
    }
    await c.query(`CREATE DATABASE "${template}"`);
  });
  const factory = new PrismaPg({ connectionString: urlFor(template), max: 2 });
  await applyMigrations(factory);
  // The template must have no open connections when cloned.
  await withAdmin((c) => c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [template]));
  return { prefix, template };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}
