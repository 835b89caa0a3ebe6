// The slow path of recordConversion: the dedupe key exists. The change is a compare-and-set: its UPDATE applies only
// while the conversion still has the status, e-commerce status and revenue it was decided on (`ex`), and writes its
// history, log and outbox rows only when it did. A postback runs it without a transaction and, on a conflict (another
// change landed in between), reads the row again and decides again, so concurrent repeats serialise as if locked;
// operator edits run it inside a transaction holding the row lock, where it always applies.
import { sqltag as sql } from "@prisma/client/runtime/client";
import type { SqlExecutor } from "../db/sql.js";
import type { BusTopics } from "../lib/bus.js";
import { newId } from "../lib/ids.js";
import type { ConversionResult, ExistingRow, LogInfo } from "./record.js";
import { logInsertSql, writeLog } from "./record.js";
import { macrosSql } from "./record-sql.js";
import type { MappedStatus } from "./status.js";

export interface Change {
  mapped: MappedStatus;
  rawStatus: string;
  /** Explicit revenue (or the placeholder), null = keep, or recompute from the offer when a placeholder gets approved. */
  revenue: string | null;
  currency: string;
  accountCurrency: string;
  origin: string;
  disablePostbacks: boolean;
  userId: string | null;
  note: string;
  now: Date;
  log: LogInfo;
  /** Operator edits: apply even what would be an out-of-order status from a network. */
  force?: boolean;
}

export interface ChangeOutcome {
  result: ConversionResult;
  logged: boolean;
  /** The row changed after `ex` was read: nothing was written; read it again and decide again. */
  conflict?: boolean;
  published?: BusTopics["conversion:recorded"][0];
  outbox?: boolean;
}

// Values that only mean "not money yet": arriving after a final status they are out of order and ignored.
const EARLY_ECOM = new Set(["", "pending", "cart", "checkout"]);

export async function applyChange(tx: SqlExecutor, ex: ExistingRow, c: Change): Promise<ChangeOutcome> {
  const m = c.mapped;
  const base = { published: undefined, outbox: false };
  if (!c.force && m.status === "PENDING" && ex.status !== "PENDING" && EARLY_ECOM.has(m.ecom)) {
    await writeLog(tx, c.log, "DUPLICATE", `out of order: "${c.rawStatus}" after ${ex.status.toLowerCase()} ignored`, ex.click_id, ex.id);
    return { ...base, result: { outcome: "duplicate", conversionId: ex.id, message: "already recorded" }, logged: true };
  }
  const status = m.status;
  const ecom = m.ecom || (status === ex.status ? ex.ecom_status : "");
  const wasPlaceholder = ex.status === "PENDING" && Number(ex.revenue) === 0.01;
  const recompute = c.revenue === null && status === "APPROVED" && (wasPlaceholder || (ex.status === "REJECTED" && Number(ex.revenue) === 0.01));
  const cand = (
    await tx.query<{ rev: string; cur: string; rev_account: string }>(sql`
      WITH s AS (
        SELECT CASE WHEN ${c.revenue}::numeric IS NOT NULL THEN ${c.revenue}::numeric
                    WHEN ${recompute} THEN COALESCE(op.payout, o.payout, 0) ELSE conv.revenue END AS rev,
               CASE WHEN ${c.revenue}::numeric IS NOT NULL THEN ${c.currency}::text
                    WHEN ${recompute} THEN COALESCE(op.currency, o.currency, ${c.accountCurrency}::text) ELSE conv.currency END AS cur,
               conv.revenue_account AS old_account, ${c.revenue}::numeric IS NULL AND NOT ${recompute} AS keep
        FROM conversions conv
        LEFT JOIN offers o ON o.id = conv.offer_id
        LEFT JOIN offer_payouts op ON op.offer_id = conv.offer_id AND op.country = conv.country
        WHERE conv.id = ${ex.id}::uuid)
      SELECT s.rev::text AS rev, s.cur,
             (CASE WHEN s.keep THEN s.old_account
                   ELSE round(s.rev * CASE WHEN s.cur = ${c.accountCurrency}::text THEN 1
                                           ELSE COALESCE((SELECT rate FROM currency_rates WHERE currency = s.cur::bpchar), 1) END, 4) END)::text AS rev_account
      FROM s`)
  )[0] as { rev: string; cur: string; rev_account: string };

  const sameRevenue = Number(cand.rev) === Number(ex.revenue) && cand.cur === ex.currency;
  if (status === ex.status && ecom === ex.ecom_status && sameRevenue) {
    await writeLog(tx, c.log, "DUPLICATE", "already recorded", ex.click_id, ex.id);
    return { ...base, result: { outcome: "duplicate", conversionId: ex.id, message: "already recorded" }, logged: true };
  }
  const historyId = newId();
  const outcome = status === "REJECTED" && ex.status !== "REJECTED" ? "removed" : "status_change";
  // The source hears about approvals, and about every change when its postback asks for status changes.
  const becameApproved = status === "APPROVED" && ex.status !== "APPROVED";
  // One statement (one round trip, one plan) for the change, its history row, its postback log row and its outbox
  // row; the outbox macros read the updated row from the UPDATE's RETURNING (a separate read of conversions in the
  // same statement would see the old values).
  const rows = await tx.query<{ sent: number; updated: number }>(sql`
    WITH u AS (
      UPDATE conversions SET status = ${status}::"ConversionStatus", ecom_status = ${ecom}, raw_status = ${c.rawStatus},
             revenue = ${cand.rev}::numeric, currency = ${cand.cur}, revenue_account = ${cand.rev_account}::numeric, updated_at = ${c.now}::timestamptz
      WHERE id = ${ex.id}::uuid AND status = ${ex.status}::"ConversionStatus" AND ecom_status = ${ex.ecom_status}
        AND revenue = ${ex.revenue}::numeric AND currency = ${ex.currency}::bpchar
      RETURNING id, status, revenue, currency, revenue_account, account_currency, transaction_id, type, offer_id, source_id, disable_postbacks
    ), hist AS (
      INSERT INTO conversion_status_changes (id, conversion_id, from_status, to_status, from_ecom_status, to_ecom_status, from_revenue, to_revenue,
                                             origin, user_id, note, created_at)
      SELECT ${historyId}::uuid, u.id, ${ex.status}::"ConversionStatus", ${status}::"ConversionStatus", ${ex.ecom_status}, ${ecom},
             ${ex.revenue}::numeric, ${cand.rev}::numeric, ${c.origin}::"ConversionOrigin", ${c.userId}::uuid, ${c.note}, ${c.now}::timestamptz
      FROM u
    ), lg AS (
      ${logInsertSql(c.log, outcome === "removed" ? "REMOVED" : "STATUS_CHANGE", `${ex.status.toLowerCase()} -> ${status.toLowerCase()}`, ex.click_id, ex.id, sql`EXISTS (SELECT 1 FROM u)`)}
    ), ob AS (
      INSERT INTO outbound_deliveries (id, event_id, kind, conversion_id, method, url, macros, next_attempt_at, created_at)
      SELECT ${newId()}::uuid, u.id::text || ':' || ${historyId}, 'source_postback', u.id, 'GET', s.postback_url,
             ${macrosSql("u", "k", ecom)}, ${c.now}::timestamptz, ${c.now}::timestamptz
      FROM u
      JOIN (SELECT cl.*, cl.id AS click_id FROM clicks cl WHERE cl.id = ${ex.click_id}::uuid) k ON true
      JOIN traffic_sources s ON s.id = u.source_id
      WHERE NOT ${c.disablePostbacks} AND s.postback_url <> '' AND NOT u.disable_postbacks
        AND (s.postback_on_status_change OR ${becameApproved})
      ON CONFLICT (event_id) DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ob)::int AS sent, (SELECT count(*) FROM u)::int AS updated`);
  if (!rows[0]?.updated) return { ...base, result: { outcome: "duplicate", conversionId: ex.id }, logged: false, conflict: true };
  const sent = rows[0]?.sent ?? 0;
  return {
    result: { outcome, conversionId: ex.id },
    logged: true,
    published: {
      conversionId: ex.id,
      campaignId: ex.campaign_id,
      offerId: ex.offer_id,
      sourceId: ex.source_id,
      change: status !== ex.status ? "status" : "revenue",
    },
    outbox: sent > 0,
  };
}
