// Durable click writes. Every click (and hit) is queued; a request's answer waits for its batch to be durable:
// group-committed to PostgreSQL in one transaction (COPY, copy-batch.ts), or, when the database is down or slow,
// appended to a local spool file and fsync'd. The next batch is flushed the moment a commit returns (no fixed
// timer), so latency stays low at moderate load and batches grow under heavy load. Spooled batches are replayed
// exactly once (idempotent inserts) as soon as the database answers again, including those a crashed process left
// behind.
import { mkdirSync, readdirSync } from "node:fs";
import { appendFile, type FileHandle, open, readFile, unlink } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../../lib/logger.js";
import { BATCH_SQL, batchParams } from "./batch-sql.js";
import type { Batch, ClickLines, ClickRow, HitRow, VisitorTouch } from "./rows.js";

/** Runs BATCH_SQL with its parameters (a raw pg pool, or PGlite). */
export type BatchExecutor = (text: string, values: unknown[], timeoutMs: number) => Promise<void>;

export interface WriterOptions {
  /** Idempotent writes (BATCH_SQL): spool replays, and every batch when `write` is not given. */
  exec: BatchExecutor;
  /** Batches of rows this process just created (PostgreSQL: COPY, see copy-batch.ts); `exec` when absent. */
  write?: (batch: Batch & ClickLines, timeoutMs: number) => Promise<void>;
  ping: () => Promise<boolean>;
  spoolDir: string;
  sessionMs: number;
  logger: Logger;
  /** A batch that has not committed after this long goes to the spool instead. */
  commitTimeoutMs?: number;
  maxBatch?: number;
  maxInFlight?: number;
}

interface Pending extends Batch {
  waiters: Array<{ resolve: () => void; reject: (e: Error) => void }>;
  /** Each queued click's index in `clicks`. */
  byClick: Map<string, number>;
  /** Each click's COPY text row, rendered once by the click route (see ClickLines). */
  clickLines: Array<string | null>;
}

const newPending = (): Pending => ({ clicks: [], hits: [], visitors: [], clickThroughs: [], waiters: [], byClick: new Map(), clickLines: [] });

export interface WriterStats {
  mode: "db" | "spool";
  committedBatches: number;
  committedClicks: number;
  spooledBatches: number;
  replayedBatches: number;
  spoolFiles: number;
}

export class ClickWriter {
  private pending = newPending();
  private inFlight = 0;
  private scheduled = false;
  private mode: "db" | "spool" = "db";
  private segment: { path: string; fh: FileHandle; records: number } | null = null;
  private spoolChain: Promise<void> = Promise.resolve();
  private replaying = false;
  private replayAgain = false;
  private replayTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private seq = 0;
  readonly stats: WriterStats = { mode: "db", committedBatches: 0, committedClicks: 0, spooledBatches: 0, replayedBatches: 0, spoolFiles: 0 };
  private readonly commitTimeoutMs: number;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(private readonly o: WriterOptions) {
    this.commitTimeoutMs = o.commitTimeoutMs ?? 1_500;
    this.maxBatch = o.maxBatch ?? 1_000;
    // Several batches commit at once (WAL flushes overlap); rows they share are locked in id order (batch-sql.ts).
    this.maxInFlight = o.maxInFlight ?? 4;
    mkdirSync(o.spoolDir, { recursive: true });
  }

  /**
   * Resolves once the click (with its visitor touch and landing hit, if any) is durable. `line` is the row's COPY
   * text row (clickLine) when the caller already has it.
   */
  addClick(row: ClickRow, visitor: VisitorTouch, hit: HitRow | null, line: string | null = null): Promise<void> {
    const p = this.pending;
    p.byClick.set(row.id, p.clicks.length);
    p.clicks.push(row);
    p.clickLines.push(line);
    p.visitors.push(visitor);
    if (hit) p.hits.push(hit);
    return this.enqueue(p);
  }

  /** An offer hit; `clickThrough` marks the click's landing click-through time. */
  addHit(hit: HitRow, visitor: VisitorTouch, clickThrough: boolean): Promise<void> {
    const p = this.pending;
    p.hits.push(hit);
    p.visitors.push(visitor);
    if (clickThrough) {
      const queued = p.byClick.get(hit.clickId);
      if (queued !== undefined) {
        (p.clicks[queued] as ClickRow).landingClickedAt ??= hit.createdAt;
        // Its COPY row no longer matches the row: rendered again at flush.
        p.clickLines[queued] = null;
      } else p.clickThroughs.push([hit.clickId, hit.createdAt]);
    }
    return this.enqueue(p);
  }

  private enqueue(p: Pending): Promise<void> {
    const done = new Promise<void>((resolve, reject) => p.waiters.push({ resolve, reject }));
    if (p.waiters.length >= this.maxBatch && this.canFlush()) this.flush();
    else this.schedule();
    return done;
  }

  private canFlush() {
    return this.mode === "spool" ? this.inFlight === 0 : this.inFlight < this.maxInFlight;
  }

  private schedule() {
    if (this.scheduled || !this.canFlush()) return;
    this.scheduled = true;
    // setImmediate lets every request that arrived in this turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      if (this.pending.waiters.length && this.canFlush()) this.flush();
    });
  }

  private flush() {
    const batch = this.pending;
    this.pending = newPending();
    this.inFlight++;
    const write = this.mode === "db" ? this.commit(batch) : this.spool(batch);
    write
      .then(
        () => {
          for (const w of batch.waiters) w.resolve();
        },
        (err: Error) => {
          for (const w of batch.waiters) w.reject(err);
        },
      )
      .finally(() => {
        this.inFlight--;
        if (this.pending.waiters.length) this.schedule();
      });
  }

  private async commit(batch: Pending): Promise<void> {
    try {
      if (this.o.write) await this.o.write(batch, this.commitTimeoutMs);
      else await this.o.exec(BATCH_SQL, batchParams(batch, this.o.sessionMs), this.commitTimeoutMs);
      this.stats.committedBatches++;
      this.stats.committedClicks += batch.clicks.length;
    } catch (err) {
      // Down or slow: the batch goes to the spool. If the commit did land after all, replay skips its rows.
      if (this.mode === "db") this.o.logger.warn({ err: (err as Error).message }, "click commit failed; spooling until the database answers");
      this.setMode("spool");
      await this.spool(batch);
    }
  }

  private setMode(mode: "db" | "spool") {
    this.mode = mode;
    this.stats.mode = mode;
    if (mode === "spool") this.scheduleReplay(250);
  }

  /** Appends one batch as a JSON line and fsyncs it. Appends are serialised. */
  private spool(batch: Batch): Promise<void> {
    const line = `${JSON.stringify({ clicks: batch.clicks, hits: batch.hits, visitors: batch.visitors, clickThroughs: batch.clickThroughs })}\n`;
    const run = async () => {
      if (!this.segment) {
        const file = path.join(this.o.spoolDir, `spool-${Date.now()}-${process.pid}-${++this.seq}.jsonl`);
        this.segment = { path: file, fh: await open(file, "a"), records: 0 };
      }
      const seg = this.segment;
      await seg.fh.write(line);
      await seg.fh.datasync();
      seg.records++;
      this.stats.spooledBatches++;
    };
    const result = this.spoolChain.then(run);
    this.spoolChain = result.catch(() => {});
    return result;
  }

  private scheduleReplay(ms: number) {
    if (this.replayTimer || this.stopped) return;
    this.replayTimer = setTimeout(() => {
      this.replayTimer = null;
      void this.replay();
    }, ms);
    this.replayTimer.unref();
  }

  /** Replays every closed spool file in order; when the backlog is gone, new batches go to the database again. */
  async replay(): Promise<void> {
    if (this.replaying || this.stopped) {
      this.replayAgain = true;
      return;
    }
    this.replaying = true;
    this.replayAgain = false;
    try {
      if (!(await this.o.ping())) return this.scheduleReplay(500);
      // Current segment first closed, so everything spooled so far is in closed files.
      await this.rotate();
      await this.replayClosed();
      if (this.mode === "spool") {
        this.setModeDb();
        // Batches spooled while the backlog replayed: close and replay them too.
        await this.rotate();
        await this.replayClosed();
      }
    } catch (err) {
      this.o.logger.warn({ err: (err as Error).message }, "spool replay paused");
      this.scheduleReplay(1_000);
    } finally {
      this.replaying = false;
      // Whatever arrived meanwhile (a new outage, files left by a failed pass) gets another pass.
      if (!this.stopped && (this.replayAgain || this.mode === "spool" || this.spoolFiles().length > 0)) this.scheduleReplay(500);
    }
  }

  private setModeDb() {
    this.mode = "db";
    this.stats.mode = "db";
    this.o.logger.info("database answers again; clicks commit directly");
    if (this.pending.waiters.length) this.schedule();
  }

  private async rotate() {
    await this.spoolChain;
    const seg = this.segment;
    if (!seg) return;
    this.segment = null;
    await seg.fh.close();
  }

  private async replayClosed() {
    const files = this.spoolFiles();
    this.stats.spoolFiles = files.length;
    for (const f of files) {
      const full = path.join(this.o.spoolDir, f);
      const text = await readFile(full, "utf8");
      for (const line of text.split("\n")) {
        if (!line) continue;
        let batch: Batch;
        try {
          batch = JSON.parse(line) as Batch;
        } catch {
          // A torn last line: it was never fsync'd, so it was never acknowledged.
          continue;
        }
        await this.replayBatch(batch);
        this.stats.replayedBatches++;
      }
      await unlink(full);
      this.stats.spoolFiles--;
    }
  }

  /**
   * One spooled batch. If the database is reachable but refuses the batch, it is split so one bad row cannot
   * hold every later click hostage; rows refused on their own are set aside in spool-rejected-*.jsonl.
   */
  private async replayBatch(batch: Batch): Promise<void> {
    try {
      await this.o.exec(BATCH_SQL, batchParams(batch, this.o.sessionMs), 30_000);
      return;
    } catch (err) {
      if (!(await this.o.ping())) throw err;
      const parts = splitBatch(batch);
      if (parts.length <= 1) {
        this.o.logger.error({ err: (err as Error).message }, "a spooled click row was refused by the database; set aside");
        await appendFile(path.join(this.o.spoolDir, `spool-rejected-${Date.now()}.jsonl`), `${JSON.stringify(batch)}\n`);
        return;
      }
      for (const part of parts) await this.replayBatch(part);
    }
  }

  private spoolFiles(): string[] {
    const current = this.segment ? path.basename(this.segment.path) : "";
    return readdirSync(this.o.spoolDir)
      .filter((f) => f.startsWith("spool-") && f.endsWith(".jsonl") && f !== current)
      .sort((a, b) => {
        const ta = Number(a.split("-")[1]);
        const tb = Number(b.split("-")[1]);
        return ta - tb || a.localeCompare(b);
      });
  }

  /** Replays what a previous process left in the spool. */
  async start(): Promise<void> {
    if (this.spoolFiles().length) {
      this.o.logger.info({ files: this.spoolFiles().length }, "replaying click spool left by a previous run");
      this.scheduleReplay(0);
    }
  }

  /** Flushes what is queued; leaves anything unreplayed in the spool for the next start. */
  async stop(): Promise<void> {
    const deadline = Date.now() + 5_000;
    while ((this.pending.waiters.length || this.inFlight) && Date.now() < deadline) {
      if (this.pending.waiters.length && this.canFlush()) this.flush();
      await new Promise((r) => setTimeout(r, 5));
    }
    this.stopped = true;
    if (this.replayTimer) clearTimeout(this.replayTimer);
    await this.rotate().catch(() => {});
  }
}

/** Every row of a batch on its own (clicks with their hits), for isolating a row the database refuses. */
function splitBatch(b: Batch): Batch[] {
  const parts: Batch[] = [];
  const hitsByClick = new Map<string, Batch["hits"]>();
  for (const h of b.hits) hitsByClick.set(h.clickId, [...(hitsByClick.get(h.clickId) ?? []), h]);
  for (const c of b.clicks) {
    parts.push({ clicks: [c], hits: hitsByClick.get(c.id) ?? [], visitors: b.visitors.filter((v) => v.clickId === c.id), clickThroughs: [] });
    hitsByClick.delete(c.id);
  }
  for (const hits of hitsByClick.values()) for (const h of hits) parts.push({ clicks: [], hits: [h], visitors: [], clickThroughs: [] });
  for (const v of b.visitors) if (v.clickId === null) parts.push({ clicks: [], hits: [], visitors: [v], clickThroughs: [] });
  for (const ct of b.clickThroughs) parts.push({ clicks: [], hits: [], visitors: [], clickThroughs: [ct] });
  return parts;
}
