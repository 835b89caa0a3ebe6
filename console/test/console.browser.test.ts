// End to end in real Chromium against the real api (PostgreSQL, HTTP) serving the built console at /admin.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../api/src/lib/ids.js";
import { hashPassword } from "../../api/src/lib/secrets.js";
import { ADMIN, startTestApp, type TestApp } from "../../api/test/helpers/app.js";
import { Fixtures } from "../../api/test/helpers/reports-fixtures.js";
import { launch, screenshot, signIn } from "./helpers/browser.js";
import { EVERFLOW_KEY, GEOIP_KEY, KADAM_KEY, startUpstream } from "./helpers/upstream.js";

let t: TestApp;
let upstream: Awaited<ReturnType<typeof startUpstream>>;
let browser: Browser;
const VIEWER = { email: "viewer@test.local", password: "viewer-password-1" };

beforeAll(async () => {
  upstream = await startUpstream();
  t = await startTestApp({
    env: { OUTBOUND_ALLOW_PRIVATE: "true", GEOIP_DOWNLOAD_URL: `${upstream.url}/{edition}?key={license_key}` },
  });
  await t.app.deps.db.prisma.user.create({
    data: { id: newId(), email: VIEWER.email, name: "Vera Viewer", role: "VIEWER", passwordHash: await hashPassword(VIEWER.password) },
  });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
  await upstream?.close();
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
    // The preview is a new sandboxed frame a moment after the HTML changes: first the frame with that document, then
    // what it rendered (read again until it has loaded).
    const inPreview = async (sel: string, text: string) => {
      await page.waitForSelector(`[data-testid=html-preview][srcdoc*="${text}"]`, { state: "attached" });
      await expect
        .poll(
          () =>
            page
              .frameLocator("[data-testid=html-preview]")
              .locator(sel)
              .textContent({ timeout: 2000 })
              .catch(() => null),
          { timeout: 20_000 },
        )
        .toBe(text);
    };
    await inPreview("#hello", "Hello preview");
    await screenshot(page, "lander-editor");
    await page.click("[data-testid=save]");
    await page.waitForSelector("text=UI Lander");

    // Import: from a URL (the api downloads it) and from an HTML file; problems show next to the field.
    await page.click("[data-testid=show-import]");
    await page.click("[data-testid=import-url]");
    expect(await page.textContent("[data-error-for=imp-name]")).toMatch(/Name/);
    expect(await page.textContent("[data-error-for=imp-url]")).toMatch(/http/);
    await page.fill("#imp-name", "Imported by URL");
    await page.fill("#imp-url", `${upstream.url}/missing-page`);
    await page.click("[data-testid=import-url]");
    await page.waitForSelector("[data-error-for=imp-url] >> text=HTTP 401");
    await page.fill("#imp-url", `${upstream.url}/lander`);
    await page.click("[data-testid=import-url]");
    await page.waitForSelector("tr:has-text('Imported by URL')");
    await page.click("[data-testid=import-file]");
    expect(await page.textContent("[data-error-for=imp-file]")).toMatch(/html file/i);
    await page.setInputFiles("#imp-file", { name: "from-file.html", mimeType: "text/html", buffer: Buffer.from("<h2 id=file>From a file</h2>") });
    // The name comes from the file once it is read.
    await expect.poll(() => page.inputValue("#imp-name")).toBe("from-file");
    await page.click("[data-testid=import-file]");
    await page.waitForSelector("tr:has-text('from-file')");
    // The imported page is a local lander with the downloaded HTML in its preview.
    await page.click("text=Imported by URL");
    expect(await page.inputValue("#f-type")).toBe("LOCAL");
    await inPreview("#imported", "Imported lander");
    await screenshot(page, "lander-import");
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("connects an Everflow network (Test connection, Import offers) and deletes an offer and a network", async () => {
    const { ctx, page, errors } = await fresh();
    page.on("dialog", (d) => void d.accept());
    await signIn(page, t.url, ADMIN.email, ADMIN.password);
    await page.click("[data-nav=networks]");
    await page.click("[data-testid=new]");
    await page.fill("#f-name", "EF Network");
    await page.selectOption("#f-type", "everflow");
    await page.fill("#f-apiUrl", `${upstream.url}/everflow`);
    await page.fill("#f-apiKey", "wrong-key");
    // The integration works on a saved network: no buttons while creating.
    expect(await page.isVisible("[data-testid=network-test]")).toBe(false);
    await page.click("[data-testid=save]");
    await page.waitForSelector("[data-testid=network-form]", { state: "detached" });
    await page.click("tr:has-text('EF Network') button.btn-link");
    await page.click("[data-testid=network-test]");
    await page.waitForSelector("[data-testid=network-sync-result]");
    expect(await page.textContent("[data-testid=network-sync-result]")).toMatch(/refused the key/);
    await page.click("[data-testid=network-import]");
    await page.waitForSelector("[data-testid=network-sync-result] >> text=API key:");
    await page.fill("#f-apiKey", EVERFLOW_KEY);
    await page.click("[data-testid=save]");
    await page.waitForSelector("[data-testid=network-form]", { state: "detached" });
    await page.click("tr:has-text('EF Network') button.btn-link");
    await page.click("[data-testid=network-test]");
    await page.waitForSelector("[data-testid=network-sync-result] >> text=Connection successful: 2 offers available.");
    await page.click("[data-testid=network-import]");
    await page.waitForSelector("[data-testid=network-sync-result] >> text=Offers imported: 2 new, 0 updated, 0 skipped.");
    await screenshot(page, "network-everflow");

    await page.click("[data-nav=offers]");
    await page.waitForSelector("tr:has-text('EF Antivirus')");
    expect(await page.textContent("tr:has-text('EF Antivirus')")).toContain("EF Network");
    await page.click("tr:has-text('EF VPN') button.btn-link");
    await page.click("[data-testid=offer-form] [data-testid=delete]");
    await page.waitForSelector("text=EF VPN", { state: "detached" });
    expect(await page.isVisible("text=EF Antivirus")).toBe(true);

    // Deleting the network keeps its offers, without a network.
    await page.click("[data-nav=networks]");
    await page.click("tr:has-text('EF Network') button.btn-link");
    await page.click("[data-testid=network-form] [data-testid=delete]");
    await page.waitForSelector("text=EF Network", { state: "detached" });
    await page.click("[data-nav=offers]");
    await page.waitForSelector("tr:has-text('EF Antivirus')");
    expect(await page.textContent("tr:has-text('EF Antivirus')")).not.toContain("EF Network");
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
    await page.fill("#fl-name", "US flow");
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
    await page.waitForSelector("[data-testid=flows] tr[data-flow='US flow']");
    const flowOrder = () => page.$$eval("[data-testid=flows] tbody tr[data-flow]", (rows) => rows.map((r) => r.getAttribute("data-flow")));
    expect(await flowOrder()).toEqual(["", "US flow"]);
    expect(await page.isDisabled("[data-testid=flows] tr[data-flow='US flow'] [data-testid=flow-down]")).toBe(true);
    await screenshot(page, "flow-editor");
    // Reorder: the regular flow moves above the default one, and the order survives a reload (it is the API's).
    await page.click("[data-testid=flows] tr[data-flow='US flow'] [data-testid=flow-up]");
    await expect.poll(flowOrder).toEqual(["US flow", ""]);
    await page.reload();
    await page.waitForSelector("[data-testid=flows] tr[data-flow='US flow']");
    expect(await flowOrder()).toEqual(["US flow", ""]);
    expect(await page.textContent("[data-testid=flows] tr[data-flow='US flow'] td")).toBe("1");
    // Delete, after a confirmation; dismissing it keeps the flow.
    page.once("dialog", (d) => void d.dismiss());
    await page.click("[data-testid=flows] tr[data-flow='US flow'] [data-testid=flow-delete]");
    expect(await flowOrder()).toEqual(["US flow", ""]);
    page.once("dialog", (d) => void d.accept());
    await page.click("[data-testid=flows] tr[data-flow='US flow'] [data-testid=flow-delete]");
    await expect.poll(flowOrder).toEqual([""]);

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

  it("deletes a campaign and a traffic source after a confirmation", async () => {
    const { ctx, page, errors } = await fresh();
    await signIn(page, t.url, ADMIN.email, ADMIN.password);
    // The Custom template with nothing but a name is a valid source.
    await page.goto(`${t.url}/admin/sources/new`);
    await page.waitForFunction(() => document.querySelectorAll("#s-template option").length > 1);
    expect(await page.inputValue("#s-template")).toBe("custom");
    await page.fill("#s-name", "Temp Source");
    await page.click("[data-testid=save-source]");
    await page.waitForURL(/\/admin\/sources\/[0-9a-f-]{36}$/);
    await page.click("[data-nav=campaigns]");
    await page.click("[data-testid=new-campaign]");
    await page.fill("#c-name", "Temp Campaign");
    await page.fill("#c-slug", "temp-campaign");
    await page.selectOption("#c-source", { label: "Temp Source" });
    await page.click("[data-testid=save-campaign]");
    await page.waitForURL(/\/admin\/campaigns\/[0-9a-f-]{36}/);
    // Dismissed: nothing happens.
    page.once("dialog", (d) => void d.dismiss());
    await page.click("[data-testid=delete]");
    expect(page.url()).toMatch(/\/admin\/campaigns\/[0-9a-f-]{36}/);
    page.once("dialog", (d) => void d.accept());
    await page.click("[data-testid=delete]");
    await page.waitForURL(/\/admin\/campaigns$/);
    await page.waitForSelector("text=UI Campaign");
    expect(await page.isVisible("text=Temp Campaign")).toBe(false);

    await page.click("[data-nav=sources]");
    await page.click("text=Temp Source");
    await page.waitForSelector("[data-testid=delete]");
    page.once("dialog", (d) => void d.accept());
    await page.click("[data-testid=delete]");
    await page.waitForURL(/\/admin\/sources$/);
    await page.waitForSelector("text=UI Source");
    expect(await page.isVisible("text=Temp Source")).toBe(false);
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
    // The chip names the campaign, not its UUID.
    await page.waitForSelector("[data-testid=report-filters] >> text=Campaign = UI Campaign");
    expect(await page.textContent("[data-testid=report-filters]")).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    await screenshot(page, "report");
    // The view is in the URL: a reload shows the same drill-down.
    await page.reload();
    await page.waitForSelector("text=alpha");

    // Column picker: a named preset saved in this browser survives a fresh view of the report.
    await page.goto(`${t.url}/admin/reports?range=today&group=campaign`);
    await page.waitForSelector("text=UI Campaign");
    const headers = () => page.$$eval("table thead th", (ths) => ths.map((th) => th.textContent?.trim().replace(/[▲▼]/g, "").trim()));
    expect(await headers()).toContain("Unique");
    await page.click("text=Columns");
    await page.uncheck(".column-picker label:has-text('Unique') input");
    await page.check(".column-picker label:has-text('ROAS') input");
    await page.fill("[aria-label='Preset name']", "Lean");
    await page.click("text=Save preset");
    await expect.poll(headers).toContain("ROAS");
    expect(await headers()).not.toContain("Unique");
    await page.goto(`${t.url}/admin/reports?range=today&group=campaign`);
    await page.waitForSelector("text=UI Campaign");
    expect(await headers()).toContain("Unique");
    await page.click("text=Columns");
    await page.click(".column-picker button:has-text('Lean')");
    await expect.poll(headers).toContain("ROAS");
    expect(await headers()).not.toContain("Unique");
    expect(page.url()).toMatch(/cols=/);

    // Filters without drilling: a typed value, then an entity picked by name; both in the URL, removable.
    await page.goto(`${t.url}/admin/reports?range=today&group=campaign`);
    await page.waitForSelector("text=UI Campaign");
    await page.click("[data-testid=filter-adder] button[type=submit]");
    expect(await page.textContent("[data-error-for=filter-value]")).toMatch(/value/);
    await page.selectOption("[aria-label='Filter dimension']", "country");
    await page.fill("[data-testid=filter-adder] [aria-label='Filter value']", "ZZ");
    await page.click("[data-testid=filter-adder] button[type=submit]");
    await page.waitForSelector("text=No traffic for this selection.");
    expect(page.url()).toMatch(/filter=country%3AZZ|filter=country:ZZ/);
    await page.click("[aria-label='Remove filter country']");
    await page.waitForSelector("text=UI Campaign");
    await page.selectOption("[aria-label='Filter dimension']", "campaign");
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=filter-adder] select[aria-label='Filter value'] option").length > 1);
    await page.selectOption("[data-testid=filter-adder] select[aria-label='Filter value']", { label: "UI Campaign" });
    await page.click("[data-testid=filter-adder] button[type=submit]");
    await page.waitForSelector("[data-testid=report-filters] >> text=Campaign = UI Campaign");
    await page.waitForSelector("td >> text=UI Campaign");

    await page.click("[data-tab=funnel]");
    await page.selectOption("[aria-label=Campaign]", { label: "UI Campaign" });
    await page.waitForSelector("table .state-empty, table tbody tr[data-row]");

    // The campaigns list carries the key metrics of its campaigns (today unless another range is picked).
    await page.goto(`${t.url}/admin/campaigns`);
    await page.waitForSelector("[data-range=today].active");
    await expect.poll(async () => page.textContent("tr:has-text('UI Campaign') [data-stat=clicks]"), { timeout: 20_000, interval: 500 }).toBe("1");
    expect(await page.textContent("tr:has-text('UI Campaign') [data-stat=spend]")).toBe("$0.05");
    await screenshot(page, "campaigns-metrics");

    // The clicks log opens on today, and that is the preset it highlights.
    await page.goto(`${t.url}/admin/clicks`);
    await page.waitForSelector("[data-testid=bulk-cost]");
    await page.waitForSelector("tbody tr[data-row]:has-text('alpha')");
    expect(await page.isVisible("[data-range=today].active")).toBe(true);
    expect(await page.textContent("tbody tr[data-row]:has-text('alpha')")).toContain("UI Campaign");
    // Bulk update: each missing part is named next to its control.
    await page.click("[data-testid=bulk-cost] button[type=submit]");
    expect(await page.textContent("[data-error-for=bulk-campaign]")).toMatch(/campaign/i);
    expect(await page.textContent("[data-error-for=bulk-cpc]")).toMatch(/number/);
    // A currency with no exchange rate is refused by the API, next to the currency, and nothing is written.
    await page.selectOption("#bulk-campaign", { label: "UI Campaign" });
    await page.fill("#bulk-from", "2020-01-01T00:00");
    await page.fill("#bulk-to", "2099-01-01T00:00");
    await page.fill("#bulk-cpc", "0.1");
    await page.fill("#bulk-currency", "xyz");
    await page.click("[data-testid=bulk-cost] button[type=submit]");
    await expect.poll(() => page.textContent("[data-error-for=bulk-currency]")).toMatch(/no exchange rate for XYZ; accepted: /);
    // One click's cost, edited in place: a bad value is refused next to the input, a good one is saved.
    await page.click("tbody tr[data-row]:has-text('alpha') [data-testid=edit-cost]");
    await page.fill("[data-testid=cost-edit] input", "lots");
    await page.click("[data-testid=cost-edit] button[type=submit]");
    expect(await page.textContent("[data-testid=cost-edit] [data-error-for=cost]")).toMatch(/number/);
    await page.fill("[data-testid=cost-edit] input", "0.25");
    await page.click("[data-testid=cost-edit] button[type=submit]");
    await page.waitForSelector("tbody tr[data-row]:has-text('alpha') >> text=$0.25");
    expect(await page.isVisible("[data-testid=cost-edit]")).toBe(false);
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

    // A manual status change with the operator's note: the log shows it, and the history modal records who and why.
    await page.click("tr:has-text('UI-1') [data-testid=change-conversion]");
    await page.selectOption("#ce-status", "rejected");
    await page.fill("#ce-note", "Network flagged the lead");
    await page.click("[data-testid=save-conversion]");
    await page.waitForSelector("[role=status] >> text=Saved: rejected");
    await page.waitForSelector("tr:has-text('UI-1') .badge-rejected");
    await page.click("tr:has-text('UI-1') >> text=History");
    await page.waitForSelector("[data-testid=history-changes] tr:has-text('Network flagged the lead')");
    expect(await page.textContent("[data-testid=history-changes] tr:has-text('Network flagged the lead')")).toMatch(/Admin.*APPROVED.*REJECTED/);
    await page.click("[data-testid=history-modal] >> text=Close");

    // A revenue edit with a note: the row shows the new revenue, the history the old and new amounts and the note.
    await page.click("tr:has-text('UI-1') [data-testid=change-conversion]");
    await page.fill("#ce-revenue", "20.75");
    await page.fill("#ce-note", "Payout raised by the network");
    await page.click("[data-testid=save-conversion]");
    await page.waitForSelector("[role=status] >> text=Saved: rejected, $20.75");
    await page.waitForSelector("tr:has-text('UI-1') >> text=$20.75");
    expect(await page.isVisible("[data-testid=edit-conversion]")).toBe(false);
    await page.click("tr:has-text('UI-1') >> text=History");
    const revenueRow = "[data-testid=history-changes] tr:has-text('Payout raised by the network')";
    await page.waitForSelector(revenueRow);
    expect(await page.textContent(revenueRow)).toMatch(/Admin.*12\.5.*20\.75/);
    await screenshot(page, "conversion-history-edit");
    await page.click("[data-testid=history-modal] >> text=Close");

    // A bad revenue is refused next to the field before anything is sent; a currency without an exchange rate is
    // refused by the API next to the currency; neither changes the conversion.
    await page.click("tr:has-text('UI-1') [data-testid=change-conversion]");
    await page.fill("#ce-revenue", "-5");
    await page.click("[data-testid=save-conversion]");
    expect(await page.textContent("[data-error-for=ce-revenue]")).toMatch(/non-negative amount with at most 4 decimals/);
    await page.fill("#ce-revenue", "1.23456");
    await page.click("[data-testid=save-conversion]");
    expect(await page.textContent("[data-error-for=ce-revenue]")).toMatch(/at most 4 decimals/);
    await page.fill("#ce-revenue", "30");
    await page.fill("#ce-currency", "xyz");
    await page.click("[data-testid=save-conversion]");
    await page.waitForSelector("[data-error-for=ce-currency] >> text=no exchange rate for XYZ");
    expect(await page.isVisible("[data-error-for=ce-revenue]")).toBe(false);
    await screenshot(page, "conversion-edit-errors");
    await page.click("[data-testid=edit-conversion] >> text=Cancel");
    expect(await page.textContent("tr:has-text('UI-1')")).toContain("$20.75");

    // From the clicks log, a click's postbacks: why its conversion was (or was not) attributed.
    await page.goto(`${t.url}/admin/clicks?range=today`);
    await page.click("tbody tr[data-row]:has-text('beta') [data-testid=click-postbacks]");
    await page.waitForURL(new RegExp(`pblog=${clickId}`));
    await page.waitForSelector("[data-testid=postback-log] tbody tr[data-row]");
    expect(await page.textContent("[data-testid=postback-log]")).toContain("UI-1");
    expect(await page.textContent("tbody")).toContain("UI-1");
    // The click cell of a conversion opens the same log.
    await page.goto(`${t.url}/admin/conversions`);
    await page.click("tr:has-text('UI-1') [data-testid=show-click-log]");
    await page.waitForURL(new RegExp(`pblog=${clickId}`));
    await page.waitForSelector("[data-testid=postback-log] >> text=UI-1");
    await page.fill("#pblog-click", "not-a-click");
    await page.click("text=Show log");
    expect(await page.textContent("[data-error-for=pblog-click]")).toMatch(/click ID/);

    // Elsewhere in the app the bell counts the next one. The conversions page marks what it shows as read, so the
    // postback goes out only once that page is gone.
    await page.click("[data-nav=campaigns]");
    await page.waitForSelector("[data-testid=new-campaign]");
    expect(await page.isVisible("[data-testid=live-item]")).toBe(false);
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

    // Exchange rates: client checks, then the API's typed error for the account currency next to the field.
    await page.fill("#cr-currency", "EU");
    await page.fill("#cr-rate", "-1");
    await page.click("[data-testid=set-rate]");
    expect(await page.textContent("[data-error-for=cr-currency]")).toMatch(/3-letter/);
    expect(await page.textContent("[data-error-for=cr-rate]")).toMatch(/positive/);
    await page.fill("#cr-currency", "usd");
    await page.fill("#cr-rate", "1.5");
    await page.click("[data-testid=set-rate]");
    await page.waitForSelector("[data-error-for=cr-currency] >> text=account currency");
    await page.fill("#cr-currency", "EUR");
    await page.fill("#cr-rate", "1.08");
    await page.click("[data-testid=set-rate]");
    await page.waitForSelector("[data-testid=currency-rates] tr:has-text('EUR') >> text=1.08");
    page.once("dialog", (d) => void d.accept());
    await page.click("[data-testid=currency-rates] tr:has-text('EUR') [data-testid=remove-rate]");
    await page.waitForSelector("[data-testid=currency-rates] >> text=No exchange rates");

    // GeoIP: a malformed key is refused before sending, a refused key shows MaxMind's answer next to the field,
    // a good one downloads both databases and the status says so.
    expect(await page.textContent("[data-testid=geoip-status] tr[data-edition=GeoLite2-City]")).toContain("not loaded");
    await page.fill("#geo-key", "bad key!");
    await page.click("[data-testid=geoip-download]");
    expect(await page.textContent("[data-error-for=geo-key]")).toMatch(/Not a MaxMind license key/);
    await page.fill("#geo-key", "WRONGKEY99");
    await page.click("[data-testid=geoip-download]");
    await page.waitForSelector("[data-error-for=geo-key] >> text=refused");
    await page.fill("#geo-key", GEOIP_KEY);
    await page.click("[data-testid=geoip-download]");
    await page.waitForSelector("text=Downloaded GeoLite2 City and ASN.");
    expect(await page.isVisible("[data-error-for=geo-key]")).toBe(false);
    expect(await page.textContent("[data-testid=geoip-status] tr[data-edition=GeoLite2-City]")).toMatch(/OK\s*GeoLite2-City/);
    expect(await page.textContent("[data-testid=geoip-status] tr[data-edition=GeoLite2-ASN]")).toMatch(/OK\s*GeoLite2-ASN/);
    expect(await page.textContent("[data-testid=geoip]")).toContain("a MaxMind license key is stored");
    expect(await page.textContent("[data-testid=geoip-status] tr[data-edition=GeoLite2-City]")).toMatch(/20\d\d-\d\d-\d\d/);
    // The settings form points at the downloaded files without a reload.
    await page.waitForFunction(() => /GeoLite2-City\.mmdb$/.test((document.querySelector("#st-city") as HTMLInputElement | null)?.value ?? ""));
    await screenshot(page, "settings-geoip");

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
    // Postback keys: shown once, two active per scope at most (the API's ConflictError says so), revocable.
    await page.fill("#pk-name", "Everflow key");
    await page.click("[data-testid=create-postback-key]");
    await page.waitForSelector("[data-testid=postback-key-secret] code");
    const pbKey = await page.textContent("[data-testid=postback-key-secret] code");
    expect(pbKey).toMatch(/^tly_pb/);
    await page.waitForSelector("[data-testid=postback-keys] tr:has-text('Everflow key')");
    await page.fill("#pk-name", "Rotation");
    await page.click("[data-testid=create-postback-key]");
    await page.waitForSelector("[data-testid=postback-keys] tr:has-text('Rotation')");
    await page.click("[data-testid=create-postback-key]");
    await page.waitForSelector("[data-testid=postback-keys] .form-error >> text=already active");
    page.once("dialog", (d) => void d.accept());
    await page.click("[data-testid=postback-keys] tr:has-text('Everflow key') [data-testid=revoke-postback-key]");
    await page.waitForSelector("[data-testid=postback-keys] tr:has-text('Everflow key') >> text=revoked");
    await screenshot(page, "settings");
    await page.reload();
    await page.waitForSelector("text=Optimizer");
    expect(await page.isVisible("[data-testid=api-key-secret]")).toBe(false);
    expect(await page.textContent("body")).not.toContain(secret!);
    expect(await page.textContent("body")).not.toContain(pbKey!);
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
    expect(await page.isVisible("[data-testid=delete]")).toBe(false);
    expect(await page.isVisible("[data-testid=flow-delete]")).toBe(false);
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
    // The FIRST_CLICK table may list Google with 0 until the LINEAR answer replaces it.
    await expect.poll(() => page.textContent("tr:has-text('Attr Google')"), { timeout: 10_000 }).toMatch(/0\.33.*33\.33/);
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

  it("shows dashboard tabs for an Everflow network and a Kadam source once they exist, with both sides' numbers", async () => {
    const day = "2026-10-05";
    const { ctx, page, errors } = await fresh();
    // Its own Viewer (report read is all the tabs need): the admin's sign-ins are near the per-email login limit by now.
    const analyst = { email: "analyst@test.local", password: "analyst-password-1" };
    await t.app.deps.db.prisma.user.create({
      data: { id: newId(), email: analyst.email, name: "Ana Analyst", role: "VIEWER", passwordHash: await hashPassword(analyst.password) },
    });
    await signIn(page, t.url, analyst.email, analyst.password);
    // urql sends queries as GET within the URL length limit: the operation name is in the URL or the body.
    const listed = page.waitForResponse(
      (r) => r.url().includes("/graphql") && `${r.url()} ${r.request().postData() ?? ""}`.includes("ConsoleDashboardIntegrations"),
    );
    await page.goto(`${t.url}/admin/dashboard?range=custom&from=${day}&to=${day}`);
    await listed;
    await page.waitForSelector("[data-kpi=clicks]");
    // No network with a key and no linked Kadam source yet: only the Trackily dashboard, without tabs.
    expect(await page.isVisible("[data-testid=dashboard-tabs]")).toBe(false);

    const p = t.app.deps.db.prisma;
    const net = await p.affiliateNetwork.create({
      data: { id: newId(), name: "EF Stats", type: "everflow", apiUrl: `${upstream.url}/everflow`, apiKey: EVERFLOW_KEY },
    });
    const wrong = await p.affiliateNetwork.create({
      data: { id: newId(), name: "EF Wrong key", type: "everflow", apiUrl: `${upstream.url}/everflow`, apiKey: "nope" },
    });
    const offer = await p.offer.create({ data: { id: newId(), name: "EF Stats offer", url: "https://offer.example/", networkId: net.id, externalId: "501" } });
    const src = await p.trafficSource.create({
      data: { id: newId(), name: "Kadam Stats", template: "kadam", apiUrl: `${upstream.url}/kadam`, apiKey: KADAM_KEY },
    });
    const fx = await Fixtures.connect(t.db!.url);
    try {
      const camp = await fx.campaign("Stats camp", src.id);
      await p.campaign.update({ where: { id: camp }, data: { externalCampaignIds: ["9001"] } });
      // Trackily's side: 2 clicks on the offer at 1.25 (one converted for $15), both from Kadam campaign 9001.
      const first = await fx.click({
        campaignId: camp,
        sourceId: src.id,
        offerId: offer.id,
        extCampaignId: "9001",
        createdAt: `${day}T10:00:00Z`,
        cost: "1.25",
      });
      await fx.click({ campaignId: camp, sourceId: src.id, offerId: offer.id, extCampaignId: "9001", createdAt: `${day}T11:00:00Z`, cost: "1.25" });
      await fx.conversion({
        clickId: first,
        campaignId: camp,
        sourceId: src.id,
        offerId: offer.id,
        clickCreatedAt: `${day}T10:00:00Z`,
        createdAt: `${day}T10:05:00Z`,
        revenue: "15",
      });
    } finally {
      await fx.close();
    }

    await page.reload();
    await page.waitForSelector("[data-testid=dashboard-tabs]");
    expect((await page.locator("[data-testid=dashboard-tabs] button").allTextContents()).map((s) => s.trim())).toEqual([
      "Trackily",
      "EF Stats",
      "EF Wrong key",
      "Kadam Stats",
    ]);
    await page.click(`[data-tab=everflow-${net.id}]`);
    await page.waitForSelector("[data-testid=everflow-tab] [data-testid=integration-kpis]");
    expect(page.url()).toContain(`tab=everflow-${net.id}`);
    expect(await page.isVisible("[data-testid=dashboard-campaign]")).toBe(false);
    const kpi = (k: string) => page.textContent(`[data-kpi=${k}] .value`);
    expect([await kpi("ef-clicks"), await kpi("ef-conversions"), await kpi("ef-revenue")]).toEqual(["12", "3", "$45.00"]);
    expect([await kpi("tl-clicks"), await kpi("tl-conversions"), await kpi("tl-revenue"), await kpi("tl-cost")]).toEqual(["2", "1", "$15.00", "$2.50"]);
    // (45 - 2.50) / 2.50
    expect(await kpi("roi")).toBe("1,700.0%");
    expect(await page.textContent("tr:has-text('EF Antivirus')")).toMatch(/#501\s*12\s*3\s*\$45\.00\s*2\s*1\s*\$15\.00\s*\$2\.50\s*1,700\.0%/);
    await screenshot(page, "dashboard-everflow");
    // The tab is in the URL: a reload opens it again.
    await page.reload();
    await page.waitForSelector("[data-testid=everflow-tab] [data-kpi=ef-revenue]");

    await page.click(`[data-tab=everflow-${wrong.id}]`);
    await page.waitForSelector("[data-testid=integration-error]");
    expect(await page.textContent("[data-testid=integration-error]")).toContain("Everflow refused the key (HTTP 401)");

    await page.click(`[data-tab=kadam-${src.id}]`);
    await page.waitForSelector("[data-testid=kadam-tab] [data-testid=integration-kpis]");
    expect([await kpi("impressions"), await kpi("clicks"), await kpi("ctr"), await kpi("cost")]).toEqual(["2,000", "50", "2.50%", "$7.50"]);
    expect([await kpi("tl-clicks"), await kpi("tl-conversions"), await kpi("tl-revenue"), await kpi("profit")]).toEqual(["2", "1", "$15.00", "$7.50"]);
    await screenshot(page, "dashboard-kadam");

    await page.click("[data-tab=trackily]");
    await page.waitForSelector("[data-testid=kpis] [data-kpi=clicks]");
    expect(page.url()).not.toContain("tab=");
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
