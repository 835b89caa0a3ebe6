// What every pixel write passes before anything is written: CORS/origin, per-IP rate limit, bot check. Drops are
// counted by reason (a closed set) in the shared counters, so several api nodes add up.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isbot } from "isbot";
import type { Deps } from "../../deps.js";
import { sendJson } from "../../lib/http.js";

export const DROP_REASONS = ["bot", "rate_limited", "origin", "invalid", "unknown_click", "error"] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export const dropCounterKey = (reason: DropReason) => `pixel:dropped:${reason}`;

export interface Guard {
  /** CORS headers for this request's origin (credentials allowed: the pixel sends the tracker's cookies). */
  cors(req: IncomingMessage): Record<string, string>;
  /** Answers preflights; true when the request was an OPTIONS. */
  preflight(req: IncomingMessage, res: ServerResponse): boolean;
  /** A refusal message when the page's origin is not allowed, else null. */
  originRefused(req: IncomingMessage): string | null;
  /** True when the IP is over its per-minute budget (this request counted). */
  limited(ip: string): Promise<boolean>;
  isBot(req: IncomingMessage): boolean;
  drop(reason: DropReason): void;
  /**
   * The checks every pixel write route makes first: preflight, method (POST only; `postHint` says what to send),
   * origin, rate limit (`what` names the unit in the 429). Answers and returns null when the request is refused
   * (or was a preflight); otherwise returns the CORS headers for the answer.
   */
  admit(req: IncomingMessage, res: ServerResponse, ip: string, postHint: string, what: string): Promise<Record<string, string> | null>;
}

export function createGuard(deps: Deps): Guard {
  const allowed = new Set(deps.config.pixelAllowedOrigins.map((o) => o.replace(/\/+$/, "").toLowerCase()));
  const perMinute = deps.config.pixelRateLimit;
  return {
    cors(req): Record<string, string> {
      const origin = req.headers.origin;
      if (!origin) return {};
      return { "access-control-allow-origin": origin, "access-control-allow-credentials": "true", vary: "origin" };
    },
    preflight(req, res) {
      if (req.method !== "OPTIONS") return false;
      res.writeHead(204, {
        ...this.cors(req),
        "access-control-allow-methods": "POST, OPTIONS",
        "access-control-allow-headers": "content-type",
        "access-control-max-age": "86400",
      });
      res.end();
      return true;
    },
    originRefused(req) {
      if (allowed.size === 0) return null;
      let from = String(req.headers.origin ?? "").toLowerCase();
      // Local landers are served sandboxed (opaque origin: Origin "null"), and sendBeacon may send no Origin:
      // then the Referer's origin counts.
      if ((!from || from === "null") && req.headers.referer) {
        try {
          from = new URL(req.headers.referer).origin.toLowerCase();
        } catch {}
      }
      if (from && allowed.has(from)) return null;
      // The tracker's own pages (its local landers) are always allowed.
      try {
        if (from && from !== "null" && new URL(from).host === String(req.headers.host ?? "").toLowerCase()) return null;
      } catch {}
      return `origin ${from || "(none)"} is not allowed to send pixel events; allowed: PIXEL_ALLOWED_ORIGINS`;
    },
    async limited(ip) {
      if (perMinute <= 0) return false;
      try {
        return (await deps.counters.hit(`pixel:ip:${ip}`, 60_000, perMinute + 1)) > perMinute;
      } catch {
        return false; // counters unreachable: accept rather than lose events
      }
    },
    isBot(req) {
      const ua = req.headers["user-agent"];
      return !ua || isbot(ua);
    },
    drop(reason) {
      deps.counters.incr(dropCounterKey(reason), 1, 400 * 86_400_000).catch(() => {});
    },
    async admit(req, res, ip, postHint, what) {
      if (this.preflight(req, res)) return null;
      const cors = this.cors(req);
      if (req.method !== "POST") {
        req.resume();
        refuse(res, 405, `method not allowed: ${postHint}`, { ...cors, allow: "POST, OPTIONS" });
        return null;
      }
      const refused = this.originRefused(req);
      if (refused) {
        req.resume();
        this.drop("origin");
        refuse(res, 403, refused, cors);
        return null;
      }
      if (await this.limited(ip)) {
        req.resume();
        this.drop("rate_limited");
        refuse(res, 429, `too many ${what} from this address: at most ${perMinute} per minute`, { ...cors, "retry-after": "60" });
        return null;
      }
      return cors;
    },
  };
}

export function refuse(res: ServerResponse, status: number, error: string, headers: Record<string, string> = {}) {
  sendJson(res, status, { error }, headers);
}

/** Value of one cookie from the request's Cookie header. */
export function requestCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
