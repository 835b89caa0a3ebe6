// User agent parsing: ua-parser-js 1.x (MIT, ~17 us a parse) behind an LRU keyed by the UA string, plus bot
// detection with isbot. Ad traffic repeats a small set of UAs, so the cache absorbs nearly every parse.
import { isbot } from "isbot";
import { LRUCache } from "lru-cache";
import { UAParser } from "ua-parser-js";

export interface ParsedUa {
  os: string;
  osVersion: string;
  browser: string;
  browserVersion: string;
  /** desktop, mobile, tablet, smarttv, console, wearable, embedded, bot */
  device: string;
  isBot: boolean;
  /** Headless and automation browsers (lander protection). */
  headless: boolean;
}

const HEADLESS = /headless|phantomjs|selenium|webdriver|puppeteer|playwright|slimerjs|electron\//i;
const cache = new LRUCache<string, ParsedUa>({ max: 20_000 });
const parser = new UAParser();

export function parseUa(ua: string): ParsedUa {
  const hit = cache.get(ua);
  if (hit) return hit;
  const parsed = parseUncached(ua);
  cache.set(ua, parsed);
  return parsed;
}

function parseUncached(ua: string): ParsedUa {
  const r = parser.setUA(ua.slice(0, 1024)).getResult();
  const bot = ua.length > 0 && isbot(ua);
  const type = r.device.type;
  const device = bot
    ? "bot"
    : type === "mobile" || type === "tablet" || type === "smarttv" || type === "console" || type === "wearable" || type === "embedded"
      ? type
      : "desktop";
  return {
    os: r.os.name ?? "",
    osVersion: r.os.version ?? "",
    browser: r.browser.name ?? "",
    browserVersion: r.browser.version ?? "",
    device,
    isBot: bot,
    headless: HEADLESS.test(ua),
  };
}
