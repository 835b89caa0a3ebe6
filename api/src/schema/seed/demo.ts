// Demo configuration for `pnpm seed`: a traffic source, an affiliate network, offers with geo payouts, a local
// and a redirect lander, and a campaign with a regular, a forced and a default flow. Idempotent: a second run
// finds the demo campaign and changes nothing. Writes go through the same services (validation, audit).
import { systemActor } from "../../auth/actor.js";
import { ROLE_PERMISSIONS } from "../../auth/permissions.js";
import type { Deps } from "../../deps.js";
import { createCampaign } from "../campaign/campaign.service.js";
import { flowService } from "../flow/flow.service.js";
import { landingService } from "../landing/landing.service.js";
import { networkService, postbackTemplateFor } from "../network/network.service.js";
import { offerService } from "../offer/offer.service.js";
import { publicBase } from "../shared/public-url.js";
import { createTrafficSource } from "../traffic-source/traffic-source.service.js";

export const DEMO_SLUG = "demo-push";

const LANDER_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>Is your device protected?</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>Visitors from {{city}} are at risk</h1>
<p>Your {{os}} device on {{isp}} may be exposed. Run a free scan now.</p>
<p><a href="{offer}" style="padding:1em 2em;background:#2563eb;color:#fff;text-decoration:none">Scan now</a></p>
</body></html>`;

export interface SeedResult {
  created: boolean;
  campaignId: string;
  slug: string;
  trackingLink: string;
}

export async function seedDemo(deps: Deps): Promise<SeedResult> {
  const base = publicBase(deps);
  const existing = await deps.db.prisma.campaign.findUnique({ where: { slug: DEMO_SLUG } });
  if (existing) return { created: false, campaignId: existing.id, slug: DEMO_SLUG, trackingLink: `${base}/c/${DEMO_SLUG}` };
  const actor = { ...systemActor(ROLE_PERMISSIONS.ADMIN), name: "seed" };

  const source = await createTrafficSource(deps, actor, { name: "Kadam (demo)", template: "kadam" });
  const network = await networkService.create(deps, actor, {
    name: "Everflow (demo)",
    type: "everflow",
    postbackTemplate: postbackTemplateFor("everflow", base),
  });
  const antivirus = await offerService.create(deps, actor, {
    name: "Antivirus Pro (demo)",
    url: "https://offers.example.com/antivirus?sub2={click_id}&country={country}",
    payout: "40",
    networkId: network.id,
    dailyCap: 100,
    capTimezone: "America/New_York",
    geoPayouts: [
      { country: "US", payout: "40" },
      { country: "FR", payout: "25" },
      { country: "DE", payout: "28" },
    ],
  });
  const vpn = await offerService.create(deps, actor, {
    name: "VPN Shield (demo)",
    url: "https://offers.example.com/vpn?sub2={click_id}",
    payoutType: "CPA",
    payout: "12.5",
    networkId: network.id,
  });
  const scanLander = await landingService.create(deps, actor, { name: "Device scan (demo)", type: "LOCAL", html: LANDER_HTML, steps: ["Landing", "Scan"] });
  const wpLander = await landingService.create(deps, actor, {
    name: "Review page (demo)",
    type: "URL",
    url: "https://landers.example.com/review?cid={click_id}",
  });

  const campaign = await createCampaign(deps, actor, {
    name: "Antivirus US Push (demo)",
    slug: DEMO_SLUG,
    sourceId: source.id,
    defaultOfferId: antivirus.id,
    costModel: "CPC",
    costValue: "0.05",
    botFilterEnabled: true,
    fallbackUrl: "https://offers.example.com/antivirus",
  });
  await flowService.create(deps, actor, {
    campaignId: campaign.id,
    name: "Bots and datacenter traffic",
    type: "FORCED",
    filters: [{ field: "device", operator: "equals", value: "bot" }],
    offers: [{ offerId: vpn.id, weight: 100 }],
  });
  await flowService.create(deps, actor, {
    campaignId: campaign.id,
    name: "US / CA mobile",
    type: "REGULAR",
    filters: [
      { field: "country", operator: "in", value: ["US", "CA"] },
      { field: "device", operator: "in", value: ["mobile", "tablet"] },
    ],
    binding: "LANDING",
    landings: [
      { landingId: scanLander.id, weight: 100 },
      { landingId: wpLander.id, weight: 50 },
    ],
    offers: [
      { offerId: antivirus.id, weight: 100 },
      { offerId: vpn.id, weight: 25 },
    ],
  });
  await flowService.create(deps, actor, {
    campaignId: campaign.id,
    name: "Everyone else",
    type: "DEFAULT",
    landings: [{ landingId: scanLander.id }],
    offers: [{ offerId: antivirus.id }],
  });
  return { created: true, campaignId: campaign.id, slug: DEMO_SLUG, trackingLink: `${base}/c/${DEMO_SLUG}` };
}
