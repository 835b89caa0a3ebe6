// The one HTTP client for every outbound call (source postbacks, webhooks, CAPI, Telegram, GeoIP downloads,
// landing import). It refuses private, loopback, link-local and metadata addresses in every encoding, resolves
// the name itself and pins the connection to the address it checked (no DNS rebinding), re-checks every
// redirect hop, refuses non-http(s) schemes, and caps time and response size.
import dns from "node:dns";
import type { LookupAddress, LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";
import { Agent, request } from "undici";

export type OutboundErrorCode = "BAD_URL" | "BAD_SCHEME" | "BLOCKED_ADDRESS" | "DNS" | "TIMEOUT" | "TOO_LARGE" | "TOO_MANY_REDIRECTS" | "NETWORK";

export class OutboundError extends Error {
  override name = "OutboundError";
  constructor(
    readonly code: OutboundErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface OutboundPolicy {
  /** Allow private, loopback and link-local targets (OUTBOUND_ALLOW_PRIVATE; tests with local receivers). */
  allowPrivate: boolean;
  /** Extra check on every resolved address; tests use it to allow one loopback alias. */
  isAllowedAddress?: (address: string) => boolean;
  /** Name resolution; defaults to the system resolver. */
  resolve?: (hostname: string) => Promise<string[]>;
}

export interface OutboundRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface OutboundResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  finalUrl: string;
  durationMs: number;
}

/** Only ordinary unicast addresses are reachable; everything special-purpose is refused. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let addr = ipaddr.parse(address);
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  return addr.range() === "unicast";
}

const systemResolve = async (hostname: string): Promise<string[]> => (await dns.promises.lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export function createOutbound(policy: OutboundPolicy) {
  const allowed = (address: string) => (policy.isAllowedAddress ? policy.isAllowedAddress(address) : policy.allowPrivate || isPublicAddress(address));
  const resolve = policy.resolve ?? systemResolve;

  // The connection is made to exactly the address checked here: resolution and validation happen once, inside
  // the socket's own lookup, so a second answer from DNS can never be used.
  const lookup = (hostname: string, options: LookupOptions, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    resolve(hostname).then(
      (addresses) => {
        const usable = addresses.filter(allowed);
        if (usable.length === 0) {
          callback(
            new OutboundError(
              addresses.length ? "BLOCKED_ADDRESS" : "DNS",
              addresses.length ? `${hostname} resolves to a blocked address` : `${hostname} does not resolve`,
            ),
            "",
          );
          return;
        }
        const chosen = usable.map((a) => ({ address: a, family: a.includes(":") ? 6 : 4 }));
        if (options.all) callback(null, chosen);
        else callback(null, (chosen[0] as LookupAddress).address, (chosen[0] as LookupAddress).family);
      },
      (err: Error) => callback(new OutboundError("DNS", `${hostname}: ${err.message}`), ""),
    );
  };
  const agent = new Agent({ connect: { lookup: lookup as never, timeout: 5_000 }, keepAliveTimeout: 10_000, connections: 64 });

  function checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new OutboundError("BAD_URL", "not a valid URL");
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new OutboundError("BAD_SCHEME", `${url.protocol} is not allowed; use http or https`);
    if (url.username || url.password) throw new OutboundError("BAD_URL", "credentials in URLs are not allowed");
    // The URL parser has already normalised 127.1, 0x7f000001 and 2130706433 to dotted quads.
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (ipaddr.isValid(host) && !allowed(host)) throw new OutboundError("BLOCKED_ADDRESS", `${host} is a private, loopback or reserved address`);
    return url;
  }

  async function send(rawUrl: string, req: OutboundRequest = {}): Promise<OutboundResponse> {
    const started = Date.now();
    const timeoutMs = req.timeoutMs ?? 10_000;
    const maxBytes = req.maxBytes ?? 1024 * 1024;
    const signal = AbortSignal.timeout(timeoutMs);
    let url = checkUrl(rawUrl);
    let method = (req.method ?? "GET").toUpperCase();
    let body = req.body;
    for (let hop = 0; ; hop++) {
      let res: Awaited<ReturnType<typeof request>>;
      try {
        res = await request(url, {
          method: method as "GET",
          headers: { "user-agent": "Trackily/1.0", ...req.headers },
          body,
          dispatcher: agent,
          signal,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
      } catch (err) {
        throw toOutboundError(err, signal);
      }
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) {
        res.body.resume();
        if (hop >= (req.maxRedirects ?? 3)) throw new OutboundError("TOO_MANY_REDIRECTS", "too many redirects");
        url = checkUrl(new URL(String(res.headers.location), url).toString());
        if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === "POST")) {
          method = "GET";
          body = undefined;
        }
        continue;
      }
      const declared = Number(res.headers["content-length"] ?? "NaN");
      if (Number.isFinite(declared) && declared > maxBytes) {
        res.body.destroy();
        throw new OutboundError("TOO_LARGE", `response larger than ${maxBytes} bytes`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of res.body) {
          size += (chunk as Buffer).length;
          if (size > maxBytes) {
            res.body.destroy();
            throw new OutboundError("TOO_LARGE", `response larger than ${maxBytes} bytes`);
          }
          chunks.push(chunk as Buffer);
        }
      } catch (err) {
        throw toOutboundError(err, signal);
      }
      return { status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), finalUrl: url.toString(), durationMs: Date.now() - started };
    }
  }

  return { send, checkUrl, close: () => agent.close() };
}

export type Outbound = ReturnType<typeof createOutbound>;

function toOutboundError(err: unknown, signal: AbortSignal): OutboundError {
  if (err instanceof OutboundError) return err;
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof OutboundError) return cause;
  if (signal.aborted) return new OutboundError("TIMEOUT", "timed out");
  const message = err instanceof Error ? err.message : String(err);
  if (/timeout/i.test(message)) return new OutboundError("TIMEOUT", message);
  return new OutboundError("NETWORK", message);
}
