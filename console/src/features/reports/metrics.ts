// The report metrics: label, kind (how to format) and whether up is good (for delta colours).
import type { ReportMetric } from "../../graphql/gql/graphql";
import { money, num, percent } from "../../composables/format";

export type MetricKind = "int" | "money" | "pct" | "ratio";
export interface MetricDef {
  key: ReportMetric;
  label: string;
  kind: MetricKind;
  upIsGood: boolean;
}

export const METRICS: MetricDef[] = [
  { key: "clicks", label: "Clicks", kind: "int", upIsGood: true },
  { key: "unique", label: "Unique", kind: "int", upIsGood: true },
  { key: "leads", label: "Leads", kind: "int", upIsGood: true },
  { key: "conversions", label: "Conversions", kind: "int", upIsGood: true },
  { key: "customers", label: "Customers", kind: "int", upIsGood: true },
  { key: "cost", label: "Cost", kind: "money", upIsGood: false },
  { key: "revenue", label: "Revenue", kind: "money", upIsGood: true },
  { key: "profit", label: "Profit", kind: "money", upIsGood: true },
  { key: "roi", label: "ROI", kind: "pct", upIsGood: true },
  { key: "roas", label: "ROAS", kind: "ratio", upIsGood: true },
  { key: "epc", label: "EPC", kind: "money", upIsGood: true },
  { key: "rpc", label: "RPC", kind: "money", upIsGood: true },
  { key: "cr", label: "CR", kind: "pct", upIsGood: true },
  { key: "cpa", label: "CPA", kind: "money", upIsGood: false },
  { key: "cpl", label: "CPL", kind: "money", upIsGood: false },
  { key: "aov", label: "AOV", kind: "money", upIsGood: true },
  { key: "cac", label: "CAC", kind: "money", upIsGood: false },
  { key: "ltv", label: "LTV", kind: "money", upIsGood: true },
  { key: "repeatRate", label: "Repeat rate", kind: "pct", upIsGood: true },
];
export const METRIC_BY_KEY = Object.fromEntries(METRICS.map((m) => [m.key, m])) as Record<ReportMetric, MetricDef>;

export function formatMetric(kind: MetricKind, value: unknown, currency?: string): string {
  if (value === null || value === undefined) return "—";
  switch (kind) {
    case "int":
      return num(value as number);
    case "money":
      return money(value as string, currency);
    case "pct":
      return percent(value as string, 1);
    default:
      return num(value as string, 2);
  }
}

/** "vs previous" delta text and its colour class. */
export function deltaView(def: MetricDef, changePct: string | null | undefined): { text: string; cls: string } | null {
  if (changePct === null || changePct === undefined) return null;
  const n = Number(changePct);
  if (!Number.isFinite(n)) return null;
  const good = n === 0 ? null : n > 0 === def.upIsGood;
  return { text: `${n > 0 ? "▲" : n < 0 ? "▼" : ""}${Math.abs(n).toFixed(1)}%`, cls: good === null ? "muted" : good ? "delta-up" : "delta-down" };
}
