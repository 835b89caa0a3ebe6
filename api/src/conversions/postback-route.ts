// GET|POST /postback[/:key] and /pb[/:key]: inbound conversions from networks, shops and scripts.
// Pipeline: parse -> policy (IP allow-lists, postback keys; install-wide then per network) -> recordConversion ->
// reply. The policy is checked before any conversion write; a refused request, an unknown click and a bad key
// get the same 404 reply, and the postback log tells the operator which it was.
import type { IncomingMessage, ServerResponse } from "node:http";
import { sqltag as sql } from "@prisma/client/runtime/client";
import type { Deps } from "../deps.js";
import { HttpError, readBody, sendJson } from "../lib/http.js";
import { isUuid } from "../lib/ids.js";
import { sha256 } from "../lib/secrets.js";
import { type ParsedPostback, parsePostback, redact } from "./postback-params.js";
import { type LogInfo, recordConversion, writeLog } from "./record.js";
import { type ConversionSettings, conversionSettings } from "./settings-cache.js";

const BODY_LIMIT = 16 * 1024;
const PATH = /^\/(postback|pb)(?:\/([^/]*))?\/?$/;
const NOT_FOUND = { error: "no click matches this postback" };

/** Returns true when the request is a postback route (and handles it). */
export function handlePostback(deps: Deps, req: IncomingMessage, res: ServerResponse, ip: string): boolean {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const m = PATH.exec(q === -1 ? url : url.slice(0, q));
  if (!m) return false;
  void run(deps, req, res, ip, m[1] as string, decodeKey(m[2]), q === -1 ? "" : url.slice(q + 1)).catch((err: unknown) => {
    if (err instanceof HttpError) return sendJson(res, err.status, { error: err.message });
    deps.logger.error({ err }, "postback failed");
    // Not the sender's fault (the database is unreachable, ...): retryable, and networks do retry on 5xx.
    if (!res.headersSent) sendJson(res, 503, { error: "temporarily unavailable; retry later" }, { "retry-after": "5" });
  });
  return true;
}

function decodeKey(s: string | undefined): string | undefined {
  if (!s) return undefined;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

async function run(deps: Deps, req: IncomingMessage, res: ServerResponse, ip: string, channel: string, pathKey: string | undefined, query: string) {
  const method = req.method ?? "GET";
  if (method !== "GET" && method !== "POST") {
    req.resume();
    return sendJson(res, 405, { error: "use GET or POST" }, { allow: "GET, POST" });
  }
  const entries: Array<[string, string]> = [...new URLSearchParams(query)];
  if (method === "POST") entries.push(...(await bodyParams(req)));
  const parsed = parsePostback(entries, pathKey);
  const log: LogInfo = { channel, method, params: redact(parsed.raw), ip, networkId: null };
  if (!parsed.ok) {
    await writeLog(deps, log, "INVALID_INPUT", parsed.error, null, null);
    return sendJson(res, 400, { error: parsed.error });
  }
  const p = parsed.value;
  const s = await conversionSettings(deps);
  const refusal = await checkPolicy(deps, s, p, ip);
  if (refusal) {
    log.networkId = refusal.networkId;
    await writeLog(deps, log, refusal.outcome, refusal.message, null, null);
    return sendJson(res, 404, NOT_FOUND);
  }
  const result = await recordConversion(
    deps,
    {
      ...(p.clickId ? { clickId: p.clickId } : {}),
      ...(p.hitId ? { hitId: p.hitId } : {}),
      ...(p.visitorId ? { visitorId: p.visitorId } : {}),
      ...(p.page ? { page: p.page } : {}),
      ...(p.type !== undefined ? { type: p.type } : {}),
      ...(p.transactionId !== undefined ? { transactionId: p.transactionId } : {}),
      ...(p.revenue !== undefined ? { revenue: p.revenue } : {}),
      ...(p.currency !== undefined ? { currency: p.currency } : {}),
      ...(p.status !== undefined ? { status: p.status } : {}),
      origin: "POSTBACK",
      rawParams: log.params as Record<string, string>,
      disablePostbacks: p.disablePostbacks,
      ip,
    },
    { channel, method, logParams: log.params },
  );
  switch (result.outcome) {
    case "unknown_click":
      return sendJson(res, 404, NOT_FOUND);
    case "rejected":
      return sendJson(res, 400, { error: result.message });
    default:
      return sendJson(res, 200, { status: "ok", outcome: result.outcome, ...(result.conversionId ? { conversion_id: result.conversionId } : {}) });
  }
}

async function bodyParams(req: IncomingMessage): Promise<Array<[string, string]>> {
  const body = (await readBody(req, BODY_LIMIT)).toString("utf8");
  const type = String(req.headers["content-type"] ?? "");
  if (type.includes("json")) {
    let obj: unknown;
    try {
      obj = JSON.parse(body || "{}");
    } catch {
      throw new HttpError(400, "body is not valid JSON");
    }
    if (!obj || typeof obj !== "object" || Array.isArray(obj)) throw new HttpError(400, "JSON body must be an object of parameters");
    return Object.entries(obj as Record<string, unknown>)
      .filter(([, v]) => typeof v === "string" || typeof v === "number" || typeof v === "boolean")
      .map(([k, v]) => [k, String(v)]);
  }
  return [...new URLSearchParams(body)];
}

interface Refusal {
  outcome: "REJECTED_KEY" | "REJECTED_IP";
  message: string;
  networkId: string | null;
}

async function checkPolicy(deps: Deps, s: ConversionSettings, p: ParsedPostback, ip: string): Promise<Refusal | null> {
  if (s.allowedIps.size > 0 && !s.allowedIps.has(ip)) return { outcome: "REJECTED_IP", message: `${ip} is not in the install's allow-list`, networkId: null };
  const keyHash = p.key ? sha256(p.key) : "";
  if (s.keyRequired && !s.allKeys.has(keyHash)) {
    return { outcome: "REJECTED_KEY", message: p.key ? `key ${p.key.slice(0, 8)}... is not an active postback key` : "postback key missing", networkId: null };
  }
  if (s.networkPolicies.size === 0) return null;
  const networkId = await networkOf(deps, p);
  const policy = networkId ? s.networkPolicies.get(networkId) : undefined;
  if (!policy || !networkId) return null;
  if (policy.allowedIps.size > 0 && !policy.allowedIps.has(ip))
    return { outcome: "REJECTED_IP", message: `${ip} is not in the network's allow-list`, networkId };
  if (policy.requireKey && !policy.keys.has(keyHash)) {
    return { outcome: "REJECTED_KEY", message: p.key ? "not an active key of this network" : "postback key missing", networkId };
  }
  return null;
}

/** The affiliate network behind the postback's target (a read; nothing is written before the policy passes). */
async function networkOf(deps: Deps, p: ParsedPostback): Promise<string | null> {
  let rows: Array<{ network_id: string | null }> = [];
  if (p.clickId && isUuid(p.clickId)) {
    rows = await deps.db.sql.query(sql`SELECT o.network_id FROM clicks c JOIN offers o ON o.id = c.offer_id WHERE c.id = ${p.clickId}::uuid`);
  } else if (p.hitId && isUuid(p.hitId)) {
    rows = await deps.db.sql.query(sql`
      SELECT o.network_id FROM hits h JOIN clicks c ON c.id = h.click_id JOIN offers o ON o.id = COALESCE(h.offer_id, c.offer_id)
      WHERE h.id = ${p.hitId}::uuid`);
  } else if (p.visitorId && isUuid(p.visitorId)) {
    const page = p.page && isUuid(p.page) ? p.page : null;
    rows = await deps.db.sql.query(sql`
      SELECT o.network_id FROM hits h JOIN offers o ON o.id = h.offer_id
      WHERE h.visitor_id = ${p.visitorId}::uuid AND (${page}::uuid IS NULL OR h.offer_id = ${page}::uuid OR h.landing_id = ${page}::uuid)
      ORDER BY h.created_at DESC LIMIT 1`);
  }
  return rows[0]?.network_id ?? null;
}
