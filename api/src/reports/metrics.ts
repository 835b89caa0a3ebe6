// The spec's metrics from a group's base sums. Exact decimals throughout (decimal.js via Prisma): money is never
// a float. Formulas (docs: Metrics, E-Commerce Metrics):
//   profit = revenue - cost            ROI% = profit / cost * 100        CR% = conversions / clicks * 100
//   EPC = approved revenue / clicks    RPC = revenue / clicks            CPA = cost / conversions
//   CPL = cost / leads                 AOV = revenue / conversions       ROAS = revenue / cost
//   CAC = cost / customers             LTV = revenue / customers         repeat rate% = repeat customers / customers * 100
// where revenue counts approved and pending conversions (rejected, refunded and chargeback never count),
// conversions are the counted conversions other than leads, and a customer is a visitor (or a click without
// one) with at least one counted conversion. A ratio over zero is null.
import { Decimal } from "@prisma/client/runtime/client";

export interface BaseSums {
  clicks: number;
  unique: number;
  leads: number;
  conversions: number;
  /** Click cost plus conversion-time cost (CPA / RevShare), account currency. */
  cost: string;
  revenue: string;
  approvedRevenue: string;
  customers: number;
  repeatCustomers: number;
}

export interface Metrics {
  clicks: number;
  unique: number;
  leads: number;
  conversions: number;
  cost: string;
  revenue: string;
  profit: string;
  roi: string | null;
  cr: string | null;
  epc: string | null;
  cpa: string | null;
  cpl: string | null;
  aov: string | null;
  roas: string | null;
  cac: string | null;
  ltv: string | null;
  rpc: string | null;
  repeatRate: string | null;
  customers: number;
}

export const METRIC_NAMES = [
  "clicks",
  "unique",
  "leads",
  "conversions",
  "cost",
  "revenue",
  "profit",
  "roi",
  "cr",
  "epc",
  "cpa",
  "cpl",
  "aov",
  "roas",
  "cac",
  "ltv",
  "rpc",
  "repeatRate",
  "customers",
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export const emptySums = (): BaseSums => ({
  clicks: 0,
  unique: 0,
  leads: 0,
  conversions: 0,
  cost: "0",
  revenue: "0",
  approvedRevenue: "0",
  customers: 0,
  repeatCustomers: 0,
});

/** Money sums: 2 decimals shown for amounts, 4 for per-unit ratios, 2 for percentages. */
const money = (d: Decimal): string => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
const ratio = (n: Decimal, d: Decimal | number, dp = 4): string | null => {
  const den = new Decimal(d);
  return den.isZero() ? null : n.div(den).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).toFixed(dp);
};
const pct = (n: Decimal | number, d: Decimal | number): string | null => {
  const den = new Decimal(d);
  return den.isZero() ? null : new Decimal(n).mul(100).div(den).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
};

export function deriveMetrics(s: BaseSums): Metrics {
  const cost = new Decimal(s.cost);
  const revenue = new Decimal(s.revenue);
  const profit = revenue.minus(cost);
  return {
    clicks: s.clicks,
    unique: s.unique,
    leads: s.leads,
    conversions: s.conversions,
    customers: s.customers,
    cost: money(cost),
    revenue: money(revenue),
    profit: money(profit),
    roi: pct(profit, cost),
    cr: pct(s.conversions, s.clicks),
    epc: ratio(new Decimal(s.approvedRevenue), s.clicks),
    cpa: ratio(cost, s.conversions, 2),
    cpl: ratio(cost, s.leads, 2),
    aov: ratio(revenue, s.conversions, 2),
    roas: ratio(revenue, cost, 2),
    cac: ratio(cost, s.customers, 2),
    ltv: ratio(revenue, s.customers, 2),
    rpc: ratio(revenue, s.clicks),
    repeatRate: pct(s.repeatCustomers, s.customers),
  };
}

export function addSums(a: BaseSums, b: BaseSums): BaseSums {
  return {
    clicks: a.clicks + b.clicks,
    unique: a.unique + b.unique,
    leads: a.leads + b.leads,
    conversions: a.conversions + b.conversions,
    cost: new Decimal(a.cost).plus(b.cost).toFixed(),
    revenue: new Decimal(a.revenue).plus(b.revenue).toFixed(),
    approvedRevenue: new Decimal(a.approvedRevenue).plus(b.approvedRevenue).toFixed(),
    customers: a.customers + b.customers,
    repeatCustomers: a.repeatCustomers + b.repeatCustomers,
  };
}

export interface MetricDelta {
  metric: MetricName;
  current: string | null;
  previous: string | null;
  /** current - previous */
  change: string | null;
  /** (current - previous) / |previous| * 100; null when previous is 0 or either is null. */
  changePct: string | null;
}

export function deltas(cur: Metrics, prev: Metrics): MetricDelta[] {
  return METRIC_NAMES.map((metric) => {
    const c = cur[metric];
    const p = prev[metric];
    const cs = c === null ? null : String(c);
    const ps = p === null ? null : String(p);
    if (cs === null || ps === null) return { metric, current: cs, previous: ps, change: null, changePct: null };
    const diff = new Decimal(cs).minus(ps);
    const base = new Decimal(ps).abs();
    return {
      metric,
      current: cs,
      previous: ps,
      change: diff.toFixed(),
      changePct: base.isZero() ? null : diff.mul(100).div(base).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    };
  });
}

/** Sort comparator value for a metric (null sorts last). */
export function metricValue(m: Metrics, name: MetricName): Decimal | null {
  const v = m[name];
  return v === null ? null : new Decimal(v);
}
