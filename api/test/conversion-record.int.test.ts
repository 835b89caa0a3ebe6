import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordConversion } from "../src/conversions/record.js";
import pg from "pg";
import { batchStats, MIN_FOLLOW } from "../src/conversions/record-batch.js";
import { batchInsertSql } from "../src/conversions/record-batch-sql.js";
import { hotQuery, hotTransaction } from "../src/conversions/hot-pool.js";
import { newId } from "../src/lib/ids.js";
import { sqltag as sql } from "@prisma/client/runtime/client";
import { invalidateConversionSettings } from "../src/conversions/settings-cache.js";
import type { Deps } from "../src/deps.js";
import { startTestApp, type TestApp } from "./helpers/app.js";
import { createClick, createFixture, type Fixture } from "./helpers/conversion-fixtures.js";

let t: TestApp;
let deps: Deps;
let f: Fixture;
beforeAll(async () => {
  t = await startTestApp();
  deps = t.app.deps;
  await deps.db.prisma.currencyRate.create({ data: { currency: "EUR", rate: "1.1" } });
  await deps.db.prisma.settings.update({ where: { id: 1 }, data: { customConversionTypes: ["signup"] } });
  invalidateConversionSettings(deps);
  f = await createFixture(deps, { postbackUrl: "https://source.example/pb?cid={click_id}&p={payout}&s={status}" });
});
afterAll(() => t?.stop());

/** A bind value as PostgreSQL's text input (arrays as array literals), to pass a prepared statement's arguments inline. */
const textOf = (v: unknown): string => {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return `{${v.map((x) => (x === null ? "NULL" : `"${textOf(x).replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;
  return String(v);
};

const conv = (id: string) => deps.db.prisma.conversion.findUniqueOrThrow({ where: { id }, include: { history: { orderBy: { createdAt: "asc" } } } });

describe("recordConversion", () => {
  it("costs CPA campaigns in the traffic source's currency (converted) and RevShare as a share of account revenue", async () => {
    const cpa = await createFixture(deps, { costModel: "CPA", costValue: "2.5" });
    await deps.db.prisma.trafficSource.update({ where: { id: cpa.sourceId }, data: { currency: "EUR" } });
    const direct = await recordConversion(deps, { clickId: (await createClick(deps, cpa)).clickId, origin: "POSTBACK" });
    expect((await conv(direct.conversionId as string)).cost.toString()).toBe("2.75");
    // The same through the public route (its group-commit batch statement).
    const click = await createClick(deps, cpa);
    expect((await fetch(`${t.url}/postback?click_id=${click.clickId}&txid=CPA-1`)).status).toBe(200);
    const viaRoute = await deps.db.prisma.conversion.findFirstOrThrow({ where: { clickId: click.clickId } });
    expect(viaRoute.cost.toString()).toBe("2.75");
    const share = await createFixture(deps, { costModel: "REVSHARE", costValue: "10" });
    await deps.db.prisma.trafficSource.update({ where: { id: share.sourceId }, data: { currency: "EUR" } });
    const rs = await recordConversion(deps, { clickId: (await createClick(deps, share)).clickId, origin: "POSTBACK", revenue: "50", currency: "EUR" });
    // 10% of 55 USD (50 EUR at 1.1)
    expect((await conv(rs.conversionId as string)).cost.toString()).toBe("5.5");
  });

  it("records a sale with the offer's default payout, history, log, outbox and notification", async () => {
    const c = await createClick(deps, f);
    const r = await recordConversion(deps, { clickId: c.clickId, origin: "POSTBACK" });
    expect(r.outcome).toBe("recorded");
    const row = await conv(r.conversionId as string);
    expect(row.revenue.toString()).toBe("40");
    expect(row.revenueAccount.toString()).toBe("40");
    expect(row.status).toBe("APPROVED");
    expect(row.type).toBe("sale");
    expect(row.dedupeKey).toBe(`c:${c.clickId}:sale:`);
    expect(row.clickCreatedAt.getTime()).toBeLessThan(row.createdAt.getTime());
    expect(row.history).toHaveLength(1);
    const log = await deps.db.prisma.postbackLog.findMany({ where: { conversionId: row.id } });
    expect(log.map((l) => l.outcome)).toEqual(["RECORDED"]);
    const ob = await deps.db.prisma.outboundDelivery.findMany({ where: { conversionId: row.id } });
    expect(ob).toHaveLength(1);
    expect(ob[0]?.eventId).toBe(`${row.id}:created`);
    expect(((ob[0]?.macros ?? {}) as Record<string, string>).payout).toBe("40.0000");
    expect(await deps.db.prisma.notification.count({ where: { type: "conversion" } })).toBeGreaterThan(0);
  });

  it("a missing transaction id is a key of its own: the repeat is a duplicate", async () => {
    const c = await createClick(deps, f);
    expect((await recordConversion(deps, { clickId: c.clickId, origin: "POSTBACK" })).outcome).toBe("recorded");
    const again = await recordConversion(deps, { clickId: c.clickId, origin: "POSTBACK" });
    expect(again.outcome).toBe("duplicate");
    expect(await deps.db.prisma.conversion.count({ where: { clickId: c.clickId } })).toBe(1);
    // a transaction id makes another conversion
    expect((await recordConversion(deps, { clickId: c.clickId, origin: "POSTBACK", transactionId: "T1" })).outcome).toBe("recorded");
    expect((await recordConversion(deps, { clickId: c.clickId, origin: "POSTBACK", transactionId: "T1" })).outcome).toBe("duplicate");
    expect(await deps.db.prisma.conversion.count({ where: { clickId: c.clickId } })).toBe(2);
  });

  it("geo payouts and currency conversion store both amounts", async () => {
    const fr = await createClick(deps, f, { country: "FR" });
    const r1 = await recordConversion(deps, { clickId: fr.clickId, origin: "POSTBACK" });
    expect((await conv(r1.conversionId as string)).revenue.toString()).toBe("25");
    const de = await createClick(deps, f, { country: "DE" });
    const r2 = await recordConversion(deps, { clickId: de.clickId, origin: "POSTBACK" });
    const row2 = await conv(r2.conversionId as string);
    expect([row2.revenue.toString(), row2.currency, row2.revenueAccount.toString(), row2.accountCurrency]).toEqual(["20", "EUR", "22", "USD"]);
    const x = await createClick(deps, f);
    const r3 = await recordConversion(deps, { clickId: x.clickId, origin: "POSTBACK", revenue: "10.505", currency: "eur" });
    const row3 = await conv(r3.conversionId as string);
    expect([row3.revenue.toString(), row3.currency, row3.revenueAccount.toString()]).toEqual(["10.505", "EUR", "11.5555"]);
    const bad = await recordConversion(deps, { clickId: x.clickId, origin: "POSTBACK", revenue: "1", currency: "XYZ" });
    expect(bad.outcome).toBe("rejected");
    expect(bad.message).toMatch(/XYZ.*USD, EUR/);
  });

  it("pending creates with 0.01, sale approves with the payout, refund rejects, history for each", async () => {
    const c = await createClick(deps, f);
    const r = await recordConversion(deps, { clickId: c.clickId, origin: "POSTBACK", status: "pending", transactionId: "o-1" });
    expect(r.outcome).toBe("recorded");
    let row = await conv(r.conversionId as string);
    expect([row.status, row.ecomStatus, row.revenue.toString()]).toEqual(["PENDING", "pending", "0.01"]);
    expect((await recordConversion(deps, { clickId: c.clickId, origin: "WEBHOOK", status: "sale", transactionId: "o-1" })).outcome).toBe("status_change");
    row = await conv(r.conversionId as string);
    expect([row.status, row.ecomStatus, row.revenue.toString()]).toEqual(["APPROVED", "sale", "40"]);
    // The approval's outbound postback carries the changed row's values, not the pending ones.
    const sent = await deps.db.prisma.outboundDelivery.findMany({ where: { conversionId: row.id } });
    expect(sent.map((d) => d.eventId)).toEqual([`${row.id}:${row.history[1]?.id}`]);
    const m = sent[0]?.macros as Record<string, string>;
    expect([m.status, m.ecom_status, m.payout, m.txid]).toEqual(["approved", "sale", "40.0000", "o-1"]);
    expect((await recordConversion(deps, { clickId: c.clickId, origin: "WEBHOOK", status: "sale", transactionId: "o-1" })).outcome).toBe("duplicate");
    expect((await recordConversion(deps, { clickId: c.clickId, origin: "WEBHOOK", status: "refunded", transactionId: "o-1" })).outcome).toBe("removed");
    row = await conv(r.conversionId as string);
    expect([row.status, row.ecomStatus]).toEqual(["REJECTED", "refunded"]);
    expect(row.history.map((h) => `${h.fromStatus ?? "-"}>${h.toStatus}:${h.toEcomStatus}:${h.origin}`)).toEqual([
      "->PENDING:pending:POSTBACK",
      "PENDING>APPROVED:sale:WEBHOOK",
      "APPROVED>REJECTED:refunded:WEBHOOK",
    ]);
  });

  it("a rejection right behind its sale (sale still in its group-commit batch) rejects the sale", async () => {
    for (let i = 0; i < 5; i++) {
      const c = await createClick(deps, f);
      const tx = `race-${i}`;
      const [sale, reject] = await Promise.all([
        recordConversion(deps, { clickId: c.clickId, origin: "POSTBACK", transactionId: tx, revenue: "9" }),
        recordConversion(deps, { clickId: c.clickId, origin: "POSTBACK", transactionId: tx, status: "rejected" }),
      ]);
      expect(sale.outcome).toBe("recorded");
      expect(reject.outcome).toBe("removed");
      const rows = await deps.db.prisma.conversion.findMany({ where: { clickId: c.clickId } });
      expect(rows.map((r) => r.status)).toEqual(["REJECTED"]);
    }
  });

  it("rejected with no conversion creates none", async () => {
    const c = await createClick(deps, f);
    for (const s of ["rejected", "reject", "trash", "cancelled"]) {
      expect((await recordConversion(deps, { clickId: c.clickId, origin: "POSTBACK", status: s })).outcome).toBe("removed");
    }
    expect(await deps.db.prisma.conversion.count({ where: { clickId: c.clickId } })).toBe(0);
  });

  it("hits, visitors, rebills, upsells and custom types", async () => {
    const c = await createClick(deps, f);
    const byHit = await recordConversion(deps, { hitId: c.offerHitId, origin: "POSTBACK", revenue: "5" });
    const h = await conv(byHit.conversionId as string);
    expect([h.hitId, h.offerId, h.dedupeKey]).toEqual([c.offerHitId, f.offerId, `h:${c.offerHitId}:sale:`]);
    // vid without p: the last offer visited (offer B)
    const byVid = await recordConversion(deps, { visitorId: c.visitorId, origin: "POSTBACK" });
    const v = await conv(byVid.conversionId as string);
    expect([v.hitId, v.offerId, v.revenue.toString()]).toEqual([c.offer2HitId, f.offer2Id, "7.5"]);
    // vid + p = offer A: its hit, already converted -> duplicate
    expect((await recordConversion(deps, { visitorId: c.visitorId, page: f.offerId, origin: "POSTBACK", revenue: "5" })).outcome).toBe("duplicate");
    const sale = await recordConversion(deps, { clickId: c.clickId, origin: "POSTBACK", transactionId: "s" });
    const rebill = await recordConversion(deps, { clickId: c.clickId, origin: "POSTBACK", type: "rebill", transactionId: "r1", revenue: "9" });
    expect(sale.outcome).toBe("recorded");
    // the parent is the click's first sale (here the one recorded by hit)
    expect((await conv(rebill.conversionId as string)).parentId).toBe(byHit.conversionId);
    const upsell = await recordConversion(deps, { clickId: c.clickId, origin: "POSTBACK", type: "upsell", transactionId: "s" });
    expect(upsell.outcome).toBe("recorded");
    expect((await recordConversion(deps, { clickId: c.clickId, origin: "POSTBACK", type: "signup" })).outcome).toBe("recorded");
    const bad = await recordConversion(deps, { clickId: c.clickId, origin: "POSTBACK", type: "nope" });
    expect(bad.outcome).toBe("rejected");
    expect(bad.message).toContain("sale, lead, upsell, rebill, signup");
  });

  it("expired visitor sessions and unknown clicks are unknown", async () => {
    const c = await createClick(deps, f, { sessionExpiresAt: new Date(Date.now() - 1000) });
    expect((await recordConversion(deps, { visitorId: c.visitorId, origin: "POSTBACK" })).outcome).toBe("unknown_click");
    expect((await recordConversion(deps, { clickId: "0190a5f0-0000-7000-8000-000000000000", origin: "POSTBACK" })).outcome).toBe("unknown_click");
    expect((await recordConversion(deps, { clickId: "nope", origin: "POSTBACK" })).outcome).toBe("unknown_click");
  });

  it("100 concurrent identical conversions give one conversion and one outbox row", async () => {
    const c = await createClick(deps, f);
    const results = await Promise.all(
      Array.from({ length: 100 }, () => recordConversion(deps, { clickId: c.clickId, origin: "POSTBACK", transactionId: "X" })),
    );
    expect(results.filter((r) => r.outcome === "recorded")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(99);
    const rows = await deps.db.prisma.conversion.findMany({ where: { clickId: c.clickId } });
    expect(rows).toHaveLength(1);
    expect(await deps.db.prisma.outboundDelivery.count({ where: { conversionId: rows[0]?.id } })).toBe(1);
  });

  it("concurrent status changes of one conversion apply one after another: an unbroken history, no lost or doubled change", async () => {
    const c = await createClick(deps, f);
    const first = await recordConversion(deps, { clickId: c.clickId, origin: "POSTBACK", transactionId: "RACE", revenue: "3" });
    const statuses = Array.from({ length: 40 }, (_, i) => (i % 2 ? "approved" : "rejected"));
    const results = await Promise.all(
      statuses.map((status) => recordConversion(deps, { clickId: c.clickId, origin: "POSTBACK", transactionId: "RACE", revenue: "3", status })),
    );
    const row = await conv(first.conversionId as string);
    const changes = results.filter((r) => r.outcome === "status_change" || r.outcome === "removed").length;
    // Every change went from the state the one before left: a chain, as if each had held the row lock.
    expect(row.history.length).toBe(changes + 1);
    for (let i = 1; i < row.history.length; i++) expect(row.history[i]?.fromStatus).toBe(row.history[i - 1]?.toStatus);
    expect(row.status).toBe(row.history.at(-1)?.toStatus);
    expect(changes).toBeGreaterThan(0);
    expect(results.filter((r) => r.outcome === "duplicate").length).toBe(40 - changes);
    // One log row per postback (recorded, changes and duplicates), one outbox row per approval.
    const logs = await deps.db.prisma.postbackLog.count({ where: { clickId: c.clickId } });
    expect(logs).toBe(41);
    const approvals = row.history.filter((h, i) => h.toStatus === "APPROVED" && (i === 0 || h.fromStatus !== "APPROVED")).length;
    expect(await deps.db.prisma.outboundDelivery.count({ where: { conversionId: row.id } })).toBe(approvals);
  });

  it("group commit: concurrent distinct conversions, duplicates and unknown clicks in one batch are each decided right", async () => {
    const clicks = await Promise.all(Array.from({ length: 40 }, () => createClick(deps, f)));
    const inputs = [
      ...clicks.map((c) => ({ clickId: c.clickId, origin: "POSTBACK" as const, transactionId: "G" })),
      ...clicks.slice(0, 10).map((c) => ({ clickId: c.clickId, origin: "POSTBACK" as const, transactionId: "G" })),
      { clickId: "0190a5f0-0000-7000-8000-0000000000aa", origin: "POSTBACK" as const },
      { hitId: clicks[0]?.offerHitId as string, origin: "POSTBACK" as const, revenue: "2" },
    ];
    const results = await Promise.all(inputs.map((i) => recordConversion(deps, i)));
    expect(results.filter((r) => r.outcome === "recorded")).toHaveLength(41);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(10);
    expect(results.filter((r) => r.outcome === "unknown_click")).toHaveLength(1);
    const ids = results.filter((r) => r.outcome === "recorded").map((r) => r.conversionId as string);
    expect(await deps.db.prisma.conversionStatusChange.count({ where: { conversionId: { in: ids } } })).toBe(41);
    expect(await deps.db.prisma.outboundDelivery.count({ where: { conversionId: { in: ids } } })).toBe(41);
    expect(await deps.db.prisma.postbackLog.count({ where: { conversionId: { in: ids }, outcome: "RECORDED" } })).toBe(41);
    expect(await deps.db.prisma.postbackLog.count({ where: { conversionId: { in: ids }, outcome: "DUPLICATE" } })).toBe(10);
  });

  it("group commit: the outbox rows of a batch follow each element's source, status and disable_postbacks, with its own click's macros", async () => {
    const quiet = await createFixture(deps, {}); // a source without a postback URL
    const [a, b, c, d, e] = await Promise.all([
      createClick(deps, f),
      createClick(deps, f),
      createClick(deps, f),
      createClick(deps, quiet),
      createClick(deps, f),
    ]);
    const inputs = [
      { clickId: a?.clickId as string, origin: "POSTBACK" as const, revenue: "3.5", transactionId: "OB" },
      { clickId: b?.clickId as string, origin: "POSTBACK" as const, disablePostbacks: true },
      { clickId: c?.clickId as string, origin: "POSTBACK" as const, status: "pending" }, // the source wants approvals only
      { clickId: d?.clickId as string, origin: "POSTBACK" as const },
      { clickId: e?.clickId as string, origin: "POSTBACK" as const, revenue: "7" },
    ];
    const before = batchStats(deps);
    // Held back by one conversion in flight, the five go out together in one batch statement.
    const results = await Promise.all([
      recordConversion(deps, { clickId: (await createClick(deps, f)).clickId, origin: "POSTBACK" }),
      ...inputs.map((i) => new Promise((r) => setImmediate(r)).then(() => recordConversion(deps, i))),
    ]);
    expect(batchStats(deps).rows - before.rows).toBe(6);
    expect(batchStats(deps).fallbacks).toBe(before.fallbacks); // decided by the batch statement, not one by one
    expect(results.map((r) => r.outcome)).toEqual(Array(6).fill("recorded"));
    const sent = await deps.db.prisma.outboundDelivery.findMany({
      where: { conversionId: { in: results.slice(1).map((r) => r.conversionId as string) } },
    });
    expect(sent.map((o) => o.conversionId).sort()).toEqual([results[1]?.conversionId, results[5]?.conversionId].sort());
    for (const [i, click] of [
      [1, a],
      [5, e],
    ] as const) {
      const m = sent.find((o) => o.conversionId === results[i]?.conversionId)?.macros as Record<string, string>;
      expect(m.click_id).toBe(`src-${click?.clickId.slice(-6)}`);
      expect(m.trackily_click_id).toBe(click?.clickId);
      expect(m.payout).toBe(i === 1 ? "3.5000" : "7.0000");
      expect(m.status).toBe("approved");
    }
  });

  it("group commit: two batches in flight that share new keys in opposite arrival orders give one conversion per key, without a deadlock", async () => {
    const n = MIN_FOLLOW;
    const clicks = await Promise.all(Array.from({ length: n }, () => createClick(deps, f)));
    const forward = clicks.map((c) => ({ clickId: c.clickId, origin: "POSTBACK" as const, transactionId: "L" }));
    const middle = clicks[n / 2] as (typeof clicks)[number];
    // Another writer holds the middle key, uncommitted, so both batches stop there with half their keys inserted.
    // Were each batch to insert in arrival order, releasing it would make them wait for each other (a deadlock).
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let holding = () => {};
    const held = new Promise<void>((r) => {
      holding = r;
    });
    const holder = deps.db.sql
      .transaction(async (tx) => {
        await tx.execute(sql`
          INSERT INTO conversions (id, dedupe_key, click_id, campaign_id, revenue, currency, revenue_account, account_currency, click_created_at, created_at, updated_at)
          VALUES (${newId()}::uuid, ${`c:${middle.clickId}:sale:L`}, ${middle.clickId}::uuid, ${f.campaignId}::uuid, 0, 'USD', 0, 'USD', now(), now(), now())`);
        holding();
        await gate;
        throw new Error("roll back");
      })
      .catch(() => {});
    await held;
    const before = batchStats(deps);
    // 2n + 1 at once: the first goes alone, then a batch of n (forward, and the first backward), then one of n
    // (backward) next to it (a batch starts next to one in flight once MIN_FOLLOW are waiting).
    const inputs = [...forward, ...[...forward].reverse(), forward[0] as (typeof forward)[number]];
    const pending = Promise.all(inputs.map((i) => recordConversion(deps, i)));
    let waitedAtMiddle = false;
    for (let i = 0; i < 500 && !waitedAtMiddle; i++) {
      const waiting = await deps.db.sql.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      waitedAtMiddle = (waiting[0]?.n ?? 0) >= 2;
      if (!waitedAtMiddle) await new Promise((r) => setTimeout(r, 10));
    }
    release();
    await holder;
    const results = await pending;
    const after = batchStats(deps);
    expect(waitedAtMiddle).toBe(true);
    expect(after.maxInflight).toBeGreaterThanOrEqual(2);
    expect(after.batches - before.batches).toBe(3);
    expect(after.fallbacks - before.fallbacks).toBe(0);
    expect(results.filter((r) => r.outcome === "recorded")).toHaveLength(n);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(n + 1);
    const rows = await deps.db.prisma.conversion.findMany({ where: { clickId: { in: clicks.map((c) => c.clickId) } } });
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((r) => r.clickId)).size).toBe(n);
    expect(await deps.db.prisma.outboundDelivery.count({ where: { conversionId: { in: rows.map((r) => r.id) } } })).toBe(n);
    expect(await deps.db.prisma.conversionStatusChange.count({ where: { conversionId: { in: rows.map((r) => r.id) } } })).toBe(n);
  });

  it("the slow path's transaction on the hot pool rolls back on an error and leaves its connection usable", async () => {
    const id = newId();
    const insert = sql`INSERT INTO postback_log (id, received_at, channel, method, params, ip, outcome, message) VALUES (${id}::uuid, now(), 'test', 'GET', '{}'::jsonb, '', 'DUPLICATE'::"PostbackOutcome", '')`;
    await expect(
      hotTransaction(deps, async (tx) => {
        await tx.execute(insert);
        await tx.query(sql`SELECT 1 / 0`);
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await deps.db.prisma.postbackLog.count({ where: { id } })).toBe(0);
    // Every hot connection still works (none was returned in an aborted transaction).
    const n = await Promise.all(
      Array.from({ length: 12 }, () => hotTransaction(deps, async (tx) => (await tx.query<{ n: number }>(sql`SELECT 1 AS n`))[0]?.n)),
    );
    expect(n).toEqual(Array.from({ length: 12 }, () => 1));
    await hotTransaction(deps, (tx) => tx.execute(insert));
    expect(await deps.db.prisma.postbackLog.count({ where: { id } })).toBe(1);
  });

  it("hot-pool statements look conversions up by index even where the statistics say the table is tiny", async () => {
    await deps.db.sql.execute(sql`ANALYZE conversions`);
    const plan = await hotQuery<{ "QUERY PLAN": string }>(deps, sql`EXPLAIN SELECT id FROM conversions WHERE dedupe_key = ${"c:x:sale:"}`);
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/Index (Only )?Scan/);
    expect(text).not.toMatch(/Seq Scan/);
  });

  it("the batch statement's generic plan, made while statistics say conversions is empty, finds duplicates by dedupe key", async () => {
    // A fresh install: the hot pool's connections plan the batch statement once, in the first minutes, and keep that
    // plan for their life. Made while the statistics still said "empty" (a hundred-odd rows in), the plan looked
    // duplicates up through the offer/status index, matching on status alone: every conversion of that status read
    // per duplicate, slower and slower as the table grew (bench:postbacks: database CPU per postback 250 -> 1,500 us
    // over three rounds).
    const fresh = await startTestApp();
    try {
      const fx = await createFixture(fresh.app.deps, {});
      const clicks = await Promise.all(Array.from({ length: 3 }, () => createClick(fresh.app.deps, fx)));
      const element = (clickId: string) => ({
        ids: { conversion: newId(), history: newId(), log: newId(), outbox: newId(), notification: newId() },
        clickId,
        hitId: null,
        dedupeKey: `c:${clickId}:sale:P`,
        type: "sale",
        status: "APPROVED",
        ecom: "",
        rawStatus: "",
        tx: "P",
        revenue: null,
        currency: "USD",
        accountCurrency: "USD",
        origin: "POSTBACK",
        disablePostbacks: false,
        rawParams: {},
        now: new Date(),
        items: [],
        log: { channel: "postback", method: "GET", params: {}, ip: "", networkId: null },
      });
      const client = new pg.Client({
        connectionString: fresh.app.deps.config.databaseUrl,
        options: "-c plan_cache_mode=force_generic_plan -c enable_seqscan=off -c jit=off", // as the hot pool's
      });
      await client.connect();
      try {
        await client.query("VACUUM ANALYZE conversions");
        await client.query(`
          INSERT INTO conversions (id, dedupe_key, click_id, campaign_id, offer_id, type, status, revenue, currency, revenue_account, account_currency,
                                   click_created_at, created_at, updated_at)
          SELECT gen_random_uuid(), 'c:' || gen_random_uuid() || ':sale:t' || gen_random_uuid(), '${clicks[0]?.clickId}', '${fx.campaignId}', '${fx.offerId}',
                 'sale', 'APPROVED', 1, 'USD', 1, 'USD', now(), now(), now()
          FROM generate_series(1, 125)`);
        const f = batchInsertSql(clicks.map((c) => element(c.clickId)));
        await client.query(`PREPARE batch AS ${f.text}`);
        const args = (f.values as unknown[]).map((v) => (v === null ? "NULL" : client.escapeLiteral(textOf(v)))).join(", ");
        const plan = (await client.query(`EXPLAIN EXECUTE batch(${args})`)).rows.map((r) => r["QUERY PLAN"] as string);
        const from = plan.findIndex((l) => /^\s*CTE ex$/.test(l));
        const to = plan.findIndex((l, i) => i > from && /^\s*CTE /.test(l));
        const lookups = plan.slice(from, to).filter((l) => /Scan .* on conversions /.test(l));
        expect(lookups).toHaveLength(1);
        expect(lookups[0]).toMatch(/Index Scan using conversions_dedupe_key_key/);
        // The slow path's compare-and-set finds its row by primary key under the same statistics.
        await client.query(`PREPARE cas AS UPDATE conversions SET updated_at = now()
          WHERE id = $1::uuid AND status = $2::"ConversionStatus" AND ecom_status = $3 AND revenue = $4::numeric AND currency = $5::bpchar`);
        const cas = (await client.query(`EXPLAIN EXECUTE cas('${newId()}', 'APPROVED', '', 1, 'USD')`)).rows.map((r) => r["QUERY PLAN"] as string);
        expect(cas.join("\n")).toMatch(/Index Scan using conversions_pkey/);
      } finally {
        await client.end();
      }
    } finally {
      await fresh.stop();
    }
  });

  it("NUL bytes and other junk in text never break a write", async () => {
    const c = await createClick(deps, f);
    const r = await recordConversion(deps, {
      clickId: c.clickId,
      origin: "POSTBACK",
      transactionId: "a\u0000b",
      status: "\u0000",
      rawParams: { "x\u0000": "y\u0000" },
    });
    expect(r.outcome).toBe("recorded");
  });
});
