// Fresh click batches on PostgreSQL go in with COPY, in one transaction: clicks, hits and first-time visitors are
// streamed as COPY text rows, which costs PostgreSQL about half of what parsing the same rows out of array
// parameters and unnesting them does (bench:clicks; the click row alone: 20 us instead of 36-45 us of backend CPU).
// COPY has no ON CONFLICT, so it is only for rows this process has just created: new click, hit and visitor ids.
// Returning visitors are upserted and landing click-throughs updated with statements in the same transaction.
// All the copies of a batch travel in one Query message (MultiCopy).
// Spool replays, which may repeat rows a timed-out commit did write, keep the idempotent BATCH_SQL.
import type pg from "pg";
import { checkout } from "../../db/checkout.js";
import { CLICK_COLS, CLICK_THROUGH_SQL, mergeClickThroughs, mergeVisitors, VISITOR_UPSERT_SQL } from "./batch-sql.js";
import type { Batch, ClickRow, HitRow, VisitorTouch } from "./rows.js";

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

const iso = (ms: number | null): string => (ms === null ? "\\N" : new Date(ms).toISOString());

/** An array literal for text[] (the reasons are fixed identifiers, but quote anyway), as one COPY field. */
function textArrayField(values: string[]): string {
  if (!values.length) return "{}";
  return copyField(`{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`);
}

/** The COPY text row of a click, columns in CLICK_COLS order. */
export function clickLine(r: ClickRow): string {
  return `${r.id}\t${r.campaignId}\t${copyField(r.flowId)}\t${copyField(r.landingId)}\t${copyField(r.offerId)}\t${copyField(r.sourceId)}\t${r.visitorId}\t${iso(r.createdAt)}\t${r.outcome}\t${copyField(r.ip)}\t${copyField(r.country)}\t${copyField(r.region)}\t${copyField(r.city)}\t${copyField(r.isp)}\t${copyField(r.asn)}\t${copyField(r.os)}\t${copyField(r.osVersion)}\t${copyField(r.browser)}\t${copyField(r.browserVersion)}\t${copyField(r.deviceType)}\t${copyField(r.language)}\t${copyField(r.userAgent)}\t${copyField(r.referrer)}\t${copyField(r.referrerDomain)}\t${copyField(r.sub1)}\t${copyField(r.sub2)}\t${copyField(r.sub3)}\t${copyField(r.sub4)}\t${copyField(r.sub5)}\t${copyField(r.sourceClickId)}\t${copyField(r.extCampaignId)}\t${copyField(r.extAdSetId)}\t${copyField(r.extAdId)}\t${copyField(r.extPlacement)}\t${copyField(JSON.stringify(r.params))}\t${copyField(r.cost)}\t${copyField(r.costSource ?? null)}\t${copyField(r.costCurrency ?? "")}\t${r.isUnique ? "t" : "f"}\t${r.isBot ? "t" : "f"}\t${r.fraudScore}\t${textArrayField(r.fraudReasons)}\t${iso(r.landingClickedAt)}\n`;
}

function hitLine(h: HitRow): string {
  return `${h.id}\t${h.clickId}\t${h.visitorId}\t${h.campaignId}\t${h.kind}\t${copyField(h.landingId)}\t${copyField(h.offerId)}\t${iso(h.createdAt)}\n`;
}

function visitorLine(v: VisitorTouch, sessionMs: number): string {
  const at = iso(v.at);
  return `${v.id}\t${at}\t${at}\t${iso(v.at + sessionMs)}\t${copyField(v.clickId)}\t${copyField(v.clickId)}\t${v.visits}\n`;
}

/**
 * One simple-protocol Query holding several `COPY ... FROM STDIN` statements, fed one payload per CopyInResponse.
 * A multi-statement Query runs as one implicit transaction (unless it contains BEGIN), so clicks, hits and new
 * visitors commit together in three round trips and four writes; pg-copy-streams' stream per COPY (with BEGIN
 * and COMMIT around it) took eight round trips and fourteen writes, and socket writes were the api's largest
 * cost per batch in bench:clicks. Implements pg's submittable interface (an object with `submit`).
 */
export class MultiCopy {
  private next = 0;
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
    connection.query(this.text);
  }

  handleCopyInResponse(connection: PgConnection): void {
    const payload = this.payloads[this.next++];
    if (!payload) {
      connection.sendCopyFail("more COPY statements than payloads");
      return;
    }
    // The data and its end in one write.
    connection.stream.cork();
    connection.sendCopyFromChunk(payload);
    connection.endCopyFrom();
    connection.stream.uncork();
  }

  handleError(err: Error): void {
    this.settle(err);
  }

  handleReadyForQuery(): void {
    this.settle(this.next === this.payloads.length ? undefined : new Error(`${this.payloads.length - this.next} COPY payloads were not sent`));
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

/**
 * Writes a batch of rows created by this process (see the file comment) in one transaction. Resolves once it
 * committed; on a timeout the connection is dropped, which rolls back whatever had not committed.
 */
export async function copyBatch(pool: pg.Pool, batch: Batch, sessionMs: number, timeoutMs: number): Promise<void> {
  const conn = await checkout(pool);
  const { client } = conn;
  let timer: NodeJS.Timeout | undefined;
  const work = (async () => {
    const statements: string[] = [];
    const payloads: Buffer[] = [];
    const add = (statement: string, text: string) => {
      statements.push(statement);
      payloads.push(Buffer.from(text, "utf8"));
    };
    if (batch.clicks.length) {
      let text = "";
      for (const r of batch.clicks) text += clickLine(r);
      add(COPY_CLICKS, text);
    }
    if (batch.hits.length) {
      let text = "";
      for (const h of batch.hits) text += hitLine(h);
      add(COPY_HITS, text);
    }
    const fresh: VisitorTouch[] = [];
    const known: VisitorTouch[] = [];
    for (const v of mergeVisitors(batch.visitors)) (v.isNew ? fresh : known).push(v);
    if (fresh.length) {
      let text = "";
      for (const v of fresh) text += visitorLine(v, sessionMs);
      add(COPY_VISITORS, text);
    }
    const throughs = mergeClickThroughs(batch.clickThroughs);
    // Returning visitors and click-throughs need parameterised statements: then the copies open an explicit
    // transaction that those statements join.
    const more = known.length > 0 || throughs.length > 0;
    if (statements.length) {
      const copies = new MultiCopy(`${more ? "BEGIN; " : ""}${statements.join("; ")}`, payloads);
      client.query(copies as never);
      await copies.promise;
    } else if (more) await client.query("BEGIN");
    if (known.length) {
      const values = [known.map((v) => v.id), known.map((v) => v.at), known.map((v) => v.clickId), known.map((v) => v.visits), sessionMs / 1000];
      await client.query({ name: "tly_visitor_upsert", text: VISITOR_UPSERT_SQL, values });
    }
    if (throughs.length)
      await client.query({ name: "tly_click_through", text: CLICK_THROUGH_SQL, values: [throughs.map((t) => t[0]), throughs.map((t) => t[1])] });
    if (more) await client.query("COMMIT");
  })();
  try {
    await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`click batch not committed within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (err) {
    // A connection whose batch failed or timed out is dropped: its transaction ends with it.
    conn.fail(err as Error);
    work.catch(() => {});
    throw err;
  } finally {
    clearTimeout(timer);
    conn.release();
  }
}
