// Everflow integration (the spec's "Test Connection" and "Import Offers"): the affiliate API with the network's
// key in X-Eflow-API-Key, through fetchUpstreamJson (the SSRF-guarded outbound client, failures in words). Imported
// offers are matched to existing ones by (network, external id), so importing again updates instead of duplicating.
import type { Actor } from "../../auth/actor.js";
import type { Deps } from "../../deps.js";
import type { AffiliateNetwork } from "../../generated/prisma/client.js";
import { UpstreamError, ValidationError } from "../../lib/errors.js";
import { fetchUpstreamJson } from "../integration-stats/upstream.js";
import { uuid } from "../shared/inputs.js";
import { mustFind, parseInput } from "../shared/write.js";
import { offerService } from "../offer/offer.service.js";

export const EVERFLOW_DEFAULT_API = "https://api.eflow.team";

interface EverflowOffer {
  network_offer_id?: number | string;
  name?: string;
  tracking_url?: string;
  preview_url?: string;
  currency_id?: string;
  offer_status?: string;
  relationship?: {
    payouts?: { entries?: Array<{ payout_type?: string; payout_amount?: number | string; payout_percentage?: number | string }> };
    ruleset?: { countries?: Array<{ country_code?: string }> };
  };
}

export const everflowBase = (n: Pick<AffiliateNetwork, "apiUrl">) => (n.apiUrl || EVERFLOW_DEFAULT_API).replace(/\/+$/, "");

async function fetchOffers(deps: Deps, network: AffiliateNetwork): Promise<EverflowOffer[]> {
  if (network.type !== "everflow") {
    throw new ValidationError([{ path: "type", message: `only everflow networks have an API integration (this one is ${network.type})` }]);
  }
  if (!network.apiKey) throw new ValidationError([{ path: "apiKey", message: "is required to connect to Everflow" }]);
  let body: unknown;
  try {
    body = await fetchUpstreamJson(deps, "Everflow", `${everflowBase(network)}/v1/affiliates/offersrunnable`, {
      headers: { "x-eflow-api-key": network.apiKey },
      maxBytes: 20 * 1024 * 1024,
    });
  } catch (err) {
    // On the network's form: a refused key is the key field's problem, anything else the API URL's.
    if (err instanceof UpstreamError) throw new ValidationError([{ path: err.reason === "REFUSED" ? "apiKey" : "apiUrl", message: err.message }]);
    throw err;
  }
  const offers = (body as { offers?: unknown } | null)?.offers;
  if (!Array.isArray(offers)) throw new ValidationError([{ path: "apiUrl", message: "the answer is not Everflow's offer list (JSON with an offers array)" }]);
  return offers as EverflowOffer[];
}

export async function testNetworkConnection(deps: Deps, id: string): Promise<{ ok: boolean; message: string; offerCount: number }> {
  parseInput(uuid, id);
  const network = await mustFind("AffiliateNetwork", id, deps.db.prisma.affiliateNetwork.findUnique({ where: { id } }));
  try {
    const offers = await fetchOffers(deps, network);
    return { ok: true, message: "Connection successful", offerCount: offers.length };
  } catch (err) {
    if (err instanceof ValidationError) return { ok: false, message: err.message, offerCount: 0 };
    throw err;
  }
}

const decimalOf = (v: unknown): string => {
  const s = String(v ?? "0").trim();
  return /^\d{1,14}(\.\d+)?$/.test(s) ? (s.includes(".") ? s.replace(/(\.\d{0,4}).*$/, "$1").replace(/\.$/, "") : s) : "0";
};

/** Adds the click id to an Everflow tracking link as sub2 unless the link already carries one. */
const withClickId = (url: string) => (/[?&]sub2=/.test(url) ? url : `${url}${url.includes("?") ? "&" : "?"}sub2={click_id}`);

export async function importNetworkOffers(deps: Deps, actor: Actor, id: string): Promise<{ created: number; updated: number; skipped: number }> {
  parseInput(uuid, id);
  const network = await mustFind("AffiliateNetwork", id, deps.db.prisma.affiliateNetwork.findUnique({ where: { id } }));
  const offers = await fetchOffers(deps, network);
  const result = { created: 0, updated: 0, skipped: 0 };
  for (const o of offers) {
    const externalId = String(o.network_offer_id ?? "").trim();
    if (!externalId || !o.name || !o.tracking_url || (o.offer_status && o.offer_status !== "active")) {
      result.skipped++;
      continue;
    }
    const entry = o.relationship?.payouts?.entries?.[0];
    const revshare = /rev|cps|percent/i.test(entry?.payout_type ?? "");
    const payout = decimalOf(revshare ? (entry?.payout_percentage ?? entry?.payout_amount) : entry?.payout_amount);
    const countries = (o.relationship?.ruleset?.countries ?? []).map((c) => String(c.country_code ?? "").toUpperCase()).filter((c) => /^[A-Z]{2}$/.test(c));
    const data = {
      name: o.name.slice(0, 200),
      url: withClickId(o.tracking_url),
      payoutType: revshare ? "REVSHARE" : "CPA",
      payout,
      currency: /^[A-Za-z]{3}$/.test(o.currency_id ?? "") ? (o.currency_id as string).toUpperCase() : "USD",
      networkId: network.id,
      externalId,
      geoPayouts: [...new Set(countries)].map((country) => ({ country, payout })),
    };
    const existing = await deps.db.prisma.offer.findFirst({ where: { networkId: network.id, externalId }, select: { id: true } });
    try {
      if (existing) {
        await offerService.update(deps, actor, { id: existing.id, ...data });
        result.updated++;
      } else {
        await offerService.create(deps, actor, data);
        result.created++;
      }
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      result.skipped++;
    }
  }
  return result;
}
