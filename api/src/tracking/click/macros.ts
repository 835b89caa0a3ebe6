// Offer and URL-lander macros ({click_id}, {hit}, {sub1}, ...): every value URL-encoded, unknown macros empty.
// safeRedirect() guarantees the result still points where the operator's template points (no open redirect).
import type { ClickRow } from "../store/rows.js";

const MACRO = /\{([A-Za-z][A-Za-z0-9_]{0,40})\}/g;

export function clickMacros(c: ClickRow, extra: Record<string, string>): (name: string) => string | undefined {
  return (name) => {
    if (name in extra) return extra[name];
    switch (name) {
      case "click_id":
      case "clickid":
      case "subid":
        return c.id;
      case "vid":
      case "visitor_id":
        return c.visitorId;
      case "campaign_id":
        return c.campaignId;
      case "flow_id":
        return c.flowId ?? "";
      case "landing_id":
        return c.landingId ?? "";
      case "offer_id":
        return c.offerId ?? "";
      case "source_id":
        return c.sourceId ?? "";
      case "sub1":
      case "sub2":
      case "sub3":
      case "sub4":
      case "sub5":
        return c[name];
      case "country":
      case "country_code":
        return c.country;
      case "region":
        return c.region;
      case "city":
        return c.city;
      case "isp":
        return c.isp;
      case "os":
        return c.os;
      case "os_version":
        return c.osVersion;
      case "browser":
        return c.browser;
      case "browser_version":
        return c.browserVersion;
      case "device":
        return c.deviceType;
      case "language":
        return c.language;
      case "ip":
        return c.ip;
      case "referrer_domain":
        return c.referrerDomain;
      case "source_click_id":
      case "external_id":
        return c.sourceClickId;
      case "ext_campaign_id":
      case "external_campaign_id":
        return c.extCampaignId;
      case "ad_set_id":
      case "ext_ad_set_id":
        return c.extAdSetId;
      case "ad_id":
      case "ext_ad_id":
        return c.extAdId;
      case "placement":
      case "ext_placement":
        return c.extPlacement;
      case "cost":
        return c.cost;
      default:
        return c.params[name];
    }
  };
}

export function expandMacros(template: string, value: (name: string) => string | undefined): string {
  if (template.indexOf("{") === -1) return template;
  return template.replace(MACRO, (_m, name: string) => encodeURIComponent(value(name.toLowerCase()) ?? ""));
}

/**
 * The expanded URL when it is an http(s) URL on the host the template names; null otherwise. Values are
 * URL-encoded, so they cannot add a scheme, host, path or fragment; this is the belt to that brace.
 */
export function safeRedirect(template: string, expanded: string): string | null {
  let url: URL;
  try {
    url = new URL(expanded);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const m = /^https?:\/\/([^/?#]*)/i.exec(template);
  if (!m) return null;
  const authority = m[1] as string;
  if (!authority.includes("{")) {
    try {
      if (new URL(`${url.protocol}//${authority}`).host !== url.host) return null;
    } catch {
      return null;
    }
  }
  return url.toString();
}

/** Appends name=value unless the URL already has that parameter. */
export function appendParam(url: string, name: string, value: string): string {
  if (!name) return url;
  const hash = url.indexOf("#");
  const base = hash === -1 ? url : url.slice(0, hash);
  const frag = hash === -1 ? "" : url.slice(hash);
  const q = base.indexOf("?");
  if (q !== -1 && new URLSearchParams(base.slice(q + 1)).has(name)) return url;
  const sep = q === -1 ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
  return `${base}${sep}${encodeURIComponent(name)}=${encodeURIComponent(value)}${frag}`;
}
