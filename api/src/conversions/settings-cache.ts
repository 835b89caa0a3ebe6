// Account settings the conversion path reads on every postback (account currency, custom types, key/IP policy,
// exchange rates), cached per app instance: reloaded after `config:changed` and at most every few seconds.
import type { Deps } from "../deps.js";
import { ValidationError } from "../lib/errors.js";
import { RangeList } from "../lib/ip.js";

export interface ConversionSettings {
  accountCurrency: string;
  customTypes: string[];
  registration: "VISIT" | "POSTBACK";
  keyRequired: boolean;
  allowedIps: RangeList;
  /** 1 unit of currency = rate units of the account currency (decimal strings). */
  rates: Map<string, string>;
  /** sha256 of the active install-wide postback keys. */
  installKeys: Set<string>;
  /** sha256 of every active key, install-wide or per network. */
  allKeys: Set<string>;
  /** Networks that require a key or restrict IPs (only those). */
  networkPolicies: Map<string, { requireKey: boolean; allowedIps: RangeList; keys: Set<string> }>;
}

/** The currencies amounts may be given in: the account's, then every one with an exchange rate. */
export const acceptedCurrencies = (s: ConversionSettings): string[] => [s.accountCurrency, ...s.rates.keys()];

/**
 * Account-currency units per unit of `currency` (null when it is the account currency), or a ValidationError on
 * `path` naming the accepted currencies when Settings has no rate for it.
 */
export function rateFor(s: ConversionSettings, currency: string, path = "currency"): string | null {
  if (currency === s.accountCurrency) return null;
  const rate = s.rates.get(currency);
  if (rate === undefined) {
    throw new ValidationError([{ path, message: `no exchange rate for ${currency.slice(0, 8)}; accepted: ${acceptedCurrencies(s).join(", ")}` }]);
  }
  return rate;
}

const TTL_MS = 5_000;
const caches = new WeakMap<Deps, { value: Promise<ConversionSettings>; at: number; listening: boolean }>();

export function invalidateConversionSettings(deps: Deps): void {
  caches.delete(deps);
}

export function conversionSettings(deps: Deps): Promise<ConversionSettings> {
  const hit = caches.get(deps);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = load(deps);
  const entry = { value, at: Date.now(), listening: hit?.listening ?? false };
  caches.set(deps, entry);
  value.catch(() => caches.delete(deps));
  if (!entry.listening) {
    entry.listening = true;
    void listen(deps);
  }
  return value;
}

async function listen(deps: Deps) {
  try {
    for await (const _ of deps.bus.subscribe("config:changed")) {
      const e = caches.get(deps);
      if (e) e.at = 0;
    }
  } catch {
    /* bus closed */
  }
}

async function load(deps: Deps): Promise<ConversionSettings> {
  const [s, rates, keys, networks] = await Promise.all([
    deps.db.prisma.settings.findUnique({ where: { id: 1 } }),
    deps.db.prisma.currencyRate.findMany(),
    deps.db.prisma.postbackKey.findMany({ where: { revokedAt: null }, select: { networkId: true, keyHash: true } }),
    deps.db.prisma.affiliateNetwork.findMany({
      where: { OR: [{ requireKey: true }, { NOT: { allowedIps: { isEmpty: true } } }] },
      select: { id: true, requireKey: true, allowedIps: true },
    }),
  ]);
  const networkPolicies = new Map(
    networks.map((n) => [
      n.id,
      { requireKey: n.requireKey, allowedIps: new RangeList(n.allowedIps), keys: new Set(keys.filter((k) => k.networkId === n.id).map((k) => k.keyHash)) },
    ]),
  );
  return {
    accountCurrency: s?.accountCurrency ?? "USD",
    customTypes: (s?.customConversionTypes ?? []).map((t) => t.toLowerCase()),
    registration: s?.conversionRegistration ?? "POSTBACK",
    keyRequired: s?.postbackKeyRequired ?? false,
    allowedIps: new RangeList(s?.postbackAllowedIps ?? []),
    rates: new Map(rates.map((r) => [r.currency.toUpperCase(), r.rate.toFixed()])),
    installKeys: new Set(keys.filter((k) => k.networkId === null).map((k) => k.keyHash)),
    allKeys: new Set(keys.map((k) => k.keyHash)),
    networkPolicies,
  };
}
