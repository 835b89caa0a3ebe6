// The tag the click engine puts into every local lander it serves: a queue stub (so `trackily.track(...)` and
// `window.__trackily.reportStep(n, name)` calls made before pixel.js loads are kept and replayed), the click
// context pixel.js attributes events to, and the async pixel.js script itself. Owned by the pixel area; the
// click engine only calls landerPixelTag() and inserts its result before </head> (or at the top of the body).

import { isUuid } from "../../lib/ids.js";

export interface LanderContext {
  clickId: string;
  visitorId: string;
  campaignId: string;
  landingId: string;
}

export function landerPixelTag(ctx: LanderContext): string {
  // Only UUIDs reach the inline script; anything else would be a bug upstream, and must never become script text.
  for (const [k, v] of Object.entries(ctx)) if (!isUuid(v)) throw new Error(`landerPixelTag: ${k} is not a UUID`);
  const context = JSON.stringify({ click: ctx.clickId, vid: ctx.visitorId, campaign: ctx.campaignId, landing: ctx.landingId });
  return (
    "<script>(function(w){var q=function(n){return function(){(w.__tlyq=w.__tlyq||[]).push([n,[].slice.call(arguments)])}};" +
    `w.__tlyctx=${context};w.trackily=w.trackily||{track:q("track")};` +
    'w.__trackily=w.__trackily||{reportStep:q("reportStep")};})(window);</script>' +
    '<script async src="/pixel.js"></script>'
  );
}

/**
 * The snippet merchants paste into their own pages (shop, cart, thank-you): the same queue stub without a click
 * context (the pixel finds the click itself), loading pixel.js from the tracker. Shown by the console.
 */
export function merchantSnippet(trackerUrl: string): string {
  const src = `${new URL(trackerUrl).origin}/pixel.js`;
  return (
    "<script>(function(w){var q=function(n){return function(){(w.__tlyq=w.__tlyq||[]).push([n,[].slice.call(arguments)])}};" +
    'w.trackily=w.trackily||{track:q("track")};})(window);</script>' +
    `<script async src="${src}"></script>`
  );
}
