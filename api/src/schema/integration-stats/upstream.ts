// Calls to the dashboard's third-party stats APIs (Everflow, Kadam) through the SSRF-guarded outbound client,
// with every failure turned into an UpstreamError a person can read, and a short cache of successful answers so
// dashboard refreshes do not hammer the third party.
import type { Deps } from "../../deps.js";
import { UpstreamError } from "../../lib/errors.js";
import { OutboundError, type OutboundRequest } from "../../lib/outbound.js";

/** How long a successful upstream answer is reused for the same integration and range. */
export const UPSTREAM_TTL_MS = 60_000;
const TIMEOUT_MS = 15_000;
const MAX_BYTES = 10 * 1024 * 1024;

/** GETs or POSTs `url` and returns the parsed JSON body, or throws an UpstreamError naming `service`. */
export async function fetchUpstreamJson(deps: Deps, service: string, url: string, req: OutboundRequest): Promise<unknown> {
  let res: Awaited<ReturnType<Deps["outbound"]["send"]>>;
  try {
    res = await deps.outbound.send(url, { timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES, ...req, headers: { accept: "application/json", ...req.headers } });
  } catch (err) {
    if (!(err instanceof OutboundError)) throw err;
    if (err.code === "TIMEOUT") throw new UpstreamError(service, "TIMEOUT", `${service} did not answer in time`);
    throw new UpstreamError(service, "UNREACHABLE", `could not reach ${service}: ${err.message}`);
  }
  if (res.status === 401 || res.status === 403) throw new UpstreamError(service, "REFUSED", `${service} refused the key (HTTP ${res.status})`, res.status);
  if (res.status < 200 || res.status >= 300) throw new UpstreamError(service, "HTTP_STATUS", `${service} answered HTTP ${res.status}`, res.status);
  try {
    return JSON.parse(res.body.toString("utf8")) as unknown;
  } catch {
    throw new UpstreamError(service, "BAD_ANSWER", `${service}'s answer is not JSON`, res.status);
  }
}

const caches = new WeakMap<Deps, Map<string, { at: number; value: Promise<unknown> }>>();

/**
 * `load()` once per `key` within `ttlMs`, per app instance; concurrent callers share one request. Failures are
 * not kept: the next refresh tries again.
 */
export function cachedUpstream<T>(deps: Deps, key: string, load: () => Promise<T>, ttlMs = UPSTREAM_TTL_MS): Promise<T> {
  let cache = caches.get(deps);
  if (!cache) caches.set(deps, (cache = new Map()));
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < ttlMs) return hit.value as Promise<T>;
  if (cache.size > 500) for (const [k, v] of cache) if (now - v.at >= ttlMs) cache.delete(k);
  const value = load();
  const entry = { at: now, value };
  cache.set(key, entry);
  value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return value;
}
