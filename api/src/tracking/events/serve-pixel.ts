// GET /pixel.js: the built pixel (pixel/dist/pixel.js), with the install's first-party cookie lifetime filled in,
// a strong ETag, an hour of caching (a day stale-while-revalidate), gzip when accepted, and CORP cross-origin so
// merchants' pages on any domain can load it.
import { readFile, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Deps } from "../../deps.js";
import { sendText } from "../../lib/http.js";

// Keep in sync with SERVED_DAYS in pixel/src/index.ts.
const DAYS_TOKEN = "__TLY_COOKIE_DAYS__";

interface Built {
  mtimeMs: number;
  days: number;
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

export function createPixelServer(deps: Deps, opts: { settingsTtlMs?: number } = {}) {
  const file = path.join(deps.config.pixelDist, "pixel.js");
  let built: Built | null = null;
  let checkedAt = 0;
  let days = { value: 30, at: 0 };
  // Settings edits publish config:changed (contract 5); the next request re-reads the lifetime.
  void (async () => {
    for await (const ev of deps.bus.subscribe("config:changed")) if (ev.entity === "settings") days.at = 0;
  })().catch(() => {});

  async function cookieDays(): Promise<number> {
    if (Date.now() - days.at < (opts.settingsTtlMs ?? 30_000)) return days.value;
    try {
      const s = await deps.db.prisma.settings.findUnique({ where: { id: 1 }, select: { pixelCookieDays: true } });
      days = { value: s?.pixelCookieDays ?? 30, at: Date.now() };
    } catch {
      days.at = Date.now(); // database down: keep serving with the last known value
    }
    return days.value;
  }

  async function current(): Promise<Built | null> {
    const d = await cookieDays();
    if (built && built.days === d && Date.now() - checkedAt < 2_000) return built;
    checkedAt = Date.now();
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(file)).mtimeMs;
    } catch {
      return (built = null);
    }
    if (built && built.mtimeMs === mtimeMs && built.days === d) return built;
    const body = Buffer.from((await readFile(file, "utf8")).replaceAll(`"${DAYS_TOKEN}"`, `"${d}"`));
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
    built = { mtimeMs, days: d, body, gzip: gzipSync(body, { level: 9 }), etag };
    return built;
  }

  // GET /pixel.js
  return async function servePixel(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "GET" && req.method !== "HEAD") return sendText(res, 405, "method not allowed: use GET", { allow: "GET, HEAD" });
    const b = await current();
    if (!b) return sendText(res, 503, "pixel.js is not built: run `pnpm build` (it writes pixel/dist/pixel.js)", { "retry-after": "30" });
    const headers: Record<string, string> = {
      "cache-control": "public, max-age=3600, stale-while-revalidate=86400",
      etag: b.etag,
      vary: "accept-encoding",
      "access-control-allow-origin": "*",
      "cross-origin-resource-policy": "cross-origin",
      "x-content-type-options": "nosniff",
    };
    const inm = req.headers["if-none-match"];
    if (inm?.split(",").some((t) => t.trim().replace(/^W\//, "") === b.etag)) {
      res.writeHead(304, headers);
      return void res.end();
    }
    const gz = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gz ? b.gzip : b.body;
    res.writeHead(200, {
      ...headers,
      "content-type": "application/javascript; charset=utf-8",
      "content-length": String(body.length),
      ...(gz ? { "content-encoding": "gzip" } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  };
}
