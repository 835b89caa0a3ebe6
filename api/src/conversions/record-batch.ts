// Group commit for the fast path of recordConversion: concurrent new conversions are written by ONE statement
// (the same data-modifying CTEs as record-sql.ts, over unnest()ed arrays; record-batch-sql.ts), so a burst of
// postbacks shares one round trip, one plan and one commit. A batch goes out at once when none is in flight; while
// batches are in flight another one starts only when MIN_FOLLOW postbacks are waiting (at most MAX_INFLIGHT at
// once), so under load batches stay big (the statement's fixed cost is shared) and still run in parallel.
// Exactly-once is untouched: the unique dedupe_key decides, within a batch too (ON CONFLICT DO NOTHING skips a
// second row with the same key); anything the statement cannot decide goes to the locked slow path.
// Lock order: two batches in flight can hold the same new key (a duplicate arriving while the first is being
// written); the second one waits for the first to commit at that key. Each batch inserts its rows in dedupe_key
// order, so two batches always meet their common keys in the same order and cannot deadlock. (Should a deadlock
// happen anyway, PostgreSQL aborts one batch and its elements are retried one by one below.)
import type { Deps } from "../deps.js";
import { hotQuery } from "./hot-pool.js";
import type { FastInsert } from "./record-sql.js";
import { fastInsertSql } from "./record-sql.js";
import { batchInsertSql } from "./record-batch-sql.js";

export interface FastRow {
  found: boolean;
  id: string | null;
  campaign_id: string | null;
  offer_id: string | null;
  source_id: string | null;
  outbox: number;
  duplicate_of: string | null;
}

const MAX_BATCH = 256;
// Measured with bench:postbacks (2 shared cores, 50 connections): one batch in flight 0.19-0.31 of the baseline;
// up to 4 with no minimum 0.24-0.35 (batches of ~5: the statement's fixed cost, ~1.3 ms of database CPU, dominates);
// 3 with a minimum of 16: 0.41-0.71; 2 with a minimum of 24: the most postbacks/s and the least CPU per postback.
const MAX_INFLIGHT = 2;
/** Postbacks that must be waiting before a batch starts next to one in flight. */
export const MIN_FOLLOW = 24;

interface Pending {
  f: FastInsert;
  resolve: (r: FastRow) => void;
  reject: (e: unknown) => void;
}

/** Counters of the group commit (for tests and diagnostics). */
export interface BatchStats {
  batches: number;
  rows: number;
  /** Most batches ever in flight at once. */
  maxInflight: number;
  /** Batches that failed as a whole (a deadlock, ...) and were retried element by element. */
  fallbacks: number;
}

class Batcher {
  private queue: Pending[] = [];
  private inflight = 0;
  /** Keys queued or being written, each with the promise of its write settling. */
  readonly pendingKeys = new Map<string, Promise<void>>();
  readonly stats: BatchStats = { batches: 0, rows: 0, maxInflight: 0, fallbacks: 0 };
  constructor(private readonly deps: Deps) {}

  submit(f: FastInsert): Promise<FastRow> {
    const written = new Promise<FastRow>((resolve, reject) => {
      this.queue.push({ f, resolve, reject });
      this.pump();
    });
    const settled = written.then(
      () => {},
      () => {},
    );
    this.pendingKeys.set(f.dedupeKey, settled);
    void settled.then(() => {
      if (this.pendingKeys.get(f.dedupeKey) === settled) this.pendingKeys.delete(f.dedupeKey);
    });
    return written;
  }

  private pump() {
    while (this.inflight < MAX_INFLIGHT && this.queue.length > 0 && (this.inflight === 0 || this.queue.length >= MIN_FOLLOW)) {
      const batch = this.queue.splice(0, MAX_BATCH).sort(byKey);
      this.inflight++;
      this.stats.batches++;
      this.stats.rows += batch.length;
      this.stats.maxInflight = Math.max(this.stats.maxInflight, this.inflight);
      void this.run(batch).finally(() => {
        this.inflight--;
        this.pump();
      });
    }
  }

  private async run(batch: Pending[]) {
    try {
      const rows: FastRow[] =
        batch.length === 1
          ? [await single(this.deps, (batch[0] as Pending).f)]
          : await many(
              this.deps,
              batch.map((b) => b.f),
            );
      for (const [i, b] of batch.entries()) b.resolve(rows[i] as FastRow);
    } catch (err) {
      if (batch.length === 1) return (batch[0] as Pending).reject(err);
      // One element must not fail its neighbours: retry each on its own.
      this.stats.fallbacks++;
      this.deps.logger.warn({ err, size: batch.length }, "conversion batch failed; retrying its postbacks one by one");
      await Promise.all(batch.map((b) => single(this.deps, b.f).then(b.resolve, b.reject)));
    }
  }
}

/** Dedupe-key order: the lock order every batch follows (see the top of the file). */
const byKey = (a: { f: FastInsert }, b: { f: FastInsert }): number => (a.f.dedupeKey < b.f.dedupeKey ? -1 : a.f.dedupeKey > b.f.dedupeKey ? 1 : 0);

const batchers = new WeakMap<Deps, Batcher>();

/** Writes a new conversion (or decides duplicate / unknown) through the group commit. */
export function submitFast(deps: Deps, f: FastInsert): Promise<FastRow> {
  if (f.items.length > 0) return single(deps, f);
  let b = batchers.get(deps);
  if (!b) batchers.set(deps, (b = new Batcher(deps)));
  return b.submit(f);
}

/**
 * Resolves once a write of `dedupeKey` this process has queued or has in flight has committed (or failed), so a
 * status change or removal arriving meanwhile (a `rejected` right behind its sale) finds the row instead of
 * answering "no conversion to remove". Resolves at once when none is pending.
 */
export function pendingWrite(deps: Deps, dedupeKey: string): Promise<void> {
  return batchers.get(deps)?.pendingKeys.get(dedupeKey) ?? Promise.resolve();
}

export function batchStats(deps: Deps): BatchStats {
  return { ...(batchers.get(deps)?.stats ?? { batches: 0, rows: 0, maxInflight: 0, fallbacks: 0 }) };
}

async function single(deps: Deps, f: FastInsert): Promise<FastRow> {
  const rows = await hotQuery<FastRow>(deps, fastInsertSql(f));
  return rows[0] as FastRow;
}

async function many(deps: Deps, fs: FastInsert[]): Promise<FastRow[]> {
  return hotQuery<FastRow & { ord: number }>(deps, batchInsertSql(fs));
}
