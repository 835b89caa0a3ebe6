// One statement per batch: every click, hit, visitor touch and click-through of the batch goes to PostgreSQL as
// arrays and is unnested server-side, so a batch costs one round trip and one commit whatever its size.
// Inserts are idempotent (ON CONFLICT (id) DO NOTHING), and a click's visit counts only with its click row, which
// makes a spool replay exactly-once.
import pg from "pg";
import type { Batch } from "./rows.js";

export const CLICK_COLS: Array<[string, string]> = [
  ["id", "uuid"],
  ["campaign_id", "uuid"],
  ["flow_id", "uuid"],
  ["landing_id", "uuid"],
  ["offer_id", "uuid"],
  ["source_id", "uuid"],
  ["visitor_id", "uuid"],
  ["created_at", "float8"],
  ["outcome", "text"],
  ["ip", "text"],
  ["country", "text"],
  ["region", "text"],
  ["city", "text"],
  ["isp", "text"],
  ["asn", "int4"],
  ["os", "text"],
  ["os_version", "text"],
  ["browser", "text"],
  ["browser_version", "text"],
  ["device_type", "text"],
  ["language", "text"],
  ["user_agent", "text"],
  ["referrer", "text"],
  ["referrer_domain", "text"],
  ["sub1", "text"],
  ["sub2", "text"],
  ["sub3", "text"],
  ["sub4", "text"],
  ["sub5", "text"],
  ["source_click_id", "text"],
  ["ext_campaign_id", "text"],
  ["ext_ad_set_id", "text"],
  ["ext_ad_id", "text"],
  ["ext_placement", "text"],
  ["params", "text"],
  ["cost", "text"],
  ["cost_source", "text"],
  ["cost_currency", "text"],
  ["is_unique", "bool"],
  ["is_bot", "bool"],
  ["fraud_score", "int2"],
  ["fraud_reasons", "text"],
  ["landing_clicked_at", "float8"],
];

const selectExpr = (col: string): string => {
  switch (col) {
    case "created_at":
      return "to_timestamp(t.created_at / 1000.0)";
    case "landing_clicked_at":
      return "to_timestamp(t.landing_clicked_at / 1000.0)";
    case "outcome":
      return 't.outcome::"ClickOutcome"';
    case "params":
      return "t.params::jsonb";
    case "cost":
      return "t.cost::numeric";
    case "cost_source":
      return "t.cost_source::numeric";
    case "fraud_reasons":
      return "CASE WHEN t.fraud_reasons = '' THEN '{}'::text[] ELSE string_to_array(t.fraud_reasons, ',') END";
    default:
      return `t.${col}`;
  }
};

let n = 0;
const p = (type: string) => `$${++n}::${type}[]`;
const clickParams = CLICK_COLS.map(([, type]) => p(type)).join(", ");
const hitParams = ["uuid", "uuid", "uuid", "uuid", "text", "uuid", "uuid", "float8"].map(p).join(", ");
const visitorParams = ["uuid", "float8", "uuid", "int4"].map(p).join(", ");
const throughIds = p("uuid");
const throughParams = `${throughIds}, ${p("float8")}`;

export const BATCH_SQL = `WITH c AS (
  INSERT INTO clicks (${CLICK_COLS.map(([c]) => c).join(", ")})
  SELECT ${CLICK_COLS.map(([c]) => selectExpr(c)).join(", ")}
  FROM unnest(${clickParams}) AS t(${CLICK_COLS.map(([c]) => c).join(", ")})
  ON CONFLICT (id) DO NOTHING
  RETURNING id
), h AS (
  INSERT INTO hits (id, click_id, visitor_id, campaign_id, kind, landing_id, offer_id, created_at)
  SELECT t.id, t.click_id, t.visitor_id, t.campaign_id, t.kind::"HitKind", t.landing_id, t.offer_id, to_timestamp(t.created_at / 1000.0)
  FROM unnest(${hitParams}) AS t(id, click_id, visitor_id, campaign_id, kind, landing_id, offer_id, created_at)
  ON CONFLICT (id) DO NOTHING
), v AS (
  ${visitorUpsert(visitorParams, `$${n + 1}::float8`, "t.click_id IS NULL OR t.click_id IN (SELECT id FROM c)")}
), u AS (
  ${clickThrough(throughParams, throughIds)}
)
SELECT 1`;

/**
 * Visitor touches as one upsert: first visits insert, returning visitors extend their session. In BATCH_SQL a
 * click's touch counts only when its click row is inserted by the same statement: a spool replay of a batch whose
 * timed-out commit did land must not count those visits twice (hit touches only extend the session, which is
 * idempotent).
 */
function visitorUpsert(params: string, sessionSecs: string, where = "true"): string {
  return `INSERT INTO visitors (id, first_seen_at, last_seen_at, session_expires_at, first_click_id, last_click_id, visits)
  SELECT t.id, to_timestamp(t.at / 1000.0), to_timestamp(t.at / 1000.0), to_timestamp(t.at / 1000.0) + make_interval(secs => ${sessionSecs}), t.click_id, t.click_id, t.visits
  FROM unnest(${params}) AS t(id, at, click_id, visits)
  WHERE ${where}
  ON CONFLICT (id) DO UPDATE SET
    last_seen_at = GREATEST(visitors.last_seen_at, EXCLUDED.last_seen_at),
    session_expires_at = GREATEST(visitors.session_expires_at, EXCLUDED.session_expires_at),
    last_click_id = COALESCE(EXCLUDED.last_click_id, visitors.last_click_id),
    first_click_id = COALESCE(visitors.first_click_id, EXCLUDED.first_click_id),
    visits = visitors.visits + EXCLUDED.visits`;
}

/** Landing click-throughs: the first time per click is kept. */
function clickThrough(params: string, ids: string): string {
  return `UPDATE clicks SET landing_clicked_at = to_timestamp(x.t / 1000.0)
  FROM unnest(${params}) AS x(id, t)
  -- The one-time filter skips the join entirely for batches without click-throughs (most of them): with a
  -- generic plan made while the table looked small, the join is a sequential scan of clicks per batch.
  WHERE cardinality(${ids}) > 0 AND clicks.id = x.id AND clicks.landing_clicked_at IS NULL`;
}

// Array parameters are sent as PostgreSQL array literals built here: cheaper than pg's generic per-element
// serialisation, which dominated the per-click cost of the insert path.
const NEEDS_QUOTE = /["\\]/;
const QUOTE_CHARS = /["\\]/g;
function textArray(values: Array<string | null>): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ",";
    if (v === null || v === undefined) out += "NULL";
    else out += `"${NEEDS_QUOTE.test(v) ? v.replace(QUOTE_CHARS, "\\$&") : v}"`;
  }
  return `${out}}`;
}
function plainArray(values: Array<string | number | boolean | null>): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ",";
    out += v === null || v === undefined ? "NULL" : String(v);
  }
  return `${out}}`;
}
const literal = (type: string, values: unknown[]): string =>
  type === "text" ? textArray(values as Array<string | null>) : plainArray(values as Array<string | number | boolean | null>);

/** An array as an inline SQL literal of `type`[] (for statements that travel without parameters). */
const inlineArray = (type: string, values: unknown[]): string => `${pg.escapeLiteral(literal(type, values))}::${type}[]`;

/**
 * The visitor upsert for returning visitors as one self-contained statement (array literals inline), so it can
 * travel in the same simple-protocol Query as a batch's COPYs. Touches must be merged (mergeVisitors).
 */
export function visitorUpsertStatement(touches: Batch["visitors"], sessionMs: number): string {
  const col = (type: string, pick: (v: Batch["visitors"][number]) => unknown) => inlineArray(type, touches.map(pick));
  const params = `${col("uuid", (v) => v.id)}, ${col("float8", (v) => v.at)}, ${col("uuid", (v) => v.clickId)}, ${col("int4", (v) => v.visits)}`;
  return visitorUpsert(params, `${sessionMs / 1000}::float8`);
}

/** Landing click-throughs (merged, see mergeClickThroughs) as one self-contained statement, like visitorUpsertStatement. */
export function clickThroughStatement(throughs: Batch["clickThroughs"]): string {
  const clickIds = throughs.map((t) => t[0]);
  const times = throughs.map((t) => t[1]);
  const ids = inlineArray("uuid", clickIds);
  return clickThrough(`${ids}, ${inlineArray("float8", times)}`, ids);
}

/** Parameters for BATCH_SQL. Visitor touches must be unique by id within a batch (see mergeVisitors). */
export function batchParams(b: Batch, sessionMs: number): unknown[] {
  return batchArrays(b, sessionMs).map((v, i) => (Array.isArray(v) ? literal(PARAM_TYPES[i] as string, v) : v));
}

const PARAM_TYPES = [
  ...CLICK_COLS.map(([, t]) => t),
  "uuid",
  "uuid",
  "uuid",
  "uuid",
  "text",
  "uuid",
  "uuid",
  "float8",
  "uuid",
  "float8",
  "uuid",
  "int4",
  "uuid",
  "float8",
  "float8",
];

/** The same parameters as JS arrays (PGlite, tests). */
export function batchArrays(b: Batch, sessionMs: number): unknown[] {
  const cols: unknown[][] = CLICK_COLS.map(() => new Array(b.clicks.length));
  for (let i = 0; i < b.clicks.length; i++) {
    const r = b.clicks[i];
    if (!r) continue;
    const vals = [
      r.id,
      r.campaignId,
      r.flowId,
      r.landingId,
      r.offerId,
      r.sourceId,
      r.visitorId,
      r.createdAt,
      r.outcome,
      r.ip,
      r.country,
      r.region,
      r.city,
      r.isp,
      r.asn,
      r.os,
      r.osVersion,
      r.browser,
      r.browserVersion,
      r.deviceType,
      r.language,
      r.userAgent,
      r.referrer,
      r.referrerDomain,
      r.sub1,
      r.sub2,
      r.sub3,
      r.sub4,
      r.sub5,
      r.sourceClickId,
      r.extCampaignId,
      r.extAdSetId,
      r.extAdId,
      r.extPlacement,
      JSON.stringify(r.params),
      r.cost,
      r.costSource ?? null,
      r.costCurrency ?? "",
      r.isUnique,
      r.isBot,
      r.fraudScore,
      r.fraudReasons.join(","),
      r.landingClickedAt,
    ];
    for (let c = 0; c < vals.length; c++) (cols[c] as unknown[])[i] = vals[c];
  }
  const h = b.hits;
  const visitors = mergeVisitors(b.visitors);
  const throughs = mergeClickThroughs(b.clickThroughs);
  return [
    ...cols,
    h.map((x) => x.id),
    h.map((x) => x.clickId),
    h.map((x) => x.visitorId),
    h.map((x) => x.campaignId),
    h.map((x) => x.kind),
    h.map((x) => x.landingId),
    h.map((x) => x.offerId),
    h.map((x) => x.createdAt),
    visitors.map((x) => x.id),
    visitors.map((x) => x.at),
    visitors.map((x) => x.clickId),
    visitors.map((x) => x.visits),
    throughs.map((x) => x[0]),
    throughs.map((x) => x[1]),
    sessionMs / 1000,
  ];
}

/**
 * One touch per visitor id (ON CONFLICT DO UPDATE may not touch a row twice in one statement), in id order: batches
 * in flight together then lock shared visitor rows in the same order and cannot deadlock on them.
 */
export function mergeVisitors(touches: Batch["visitors"]): Batch["visitors"] {
  if (touches.length < 2) return touches;
  const byId = new Map<string, Batch["visitors"][number]>();
  for (const t of touches) {
    const prev = byId.get(t.id);
    if (!prev) byId.set(t.id, { ...t });
    else {
      prev.visits += t.visits;
      if (t.isNew) prev.isNew = true;
      if (t.at >= prev.at) {
        prev.at = t.at;
        if (t.clickId) prev.clickId = t.clickId;
      }
    }
  }
  return [...byId.values()].sort(compareIds);
}

const compareIds = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Click-throughs by click id, first time per click, in id order (the same lock order as visitors). */
export function mergeClickThroughs(list: Batch["clickThroughs"]): Batch["clickThroughs"] {
  if (list.length < 2) return list;
  const first = new Map<string, number>();
  for (const [id, at] of list) if (!first.has(id) || at < (first.get(id) as number)) first.set(id, at);
  return [...first].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
