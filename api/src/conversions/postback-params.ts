// Parsing of /postback and /pb parameters: the Keitaro-style aliases of the spec's table, the hit/vid parameters
// of conversion-tracking-hit-vid.txt, conversion_type, currency, disable_postbacks and the postback key.
// Pure: no I/O, so it is fuzzed directly (postback-params.test.ts).
import { isUuid } from "../lib/ids.js";

export const ALIASES = {
  click: ["subid", "sub_id", "click_id", "clickid", "trackID", "aff_sub", "aff_click_id", "sub1", "sub2"],
  payout: ["payout", "amount", "revenue", "rev", "price", "pay", "money", "summ_approved", "payment", "order_sum", "affiliateCommission", "value"],
  status: ["status", "type", "state", "conversion_status"],
  tx: ["tid", "transaction_id", "txid", "tx", "trans_id", "receipt"],
  hit: ["hit"],
  visitor: ["vid"],
  page: ["p"],
  conversionType: ["conversion_type"],
  currency: ["currency"],
  disablePostbacks: ["disable_postbacks"],
  key: ["key", "postback_key"],
} as const;

export interface ParsedPostback {
  clickId?: string;
  hitId?: string;
  visitorId?: string;
  page?: string;
  revenue?: string;
  status?: string;
  transactionId?: string;
  type?: string;
  currency?: string;
  disablePostbacks: boolean;
  key?: string;
  /** Every parameter received (values capped), for rawParams and the log. */
  raw: Record<string, string>;
}

export type ParseResult = { ok: true; value: ParsedPostback; raw: Record<string, string> } | { ok: false; error: string; raw: Record<string, string> };

const MAX_PARAMS = 100;
const MAX_VALUE = 1024;

/** Case-insensitive lookup of a group of aliases: the first non-empty value, in the table's order. */
function pick(lower: Map<string, string>, names: readonly string[], prefer?: (v: string) => boolean): string | undefined {
  let first: string | undefined;
  for (const n of names) {
    const v = lower.get(n.toLowerCase());
    if (v === undefined || v === "") continue;
    if (!prefer || prefer(v)) return v;
    first ??= v;
  }
  return first;
}

export function parsePostback(params: Iterable<[string, string]>, pathKey?: string): ParseResult {
  const raw: Record<string, string> = {};
  const lower = new Map<string, string>();
  let n = 0;
  for (const [k, v] of params) {
    if (++n > MAX_PARAMS) return { ok: false, error: `too many parameters: at most ${MAX_PARAMS}`, raw };
    if (k.length > 64) continue;
    const value = v.trim().slice(0, MAX_VALUE);
    if (!(k in raw)) raw[k] = value;
    const lk = k.toLowerCase();
    if (!lower.has(lk) || lower.get(lk) === "") lower.set(lk, value);
  }
  // Networks that put several sub ids in the URL: a UUID-looking one is the click id.
  const clickId = pick(lower, ALIASES.click, isUuid);
  const hitId = pick(lower, ALIASES.hit);
  const visitorId = pick(lower, ALIASES.visitor);
  if (!clickId && !hitId && !visitorId) {
    return {
      ok: false,
      error: `click id missing; accepted names: ${ALIASES.click.join(", ")} (or hit=, or vid= with p= on /pb)`,
      raw,
    };
  }
  const targets = [clickId, hitId, visitorId].filter(Boolean).length;
  if (targets > 1 && (hitId || visitorId)) {
    return { ok: false, error: "send one of the click id, hit or vid, not several", raw };
  }
  const disable = (pick(lower, ALIASES.disablePostbacks) ?? "").toLowerCase();
  const value: ParsedPostback = { disablePostbacks: disable === "true" || disable === "1" || disable === "yes", raw };
  if (hitId) value.hitId = hitId;
  else if (visitorId) value.visitorId = visitorId;
  else if (clickId) value.clickId = clickId;
  const page = pick(lower, ALIASES.page);
  if (page && value.visitorId) value.page = page;
  const revenue = pick(lower, ALIASES.payout);
  if (revenue !== undefined) value.revenue = revenue;
  const status = pick(lower, ALIASES.status);
  if (status !== undefined) value.status = status;
  const tx = pick(lower, ALIASES.tx);
  if (tx !== undefined) value.transactionId = tx;
  const type = pick(lower, ALIASES.conversionType);
  if (type !== undefined) value.type = type;
  const currency = pick(lower, ALIASES.currency);
  if (currency !== undefined) value.currency = currency;
  const key = pathKey || pick(lower, ALIASES.key);
  if (key) value.key = key;
  return { ok: true, value, raw };
}

/** Parameters as they go to the log and rawParams: the key is never stored. */
export function redact(raw: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) out[k] = ALIASES.key.includes(k.toLowerCase() as "key") ? "[redacted]" : v;
  return out;
}
