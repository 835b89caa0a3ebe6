// Reports section: dashboard, grouped reports with drill-down and comparison, clicks log, export.
import { builder } from "../../graphql/builder.js";
import { SortDirection } from "../../graphql/shared.js";
import { type ClickLogPage, type ClickLogRow, clicksLog } from "../../reports/clicks-log.js";
import { type Dashboard, dashboard, type SeriesPoint } from "../../reports/dashboard.js";
import type { Dimension } from "../../reports/dimensions.js";
import { type GroupedReport, type GroupedRow, groupedReport } from "../../reports/grouped-report.js";
import type { MetricName } from "../../reports/metrics.js";
import { groupedExport } from "../../reports/report-export.js";
import { MetricDeltaRef, MetricsRef, PeriodRef, rangeInput, ReportDimension, ReportMetric, ReportRangeInput, ReportRangeRef } from "./reports.types.js";
import "./analytics.schema.js";

const SeriesPointRef = builder.objectRef<SeriesPoint>("SeriesPoint").implement({
  fields: (t) => ({ bucket: t.exposeString("bucket"), metrics: t.field({ type: MetricsRef, resolve: (p) => p.metrics }) }),
});

const DashboardRef = builder.objectRef<Dashboard>("DashboardStats").implement({
  fields: (t) => ({
    range: t.field({ type: ReportRangeRef, resolve: (d) => d.range }),
    granularity: t.exposeString("granularity", { description: "hour or date" }),
    totals: t.field({ type: MetricsRef, resolve: (d) => d.totals }),
    series: t.field({ type: [SeriesPointRef], resolve: (d) => d.series }),
    previousRange: t.field({ type: PeriodRef, nullable: true, resolve: (d) => d.previousRange }),
    previousTotals: t.field({ type: MetricsRef, nullable: true, resolve: (d) => d.previousTotals }),
    deltas: t.field({ type: [MetricDeltaRef], nullable: true, resolve: (d) => d.deltas }),
  }),
});

const GroupedRowRef = builder.objectRef<GroupedRow>("ReportRow").implement({
  fields: (t) => ({
    keys: t.exposeStringList("keys", { description: "One raw value per groupBy dimension (ids for entities)." }),
    labels: t.exposeStringList("labels"),
    metrics: t.field({ type: MetricsRef, resolve: (r) => r.metrics }),
    previous: t.field({ type: MetricsRef, nullable: true, resolve: (r) => r.previous }),
    deltas: t.field({ type: [MetricDeltaRef], nullable: true, resolve: (r) => r.deltas }),
  }),
});

const GroupedReportRef = builder.objectRef<GroupedReport>("GroupedReport").implement({
  fields: (t) => ({
    range: t.field({ type: ReportRangeRef, resolve: (r) => r.range }),
    groupBy: t.field({ type: [ReportDimension], resolve: (r) => r.groupBy }),
    rows: t.field({ type: [GroupedRowRef], resolve: (r) => r.rows }),
    totalRows: t.exposeInt("totalRows"),
    totals: t.field({ type: MetricsRef, resolve: (r) => r.totals }),
    previousRange: t.field({ type: PeriodRef, nullable: true, resolve: (r) => r.previousRange }),
    previousTotals: t.field({ type: MetricsRef, nullable: true, resolve: (r) => r.previousTotals }),
    totalDeltas: t.field({ type: [MetricDeltaRef], nullable: true, resolve: (r) => r.totalDeltas }),
  }),
});

export const GroupedReportInput = builder.inputType("GroupedReportInput", {
  fields: (t) => ({
    range: t.field({ type: ReportRangeInput }),
    groupBy: t.field({ type: [ReportDimension], required: true, description: "1 to 3 dimensions; 2+ is a drill-down." }),
    sortBy: t.field({ type: ReportMetric, description: "Default clicks; rows with equal values sort by key." }),
    sortByKey: t.boolean({ description: "Sort by the group keys instead of a metric." }),
    sortDirection: t.field({ type: SortDirection }),
    limit: t.int({ description: "1 to 10000, default 100" }),
    offset: t.int(),
    compare: t.boolean({ description: "Also compute the previous period of equal length, with deltas." }),
  }),
});

type GroupedArg = typeof GroupedReportInput.$inferInput;
export const groupedArgs = (i: GroupedArg) => ({
  ...rangeInput(i.range),
  groupBy: i.groupBy as Dimension[],
  sortBy: i.sortByKey ? ("key" as const) : ((i.sortBy ?? null) as MetricName | null),
  sortDirection: i.sortDirection ?? null,
  limit: i.limit ?? null,
  offset: i.offset ?? null,
  compare: i.compare ?? null,
});

const ClickLogRowRef = builder.objectRef<ClickLogRow>("ClickLogRow").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    createdAt: t.field({ type: "DateTime", resolve: (r) => r.createdAt }),
    campaignId: t.exposeID("campaignId"),
    flowId: t.exposeID("flowId", { nullable: true }),
    landingId: t.exposeID("landingId", { nullable: true }),
    offerId: t.exposeID("offerId", { nullable: true }),
    sourceId: t.exposeID("sourceId", { nullable: true }),
    visitorId: t.exposeID("visitorId"),
    outcome: t.exposeString("outcome"),
    ip: t.exposeString("ip"),
    country: t.exposeString("country"),
    region: t.exposeString("region"),
    city: t.exposeString("city"),
    isp: t.exposeString("isp"),
    os: t.exposeString("os"),
    browser: t.exposeString("browser"),
    deviceType: t.exposeString("deviceType"),
    language: t.exposeString("language"),
    referrerDomain: t.exposeString("referrerDomain"),
    sub1: t.exposeString("sub1"),
    sub2: t.exposeString("sub2"),
    sub3: t.exposeString("sub3"),
    sub4: t.exposeString("sub4"),
    sub5: t.exposeString("sub5"),
    extCampaignId: t.exposeString("extCampaignId"),
    extAdSetId: t.exposeString("extAdSetId"),
    extAdId: t.exposeString("extAdId"),
    extPlacement: t.exposeString("extPlacement"),
    cost: t.expose("cost", { type: "Decimal", description: "In the account currency." }),
    costSource: t.expose("costSource", {
      type: "Decimal",
      nullable: true,
      description: "The cost as the traffic source charged it, in costCurrency (null on clicks recorded before it was kept).",
    }),
    costCurrency: t.exposeString("costCurrency", { description: "The currency of costSource; empty when unknown." }),
    isUnique: t.exposeBoolean("isUnique"),
    isBot: t.exposeBoolean("isBot"),
    fraudScore: t.exposeInt("fraudScore"),
  }),
});

const ClickLogEdge = builder.objectRef<{ node: ClickLogRow; cursor: string }>("ClickLogEdge").implement({
  fields: (t) => ({ node: t.field({ type: ClickLogRowRef, resolve: (e) => e.node }), cursor: t.exposeString("cursor") }),
});
const ClickLogPageInfo = builder.objectRef<{ hasNextPage: boolean; endCursor: string | null }>("ClickLogPageInfo").implement({
  fields: (t) => ({ hasNextPage: t.exposeBoolean("hasNextPage"), endCursor: t.exposeString("endCursor", { nullable: true }) }),
});
const ClickLogConnection = builder.objectRef<ClickLogPage>("ClickLogConnection").implement({
  fields: (t) => ({
    edges: t.field({
      type: [ClickLogEdge],
      resolve: (p) => p.rows.map((node) => ({ node, cursor: Buffer.from(`${new Date(node.createdAt).toISOString()}|${node.id}`).toString("base64url") })),
    }),
    nodes: t.field({ type: [ClickLogRowRef], resolve: (p) => p.rows }),
    pageInfo: t.field({ type: ClickLogPageInfo, resolve: (p) => ({ hasNextPage: p.hasNextPage, endCursor: p.endCursor }) }),
  }),
});

const ExportFormat = builder.enumType("ExportFormat", { values: ["CSV", "JSON"] as const });
const ReportExportRef = builder.objectRef<{ contentType: string; filename: string; body: string }>("ReportExport").implement({
  fields: (t) => ({ contentType: t.exposeString("contentType"), filename: t.exposeString("filename"), body: t.exposeString("body") }),
});

builder.queryFields((t) => ({
  dashboardStats: t.field({
    type: DashboardRef,
    authScopes: { read: "reports" },
    args: {
      range: t.arg({ type: ReportRangeInput }),
      campaignIds: t.arg.idList(),
      compare: t.arg.boolean(),
    },
    resolve: (_r, a, ctx) => dashboard(ctx.deps, { ...rangeInput(a.range), campaignIds: a.campaignIds ?? null, compare: a.compare ?? null }),
  }),
  report: t.field({
    type: GroupedReportRef,
    authScopes: { read: "reports" },
    args: { input: t.arg({ type: GroupedReportInput, required: true }) },
    resolve: (_r, a, ctx) => groupedReport(ctx.deps, groupedArgs(a.input)),
  }),
  clicksLog: t.field({
    type: ClickLogConnection,
    authScopes: { read: "reports" },
    args: { range: t.arg({ type: ReportRangeInput }), first: t.arg.int(), after: t.arg.string() },
    resolve: (_r, a, ctx) => clicksLog(ctx.deps, { ...rangeInput(a.range), first: a.first ?? null, after: a.after ?? null }),
  }),
  exportReport: t.field({
    type: ReportExportRef,
    authScopes: { read: "reports" },
    description: "A grouped report as CSV or JSON (all rows up to 10000).",
    args: { input: t.arg({ type: GroupedReportInput, required: true }), format: t.arg({ type: ExportFormat, required: true }) },
    resolve: (_r, a, ctx) => groupedExport(ctx.deps, groupedArgs(a.input), a.format === "CSV" ? "csv" : "json"),
  }),
}));
