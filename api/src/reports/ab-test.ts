// A/B test report for a flow's landers or offers. Statistics (documented in api/README.md):
//   Each variant's conversion rate p = converted clicks / clicks (a click converts when it has at least one
//   counted conversion). The leader is the variant with the highest p. Each other variant is compared with
//   the leader by a two-sided two-proportion z-test with pooled variance:
//     p̂ = (x1 + x2) / (n1 + n2),  SE = sqrt(p̂ (1 - p̂) (1/n1 + 1/n2)),  z = (p1 - p2) / SE,
//     p-value = 2 (1 - Φ(|z|)),  confidence = (1 - p-value) * 100.
//   The test is significant when the confidence against the runner-up reaches the chosen level (default 95%).
//   A winner is recommended only when every variant has at least 100 clicks and the test is significant.
import { sqltag } from "@prisma/client/runtime/client";
import { Decimal } from "@prisma/client/runtime/client";
import type { Deps } from "../deps.js";
import { NotFoundError, ValidationError } from "../lib/errors.js";
import { COUNTED } from "./base-sums.js";
import { sqlJoin } from "./dimensions.js";
import { type RangeInput, resolveRange } from "./params.js";

export const MIN_CLICKS_PER_VARIANT = 100;

/** Standard normal CDF, Φ(x) = erfc(-x / √2) / 2; matches a double-precision erfc to about 1e-16. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

// erfc by a Chebyshev expansion (Numerical Recipes, 3rd ed., section 6.2.2).
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 2 / (2 + z);
  const ty = 4 * t - 2;
  const cof = [
    -1.3026537197817094, 0.6419697923564902, 1.9476473204185836e-2, -9.561514786808631e-3, -9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5,
    -2.0278578112534e-5, -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10,
    -2.27365122e-10, 9.6467911e-11, 2.394038e-12, -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16,
    -2.8e-17,
  ];
  let d = 0;
  let dd = 0;
  for (let j = cof.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + (cof[j] as number);
    dd = tmp;
  }
  const r = t * Math.exp(-z * z + 0.5 * ((cof[0] as number) + ty * d) - dd);
  return x >= 0 ? r : 2 - r;
}

export interface ZTest {
  z: number;
  pValue: number;
  confidence: number;
}

export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): ZTest | null {
  if (n1 === 0 || n2 === 0) return null;
  const p = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: 0, pValue: 1, confidence: 0 };
  const z = (x1 / n1 - x2 / n2) / se;
  const pValue = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  return { z, pValue, confidence: (1 - pValue) * 100 };
}

export interface AbVariant {
  id: string;
  name: string;
  clicks: number;
  conversions: number;
  revenue: string;
  cr: string | null;
  epc: string | null;
  /** Against the leader (null for the leader itself). */
  zScore: number | null;
  pValue: number | null;
  confidence: number | null;
  isLeader: boolean;
}

export interface AbReport {
  flowId: string;
  kind: "LANDING" | "OFFER";
  variants: AbVariant[];
  confidenceLevel: number;
  /** Confidence that the leader beats the runner-up. */
  confidence: number | null;
  significant: boolean;
  enoughData: boolean;
  winnerId: string | null;
  recommendation: string;
}

export interface AbInput extends RangeInput {
  flowId: string;
  kind: "LANDING" | "OFFER";
  confidenceLevel?: number | null;
}

export async function abTestReport(deps: Deps, input: AbInput): Promise<AbReport> {
  const level = input.confidenceLevel ?? 95;
  if (!/^[0-9a-f-]{36}$/i.test(input.flowId)) throw new ValidationError([{ path: "flowId", message: "expected a flow id" }]);
  if (!(level > 50 && level < 100)) throw new ValidationError([{ path: "confidenceLevel", message: "between 50 and 100 (percent)" }]);
  const flow = await deps.db.prisma.flow.findUnique({
    where: { id: input.flowId },
    include: { landings: { include: { landing: { select: { id: true, name: true } } } }, offers: { include: { offer: { select: { id: true, name: true } } } } },
  });
  if (!flow) throw new NotFoundError("Flow", input.flowId);
  const variants = input.kind === "LANDING" ? flow.landings.map((l) => l.landing) : flow.offers.map((o) => o.offer);
  const range = await resolveRange(deps, input);
  const col = input.kind === "LANDING" ? "landing_id" : "offer_id";
  // Conversions belong to the clicks in the range (visit time), so every click has its own outcome.
  const rows = await deps.db.sql.query<{ v: string; clicks: string; conv: string; rev: string }>(
    sqlJoin([
      `SELECT c.${col}::text AS v, count(*) AS clicks, count(cv.click_id) AS conv, coalesce(sum(cv.rev), 0) AS rev FROM clicks c LEFT JOIN (SELECT cv.click_id, sum(cv.revenue_account) AS rev FROM conversions cv WHERE `,
      COUNTED,
      " AND cv.flow_id = ",
      sqltag`${flow.id}::uuid`,
      " GROUP BY cv.click_id) cv ON cv.click_id = c.id WHERE c.flow_id = ",
      sqltag`${flow.id}::uuid`,
      " AND c.created_at >= ",
      sqltag`${range.start}`,
      " AND c.created_at < ",
      sqltag`${range.end}`,
      ` AND c.${col} IS NOT NULL GROUP BY c.${col}`,
    ]),
  );
  const by = new Map(rows.map((r) => [r.v, r]));
  const base = variants.map((v) => {
    const r = by.get(v.id);
    const clicks = Number(r?.clicks ?? 0);
    const conversions = Number(r?.conv ?? 0);
    const revenue = new Decimal(r?.rev ?? 0);
    return {
      id: v.id,
      name: v.name,
      clicks,
      conversions,
      revenue: revenue.toFixed(2),
      cr: clicks ? new Decimal(conversions).mul(100).div(clicks).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2) : null,
      epc: clicks ? revenue.div(clicks).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4) : null,
      rate: clicks ? conversions / clicks : -1,
    };
  });
  const ranked = [...base].sort((a, b) => b.rate - a.rate || b.clicks - a.clicks);
  const leader = ranked[0];
  const out: AbVariant[] = base.map((v) => {
    const test = leader && v.id !== leader.id ? twoProportionZTest(leader.conversions, leader.clicks, v.conversions, v.clicks) : null;
    return {
      id: v.id,
      name: v.name,
      clicks: v.clicks,
      conversions: v.conversions,
      revenue: v.revenue,
      cr: v.cr,
      epc: v.epc,
      zScore: test ? round(test.z, 4) : null,
      pValue: test ? round(test.pValue, 6) : null,
      confidence: test ? round(test.confidence, 2) : null,
      isLeader: leader?.id === v.id,
    };
  });
  const runnerUp = ranked[1] ? out.find((v) => v.id === ranked[1]?.id) : undefined;
  const confidence = runnerUp?.confidence ?? null;
  const enoughData = base.length >= 2 && base.every((v) => v.clicks >= MIN_CLICKS_PER_VARIANT);
  const significant = confidence !== null && confidence >= level;
  const winnerId = enoughData && significant && leader ? leader.id : null;
  const recommendation =
    base.length < 2
      ? "Add a second variant to the flow to run a test."
      : !enoughData
        ? `Keep the test running: every variant needs at least ${MIN_CLICKS_PER_VARIANT} clicks.`
        : winnerId
          ? `${leader?.name} wins with ${confidence?.toFixed(2)}% confidence; send it more traffic.`
          : `No significant difference yet (${confidence?.toFixed(2) ?? "0.00"}% < ${level}%); keep the test running.`;
  return { flowId: flow.id, kind: input.kind, variants: out, confidenceLevel: level, confidence, significant, enoughData, winnerId, recommendation };
}

const round = (x: number, dp: number): number => Math.round(x * 10 ** dp) / 10 ** dp;
