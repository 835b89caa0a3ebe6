// pixel.js in a real Chromium: a merchant shop on another origin than the tracker, and a local lander on the
// tracker's origin. Asserts the rows the pixel's events leave in PostgreSQL, and the conversion.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { merchantSnippet } from "../src/tracking/events/lander-tag.js";
import { startTestApp, type TestApp } from "./helpers/app.js";
import { reloadConfig, seedCampaign, seedLanding, seedOffer } from "./helpers/click-seed.js";
import { createClick, createFixture } from "./helpers/conversion-fixtures.js";

let t: TestApp;
let browser: Browser;
let shop: http.Server;
let shopUrl: string;

// Headless Chromium says "HeadlessChrome", which the event endpoint rightly drops as a bot; act as a visitor.
const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const newContext = () => browser.newContext({ userAgent: UA });

const page = (title: string, body: string, snippet: string) => `<!doctype html><html><head><title>${title}</title>${snippet}</head><body>${body}</body></html>`;

/** The merchant's shop: plain pages with the snippet; their scripts call trackily.track before pixel.js loads. */
function shopPages(snippet: string): Record<string, string> {
  return {
    "/product": page(
      "Product",
      `<h1>Running Shoes</h1><button id="add" onclick="trackily.track('add_to_cart',{product:'Running Shoes',price:59.99})">Add</button>
       <a id="go" href="/checkout">Checkout</a>`,
      snippet,
    ),
    "/checkout": page("Checkout", "<script>trackily.track('checkout',{cart_total:89.97,item_count:3})</script><a id='pay' href='/thanks'>Pay</a>", snippet),
    "/thanks": page(
      "Thanks",
      `<script>trackily.track('purchase',{order_id:'ORD-12345',revenue:89.99,currency:'USD',products:[
        {name:'Running Shoes',price:59.99,qty:1},{name:'Sports Socks',price:14.99,qty:2}]});</script>
       <a id="leave" href="/bye" onclick="trackily.track('outbound_click',{to:'bye'})">Leave</a>`,
      snippet,
    ),
    "/bye": "<!doctype html><title>Bye</title><p>bye</p>",
  };
}

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  t = await startTestApp();
  // A different origin from the tracker (127.0.0.1): the shop is on "localhost".
  let pages: Record<string, string> = {};
  shop = http.createServer((req, res) => {
    const body = pages[(req.url ?? "/").split("?")[0] as string];
    res.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(body ?? "not found");
  });
  await new Promise<void>((r) => shop.listen(0, "127.0.0.1", r));
  shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}`;
  pages = shopPages(merchantSnippet(t.url));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => shop?.close(r));
  await t?.stop();
});

describe("pixel.js on a merchant's shop (another origin)", () => {
  it("with the click id the offer redirect appended: attributes pageviews, add_to_cart, checkout and purchase to the click and records the conversion", async () => {
    const prisma = t.app.deps.db.prisma;
    const f = await createFixture(t.app.deps);
    const c = await createClick(t.app.deps, f);
    const ctx = await newContext();
    const tab = await ctx.newPage();
    const errors: string[] = [];
    tab.on("pageerror", (e) => errors.push(e.message));
    // The offer redirect lands the visitor on the shop with the click id appended.
    await tab.goto(`${shopUrl}/product?_tly_click=${c.clickId}&vid=${c.visitorId}`);
    await tab.click("#add");
    await waitFor(
      () => prisma.event.count({ where: { clickId: c.clickId, name: "add_to_cart" } }),
      (n) => n === 1,
    );
    // The click is now in a first-party cookie on the shop's domain: later pages carry no parameter.
    const cookies = await ctx.cookies(shopUrl);
    expect(cookies.find((k) => k.name === "_tly_click")?.value).toBe(c.clickId);
    await tab.click("#go");
    await tab.waitForURL(/checkout/);
    await tab.click("#pay");
    await tab.waitForURL(/thanks/);
    const names = await waitFor(
      async () => (await prisma.event.findMany({ where: { clickId: c.clickId }, orderBy: { createdAt: "asc" } })).map((e) => e.name),
      (n) => n.length >= 6,
    );
    expect(names.filter((n) => n === "pageview")).toHaveLength(3);
    expect([...new Set(names)].sort()).toEqual(["add_to_cart", "checkout", "pageview", "purchase"]);
    const events = await prisma.event.findMany({ where: { clickId: c.clickId } });
    expect(events.every((e) => e.campaignId === f.campaignId && e.visitorId === c.visitorId)).toBe(true);
    expect(events.find((e) => e.name === "checkout")?.value?.toString()).toBe("89.97");
    expect(events.find((e) => e.name === "pageview" && e.url.endsWith("/thanks"))?.referrer).toBe(`${shopUrl}/checkout`);

    const conv = await waitFor(
      () => prisma.conversion.findFirst({ where: { clickId: c.clickId }, include: { items: true } }),
      (v) => v !== null,
    );
    expect(conv).toMatchObject({ origin: "PIXEL", type: "sale", transactionId: "ORD-12345", currency: "USD" });
    expect(conv?.revenue.toString()).toBe("89.99");
    expect(conv?.items.map((i) => [i.name, i.price.toString(), i.quantity]).sort()).toEqual([
      ["Running Shoes", "59.99", 1],
      ["Sports Socks", "14.99", 2],
    ]);

    // An event fired in the click handler of a link that navigates away is still recorded (keepalive).
    await tab.click("#leave");
    await tab.waitForURL(/bye/);
    const out = await waitFor(
      () => prisma.event.findFirst({ where: { clickId: c.clickId, name: "outbound_click" } }),
      (v) => v !== null,
    );
    expect(out?.props).toEqual({ to: "bye" });
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("sends nothing for a visitor who opted out", async () => {
    const f = await createFixture(t.app.deps);
    const c = await createClick(t.app.deps, f);
    const ctx = await newContext();
    await ctx.addInitScript(() => localStorage.setItem("trackily_optout", "1"));
    const tab = await ctx.newPage();
    const sent: string[] = [];
    tab.on("request", (r) => r.url().includes("/api/event") && sent.push(r.url()));
    await tab.goto(`${shopUrl}/product?_tly_click=${c.clickId}`);
    await tab.click("#add");
    await tab.waitForTimeout(500);
    expect(sent).toEqual([]);
    await ctx.close();
  });
});

describe("a visitor's whole journey: /c/:slug, a local lander, the offer redirect, the merchant's shop", () => {
  it("records lander steps 1-4, the shop's funnel events and the purchase conversion against the click", async () => {
    const prisma = t.app.deps.db.prisma;
    const offerId = await seedOffer(t, { url: `${shopUrl}/product` });
    const landingId = await seedLanding(t, {
      html: `<html><head><title>Lander</title></head><body>
        <script>window.__trackily.reportStep(2,'Email Submitted')</script>
        <button id="scan" onclick="window.__trackily.reportStep(3,'Scan Started')">Scan</button>
        <button id="offer" onclick="window.__trackily.reportStep(4,'Offer Shown')">Offer</button>
        <a id="cta" href="{{offer_url}}">Get it</a></body></html>`,
    });
    const slug = `journey-${Date.now().toString(36)}`;
    const campaign = await seedCampaign(t, { slug, flows: [{ type: "DEFAULT", landings: [{ id: landingId }], offers: [{ id: offerId }] }] });
    await reloadConfig(t);

    const ctx = await newContext();
    const tab = await ctx.newPage();
    const errors: string[] = [];
    tab.on("pageerror", (e) => errors.push(e.message));
    await tab.goto(`${t.url}/c/${slug}?sub1=a`);
    const c = await waitFor(
      () => prisma.click.findFirst({ where: { campaignId: campaign.id } }),
      (v) => v !== null,
    );
    if (!c) throw new Error("no click row");
    await tab.waitForFunction(() => (window as unknown as { __tlyloaded?: number }).__tlyloaded === 1);
    await tab.click("#scan");
    await tab.click("#offer");
    await tab.click("#offer");
    const steps = await waitFor(
      () => prisma.funnelStep.findMany({ where: { clickId: c.id }, orderBy: { step: "asc" } }),
      (s) => s.length >= 4,
    );
    expect(steps.map((s) => [s.step, s.name, s.campaignId, s.landingId])).toEqual([
      [1, "", campaign.id, landingId],
      [2, "Email Submitted", campaign.id, landingId],
      [3, "Scan Started", campaign.id, landingId],
      [4, "Offer Shown", campaign.id, landingId],
    ]);

    // The CTA goes through /offer/:clickId/:offerId, which appends the click id (sub2) and vid for the shop.
    await tab.click("#cta");
    await tab.waitForURL(/\/product\?/);
    expect(new URL(tab.url()).searchParams.get("sub2")).toBe(c.id);
    await tab.click("#add");
    await tab.click("#go");
    await tab.waitForURL(/checkout/);
    await tab.click("#pay");
    await tab.waitForURL(/thanks/);
    const conv = await waitFor(
      () => prisma.conversion.findFirst({ where: { clickId: c.id }, include: { items: true } }),
      (v) => v !== null,
    );
    expect(conv).toMatchObject({ origin: "PIXEL", type: "sale", transactionId: "ORD-12345", campaignId: campaign.id, offerId });
    expect(conv?.items).toHaveLength(2);
    const names = await waitFor(
      async () => (await prisma.event.findMany({ where: { clickId: c.id } })).map((e) => e.name).sort(),
      (n) => n.length >= 7,
    );
    // A pageview on the lander and on each of the three shop pages.
    expect(names).toEqual(["add_to_cart", "checkout", "pageview", "pageview", "pageview", "pageview", "purchase"]);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
