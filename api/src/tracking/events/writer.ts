// Group commit for events rows: requests queue their row and await it; a batch is written as one multi-row INSERT
// the moment the previous one returns (no fixed timer: low latency when quiet, large batches under load; see
// DESIGN.md's measurements). A failed batch fails every request in it, so each pixel retries its own event; a
// retry of an event that was in fact stored carries the same id and is skipped (ON CONFLICT DO NOTHING).
import { join, sqltag as sql } from "@prisma/client/runtime/client";
import type { Deps } from "../../deps.js";

export interface EventRow {
  id: string;
  name: string;
  clickId: string | null;
  visitorId: string | null;
  campaignId: string | null;
  value: string | null;
  currency: string;
  props: Record<string, unknown>;
  url: string;
  referrer: string;
  createdAt: Date;
}

const MAX_BATCH = 500; // 11 parameters per row, well under PostgreSQL's 65,535

export function createEventWriter(deps: Deps) {
  let queue: Array<{ row: EventRow; done: (err?: unknown) => void }> = [];
  let flushing = false;

  async function flush(): Promise<void> {
    flushing = true;
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      try {
        await deps.db.sql.execute(
          sql`INSERT INTO events (id, name, click_id, visitor_id, campaign_id, value, currency, props, url, referrer, created_at) VALUES ${join(
            batch.map(
              ({ row: r }) =>
                sql`(${r.id}::uuid, ${r.name}, ${r.clickId}::uuid, ${r.visitorId}::uuid, ${r.campaignId}::uuid, ${r.value}::numeric, ${r.currency}, ${JSON.stringify(r.props)}::jsonb, ${r.url}, ${r.referrer}, ${r.createdAt})`,
            ),
          )} ON CONFLICT (id) DO NOTHING`,
        );
        for (const b of batch) b.done();
      } catch (err) {
        for (const b of batch) b.done(err);
      }
    }
    flushing = false;
  }

  return {
    write(row: EventRow): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        queue.push({ row, done: (err) => (err ? reject(err) : resolve()) });
        if (!flushing) void flush();
      });
    },
  };
}
