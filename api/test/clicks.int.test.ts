import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../src/lib/ids.js";
import { BATCH_SQL, batchParams } from "../src/tracking/store/batch-sql.js";
import { copyBatch } from "../src/tracking/store/copy-batch.js";
import type { ClickRow } from "../src/tracking/store/rows.js";
import { VISITOR_SESSION_MS } from "../src/tracking/visitor-session.js";
import { startTestApp, type TestApp } from "./helpers/app.js";
import { click, reloadConfig, seedCampaign, seedLanding, seedOffer } from "./helpers/click-seed.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    env: {
      GEOIP_CITY_PATH: "/work/shared/geoip/GeoLite2-City-Test.mmdb",
      GEOIP_ASN_PATH: "/work/shared/geoip/GeoLite2-ASN-Test.mmdb",
      TRUSTED_PROXIES: "127.0.0.1",
    },
  });
});
afterAll(() => t?.stop());

const UUID = /^[0-9a-f-]{36}$/;

describe("GET /c/:slug", () => {
  it("redirects to the offer with macros, records the click with geo, UA and subs, sets cookies", async () => {
    const offer = await seedOffer(t, { url: "https://offer.example.com/go?c={country}&s1={sub1}&h={hit}&city={city}" });
    const { id: campaignId } = await seedCampaign(t, { slug: "direct", flows: [{ offers: [{ id: offer }] }], costValue: "0.05" });
    await reloadConfig(t);
    const r = await click(t, "/c/direct?sub1=a%20b&sub3=x&zone=77&cost=0.07", {
      "x-forwarded-for": "81.2.69.142",
      "accept-language": "en-GB,en;q=0.9",
      referer: "https://news.example.org/a",
    });
    expect(r.status).toBe(302);
    const loc = new URL(r.location);
    expect(loc.host).toBe("offer.example.com");
    expect(loc.searchParams.get("c")).toBe("GB");
    expect(loc.searchParams.get("s1")).toBe("a b");
    expect(loc.searchParams.get("city")).toBe("London");
    const clickId = loc.searchParams.get("sub2") as string;
    expect(clickId).toMatch(UUID);
    expect(loc.searchParams.get("vid")).toMatch(UUID);
    expect(r.cookies.some((c) => c.startsWith(`_tly_click=${clickId}`))).toBe(true);
    expect(r.cookies.some((c) => c.startsWith("_tly_vid=") && c.includes("Max-Age=345600"))).toBe(true);
    const row = await t.app.deps.db.prisma.click.findUniqueOrThrow({ where: { id: clickId } });
    expect(row).toMatchObject({
      campaignId,
      offerId: offer,
      ip: "81.2.69.142",
      country: "GB",
      city: "London",
      region: "England",
      os: "Windows",
      browser: "Chrome",
      deviceType: "desktop",
      language: "en",
      sub1: "a b",
      sub3: "x",
      referrerDomain: "news.example.org",
      outcome: "ROUTED",
    });
    expect(row.params).toEqual({ zone: "77" });
    expect(row.cost.toString()).toBe("0.07");
    const hit = await t.app.deps.db.prisma.hit.findUniqueOrThrow({ where: { id: loc.searchParams.get("h") as string } });
    expect(hit).toMatchObject({ clickId, kind: "OFFER", offerId: offer });
    const visitor = await t.app.deps.db.prisma.visitor.findUniqueOrThrow({ where: { id: loc.searchParams.get("vid") as string } });
    expect(visitor.lastClickId).toBe(clickId);
    expect(visitor.sessionExpiresAt.getTime() - visitor.lastSeenAt.getTime()).toBe(4 * 86_400_000);
  });

  it("serves a local lander with escaped call-outs, rewritten offer links and the pixel tag", async () => {
    const o1 = await seedOffer(t, { url: "https://o1.example.com/?id={click_id}" });
    const o2 = await seedOffer(t, { url: "https://o2.example.com/" });
    const l = await seedLanding(t, {
      html: '<html><head><title>x</title></head><body><h1>Hi {{city}} {{os}}</h1><p>{{isp}} {{sub9}}</p><a href="{{offer_url_1}}">1</a><a href="{{offer_url_2}}">2</a><a href="{offer}">x</a></body></html>',
    });
    await seedCampaign(t, { slug: "lander", flows: [{ landings: [{ id: l }], offers: [{ id: o1 }, { id: o2, weight: 1 }] }] });
    await reloadConfig(t);
    const r = await click(t, "/c/lander", { "user-agent": "<script>alert(1)</script> Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)" });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-security-policy")).toContain("sandbox");
    expect(r.headers.get("content-security-policy")).not.toContain("allow-same-origin");
    const clickId = (r.cookies.find((c) => c.startsWith("_tly_click=")) as string).split(";")[0]?.split("=")[1] as string;
    expect(r.body).toContain(`href="/offer/${clickId}/${o1}">1`);
    expect(r.body).toContain(`href="/offer/${clickId}/${o2}">2`);
    expect(r.body).toContain("{{sub9}}");
    expect(r.body.indexOf("__tlyctx")).toBeLessThan(r.body.indexOf("</head>"));
    expect(r.body).toContain(`"click":"${clickId}"`);
    // The /offer redirect: macros, click-through, offer hit.
    const o = await click(t, `/offer/${clickId}/${o1}`);
    expect(o.status).toBe(302);
    expect(o.location.startsWith(`https://o1.example.com/?id=${clickId}`)).toBe(true);
    const row = await t.app.deps.db.prisma.click.findUniqueOrThrow({ where: { id: clickId } });
    expect(row.landingClickedAt).not.toBeNull();
    const hits = await t.app.deps.db.prisma.hit.findMany({ where: { clickId }, orderBy: { createdAt: "asc" } });
    expect(hits.map((h) => h.kind).sort()).toEqual(["LANDING", "OFFER"]);
  });

  it("escapes call-out values that come from visitors", async () => {
    const l = await seedLanding(t, { html: "<p>{{language}}|{{browser}}|{{ip}}|{{isp}}</p>" });
    await seedCampaign(t, { slug: "esc", flows: [{ landings: [{ id: l }] }] });
    await reloadConfig(t);
    const r = await click(t, "/c/esc", { "x-forwarded-for": "12.81.92.1" });
    expect(r.body).toContain("<p>|Chrome|12.81.92.1|AT&amp;T Services</p>");
  });

  it("answers 4xx for unknown campaigns, clicks and offers; HEAD records nothing", async () => {
    expect((await click(t, "/c/nope")).status).toBe(404);
    expect((await click(t, "/offer/not-a-uuid/x")).status).toBe(400);
    expect((await click(t, "/offer/01938a2e-0000-7000-8000-000000000000/01938a2e-0000-7000-8000-000000000001")).status).toBe(404);
    const before = await t.app.deps.db.prisma.click.count();
    const head = await fetch(`${t.url}/c/direct`, { method: "HEAD", redirect: "manual" });
    expect(head.status).toBe(200);
    expect(await t.app.deps.db.prisma.click.count()).toBe(before);
  });
});

const BOT_UA = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const clickIdOf = (r: { cookies: string[] }) => ((r.cookies.find((c) => c.startsWith("_tly_click=")) ?? "").split(";")[0] ?? "").split("=")[1] ?? "";

describe("hostile input", () => {
  it("stores NULs, quotes, backslashes and braces from visitors without breaking the batch", async () => {
    const offer = await seedOffer(t, { url: "https://offer.example.com/?s3={sub3}&z={zone}&c={country}&f={flow_id}" });
    await seedCampaign(t, { slug: "hostile", flows: [{ offers: [{ id: offer }] }] });
    await reloadConfig(t);
    const r = await click(t, `/c/hostile?sub1=a%00b&sub2=${encodeURIComponent('x"y\\z{1,2}')}&k%00=${encodeURIComponent("'\"")}`, {
      referer: 'https://r.example/"\\',
    });
    expect(r.status).toBe(302);
    const row = await t.app.deps.db.prisma.click.findUniqueOrThrow({ where: { id: clickIdOf(r) } });
    expect(row).toMatchObject({ sub1: "ab", sub2: 'x"y\\z{1,2}', referrer: 'https://r.example/"\\' });
    expect(row.params).toEqual({ k: "'\"" });

    // What COPY's text format gives a meaning (tab, newline, carriage return, backslash, \N) comes back as sent,
    // for a first-time visitor (copied in) and a returning one (upserted).
    const odd = "a\tb\nc\rd\\N\\e \\\\ é🙂";
    const first = await click(t, `/c/hostile?sub3=${encodeURIComponent(odd)}&zone=${encodeURIComponent(odd)}`, { "user-agent": "UA\t\\N \\t\\\\x" });
    const vid = ((first.cookies.find((c) => c.startsWith("_tly_vid=")) ?? "").split(";")[0] ?? "").split("=")[1] ?? "";
    const again = await click(t, `/c/hostile?sub3=${encodeURIComponent(odd)}`, { cookie: `_tly_vid=${vid}` });
    const rows = await t.app.deps.db.prisma.click.findMany({ where: { id: { in: [clickIdOf(first), clickIdOf(again)] } }, orderBy: { id: "asc" } });
    expect(rows.map((x) => x.sub3)).toEqual([odd, odd]);
    expect(rows[0]).toMatchObject({ userAgent: "UA\t\\N \\t\\\\x", params: { zone: odd }, sub4: "", visitorId: vid });
    expect(rows[1]?.visitorId).toBe(vid);
    const visitor = await t.app.deps.db.prisma.visitor.findUniqueOrThrow({ where: { id: vid } });
    expect(visitor).toMatchObject({ visits: 2, firstClickId: clickIdOf(first), lastClickId: clickIdOf(again) });

    // /offer expands the same values from the recent-clicks cache (the click kept as its COPY line) and, once the
    // cache has forgotten the click, from the database.
    const macros = (location: string) => {
      const u = new URL(location);
      return { s3: u.searchParams.get("s3"), z: u.searchParams.get("z"), c: u.searchParams.get("c"), f: u.searchParams.get("f") };
    };
    const expected = { s3: odd, z: odd, c: rows[0]?.country, f: rows[0]?.flowId };
    const engine = t.app.tracking.engine;
    expect(engine.recent.has(clickIdOf(first))).toBe(true);
    expect(macros((await click(t, `/offer/${clickIdOf(first)}/${offer}`)).location)).toEqual(expected);
    engine.recent.clear();
    expect(macros((await click(t, `/offer/${clickIdOf(first)}/${offer}`)).location)).toEqual(expected);
  });
});

/** A complete click row for statement-level tests. */
const batchRow = (id: string, campaignId: string, visitorId: string, at: number): ClickRow => {
  const text = { ip: "203.0.113.9", country: "US", region: "", city: "", isp: "", os: "", osVersion: "", browser: "" };
  const more = { browserVersion: "", deviceType: "", language: "", userAgent: "UA", referrer: "", referrerDomain: "" };
  const subs = { sub1: "batch", sub2: "", sub3: "", sub4: "", sub5: "", sourceClickId: "", extCampaignId: "", extAdSetId: "" };
  return {
    ...text,
    ...more,
    ...subs,
    id,
    campaignId,
    flowId: null,
    landingId: null,
    offerId: null,
    sourceId: null,
    visitorId,
    createdAt: at,
    outcome: "ROUTED",
    asn: null,
    extAdId: "",
    extPlacement: "",
    params: {},
    cost: "0",
    isUnique: true,
    isBot: false,
    fraudScore: 0,
    fraudReasons: [],
    landingClickedAt: null,
  };
};

describe("click batches on PostgreSQL (one Query with its COPY data)", () => {
  it("writes new rows, a returning visitor and a click-through in one transaction, and all or nothing", async () => {
    const { id: campaignId } = await seedCampaign(t, { slug: "batch-copy", flows: [] });
    const pool = new pg.Pool({ connectionString: t.app.deps.config.databaseUrl, max: 1 });
    try {
      const at = Date.now();
      const [c1, c2, c3, v1, v2] = [newId(), newId(), newId(), newId(), newId()];
      // First batch: two clicks, one landing hit, two first-time visitors.
      await copyBatch(
        pool,
        {
          clicks: [batchRow(c1, campaignId, v1, at), batchRow(c2, campaignId, v2, at)],
          hits: [{ id: newId(), clickId: c1, visitorId: v1, campaignId, kind: "LANDING", landingId: null, offerId: null, createdAt: at }],
          visitors: [
            { id: v1, at, clickId: c1, visits: 1, isNew: true },
            { id: v2, at, clickId: c2, visits: 1, isNew: true },
          ],
          clickThroughs: [],
        },
        VISITOR_SESSION_MS,
        5_000,
      );
      // Second batch: v1 returns (upsert), c1's visitor clicks through (update), a new click for v1.
      await copyBatch(
        pool,
        {
          clicks: [batchRow(c3, campaignId, v1, at + 1_000)],
          hits: [],
          visitors: [{ id: v1, at: at + 1_000, clickId: c3, visits: 1 }],
          clickThroughs: [[c1, at + 500]],
        },
        VISITOR_SESSION_MS,
        5_000,
      );
      const clicks = await pool.query<{ id: string; landing_clicked_at: Date | null }>(
        "SELECT id::text, landing_clicked_at FROM clicks WHERE campaign_id = $1 ORDER BY id",
        [campaignId],
      );
      expect(clicks.rows.map((r) => r.id)).toEqual([c1, c2, c3].sort());
      expect(clicks.rows.find((r) => r.id === c1)?.landing_clicked_at?.getTime()).toBe(at + 500);
      const v = await pool.query("SELECT visits, first_click_id::text AS first, last_click_id::text AS last FROM visitors WHERE id = $1", [v1]);
      expect(v.rows[0]).toEqual({ visits: 2, first: c1, last: c3 });

      // A batch whose last COPY fails (a visitor id that exists, COPY has no ON CONFLICT) writes none of its rows,
      // and the pool's connection is dropped, not reused mid-transaction.
      const [c4, c5] = [newId(), newId()];
      const failing = copyBatch(
        pool,
        {
          clicks: [batchRow(c4, campaignId, v2, at), batchRow(c5, campaignId, v2, at)],
          hits: [{ id: newId(), clickId: c4, visitorId: v2, campaignId, kind: "OFFER", landingId: null, offerId: null, createdAt: at }],
          visitors: [{ id: v2, at, clickId: c4, visits: 1, isNew: true }],
          clickThroughs: [[c2, at]],
        },
        VISITOR_SESSION_MS,
        5_000,
      );
      await expect(failing).rejects.toThrow(/duplicate key/);
      const after = await pool.query("SELECT count(*)::int AS n FROM clicks WHERE id = ANY($1::uuid[])", [[c4, c5]]);
      expect(after.rows[0].n).toBe(0);
      const c2row = await pool.query("SELECT landing_clicked_at FROM clicks WHERE id = $1", [c2]);
      expect(c2row.rows[0].landing_clicked_at).toBeNull();
      const hits = await pool.query("SELECT count(*)::int AS n FROM hits WHERE click_id = $1", [c4]);
      expect(hits.rows[0].n).toBe(0);
    } finally {
      await pool.end();
    }
  });
});

describe("spool replay statement (BATCH_SQL)", () => {
  it("replaying a batch that had already landed adds nothing: no second click, hit or visit", async () => {
    const { id: campaignId } = await seedCampaign(t, { slug: "batch-replay", flows: [] });
    const pool = new pg.Pool({ connectionString: t.app.deps.config.databaseUrl, max: 1 });
    try {
      const at = Date.now();
      const [clickId, visitorId, hitId] = [newId(), newId(), newId()];
      const batch = {
        clicks: [batchRow(clickId, campaignId, visitorId, at)],
        hits: [{ id: hitId, clickId, visitorId, campaignId, kind: "LANDING" as const, landingId: null, offerId: null, createdAt: at }],
        visitors: [{ id: visitorId, at, clickId, visits: 1, isNew: true }],
        clickThroughs: [],
      };
      // The first run stands for a commit that landed after its timeout; the second for the spool's replay.
      await pool.query(BATCH_SQL, batchParams(batch, VISITOR_SESSION_MS));
      await pool.query(BATCH_SQL, batchParams(batch, VISITOR_SESSION_MS));
      const counts = await pool.query(
        "SELECT (SELECT count(*) FROM clicks WHERE id = $1)::int AS clicks, (SELECT count(*) FROM hits WHERE id = $2)::int AS hits, (SELECT visits FROM visitors WHERE id = $3) AS visits",
        [clickId, hitId, visitorId],
      );
      expect(counts.rows[0]).toEqual({ clicks: 1, hits: 1, visits: 1 });
    } finally {
      await pool.end();
    }
  });
});

describe("anti-fraud, caps, binding", () => {
  it("bot filter sends score >= 50 to the bot URL; score >= 80 blacklists the IP", async () => {
    const offer = await seedOffer(t, { url: "https://offer.example.com/" });
    await seedCampaign(t, { slug: "botf", botFilterEnabled: true, botRedirectUrl: "https://bots.example.com/", flows: [{ offers: [{ id: offer }] }] });
    await reloadConfig(t);
    // A bot UA alone is 40: not blocked.
    const a = await click(t, "/c/botf", { "user-agent": BOT_UA, "x-forwarded-for": "198.51.100.1" });
    expect(a.location.startsWith("https://offer.example.com/")).toBe(true);
    const rowA = await t.app.deps.db.prisma.click.findUniqueOrThrow({ where: { id: clickIdOf(a) } });
    expect(rowA).toMatchObject({ fraudScore: 40, isBot: true, fraudReasons: ["bot_ua"], deviceType: "bot" });
    // Bot UA + 6 clicks in 30 s = 65: blocked; + 21 in 5 min = 95: blacklisted, then +50 too.
    let last = a;
    for (let i = 0; i < 25; i++) last = await click(t, "/c/botf", { "user-agent": BOT_UA, "x-forwarded-for": "198.51.100.1" });
    expect(last.location).toBe("https://bots.example.com/");
    const row = await t.app.deps.db.prisma.click.findUniqueOrThrow({ where: { id: clickIdOf(last) } });
    expect(row.outcome).toBe("BOT_BLOCKED");
    expect(row.fraudScore).toBe(100);
    expect(row.fraudReasons).toEqual(["bot_ua", "flood_30s", "flood_5m", "blacklisted"]);
    await expect.poll(() => t.app.deps.db.prisma.ipBlacklist.findUnique({ where: { cidr: "198.51.100.1" } })).toMatchObject({ source: "AUTO" });
  });

  it("frequency cap per IP, and unique detection by IP+UA", async () => {
    const offer = await seedOffer(t, { url: "https://offer.example.com/" });
    await seedCampaign(t, { slug: "freq", freqCapVisits: 2, fallbackUrl: "https://fallback.example.com/", flows: [{ offers: [{ id: offer }] }] });
    await reloadConfig(t);
    const h = { "x-forwarded-for": "198.51.100.7" };
    const r1 = await click(t, "/c/freq", h);
    const r2 = await click(t, "/c/freq", h);
    const r3 = await click(t, "/c/freq", h);
    expect(r1.location.startsWith("https://offer.example.com/")).toBe(true);
    expect(r2.location.startsWith("https://offer.example.com/")).toBe(true);
    expect(r3.location).toBe("https://fallback.example.com/");
    const rows = await t.app.deps.db.prisma.click.findMany({ where: { id: { in: [r1, r2, r3].map(clickIdOf) } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.outcome, r.isUnique])).toEqual([
      ["ROUTED", true],
      ["ROUTED", false],
      ["CAPPED", false],
    ]);
  });

  it("capped offers fall through to the next; nothing left goes to the fallback URL", async () => {
    const capped = await seedOffer(t, { url: "https://capped.example.com/", totalCap: 1 });
    const next = await seedOffer(t, { url: "https://next.example.com/", dailyCap: 0 });
    const { id: campaignId } = await seedCampaign(t, {
      slug: "caps",
      fallbackUrl: "https://fallback.example.com/",
      flows: [{ offers: [{ id: capped }, { id: next, weight: 1 }] }],
    });
    await reloadConfig(t);
    // next has a daily cap of 0: always capped, so traffic goes to `capped` until its conversion arrives.
    expect((await click(t, "/c/caps")).location.startsWith("https://capped.example.com/")).toBe(true);
    await t.app.deps.bus.publish("conversion:recorded", {
      conversionId: "x",
      campaignId,
      offerId: capped,
      sourceId: null,
      change: "created",
      capCounted: true,
    });
    await expect.poll(async () => (await click(t, "/c/caps")).location).toBe("https://fallback.example.com/");
  });

  it("binds a returning visitor to the same lander and offer", async () => {
    const offers = [
      await seedOffer(t, { url: "https://b1.example.com/" }),
      await seedOffer(t, { url: "https://b2.example.com/" }),
      await seedOffer(t, { url: "https://b3.example.com/" }),
    ];
    await seedCampaign(t, { slug: "bind", flows: [{ binding: "BOTH", offers: offers.map((id) => ({ id })) }] });
    await reloadConfig(t);
    const first = await click(t, "/c/bind");
    const vid = (first.cookies.find((c) => c.startsWith("_tly_vid=")) ?? "").split(";")[0] as string;
    const host = new URL(first.location).host;
    for (let i = 0; i < 10; i++) expect(new URL((await click(t, "/c/bind", { cookie: vid })).location).host).toBe(host);
  });

  it("URL landers get macros and vid; retargeting pixels use the intermediate page; protection denies headless browsers", async () => {
    const offer = await seedOffer(t, { url: "https://offer.example.com/" });
    const l = await seedLanding(t, { type: "URL", url: "https://lp.example.com/p?s={sub2}" });
    await seedCampaign(t, { slug: "urll", flows: [{ landings: [{ id: l }], offers: [{ id: offer }] }] });
    const l2 = await seedLanding(t, { type: "URL", url: "https://lp.example.com/" });
    await seedCampaign(t, {
      slug: "pix",
      retargetingPixels: { facebookPixelId: "123456789012345" },
      flows: [{ landings: [{ id: l2 }], offers: [{ id: offer }] }],
    });
    const l3 = await seedLanding(t, { html: "<p>secret</p>", protectionEnabled: true });
    await seedCampaign(t, { slug: "prot", flows: [{ landings: [{ id: l3 }], offers: [{ id: offer }] }] });
    await reloadConfig(t);
    const r = await click(t, "/c/urll?sub2=q%22");
    const loc = new URL(r.location);
    expect(loc.host).toBe("lp.example.com");
    expect(loc.searchParams.get("s")).toBe('q"');
    expect(loc.searchParams.get("click_id")).toBe(clickIdOf(r));
    expect(loc.searchParams.get("vid")).toMatch(UUID);
    const p = await click(t, "/c/pix");
    expect(p.status).toBe(200);
    expect(p.body).toContain("fbq('init','123456789012345')");
    expect(p.body).toContain("setTimeout(function(){location.replace(");
    expect((await click(t, "/c/prot", { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0.0.0 Safari/537.36" })).body).toBe("Access Denied");
    expect((await click(t, "/c/prot", { referer: "https://app.adplexity.com/x" })).body).toBe("Access Denied");
    expect((await click(t, "/c/prot")).body).toContain("secret");
  });

  it("/offer only redirects to offers of the click's campaign", async () => {
    const mine = await seedOffer(t, { url: "https://mine.example.com/" });
    const other = await seedOffer(t, { url: "https://other.example.com/" });
    const l = await seedLanding(t, { html: "<a href='{{offer_url}}'>x</a>" });
    await seedCampaign(t, { slug: "own", flows: [{ landings: [{ id: l }], offers: [{ id: mine }] }] });
    await seedCampaign(t, { slug: "other", flows: [{ offers: [{ id: other }] }] });
    await reloadConfig(t);
    const r = await click(t, "/c/own");
    expect((await click(t, `/offer/${clickIdOf(r)}/${other}`)).status).toBe(404);
    expect((await click(t, `/offer/${clickIdOf(r)}/${mine}`)).location.startsWith("https://mine.example.com/?sub2=")).toBe(true);
  });
});
