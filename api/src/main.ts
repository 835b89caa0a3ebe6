// Process entry: config, buildApp(), listen, graceful stop on SIGTERM/SIGINT.
import { buildApp } from "./app.js";
import { type Config, ConfigError, parseConfig } from "./config.js";

async function main() {
  let config: Config;
  try {
    config = parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const app = await buildApp(config);
  const { port } = await app.start();
  app.deps.logger.info({ port, database: config.databaseUrl ? "postgres" : `pglite (${config.dataDir})`, redis: !!config.redisUrl }, "Trackily listening");
  app.ready.catch(async () => {
    process.stderr.write("Trackily could not apply its migrations; see the error above. Stopping.\n");
    await app.stop().catch(() => {});
    process.exit(1);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.deps.logger.info({ signal }, "stopping");
    await app.stop().catch((err: unknown) => app.deps.logger.error({ err }, "stop failed"));
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

void main();
