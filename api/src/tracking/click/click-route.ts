// GET /c/:slug — the click pipeline: parse visitor, GeoIP, UA, fraud score, bot filter, frequency cap, unique
// detection, flow, lander and offer choice (binding, caps), durable record, then the landing or the redirect.
import { hash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { flat } from "../../lib/flat.js";
import { isUuid, newId } from "../../lib/ids.js";
import { anonymizeIp } from "../../lib/ip.js";
import type { FilterVisitor } from "../routing/match-filters.js";
import { pickOffer, pickWeighted, selectFlow } from "../routing/select.js";
import { type SnapCampaign, type SnapFlow, type SnapLanding, type SnapOffer, type SnapSource, toAccountCost } from "../snapshot.js";
import { clickLine } from "../store/copy-batch.js";
import type { ClickRow, HitRow } from "../store/rows.js";
import { CLICK_COOKIE, VISITOR_COOKIE, VISITOR_SESSION_MS } from "../visitor-session.js";
import type { ClickEngine } from "./engine.js";
import { FRAUD, fraudScore } from "./fraud.js";
import { LANDER_HEADERS, intermediatePage, renderLander } from "./lander.js";
import { appendParam, clickMacros, expandMacros, safeRedirect } from "./macros.js";
import { parseUa } from "./user-agent.js";

const MAX_PARAM = 500;
const MAX_PARAMS = 50;
const BINDING_MS = 24 * 3_600_000;
const CLICK_COOKIE_S = 30 * 86_400;
const VISITOR_COOKIE_S = VISITOR_SESSION_MS / 1000;
/** Spy tools whose referrers get "Access Denied" on protected landers. */
const SPY_REFERRER = /adplexity|anstrex|spypush|bigspy|adspy|poweradspy|spyover|adheart|pipiads|minea|dropispy|socialpeta|advault/i;
const RESERVED = new Set(["sub1", "sub2", "sub3", "sub4", "sub5"]);
/** The fraud table's flood windows (30 s and 5 min), counted on one log per IP. */
const FLOOD_WINDOWS = [30_000, 300_000] as const;

export function handleClick(e: ClickEngine, req: IncomingMessage, res: ServerResponse, ip: string, slug: string, query: string): void {
  const campaign = e.snapshot.campaigns.get(slug);
  // A campaign on a custom domain does not answer on another campaign's custom domain (the operator separated
  // them); the api's own host, IPs and unregistered names still work, so links made before the domain keep working.
  const host = campaign?.domainHost ? requestHost(req) : "";
  if (!campaign || (host && host !== campaign.domainHost && e.snapshot.domains.has(host))) {
    e.reasons.unknown_campaign++;
    text(res, 404, `unknown campaign "${slug.slice(0, 100)}": check the tracking link`);
    return;
  }
  answerClick(e, req, res, ip, campaign, query);
}

/**
 * The root path of a custom domain linked to exactly one active campaign runs that campaign, so a tracking link
 * can be just `https://track.example.com/?click_id=...`. Returns false when the host is not such a domain.
 */
export function handleDomainRoot(e: ClickEngine, req: IncomingMessage, res: ServerResponse, ip: string, query: string): boolean {
  const campaign = e.snapshot.domainCampaigns.get(requestHost(req));
  if (!campaign) return false;
  answerClick(e, req, res, ip, campaign, query);
  return true;
}

/** The request's host name, lower case, without the port ("" when absent). */
export function requestHost(req: IncomingMessage): string {
  const raw = (req.headers.host ?? "").toLowerCase();
  if (raw.startsWith("[")) return raw.slice(0, raw.indexOf("]") + 1);
  const colon = raw.indexOf(":");
  return colon === -1 ? raw : raw.slice(0, colon);
}

function answerClick(e: ClickEngine, req: IncomingMessage, res: ServerResponse, ip: string, campaign: SnapCampaign, query: string): void {
  // Link checkers and previews send HEAD: answer without recording a click or touching any counter.
  if (req.method === "HEAD") {
    e.reasons.head_request++;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    return void res.end();
  }
  if (req.method !== "GET") {
    text(res, 405, "only GET is accepted on tracking links", { allow: "GET, HEAD" });
    return;
  }
  run(e, req, res, ip, campaign, query).catch((err: Error) => {
    e.reasons.not_durable++;
    e.deps.logger.error({ err: err.message }, "click not recorded");
    if (!res.headersSent) text(res, 503, "the click could not be recorded; try again", { "retry-after": "1" });
  });
}

async function run(e: ClickEngine, req: IncomingMessage, res: ServerResponse, rawIp: string, c: SnapCampaign, query: string): Promise<void> {
  const now = Date.now();
  const snap = e.snapshot;
  const h = req.headers;
  const ua = (h["user-agent"] ?? "").slice(0, 1024);
  const q = new URLSearchParams(query);
  const src = c.source;
  // NUL cannot be stored in PostgreSQL text/jsonb: it is dropped from everything a visitor sends.
  const take = (name: string | undefined) => (name ? clean(q.get(name) ?? "") : "");
  const params: Record<string, string> = {};
  let nParams = 0;
  const known = sourceParams(src);
  for (const [k, v] of q) {
    if (RESERVED.has(k) || known.has(k) || k in params || nParams >= MAX_PARAMS || k.length > 64) continue;
    params[clean(k)] = clean(v);
    nParams++;
  }
  const referrer = clean(h.referer ?? "", 2048);
  const geo = e.geo.lookup(rawIp);
  const u = parseUa(ua);
  const ip = snap.settings.ipAnonymization ? anonymizeIp(rawIp) : rawIp;
  const cookies = parseCookies(h.cookie);
  const vidCookie = cookies[VISITOR_COOKIE];
  const knownVisitor = Boolean(vidCookie && isUuid(vidCookie));
  const visitorId = knownVisitor ? (vidCookie as string).toLowerCase() : newId();
  const clickId = newId();

  // Shared counters (memory or Redis), in parallel.
  // One-shot hash: a third of createHash().update().digest()'s cost.
  const uniqKey = `uq:${c.id}:${hash("sha1", `${rawIp}\0${ua}`, "base64url")}`;
  const [[clicks30s = 0, clicks5m = 0], freqCount, uniqueOwner] = await Promise.all([
    e.deps.counters.hitWindows(`fl:${rawIp}`, FLOOD_WINDOWS, 32),
    c.freqCapVisits > 0 ? e.deps.counters.hit(`fc:${c.id}:${rawIp}`, c.freqCapWindowMs, c.freqCapVisits + 1) : Promise.resolve(0),
    e.deps.counters.setIfAbsent(uniqKey, clickId, c.uniqueWindowMs),
  ]);
  const costSource = clickCost(c, take(src ? src.costParam : "cost"));
  const fraud = fraudScore({ ua, isBotUa: u.isBot, clicks30s, clicks5m, isp: geo.isp, blacklisted: e.isBlacklisted(rawIp) });
  if (fraud.score >= FRAUD.autoBlacklistAt) e.autoBlacklist(rawIp, fraud.score);

  const row: ClickRow = {
    id: clickId,
    campaignId: c.id,
    flowId: null,
    landingId: null,
    offerId: null,
    sourceId: src?.id ?? null,
    visitorId,
    createdAt: now,
    outcome: "ROUTED",
    ip,
    country: geo.country,
    region: geo.region,
    city: geo.city,
    isp: geo.isp,
    asn: geo.asn,
    os: u.os,
    osVersion: u.osVersion,
    browser: u.browser,
    browserVersion: u.browserVersion,
    deviceType: u.device,
    language: primaryLanguage(h["accept-language"]),
    userAgent: ua,
    referrer,
    referrerDomain: hostOf(referrer),
    sub1: take("sub1"),
    sub2: take("sub2"),
    sub3: take("sub3"),
    sub4: take("sub4"),
    sub5: take("sub5"),
    sourceClickId: take(src ? src.clickIdParam : "click_id"),
    extCampaignId: take(src?.campaignIdParam),
    extAdSetId: take(src?.adSetIdParam),
    extAdId: take(src?.adIdParam),
    extPlacement: take(src?.placementParam),
    params,
    cost: toAccountCost(c, costSource),
    costSource,
    costCurrency: c.costCurrency,
    isUnique: uniqueOwner === clickId,
    isBot: u.isBot,
    fraudScore: fraud.score,
    fraudReasons: fraud.reasons,
    landingClickedAt: null,
  };

  let landing: SnapLanding | null = null;
  let offer: SnapOffer | null = null;
  let flow: SnapFlow | null = null;
  let destination: string | null = null;
  if (c.botFilterEnabled && fraud.score >= FRAUD.blockAt) {
    row.outcome = "BOT_BLOCKED";
    e.reasons.bot_blocked++;
    destination = c.botRedirectUrl;
  } else if (c.freqCapVisits > 0 && freqCount > c.freqCapVisits) {
    row.outcome = "CAPPED";
    e.reasons.freq_capped++;
    destination = c.fallbackUrl || c.botRedirectUrl;
  } else {
    const fv: FilterVisitor = {
      country: row.country,
      region: row.region,
      city: row.city,
      device: row.deviceType,
      os: row.os,
      browser: row.browser,
      language: row.language,
      isp: row.isp,
      ip: rawIp,
      sub1: row.sub1,
      sub2: row.sub2,
      sub3: row.sub3,
      sub4: row.sub4,
      sub5: row.sub5,
      referrer,
      referrer_domain: row.referrerDomain,
      source_click_id: row.sourceClickId,
      now,
    };
    flow = selectFlow(c, fv);
    if (flow) {
      // Bound by the visitor cookie; by IP+UA for visitors without one (first visit, cookies blocked).
      const bindVid = `bind:${c.id}:${visitorId}`;
      const bindIpUa = `bind:${c.id}:${uniqKey}`;
      const bindKey = flow.binding !== "NONE" ? (vidCookie ? bindVid : bindIpUa) : "";
      let bound: string[] = [];
      if (bindKey) bound = ((await e.deps.counters.get(bindKey)) ?? "").split("|");
      const f = flow;
      if ((f.binding === "LANDING" || f.binding === "BOTH") && bound[0] === f.id && bound[1])
        landing = f.landings.find((l) => l.item.id === bound[1])?.item ?? null;
      if ((f.binding === "OFFER" || f.binding === "BOTH") && bound[0] === f.id && bound[2]) {
        const o = f.offers.find((x) => x.item.id === bound[2])?.item ?? null;
        offer = o && !e.caps.isCapped(o) ? o : null;
      }
      landing ??= pickWeighted(f.landings);
      offer ??= pickOffer(f.offers, e.caps.isCapped);
      if (bindKey) {
        const value = `${f.id}|${landing?.id ?? ""}|${offer?.id ?? ""}`;
        void e.deps.counters.set(bindVid, value, BINDING_MS).catch(() => {});
        void e.deps.counters.set(bindIpUa, value, BINDING_MS).catch(() => {});
      }
    } else if (c.defaultOffer?.active && !e.caps.isCapped(c.defaultOffer)) {
      offer = c.defaultOffer;
    }
    // A local lander with no offer left (all capped) still sends its CTAs to the fallback URL.
    if (!offer && (!landing || landing.type === "URL")) {
      landing = null;
      row.outcome = "FALLBACK";
      e.reasons.fallback++;
      destination = c.fallbackUrl;
    }
    row.flowId = flow?.id ?? null;
    row.landingId = landing?.id ?? null;
    row.offerId = offer?.id ?? null;
    if (landing?.protectionEnabled && (u.headless || u.isBot || SPY_REFERRER.test(referrer))) {
      row.outcome = "BOT_BLOCKED";
      row.fraudReasons = [...row.fraudReasons, "lander_protection"];
      e.reasons.lander_protection++;
      await e.writer.addClick(row, { id: visitorId, at: now, clickId, visits: 1, isNew: !knownVisitor }, null);
      return text(res, 403, "Access Denied");
    }
  }

  // Landing hit for a lander; an offer hit for a direct offer redirect, so {hit} exists there too.
  let hit: HitRow | null = null;
  if (row.outcome === "ROUTED" && (landing || offer))
    hit = {
      id: newId(),
      clickId,
      visitorId,
      campaignId: c.id,
      kind: landing ? "LANDING" : "OFFER",
      landingId: landing?.id ?? null,
      offerId: landing ? null : (offer?.id ?? null),
      createdAt: now,
    };
  // Rendered once: the batch's COPY row, and the form recent clicks are kept in.
  const line = flat(clickLine(row));
  await e.writer.addClick(row, { id: visitorId, at: now, clickId, visits: 1, isNew: !knownVisitor }, hit, line);
  // Kept in memory so its /offer works without a database read (and while the database is down).
  e.recent.set(clickId, line);

  const cookieHeaders = [
    `${CLICK_COOKIE}=${clickId}; Path=/; Max-Age=${CLICK_COOKIE_S}; SameSite=Lax`,
    `${VISITOR_COOKIE}=${visitorId}; Path=/; Max-Age=${VISITOR_COOKIE_S}; SameSite=Lax; HttpOnly`,
  ];
  if (row.outcome !== "ROUTED") {
    if (!destination) {
      e.reasons.no_destination++;
      return text(res, 404, "this campaign has no offer available right now", { "set-cookie": cookieHeaders });
    }
    return redirect(res, destination, cookieHeaders);
  }
  if (landing?.type === "LOCAL") {
    const html = renderLander({
      html: landing.html,
      click: row,
      countryName: geo.countryName,
      offerId: offer?.id ?? null,
      flowOfferIds: flow ? flow.offers.map((o) => o.item.id) : [],
      fallbackUrl: c.fallbackUrl,
      pixels: c.pixels,
    });
    res.writeHead(200, { ...LANDER_HEADERS, "content-length": Buffer.byteLength(html), "set-cookie": cookieHeaders });
    return void res.end(html);
  }
  const macros = clickMacros(row, { hit: hit?.id ?? "", hit_id: hit?.id ?? "" });
  let target: string | null;
  if (landing) {
    target = safeRedirect(landing.url, expandMacros(landing.url, macros));
    if (target && !/\{click_id\}/i.test(landing.url)) target = appendParam(target, "click_id", clickId);
  } else {
    const o = offer as SnapOffer;
    target = safeRedirect(o.url, expandMacros(o.url, macros));
    if (target && !/\{click_?id\}/i.test(o.url)) target = appendParam(target, o.clickIdParam, clickId);
  }
  if (!target) return text(res, 404, "the destination URL configured for this campaign is not a valid http(s) URL");
  target = appendParam(target, "vid", visitorId);
  if (c.pixels) {
    const page = intermediatePage(target, c.pixels);
    res.writeHead(200, { ...LANDER_HEADERS, "content-length": Buffer.byteLength(page), "set-cookie": cookieHeaders });
    return void res.end(page);
  }
  redirect(res, target, cookieHeaders);
}

/** Parameters a click without a traffic source reads itself (they are not kept among the other parameters). */
const NO_SOURCE_PARAMS: ReadonlySet<string> = new Set(["click_id", "cost"]);
const sourceParamSets = new WeakMap<SnapSource, ReadonlySet<string>>();

/** The query parameters the source's own fields come from, once per source of a snapshot. */
function sourceParams(src: SnapSource | null): ReadonlySet<string> {
  if (!src) return NO_SOURCE_PARAMS;
  let set = sourceParamSets.get(src);
  if (!set) {
    set = new Set([src.clickIdParam, src.costParam, src.campaignIdParam, src.adSetIdParam, src.adIdParam, src.placementParam].filter(Boolean));
    sourceParamSets.set(src, set);
  }
  return set;
}

const clean = (v: string, max = MAX_PARAM): string => (v.indexOf("\0") === -1 ? v : v.replace(/\0/g, "")).slice(0, max);

function clickCost(c: SnapCampaign, param: string): string {
  if (c.costModel !== "CPC" && c.costModel !== "CPM") return "0";
  // The source's {cost} macro wins over the campaign's bid when it is a plain decimal.
  if (param && /^\d{1,8}(\.\d{1,8})?$/.test(param)) return param;
  return c.clickCost;
}

/** The first language's primary subtag, 2-3 letters, lower case: "en-US,en;q=0.9" -> "en"; anything else "". */
const PRIMARY_LANGUAGE = /^\s*([a-z]{2,3})(?:-[^,;]*)?\s*(?:[;,]|$)/i;

export function primaryLanguage(header: string | undefined): string {
  if (!header) return "";
  const m = PRIMARY_LANGUAGE.exec(header);
  return m ? (m[1] as string).toLowerCase() : "";
}

function hostOf(url: string): string {
  if (!url) return "";
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:@]*@)?([^/?#:]+)/i.exec(url);
  return (m?.[2] ?? "").toLowerCase().slice(0, 255);
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i === -1) continue;
    out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

function redirect(res: ServerResponse, location: string, cookies: string[]) {
  res.writeHead(302, { location, "cache-control": "no-store", "content-length": "0", "set-cookie": cookies });
  res.end();
}

export function text(res: ServerResponse, status: number, body: string, headers: Record<string, string | string[]> = {}) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(body), "cache-control": "no-store", ...headers });
  res.end(body);
}
