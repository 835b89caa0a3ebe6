// Optimizer-ready stats (TheOptimizer-style tools): one traffic source, a date range, grouped by the source's
// own Campaign ID / Ad Set ID / Ad ID / Placement; money in the account currency, and the response states the
// conversion registration time and zone the figures were computed with, so the tool's settings can match.
import type { Deps } from "../deps.js";
import { NotFoundError, ValidationError } from "../lib/errors.js";
import type { Dimension } from "./dimensions.js";
import { groupedReport } from "./grouped-report.js";
import type { Metrics } from "./metrics.js";
import type { RangeInput } from "./params.js";

export const OPTIMIZER_LEVELS = {
  campaign: ["extCampaignId"],
  adset: ["extCampaignId", "extAdSetId"],
  ad: ["extCampaignId", "extAdSetId", "extAdId"],
  placement: ["extCampaignId", "extPlacement"],
} as const satisfies Record<string, Dimension[]>;
export type OptimizerLevel = keyof typeof OPTIMIZER_LEVELS;

export interface OptimizerRow extends Metrics {
  campaignId: string;
  adSetId: string | null;
  adId: string | null;
  placement: string | null;
}

export interface OptimizerStats {
  source: { id: string; name: string };
  level: OptimizerLevel;
  from: string;
  to: string;
  timezone: string;
  currency: string;
  registrationTime: "VISIT" | "POSTBACK";
  rows: OptimizerRow[];
}

export async function optimizerStats(deps: Deps, input: RangeInput & { sourceId: string; level?: string | null }): Promise<OptimizerStats> {
  const level = (input.level ?? "campaign") as OptimizerLevel;
  if (!(level in OPTIMIZER_LEVELS)) throw new ValidationError([{ path: "level", message: `use one of ${Object.keys(OPTIMIZER_LEVELS).join(", ")}` }]);
  if (!/^[0-9a-f-]{36}$/i.test(input.sourceId)) throw new ValidationError([{ path: "source_id", message: "expected a traffic source id" }]);
  const source = await deps.db.prisma.trafficSource.findUnique({ where: { id: input.sourceId }, select: { id: true, name: true } });
  if (!source) throw new NotFoundError("TrafficSource", input.sourceId);
  const groupBy = [...OPTIMIZER_LEVELS[level]] as Dimension[];
  const report = await groupedReport(deps, {
    ...input,
    filters: [...(input.filters ?? []), { dimension: "source", values: [source.id] }],
    groupBy,
    sortBy: "key",
    sortDirection: "ASC",
    limit: 10_000,
  });
  const pick = (keys: string[], d: Dimension): string | null => {
    const i = groupBy.indexOf(d);
    return i < 0 ? null : (keys[i] ?? "");
  };
  return {
    source,
    level,
    from: report.range.from,
    to: report.range.to,
    timezone: report.range.timezone,
    currency: report.range.currency,
    registrationTime: report.range.registration,
    rows: report.rows.map((r) => ({
      campaignId: pick(r.keys, "extCampaignId") ?? "",
      adSetId: pick(r.keys, "extAdSetId"),
      adId: pick(r.keys, "extAdId"),
      placement: pick(r.keys, "extPlacement"),
      ...r.metrics,
    })),
  };
}
