// Flow, lander and offer choice: forced flows first (first match in position order), then a weighted random pick
// among matching regular flows, then the default flow. Capped offers fall through to the next one in the flow.
import type { SnapCampaign, SnapFlow, SnapOffer, Weighted } from "../snapshot.js";
import { type FilterVisitor, matchesAll } from "./match-filters.js";

export type Random = () => number;

export function selectFlow(c: SnapCampaign, v: FilterVisitor, random: Random = Math.random): SnapFlow | null {
  for (const f of c.forced) if (matchesAll(f.filters, v, c.timezone)) return f;
  let total = 0;
  let matching: SnapFlow[] | null = null;
  for (const f of c.regular) {
    if (f.weight > 0 && matchesAll(f.filters, v, c.timezone)) {
      (matching ??= []).push(f);
      total += f.weight;
    }
  }
  if (matching) {
    let r = random() * total;
    for (const f of matching) {
      r -= f.weight;
      if (r < 0) return f;
    }
    return matching[matching.length - 1] as SnapFlow;
  }
  return c.defaultFlow;
}

/** Weighted random pick among `items` for which `ok` holds; null when none is left. */
export function pickWeighted<T>(items: Weighted<T>[], random: Random = Math.random, ok?: (item: T) => boolean): T | null {
  let total = 0;
  for (const w of items) if (!ok || ok(w.item)) total += w.weight;
  if (total <= 0) return null;
  let r = random() * total;
  let last: T | null = null;
  for (const w of items) {
    if (ok && !ok(w.item)) continue;
    last = w.item;
    r -= w.weight;
    if (r < 0) return w.item;
  }
  return last;
}

/** The offer for a click: weighted among the flow's uncapped offers; null when every one is capped. */
export function pickOffer(offers: Weighted<SnapOffer>[], capped: (o: SnapOffer) => boolean, random: Random = Math.random): SnapOffer | null {
  return pickWeighted(offers, random, (o) => !capped(o));
}
