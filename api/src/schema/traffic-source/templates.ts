// The ten traffic-source templates of the spec. Choosing one auto-fills the click id, cost and the external
// Campaign ID / Ad Set ID / Ad ID / Placement macros, and the postback URL the source expects.

import type { MacroFields } from "../campaign/tracking-link.js";

export interface SourceTemplate extends MacroFields {
  key: string;
  name: string;
  types: string;
  postbackUrl: string;
}

const t = (
  key: string,
  name: string,
  types: string,
  clickIdMacro: string,
  costMacro: string,
  [campaignIdMacro, adSetIdMacro, adIdMacro, placementMacro]: [string, string, string, string],
  postbackUrl: string,
): SourceTemplate => ({
  key,
  name,
  types,
  clickIdParam: "click_id",
  clickIdMacro,
  costParam: costMacro ? "cost" : "",
  costMacro,
  campaignIdParam: "campaign_id",
  campaignIdMacro,
  adSetIdParam: "adset_id",
  adSetIdMacro,
  adIdParam: "ad_id",
  adIdMacro,
  placementParam: "placement",
  placementMacro,
  postbackUrl,
});

export const SOURCE_TEMPLATES: SourceTemplate[] = [
  t(
    "kadam",
    "Kadam",
    "Push/Native/Pop",
    "{click_id}",
    "{cost}",
    ["{campaign_id}", "{group_id}", "{ad_id}", "{site_id}"],
    "https://kadam.net/api/postback?data={click_id}&sum={payout}",
  ),
  t(
    "propellerads",
    "PropellerAds",
    "Push/Pop/Interstitial",
    "${SUBID}",
    "${COST}",
    ["${CAMPAIGNID}", "${ZONEID}", "${BANNERID}", "${ZONEID}"],
    "https://ad.propellerads.com/conversion.php?aid=YOUR_AID&pid=&tid=YOUR_TID&visitor_id={click_id}&payout={payout}",
  ),
  t("meta", "Meta Ads", "Feed/Stories/Reels", "{{fbclid}}", "", ["{{campaign.id}}", "{{adset.id}}", "{{ad.id}}", "{{placement}}"], ""),
  t("tiktok", "TikTok Ads", "In-feed/Top-view", "__CLICKID__", "", ["__CAMPAIGN_ID__", "__AID__", "__CID__", "__PLACEMENT__"], ""),
  t("google", "Google Ads", "Search/Display/YouTube", "{gclid}", "", ["{campaignid}", "{adgroupid}", "{creative}", "{placement}"], ""),
  t(
    "taboola",
    "Taboola",
    "Native",
    "{click_id}",
    "{cpc}",
    ["{campaign_id}", "{campaign_item_id}", "{campaign_item_id}", "{site}"],
    "https://trc.taboola.com/actions-handler/log/3/s2s-action?click-id={click_id}&name=purchase&revenue={payout}",
  ),
  t(
    "mgid",
    "MGID",
    "Native/Content",
    "{click_id}",
    "{cpc}",
    ["{campaign_id}", "{teaser_id}", "{teaser_id}", "{widget_id}"],
    "https://a.mgid.com/postback?c={click_id}&e=purchase&r={payout}",
  ),
  t(
    "exoclick",
    "ExoClick",
    "Pop/Push/Native",
    "{conversions_tracking}",
    "{actual_cost}",
    ["{campaign_id}", "{variation_id}", "{variation_id}", "{zone_id}"],
    "https://s.exoclick.com/tag.php?goal=YOUR_GOAL&tag={click_id}&value={payout}",
  ),
  t(
    "richads",
    "RichAds",
    "Push/Pop/Direct",
    "${CLICK_ID}",
    "${CPC}",
    ["${CAMPAIGN_ID}", "${PUBLISHER_ID}", "${CREATIVE_ID}", "${SITE_ID}"],
    "https://xml.richads.com/api/conversion?key={click_id}&price={payout}",
  ),
  t("custom", "Custom", "Any", "", "", ["", "", "", ""], ""),
];

export const templateByKey = (key: string): SourceTemplate | undefined => SOURCE_TEMPLATES.find((x) => x.key === key);
