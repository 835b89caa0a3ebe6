// The pixel's server side over real HTTP and PostgreSQL: /pixel.js, /api/event, /api/lead.
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../src/lib/ids.js";
import { dropCounterKey } from "../src/tracking/events/guard.js";
import { startTestApp, type TestApp } from "./helpers/app.js";
import { createClick, createFixture } from "./helpers/conversion-fixtures.js";

const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

let t: TestApp;
let distDir: string;

export async function seedClick(app: TestApp, opts: { landing?: boolean } = {}) {
  const prisma = app.app.deps.db.prisma;
  const campaignId = newId();
  const visitorId = newId();
  const clickId = newId();
  const landingId = opts.landing ? newId() : null;
  await prisma.campaign.create({ data: { id: campaignId, name: `c-${campaignId.slice(-6)}`, slug: `c-${campaignId.slice(-12)}` } });
  const now = new Date();
  await prisma.visitor.create({
    data: { id: visitorId, firstSeenAt: now, lastSeenAt: now, sessionExpiresAt: new Date(Date.now() + 4 * 86_400_000), lastClickId: clickId },
  });
  await prisma.click.create({ data: { id: clickId, campaignId, visitorId, landingId, createdAt: now } });
  return { campaignId, visitorId, clickId, landingId };
}

async function waitUntil<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/api/event`, {
    method: "POST",
    headers: { "content-type": "text/plain", "user-agent": UA, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  distDir = await mkdtemp(path.join(os.tmpdir(), "pixel-dist-"));
  await writeFile(path.join(distDir, "pixel.js"), '!function(){var d=parseInt("__TLY_COOKIE_DAYS__",10)||30;window.__d=d}();');
  t = await startTestApp({ env: { PIXEL_DIST: distDir, PIXEL_RATE_LIMIT: "1000" } });
});
afterAll(() => t?.stop());

describe("GET /pixel.js", () => {
  it("serves the script with caching headers, an ETag, 304 and gzip", async () => {
    const r = await fetch(`${t.url}/pixel.js`, { headers: { "accept-encoding": "identity" } });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/javascript/);
    expect(r.headers.get("cache-control")).toMatch(/public, max-age=3600/);
    const etag = r.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    // The install's cookie lifetime (Settings.pixelCookieDays, default 30) is filled in.
    expect(await r.text()).toContain('parseInt("30",10)');
    const again = await fetch(`${t.url}/pixel.js`, { headers: { "if-none-match": etag as string } });
    expect(again.status).toBe(304);
    const gz = await t.rest("GET", "/pixel.js", { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
  });

  it("follows the settings' cookie lifetime with a new ETag", async () => {
    const before = (await fetch(`${t.url}/pixel.js`)).headers.get("etag");
    await t.app.deps.db.prisma.settings.update({ where: { id: 1 }, data: { pixelCookieDays: 90 } });
    t.app.deps.bus.publish("config:changed", { entity: "settings", at: Date.now() });
    await new Promise((r) => setTimeout(r, 20));
    const r = await fetch(`${t.url}/pixel.js`);
    expect(await r.text()).toContain('parseInt("90",10)');
    expect(r.headers.get("etag")).not.toBe(before);
  });
});

describe("POST /api/event", () => {
  it("stores pageview, add_to_cart and checkout events attributed to the click", async () => {
    const c = await seedClick(t);
    const origin = "http://shop.example";
    const pv = await post({ name: "pageview", url: "http://shop.example/", referrer: "", click: c.clickId }, { origin });
    expect(pv.status).toBe(202);
    expect(pv.headers.get("access-control-allow-origin")).toBe(origin);
    expect(pv.headers.get("access-control-allow-credentials")).toBe("true");
    expect((await post({ name: "add_to_cart", props: { product: "Running Shoes", price: 59.99, qty: 3 }, click: c.clickId })).status).toBe(202);
    expect((await post({ name: "checkout", props: { cart_total: "89.97", item_count: 3, currency: "eur" }, vid: c.visitorId })).status).toBe(202);
    const rows = await t.app.deps.db.prisma.event.findMany({ where: { clickId: c.clickId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.name, r.value?.toString() ?? null, r.currency, r.campaignId, r.visitorId])).toEqual([
      ["pageview", null, "", c.campaignId, c.visitorId],
      ["add_to_cart", "179.97", "", c.campaignId, c.visitorId],
      ["checkout", "89.97", "EUR", c.campaignId, c.visitorId],
    ]);
    expect(rows[1]?.props).toEqual({ product: "Running Shoes", price: 59.99, qty: 3 });
  });

  it("stores a retried event once (the pixel's event id), and ignores implausible ids", async () => {
    const c = await seedClick(t);
    const id = newId();
    for (let i = 0; i < 3; i++) expect((await post({ id, name: "checkout", click: c.clickId })).status).toBe(202);
    const old = "00000000-0000-7000-8000-000000000001"; // a v7 id from 1970: replaced by the server's own
    for (let i = 0; i < 2; i++) expect((await post({ id: old, name: "checkout", click: c.clickId })).status).toBe(202);
    const rows = await t.app.deps.db.prisma.event.findMany({ where: { clickId: c.clickId } });
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.id === id)).toHaveLength(1);
  });

  it("extends the visitor's session on pixel activity", async () => {
    const c = await seedClick(t);
    const prisma = t.app.deps.db.prisma;
    await prisma.visitor.update({ where: { id: c.visitorId }, data: { sessionExpiresAt: new Date(Date.now() + 60_000) } });
    expect((await post({ name: "pageview", click: c.clickId })).status).toBe(202);
    const v = await waitUntil(
      () => prisma.visitor.findUnique({ where: { id: c.visitorId } }),
      (x) => (x?.sessionExpiresAt.getTime() ?? 0) > Date.now() + 3 * 86_400_000,
    );
    expect(v?.sessionExpiresAt.getTime()).toBeGreaterThan(Date.now() + 3 * 86_400_000);
  });

  it("takes the click from the tracker's _tly_click cookie when the body has none", async () => {
    const c = await seedClick(t);
    expect((await post({ name: "signup_started" }, { cookie: `_tly_click=${c.clickId}` })).status).toBe(202);
    const row = await t.app.deps.db.prisma.event.findFirst({ where: { clickId: c.clickId } });
    expect(row?.name).toBe("signup_started");
  });

  it("records each funnel step once per click", async () => {
    const c = await seedClick(t, { landing: true });
    for (const [n, label] of [
      [1, ""],
      [2, "Email Submitted"],
      [2, "Email Submitted"],
      [3, "Scan Started"],
    ] as const)
      expect((await post({ name: "step", step: n, label, click: c.clickId })).status).toBe(202);
    const steps = await t.app.deps.db.prisma.funnelStep.findMany({ where: { clickId: c.clickId }, orderBy: { step: "asc" } });
    expect(steps.map((s) => [s.step, s.name, s.landingId, s.campaignId])).toEqual([
      [1, "", c.landingId, c.campaignId],
      [2, "Email Submitted", c.landingId, c.campaignId],
      [3, "Scan Started", c.landingId, c.campaignId],
    ]);
  });

  it("stores purchases with their products", async () => {
    const c = await seedClick(t);
    const r = await post({
      name: "purchase",
      click: c.clickId,
      props: {
        order_id: "ORD-12345",
        revenue: 89.99,
        currency: "USD",
        products: [
          { name: "Running Shoes", price: 59.99, qty: 1 },
          { name: "Sports Socks", price: 14.99, qty: 2 },
        ],
      },
    });
    expect(r.status).toBe(202);
    const row = await t.app.deps.db.prisma.event.findFirst({ where: { clickId: c.clickId, name: "purchase" } });
    expect(row?.value?.toString()).toBe("89.99");
    expect(row?.currency).toBe("USD");
    expect((row?.props as { products?: unknown[] } | undefined)?.products).toHaveLength(2);
  });

  it("answers 4xx naming the bad field, and writes nothing", async () => {
    const c = await seedClick(t);
    const cases: Array<[unknown, number, RegExp]> = [
      ["{not json", 400, /not valid JSON/],
      [{}, 400, /name: required/],
      [{ name: "has space" }, 400, /name: "has space" is not accepted/],
      [{ name: "purchase", props: { revenue: -1 } }, 400, /props.revenue: must not be negative/],
      [{ name: "purchase", props: { revenue: "1e400" } }, 400, /props.revenue/],
      [{ name: "purchase", props: { currency: "XYZ" } }, 400, /ISO 4217/],
      [{ name: "purchase", props: { products: [{ name: "a" }] } }, 400, /products\[0\].price: required/],
      [{ name: "checkout", props: { item_count: 1.5 } }, 400, /props.item_count/],
      [{ name: "x", props: { nested: { a: 1 } } }, 400, /props.nested/],
      [{ name: "x", props: { s: "a".repeat(2000) } }, 400, /props.s: at most 1024/],
      [{ name: "x", click: "not-a-uuid" }, 400, /click: expected a UUID/],
      [{ name: "step", step: 0 }, 400, /step: .*1 to 100/],
      [{ name: "x", props: { big: "a".repeat(1000) }, url: "b".repeat(40_000) }, 413, /at most 32768 bytes/],
    ];
    for (const [body, status, msg] of cases) {
      const r = await post(typeof body === "string" ? body : { ...(body as object), click: (body as { click?: string }).click ?? c.clickId });
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect((await r.json()).error).toMatch(msg);
    }
    expect(await t.app.deps.db.prisma.event.count({ where: { clickId: c.clickId } })).toBe(0);
    expect((await fetch(`${t.url}/api/event`)).status).toBe(405);
  });

  it("drops bots quietly and counts them", async () => {
    const c = await seedClick(t);
    const before = Number((await t.app.deps.counters.get(dropCounterKey("bot"))) ?? 0);
    const r = await post({ name: "pageview", click: c.clickId }, { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" });
    expect(r.status).toBe(202);
    expect(await t.app.deps.db.prisma.event.count({ where: { clickId: c.clickId } })).toBe(0);
    expect(Number(await t.app.deps.counters.get(dropCounterKey("bot")))).toBe(before + 1);
  });

  it("answers preflights for clients that send application/json", async () => {
    const r = await fetch(`${t.url}/api/event`, { method: "OPTIONS", headers: { origin: "http://shop.example", "access-control-request-method": "POST" } });
    expect(r.status).toBe(204);
    expect(r.headers.get("access-control-allow-headers")).toMatch(/content-type/);
  });
});

describe("conversions from the pixel", () => {
  it("a purchase becomes one PIXEL conversion with its order id and products, however often it is sent", async () => {
    const f = await createFixture(t.app.deps);
    const c = await createClick(t.app.deps, f);
    const body = {
      name: "purchase",
      click: c.clickId,
      props: {
        order_id: "ORD-777",
        revenue: 89.99,
        currency: "USD",
        products: [
          { name: "Running Shoes", sku: "SHOE-1", price: 59.99, qty: 1 },
          { name: "Sports Socks", price: 14.99, qty: 2 },
        ],
      },
    };
    const codes = await Promise.all([post(body), post(body), post(body)].map(async (r) => (await r).status));
    expect(codes).toEqual([202, 202, 202]);
    const convs = await t.app.deps.db.prisma.conversion.findMany({ where: { clickId: c.clickId }, include: { items: { orderBy: { price: "desc" } } } });
    expect(convs).toHaveLength(1);
    const conv = convs[0]!;
    expect(conv).toMatchObject({ origin: "PIXEL", type: "sale", transactionId: "ORD-777", currency: "USD", campaignId: f.campaignId });
    expect(conv.revenue.toString()).toBe("89.99");
    expect(conv.items.map((i) => [i.sku, i.name, i.price.toString(), i.quantity])).toEqual([
      ["SHOE-1", "Running Shoes", "59.99", 1],
      ["Sports Socks", "Sports Socks", "14.99", 2],
    ]);
    expect(await t.app.deps.db.prisma.event.count({ where: { clickId: c.clickId, name: "purchase" } })).toBe(3);
  });

  it("a lead converts as type lead, keyed by the email", async () => {
    const f = await createFixture(t.app.deps);
    const c = await createClick(t.app.deps, f);
    for (let i = 0; i < 2; i++) expect((await post({ name: "lead", click: c.clickId, props: { email: "Customer@example.com" } })).status).toBe(202);
    const convs = await t.app.deps.db.prisma.conversion.findMany({ where: { clickId: c.clickId } });
    expect(convs.map((x) => [x.type, x.origin, x.transactionId])).toEqual([["lead", "PIXEL", "email:customer@example.com"]]);
  });

  it("trackily.track('conversion') converts the visitor's most recent offer view, or the hit given", async () => {
    const f = await createFixture(t.app.deps);
    const c = await createClick(t.app.deps, f);
    expect((await post({ name: "conversion", vid: c.visitorId, props: { rev: "12.5", tx: "T1" } })).status).toBe(202);
    expect((await post({ name: "conversion", props: { hit: c.offerHitId, tx: "T2" } })).status).toBe(202);
    const convs = await t.app.deps.db.prisma.conversion.findMany({ where: { clickId: c.clickId }, orderBy: { transactionId: "asc" } });
    expect(convs.map((x) => [x.transactionId, x.hitId, x.offerId, x.revenue.toString()])).toEqual([
      ["T1", c.offer2HitId, f.offer2Id, "12.5"],
      ["T2", c.offerHitId, f.offerId, "40"],
    ]);
  });

  it("a lead from /api/lead converts once per email", async () => {
    const f = await createFixture(t.app.deps);
    const c = await createClick(t.app.deps, f);
    for (let i = 0; i < 2; i++)
      expect((await t.rest("POST", "/api/lead", { body: { email: "x@y.example", click_id: c.clickId }, headers: { "user-agent": UA } })).status).toBe(201);
    expect(await t.app.deps.db.prisma.lead.count({ where: { clickId: c.clickId } })).toBe(2);
    const convs = await t.app.deps.db.prisma.conversion.findMany({ where: { clickId: c.clickId } });
    expect(convs.map((x) => [x.type, x.transactionId])).toEqual([["lead", "email:x@y.example"]]);
  });
});

describe("limits and origins", () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await startTestApp({ env: { PIXEL_DIST: distDir, PIXEL_RATE_LIMIT: "3", PIXEL_ALLOWED_ORIGINS: "https://shop.example" } });
  });
  afterAll(() => strict?.stop());

  it("refuses origins outside PIXEL_ALLOWED_ORIGINS and rate-limits per IP", async () => {
    const send = (origin: string) =>
      fetch(`${strict.url}/api/event`, { method: "POST", headers: { origin, "user-agent": UA }, body: JSON.stringify({ name: "pageview" }) });
    const bad = await send("https://evil.example");
    expect(bad.status).toBe(403);
    expect((await bad.json()).error).toMatch(/not allowed/);
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await send("https://shop.example")).status);
    expect(codes).toEqual([202, 202, 202, 429]);
  });

  it("lets the tracker's own sandboxed landers (Origin: null) through by their Referer", async () => {
    const other = await startTestApp({ env: { PIXEL_DIST: distDir, PIXEL_ALLOWED_ORIGINS: "https://shop.example" } });
    try {
      const send = (referer: string) =>
        fetch(`${other.url}/api/event`, { method: "POST", headers: { origin: "null", referer, "user-agent": UA }, body: JSON.stringify({ name: "pageview" }) });
      expect((await send(`${other.url}/c/some-slug`)).status).toBe(202);
      expect((await send("https://evil.example/x")).status).toBe(403);
    } finally {
      await other.stop();
    }
  });
});

describe("POST /api/lead", () => {
  it("registers a lead from a form or JSON, attributed to the click", async () => {
    const c = await seedClick(t);
    const form = await fetch(`${t.url}/api/lead`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": UA, cookie: `_tly_click=${c.clickId}` },
      body: new URLSearchParams({ email: "Customer@Example.com", name: "Ann", plan: "pro" }).toString(),
    });
    expect(form.status).toBe(201);
    const { id } = await form.json();
    const lead = await t.app.deps.db.prisma.lead.findUnique({ where: { id } });
    expect(lead).toMatchObject({ clickId: c.clickId, campaignId: c.campaignId, email: "customer@example.com", name: "Ann", data: { plan: "pro" } });
    const json = await t.rest("POST", "/api/lead", { body: { phone: "+44 844 412 4653", click_id: c.clickId }, headers: { "user-agent": UA } });
    expect(json.status).toBe(201);
  });

  it("says what is wrong with a bad lead", async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{}, /email or phone/],
      [{ email: "nope" }, /email: not an email/],
      [{ email: "a@b.co", click_id: "x" }, /click_id: expected the click id/],
      [{ email: "a@b.co", "bad key": "1" }, /field name/],
    ];
    for (const [body, msg] of cases) {
      const r = await t.rest("POST", "/api/lead", { body, headers: { "user-agent": UA } });
      expect(r.status).toBe(400);
      expect(r.body.error).toMatch(msg);
    }
  });
});
