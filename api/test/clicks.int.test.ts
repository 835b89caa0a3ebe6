import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
