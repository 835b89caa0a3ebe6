// Rollups must give exactly the numbers raw rows give: random clicks and conversions, then late clicks, cost
// edits, deletions, late conversions and status changes, compared before and after the worker catches up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BaseQuery, queryOf } from "../src/reports/base-sums.js";
import type { Dimension } from "../src/reports/dimensions.js";
import { resolveRange } from "../src/reports/params.js";
import { sqltag } from "@prisma/client/runtime/client";
import {
  createRollupWorker,
  drainRollups,
  ROLLUP_MAX_SHARE,
  ROLLUP_PASS_FULL,
  readSums,
  rebuildDay,
  refreshPair,
  rollupClicksSql,
} from "../src/reports/rollup.js";
import { startTestApp, type TestApp } from "./helpers/app.js";
import { Fixtures } from "./helpers/reports-fixtures.js";

let t: TestApp;
let fx: Fixtures;
const camps: string[] = [];

beforeAll(async () => {
  t = await startTestApp({ env: { REPORTS_ROLLUP_INTERVAL_MS: "0" } });
  fx = await Fixtures.connect(t.db!.url);
  await fx.settings({ currency: "USD", timezone: "UTC", registration: "POSTBACK" });
  for (let i = 0; i < 3; i++) camps.push(await fx.campaign(`R${i}`));
  await fx.client.query("SELECT setseed(0.42)");
  // 4000 clicks over 2026-03-01 .. 2026-03-11 (a DST change in New York on 03-08), random dimensions and costs.
  await fx.client.query(
    `INSERT INTO clicks (id, campaign_id, visitor_id, created_at, country, os, browser, device_type, language, isp, referrer_domain,
       sub1, sub2, ext_campaign_id, ext_ad_set_id, ext_ad_id, ext_placement, cost, is_unique, region, city)
     SELECT gen_random_uuid(), ($1::uuid[])[1 + floor(random() * 3)::int], gen_random_uuid(),
       '2026-03-01T00:00:00Z'::timestamptz + random() * interval '10 days',
       (ARRAY['US','DE','FR','IN',''])[1 + floor(random() * 5)::int], (ARRAY['iOS','Android','Windows'])[1 + floor(random() * 3)::int],
       (ARRAY['Chrome','Safari'])[1 + floor(random() * 2)::int], (ARRAY['mobile','desktop','tablet'])[1 + floor(random() * 3)::int],
       (ARRAY['en','de'])[1 + floor(random() * 2)::int], (ARRAY['Comcast','DTAG','Airtel'])[1 + floor(random() * 3)::int],
       (ARRAY['a.com','b.com',''])[1 + floor(random() * 3)::int], 's' || floor(random() * 20)::int, (ARRAY['x','y'])[1 + floor(random() * 2)::int],
       'ec' || floor(random() * 4)::int, 'as' || floor(random() * 6)::int, 'ad' || floor(random() * 9)::int, 'pl' || floor(random() * 12)::int,
       round((random() * 0.5)::numeric, 6), random() < 0.8,
       (ARRAY['CA','TX','BY',''])[1 + floor(random() * 4)::int], 'city' || floor(random() * 30)::int
     FROM generate_series(1, 4000)`,
    [camps],
  );
  // 300 conversions on random clicks: mixed types, statuses, e-commerce statuses, postback delays; two in five from
  // a pool of 25 returning customers (repeat purchases across days, campaigns and dimension values), some without
  // a visitor (the click is then the customer).
  await fx.client.query(
    `INSERT INTO conversions (id, dedupe_key, click_id, visitor_id, campaign_id, type, status, ecom_status, revenue, currency, revenue_account, account_currency,
       cost, click_created_at, created_at, updated_at)
     SELECT gen_random_uuid(), c.id::text, c.id,
       CASE WHEN random() < 0.4 THEN md5('pool' || floor(random() * 25)::int)::uuid WHEN random() < 0.15 THEN NULL ELSE c.visitor_id END, c.campaign_id, (ARRAY['sale','lead','sale','upsell'])[1 + floor(random() * 4)::int],
       (ARRAY['APPROVED','APPROVED','PENDING','REJECTED'])[1 + floor(random() * 4)::int]::"ConversionStatus",
       (ARRAY['','','sale','refunded','chargeback'])[1 + floor(random() * 5)::int], r.rev, 'USD', r.rev, 'USD', round((random() * 2)::numeric, 6),
       c.created_at, c.created_at + random() * interval '3 days', now()
     FROM (SELECT * FROM clicks ORDER BY random() LIMIT 300) c CROSS JOIN LATERAL (SELECT round((random() * 100)::numeric, 4) AS rev) r`,
  );
});
afterAll(async () => {
  await fx?.close();
  await t?.stop();
});

const DIMS: Dimension[] = [
  "country",
  "region",
  "city",
  "os",
  "browser",
  "device",
  "language",
  "isp",
  "referrerDomain",
  "sub1",
  "sub2",
  "extCampaignId",
  "extAdSetId",
  "extAdId",
  "extPlacement",
];

interface Case {
  from: string;
  to: string;
  timezone: string;
  groupBy: Dimension[];
  campaign?: boolean;
  registration?: "VISIT" | "POSTBACK";
}

const CASES: Case[] = [
  { from: "2026-03-01", to: "2026-03-10", timezone: "UTC", groupBy: [] },
  { from: "2026-03-02", to: "2026-03-09", timezone: "America/New_York", groupBy: ["campaign"] },
  { from: "2026-03-02", to: "2026-03-09", timezone: "America/New_York", groupBy: ["date"] },
  { from: "2026-03-02", to: "2026-03-09", timezone: "UTC", groupBy: ["date"], campaign: true },
  { from: "2026-03-01", to: "2026-03-10", timezone: "UTC", groupBy: ["dayOfWeek", "campaign"] },
  { from: "2026-03-07", to: "2026-03-09", timezone: "America/New_York", groupBy: ["hour", "campaign"] },
  { from: "2026-03-01", to: "2026-03-10", timezone: "Asia/Tokyo", groupBy: ["hourOfDay"], campaign: true },
  { from: "2026-03-01", to: "2026-03-10", timezone: "Europe/Berlin", groupBy: ["dayOfWeek"], registration: "VISIT" },
  { from: "2026-03-03", to: "2026-03-05", timezone: "Asia/Kolkata", groupBy: ["date"] }, // half-hour zone: raw fallback
  { from: "2026-03-03", to: "2026-03-05", timezone: "Asia/Kolkata", groupBy: ["country"] },
  { from: "2026-03-04", to: "2026-03-04", timezone: "UTC", groupBy: ["campaign", "os"] },
  ...DIMS.map((d, i): Case => ({ from: "2026-03-01", to: "2026-03-10", timezone: i % 2 ? "America/Los_Angeles" : "UTC", groupBy: [d], campaign: i % 3 === 0 })),
];

async function compareAll(expectRollup: boolean): Promise<void> {
  const deps = t.app.deps;
  let repeatersSeen = 0;
  for (const c of CASES) {
    const range = await resolveRange(deps, {
      from: c.from,
      to: c.to,
      timezone: c.timezone,
      registration: c.registration ?? null,
      filters: c.campaign ? [{ dimension: "campaign", values: [camps[0] as string, camps[2] as string] }] : [],
    });
    const q: BaseQuery = queryOf(range, c.groupBy);
    const sort = (rows: Awaited<ReturnType<typeof readSums>>) => [...rows].sort((a, b) => a.keys.join("|").localeCompare(b.keys.join("|")));
    const viaRollup = sort(await readSums(deps, q));
    const raw = sort(await readSums(deps, q, { raw: true }));
    const label = JSON.stringify(c);
    expect(viaRollup, label).toEqual(raw);
    repeatersSeen += raw.reduce((a, r) => a + r.sums.repeatCustomers, 0);
    expect(
      raw.reduce((a, r) => a + r.sums.clicks, 0),
      label,
    ).toBeGreaterThan(0);
    if (expectRollup && c.timezone !== "Asia/Kolkata") expect(rollupClicksSql(q), label).not.toBeNull();
    if (c.timezone === "Asia/Kolkata" && c.groupBy[0] === "date") expect(rollupClicksSql(q)).toBeNull();
  }
  // The repeat-customer correction is exercised, not just trivially zero.
  expect(repeatersSeen).toBeGreaterThan(0);
}

describe("rollups", () => {
  it("answer exactly like raw rows while everything is dirty, and after the worker catches up", async () => {
    await compareAll(true);
    await drainRollups(t.app.deps.db.sql);
    const [{ n }] = (await fx.client.query("SELECT count(*)::int AS n FROM report_click_dirty")).rows;
    expect(n).toBe(0);
    const [{ rows }] = (await fx.client.query("SELECT count(*)::int AS rows FROM report_rollup_daily")).rows;
    expect(rows).toBeGreaterThan(0);
    // 2026-03-02 .. 03-08 is a whole ISO week inside the ten days: reports without a campaign read its weekly sums.
    const [{ weeks }] = (await fx.client.query("SELECT count(*)::int AS weeks FROM report_rollup_week WHERE week = '2026-03-02'")).rows;
    expect(weeks).toBeGreaterThan(0);
    const [conv] = (
      await fx.client.query(
        "SELECT (SELECT count(*)::int FROM report_conv_dirty) AS dirty, (SELECT count(*)::int FROM report_conv_rollup_daily) AS daily, (SELECT count(*)::int FROM report_customers WHERE n >= 2) AS repeat",
      )
    ).rows;
    expect(conv.dirty).toBe(0);
    expect(conv.daily).toBeGreaterThan(0);
    expect(conv.repeat).toBeGreaterThan(0);
    await compareAll(true);

    // The offline rebuild of whole days (the traffic seed's) gives the rows the worker built.
    const tables = async () => {
      const out: unknown[][] = [];
      for (const sql of [
        "SELECT day::text, campaign_id::text, dim, value, clicks::text, uniq::text, cost::text FROM report_rollup_daily ORDER BY 1, 2, 3, 4",
        "SELECT dim, day::text, value, clicks::text, uniq::text, cost::text FROM report_rollup_day WHERE clicks <> 0 ORDER BY 1, 2, 3",
        "SELECT dim, week::text, value, clicks::text, uniq::text, cost::text FROM report_rollup_week WHERE clicks <> 0 ORDER BY 1, 2, 3",
        "SELECT hour::text, campaign_id::text, clicks::text, uniq::text, cost::text FROM report_rollup_hourly ORDER BY 1, 2",
      ])
        out.push((await fx.client.query(sql)).rows);
      return out;
    };
    const built = await tables();
    const days = (await fx.client.query("SELECT DISTINCT (created_at AT TIME ZONE 'UTC')::date::text AS d FROM clicks ORDER BY 1")).rows;
    for (const { d } of days) await rebuildDay(t.app.deps.db.sql, d);
    expect(await tables()).toEqual(built);
  });

  it("stay exact through late clicks, cost edits, deletions, late conversions and status changes", async () => {
    // Late clicks for an old day (a spool replay), a cost edit, a deleted click.
    for (let i = 0; i < 25; i++)
      await fx.click({ campaignId: camps[1] as string, createdAt: "2026-03-03T23:30:00Z", country: "NZ", cost: "1.25", sub1: "late" });
    await fx.client.query("UPDATE clicks SET cost = cost + 0.333333 WHERE id IN (SELECT id FROM clicks WHERE created_at::date = '2026-03-05' LIMIT 40)");
    await fx.client.query(
      "DELETE FROM clicks WHERE id IN (SELECT id FROM clicks WHERE created_at::date = '2026-03-06' AND id NOT IN (SELECT click_id FROM conversions) LIMIT 10)",
    );
    const dirty = (await fx.client.query("SELECT count(*)::int AS n FROM report_click_dirty")).rows[0].n;
    expect(dirty).toBeGreaterThan(0);
    // Late conversions and status changes.
    const late = (await fx.client.query("SELECT id, campaign_id, created_at FROM clicks WHERE country = 'NZ' LIMIT 3")).rows;
    for (const c of late) {
      await fx.conversion({ clickId: c.id, campaignId: c.campaign_id, clickCreatedAt: c.created_at, createdAt: "2026-03-09T10:00:00Z", revenue: "42.4242" });
    }
    const some = (await fx.client.query("SELECT id FROM conversions WHERE status = 'APPROVED' AND ecom_status = '' LIMIT 6")).rows;
    for (const [i, r] of some.entries()) await fx.setConversionStatus(r.id, i % 2 ? "REJECTED" : "APPROVED", i % 2 ? "" : "refunded");
    // Returning customers: a late repeat purchase, rejections and a re-approval of their conversions, a deletion,
    // and a conversion moved to another postback day.
    const pool = (
      await fx.client.query(
        "SELECT id, visitor_id FROM conversions WHERE visitor_id IN (SELECT visitor_id FROM conversions GROUP BY 1 HAVING count(*) >= 3) ORDER BY id LIMIT 12",
      )
    ).rows;
    expect(pool.length).toBe(12);
    await fx.conversion({
      clickId: late[0].id,
      campaignId: late[0].campaign_id,
      visitorId: pool[0].visitor_id,
      clickCreatedAt: late[0].created_at,
      createdAt: "2026-03-08T12:00:00Z",
      revenue: "7.5",
    });
    for (const r of pool.slice(1, 5)) await fx.setConversionStatus(r.id, "REJECTED");
    await fx.setConversionStatus(pool[5].id, "APPROVED", "sale");
    await fx.client.query("DELETE FROM conversions WHERE id = $1", [pool[6].id]);
    await fx.client.query("UPDATE conversions SET created_at = created_at + interval '1 day' WHERE id = $1", [pool[7].id]);
    await compareAll(true);
    await drainRollups(t.app.deps.db.sql);
    await compareAll(true);
  });

  it("click writes for one campaign never wait on each other; a click committed after a pass waits for the next, read raw meanwhile", async () => {
    await drainRollups(t.app.deps.db.sql);
    const a = await Fixtures.connect(t.db!.url);
    const b = await Fixtures.connect(t.db!.url);
    const logged = async () =>
      (await fx.client.query("SELECT count(*)::int AS n FROM report_click_log WHERE day = '2026-03-04' AND campaign_id = $1", [camps[0]])).rows[0].n;
    try {
      // A holds an uncommitted click for (2026-03-04, camp 0); B's click for the same pair must not wait for A.
      await a.client.query("BEGIN");
      await a.click({ campaignId: camps[0] as string, createdAt: "2026-03-04T12:00:00Z", country: "SE", cost: "0.5" });
      await b.client.query("SET lock_timeout = '2s'");
      await b.click({ campaignId: camps[0] as string, createdAt: "2026-03-04T13:00:00Z", country: "SE", cost: "0.5" });
      expect(await logged()).toBe(1);
      // The worker adds what is committed (B's click) while A is still open ...
      await drainRollups(t.app.deps.db.sql);
      expect(await logged()).toBe(0);
      // ... and A's commit leaves its own log row, so reports read the pair raw until the next pass.
      await a.client.query("COMMIT");
      expect(await logged()).toBe(1);
      await compareAll(true);
      await drainRollups(t.app.deps.db.sql);
      expect(await logged()).toBe(0);
      await compareAll(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("a rebuild takes the pair's pending new clicks with it (none counted twice); a click-through alone marks nothing", async () => {
    await drainRollups(t.app.deps.db.sql);
    const db = t.app.deps.db.sql;
    const day = "2026-03-05";
    const marks = async () => (await fx.client.query("SELECT count(*)::int AS n FROM report_click_dirty")).rows[0].n;
    const id = await fx.click({ campaignId: camps[1] as string, createdAt: `${day}T08:00:00Z`, country: "NO", cost: "0.25" });
    await fx.client.query("UPDATE clicks SET landing_clicked_at = now() WHERE id = $1", [id]);
    expect(await marks()).toBe(0);
    // A cost edit marks the pair while its new click is still only logged: the rebuild (alone, before any
    // incremental pass) counts the click and drops its log row in the same snapshot.
    await fx.client.query("UPDATE clicks SET cost = 0.75 WHERE id = $1", [id]);
    expect(await marks()).toBe(1);
    const rebuilt = await db.transaction(async (tx) => {
      await tx.query(sqltag`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`);
      return refreshPair(tx, day, camps[1] as string);
    });
    expect(rebuilt).toBe(true);
    expect((await fx.client.query("SELECT count(*)::int AS n FROM report_click_log")).rows[0].n).toBe(0);
    expect(await marks()).toBe(0);
    await drainRollups(db);
    await compareAll(true);
  });

  it("the worker drains a backlog pass by pass, each followed by nine times its length of rest, and stops mid-rest", async () => {
    await drainRollups(t.app.deps.db.sql);
    // Four full passes of log rows without clicks: only the pacing is under test here, and the sums stay exact.
    await fx.client.query("INSERT INTO report_click_log (day, campaign_id, ids) SELECT '2026-03-04', $1::uuid, '{}' FROM generate_series(1, $2::int)", [
      camps[0],
      ROLLUP_PASS_FULL * 4 + 10,
    ]);
    const passes: Array<{ at: number; spentMs: number; restMs: number; seen: number }> = [];
    const warnings: string[] = [];
    const logger = {
      debug: (o: { spentMs: number; restMs: number; seen: number }, msg: string) => {
        if (msg === "report rollup pass") passes.push({ at: performance.now(), ...o });
      },
      warn: (_: unknown, msg: string) => warnings.push(msg),
    } as unknown as TestApp["app"]["deps"]["logger"];
    const worker = createRollupWorker({ db: t.app.deps.db, logger }, 60_000);
    worker.start();
    await expect.poll(() => passes.length, { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(3);
    for (const [i, p] of passes.slice(0, 3).entries()) {
      expect(p.seen).toBe(ROLLUP_PASS_FULL);
      // Times are logged in whole milliseconds.
      expect(p.restMs).toBeGreaterThanOrEqual(((p.spentMs - 0.5) * (1 - ROLLUP_MAX_SHARE)) / ROLLUP_MAX_SHARE - 1);
      // The next pass starts only after the rest (its own time comes on top).
      const next = passes[i + 1];
      if (next) expect(next.at - p.at).toBeGreaterThanOrEqual(p.restMs - 2);
    }
    // Stopping in the middle of a rest does not wait for it to end.
    const stopping = performance.now();
    await worker.stop();
    expect(performance.now() - stopping).toBeLessThan(1_000);
    expect(warnings).toEqual([]);
    await drainRollups(t.app.deps.db.sql);
    await compareAll(true);
  });
});
