// The batch form of record-sql.ts's fast statement: the same data-modifying CTEs over unnest()ed arrays, so one
// statement writes a whole group-commit batch (record-batch.ts).
import { raw, sqltag as sql } from "@prisma/client/runtime/client";
import type { FastInsert } from "./record-sql.js";
import { macrosSql } from "./record-sql.js";

export function batchInsertSql(fs: FastInsert[]) {
  const col = <T>(pick: (f: FastInsert) => T) => fs.map(pick);
  const now = (fs[0] as FastInsert).now;
  const acct = (fs[0] as FastInsert).accountCurrency;
  const rawParams = fs.map((f) => JSON.stringify(f.rawParams));
  // The postback route records and logs the same params object: serialised once.
  const logParams = fs.map((f, i) => (f.log.params === f.rawParams ? rawParams[i] : JSON.stringify(f.log.params)));
  return sql`
WITH inp AS (
  SELECT * FROM unnest(${fs.map((_f, i) => i)}::int[], ${col((f) => f.ids.conversion)}::uuid[], ${col((f) => f.ids.history)}::uuid[],
                       ${col((f) => f.ids.log)}::uuid[], ${col((f) => f.ids.outbox)}::uuid[], ${col((f) => f.ids.notification)}::uuid[],
                       ${col((f) => f.clickId)}::uuid[], ${col((f) => f.hitId)}::uuid[], ${col((f) => f.dedupeKey)}::text[], ${col((f) => f.type)}::text[],
                       ${col((f) => f.status)}::text[], ${col((f) => f.ecom)}::text[], ${col((f) => f.rawStatus)}::text[], ${col((f) => f.tx)}::text[],
                       ${col((f) => f.revenue)}::numeric[], ${col((f) => f.currency)}::text[], ${col((f) => f.origin)}::text[],
                       ${col((f) => f.disablePostbacks)}::bool[], ${rawParams}::text[], ${col((f) => f.log.channel)}::text[],
                       ${col((f) => f.log.method)}::text[], ${logParams}::text[], ${col((f) => f.log.ip)}::text[],
                       ${col((f) => f.log.networkId)}::uuid[])
    AS i(ord, conv_id, hist_id, log_id, ob_id, ntf_id, click_id, hit_id, dedupe_key, type, status, ecom, raw_status, tx, revenue, currency, origin,
         disable, raw_params, channel, method, params, ip, network_id)
), t AS (
  SELECT i.ord, COALESCE(h.click_id, i.click_id) AS click_id, h.id AS hit_id, h.offer_id, h.landing_id
  FROM inp i LEFT JOIN hits h ON h.id = i.hit_id
  WHERE i.hit_id IS NULL OR h.id IS NOT NULL
), c AS (
  SELECT t.ord, cl.id AS click_id, t.hit_id, cl.visitor_id, cl.campaign_id, cl.flow_id, COALESCE(t.landing_id, cl.landing_id) AS landing_id,
         COALESCE(t.offer_id, cl.offer_id) AS offer_id, cl.source_id, cl.country, cl.created_at, cl.source_click_id,
         cl.sub1, cl.sub2, cl.sub3, cl.sub4, cl.sub5, cl.ext_campaign_id, cl.ext_ad_set_id, cl.ext_ad_id, cl.ext_placement
  FROM t JOIN clicks cl ON cl.id = t.click_id
), v AS (
  SELECT c.*, o.network_id, camp.cost_model, camp.cost_value,
         (SELECT ts.currency::text FROM traffic_sources ts WHERE ts.id = c.source_id) AS cost_cur,
         COALESCE(i.revenue, op.payout, o.payout, 0) AS rev,
         CASE WHEN i.revenue IS NOT NULL THEN i.currency ELSE COALESCE(op.currency, o.currency, ${acct}::text) END AS cur
  FROM c JOIN inp i ON i.ord = c.ord
  LEFT JOIN offers o ON o.id = c.offer_id
  LEFT JOIN offer_payouts op ON op.offer_id = c.offer_id AND op.country = c.country
  LEFT JOIN campaigns camp ON camp.id = c.campaign_id
), r AS (
  SELECT v.*, round(v.rev * CASE WHEN v.cur = ${acct}::text THEN 1
                                 ELSE COALESCE((SELECT cr.rate FROM currency_rates cr WHERE cr.currency = v.cur::bpchar), 1) END, 4) AS rev_account
  FROM v
), ins AS (
  INSERT INTO conversions (id, dedupe_key, click_id, hit_id, visitor_id, campaign_id, flow_id, landing_id, offer_id, source_id, network_id,
                           type, status, ecom_status, raw_status, transaction_id, revenue, currency, revenue_account, account_currency, cost,
                           parent_id, origin, disable_postbacks, country, click_created_at, created_at, updated_at, raw_params)
  SELECT i.conv_id, i.dedupe_key, r.click_id, r.hit_id, r.visitor_id, r.campaign_id, r.flow_id, r.landing_id, r.offer_id,
         r.source_id, r.network_id, i.type, i.status::"ConversionStatus", i.ecom, i.raw_status, i.tx, r.rev, r.cur, r.rev_account, ${acct}::text,
         CASE r.cost_model WHEN 'CPA' THEN round(r.cost_value * CASE WHEN COALESCE(r.cost_cur, ${acct}::text) = ${acct}::text THEN 1
                                                 ELSE COALESCE((SELECT cr.rate FROM currency_rates cr WHERE cr.currency = r.cost_cur::bpchar), 1) END, 6) WHEN 'REVSHARE' THEN round(r.rev_account * r.cost_value / 100, 6) ELSE 0 END,
         CASE WHEN i.type = 'rebill' THEN (SELECT p.id FROM conversions p WHERE p.click_id = r.click_id AND p.type = 'sale' AND p.status <> 'REJECTED'
                                            ORDER BY p.created_at LIMIT 1) END,
         i.origin::"ConversionOrigin", i.disable, r.country, r.created_at, ${now}::timestamptz, ${now}::timestamptz, i.raw_params::jsonb
  FROM r JOIN inp i ON i.ord = r.ord
  ORDER BY i.ord
  ON CONFLICT (dedupe_key) DO NOTHING
  RETURNING id, campaign_id, offer_id, source_id, network_id, click_id, status, revenue, currency, revenue_account, account_currency,
            transaction_id, type, disable_postbacks
), hist AS (
  INSERT INTO conversion_status_changes (id, conversion_id, from_status, to_status, from_ecom_status, to_ecom_status, from_revenue, to_revenue,
                                         origin, note, created_at)
  SELECT i.hist_id, ins.id, NULL, ins.status, '', i.ecom, NULL, ins.revenue, i.origin::"ConversionOrigin", 'created', ${now}::timestamptz
  FROM ins JOIN inp i ON i.conv_id = ins.id
), src AS (
  -- Each element's click (for the macros) and its source's postback, keyed by the conversion id it would insert, so
  -- the outbox joins ins once (a hash join; joining ins, inp and r in one go was planned as nested loops over
  -- the CTEs, quadratic in the batch size).
  SELECT r.*, i.conv_id, i.ob_id, i.ecom, s.postback_url, s.postback_on_status_change
  FROM r JOIN inp i ON i.ord = r.ord JOIN traffic_sources s ON s.id = r.source_id
  WHERE s.postback_url <> '' AND NOT i.disable
), ob AS (
  INSERT INTO outbound_deliveries (id, event_id, kind, conversion_id, method, url, macros, next_attempt_at, created_at)
  SELECT src.ob_id, ins.id::text || ':created', 'source_postback', ins.id, 'GET', src.postback_url, ${macrosSql("ins", "src", raw("src.ecom"))},
         ${now}::timestamptz, ${now}::timestamptz
  FROM ins JOIN src ON src.conv_id = ins.id
  WHERE ins.status = 'APPROVED' OR src.postback_on_status_change
  RETURNING conversion_id
), ntf AS (
  INSERT INTO notifications (id, type, title, body, data, created_at)
  SELECT i.ntf_id, 'conversion', 'New ' || ins.type || ': ' || ins.revenue_account::text || ' ' || ins.account_currency,
         COALESCE((SELECT name FROM campaigns WHERE id = ins.campaign_id), ''),
         jsonb_build_object('conversionId', ins.id, 'campaignId', ins.campaign_id, 'offerId', ins.offer_id), ${now}::timestamptz
  FROM ins JOIN inp i ON i.conv_id = ins.id
), ex AS (
  -- The lookup is by dedupe key alone (LIMIT 1 keeps the other conditions out of it): given the status condition too,
  -- a generic plan made while the statistics said the table was empty used the offer/status index, matching on
  -- status alone, and read every conversion of that status per duplicate.
  SELECT i.ord, cv.id, cv.click_id, cv.network_id
  FROM inp i CROSS JOIN LATERAL (
    SELECT k.id, k.click_id, k.network_id, k.status, k.ecom_status, k.revenue, k.currency FROM conversions k WHERE k.dedupe_key = i.dedupe_key LIMIT 1
  ) cv
  WHERE NOT EXISTS (SELECT 1 FROM ins WHERE ins.id = i.conv_id)
    AND cv.status = i.status::"ConversionStatus" AND (i.ecom = '' OR cv.ecom_status = i.ecom)
    AND (i.revenue IS NULL OR (cv.revenue = i.revenue AND cv.currency = i.currency))
), lg AS (
  INSERT INTO postback_log (id, received_at, channel, method, params, ip, outcome, message, click_id, conversion_id, network_id)
  SELECT i.log_id, ${now}::timestamptz, i.channel, i.method, i.params::jsonb, i.ip,
         (CASE WHEN ins.id IS NOT NULL THEN 'RECORDED' WHEN ex.id IS NOT NULL THEN 'DUPLICATE' ELSE 'UNKNOWN_CLICK' END)::"PostbackOutcome",
         CASE WHEN ins.id IS NOT NULL THEN '' WHEN ex.id IS NOT NULL THEN 'already recorded' ELSE 'no click matches this postback' END,
         COALESCE(ins.click_id, ex.click_id), COALESCE(ins.id, ex.id), COALESCE(i.network_id, ins.network_id, ex.network_id)
  FROM inp i LEFT JOIN ins ON ins.id = i.conv_id LEFT JOIN ex ON ex.ord = i.ord
  WHERE ins.id IS NOT NULL OR ex.id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM c WHERE c.ord = i.ord)
)
SELECT i.ord, EXISTS (SELECT 1 FROM c WHERE c.ord = i.ord) AS found, ins.id, ins.campaign_id, ins.offer_id, ins.source_id,
       COALESCE(obc.n, 0)::int AS outbox, ex.id AS duplicate_of
FROM inp i LEFT JOIN ins ON ins.id = i.conv_id LEFT JOIN ex ON ex.ord = i.ord
LEFT JOIN (SELECT conversion_id, count(*) AS n FROM ob GROUP BY conversion_id) obc ON obc.conversion_id = ins.id
ORDER BY i.ord`;
}
