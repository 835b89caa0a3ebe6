// End to end in real Chromium against the real api (PostgreSQL, HTTP) serving the built console at /admin.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../api/src/lib/ids.js";
import { hashPassword } from "../../api/src/lib/secrets.js";
import { ADMIN, startTestApp, type TestApp } from "../../api/test/helpers/app.js";
import { Fixtures } from "../../api/test/helpers/reports-fixtures.js";
import { launch, screenshot, signIn } from "./helpers/browser.js";

let t: TestApp;
let browser: Browser;
const VIEWER = { email: "viewer@test.local", password: "viewer-password-1" };

beforeAll(async () => {
  t = await startTestApp();
  await t.app.deps.db.prisma.user.create({
    data: { id: newId(), email: VIEWER.email, name: "Vera Viewer", role: "VIEWER", passwordHash: await hashPassword(VIEWER.password) },
  });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

/** A real click over HTTP; where this build has no click engine yet (/c/ answers 404), the row the engine would write. */
async function sendClick(slug: string, sub1: string): Promise<string> {
  const ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
  const res = await fetch(`${t.url}/c/${slug}?sub1=${sub1}`, { redirect: "manual", headers: { "user-agent": ua } });
  if (res.status !== 404) {
    expect(res.status).toBeLessThan(400);
    // Contract 3: /c/:slug sets _tly_click to the click id.
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("_tly_click="));
    const id = cookie?.split(";")[0]?.split("=")[1] ?? (res.headers.get("location") ?? "").match(/[0-9a-f]{8}-[0-9a-f-]{27}/)?.[0];
    expect(id).toBeTruthy();
    return id!;
  }
  const p = t.app.deps.db.prisma;
  const campaign = await p.campaign.findUniqueOrThrow({ where: { slug } });
  const clickId = newId();
  const visitorId = newId();
  const at = new Date();
  await p.visitor.create({
    data: {
      id: visitorId,
      firstSeenAt: at,
      lastSeenAt: at,
      sessionExpiresAt: new Date(Date.now() + 4 * 86_400_000),
      firstClickId: clickId,
      lastClickId: clickId,
    },
  });
  await p.click.create({ data: { id: clickId, campaignId: campaign.id, sourceId: campaign.sourceId, visitorId, createdAt: at, country: "US", sub1 } });
  return clickId;
}

async function fresh(): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { ctx, page, errors };
}

describe("console in Chromium", () => {
  it("refuses a wrong password next to the form, then signs in and keeps the session across a reload", async () => {
    const { ctx, page, errors } = await fresh();
    await page.goto(`${t.url}/admin/`);
    await page.waitForURL(/\/admin\/login/);
    await page.click("button[type=submit]");
    expect(await page.textContent("[data-error-for=email]")).toMatch(/email/i);
    await page.fill("#email", ADMIN.email);
    await page.fill("#password", "wrong-password");
    await page.click("button[type=submit]");
    await page.waitForSelector(".form-error");
    expect(await page.textContent(".form-error")).toBeTruthy();
    await screenshot(page, "login");

    await page.fill("#password", ADMIN.password);
    await page.click("button[type=submit]");
    await page.waitForSelector("[data-testid=who]");
    expect(await page.textContent("[data-testid=who]")).toContain("Admin");
    await page.reload();
    await page.waitForSelector("[data-testid=who]");
    expect(page.url()).not.toMatch(/login/);

    await page.click("[data-testid=logout]");
    await page.waitForURL(/\/admin\/login/);
    await page.goto(`${t.url}/admin/campaigns`);
    await page.waitForURL(/\/admin\/login/);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("creates an affiliate network, an offer with geo payouts and a local lander with a live preview", async () => {
    const { ctx, page, errors } = await fresh();
    await signIn(page, t.url, ADMIN.email, ADMIN.password);
    await page.click("[data-nav=networks]");
    await page.waitForSelector(".state-empty");
    await page.click("[data-testid=new]");
    await page.fill("#f-name", "UI Network");
    await page.click("[data-testid=save]");
    await page.waitForSelector("text=UI Network");

    await page.click("[data-nav=offers]");
    await page.click("[data-testid=new]");
    await page.fill("#f-name", "UI Offer");
    await page.fill("#f-url", "not a url");
    await page.fill("#f-geoPayouts", "US 2.50\nnonsense");
    await page.click("[data-testid=save]");
    expect(await page.textContent("[data-error-for=f-url]")).toMatch(/URL/);
    expect(await page.textContent("[data-error-for=f-geoPayouts]")).toMatch(/One line per country/);
    await page.fill("#f-url", "https://offer.example.com/?cid={clickid}");
    await page.fill("#f-geoPayouts", "US 2.50\nDE 1.80 EUR");
    await page.fill("#f-payout", "1.25");
    await page.selectOption("#f-networkId", { label: "UI Network" });
    await page.click("[data-testid=save]");
    await page.waitForSelector("text=UI Offer");
    expect(await page.textContent("table")).toContain("UI Network");
    await screenshot(page, "offers");

    await page.click("[data-nav=landers]");
    await page.click("[data-testid=new]");
    await page.fill("#f-name", "UI Lander");
    await page.selectOption("#f-type", "LOCAL");
    await page.fill("#f-html", "<h1 id=hello>Hello preview</h1>");
    const frame = page.frameLocator("[data-testid=html-preview]");
    expect(await frame.locator("#hello").textContent()).toBe("Hello preview");
    await screenshot(page, "lander-editor");
    await page.click("[data-testid=save]");
    await page.waitForSelector("text=UI Lander");
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("creates a traffic source from a template and a campaign through the UI, and shows its tracking link", async () => {
    const { ctx, page, errors } = await fresh();
    await signIn(page, t.url, ADMIN.email, ADMIN.password);
    for (const nav of ["campaigns", "sources", "settings", "reports"]) expect(await page.isVisible(`[data-nav=${nav}]`)).toBe(true);

    await page.click("[data-nav=sources]");
    await page.click("[data-testid=new-source]");
    await page.waitForFunction(() => document.querySelectorAll("#s-template option").length > 1);
    const templates = await page.$$eval("#s-template option", (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(templates.length).toBeGreaterThan(0);
    await page.selectOption("#s-template", templates[0]!);
    expect(await page.inputValue("#s-clickId-param")).not.toBe("");
    await page.fill("#s-name", "UI Source");
    await page.click("[data-testid=save-source]");
    await page.waitForURL(/\/admin\/sources\/[0-9a-f-]{36}$/);

    await page.click("[data-nav=campaigns]");
    await page.waitForSelector(".state-empty");
    await page.click("[data-testid=new-campaign]");
    // Client validation before anything is sent.
    await page.fill("#c-name", "UI Campaign");
    await page.fill("#c-slug", "Bad Slug");
    await page.click("[data-testid=save-campaign]");
    expect(await page.textContent("[data-error-for=c-slug]")).toMatch(/lowercase/);
    await page.fill("#c-slug", "ui-campaign");
    await page.selectOption("#c-source", { label: "UI Source" });
    await page.selectOption("#c-offer", { label: "UI Offer" });
    await page.selectOption("#c-cost-model", "CPC");
    await page.fill("#c-cost", "0.05");
    await page.fill("#c-ext", "fb-123");
    await page.fill("#c-fallback", "https://example.com/fallback");
    await page.click("[data-testid=save-campaign]");
    await page.waitForURL(/\/admin\/campaigns\/[0-9a-f-]{36}/);
    await page.waitForSelector("[data-testid=tracking-link]");
    expect(await page.textContent("[data-testid=tracking-link]")).toContain("ui-campaign");
    await screenshot(page, "campaign-edit");

    // The flow editor: a default flow with one offer; a regular flow without filters is refused before sending.
    await page.click("[data-testid=new-flow]");
    await page.click("[data-testid=add-offers]");
    await page.click("[data-testid=add-offers]");
    await page.selectOption("[data-testid=flow-form] select[aria-label=Offer] >> nth=0", { label: "UI Offer" });
    await page.selectOption("[data-testid=flow-form] select[aria-label=Offer] >> nth=1", { label: "UI Offer" });
    await page.fill("[data-testid=flow-form] input[aria-label=Weight] >> nth=0", "70");
    await page.click("[data-testid=balance-offers]");
    expect(await page.inputValue("[data-testid=flow-form] input[aria-label=Weight] >> nth=0")).toBe("50");
    await page.click("[data-testid=flow-form] .row:has(select[aria-label=Offer]) >> nth=1 >> text=Remove");
    await page.click("[data-testid=save-flow]");
    await page.waitForSelector("[data-testid=flows] >> text=UI Offer (");
    await page.click("[data-testid=new-flow]");
    await page.selectOption("#fl-type", "REGULAR");
    await page.click("[data-testid=save-flow]");
    expect(await page.textContent("[data-error-for=fl-filters]")).toMatch(/at least one filter/);
    await page.click("[data-testid=add-filter]");
    const field = await page.$eval("[aria-label='Filter field'] option:not([disabled])", (o) => (o as HTMLOptionElement).value);
    await page.selectOption("[aria-label='Filter field']", field);
    const op = await page.$eval("[aria-label='Filter operator'] option:not([disabled])", (o) => (o as HTMLOptionElement).value);
    await page.selectOption("[aria-label='Filter operator']", op);
    await page.fill("[aria-label='Filter values']", "US");
    await page.click("[data-testid=add-offers]");
    await page.selectOption("[data-testid=flow-form] select[aria-label=Offer]", { label: "UI Offer" });
    await page.click("[data-testid=save-flow]");
    await page.waitForFunction(
      () =>
        document.querySelectorAll("[data-testid=flows] tbody tr").length === 2 ||
        !!document.querySelector("[data-testid=flow-form] .field-error, [data-testid=flow-form] .form-error"),
    );
    await screenshot(page, "flow-editor");

    // The API's typed errors land next to the field: a second campaign with the same slug.
    await page.click("[data-nav=campaigns]");
    await page.waitForSelector("text=UI Campaign");
    await screenshot(page, "campaigns");
    await page.click("[data-testid=new-campaign]");
    await page.fill("#c-name", "Duplicate");
    await page.fill("#c-slug", "ui-campaign");
    await page.click("[data-testid=save-campaign]");
    await page.waitForSelector("[data-error-for=c-slug]");
    expect(await page.textContent("[data-error-for=c-slug]")).toBeTruthy();
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("shows a click on the dashboard and in a grouped report with drill-down", async () => {
    await sendClick("ui-campaign", "alpha");
    const { ctx, page, errors } = await fresh();
    await signIn(page, t.url, ADMIN.email, ADMIN.password);
    await page.goto(`${t.url}/admin/dashboard?range=today`);
    await page.waitForSelector("[data-kpi=clicks]");
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.waitForSelector("[data-kpi=clicks] .value");
          return page.textContent("[data-kpi=clicks] .value");
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe("1");
    await page.waitForSelector("[data-testid=chart] canvas");
    await screenshot(page, "dashboard");

    await page.goto(`${t.url}/admin/reports?range=today&group=campaign`);
    await page.waitForSelector("text=UI Campaign");
    expect(await page.textContent("[data-testid=report-totals]")).toContain("1");
    await page.selectOption("[aria-label='Drill-down dimension']", "sub1");
    await page.click("[data-testid=drill]");
    await page.waitForSelector("[data-testid=report-filters]");
    await page.waitForSelector("text=alpha");
    expect(page.url()).toMatch(/group=sub1/);
    expect(page.url()).toMatch(/filter=campaign/);
    await screenshot(page, "report");
    // The view is in the URL: a reload shows the same drill-down.
    await page.reload();
    await page.waitForSelector("text=alpha");

    await page.click("[data-tab=funnel]");
    await page.selectOption("[aria-label=Campaign]", { label: "UI Campaign" });
    await page.waitForSelector("table .state-empty, table tbody tr[data-row]");

    await page.goto(`${t.url}/admin/clicks?range=today`);
    await page.waitForSelector("[data-testid=bulk-cost]");
    await page.waitForSelector("tbody tr[data-row]");
    await screenshot(page, "clicks");
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("shows a postback's conversion in the live feed and the bell without a reload, with its history", async () => {
    const { ctx, page, errors } = await fresh();
    await signIn(page, t.url, ADMIN.email, ADMIN.password);
    await page.click("[data-nav=conversions]");
    await page.waitForSelector("[data-testid=live-feed]");
    await page.waitForSelector("text=connected");
    const clickId = await sendClick("ui-campaign", "beta");
    const pb = await fetch(`${t.url}/postback?click_id=${clickId}&payout=12.50&status=approved&txid=UI-1`);
    expect(pb.status).toBe(200);
    await page.waitForSelector("[data-testid=live-item]", { timeout: 10_000 });
    expect(await page.textContent("[data-testid=live-item]")).toContain("$12.50");
    // The log refreshed by itself too.
    await page.waitForSelector("text=UI-1");
    await screenshot(page, "conversions-live");
    await page.click("text=History");
    await page.waitForSelector("[data-testid=history-modal]");
    await page.waitForSelector("[data-testid=history-modal] >> text=postback");
    await screenshot(page, "conversion-history");
    await page.click("[data-testid=history-modal] >> text=Close");

    // Elsewhere in the app the bell counts the next one.
    await page.click("[data-nav=campaigns]");
    await fetch(`${t.url}/postback?click_id=${clickId}&payout=3&status=approved&txid=UI-2`);
    await page.waitForSelector("[data-testid=bell-count]", { timeout: 10_000 });
    expect(await page.textContent("[data-testid=bell-count]")).toBe("1");
    await page.click("[data-testid=bell]");
    await page.waitForSelector(".bell-menu >> text=$3.00");
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("settings: account currency, a user with a custom permission grid, an API key shown once", async () => {
    const { ctx, page, errors } = await fresh();
    await signIn(page, t.url, ADMIN.email, ADMIN.password);
    await page.click("[data-nav=settings]");
    await page.waitForSelector("[data-testid=settings-form]");
    await page.waitForFunction(() => (document.querySelector("#st-currency") as HTMLInputElement | null)?.value === "USD");
    await page.fill("#st-tz", "Not/AZone");
    await page.click("[data-testid=save-settings]");
    expect(await page.textContent("[data-error-for=st-tz]")).toMatch(/IANA/);
    await page.fill("#st-tz", "Europe/Berlin");
    await page.click("[data-testid=save-settings]");
    await page.waitForSelector("text=Saved.");

    await page.click("[data-testid=new-user]");
    await page.fill("#u-email", "custom@test.local");
    await page.fill("#u-name", "Cora Custom");
    await page.fill("#u-password", "custom-password-1");
    await page.selectOption("#u-role", "CUSTOM");
    await page.check("[aria-label='reports read']");
    await page.click("text=Create user");
    await page.waitForSelector("text=Cora Custom");

    await page.fill("#key-name", "Optimizer");
    await page.click("text=Create key");
    await page.waitForSelector("[data-testid=api-key-secret] code");
    const secret = await page.textContent("[data-testid=api-key-secret] code");
    expect(secret).toMatch(/^tly_key/);
    await screenshot(page, "settings");
    await page.reload();
    await page.waitForSelector("text=Optimizer");
    expect(await page.isVisible("[data-testid=api-key-secret]")).toBe(false);
    expect(await page.textContent("body")).not.toContain(secret!);
    expect(errors).toEqual([]);
    await ctx.close();

    // The custom user sees only what the grid grants.
    const c = await fresh();
    await signIn(c.page, t.url, "custom@test.local", "custom-password-1");
    expect(await c.page.isVisible("[data-nav=reports]")).toBe(true);
    expect(await c.page.isVisible("[data-nav=campaigns]")).toBe(false);
    expect(await c.page.isVisible("[data-nav=settings]")).toBe(false);
    await c.ctx.close();
  });

  it("a Viewer sees no Settings and cannot edit a campaign", async () => {
    const { ctx, page, errors } = await fresh();
    await signIn(page, t.url, VIEWER.email, VIEWER.password);
    expect(await page.isVisible("[data-nav=campaigns]")).toBe(true);
    expect(await page.isVisible("[data-nav=settings]")).toBe(false);
    expect(await page.isVisible("[data-nav=sources]")).toBe(false);
    await page.click("[data-nav=campaigns]");
    await screenshot(page, "viewer-campaigns");
    await page.waitForSelector("text=UI Campaign");
    expect(await page.isVisible("[data-testid=new-campaign]")).toBe(false);
    await page.click("text=UI Campaign");
    await page.waitForSelector("[data-testid=campaign-form]");
    expect(await page.isDisabled("#c-name")).toBe(true);
    expect(await page.isVisible("[data-testid=save-campaign]")).toBe(false);
    await page.goto(`${t.url}/admin/settings`);
    await page.waitForSelector("text=No access");
    await screenshot(page, "viewer-forbidden");
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("shows the attribution and A/B test tabs on seeded data", async () => {
    const fx = await Fixtures.connect(t.db!.url);
    try {
      // Attribution: one visitor, Facebook -> Google -> TikTok, then a $100 conversion on the TikTok click.
      const fb = await fx.source("Attr Facebook");
      const gg = await fx.source("Attr Google");
      const tt = await fx.source("Attr TikTok");
      const cf = await fx.campaign("Attr FB camp", fb);
      const cg = await fx.campaign("Attr Google camp", gg);
      const ct = await fx.campaign("Attr TikTok camp", tt);
      const vid = newId();
      await fx.click({ campaignId: cf, sourceId: fb, visitorId: vid, createdAt: "2026-08-10T08:00:00Z" });
      await fx.click({ campaignId: cg, sourceId: gg, visitorId: vid, createdAt: "2026-08-10T09:00:00Z" });
      const last = await fx.click({ campaignId: ct, sourceId: tt, visitorId: vid, createdAt: "2026-08-10T10:00:00Z" });
      await fx.conversion({
        clickId: last,
        campaignId: ct,
        sourceId: tt,
        visitorId: vid,
        clickCreatedAt: "2026-08-10T10:00:00Z",
        createdAt: "2026-08-10T11:00:00Z",
        revenue: "100.00",
      });
      // A/B: a flow with two landers, A 30/120 and B 18/115 (92.44% confidence).
      const c = await fx.campaign("AB Console camp");
      const flow = await fx.flow(c, "AB split");
      const a = await fx.landing("Console Lander A");
      const b = await fx.landing("Console Lander B");
      await fx.flowVariants(flow, [a, b], []);
      for (const [landing, clicks, converted] of [
        [a, 120, 30],
        [b, 115, 18],
      ] as const) {
        await fx.client.query(
          `WITH c AS (
             INSERT INTO clicks (id, campaign_id, flow_id, landing_id, visitor_id, created_at)
             SELECT gen_random_uuid(), $1, $2, $3, gen_random_uuid(), '2026-09-01T10:00:00Z' FROM generate_series(1, $4) RETURNING id, created_at)
           INSERT INTO conversions (id, dedupe_key, click_id, campaign_id, flow_id, landing_id, revenue, currency, revenue_account, account_currency, click_created_at, created_at, updated_at)
           SELECT gen_random_uuid(), id::text, id, $1, $2, $3, 10, 'USD', 10, 'USD', created_at, created_at, created_at FROM (SELECT * FROM c LIMIT $5) x`,
          [c, flow, landing, clicks, converted],
        );
      }
    } finally {
      await fx.close();
    }

    const { ctx, page, errors } = await fresh();
    await signIn(page, t.url, ADMIN.email, ADMIN.password);
    await page.goto(`${t.url}/admin/reports?tab=attribution&range=custom&from=2026-08-10&to=2026-08-10&model=FIRST_CLICK&by=source`);
    await page.waitForSelector("tr:has-text('Attr Facebook')");
    expect(await page.textContent("[data-testid=attribution-totals]")).toMatch(/1 conversion · .*100\.00/);
    expect(await page.textContent("tr:has-text('Attr Facebook')")).toContain("100.00");
    await page.selectOption("[aria-label='Attribution model']", "LINEAR");
    await page.waitForSelector("tr:has-text('Attr Google')");
    expect(await page.textContent("tr:has-text('Attr Google')")).toMatch(/0\.33.*33\.33/);
    expect(page.url()).toMatch(/model=LINEAR/);
    await page.selectOption("[aria-label='Attribution group']", "campaign");
    await page.waitForSelector("tr:has-text('Attr TikTok camp')");
    await screenshot(page, "report-attribution");

    await page.click("[data-tab=ab]");
    await page.waitForSelector("text=Pick a campaign and one of its flows");
    // The A/B traffic is on another day.
    await page.goto(`${t.url}/admin/reports?tab=ab&range=custom&from=2026-09-01&to=2026-09-01`);
    await page.waitForSelector("text=Pick a campaign and one of its flows");
    await page.selectOption("[data-testid=ab-settings] [aria-label=Campaign]", { label: "AB Console camp" });
    await page.waitForFunction(() => document.querySelectorAll("[aria-label=Flow] option").length > 1);
    await page.selectOption("[aria-label=Flow]", { label: "AB split" });
    await page.waitForSelector("tr:has-text('Console Lander B')");
    const rowA = await page.textContent("tr:has-text('Console Lander A')");
    expect(rowA).toMatch(/120\s*30\s*25\.00%/);
    expect(rowA).toContain("leader");
    expect(await page.textContent("tr:has-text('Console Lander B')")).toMatch(/115\s*18\s*15\.65%.*92\.44%/);
    expect(await page.textContent("[data-testid=ab-recommendation]")).toMatch(/No significant difference yet/);
    await page.selectOption("[aria-label='Confidence level']", "90");
    await page.waitForSelector("[data-testid=ab-recommendation] >> text=Winner: Console Lander A");
    expect(await page.textContent("[data-testid=ab-recommendation]")).toMatch(/Console Lander A wins with 92\.44% confidence/);
    expect(page.url()).toMatch(/level=90/);
    await screenshot(page, "report-ab");
    // The settings are in the URL: a reload shows the same test.
    await page.reload();
    await page.waitForSelector("[data-testid=ab-recommendation] >> text=Winner: Console Lander A");
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
