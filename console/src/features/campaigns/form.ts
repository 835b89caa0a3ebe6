// The campaign form: flat editable state, client validation mirroring the API's rules (api/src/schema/campaign/
// campaign.service.ts), and the mapping to CreateCampaignInput.
import type { CostModel, CreateCampaignInput, EntityStatus } from "../../graphql/gql/graphql";

export interface CampaignForm {
  name: string;
  slug: string;
  status: EntityStatus;
  sourceId: string;
  defaultOfferId: string;
  domainId: string;
  timezone: string;
  costModel: CostModel;
  costValue: string;
  botFilterEnabled: boolean;
  botRedirectUrl: string;
  freqCapVisits: number;
  freqCapWindowSec: number;
  uniqueWindowSec: number;
  fallbackUrl: string;
  externalCampaignIds: string;
  facebookPixelId: string;
  googleTagId: string;
  tiktokPixelId: string;
  customScripts: string;
  fbPixelId: string;
  fbAccessToken: string;
  hasFbAccessToken: boolean;
  capiTiktokPixelId: string;
  tiktokAccessToken: string;
  hasTiktokAccessToken: boolean;
  googleConversionId: string;
  googleConversionLabel: string;
}

export function emptyCampaignForm(): CampaignForm {
  return {
    name: "",
    slug: "",
    status: "ACTIVE",
    sourceId: "",
    defaultOfferId: "",
    domainId: "",
    timezone: "UTC",
    costModel: "CPC",
    costValue: "0",
    botFilterEnabled: true,
    botRedirectUrl: "",
    freqCapVisits: 0,
    freqCapWindowSec: 86_400,
    uniqueWindowSec: 86_400,
    fallbackUrl: "",
    externalCampaignIds: "",
    facebookPixelId: "",
    googleTagId: "",
    tiktokPixelId: "",
    customScripts: "",
    fbPixelId: "",
    fbAccessToken: "",
    hasFbAccessToken: false,
    capiTiktokPixelId: "",
    tiktokAccessToken: "",
    hasTiktokAccessToken: false,
    googleConversionId: "",
    googleConversionLabel: "",
  };
}

interface CampaignLike {
  name: string;
  slug: string;
  status: EntityStatus;
  costModel: CostModel;
  costValue: string;
  timezone: string;
  uniqueWindowSec: number;
  botFilterEnabled: boolean;
  botRedirectUrl: string;
  freqCapVisits: number;
  freqCapWindowSec: number;
  externalCampaignIds: string[];
  fallbackUrl: string;
  source?: { id: string } | null;
  defaultOffer?: { id: string } | null;
  domain?: { id: string } | null;
  retargetingPixels: { facebookPixelId: string; googleTagId: string; tiktokPixelId: string; customScripts: string };
  audiencePassback: {
    fbPixelId: string;
    hasFbAccessToken: boolean;
    tiktokPixelId: string;
    hasTiktokAccessToken: boolean;
    googleConversionId: string;
    googleConversionLabel: string;
  };
}

export function formFromCampaign(c: CampaignLike): CampaignForm {
  return {
    ...emptyCampaignForm(),
    name: c.name,
    slug: c.slug,
    status: c.status,
    sourceId: c.source?.id ?? "",
    defaultOfferId: c.defaultOffer?.id ?? "",
    domainId: c.domain?.id ?? "",
    timezone: c.timezone,
    costModel: c.costModel,
    costValue: c.costValue,
    botFilterEnabled: c.botFilterEnabled,
    botRedirectUrl: c.botRedirectUrl,
    freqCapVisits: c.freqCapVisits,
    freqCapWindowSec: c.freqCapWindowSec,
    uniqueWindowSec: c.uniqueWindowSec,
    fallbackUrl: c.fallbackUrl,
    externalCampaignIds: c.externalCampaignIds.join("\n"),
    ...c.retargetingPixels,
    fbPixelId: c.audiencePassback.fbPixelId,
    hasFbAccessToken: c.audiencePassback.hasFbAccessToken,
    capiTiktokPixelId: c.audiencePassback.tiktokPixelId,
    hasTiktokAccessToken: c.audiencePassback.hasTiktokAccessToken,
    googleConversionId: c.audiencePassback.googleConversionId,
    googleConversionLabel: c.audiencePassback.googleConversionLabel,
  };
}

const SLUG = /^[a-z0-9][a-z0-9_-]{0,79}$/;
const DECIMAL = /^\d+(\.\d{1,6})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

export function validateCampaignForm(f: CampaignForm): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.name.trim()) e.name = "Give the campaign a name.";
  if (!SLUG.test(f.slug)) e.slug = "1-80 lowercase letters, digits, - or _, starting with a letter or digit.";
  if (!DECIMAL.test(f.costValue.trim())) e.costValue = "A number like 0.05 (up to 6 decimals).";
  if (f.defaultOfferId && !UUID.test(f.defaultOfferId)) e.defaultOfferId = "Pick an offer.";
  if (f.domainId && !UUID.test(f.domainId)) e.domainId = "Pick a domain.";
  if (f.botRedirectUrl && !isUrl(f.botRedirectUrl)) e.botRedirectUrl = "An http(s) URL.";
  if (f.fallbackUrl && !isUrl(f.fallbackUrl)) e.fallbackUrl = "An http(s) URL.";
  if (!Number.isInteger(f.freqCapVisits) || f.freqCapVisits < 0) e.freqCapVisits = "0 (off) or more.";
  if (!Number.isInteger(f.freqCapWindowSec) || f.freqCapWindowSec < 1 || f.freqCapWindowSec > 30 * 86_400) e.freqCapWindowSec = "1 second to 30 days.";
  if (!Number.isInteger(f.uniqueWindowSec) || f.uniqueWindowSec < 1 || f.uniqueWindowSec > 30 * 86_400) e.uniqueWindowSec = "1 second to 30 days.";
  if (f.facebookPixelId && !/^\d{1,20}$/.test(f.facebookPixelId)) e["retargetingPixels.facebookPixelId"] = "The numeric Facebook Pixel ID.";
  return e;
}

export function toCampaignInput(f: CampaignForm): CreateCampaignInput {
  return {
    name: f.name.trim(),
    slug: f.slug.trim(),
    status: f.status,
    ...(f.sourceId ? { sourceId: f.sourceId } : {}),
    ...(f.defaultOfferId ? { defaultOfferId: f.defaultOfferId } : {}),
    ...(f.domainId ? { domainId: f.domainId } : {}),
    timezone: f.timezone.trim() || "UTC",
    costModel: f.costModel,
    costValue: f.costValue.trim(),
    botFilterEnabled: f.botFilterEnabled,
    botRedirectUrl: f.botRedirectUrl.trim(),
    freqCapVisits: f.freqCapVisits,
    freqCapWindowSec: f.freqCapWindowSec,
    uniqueWindowSec: f.uniqueWindowSec,
    fallbackUrl: f.fallbackUrl.trim(),
    externalCampaignIds: f.externalCampaignIds
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean),
    retargetingPixels: { facebookPixelId: f.facebookPixelId, googleTagId: f.googleTagId, tiktokPixelId: f.tiktokPixelId, customScripts: f.customScripts },
    audiencePassback: {
      fbPixelId: f.fbPixelId,
      tiktokPixelId: f.capiTiktokPixelId,
      googleConversionId: f.googleConversionId,
      googleConversionLabel: f.googleConversionLabel,
      // Write-only tokens: sent only when typed, so an empty field keeps the stored one.
      ...(f.fbAccessToken ? { fbAccessToken: f.fbAccessToken } : {}),
      ...(f.tiktokAccessToken ? { tiktokAccessToken: f.tiktokAccessToken } : {}),
    },
  };
}
