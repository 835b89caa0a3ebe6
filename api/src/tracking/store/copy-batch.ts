// Fresh click batches on PostgreSQL go in with COPY, in one transaction: clicks, hits and first-time visitors are
// streamed as COPY text rows, which costs PostgreSQL about half of what parsing the same rows out of array
// parameters and unnesting them does (bench:clicks; the click row alone: 20 us instead of 36-45 us of backend CPU).
// COPY has no ON CONFLICT, so it is only for rows this process has just created: new click, hit and visitor ids.
// Returning visitors are upserted and landing click-throughs updated by statements in the same transaction, their
// values inline as array literals.
// Everything a batch writes travels in one Query message whose COPY data is sent with it (MultiCopy): one write
// and one round trip per batch.
// Spool replays, which may repeat rows a timed-out commit did write, keep the idempotent BATCH_SQL.
import type pg from "pg";
import { checkout } from "../../db/checkout.js";
import { CLICK_COLS, clickThroughStatement, mergeClickThroughs, mergeVisitors, visitorUpsertStatement } from "./batch-sql.js";
import type { Batch, ClickLines, ClickRow, HitRow, VisitorTouch } from "./rows.js";

const HIT_COLS = ["id", "click_id", "visitor_id", "campaign_id", "kind", "landing_id", "offer_id", "created_at"];
const VISITOR_COLS = ["id", "first_seen_at", "last_seen_at", "session_expires_at", "first_click_id", "last_click_id", "visits"];

const COPY_CLICKS = `COPY clicks (${CLICK_COLS.map(([c]) => c).join(", ")}) FROM STDIN`;
const COPY_HITS = `COPY hits (${HIT_COLS.join(", ")}) FROM STDIN`;
const COPY_VISITORS = `COPY visitors (${VISITOR_COLS.join(", ")}) FROM STDIN`;

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One field of a COPY text row: NULL as \N, and the four characters COPY gives a meaning escaped. */
export function copyField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v !== "string") return typeof v === "boolean" ? (v ? "t" : "f") : String(v);
  return SPECIAL.test(v) ? v.replace(SPECIAL_ALL, (ch) => ESCAPES[ch] as string) : v;
}

/**
 * ISO-8601 text of an epoch-ms time (\N for null), remembering the last one: clicks arrive several to the
 * millisecond and a click's row, hit and visitor share its time, so most calls skip the Date (about 1 us each).
 */
function isoMemo(): (ms: number | null) => string {
  let lastMs = Number.NaN;
  let last = "";
  return (ms) => {
    if (ms === null) return "\\N";
    if (ms !== lastMs) {
      last = new Date(ms).toISOString();
      lastMs = ms;
    }
    return last;
  };
}
/** Times of clicks, hits and visits. */
const iso = isoMemo();
/** Visitor session ends (a visit's time plus the session length): their own memo, so they do not evict the visit's. */
const isoUntil = isoMemo();

/** An array literal for text[] (the reasons are fixed identifiers, but quote anyway), as one COPY field. */
function textArrayField(values: string[]): string {
  if (!values.length) return "{}";
  return copyField(`{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`);
}

/** The COPY text row of a click, columns in CLICK_COLS order. */
export function clickLine(r: ClickRow): string {
  return `${r.id}\t${r.campaignId}\t${copyField(r.flowId)}\t${copyField(r.landingId)}\t${copyField(r.offerId)}\t${copyField(r.sourceId)}\t${r.visitorId}\t${iso(r.createdAt)}\t${r.outcome}\t${copyField(r.ip)}\t${copyField(r.country)}\t${copyField(r.region)}\t${copyField(r.city)}\t${copyField(r.isp)}\t${copyField(r.asn)}\t${copyField(r.os)}\t${copyField(r.osVersion)}\t${copyField(r.browser)}\t${copyField(r.browserVersion)}\t${copyField(r.deviceType)}\t${copyField(r.language)}\t${copyField(r.userAgent)}\t${copyField(r.referrer)}\t${copyField(r.referrerDomain)}\t${copyField(r.sub1)}\t${copyField(r.sub2)}\t${copyField(r.sub3)}\t${copyField(r.sub4)}\t${copyField(r.sub5)}\t${copyField(r.sourceClickId)}\t${copyField(r.extCampaignId)}\t${copyField(r.extAdSetId)}\t${copyField(r.extAdId)}\t${copyField(r.extPlacement)}\t${copyField(JSON.stringify(r.params))}\t${copyField(r.cost)}\t${copyField(r.costSource ?? null)}\t${copyField(r.costCurrency ?? "")}\t${r.isUnique ? "t" : "f"}\t${r.isBot ? "t" : "f"}\t${r.fraudScore}\t${textArrayField(r.fraudReasons)}\t${iso(r.landingClickedAt)}\n`;
}

const UNESCAPE = /\\(.)/g;
const UNESCAPES: Record<string, string> = { t: "\t", n: "\n", r: "\r" };

/** A COPY text field back to its value: \N is null, escapes undone (the inverse of copyField for strings). */
function fieldValue(f: string): string | null {
  if (f === "\\N") return null;
  return f.indexOf("\\") === -1 ? f : f.replace(UNESCAPE, (_, ch: string) => UNESCAPES[ch] ?? ch);
}

/** The elements of the text[] literal textArrayField writes (every element quoted). */
function textArray(literal: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(literal); m; m = re.exec(literal)) out.push((m[1] as string).replace(/\\(.)/g, "$1"));
  return out;
}

/**
 * A click row back from its COPY text row (clickLine's inverse): the recent-clicks cache keeps clicks as these
 * lines, one flat string each instead of an object of 43 fields and their strings, so holding tens of thousands of
 * them costs the garbage collector almost nothing.
 */
export function parseClickLine(line: string): ClickRow {
  const f = line.endsWith("\n") ? line.slice(0, -1).split("\t") : line.split("\t");
  if (f.length !== CLICK_COLS.length) throw new Error(`a click line has ${f.length} fields, not ${CLICK_COLS.length}`);
  const s = (i: number): string => fieldValue(f[i] as string) ?? "";
  const n = (i: number): string | null => fieldValue(f[i] as string);
  const time = (i: number): number | null => (f[i] === "\\N" ? null : Date.parse(f[i] as string));
  const asn = n(14);
  const costSource = n(36);
  const row: ClickRow = {
    id: s(0),
    campaignId: s(1),
    flowId: n(2),
    landingId: n(3),
    offerId: n(4),
    sourceId: n(5),
    visitorId: s(6),
    createdAt: time(7) as number,
    outcome: s(8) as ClickRow["outcome"],
    ip: s(9),
    country: s(10),
    region: s(11),
    city: s(12),
    isp: s(13),
    asn: asn === null ? null : Number(asn),
    os: s(15),
    osVersion: s(16),
    browser: s(17),
    browserVersion: s(18),
    deviceType: s(19),
    language: s(20),
    userAgent: s(21),
    referrer: s(22),
    referrerDomain: s(23),
    sub1: s(24),
    sub2: s(25),
    sub3: s(26),
    sub4: s(27),
    sub5: s(28),
    sourceClickId: s(29),
    extCampaignId: s(30),
    extAdSetId: s(31),
    extAdId: s(32),
    extPlacement: s(33),
    params: JSON.parse(s(34)) as Record<string, string>,
    cost: s(35),
    costCurrency: s(37),
    isUnique: f[38] === "t",
    isBot: f[39] === "t",
    fraudScore: Number(f[40]),
    fraudReasons: textArray(s(41)),
    landingClickedAt: time(42),
  };
  if (costSource !== null) row.costSource = costSource;
  return row;
}

function hitLine(h: HitRow): string {
  return `${h.id}\t${h.clickId}\t${h.visitorId}\t${h.campaignId}\t${h.kind}\t${copyField(h.landingId)}\t${copyField(h.offerId)}\t${iso(h.createdAt)}\n`;
}

function visitorLine(v: VisitorTouch, sessionMs: number): string {
  const at = iso(v.at);
  return `${v.id}\t${at}\t${at}\t${isoUntil(v.at + sessionMs)}\t${copyField(v.clickId)}\t${copyField(v.clickId)}\t${v.visits}\n`;
}

/**
 * One simple-protocol Query holding several statements, `COPY ... FROM STDIN` among them, with every COPY's data
 * sent right behind the Query in the same write instead of in answer to each CopyInResponse. The backend reads
 * the data when each COPY starts; if a statement fails first, the rest of the Query is skipped and the backend
 * drops the CopyData and CopyDone messages still queued (protocol, "COPY Operations"). So a batch costs one write
 * and one round trip. Each round trip waits for a turn of the api's event loop, which under load is busy with
 * HTTP: with one round trip per COPY (three per batch) a batch of 20 clicks took 3.5-4 ms to commit in
 * bench:clicks. Without BEGIN the Query is one implicit transaction. Implements pg's submittable interface.
 */
export class MultiCopy {
  private started = 0;
  private settled = false;
  readonly promise: Promise<void>;
  private resolve!: () => void;
  private reject!: (err: Error) => void;

  constructor(
    readonly text: string,
    private readonly payloads: Buffer[],
  ) {
    this.promise = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: PgConnection): void {
    connection.stream.cork();
    connection.query(this.text);
    for (const payload of this.payloads) {
      connection.sendCopyFromChunk(payload);
      connection.endCopyFrom();
    }
    connection.stream.uncork();
  }

  handleCopyInResponse(connection: PgConnection): void {
    // The data is already on its way; a COPY without a payload (cannot happen: one per statement) must not hang.
    if (++this.started > this.payloads.length) connection.sendCopyFail("more COPY statements than payloads");
  }

  handleError(err: Error): void {
    this.settle(err);
  }

  handleReadyForQuery(): void {
    this.settle(this.started === this.payloads.length ? undefined : new Error(`${this.payloads.length - this.started} COPY payloads were not used`));
  }

  private settle(err?: Error) {
    if (this.settled) return;
    this.settled = true;
    if (err) this.reject(err);
    else this.resolve();
  }

  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** The parts of pg's internal Connection a submittable talks to. */
interface PgConnection {
  stream: { cork(): void; uncork(): void };
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

/** The Query text and COPY payloads that write one batch (see the file comment); null for an empty batch. */
function batchCopy(batch: Batch & ClickLines, sessionMs: number): { text: string; payloads: string[] } | null {
  const statements: string[] = [];
  const payloads: string[] = [];
  if (batch.clicks.length) {
    let text = "";
    const lines = batch.clickLines;
    for (let i = 0; i < batch.clicks.length; i++) text += lines?.[i] ?? clickLine(batch.clicks[i] as ClickRow);
    statements.push(COPY_CLICKS);
    payloads.push(text);
  }
  if (batch.hits.length) {
    let text = "";
    for (const h of batch.hits) text += hitLine(h);
    statements.push(COPY_HITS);
    payloads.push(text);
  }
  const known: VisitorTouch[] = [];
  let fresh = "";
  for (const v of mergeVisitors(batch.visitors)) {
    if (v.isNew) fresh += visitorLine(v, sessionMs);
    else known.push(v);
  }
  if (fresh) {
    statements.push(COPY_VISITORS);
    payloads.push(fresh);
  }
  const throughs = mergeClickThroughs(batch.clickThroughs);
  if (known.length) statements.push(visitorUpsertStatement(known, sessionMs));
  if (throughs.length) statements.push(clickThroughStatement(throughs));
  // A multi-statement Query without BEGIN runs as one implicit transaction: all of the batch commits, or none.
  return statements.length ? { text: statements.join("; "), payloads } : null;
}

/**
 * Writes a batch of rows created by this process (see the file comment) in one transaction. Resolves once it
 * committed; on a timeout the connection is dropped, which rolls back whatever had not committed.
 */
export async function copyBatch(pool: pg.Pool, batch: Batch & ClickLines, sessionMs: number, timeoutMs: number): Promise<void> {
  const copy = batchCopy(batch, sessionMs);
  if (!copy) return;
  const conn = await checkout(pool);
  let timer: NodeJS.Timeout | undefined;
  const copies = new MultiCopy(
    copy.text,
    copy.payloads.map((p) => Buffer.from(p, "utf8")),
  );
  conn.client.query(copies as never);
  try {
    await Promise.race([
      copies.promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`click batch not committed within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (err) {
    // A connection whose batch failed or timed out is dropped: its transaction ends with it.
    conn.fail(err as Error);
    copies.promise.catch(() => {});
    throw err;
  } finally {
    clearTimeout(timer);
    conn.release();
  }
}
