// Offer caps (daily in the offer's time zone, total) count approved conversions (rebills are payments of a sale
// already counted, not new conversions). The counts are loaded in the background and bumped by each new approved
// conversion's `conversion:recorded`, so the click path only reads a Map; a status change (a pending conversion
// approved, an approved one refunded) makes the engine load them again.
import type { Deps } from "../../deps.js";
import type { SnapOffer } from "../snapshot.js";

interface Count {
  daily: number;
  total: number;
  /** Local date (YYYY-MM-DD in the offer's zone) the daily count belongs to. */
  day: string;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
export function localDay(t: number, tz: string): string {
  let f = dayFormatters.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" });
    } catch {
      f = new Intl.DateTimeFormat("en-CA", { timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit" });
    }
    dayFormatters.set(tz, f);
  }
  return f.format(t);
}

export class OfferCaps {
  private counts = new Map<string, Count>();
  private today = new Map<string, { day: string; until: number }>();

  isCapped = (o: SnapOffer): boolean => {
    if (o.dailyCap === null && o.totalCap === null) return false;
    const c = this.counts.get(o.id);
    if (!c) return o.totalCap === 0 || o.dailyCap === 0;
    if (o.totalCap !== null && c.total >= o.totalCap) return true;
    if (o.dailyCap !== null) {
      const daily = c.day === this.dayOf(o.capTimezone) ? c.daily : 0;
      if (daily >= o.dailyCap) return true;
    }
    return false;
  };

  private dayOf(tz: string): string {
    const now = Date.now();
    const cached = this.today.get(tz);
    if (cached && cached.until > now) return cached.day;
    const day = localDay(now, tz);
    this.today.set(tz, { day, until: now + 1_000 });
    return day;
  }

  /** An approved conversion for `offerId` was just recorded. */
  bump(offerId: string, tz: string): void {
    const day = this.dayOf(tz);
    const c = this.counts.get(offerId);
    if (!c) this.counts.set(offerId, { daily: 1, total: 1, day });
    else {
      if (c.day !== day) {
        c.day = day;
        c.daily = 0;
      }
      c.daily++;
      c.total++;
    }
  }

  async load(deps: Deps): Promise<void> {
    const rows = await deps.db.prisma.$queryRaw<Array<{ offer_id: string; tz: string; total: number; daily: number }>>`
      SELECT c.offer_id::text AS offer_id, o.cap_timezone AS tz, count(*)::int AS total,
        count(*) FILTER (WHERE c.created_at >= (date_trunc('day', now() AT TIME ZONE o.cap_timezone) AT TIME ZONE o.cap_timezone))::int AS daily
      FROM conversions c JOIN offers o ON o.id = c.offer_id
      WHERE (o.daily_cap IS NOT NULL OR o.total_cap IS NOT NULL) AND c.status = 'APPROVED' AND c.type <> 'rebill'
      GROUP BY c.offer_id, o.cap_timezone`;
    const next = new Map<string, Count>();
    for (const r of rows) next.set(r.offer_id, { daily: Number(r.daily), total: Number(r.total), day: this.dayOf(r.tz) });
    this.counts = next;
  }
}
