// The dashboard's integration tabs: which exist, and the combined third-party + Trackily stats of each. Reads
// with the dashboard's scope; a failing third party comes back as an UpstreamError result, not a GraphQL error.
import { builder } from "../../graphql/builder.js";
import { NotFoundError, UpstreamError, ValidationError } from "../../lib/errors.js";
import { rangeInput, ReportRangeInput, ReportRangeRef } from "../reports/reports.types.js";
import { type EverflowSide, type EverflowStats, type EverflowStatsRow, everflowStats, type TrackilySide } from "./everflow-stats.js";
import { type KadamStats, type KadamStatsRow, kadamStats } from "./kadam-stats.js";
import { type DashboardIntegration, dashboardIntegrations } from "./integration-tabs.js";

const IntegrationKindRef = builder.enumType("DashboardIntegrationKind", { values: ["EVERFLOW", "KADAM"] as const });

const DashboardIntegrationRef = builder.objectRef<DashboardIntegration>("DashboardIntegration").implement({
  description: "A dashboard tab for a connected affiliate network (EVERFLOW: id is the network's) or traffic source (KADAM: the source's).",
  fields: (t) => ({
    kind: t.field({ type: IntegrationKindRef, resolve: (i) => i.kind }),
    id: t.exposeID("id"),
    name: t.exposeString("name"),
  }),
});

const EntityNameRef = builder.objectRef<{ id: string; name: string }>("IntegrationLinkedEntity").implement({
  fields: (t) => ({ id: t.exposeID("id"), name: t.exposeString("name") }),
});

const EverflowSideRef = builder.objectRef<EverflowSide>("EverflowSideStats").implement({
  description: "Everflow's own figures; revenue is what the network pays us, in the account currency.",
  fields: (t) => ({
    clicks: t.exposeInt("clicks"),
    conversions: t.exposeInt("conversions"),
    revenue: t.expose("revenue", { type: "Decimal" }),
  }),
});

const TrackilySideRef = builder.objectRef<TrackilySide>("TrackilySideStats").implement({
  description: "Trackily's figures for the same offers and range (conversions include leads). Account currency.",
  fields: (t) => ({
    clicks: t.exposeInt("clicks"),
    conversions: t.exposeInt("conversions"),
    revenue: t.expose("revenue", { type: "Decimal" }),
    cost: t.expose("cost", { type: "Decimal" }),
  }),
});

const roiDescription = "(Everflow revenue - Trackily cost) / Trackily cost * 100; null when the cost is 0.";

const EverflowRowRef = builder.objectRef<EverflowStatsRow>("EverflowOfferStats").implement({
  fields: (t) => ({
    externalId: t.exposeString("externalId", { description: "Everflow's network_offer_id (Offer.externalId)." }),
    label: t.exposeString("label"),
    offers: t.field({ type: [EntityNameRef], resolve: (r) => r.offers, description: "Trackily offers imported from it; empty when none." }),
    everflow: t.field({ type: EverflowSideRef, resolve: (r) => r.everflow }),
    trackily: t.field({ type: TrackilySideRef, resolve: (r) => r.trackily }),
    roi: t.expose("roi", { type: "Decimal", nullable: true, description: roiDescription }),
  }),
});

const EverflowTotalsRef = builder.objectRef<EverflowStats["totals"]>("EverflowStatsTotals").implement({
  fields: (t) => ({
    everflow: t.field({ type: EverflowSideRef, resolve: (r) => r.everflow }),
    trackily: t.field({ type: TrackilySideRef, resolve: (r) => r.trackily }),
    roi: t.expose("roi", { type: "Decimal", nullable: true, description: roiDescription }),
  }),
});

const EverflowZoneRef = builder.objectRef<EverflowStats["timezone"]>("EverflowTimezone").implement({
  fields: (t) => ({
    id: t.exposeInt("id", { description: "Everflow's timezone_id." }),
    name: t.exposeString("name"),
    matched: t.exposeBoolean("matched", { description: "false: Everflow lists no zone for the report's, so UTC (67) was used." }),
  }),
});

const EverflowStatsRef = builder.objectRef<EverflowStats>("EverflowStats").implement({
  fields: (t) => ({
    range: t.field({ type: ReportRangeRef, resolve: (s) => s.range }),
    networkId: t.exposeID("networkId"),
    networkName: t.exposeString("networkName"),
    timezone: t.field({ type: EverflowZoneRef, resolve: (s) => s.timezone }),
    rows: t.field({ type: [EverflowRowRef], resolve: (s) => s.rows }),
    totals: t.field({ type: EverflowTotalsRef, resolve: (s) => s.totals }),
  }),
});

const KadamFiguresRef = builder.interfaceRef<KadamStats["totals"]>("KadamFigures").implement({
  description: "Kadam's figures next to Trackily's; money in the account currency unless named otherwise.",
  fields: (t) => ({
    impressions: t.exposeInt("impressions"),
    clicks: t.exposeInt("clicks", { description: "Kadam's clicks." }),
    ctr: t.expose("ctr", { type: "Decimal", nullable: true, description: "clicks / impressions * 100" }),
    costSource: t.expose("costSource", { type: "Decimal", description: "Kadam's spend in the source's currency." }),
    cost: t.expose("cost", { type: "Decimal", description: "Kadam's spend in the account currency." }),
    trackilyClicks: t.exposeInt("trackilyClicks"),
    trackilyConversions: t.exposeInt("trackilyConversions", { description: "Leads and other conversions." }),
    trackilyRevenue: t.expose("trackilyRevenue", { type: "Decimal" }),
    profit: t.expose("profit", { type: "Decimal", description: "Trackily revenue - Kadam cost." }),
    roi: t.expose("roi", { type: "Decimal", nullable: true, description: "profit / cost * 100; null when the cost is 0." }),
  }),
});

const KadamTotalsRef = builder.objectRef<KadamStats["totals"]>("KadamStatsTotals").implement({ interfaces: [KadamFiguresRef], fields: () => ({}) });

const KadamRowRef = builder.objectRef<KadamStatsRow>("KadamCampaignStats").implement({
  interfaces: [KadamFiguresRef],
  fields: (t) => ({
    externalCampaignId: t.exposeString("externalCampaignId"),
    campaigns: t.field({ type: [EntityNameRef], resolve: (r) => r.campaigns, description: "Trackily campaigns that list this id." }),
  }),
});

const KadamStatsRef = builder.objectRef<KadamStats>("KadamStats").implement({
  fields: (t) => ({
    range: t.field({ type: ReportRangeRef, resolve: (s) => s.range }),
    sourceId: t.exposeID("sourceId"),
    sourceName: t.exposeString("sourceName"),
    sourceCurrency: t.exposeString("sourceCurrency"),
    rows: t.field({ type: [KadamRowRef], resolve: (s) => s.rows }),
    totals: t.field({ type: KadamTotalsRef, resolve: (s) => s.totals }),
  }),
});

const statsErrors = { types: [UpstreamError, ValidationError, NotFoundError] };

builder.queryFields((t) => ({
  dashboardIntegrations: t.field({
    type: [DashboardIntegrationRef],
    authScopes: { read: "reports" },
    description: "The dashboard's integration tabs: Everflow networks with an API key, Kadam sources with a key and linked campaigns.",
    resolve: (_r, _a, ctx) => dashboardIntegrations(ctx.deps),
  }),
  everflowStats: t.field({
    type: EverflowStatsRef,
    authScopes: { read: "reports" },
    errors: statsErrors,
    description: "Everflow's per-offer figures next to Trackily's for the network's imported offers (Everflow answers cached 60 s).",
    args: { networkId: t.arg.id({ required: true }), range: t.arg({ type: ReportRangeInput }) },
    resolve: (_r, a, ctx) => everflowStats(ctx.deps, a.networkId, rangeInput(a.range)),
  }),
  kadamStats: t.field({
    type: KadamStatsRef,
    authScopes: { read: "reports" },
    errors: statsErrors,
    description: "Kadam's per-campaign figures next to Trackily's for the clicks carrying each external campaign id (answers cached 60 s).",
    args: { sourceId: t.arg.id({ required: true }), range: t.arg({ type: ReportRangeInput }) },
    resolve: (_r, a, ctx) => kadamStats(ctx.deps, a.sourceId, rangeInput(a.range)),
  }),
}));
