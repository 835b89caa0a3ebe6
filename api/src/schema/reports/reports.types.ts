// Shared GraphQL types of the reports section: dimensions, ranges, filters, metrics and deltas.
import { builder } from "../../graphql/builder.js";
import { DIMENSIONS } from "../../reports/dimensions.js";
import type { MetricDelta, Metrics } from "../../reports/metrics.js";
import { METRIC_NAMES } from "../../reports/metrics.js";
import { PRESETS, type RangeInput, type ResolvedRange } from "../../reports/params.js";

export const ReportDimension = builder.enumType("ReportDimension", { values: DIMENSIONS });
export const ReportMetric = builder.enumType("ReportMetric", { values: METRIC_NAMES });
export const DatePreset = builder.enumType("DatePreset", { values: PRESETS });
export const ReportRegistration = builder.enumType("ReportRegistration", {
  description: "Which time dates a conversion: VISIT (the click's) or POSTBACK (when it was recorded).",
  values: ["VISIT", "POSTBACK"] as const,
});

export const ReportFilterInput = builder.inputType("ReportFilterInput", {
  fields: (t) => ({
    dimension: t.field({ type: ReportDimension, required: true }),
    values: t.stringList({ required: true, description: "Any of these values; '' matches rows without one." }),
  }),
});

export const ReportRangeInput = builder.inputType("ReportRangeInput", {
  description: "A date range in a time zone. from/to are local dates (inclusive); a preset overrides them.",
  fields: (t) => ({
    preset: t.field({ type: DatePreset }),
    from: t.string({ description: "YYYY-MM-DD" }),
    to: t.string({ description: "YYYY-MM-DD, inclusive" }),
    timezone: t.string({ description: "IANA zone for day and hour boundaries; default the account's." }),
    registration: t.field({ type: ReportRegistration, description: "Override the account's conversion registration time." }),
    filters: t.field({ type: [ReportFilterInput] }),
  }),
});

type RangeArg =
  | {
      preset?: string | null;
      from?: string | null;
      to?: string | null;
      timezone?: string | null;
      registration?: string | null;
      filters?: Array<{ dimension: string; values: string[] }> | null;
    }
  | null
  | undefined;
export const rangeInput = (r: RangeArg): RangeInput => (r ?? {}) as RangeInput;

export const ReportRangeRef = builder.objectRef<ResolvedRange>("ReportRange").implement({
  fields: (t) => ({
    from: t.exposeString("from"),
    to: t.exposeString("to"),
    timezone: t.exposeString("timezone"),
    registration: t.field({ type: ReportRegistration, resolve: (r) => r.registration }),
    currency: t.exposeString("currency", { description: "Money in every report is in the account currency." }),
    start: t.field({ type: "DateTime", resolve: (r) => r.start }),
    end: t.field({ type: "DateTime", resolve: (r) => r.end, description: "Exclusive." }),
  }),
});

export const PeriodRef = builder.objectRef<{ from: string; to: string }>("ReportPeriod").implement({
  fields: (t) => ({ from: t.exposeString("from"), to: t.exposeString("to") }),
});

export const MetricsRef = builder.objectRef<Metrics>("ReportMetrics").implement({
  description: "The spec's metrics. Money in the account currency; ratios null when their divisor is zero.",
  fields: (t) => ({
    clicks: t.exposeInt("clicks"),
    unique: t.exposeInt("unique"),
    leads: t.exposeInt("leads"),
    conversions: t.exposeInt("conversions"),
    customers: t.exposeInt("customers"),
    cost: t.expose("cost", { type: "Decimal" }),
    revenue: t.expose("revenue", { type: "Decimal" }),
    profit: t.expose("profit", { type: "Decimal" }),
    roi: t.expose("roi", { type: "Decimal", nullable: true, description: "profit / cost * 100" }),
    cr: t.expose("cr", { type: "Decimal", nullable: true, description: "conversions / clicks * 100" }),
    epc: t.expose("epc", { type: "Decimal", nullable: true, description: "approved revenue / clicks" }),
    cpa: t.expose("cpa", { type: "Decimal", nullable: true, description: "cost / conversions" }),
    cpl: t.expose("cpl", { type: "Decimal", nullable: true, description: "cost / leads" }),
    aov: t.expose("aov", { type: "Decimal", nullable: true, description: "revenue / conversions" }),
    roas: t.expose("roas", { type: "Decimal", nullable: true, description: "revenue / cost" }),
    cac: t.expose("cac", { type: "Decimal", nullable: true, description: "cost / customers" }),
    ltv: t.expose("ltv", { type: "Decimal", nullable: true, description: "revenue / customers (rebills included)" }),
    rpc: t.expose("rpc", { type: "Decimal", nullable: true, description: "revenue (approved and pending) / clicks" }),
    repeatRate: t.expose("repeatRate", { type: "Decimal", nullable: true, description: "customers with 2+ conversions / customers * 100" }),
  }),
});

export const MetricDeltaRef = builder.objectRef<MetricDelta>("MetricDelta").implement({
  fields: (t) => ({
    metric: t.field({ type: ReportMetric, resolve: (d) => d.metric }),
    current: t.expose("current", { type: "Decimal", nullable: true }),
    previous: t.expose("previous", { type: "Decimal", nullable: true }),
    change: t.expose("change", { type: "Decimal", nullable: true }),
    changePct: t.expose("changePct", { type: "Decimal", nullable: true }),
  }),
});
