// pnpm seed:traffic [--clicks=10000000] [--days=90] [--campaigns=50] [--reset]
// Realistic traffic for the console and for report benchmarks, generated inside PostgreSQL (INSERT ... SELECT
// over generate_series, one UTC day per statement, so rows arrive in time order like real traffic and ids are
// time-ordered UUIDv7-style): weighted countries, devices, OS, browsers, sources, sub values and external ids;
// skewed region/city values (about 400 regions, 6,000 cities; not tied to the country);
// about 10% of clicks get a landing or offer hit and 2% a conversion, with mixed types and statuses.
// Needs DATABASE_URL (default postgres://postgres@127.0.0.1:5432/trackily_bench, created when missing).
import { sqltag } from "@prisma/client/runtime/client";
import pg from "pg";
import { connectDatabase } from "../src/db/connect.js";
import { applyMigrations } from "../src/db/migrate.js";
import { newId } from "../src/lib/ids.js";
import { drainRollups, ensureRollupTriggers, REPORT_TABLES, rebuildDay } from "../src/reports/rollup.js";

const arg = (name: string, def: number): number => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  const v = Number(a ? a.split("=")[1] : (process.env[`SEED_${name.toUpperCase()}`] ?? def));
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return Math.floor(v);
};
const CLICKS = arg("clicks", 10_000_000);
const DAYS = arg("days", 90);
const CAMPAIGNS = arg("campaigns", 50);
const HIT_RATE = 0.1;
const CONV_RATE = 0.02;
const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/trackily_bench";

const t0 = Date.now();
const log = (m: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

// Create the database when missing.
{
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  await admin.end();
}
const db = await connectDatabase({ databaseUrl: url, dataDir: "/tmp", statementTimeoutMs: 0 });
await applyMigrations(db.adapterFactory);
await ensureRollupTriggers(db.sql);
const client = new pg.Client({ connectionString: url });
await client.connect();
const q = (text: string, values: unknown[] = []) => client.query(text, values);

if (process.argv.includes("--reset")) {
  await q(
    "TRUNCATE clicks, hits, conversions, conversion_status_changes, events, funnel_steps, report_rollup_daily, report_rollup_hourly, report_click_dirty, report_click_log CASCADE",
  );
  await q("DELETE FROM flows WHERE campaign_id IN (SELECT id FROM campaigns WHERE slug LIKE 'seed-%')");
  await q("DELETE FROM campaigns WHERE slug LIKE 'seed-%'");
  log("reset traffic tables");
}

await q("INSERT INTO settings (id, updated_at) VALUES (1, now()) ON CONFLICT (id) DO NOTHING");
await q("SELECT setseed(0.2026)");

// Entities: sources, landers, offers, campaigns with one flow each.
const sources = ["Kadam", "PropellerAds", "Meta", "TikTok", "Google"];
const sourceIds: string[] = [];
for (const name of sources) {
  const id = newId();
  await q("INSERT INTO traffic_sources (id, name, template, updated_at) VALUES ($1, $2, 'custom', now())", [id, `seed ${name}`]);
  sourceIds.push(id);
}
const landers: string[] = [];
const offers: string[] = [];
for (let i = 0; i < 10; i++) {
  const l = newId();
  await q("INSERT INTO landing_pages (id, name, steps, updated_at) VALUES ($1, $2, $3, now())", [
    l,
    `seed lander ${i + 1}`,
    ["Landing", "Email Submitted", "Offer Shown"],
  ]);
  landers.push(l);
  const o = newId();
  await q("INSERT INTO offers (id, name, url, payout, updated_at) VALUES ($1, $2, 'https://offer.example/?c={click_id}', $3, now())", [
    o,
    `seed offer ${i + 1}`,
    5 + i * 3,
  ]);
  offers.push(o);
}
await q("CREATE TEMP TABLE seed_campaigns (n int PRIMARY KEY, id uuid, flow_id uuid, source_id uuid, cpc numeric)");
for (let i = 0; i < CAMPAIGNS; i++) {
  const id = newId();
  const flow = newId();
  const src = sourceIds[i % sourceIds.length] as string;
  const cpc = (0.01 + (i % 10) * 0.007).toFixed(4);
  await q("INSERT INTO campaigns (id, name, slug, source_id, cost_value, updated_at) VALUES ($1, $2, $3, $4, $5, now())", [
    id,
    `Seed campaign ${i + 1}`,
    `seed-${i + 1}-${id.slice(-6)}`,
    src,
    cpc,
  ]);
  await q("INSERT INTO flows (id, campaign_id, name, updated_at) VALUES ($1, $2, 'Default', now())", [flow, id]);
  await q("INSERT INTO flow_landings (id, flow_id, landing_id) VALUES ($1, $2, $3), ($4, $2, $5)", [
    newId(),
    flow,
    landers[i % 10],
    newId(),
    landers[(i + 1) % 10],
  ]);
  await q("INSERT INTO flow_offers (id, flow_id, offer_id) VALUES ($1, $2, $3), ($4, $2, $5)", [newId(), flow, offers[i % 10], newId(), offers[(i + 3) % 10]]);
  await q("INSERT INTO seed_campaigns VALUES ($1, $2, $3, $4, $5)", [i, id, flow, src, cpc]);
}
await q(`CREATE TEMP TABLE seed_variants AS SELECT sc.n, array_agg(DISTINCT fl.landing_id) AS landers, array_agg(DISTINCT fo.offer_id) AS offers
  FROM seed_campaigns sc JOIN flow_landings fl ON fl.flow_id = sc.flow_id JOIN flow_offers fo ON fo.flow_id = sc.flow_id GROUP BY sc.n`);
log(`${sources.length} sources, ${CAMPAIGNS} campaigns, 10 landers, 10 offers`);

// Weighted value lists: repeating a value weights it.
const w = (pairs: Array<[string, number]>) => pairs.flatMap(([v, n]) => Array(n).fill(v));
const COUNTRIES = w([
  ["US", 30],
  ["GB", 8],
  ["DE", 8],
  ["FR", 6],
  ["BR", 7],
  ["IN", 9],
  ["ID", 5],
  ["MX", 4],
  ["CA", 4],
  ["IT", 3],
  ["ES", 3],
  ["PL", 2],
  ["TR", 3],
  ["JP", 2],
  ["VN", 3],
  ["TH", 2],
  ["PH", 2],
  ["NG", 2],
  ["ZA", 1],
  ["AU", 2],
]);
const DEVICES = w([
  ["mobile", 70],
  ["desktop", 25],
  ["tablet", 5],
]);
const OSES = w([
  ["Android", 50],
  ["iOS", 25],
  ["Windows", 18],
  ["Mac OS", 5],
  ["Linux", 2],
]);
const BROWSERS = w([
  ["Chrome", 60],
  ["Safari", 22],
  ["Samsung Browser", 7],
  ["Firefox", 4],
  ["Edge", 4],
  ["Opera", 3],
]);
const LANGS = w([
  ["en", 45],
  ["es", 10],
  ["pt", 8],
  ["de", 8],
  ["fr", 7],
  ["hi", 6],
  ["id", 5],
  ["ja", 2],
  ["it", 3],
  ["tr", 3],
  ["vi", 3],
]);
const ISPS = w([
  ["Comcast", 8],
  ["AT&T", 7],
  ["Verizon", 7],
  ["T-Mobile", 6],
  ["Vodafone", 8],
  ["Deutsche Telekom", 6],
  ["Orange", 6],
  ["Jio", 8],
  ["Airtel", 6],
  ["Claro", 5],
  ["Vivo", 4],
  ["Telkomsel", 5],
  ["BT", 4],
  ["Rogers", 3],
  ["Telcel", 4],
  ["NTT", 2],
  ["Viettel", 3],
  ["Globe", 2],
  ["MTN", 2],
  ["Telstra", 2],
]);
const REFS = w([
  ["", 40],
  ["google.com", 15],
  ["facebook.com", 12],
  ["tiktok.com", 8],
  ["news.example", 6],
  ["youtube.com", 5],
  ["instagram.com", 5],
  ["push.example", 9],
]);

const dayMs = 86_400_000;
const end = Math.floor(Date.now() / 3_600_000) * 3_600_000;
const start = end - DAYS * dayMs;
const perDay = Math.ceil(CLICKS / DAYS);
let inserted = 0;
for (let d = 0; d < DAYS && inserted < CLICKS; d++) {
  const n = Math.min(perDay, CLICKS - inserted);
  const from = new Date(start + d * dayMs);
  await q(
    `INSERT INTO clicks (id, campaign_id, flow_id, landing_id, offer_id, source_id, visitor_id, created_at, country, os, browser, device_type,
       language, isp, referrer_domain, sub1, sub2, sub3, sub4, sub5, ext_campaign_id, ext_ad_set_id, ext_ad_id, ext_placement, cost, is_unique, region, city)
     SELECT (lpad(to_hex((extract(epoch FROM g.ts) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 3) || '8' || substr(md5(random()::text), 1, 15))::uuid,
       sc.id, sc.flow_id, sv.landers[1 + floor(random() * array_length(sv.landers, 1))::int], sv.offers[1 + floor(random() * array_length(sv.offers, 1))::int],
       sc.source_id, md5('v' || floor(random() * $3::int))::uuid, g.ts,
       ($4::text[])[1 + floor(random() * array_length($4::text[], 1))::int], ($5::text[])[1 + floor(random() * array_length($5::text[], 1))::int],
       ($6::text[])[1 + floor(random() * array_length($6::text[], 1))::int], ($7::text[])[1 + floor(random() * array_length($7::text[], 1))::int],
       ($8::text[])[1 + floor(random() * array_length($8::text[], 1))::int], ($9::text[])[1 + floor(random() * array_length($9::text[], 1))::int],
       ($10::text[])[1 + floor(random() * array_length($10::text[], 1))::int],
       'zone' || floor(power(random(), 3) * 500)::int, 'cr' || floor(random() * 40)::int, (ARRAY['push', 'pop', 'native', 'banner'])[1 + floor(random() * 4)::int],
       CASE WHEN random() < 0.3 THEN 'a' || floor(random() * 5)::int ELSE '' END, '',
       'ext' || sc.n || '-' || floor(random() * 4)::int, 'set' || sc.n || '-' || floor(random() * 12)::int, 'ad' || sc.n || '-' || floor(random() * 40)::int,
       'pl' || floor(power(random(), 2) * 300)::int, round(sc.cpc * (0.5 + random())::numeric, 6), random() < 0.82,
       'Region ' || (g.geo % 400), 'City ' || g.geo
     FROM (SELECT $1::timestamptz + (random() * 86400) * interval '1 second' AS ts, floor(power(random(), 2) * $11::int)::int AS cn,
             floor(power(random(), 3) * 6000)::int AS geo
           FROM generate_series(1, $2::int) ORDER BY 1) g
     JOIN seed_campaigns sc ON sc.n = g.cn JOIN seed_variants sv ON sv.n = g.cn
     ORDER BY g.ts`,
    [from, n, Math.max(1, Math.floor(CLICKS / 3)), COUNTRIES, OSES, BROWSERS, DEVICES, LANGS, ISPS, REFS, CAMPAIGNS],
  );
  const to = new Date(from.getTime() + dayMs);
  await q(
    `INSERT INTO hits (id, click_id, visitor_id, campaign_id, kind, landing_id, offer_id, created_at)
     SELECT gen_random_uuid(), c.id, c.visitor_id, c.campaign_id, CASE WHEN random() < 0.7 THEN 'LANDING' ELSE 'OFFER' END::"HitKind",
       c.landing_id, c.offer_id, c.created_at + interval '2 seconds'
     FROM clicks c WHERE c.created_at >= $1 AND c.created_at < $2 AND random() < $3`,
    [from, to, HIT_RATE],
  );
  await q(
    `INSERT INTO conversions (id, dedupe_key, click_id, hit_id, visitor_id, campaign_id, flow_id, landing_id, offer_id, source_id, type, status, ecom_status,
       transaction_id, revenue, currency, revenue_account, account_currency, cost, country, click_created_at, created_at, updated_at)
     SELECT gen_random_uuid(), c.id || ':' || x.type || ':', c.id, NULL, c.visitor_id, c.campaign_id, c.flow_id, c.landing_id, c.offer_id, c.source_id,
       x.type, x.status::"ConversionStatus", x.ecom, '', x.rev, 'USD', x.rev, 'USD', 0, c.country, c.created_at,
       least(c.created_at + random() * interval '36 hours', now()), now()
     FROM clicks c CROSS JOIN LATERAL (
       SELECT t.type, s.status, CASE WHEN s.status = 'REJECTED' AND random() < 0.5 THEN 'refunded' ELSE '' END AS ecom,
              CASE WHEN t.type = 'lead' THEN round((1 + random() * 4)::numeric, 2) ELSE round((10 + random() * 70)::numeric, 2) END AS rev
       FROM (SELECT (ARRAY['sale', 'sale', 'sale', 'lead', 'lead', 'upsell'])[1 + floor(random() * 6)::int] AS type) t,
            (SELECT (ARRAY['APPROVED', 'APPROVED', 'APPROVED', 'APPROVED', 'PENDING', 'PENDING', 'REJECTED'])[1 + floor(random() * 7)::int] AS status) s
       WHERE c.id IS NOT NULL) x
     WHERE c.created_at >= $1 AND c.created_at < $2 AND random() < $3`,
    [from, to, CONV_RATE],
  );
  inserted += n;
  if (d % 10 === 9 || inserted >= CLICKS) log(`${inserted.toLocaleString("en")} clicks (${d + 1} days)`);
}
await q("ANALYZE clicks");
await q("ANALYZE hits");
await q("ANALYZE conversions");
const counts = (
  await q("SELECT (SELECT count(*) FROM clicks) AS clicks, (SELECT count(*) FROM hits) AS hits, (SELECT count(*) FROM conversions) AS conversions")
).rows[0];
log(`rows: ${JSON.stringify(counts)}`);

// Rollups: one pass per day over all campaigns, then the worker's own path for anything left dirty.
const days = (await q("SELECT to_char(day, 'YYYY-MM-DD') AS day FROM (SELECT day FROM report_click_dirty UNION SELECT day FROM report_click_log) d ORDER BY 1"))
  .rows as Array<{ day: string }>;
for (const [i, { day }] of days.entries()) {
  await rebuildDay(db.sql, day);
  if (i % 15 === 14) log(`rollups: ${i + 1}/${days.length} days`);
}
const pairs = await drainRollups(db.sql);
for (const t of REPORT_TABLES) await q(`VACUUM (ANALYZE) ${t}`);
log(`rollups rebuilt for ${pairs} (day, campaign) pairs`);
await db.sql.query(sqltag`SELECT 1`);
await client.end();
await db.close();
