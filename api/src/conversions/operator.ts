// Operator edits of a conversion: a manual status change or a revenue edit. Same path as a postback's status
// change (record-change.ts: row lock, history, log, outbox to the source when it wants changes), plus an audit
// entry in the same transaction.
import { sqltag as sql } from "@prisma/client/runtime/client";
import type { Actor } from "../auth/actor.js";
import type { Deps } from "../deps.js";
import { NotFoundError, ValidationError } from "../lib/errors.js";
import { newId } from "../lib/ids.js";
import { kickOutbox } from "../outbox/registry.js";
import { parseAmount, type ConversionResult, type ExistingRow } from "./record.js";
import { applyChange } from "./record-change.js";
import { conversionSettings, rateFor } from "./settings-cache.js";
import { mapStatus, type MappedStatus } from "./status.js";

export interface OperatorChange {
  /** A status value as postbacks send it: approved, sale, pending, on_hold, rejected, refunded, chargeback, ... */
  status?: string;
  revenue?: string;
  currency?: string;
  note?: string;
}

export async function changeConversion(deps: Deps, actor: Actor, id: string, input: OperatorChange): Promise<ConversionResult> {
  const s = await conversionSettings(deps);
  if (input.status === undefined && input.revenue === undefined) throw new ValidationError([{ path: "status", message: "give a status or a revenue" }]);
  let revenue: string | null = null;
  if (input.revenue !== undefined) {
    revenue = parseAmount(input.revenue);
    if (revenue === null) throw new ValidationError([{ path: "revenue", message: "not a non-negative decimal amount" }]);
  }
  const currency = (input.currency ?? "").trim().toUpperCase() || s.accountCurrency;
  rateFor(s, currency);
  const out = await deps.db.sql.transaction(async (tx) => {
    const ex = (
      await tx.query<ExistingRow>(sql`
        SELECT id, click_id, campaign_id, offer_id, source_id, network_id, status, ecom_status, revenue::text, currency, revenue_account::text,
               disable_postbacks
        FROM conversions WHERE id = ${id}::uuid FOR UPDATE`)
    )[0];
    if (!ex) throw new NotFoundError("conversion", id);
    const mapped: MappedStatus =
      input.status !== undefined
        ? { ...mapStatus(input.status), placeholder: false, remove: false }
        : { status: ex.status, ecom: ex.ecom_status, placeholder: false, remove: false };
    const result = await applyChange(tx, ex, {
      mapped,
      rawStatus: (input.status ?? "").slice(0, 64),
      revenue,
      currency,
      accountCurrency: s.accountCurrency,
      origin: "OPERATOR",
      disablePostbacks: ex.disable_postbacks,
      userId: actor.userId,
      note: (input.note ?? "").slice(0, 500),
      now: new Date(),
      force: true,
      log: { channel: "operator", method: "", params: { ...input }, ip: actor.ip, networkId: ex.network_id },
    });
    if (result.published) {
      await tx.execute(sql`
        INSERT INTO audit_log (id, actor_type, actor_id, actor_name, action, entity_type, entity_id, before, after, ip, created_at)
        VALUES (${newId()}::uuid, ${actor.type}::"ActorType", ${actor.id}::uuid, ${actor.name},
                ${input.status !== undefined ? "conversion.status_change" : "conversion.revenue_edit"}, 'conversion', ${id},
                ${JSON.stringify({ status: ex.status, ecomStatus: ex.ecom_status, revenue: ex.revenue, currency: ex.currency })}::jsonb,
                ${JSON.stringify({ ...input })}::jsonb, ${actor.ip}, now())`);
    }
    return result;
  });
  if (out.published) {
    deps.bus.publish("conversion:recorded", out.published);
    if (out.outbox) kickOutbox(deps);
  }
  return out.result;
}
