// Everything a service, route or resolver needs, built once per app instance (tests build several).
import type { Config } from "./config.js";
import type { Database } from "./db/connect.js";
import type { Bus } from "./lib/bus.js";
import type { Counters } from "./lib/counters.js";
import type { Logger } from "./lib/logger.js";
import type { Outbound } from "./lib/outbound.js";

export interface Deps {
  config: Config;
  db: Database;
  bus: Bus;
  counters: Counters;
  logger: Logger;
  /** The SSRF-guarded client for every outbound HTTP call. */
  outbound: Outbound;
}
