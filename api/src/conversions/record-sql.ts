// The SQL of recordConversion. The fast statement does the whole write of a new conversion in one round trip.
import { raw, sqltag as sql } from "@prisma/client/runtime/client";
import type { LogInfo } from "./record.js";

export interface FastInsert {
  ids: { conversion: string; history: string; log: string; outbox: string; notification: string };
  clickId: string | null;
  hitId: string | null;
  dedupeKey: string;
  type: string;
  status: string;
  ecom: string;
  rawStatus: string;
  tx: string;
  /** Explicit revenue (or the placeholder); null = the offer's payout. */
  revenue: string | null;
  currency: string;
  accountCurrency: string;
  origin: string;
  disablePostbacks: boolean;
  rawParams: Record<string, string>;
  now: Date;
  items: Array<{ id: string; sku: string; name: string; price: string; quantity: number }>;
  log: LogInfo;
}

/**
 * Macro values sent to the traffic source, from a conversion row (alias `conv`) and its click (alias `cl`).
 * Keep in sync with outbox/macros.ts.
 */
export const macrosSql = (conv: string, cl: string, ecom: string | ReturnType<typeof raw>) => {
  const c = raw(conv);
  const k = raw(cl);
  return sql`jsonb_build_object(
  'click_id', ${k}.source_click_id, 'external_id', ${k}.source_click_id, 'trackily_click_id', ${k}.click_id::text,
  'conversion_id', ${c}.id::text, 'payout', ${c}.revenue_account::text, 'revenue', ${c}.revenue_account::text,
  'original_payout', ${c}.revenue::text, 'original_currency', ${c}.currency, 'currency', ${c}.account_currency,
  'status', lower(${c}.status::text), 'ecom_status', ${ecom}::text, 'txid', ${c}.transaction_id, 'type', ${c}.type,
  'campaign_id', ${k}.campaign_id::text, 'offer_id', coalesce(${c}.offer_id::text, ''), 'country', ${k}.country,
  'sub1', ${k}.sub1, 'sub2', ${k}.sub2, 'sub3', ${k}.sub3, 'sub4', ${k}.sub4, 'sub5', ${k}.sub5,
  'ext_campaign_id', ${k}.ext_campaign_id, 'ext_ad_set_id', ${k}.ext_ad_set_id, 'ext_ad_id', ${k}.ext_ad_id, 'placement', ${k}.ext_placement)`;
};

export function fastInsertSql(f: FastInsert) {
  const itemIds = f.items.map((i) => i.id);
  const itemSkus = f.items.map((i) => i.sku);
  const itemNames = f.items.map((i) => i.name);
  const itemPrices = f.items.map((i) => i.price);
  const itemQty = f.items.map((i) => i.quantity);
  return sql`
WITH t AS (
  SELECT ${f.clickId}::uuid AS click_id, NULL::uuid AS hit_id, NULL::uuid AS offer_id, NULL::uuid AS landing_id WHERE ${f.hitId}::uuid IS NULL
  UNION ALL
  SELECT h.click_id, h.id, h.offer_id, h.landing_id FROM hits h WHERE h.id = ${f.hitId}::uuid
), c AS (
  SELECT cl.id AS click_id, t.hit_id, cl.visitor_id, cl.campaign_id, cl.flow_id, COALESCE(t.landing_id, cl.landing_id) AS landing_id,
         COALESCE(t.offer_id, cl.offer_id) AS offer_id, cl.source_id, cl.country, cl.created_at, cl.source_click_id,
         cl.sub1, cl.sub2, cl.sub3, cl.sub4, cl.sub5, cl.ext_campaign_id, cl.ext_ad_set_id, cl.ext_ad_id, cl.ext_placement
  FROM t JOIN clicks cl ON cl.id = t.click_id
), v AS (
  SELECT c.*, o.network_id, camp.cost_model, camp.cost_value,
         (SELECT ts.currency::text FROM traffic_sources ts WHERE ts.id = c.source_id) AS cost_cur,
         COALESCE(${f.revenue}::numeric, op.payout, o.payout, 0) AS rev,
         CASE WHEN ${f.revenue}::numeric IS NOT NULL THEN ${f.currency}::text ELSE COALESCE(op.currency, o.currency, ${f.accountCurrency}::text) END AS cur
  FROM c
  LEFT JOIN offers o ON o.id = c.offer_id
  LEFT JOIN offer_payouts op ON op.offer_id = c.offer_id AND op.country = c.country
  LEFT JOIN campaigns camp ON camp.id = c.campaign_id
), r AS (
  SELECT v.*, round(v.rev * CASE WHEN v.cur = ${f.accountCurrency}::text THEN 1
                                 ELSE COALESCE((SELECT cr.rate FROM currency_rates cr WHERE cr.currency = v.cur::bpchar), 1) END, 4) AS rev_account
  FROM v
), ins AS (
  INSERT INTO conversions (id, dedupe_key, click_id, hit_id, visitor_id, campaign_id, flow_id, landing_id, offer_id, source_id, network_id,
                           type, status, ecom_status, raw_status, transaction_id, revenue, currency, revenue_account, account_currency, cost,
                           parent_id, origin, disable_postbacks, country, click_created_at, created_at, updated_at, raw_params)
  SELECT ${f.ids.conversion}::uuid, ${f.dedupeKey}, r.click_id, r.hit_id, r.visitor_id, r.campaign_id, r.flow_id, r.landing_id, r.offer_id,
         r.source_id, r.network_id, ${f.type}, ${f.status}::"ConversionStatus", ${f.ecom}, ${f.rawStatus}, ${f.tx}, r.rev, r.cur, r.rev_account,
         ${f.accountCurrency}::text,
         CASE r.cost_model WHEN 'CPA' THEN round(r.cost_value * CASE WHEN COALESCE(r.cost_cur, ${f.accountCurrency}::text) = ${f.accountCurrency}::text THEN 1
                                                 ELSE COALESCE((SELECT cr.rate FROM currency_rates cr WHERE cr.currency = r.cost_cur::bpchar), 1) END, 6) WHEN 'REVSHARE' THEN round(r.rev_account * r.cost_value / 100, 6) ELSE 0 END,
         CASE WHEN ${f.type} = 'rebill' THEN (SELECT p.id FROM conversions p WHERE p.click_id = r.click_id AND p.type = 'sale' AND p.status <> 'REJECTED'
                                               ORDER BY p.created_at LIMIT 1) END,
         ${f.origin}::"ConversionOrigin", ${f.disablePostbacks}, r.country, r.created_at, ${f.now}::timestamptz, ${f.now}::timestamptz,
         ${JSON.stringify(f.rawParams)}::jsonb
  FROM r
  ON CONFLICT (dedupe_key) DO NOTHING
  RETURNING id, campaign_id, offer_id, source_id, network_id, click_id, status, revenue, currency, revenue_account, account_currency,
            transaction_id, type, disable_postbacks
), hist AS (
  INSERT INTO conversion_status_changes (id, conversion_id, from_status, to_status, from_ecom_status, to_ecom_status, from_revenue, to_revenue,
                                         origin, note, created_at)
  SELECT ${f.ids.history}::uuid, ins.id, NULL, ins.status, '', ${f.ecom}, NULL, ins.revenue, ${f.origin}::"ConversionOrigin", 'created', ${f.now}::timestamptz
  FROM ins
), itm AS (
  INSERT INTO conversion_items (id, conversion_id, sku, name, price, quantity)
  SELECT x.id, ins.id, x.sku, x.name, x.price, x.qty
  FROM ins, unnest(${itemIds}::uuid[], ${itemSkus}::text[], ${itemNames}::text[], ${itemPrices}::numeric[], ${itemQty}::int[]) AS x(id, sku, name, price, qty)
), ob AS (
  INSERT INTO outbound_deliveries (id, event_id, kind, conversion_id, method, url, macros, next_attempt_at, created_at)
  SELECT ${f.ids.outbox}::uuid, ins.id::text || ':created', 'source_postback', ins.id, 'GET', s.postback_url, ${macrosSql("ins", "r", f.ecom)},
         ${f.now}::timestamptz, ${f.now}::timestamptz
  FROM ins JOIN r ON true JOIN traffic_sources s ON s.id = ins.source_id
  WHERE s.postback_url <> '' AND NOT ins.disable_postbacks AND (ins.status = 'APPROVED' OR s.postback_on_status_change)
  RETURNING id
), ntf AS (
  INSERT INTO notifications (id, type, title, body, data, created_at)
  SELECT ${f.ids.notification}::uuid, 'conversion', 'New ' || ins.type || ': ' || ins.revenue_account::text || ' ' || ins.account_currency,
         COALESCE((SELECT name FROM campaigns WHERE id = ins.campaign_id), ''),
         jsonb_build_object('conversionId', ins.id, 'campaignId', ins.campaign_id, 'offerId', ins.offer_id), ${f.now}::timestamptz
  FROM ins
), ex AS (
  -- An exact repeat of what is stored (same status, e-commerce status and revenue) is a duplicate, decided here in
  -- the same round trip. Rows this statement cannot see yet (a concurrent first insert) go to the locked slow path.
  -- Looked up by dedupe key alone (see record-batch-sql.ts's ex).
  SELECT cv.id, cv.click_id, cv.network_id
  FROM (SELECT k.id, k.click_id, k.network_id, k.status, k.ecom_status, k.revenue, k.currency FROM conversions k WHERE k.dedupe_key = ${f.dedupeKey} LIMIT 1) cv
  WHERE NOT EXISTS (SELECT 1 FROM ins)
    AND cv.status = ${f.status}::"ConversionStatus" AND (${f.ecom} = '' OR cv.ecom_status = ${f.ecom})
    AND (${f.revenue}::numeric IS NULL OR (cv.revenue = ${f.revenue}::numeric AND cv.currency = ${f.currency}::text))
), lg AS (
  INSERT INTO postback_log (id, received_at, channel, method, params, ip, outcome, message, click_id, conversion_id, network_id)
  SELECT ${f.ids.log}::uuid, ${f.now}::timestamptz, ${f.log.channel}, ${f.log.method}, ${JSON.stringify(f.log.params)}::jsonb, ${f.log.ip},
         (CASE WHEN ins.id IS NOT NULL THEN 'RECORDED' WHEN ex.id IS NOT NULL THEN 'DUPLICATE' ELSE 'UNKNOWN_CLICK' END)::"PostbackOutcome",
         CASE WHEN ins.id IS NOT NULL THEN '' WHEN ex.id IS NOT NULL THEN 'already recorded' ELSE 'no click matches this postback' END,
         COALESCE(ins.click_id, ex.click_id), COALESCE(ins.id, ex.id), COALESCE(${f.log.networkId}::uuid, ins.network_id, ex.network_id)
  FROM (SELECT 1) one LEFT JOIN ins ON true LEFT JOIN ex ON true
  WHERE ins.id IS NOT NULL OR ex.id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM c)
)
SELECT EXISTS (SELECT 1 FROM c) AS found, ins.id, ins.campaign_id, ins.offer_id, ins.source_id, (SELECT count(*) FROM ob)::int AS outbox,
       (SELECT ex.id FROM ex) AS duplicate_of
FROM (SELECT 1) one LEFT JOIN ins ON true`;
}

/** The conversion of a dedupe key, as a status change decides on it (record-change.ts compares and sets). */
export function existingSql(dedupeKey: string) {
  return sql`
SELECT id, click_id, campaign_id, offer_id, source_id, network_id, status, ecom_status, revenue::text, currency, revenue_account::text,
       disable_postbacks
FROM conversions WHERE dedupe_key = ${dedupeKey}`;
}

export function targetExistsSql(clickId: string | null, hitId: string | null) {
  return hitId
    ? sql`SELECT EXISTS (SELECT 1 FROM hits WHERE id = ${hitId}::uuid) AS ok`
    : sql`SELECT EXISTS (SELECT 1 FROM clicks WHERE id = ${clickId}::uuid) AS ok`;
}

/**
 * vid(+p): the visitor's most recent hit on page p (a landing or offer id), or their last offer hit when p is
 * missing; only while the visitor's session is live (4 days, extended by activity). Without any hit, the
 * visitor's last click.
 */
export function resolveVisitorSql(visitorId: string, page: string | null) {
  return sql`
SELECT (SELECT h.id FROM hits h
        WHERE h.visitor_id = v.id
          AND (CASE WHEN ${page}::uuid IS NULL THEN h.kind = 'OFFER' ELSE (h.offer_id = ${page}::uuid OR h.landing_id = ${page}::uuid) END)
        ORDER BY h.created_at DESC LIMIT 1) AS hit_id,
       CASE WHEN ${page}::uuid IS NULL THEN v.last_click_id END AS click_id
FROM visitors v WHERE v.id = ${visitorId}::uuid AND v.session_expires_at > now()`;
}
