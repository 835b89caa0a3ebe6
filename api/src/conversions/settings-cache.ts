// Account settings the conversion path reads on every postback (account currency, custom types, key/IP policy,
// exchange rates), cached per app instance: reloaded after `config:changed` and at most every few seconds.
import type { Deps } from "../deps.js";
import { RangeList } from "../lib/ip.js";

export interface ConversionSettings {
  accountCurrency: string;
  customTypes: string[];
  registration: "VISIT" | "POSTBACK";
  keyRequired: boolean;
  allowedIps: RangeList;
  /** 1 unit of currency = rate units of the account currency (decimal strings). */
  rates: Map<string, string>;
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
  const [s, rates] = await Promise.all([deps.db.prisma.settings.findUnique({ where: { id: 1 } }), deps.db.prisma.currencyRate.findMany()]);
  return {
    accountCurrency: s?.accountCurrency ?? "USD",
    customTypes: (s?.customConversionTypes ?? []).map((t) => t.toLowerCase()),
    registration: s?.conversionRegistration ?? "POSTBACK",
    keyRequired: s?.postbackKeyRequired ?? false,
    allowedIps: new RangeList(s?.postbackAllowedIps ?? []),
    rates: new Map(rates.map((r) => [r.currency.toUpperCase(), r.rate.toString()])),
  };
}
