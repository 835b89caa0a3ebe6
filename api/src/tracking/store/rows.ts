// Row shapes the click engine writes: clicks, hits, visitor touches and landing click-throughs. Plain JSON-safe
// objects, because a batch that cannot reach PostgreSQL is written to the spool as one JSON line.

export interface ClickRow {
  id: string;
  campaignId: string;
  flowId: string | null;
  landingId: string | null;
  offerId: string | null;
  sourceId: string | null;
  visitorId: string;
  /** epoch ms */
  createdAt: number;
  outcome: "ROUTED" | "BOT_BLOCKED" | "CAPPED" | "FALLBACK";
  ip: string;
  country: string;
  region: string;
  city: string;
  isp: string;
  asn: number | null;
  os: string;
  osVersion: string;
  browser: string;
  browserVersion: string;
  deviceType: string;
  language: string;
  userAgent: string;
  referrer: string;
  referrerDomain: string;
  sub1: string;
  sub2: string;
  sub3: string;
  sub4: string;
  sub5: string;
  sourceClickId: string;
  extCampaignId: string;
  extAdSetId: string;
  extAdId: string;
  extPlacement: string;
  /** Every other query parameter, for macros. */
  params: Record<string, string>;
  /** Decimal string, in the account currency. */
  cost: string;
  /** The cost as the source charged it (decimal string), and its currency. Absent in spool lines of older versions. */
  costSource?: string;
  costCurrency?: string;
  isUnique: boolean;
  isBot: boolean;
  fraudScore: number;
  fraudReasons: string[];
  /** epoch ms, when the visitor went on to the offer (set when /offer comes before the row is written). */
  landingClickedAt: number | null;
}

export interface HitRow {
  id: string;
  clickId: string;
  visitorId: string;
  campaignId: string;
  kind: "LANDING" | "OFFER";
  landingId: string | null;
  offerId: string | null;
  createdAt: number;
}

export interface VisitorTouch {
  id: string;
  at: number;
  /** The click that touched the visitor, or null for a hit. */
  clickId: string | null;
  /** Clicks in this touch (0 for a hit). */
  visits: number;
  /** The click created this visitor id just now (no visitor cookie): there is no row yet, so it can be copied in. */
  isNew?: boolean;
}

export interface Batch {
  clicks: ClickRow[];
  hits: HitRow[];
  visitors: VisitorTouch[];
  /** [clickId, epoch ms] landing click-throughs. */
  clickThroughs: Array<[string, number]>;
}

/** A fresh batch's clicks as COPY text rows (copy-batch.ts clickLine), where already rendered; null: not yet. */
export interface ClickLines {
  clickLines?: Array<string | null>;
}
