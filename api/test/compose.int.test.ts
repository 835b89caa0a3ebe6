// docker-compose.yml checked the way `docker compose config` would (this machine has no compose plugin): valid
// YAML, the three services with healthchecks, dependencies that wait for health, variables with defaults, and
// an api environment that the api's own config parser accepts.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseConfig } from "../src/config.js";
import { repoRoot } from "../src/db/paths.js";

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  healthcheck?: { test: string[] | string; interval?: string };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  volumes?: string[];
}

/** ${VAR:-default} and ${VAR} the way compose interpolates them with an empty environment. */
const interpolate = (v: string) => v.replace(/\$\{([A-Z_][A-Z0-9_]*)(?::?-([^}]*))?\}/g, (_m, _name: string, def?: string) => def ?? "");

describe("docker-compose.yml", () => {
  it("is a valid compose file with postgres, redis and a health-checked api", async () => {
    const text = await readFile(path.join(repoRoot, "docker-compose.yml"), "utf8");
    const doc = parse(text) as { services: Record<string, Service>; volumes?: Record<string, unknown> };
    expect(Object.keys(doc.services).sort()).toEqual(["api", "postgres", "redis"]);
    for (const [name, svc] of Object.entries(doc.services)) {
      expect(svc.image ?? svc.build, name).toBeTruthy();
      expect(svc.healthcheck?.test, `${name} healthcheck`).toBeTruthy();
      for (const v of svc.volumes ?? []) {
        const [src] = v.split(":");
        if (src && !src.startsWith(".") && !src.startsWith("/")) expect(doc.volumes, `named volume ${src}`).toHaveProperty(src as string);
      }
    }
    const api = doc.services.api as Service;
    expect(api.depends_on).toEqual({ postgres: { condition: "service_healthy" }, redis: { condition: "service_healthy" } });
    expect(JSON.stringify(api.healthcheck?.test)).toContain("/health");
    // Every ${...} is balanced and the api's environment parses with the api's own config schema.
    expect(text.match(/\$\{[^}]*$/m)).toBeNull();
    const env = Object.fromEntries(Object.entries(api.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));
    const config = parseConfig(env);
    expect(config.databaseUrl).toMatch(/^postgres:\/\/trackily:.+@postgres:5432\/trackily$/);
    expect(config.redisUrl).toBe("redis://redis:6379");
    expect(config.production).toBe(true);
    expect(api.ports?.map(interpolate)).toEqual(["3000:3000"]);
  });
});
