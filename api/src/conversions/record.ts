// recordConversion: the one way a conversion is written, whatever brought it (postback, pixel, webhook, operator,
// network sync). Exactly once per dedupe key (click or hit, type, transaction id; a missing transaction id is the
// key '' of its own), statuses of both documents (status.ts), revenue from the input else the offer's payout for
// the click's country else its default, converted into the account currency (both amounts stored), rebills linked
// to their parent sale, history rows, the postback log row, the outbox row for the source's S2S postback and the
// in-app notification, all committed together; `conversion:recorded` is published after the commit.
//
// Cost per call: the common case (a new conversion) is ONE SQL statement: data-modifying CTEs that look the click
// up, INSERT ... ON CONFLICT (dedupe_key) DO NOTHING, and write history, items, log, outbox and notification from
// the inserted row (group-committed with concurrent ones, record-batch.ts). Only when the key already exists
// (status changes, removals) is the existing row read and the change applied as a compare-and-set (record-change.ts).
import { type Sql, sqltag as sql } from "@prisma/client/runtime/client";
import type { SqlExecutor } from "../db/sql.js";
import type { Deps } from "../deps.js";
import { newId, isUuid } from "../lib/ids.js";
import { acceptedCurrencies, conversionSettings, type ConversionSettings } from "./settings-cache.js";
import { mapStatus, type MappedStatus, PLACEHOLDER_REVENUE } from "./status.js";
import { existingSql, resolveVisitorSql, targetExistsSql } from "./record-sql.js";
import { applyChange, type ChangeOutcome } from "./record-change.js";
import { kickOutbox } from "../outbox/registry.js";
import { pendingWrite, submitFast } from "./record-batch.js";
import { hotExecutor } from "./hot-pool.js";

export interface ConversionInput {
  clickId?: string;
  hitId?: string;
  visitorId?: string;
  page?: string; // one target: click | hit | vid(+p)
  type?: string; // sale (default) | lead | upsell | rebill | custom types
  transactionId?: string; // '' = its own key
  revenue?: string; // decimal string as received; undefined = offer payout
  currency?: string; // ISO 4217; default account currency
  status?: string; // raw status string as received
  origin: "POSTBACK" | "PIXEL" | "WEBHOOK" | "OPERATOR" | "SYNC";
  items?: Array<{ sku: string; name?: string; price: string; quantity: number }>;
  rawParams?: Record<string, string>;
  disablePostbacks?: boolean;
  ip?: string;
}

export interface ConversionResult {
  outcome: "recorded" | "duplicate" | "status_change" | "removed" | "unknown_click" | "rejected";
  conversionId?: string;
  message?: string;
}

/** Where the postback log row says the request came from (the HTTP handlers pass it; others get defaults). */
export interface RecordOptions {
  channel?: string;
  method?: string;
  /** Redacted params for the log (defaults to rawParams). */
  logParams?: Record<string, unknown>;
  networkId?: string | null;
  /** For operator changes: who, for the history row. */
  userId?: string | null;
  note?: string;
}

export const BUILTIN_TYPES = ["sale", "lead", "upsell", "rebill"] as const;

const AMOUNT = /^\d{1,10}(\.\d{1,8})?$/;

/** "12.5", " 12,50 ", "12." -> canonical decimal string; null when it is not a non-negative finite amount. */
export function parseAmount(raw: string): string | null {
  let s = raw.trim();
  if (s.startsWith("+")) s = s.slice(1);
  if (/^\d+,\d+$/.test(s)) s = s.replace(",", ".");
  if (s.endsWith(".")) s = s.slice(0, -1);
  if (s.startsWith(".")) s = `0${s}`;
  if (!AMOUNT.test(s)) return null;
  // Keep at most 4 decimals (the column's scale), rounding half up in decimal, never through a float.
  const [int, frac = ""] = s.split(".") as [string, string?];
  if (frac.length <= 4) return frac ? `${BigInt(int)}.${frac}` : BigInt(int).toString();
  const scaled = BigInt(int + frac.slice(0, 4)) + (Number(frac[4]) >= 5 ? 1n : 0n);
  const str = scaled.toString().padStart(5, "0");
  return `${BigInt(str.slice(0, -4))}.${str.slice(-4)}`;
}

interface Prepared {
  s: ConversionSettings;
  mapped: MappedStatus;
  type: string;
  tx: string;
  revenue: string | null;
  currency: string;
  clickId: string | null;
  hitId: string | null;
}

type Rejection = { outcome: "rejected" | "unknown_click"; message: string; logOutcome: string };

function prepare(input: ConversionInput, s: ConversionSettings): Prepared | Rejection {
  const type = (input.type ?? "").trim().toLowerCase() || "sale";
  const types = [...BUILTIN_TYPES, ...s.customTypes];
  if (!types.includes(type)) {
    return {
      outcome: "rejected",
      logOutcome: "INVALID_INPUT",
      message: `conversion_type "${type.slice(0, 40)}" is not accepted; accepted: ${types.join(", ")}`,
    };
  }
  const tx = (input.transactionId ?? "").trim();
  if (tx.length > 255) return { outcome: "rejected", logOutcome: "INVALID_INPUT", message: "transaction id is longer than 255 characters" };
  let revenue: string | null = null;
  if (input.revenue !== undefined && input.revenue.trim() !== "") {
    revenue = parseAmount(input.revenue);
    if (revenue === null) {
      return {
        outcome: "rejected",
        logOutcome: "INVALID_PAYOUT",
        message: "payout is not a non-negative decimal amount (e.g. 12.50); accepted names: payout, amount, revenue, rev, ...",
      };
    }
  }
  const currency = (input.currency ?? "").trim().toUpperCase() || s.accountCurrency;
  if (!/^[A-Z]{3}$/.test(currency) || (currency !== s.accountCurrency && !s.rates.has(currency))) {
    return {
      outcome: "rejected",
      logOutcome: "INVALID_INPUT",
      message: `currency "${currency.slice(0, 8)}" has no exchange rate; accepted: ${acceptedCurrencies(s).join(", ")}`,
    };
  }
  for (const it of input.items ?? []) {
    if (parseAmount(it.price) === null || !Number.isInteger(it.quantity) || it.quantity < 1 || it.quantity > 100_000) {
      return { outcome: "rejected", logOutcome: "INVALID_INPUT", message: "items need a non-negative price and a positive integer quantity" };
    }
  }
  const targets = [input.clickId, input.hitId, input.visitorId].filter((v) => v !== undefined && v !== "").length;
  if (targets !== 1) {
    return { outcome: "rejected", logOutcome: "INVALID_INPUT", message: "exactly one of click id, hit id or visitor id (vid) is required" };
  }
  return {
    s,
    mapped: mapStatus(input.status),
    type,
    tx,
    revenue,
    currency,
    clickId: input.clickId ?? null,
    hitId: input.hitId ?? null,
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const NUL = String.fromCharCode(0);
const SURROGATE = /[\uD800-\uDFFF]/;

/** Text PostgreSQL accepts (no NUL, no lone surrogates), whatever a sender put in it. */
export const cleanText = (s: string): string => (s.includes(NUL) || SURROGATE.test(s) ? s.replaceAll(NUL, "").replace(LONE_SURROGATE, "\uFFFD") : s);

export function cleanParams(o: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) out[cleanText(k)] = cleanText(typeof v === "string" ? v : (JSON.stringify(v) ?? ""));
  return out;
}

export async function recordConversion(deps: Deps, rawInput: ConversionInput, opts: RecordOptions = {}): Promise<ConversionResult> {
  const s = await conversionSettings(deps);
  const t = (v: string | undefined) => (v === undefined ? undefined : cleanText(v));
  const rawParams = rawInput.rawParams ? cleanParams(rawInput.rawParams) : undefined;
  const input: ConversionInput = {
    ...rawInput,
    ...(rawInput.transactionId !== undefined ? { transactionId: t(rawInput.transactionId) as string } : {}),
    ...(rawInput.status !== undefined ? { status: t(rawInput.status) as string } : {}),
    ...(rawInput.type !== undefined ? { type: t(rawInput.type) as string } : {}),
    ...(rawInput.currency !== undefined ? { currency: t(rawInput.currency) as string } : {}),
    ...(rawParams ? { rawParams } : {}),
    ...(rawInput.items
      ? { items: rawInput.items.map((i) => ({ ...i, sku: cleanText(i.sku), ...(i.name !== undefined ? { name: cleanText(i.name) } : {}) })) }
      : {}),
  };
  const log = {
    channel: opts.channel ?? input.origin.toLowerCase(),
    method: opts.method ?? "",
    // The postback route logs the same (redacted) params it records: cleaned once.
    params: opts.logParams === undefined || opts.logParams === rawInput.rawParams ? (rawParams ?? {}) : cleanParams(opts.logParams),
    ip: input.ip ?? "",
    networkId: opts.networkId ?? null,
  };
  const p = prepare(input, s);
  if ("logOutcome" in p) {
    await writeLog(deps, log, p.logOutcome, p.message, null, null);
    return { outcome: p.outcome, message: p.message };
  }
  // Ids that are not UUIDs cannot exist: the same answer as an unknown click, without a query.
  if ((p.clickId && !isUuid(p.clickId)) || (p.hitId && !isUuid(p.hitId)) || (input.visitorId && !isUuid(input.visitorId))) {
    return unknown(deps, log);
  }
  if (input.visitorId) {
    if (input.page && !isUuid(input.page)) return unknown(deps, log, "p is not a page id");
    const rows = await deps.db.sql.query<{ hit_id: string | null; click_id: string | null }>(resolveVisitorSql(input.visitorId, input.page ?? null));
    const row = rows[0];
    if (!row || (!row.hit_id && !row.click_id)) return unknown(deps, log, "no live visitor session with a matching hit");
    p.hitId = row.hit_id;
    p.clickId = row.hit_id ? null : row.click_id;
  }
  const dedupeKey = `${p.hitId ? `h:${p.hitId}` : `c:${p.clickId}`}:${p.type}:${p.tx}`;
  const now = new Date();

  if (!p.mapped.remove) {
    const ids = { conversion: newId(), history: newId(), log: newId(), outbox: newId(), notification: newId() };
    const items = (input.items ?? []).map((it) => ({
      id: newId(),
      sku: it.sku,
      name: it.name ?? it.sku,
      price: parseAmount(it.price) as string,
      quantity: it.quantity,
    }));
    const row = await submitFast(deps, {
      ids,
      clickId: p.clickId,
      hitId: p.hitId,
      dedupeKey,
      type: p.type,
      status: p.mapped.status,
      ecom: p.mapped.ecom,
      rawStatus: (input.status ?? "").slice(0, 64),
      tx: p.tx,
      revenue: p.mapped.placeholder ? PLACEHOLDER_REVENUE : p.revenue,
      currency: p.mapped.placeholder ? s.accountCurrency : p.currency,
      accountCurrency: s.accountCurrency,
      origin: input.origin,
      disablePostbacks: input.disablePostbacks === true,
      rawParams: input.rawParams ?? {},
      now,
      items,
      log,
    });
    if (!row?.found) return { outcome: "unknown_click", message: UNKNOWN };
    if (row.id) {
      deps.bus.publish("conversion:recorded", {
        conversionId: row.id,
        campaignId: row.campaign_id as string,
        offerId: row.offer_id,
        sourceId: row.source_id,
        change: "created",
        capCounted: p.mapped.status === "APPROVED" && p.type !== "rebill",
      });
      deps.bus.publish("notification:created", { notificationId: ids.notification, userId: null });
      if (row.outbox > 0) kickOutbox(deps);
      return { outcome: "recorded", conversionId: row.id };
    }
    if (row.duplicate_of) return { outcome: "duplicate", conversionId: row.duplicate_of, message: "already recorded" };
  }
  // The key exists (or the status removes): decide on the row, once a write of the same key queued in this process
  // has landed (a removal right behind its sale must see the sale).
  await pendingWrite(deps, dedupeKey);
  // No transaction: applyChange is a compare-and-set, so a change that lost a race is decided again on the new state.
  const hot = hotExecutor(deps);
  let result: ChangeOutcome;
  for (let attempt = 0; ; attempt++) {
    const existing = (await hot.query<ExistingRow>(existingSql(dedupeKey)))[0];
    if (!existing) {
      const exists = (await hot.query<{ ok: boolean }>(targetExistsSql(p.clickId, p.hitId)))[0]?.ok === true;
      if (!exists) {
        result = { result: { outcome: "unknown_click", message: UNKNOWN }, logged: false };
        break;
      }
      await writeLog(hot, log, "REMOVED", "no conversion to remove", p.clickId, null);
      result = { result: { outcome: "removed", message: "no conversion to remove" }, logged: true };
      break;
    }
    result = await applyChange(hot, existing, {
      mapped: p.mapped,
      rawStatus: (input.status ?? "").slice(0, 64),
      revenue: p.mapped.placeholder ? PLACEHOLDER_REVENUE : p.revenue,
      currency: p.mapped.placeholder ? s.accountCurrency : p.currency,
      accountCurrency: s.accountCurrency,
      origin: input.origin,
      disablePostbacks: input.disablePostbacks === true,
      userId: opts.userId ?? null,
      note: opts.note ?? "",
      now,
      log,
    });
    if (!result.conflict) break;
    // Each conflict means another change of this conversion landed; this many in a row is not a race any more.
    if (attempt >= MAX_CHANGE_ATTEMPTS) throw new Error(`conversion ${existing.id}: status change kept conflicting`);
  }
  if (result.result.outcome === "unknown_click" && !result.logged) return unknown(deps, log);
  if (result.published) {
    deps.bus.publish("conversion:recorded", result.published);
    if (result.outbox) kickOutbox(deps);
  }
  return result.result;
}

const UNKNOWN = "no click matches this postback";
const MAX_CHANGE_ATTEMPTS = 20;

async function unknown(deps: Deps, log: LogInfo, detail = ""): Promise<ConversionResult> {
  await writeLog(deps, log, "UNKNOWN_CLICK", detail || UNKNOWN, null, null);
  return { outcome: "unknown_click", message: UNKNOWN };
}

export interface LogInfo {
  channel: string;
  method: string;
  params: Record<string, unknown>;
  ip: string;
  networkId: string | null;
}

export interface ExistingRow {
  id: string;
  click_id: string;
  campaign_id: string;
  offer_id: string | null;
  source_id: string | null;
  network_id: string | null;
  status: "APPROVED" | "PENDING" | "REJECTED";
  ecom_status: string;
  revenue: string;
  currency: string;
  revenue_account: string;
  disable_postbacks: boolean;
}

/**
 * The INSERT of one postback log row (to embed in a larger statement; writeLog runs it alone); with `when`, only if
 * that SQL condition holds.
 */
export function logInsertSql(log: LogInfo, outcome: string, message: string, clickId: string | null, conversionId: string | null, when?: Sql) {
  return sql`
    INSERT INTO postback_log (id, received_at, channel, method, params, ip, outcome, message, click_id, conversion_id, network_id)
    SELECT ${newId()}::uuid, now(), ${log.channel}, ${log.method}, ${JSON.stringify(cleanParams(log.params))}::jsonb, ${log.ip},
           ${outcome}::"PostbackOutcome", ${cleanText(message.slice(0, 500))}, ${clickId}::uuid, ${conversionId}::uuid, ${log.networkId}::uuid
    WHERE ${when ?? sql`true`}`;
}

/** One postback log row (outside the fast statement: rejections, unknown clicks, key and IP refusals). */
export async function writeLog(
  target: Deps | SqlExecutor,
  log: LogInfo,
  outcome: string,
  message: string,
  clickId: string | null,
  conversionId: string | null,
): Promise<void> {
  const ex = "db" in target ? target.db.sql : target;
  await ex.execute(logInsertSql(log, outcome, message, clickId, conversionId));
}
