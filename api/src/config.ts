// The only reader of process.env. Parsed and validated once; a bad value stops boot with a clear message.
import path from "node:path";
import { z } from "zod";
import { repoRoot } from "./db/paths.js";

const bool = z.enum(["true", "false", "1", "0", "yes", "no", ""]).transform((v) => v === "true" || v === "1" || v === "yes");
const csv = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  // Empty means unset (docker-compose passes ${PUBLIC_URL:-}).
  PUBLIC_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional()),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  DATA_DIR: z.string().default(path.join(repoRoot, "data")),
  REDIS_PREFIX: z.string().default("tly:"),
  REDIS_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  ADMIN_EMAIL: z.string().email().default("admin@trackily.local"),
  ADMIN_PASSWORD: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUSTED_PROXIES: csv.default([]),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  GEOIP_CITY_PATH: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  GEOIP_ASN_PATH: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  /** MaxMind download URL; {edition} and {license_key} are filled in (tests point it at a local server). */
  GEOIP_DOWNLOAD_URL: z.string().default("https://download.maxmind.com/app/geoip_download?edition_id={edition}&license_key={license_key}&suffix=tar.gz"),
  SPOOL_DIR: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  OUTBOUND_ALLOW_PRIVATE: bool.default(false),
  OUTBOX_BACKOFF_MS: z.coerce.number().int().positive().default(5_000),
  OUTBOX_WORKER: bool.default(true),
  GRAPHQL_INTROSPECTION: bool.optional(),
  DB_POOL_MAX: z.coerce.number().int().positive().default(10),
  CONSOLE_DIST: z.string().default(path.join(repoRoot, "console", "dist")),
  PIXEL_DIST: z.string().default(path.join(repoRoot, "pixel", "dist")),
  PIXEL_ALLOWED_ORIGINS: csv.default([]),
  PIXEL_RATE_LIMIT: z.coerce.number().int().min(0).default(600),
  /** Reports read click rollups where they can answer exactly (false: always raw rows). */
  REPORTS_ROLLUPS: bool.default(true),
  /** How often the rollup worker rebuilds dirty (day, campaign) pairs; 0 = never (reports then read raw rows for them). */
  REPORTS_ROLLUP_INTERVAL_MS: z.coerce.number().int().min(0).default(5_000),
});

export type Config = ReturnType<typeof parseConfig>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    production: c.NODE_ENV === "production",
    port: c.PORT,
    host: c.HOST,
    publicUrl: c.PUBLIC_URL?.replace(/\/+$/, ""),
    databaseUrl: c.DATABASE_URL,
    dataDir: path.resolve(c.DATA_DIR),
    redisUrl: c.REDIS_URL,
    redisPrefix: c.REDIS_PREFIX,
    adminEmail: c.ADMIN_EMAIL,
    adminPassword: c.ADMIN_PASSWORD,
    logLevel: c.LOG_LEVEL,
    trustedProxies: c.TRUSTED_PROXIES,
    sessionTtlMs: c.SESSION_TTL_HOURS * 3_600_000,
    geoip: { cityPath: c.GEOIP_CITY_PATH, asnPath: c.GEOIP_ASN_PATH },
    geoipDownloadUrl: c.GEOIP_DOWNLOAD_URL,
    spoolDir: path.resolve(c.SPOOL_DIR ?? path.join(c.DATA_DIR, "spool")),
    outboundAllowPrivate: c.OUTBOUND_ALLOW_PRIVATE,
    outboxBackoffMs: c.OUTBOX_BACKOFF_MS,
    outboxWorker: c.OUTBOX_WORKER,
    introspection: c.GRAPHQL_INTROSPECTION ?? c.NODE_ENV !== "production",
    dbPoolMax: c.DB_POOL_MAX,
    consoleDist: path.resolve(c.CONSOLE_DIST),
    pixelDist: path.resolve(c.PIXEL_DIST),
    pixelAllowedOrigins: c.PIXEL_ALLOWED_ORIGINS,
    pixelRateLimit: c.PIXEL_RATE_LIMIT,
    reportsRollups: c.REPORTS_ROLLUPS,
    reportsRollupIntervalMs: c.REPORTS_ROLLUP_INTERVAL_MS,
  };
}
