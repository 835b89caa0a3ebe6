// Whether rollups can answer a report exactly, and from which rows: shared by the click and conversion rollups.
import type { BaseQuery } from "./base-sums.js";
import { DIMENSIONS, type Dimension, TIME_DIMENSIONS } from "./dimensions.js";

/** Dimensions kept in the daily rollups (every non-time dimension; campaign is the rollups' own key). */
export const ROLLUP_DIMS: readonly Dimension[] = DIMENSIONS.filter((d) => d !== "campaign" && !TIME_DIMENSIONS.includes(d));

const DAY = 86_400_000;
export const floorDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY) * DAY);
export const ceilDay = (d: Date) => new Date(Math.ceil(d.getTime() / DAY) * DAY);
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export type RollupShape =
  | {
      /** Time dimension in a whole-hour zone: hourly totals over the whole range (which starts and ends on UTC hours). */
      kind: "hourly";
      campaignIds: string[] | null;
      /** First UTC day whose dirty pairs can hold rows of the range. */
      dirtyFrom: Date;
    }
  | {
      /** Whole UTC days from the daily rollup (dimension `dim`, '' = totals); partial days at either end from raw rows. */
      kind: "daily";
      campaignIds: string[] | null;
      other: Dimension | undefined;
      dim: string;
      /** date / dayOfWeek in UTC, keyed by the rollup day itself. */
      utcDay: boolean;
      /** Grouped or filtered by campaign (the per-campaign rows are needed). */
      byCampaign: boolean;
      fullStart: Date;
      fullEnd: Date;
    };

/**
 * How rollups answer `q`, or null when they cannot answer exactly: filters other than one on campaign,
 * two non-campaign dimensions, and time dimensions in zones whose offset is not a whole hour (India, Nepal, ...).
 */
export function rollupShape(q: BaseQuery): RollupShape | null {
  if (q.filters.some((f) => f.dimension !== "campaign" || f.values.includes(""))) return null;
  if (q.filters.length > 1) return null;
  const campaignIds = q.filters.length ? [...new Set(q.filters.flatMap((f) => f.values))] : null;
  const others = q.groupBy.filter((d) => d !== "campaign");
  if (others.length > 1) return null;
  const other = others[0];
  const utc = ["UTC", "Etc/UTC", "GMT", "Etc/GMT"].includes(q.timezone);
  if (other && TIME_DIMENSIONS.includes(other) && !(utc && (other === "date" || other === "dayOfWeek"))) {
    if (q.start.getTime() % 3_600_000 !== 0 || q.end.getTime() % 3_600_000 !== 0) return null;
    return { kind: "hourly", campaignIds, dirtyFrom: floorDay(q.start) };
  }
  const utcDay = other === "date" || other === "dayOfWeek"; // only reached in UTC: whole UTC days are local days
  if (other && !utcDay && !ROLLUP_DIMS.includes(other)) return null;
  let fullStart = ceilDay(q.start);
  let fullEnd = floorDay(q.end);
  if (fullStart >= fullEnd) fullStart = fullEnd = q.end;
  return {
    kind: "daily",
    campaignIds,
    other,
    dim: utcDay ? "" : (other ?? ""),
    utcDay,
    byCampaign: campaignIds !== null || q.groupBy.includes("campaign"),
    fullStart,
    fullEnd,
  };
}
