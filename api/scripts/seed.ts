// pnpm seed: demo configuration (source, network, offers, landers, a campaign with flows) in DATABASE_URL or
// the embedded database under DATA_DIR. Applies pending migrations first; safe to run twice.
import { parseConfig } from "../src/config.js";
import { connectDatabase } from "../src/db/connect.js";
import { applyMigrations } from "../src/db/migrate.js";
import type { Deps } from "../src/deps.js";
import { memoryBus } from "../src/lib/bus.js";
import { memoryCounters } from "../src/lib/counters.js";
import { createLogger } from "../src/lib/logger.js";
import { createOutbound } from "../src/lib/outbound.js";
import { seedDemo } from "../src/schema/seed/demo.js";

const config = parseConfig();
const db = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const deps: Deps = {
  config,
  db,
  bus: memoryBus(),
  counters: memoryCounters(),
  logger: createLogger(config.logLevel),
  outbound: createOutbound({ allowPrivate: false }),
};
try {
  await db.withMigrationAdapter((factory) => applyMigrations(factory));
  await db.prisma.settings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  const r = await seedDemo(deps);
  console.log(r.created ? `demo data created; tracking link: ${r.trackingLink}` : `demo campaign ${r.slug} already exists; nothing changed`);
  console.log("running api nodes pick the new configuration up on their next snapshot refresh (or restart them)");
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await deps.outbound.close();
  await deps.counters.close();
  await db.close();
}
