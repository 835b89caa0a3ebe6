// The durable outbox: rows in outbound_deliveries are written in the same statement as the conversion that
// causes them, then delivered here. At least once with a stable event id (sent as Idempotency-Key and
// X-Trackily-Event-Id), retried with exponential backoff, every attempt in delivery_attempts, and never sent
// again once a 2xx is recorded. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease, so several api nodes
// share the work and a crashed node's claims come back after the lease.
import { sqltag as sql } from "@prisma/client/runtime/client";
import type { Deps } from "../deps.js";
import { newId } from "../lib/ids.js";
import { OutboundError } from "../lib/outbound.js";
import { expandMacros } from "./macros.js";
import { registerOutbox, unregisterOutbox } from "./registry.js";

export interface OutboxOptions {
  pollMs?: number;
  batch?: number;
  timeoutMs?: number;
  /** Backoff after attempt n (1-based), in ms. Default 5 s, 10 s, 20 s, ... capped at 1 h, with jitter. */
  backoffMs?: (attempt: number) => number;
  leaseMs?: number;
}

interface Claimed {
  id: string;
  event_id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  macros: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export interface Outbox {
  start(): void;
  stop(): Promise<void>;
  kick(): void;
  /** Delivers what is due now; resolves with how many were attempted. */
  runOnce(): Promise<number>;
}

const backoffFrom = (base: number) => (n: number) => Math.min(3_600_000, base * 2 ** (n - 1)) * (0.8 + Math.random() * 0.4);

export function createOutbox(deps: Deps, opts: OutboxOptions = {}): Outbox {
  const pollMs = opts.pollMs ?? 1_000;
  const batch = opts.batch ?? 20;
  const leaseMs = opts.leaseMs ?? 60_000;
  const backoff = opts.backoffMs ?? backoffFrom(deps.config.outboxBackoffMs);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;

  async function runOnce(): Promise<number> {
    const rows = await deps.db.sql.query<Claimed>(sql`
      UPDATE outbound_deliveries d SET locked_until = now() + make_interval(secs => ${leaseMs / 1000}), attempts = d.attempts + 1
      WHERE d.id IN (SELECT id FROM outbound_deliveries
                     WHERE status = 'PENDING' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
                     ORDER BY next_attempt_at LIMIT ${batch} FOR UPDATE SKIP LOCKED)
      RETURNING d.id, d.event_id, d.method, d.url, d.headers, d.body, d.macros, d.attempts, d.max_attempts`);
    await Promise.all(rows.map(deliver));
    return rows.length;
  }

  async function deliver(row: Claimed): Promise<void> {
    const started = Date.now();
    let statusCode: number | null = null;
    let error = "";
    try {
      const url = expandMacros(row.url, row.macros ?? {});
      const res = await deps.outbound.send(url, {
        method: row.method,
        headers: { ...(row.headers ?? {}), "idempotency-key": row.event_id, "x-trackily-event-id": row.event_id },
        ...(row.body ? { body: expandMacros(row.body, row.macros ?? {}) } : {}),
        timeoutMs: opts.timeoutMs ?? 10_000,
        maxBytes: 64 * 1024,
      });
      statusCode = res.status;
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof OutboundError ? `${err.code}: ${err.message}` : (err as Error).message || "failed";
    }
    const ok = error === "";
    // A refused target (SSRF guard, bad URL) will never succeed: fail at once instead of retrying.
    const permanent = /^(BAD_URL|BAD_SCHEME|BLOCKED_ADDRESS)/.test(error);
    const done = ok || permanent || row.attempts >= row.max_attempts;
    const next = new Date(Date.now() + backoff(row.attempts));
    try {
      await deps.db.sql.transaction(async (tx) => {
        await tx.execute(sql`
          INSERT INTO delivery_attempts (id, delivery_id, attempt, status_code, error, duration_ms, created_at)
          VALUES (${newId()}::uuid, ${row.id}::uuid, ${row.attempts}, ${statusCode}, ${error.slice(0, 500)}, ${Date.now() - started}, now())`);
        await tx.execute(sql`
          UPDATE outbound_deliveries SET
            status = ${ok ? "DELIVERED" : done ? "FAILED" : "PENDING"}::"DeliveryStatus",
            last_status = ${statusCode}, last_error = ${error.slice(0, 500)}, locked_until = NULL,
            delivered_at = ${ok ? new Date() : null}::timestamptz, next_attempt_at = ${next}::timestamptz
          WHERE id = ${row.id}::uuid`);
      });
    } catch (err) {
      // The lease expires and the row is tried again: at least once, never lost.
      deps.logger.warn({ err: (err as Error).message, eventId: row.event_id }, "outbox: could not record a delivery attempt");
    }
  }

  function loop() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    running = (async () => {
      try {
        do {
          again = false;
          const n = await runOnce();
          if (n >= batch) again = true;
        } while (again && !stopped);
      } catch (err) {
        deps.logger.warn({ err: (err as Error).message }, "outbox: poll failed");
      }
    })().finally(() => {
      running = null;
      if (!stopped) timer = setTimeout(loop, pollMs);
      timer?.unref();
    });
  }

  return {
    start() {
      stopped = false;
      registerOutbox(deps, loop);
      loop();
    },
    async stop() {
      stopped = true;
      unregisterOutbox(deps);
      if (timer) clearTimeout(timer);
      await running;
    },
    kick: loop,
    runOnce,
  };
}
