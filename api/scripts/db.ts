// pnpm db:migrate | db:reset: apply pending migrations to DATABASE_URL (or the embedded database under DATA_DIR),
// or drop everything and apply them from scratch.
import { sqltag } from "@prisma/client/runtime/client";
import { parseConfig } from "../src/config.js";
import { connectDatabase } from "../src/db/connect.js";
import { applyMigrations } from "../src/db/migrate.js";

const command = process.argv[2];
const config = parseConfig();
const db = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${config.dataDir}`;
try {
  if (command === "reset") {
    if (config.production && !process.argv.includes("--force")) throw new Error("refusing to reset a production database without --force");
    await db.sql.execute(sqltag(["DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"]));
    console.log(`reset ${where}`);
  }
  const applied = await db.withMigrationAdapter((factory) => applyMigrations(factory));
  console.log(applied.length ? `applied ${applied.join(", ")} to ${where}` : `${where} is up to date`);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
