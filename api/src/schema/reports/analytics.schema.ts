// Funnels, attribution, A/B tests and the optimizer API (reports section).
import { builder } from "../../graphql/builder.js";
import { type AbReport, type AbVariant, abTestReport } from "../../reports/ab-test.js";
import { ATTRIBUTION_MODELS, type AttributionRow, attributionReport } from "../../reports/attribution.js";
import { ecommerceFunnel, type FunnelStepRow, multiStepFunnel } from "../../reports/funnel.js";
import { type OptimizerRow, type OptimizerStats, optimizerStats } from "../../reports/optimizer.js";
import { MetricsRef, rangeInput, ReportRangeInput, ReportRegistration } from "./reports.types.js";

const FunnelStepRef = builder.objectRef<FunnelStepRow>("FunnelStep").implement({
  fields: (t) => ({
    step: t.exposeInt("step"),
    name: t.exposeString("name"),
    count: t.exposeInt("count"),
    pctOfFirst: t.expose("pctOfFirst", { type: "Decimal", nullable: true }),
    pctOfPrevious: t.expose("pctOfPrevious", { type: "Decimal", nullable: true }),
    dropOff: t.exposeInt("dropOff"),
    dropOffPct: t.expose("dropOffPct", { type: "Decimal", nullable: true }),
  }),
});
const FunnelRef = builder.objectRef<{ steps: FunnelStepRow[]; clicks?: number }>("Funnel").implement({
  fields: (t) => ({
    steps: t.field({ type: [FunnelStepRef], resolve: (f) => f.steps }),
    clicks: t.int({ nullable: true, description: "Clicks in the range (multi-step funnels).", resolve: (f) => f.clicks ?? null }),
  }),
});

const AttributionModelEnum = builder.enumType("AttributionModel", { values: ATTRIBUTION_MODELS });
const AttributionGroup = builder.enumType("AttributionGroup", { values: ["source", "campaign"] as const });
const AttributionRowRef = builder.objectRef<AttributionRow>("AttributionRow").implement({
  fields: (t) => ({
    key: t.exposeString("key"),
    label: t.exposeString("label"),
    conversions: t.expose("conversions", { type: "Decimal", description: "Fractional conversions credited." }),
    revenue: t.expose("revenue", { type: "Decimal" }),
  }),
});
const AttributionRef = builder
  .objectRef<{ rows: AttributionRow[]; model: (typeof ATTRIBUTION_MODELS)[number]; revenue: string; conversions: number }>("AttributionReport")
  .implement({
    fields: (t) => ({
      model: t.field({ type: AttributionModelEnum, resolve: (r) => r.model }),
      rows: t.field({ type: [AttributionRowRef], resolve: (r) => r.rows }),
      revenue: t.expose("revenue", { type: "Decimal" }),
      conversions: t.exposeInt("conversions"),
    }),
  });

const AbKind = builder.enumType("AbTestKind", { values: ["LANDING", "OFFER"] as const });
const AbVariantRef = builder.objectRef<AbVariant>("AbTestVariant").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    clicks: t.exposeInt("clicks"),
    conversions: t.exposeInt("conversions", { description: "Clicks with at least one counted conversion." }),
    revenue: t.expose("revenue", { type: "Decimal" }),
    cr: t.expose("cr", { type: "Decimal", nullable: true }),
    epc: t.expose("epc", { type: "Decimal", nullable: true }),
    zScore: t.exposeFloat("zScore", { nullable: true, description: "Two-proportion z against the leader." }),
    pValue: t.exposeFloat("pValue", { nullable: true }),
    confidence: t.exposeFloat("confidence", { nullable: true, description: "(1 - p) * 100 against the leader." }),
    isLeader: t.exposeBoolean("isLeader"),
  }),
});
const AbRef = builder.objectRef<AbReport>("AbTestReport").implement({
  fields: (t) => ({
    flowId: t.exposeID("flowId"),
    kind: t.field({ type: AbKind, resolve: (r) => r.kind }),
    variants: t.field({ type: [AbVariantRef], resolve: (r) => r.variants }),
    confidenceLevel: t.exposeFloat("confidenceLevel"),
    confidence: t.exposeFloat("confidence", { nullable: true }),
    significant: t.exposeBoolean("significant"),
    enoughData: t.exposeBoolean("enoughData", { description: "Every variant has 100+ clicks." }),
    winnerId: t.exposeID("winnerId", { nullable: true }),
    recommendation: t.exposeString("recommendation"),
  }),
});

const OptimizerLevel = builder.enumType("OptimizerLevel", { values: ["campaign", "adset", "ad", "placement"] as const });
const OptimizerRowRef = builder.objectRef<OptimizerRow>("OptimizerRow").implement({
  fields: (t) => ({
    campaignId: t.exposeString("campaignId", { description: "The source's own campaign id." }),
    adSetId: t.exposeString("adSetId", { nullable: true }),
    adId: t.exposeString("adId", { nullable: true }),
    placement: t.exposeString("placement", { nullable: true }),
    metrics: t.field({ type: MetricsRef, resolve: (r) => r }),
  }),
});
const OptimizerRef = builder.objectRef<OptimizerStats>("OptimizerStats").implement({
  fields: (t) => ({
    sourceId: t.id({ resolve: (s) => s.source.id }),
    sourceName: t.string({ resolve: (s) => s.source.name }),
    level: t.field({ type: OptimizerLevel, resolve: (s) => s.level }),
    from: t.exposeString("from"),
    to: t.exposeString("to"),
    timezone: t.exposeString("timezone"),
    currency: t.exposeString("currency"),
    registrationTime: t.field({ type: ReportRegistration, resolve: (s) => s.registrationTime }),
    rows: t.field({ type: [OptimizerRowRef], resolve: (s) => s.rows }),
  }),
});

builder.queryFields((t) => ({
  funnelReport: t.field({
    type: FunnelRef,
    authScopes: { read: "reports" },
    description: "Multi-step lander funnel: clicks in the range reaching each reported step. Filter by country/device via range.filters.",
    args: { campaignId: t.arg.id({ required: true }), landingId: t.arg.id(), range: t.arg({ type: ReportRangeInput }) },
    resolve: (_r, a, ctx) => multiStepFunnel(ctx.deps, { ...rangeInput(a.range), campaignId: a.campaignId, landingId: a.landingId ?? null }),
  }),
  ecommerceFunnel: t.field({
    type: FunnelRef,
    authScopes: { read: "reports" },
    description: "Page view -> add to cart -> checkout -> purchase (distinct visitors), with rates between steps.",
    args: { campaignId: t.arg.id(), range: t.arg({ type: ReportRangeInput }) },
    resolve: (_r, a, ctx) => ecommerceFunnel(ctx.deps, { ...rangeInput(a.range), campaignId: a.campaignId ?? null }),
  }),
  attributionReport: t.field({
    type: AttributionRef,
    authScopes: { read: "reports" },
    args: {
      model: t.arg({ type: AttributionModelEnum, required: true }),
      groupBy: t.arg({ type: AttributionGroup, required: true }),
      campaignId: t.arg.id(),
      lookbackDays: t.arg.int(),
      range: t.arg({ type: ReportRangeInput }),
    },
    resolve: (_r, a, ctx) =>
      attributionReport(ctx.deps, {
        ...rangeInput(a.range),
        model: a.model,
        groupBy: a.groupBy,
        campaignId: a.campaignId ?? null,
        lookbackDays: a.lookbackDays ?? null,
      }),
  }),
  abTestReport: t.field({
    type: AbRef,
    authScopes: { read: "reports" },
    args: {
      flowId: t.arg.id({ required: true }),
      kind: t.arg({ type: AbKind, required: true }),
      confidenceLevel: t.arg.float(),
      range: t.arg({ type: ReportRangeInput }),
    },
    resolve: (_r, a, ctx) => abTestReport(ctx.deps, { ...rangeInput(a.range), flowId: a.flowId, kind: a.kind, confidenceLevel: a.confidenceLevel ?? null }),
  }),
  optimizerStats: t.field({
    type: OptimizerRef,
    authScopes: { read: "reports" },
    description: "For optimizer tools (API key with reports read): stats by the source's campaign / ad set / ad / placement.",
    args: { sourceId: t.arg.id({ required: true }), level: t.arg({ type: OptimizerLevel }), range: t.arg({ type: ReportRangeInput }) },
    resolve: (_r, a, ctx) => optimizerStats(ctx.deps, { ...rangeInput(a.range), sourceId: a.sourceId, level: a.level ?? null }),
  }),
}));
