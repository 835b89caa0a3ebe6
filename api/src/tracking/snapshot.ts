// The in-memory configuration snapshot the hot path reads instead of the database: campaigns with their flows,
// landers and offers, sources, domains, settings, the IP blacklist and offer-cap counts. Rebuilt on every
// `config:changed` (contract 5); while the database is unreachable the last good snapshot keeps serving.
import type { Deps } from "../deps.js";
import { mulDecimal } from "../lib/decimal.js";
import { RangeList } from "../lib/ip.js";
import { type CompiledFilter, compileFilters } from "./routing/match-filters.js";
import { flowFiltersSchema } from "./routing/filter-schema.js";

export interface SnapOffer {
  id: string;
  url: string;
  clickIdParam: string;
  dailyCap: number | null;
  totalCap: number | null;
  capTimezone: string;
  active: boolean;
}
export interface SnapLanding {
  id: string;
  type: "LOCAL" | "URL";
  url: string;
  html: string;
  protectionEnabled: boolean;
  active: boolean;
}
export interface Weighted<T> {
  item: T;
  weight: number;
}
export interface SnapFlow {
  id: string;
  type: "FORCED" | "REGULAR" | "DEFAULT";
  weight: number;
  filters: CompiledFilter[];
  binding: "NONE" | "LANDING" | "OFFER" | "BOTH";
  landings: Weighted<SnapLanding>[];
  /** In flow order: the order capped offers fall through, and CTA numbering of multi-offer landers. */
  offers: Weighted<SnapOffer>[];
}
export interface SnapSource {
  id: string;
  clickIdParam: string;
  costParam: string;
  campaignIdParam: string;
  adSetIdParam: string;
  adIdParam: string;
  placementParam: string;
}
export interface RetargetingPixels {
  facebookPixelId: string;
  googleTagId: string;
  tiktokPixelId: string;
  customScripts: string;
}
export interface SnapCampaign {
  id: string;
  slug: string;
  source: SnapSource | null;
  costModel: "CPC" | "CPM" | "CPA" | "REVSHARE";
  /** Per-click cost for CPC/CPM as a decimal string in costCurrency ("0" for CPA/RevShare, which cost at conversion time). */
  clickCost: string;
  /** The currency the source charges in (the source's, else the account's): clickCost and the {cost} macro are in it. */
  costCurrency: string;
  /** Account-currency units per costCurrency unit, or null when costCurrency is the account currency. */
  costRate: string | null;
  /** The hostname of the campaign's custom tracking domain, lower case; null when it has none. */
  domainHost: string | null;
  timezone: string;
  botFilterEnabled: boolean;
  botRedirectUrl: string;
  freqCapVisits: number;
  freqCapWindowMs: number;
  uniqueWindowMs: number;
  fallbackUrl: string;
  pixels: RetargetingPixels | null;
  defaultOffer: SnapOffer | null;
  forced: SnapFlow[];
  regular: SnapFlow[];
  defaultFlow: SnapFlow | null;
}
export interface Snapshot {
  builtAt: number;
  campaigns: Map<string, SnapCampaign>;
  offers: Map<string, SnapOffer>;
  landings: Map<string, SnapLanding>;
  domains: Set<string>;
  /** Custom domain -> the one active campaign linked to it, which its root path (`https://domain/?...`) runs. */
  domainCampaigns: Map<string, SnapCampaign>;
  settings: { ipAnonymization: boolean; timezone: string; geoipCityPath: string; geoipAsnPath: string; accountCurrency: string };
  blacklist: RangeList;
  blacklistEntries: Set<string>;
}

export const emptySnapshot = (): Snapshot => ({
  builtAt: 0,
  campaigns: new Map(),
  offers: new Map(),
  landings: new Map(),
  domains: new Set(),
  domainCampaigns: new Map(),
  settings: { ipAnonymization: false, timezone: "UTC", geoipCityPath: "", geoipAsnPath: "", accountCurrency: "USD" },
  blacklist: new RangeList([]),
  blacklistEntries: new Set(),
});

/** Moves the decimal point of a non-negative decimal string `places` to the left, exactly ("0.5", 3 -> "0.0005"). */
export function shiftDecimalLeft(value: string, places: number): string {
  const [int = "0", frac = ""] = value.split(".");
  const digits = (int.replace(/^0+/, "") || "0").padStart(places + 1, "0");
  const head = digits.slice(0, digits.length - places);
  const tail = digits.slice(digits.length - places) + frac;
  const trimmed = tail.replace(/0+$/, "");
  return trimmed ? `${head}.${trimmed}` : head;
}

const PLAIN_DECIMAL = /^\d{1,10}(\.\d{1,10})?$/;
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** The configuration rows a snapshot is built from; also persisted so a restart while PostgreSQL is down still routes. */
export type RawConfig = Awaited<ReturnType<typeof fetchConfig>>;

export async function fetchConfig(deps: Deps) {
  const p = deps.db.prisma;
  const [settings, campaigns, offers, landings, domains, blacklist, rates] = await Promise.all([
    // Only what routing needs: the persisted copy must not carry secrets (license keys, SMTP, API keys).
    p.settings.findUnique({
      where: { id: 1 },
      select: { ipAnonymization: true, timezone: true, geoipCityPath: true, geoipAsnPath: true, accountCurrency: true },
    }),
    p.campaign.findMany({
      where: { status: "ACTIVE" },
      include: {
        source: {
          select: {
            id: true,
            clickIdParam: true,
            costParam: true,
            campaignIdParam: true,
            adSetIdParam: true,
            adIdParam: true,
            placementParam: true,
            currency: true,
          },
        },
        flows: {
          where: { status: "ACTIVE" },
          orderBy: [{ position: "asc" }, { createdAt: "asc" }],
          include: { landings: { orderBy: { position: "asc" } }, offers: { orderBy: { position: "asc" } } },
        },
      },
    }),
    p.offer.findMany(),
    p.landingPage.findMany(),
    p.domain.findMany({ select: { id: true, hostname: true } }),
    p.ipBlacklist.findMany({ where: { OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] }, select: { cidr: true } }),
    p.currencyRate.findMany({ select: { currency: true, rate: true } }),
  ]);
  // Decimals as strings, so the persisted copy round-trips through JSON exactly.
  return { settings, campaigns, offers, landings, domains, blacklist, rates: rates.map((r) => ({ currency: r.currency, rate: r.rate.toFixed() })) };
}

export async function loadSnapshot(deps: Deps): Promise<{ snapshot: Snapshot; raw: RawConfig }> {
  const raw = await fetchConfig(deps);
  return { snapshot: buildSnapshot(raw, deps.logger), raw };
}

export function buildSnapshot(raw: RawConfig, logger: Deps["logger"]): Snapshot {
  const { settings, campaigns, offers, landings, domains, blacklist } = raw;
  const accountCurrency = (settings?.accountCurrency ?? "USD").toUpperCase();
  // Snapshots persisted before rates were part of them have none: costs then stay unconverted until a reload.
  const rates = new Map((raw.rates ?? []).filter((r) => PLAIN_DECIMAL.test(r.rate)).map((r) => [r.currency.trim().toUpperCase(), r.rate]));
  const hostById = new Map(domains.map((d) => [d.id, d.hostname.toLowerCase()]));
  const linkedCampaigns = new Map<string, SnapCampaign[]>();
  const offerMap = new Map<string, SnapOffer>();
  for (const o of offers)
    offerMap.set(o.id, {
      id: o.id,
      url: o.url,
      clickIdParam: o.clickIdParam,
      dailyCap: o.dailyCap,
      totalCap: o.totalCap,
      capTimezone: o.capTimezone || "UTC",
      active: o.status === "ACTIVE",
    });
  const landingMap = new Map<string, SnapLanding>();
  for (const l of landings)
    landingMap.set(l.id, {
      id: l.id,
      type: l.type,
      url: l.url,
      html: l.html,
      protectionEnabled: l.protectionEnabled,
      active: l.status === "ACTIVE",
    });
  const campaignMap = new Map<string, SnapCampaign>();
  for (const c of campaigns) {
    const flows: SnapFlow[] = [];
    for (const f of c.flows) {
      const parsed = flowFiltersSchema.safeParse(f.filters);
      if (!parsed.success) {
        logger.warn({ flowId: f.id }, "flow has invalid filters; skipped");
        continue;
      }
      flows.push({
        id: f.id,
        type: f.type,
        weight: Math.max(0, f.weight),
        filters: compileFilters(parsed.data),
        binding: f.binding,
        landings: f.landings
          .map((fl) => ({ item: landingMap.get(fl.landingId) as SnapLanding, weight: Math.max(0, fl.weight) }))
          .filter((w) => w.item?.active && w.weight > 0),
        offers: f.offers
          .map((fo) => ({ item: offerMap.get(fo.offerId) as SnapOffer, weight: Math.max(0, fo.weight) }))
          .filter((w) => w.item?.active && w.weight > 0),
      });
    }
    const rp = (c.retargetingPixels ?? {}) as Record<string, unknown>;
    const pixels: RetargetingPixels = {
      facebookPixelId: str(rp.facebookPixelId),
      googleTagId: str(rp.googleTagId),
      tiktokPixelId: str(rp.tiktokPixelId),
      customScripts: str(rp.customScripts),
    };
    const hasPixels = Boolean(pixels.facebookPixelId || pixels.googleTagId || pixels.tiktokPixelId || pixels.customScripts);
    const costValue = String(c.costValue);
    const s = c.source;
    const costCurrency = (s?.currency ?? accountCurrency).trim().toUpperCase();
    let costRate: string | null = null;
    if (costCurrency !== accountCurrency) {
      costRate = rates.get(costCurrency) ?? null;
      if (costRate === null)
        logger.warn(
          { campaignId: c.id, currency: costCurrency },
          "the campaign's traffic source charges in a currency with no exchange rate: click costs are recorded unconverted until one is set in Settings",
        );
    }
    const domainHost = c.domainId ? (hostById.get(c.domainId) ?? null) : null;
    const snap: SnapCampaign = {
      id: c.id,
      slug: c.slug,
      source: s
        ? {
            id: s.id,
            clickIdParam: s.clickIdParam,
            costParam: s.costParam,
            campaignIdParam: s.campaignIdParam,
            adSetIdParam: s.adSetIdParam,
            adIdParam: s.adIdParam,
            placementParam: s.placementParam,
          }
        : null,
      costModel: c.costModel,
      clickCost: c.costModel === "CPC" ? costValue : c.costModel === "CPM" ? shiftDecimalLeft(costValue, 3) : "0",
      costCurrency,
      costRate,
      domainHost,
      timezone: c.timezone || "UTC",
      botFilterEnabled: c.botFilterEnabled,
      botRedirectUrl: c.botRedirectUrl || "https://www.google.com/",
      freqCapVisits: c.freqCapVisits,
      freqCapWindowMs: c.freqCapWindowSec * 1000,
      uniqueWindowMs: c.uniqueWindowSec * 1000,
      fallbackUrl: c.fallbackUrl,
      pixels: hasPixels ? pixels : null,
      defaultOffer: c.defaultOfferId ? (offerMap.get(c.defaultOfferId) ?? null) : null,
      forced: flows.filter((f) => f.type === "FORCED"),
      regular: flows.filter((f) => f.type === "REGULAR"),
      // Several default flows are a configuration error; only the first runs (spec: Conflict Detection).
      defaultFlow: flows.find((f) => f.type === "DEFAULT") ?? null,
    };
    campaignMap.set(c.slug, snap);
    if (domainHost) linkedCampaigns.set(domainHost, [...(linkedCampaigns.get(domainHost) ?? []), snap]);
  }
  const domainCampaigns = new Map<string, SnapCampaign>();
  for (const [host, list] of linkedCampaigns) {
    if (list.length === 1) domainCampaigns.set(host, list[0] as SnapCampaign);
    else
      logger.warn(
        { domain: host, campaigns: list.map((x) => x.slug) },
        "several active campaigns use this domain: its root path answers 404 until one remains",
      );
  }
  const entries = blacklist.map((b) => b.cidr);
  return {
    builtAt: Date.now(),
    campaigns: campaignMap,
    offers: offerMap,
    landings: landingMap,
    domains: new Set(hostById.values()),
    domainCampaigns,
    settings: {
      ipAnonymization: settings?.ipAnonymization ?? false,
      timezone: settings?.timezone ?? "UTC",
      geoipCityPath: settings?.geoipCityPath ?? "",
      geoipAsnPath: settings?.geoipAsnPath ?? "",
      accountCurrency,
    },
    blacklist: new RangeList(entries),
    blacklistEntries: new Set(entries),
  };
}

/** A cost in the campaign's cost currency, converted to the account currency (6 decimals, the clicks column's scale). */
export function toAccountCost(c: SnapCampaign, cost: string): string {
  if (c.costRate === null || cost === "0") return cost;
  const converted = mulDecimal(cost, c.costRate, 6);
  // The column holds 8 integer digits: an absurd product must not fail the whole batch's insert.
  return converted.split(".")[0]!.length > 8 ? MAX_COST : converted;
}
const MAX_COST = "99999999.999999";
