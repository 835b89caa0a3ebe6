import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClickRow } from "../store/rows.js";
import { fraudScore } from "./fraud.js";
import { escapeHtml, insertTag, renderLander } from "./lander.js";
import { appendParam, clickMacros, expandMacros, safeRedirect } from "./macros.js";
import { primaryLanguage } from "./click-route.js";
import { parseUa } from "./user-agent.js";
import { shiftDecimalLeft } from "../snapshot.js";

const base = { ua: "Mozilla/5.0 (Windows NT 10.0) Chrome/120", isBotUa: false, clicks30s: 1, clicks5m: 1, isp: "Comcast", blacklisted: false };

describe("fraud score (spec table)", () => {
  it.each([
    [{}, 0, []],
    [{ isBotUa: true }, 40, ["bot_ua"]],
    [{ clicks30s: 5 }, 0, []],
    [{ clicks30s: 6 }, 25, ["flood_30s"]],
    [{ clicks5m: 20 }, 0, []],
    [{ clicks5m: 21 }, 30, ["flood_5m"]],
    [{ isp: "Hetzner Online GmbH" }, 15, ["datacenter"]],
    [{ isp: "Amazon AWS" }, 15, ["datacenter"]],
    [{ isp: "DigitalOcean Cloud" }, 15, ["datacenter"]],
    [{ isp: "OVH Hosting" }, 15, ["datacenter"]],
    [{ blacklisted: true }, 50, ["blacklisted"]],
    [{ ua: "" }, 10, ["suspicious_ua"]],
    [{ ua: "curl/8" }, 10, ["suspicious_ua"]],
  ])("%o scores %i", (over, score, reasons) => {
    expect(fraudScore({ ...base, ...over })).toEqual({ score, reasons });
  });
  it("caps at 100", () => {
    expect(fraudScore({ ua: "x", isBotUa: true, clicks30s: 9, clicks5m: 99, isp: "aws", blacklisted: true }).score).toBe(100);
  });
  it("detects bot user agents", () => {
    expect(parseUa("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)").isBot).toBe(true);
    expect(parseUa("python-requests/2.31.0").isBot).toBe(true);
    expect(parseUa("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1")).toMatchObject({
      isBot: false,
      os: "iOS",
      device: "mobile",
    });
    expect(parseUa("Mozilla/5.0 HeadlessChrome/120.0").headless).toBe(true);
  });
});

const click = {
  id: "c1",
  visitorId: "v1",
  campaignId: "camp",
  sub1: "a&b=c",
  sub2: "",
  country: "US",
  params: { zone: "z/1" },
  extCampaignId: "e1",
  city: "New York",
} as unknown as ClickRow;

describe("macros", () => {
  it("expands and URL-encodes", () => {
    const url = expandMacros(
      "https://o.example.com/p?s={sub1}&c={country}&z={zone}&x={unknown}&h={hit}&e={ext_campaign_id}&id={CLICK_ID}",
      clickMacros(click, { hit: "h1" }),
    );
    expect(url).toBe("https://o.example.com/p?s=a%26b%3Dc&c=US&z=z%2F1&x=&h=h1&e=e1&id=c1");
  });
  it("refuses open redirects", () => {
    const evil = { ...click, sub1: "evil.com/" } as ClickRow;
    expect(safeRedirect("https://{sub1}", expandMacros("https://{sub1}", clickMacros(evil, {})))).toBe(null);
    expect(safeRedirect("https://o.example.com/{sub1}", "https://evil.com/")).toBe(null);
    expect(safeRedirect("javascript:alert(1)//{sub1}", "javascript:alert(1)//x")).toBe(null);
    const at = { ...click, sub1: "@evil.com" } as ClickRow;
    const t = "https://o.example.com{sub1}/p";
    expect(safeRedirect(t, expandMacros(t, clickMacros(at, {})))).toBe(null);
    expect(safeRedirect("https://o.example.com/p?x={sub1}", expandMacros("https://o.example.com/p?x={sub1}", clickMacros(click, {})))).toBe(
      "https://o.example.com/p?x=a%26b%3Dc",
    );
  });
  it("appends parameters once", () => {
    expect(appendParam("https://a.example/x", "sub2", "id")).toBe("https://a.example/x?sub2=id");
    expect(appendParam("https://a.example/x?a=1#f", "sub2", "id")).toBe("https://a.example/x?a=1&sub2=id#f");
    expect(appendParam("https://a.example/x?sub2=1", "sub2", "id")).toBe("https://a.example/x?sub2=1");
  });
  it("shifts decimals exactly for CPM", () => {
    expect(shiftDecimalLeft("2.5", 3)).toBe("0.0025");
    expect(shiftDecimalLeft("1500", 3)).toBe("1.5");
    expect(shiftDecimalLeft("0", 3)).toBe("0");
  });
});

describe("landers", () => {
  it("escapes call-outs and inserts the tag in the right place", () => {
    expect(escapeHtml(`<img src=x onerror="a">'&`)).toBe("&lt;img src=x onerror=&quot;a&quot;&gt;&#39;&amp;");
    expect(insertTag("<html><head></head><body>", "T")).toBe("<html><head>T</head><body>");
    expect(insertTag("<body class='x'><p>", "T")).toBe("<body class='x'>T<p>");
    expect(insertTag("<p>hi</p>", "T")).toBe("T<p>hi</p>");
    const uuid = "01938a2e-0000-7000-8000-000000000000";
    const html = renderLander({
      html: "<h1>{{city}} {{ country }}</h1><a href='{{offer_url}}'>go</a>",
      click: { ...click, id: uuid, visitorId: uuid, campaignId: uuid, landingId: uuid, city: '<b>"x"</b>' } as ClickRow,
      countryName: "United States",
      offerId: uuid,
      flowOfferIds: [uuid],
      fallbackUrl: "",
      pixels: { facebookPixelId: "123456789012345", googleTagId: "G-ABC123", tiktokPixelId: "');alert(1);//", customScripts: "" },
    });
    expect(html).toContain("<h1>&lt;b&gt;&quot;x&quot;&lt;/b&gt; United States</h1>");
    expect(html).toContain(`href='/offer/${uuid}/${uuid}'`);
    expect(html).toContain("fbq('init','123456789012345')");
    expect(html).toContain("G-ABC123");
    expect(html).not.toContain("alert(1)");
  });
});

describe("batch literals", () => {
  it("quotes text array elements", async () => {
    const { batchParams } = await import("../store/batch-sql.js");
    const row = { ...click, id: "i", userAgent: 'a"b\\c,{d}', params: {}, fraudReasons: ["x", "y"], asn: null, landingClickedAt: null } as unknown as ClickRow;
    const p = batchParams({ clicks: [row], hits: [], visitors: [], clickThroughs: [] }, 1000);
    expect(p).toContain('{"a\\"b\\\\c,{d}"}');
    expect(p).toContain('{"x,y"}');
    expect(p).toContain("{NULL}");
  });
});

describe("primary language of Accept-Language", () => {
  it.each([
    ["en-US,en;q=0.9", "en"],
    [" DE-at ; q=1", "de"],
    ["fil", "fil"],
    ["en-", "en"],
    ["*", ""],
    ["en_US", ""],
    ["english", ""],
    ["e1", ""],
    ["en US", ""],
    ["", ""],
  ])("%j -> %j", (header, lang) => expect(primaryLanguage(header)).toBe(lang));

  it("agrees with the split-based definition on any header", () => {
    const reference = (header: string) => {
      const first = header.split(",")[0]?.split(";")[0]?.trim().toLowerCase() ?? "";
      const primary = first.split("-")[0] ?? "";
      return /^[a-z]{2,3}$/.test(primary) ? primary : "";
    };
    const part = fc.constantFrom("en", "DE", "fil", "x", "-", "_", ",", ";", " ", "\t", "q=0.8", "US", "1", "*", "zh-Hant");
    fc.assert(
      fc.property(
        fc.array(part, { maxLength: 8 }).map((a) => a.join("")),
        (header) => {
          expect(primaryLanguage(header)).toBe(reference(header));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
