// Local landers: operator HTML with the visitor's dynamic call-outs (HTML-escaped), offer links rewritten to
// /offer/:clickId/:offerId (numbered CTAs for multi-offer landers), the pixel's lander tag (contract 9) and the
// campaign's retargeting pixels. Served with a CSP sandbox without allow-same-origin: operator scripts run in an
// opaque origin and can never read the tracker origin's cookies or storage (the console's credentials).
import { landerPixelTag } from "../events/lander-tag.js";
import type { RetargetingPixels } from "../snapshot.js";
import type { ClickRow } from "../store/rows.js";

export const LANDER_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "content-security-policy":
    "sandbox allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals allow-top-navigation-by-user-activation",
};

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" };
export const escapeHtml = (s: string): string => s.replace(/[&<>"'`]/g, (c) => ESC[c] as string);

const DEVICE_LABEL: Record<string, string> = {
  desktop: "Desktop",
  mobile: "Mobile",
  tablet: "Tablet",
  smarttv: "Smart TV",
  console: "Console",
  wearable: "Wearable",
  embedded: "Embedded",
  bot: "Bot",
};

export interface LanderInput {
  html: string;
  click: ClickRow;
  countryName: string;
  /** The offer chosen for this click (plain CTA links), and the flow's offers for numbered CTAs. */
  offerId: string | null;
  flowOfferIds: string[];
  fallbackUrl: string;
  pixels: RetargetingPixels | null;
}

const CALLOUT = /\{\{\s*([a-z_]+)\s*\}\}/g;
const OFFER_LINK = /\{\{\s*offer(?:_url)?(?:_(\d{1,2}))?\s*\}\}|\{offer(?:_url)?(?:_(\d{1,2}))?\}/g;

export function renderLander(i: LanderInput): string {
  const c = i.click;
  const offerHref = (n: string | undefined) => {
    const id = n ? (i.flowOfferIds[Number(n) - 1] ?? i.offerId) : i.offerId;
    if (id) return `/offer/${c.id}/${id}`;
    return i.fallbackUrl ? escapeHtml(i.fallbackUrl) : "#";
  };
  let html = i.html.replace(OFFER_LINK, (_m, a?: string, b?: string) => offerHref(a ?? b));
  html = html.replace(CALLOUT, (m, name: string) => {
    const v = callout(name, c, i.countryName);
    return v === undefined ? m : escapeHtml(v);
  });
  const tag =
    landerPixelTag({ clickId: c.id, visitorId: c.visitorId, campaignId: c.campaignId, landingId: c.landingId as string }) +
    (i.pixels ? retargetingTags(i.pixels) : "");
  return insertTag(html, tag);
}

function callout(name: string, c: ClickRow, countryName: string): string | undefined {
  switch (name) {
    case "country":
      return countryName || c.country;
    case "country_code":
      return c.country;
    case "city":
      return c.city;
    case "region":
      return c.region;
    case "os":
      return c.os;
    case "browser":
      return c.browser;
    case "device":
      return DEVICE_LABEL[c.deviceType] ?? c.deviceType;
    case "ip":
      return c.ip;
    case "language":
      return c.language;
    case "isp":
      return c.isp;
    default:
      return undefined;
  }
}

/** Before </head>, else at the start of <body>, else prepended (contract 9). */
export function insertTag(html: string, tag: string): string {
  const head = html.search(/<\/head\s*>/i);
  if (head !== -1) return html.slice(0, head) + tag + html.slice(head);
  const body = /<body[^>]*>/i.exec(html);
  if (body) {
    const at = body.index + body[0].length;
    return html.slice(0, at) + tag + html.slice(at);
  }
  return tag + html;
}

const FB_ID = /^\d{5,20}$/;
const GOOGLE_ID = /^(AW|G|GT|DC)-[A-Z0-9-]{4,24}$/i;
const TIKTOK_ID = /^[A-Z0-9]{6,32}$/i;

/** Facebook (PageView), Google tag (page_view), TikTok (page) and the operator's custom scripts. */
export function retargetingTags(p: RetargetingPixels): string {
  let out = "";
  if (FB_ID.test(p.facebookPixelId))
    out +=
      "<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};" +
      "if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];" +
      `s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init','${p.facebookPixelId}');fbq('track','PageView');</script>`;
  if (GOOGLE_ID.test(p.googleTagId))
    out +=
      `<script async src="https://www.googletagmanager.com/gtag/js?id=${p.googleTagId}"></script>` +
      `<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','${p.googleTagId}');gtag('event','page_view');</script>`;
  if (TIKTOK_ID.test(p.tiktokPixelId))
    out +=
      "<script>!function(w,d,t){w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];ttq.methods=['page','track','identify','instances','debug','on','off','once','ready','alias','group','enableCookie','disableCookie'];" +
      "ttq.setAndDefer=function(t,e){t[e]=function(){t.push([e].concat(Array.prototype.slice.call(arguments,0)))}};for(var i=0;i<ttq.methods.length;i++)ttq.setAndDefer(ttq,ttq.methods[i]);" +
      "ttq.load=function(e){var n='https://analytics.tiktok.com/i18n/pixel/events.js';var a=d.createElement('script');a.async=!0;a.src=n+'?sdkid='+e+'&lib='+t;var s=d.getElementsByTagName('script')[0];s.parentNode.insertBefore(a,s)};" +
      `ttq.load('${p.tiktokPixelId}');ttq.page();}(window,document,'ttq');</script>`;
  // Operator-written, like lander HTML; it runs inside the same sandbox.
  if (p.customScripts) out += p.customScripts;
  return out;
}

/** The spec's intermediate page for external redirects with retargeting pixels: fire them, go on after ~1.5 s. */
export function intermediatePage(url: string, pixels: RetargetingPixels): string {
  const attr = escapeHtml(url);
  // JSON.stringify plus escaping "<" keeps the URL inert inside the script element.
  const js = JSON.stringify(url).replace(/</g, "\\u003c");
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer-when-downgrade"><meta http-equiv="refresh" content="3;url=${attr}"><title>Redirecting</title>${retargetingTags(pixels)}</head><body><script>setTimeout(function(){location.replace(${js})},1500)</script><noscript><a href="${attr}">Continue</a></noscript></body></html>`;
}
