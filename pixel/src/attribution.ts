// Which click (and visitor) an event belongs to. Sources, most specific first:
//  1. `window.__tlyctx`, written by the lander tag the tracker puts into its own local landers;
//  2. the URL parameters the offer redirect appends on a merchant's page (`vid` always; the click id under the
//     offer's click-id parameter, `sub2` by default, or `_tly_click`; `data-click-param` names another), kept
//     in first-party cookies of the same names for `days` days, so later pages (cart, thank-you) still know them;
//  3. the `_tly_click` / `_tly_vid` cookies themselves: on the tracker's own domain these are the ones `/c/:slug` set.
// Keep the parameter and cookie names in sync with api/src/tracking/visitor-session.ts and the offer redirect.
import { getCookie, setCookie } from "./cookies";

export interface Context {
  click?: string;
  vid?: string;
  campaign?: string;
  landing?: string;
}

export const CLICK = "_tly_click";
export const VID = "_tly_vid";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const uuid = (v: unknown): string | undefined => (typeof v === "string" && UUID.test(v) ? v.toLowerCase() : undefined);

/** Reads the URL parameters of `search` (a `location.search`); a bad value is ignored, never stored. */
export function fromUrl(search: string, param?: string): Context {
  const out: Context = {};
  try {
    const q = new URLSearchParams(search);
    out.click = uuid(q.get(CLICK) || q.get("tly_click")) || uuid(q.get(param || "sub2"));
    out.vid = uuid(q.get("vid") || q.get(VID));
  } catch (_e) {}
  return out;
}

export function resolve(ctx: Context | undefined, search: string, days: number, param?: string): Context {
  const url = fromUrl(search, param);
  // A fresh click in the URL wins over an older cookie: the visitor came back through a new ad.
  if (url.click) setCookie(CLICK, url.click, days);
  if (url.vid) setCookie(VID, url.vid, days);
  const c = ctx || {};
  return {
    click: uuid(c.click) || url.click || uuid(getCookie(CLICK)),
    vid: uuid(c.vid) || url.vid || uuid(getCookie(VID)),
    campaign: uuid(c.campaign),
    landing: uuid(c.landing),
  };
}
