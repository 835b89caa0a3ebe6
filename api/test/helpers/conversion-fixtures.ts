// Rows the click engine would write (source, network, offer, campaign, click, hits, visitor), inserted directly so
// conversion tests do not depend on the click engine.
import type { Deps } from "../../src/deps.js";
import { newId } from "../../src/lib/ids.js";

export interface Fixture {
  sourceId: string;
  networkId: string;
  offerId: string;
  offer2Id: string;
  landingId: string;
  campaignId: string;
}

export async function createFixture(
  deps: Deps,
  o: { postbackUrl?: string; onStatusChange?: boolean; payout?: string; costModel?: "CPC" | "CPA" | "REVSHARE"; costValue?: string } = {},
): Promise<Fixture> {
  const p = deps.db.prisma;
  const sourceId = newId();
  const networkId = newId();
  const offerId = newId();
  const offer2Id = newId();
  const landingId = newId();
  const campaignId = newId();
  await p.trafficSource.create({
    data: { id: sourceId, name: `src-${sourceId.slice(-6)}`, postbackUrl: o.postbackUrl ?? "", postbackOnStatusChange: o.onStatusChange ?? false },
  });
  await p.affiliateNetwork.create({ data: { id: networkId, name: `net-${networkId.slice(-6)}` } });
  await p.offer.create({ data: { id: offerId, name: "Offer A", url: "https://offer.example/a?c={click_id}", payout: o.payout ?? "40", networkId } });
  await p.offer.create({ data: { id: offer2Id, name: "Offer B", url: "https://offer.example/b", payout: "7.5", networkId } });
  await p.offerPayout.create({ data: { id: newId(), offerId, country: "FR", payout: "25", currency: "USD" } });
  await p.offerPayout.create({ data: { id: newId(), offerId, country: "DE", payout: "20", currency: "EUR" } });
  await p.landingPage.create({ data: { id: landingId, name: "Lander", type: "URL", url: "https://lander.example/" } });
  await p.campaign.create({
    data: {
      id: campaignId,
      name: "Camp",
      slug: `camp-${campaignId.slice(-8)}`,
      defaultOfferId: offerId,
      sourceId,
      costModel: o.costModel ?? "CPC",
      costValue: o.costValue ?? "0",
    },
  });
  return { sourceId, networkId, offerId, offer2Id, landingId, campaignId };
}

export interface ClickRows {
  clickId: string;
  visitorId: string;
  landingHitId: string;
  offerHitId: string;
  offer2HitId: string;
}

/** A click with a visitor (live session), a landing hit and two offer hits (offer A, then offer B). */
export async function createClick(
  deps: Deps,
  f: Fixture,
  o: { country?: string; sourceClickId?: string; createdAt?: Date; sessionExpiresAt?: Date; visitorId?: string } = {},
): Promise<ClickRows> {
  const p = deps.db.prisma;
  const clickId = newId();
  const visitorId = o.visitorId ?? newId();
  const at = o.createdAt ?? new Date(Date.now() - 60_000);
  await p.visitor.upsert({
    where: { id: visitorId },
    create: {
      id: visitorId,
      firstSeenAt: at,
      lastSeenAt: at,
      sessionExpiresAt: o.sessionExpiresAt ?? new Date(Date.now() + 4 * 86_400_000),
      firstClickId: clickId,
      lastClickId: clickId,
    },
    update: { lastClickId: clickId, lastSeenAt: at },
  });
  await p.click.create({
    data: {
      id: clickId,
      campaignId: f.campaignId,
      offerId: f.offerId,
      landingId: f.landingId,
      sourceId: f.sourceId,
      visitorId,
      createdAt: at,
      country: o.country ?? "US",
      sourceClickId: o.sourceClickId ?? `src-${clickId.slice(-6)}`,
      sub1: "s1",
    },
  });
  const landingHitId = newId();
  const offerHitId = newId();
  const offer2HitId = newId();
  await p.hit.createMany({
    data: [
      { id: landingHitId, clickId, visitorId, campaignId: f.campaignId, kind: "LANDING", landingId: f.landingId, createdAt: new Date(at.getTime() + 1) },
      { id: offerHitId, clickId, visitorId, campaignId: f.campaignId, kind: "OFFER", offerId: f.offerId, createdAt: new Date(at.getTime() + 2) },
      { id: offer2HitId, clickId, visitorId, campaignId: f.campaignId, kind: "OFFER", offerId: f.offer2Id, createdAt: new Date(at.getTime() + 3) },
    ],
  });
  return { clickId, visitorId, landingHitId, offerHitId, offer2HitId };
}
