// Fraud score 0-100, exactly the spec's Anti-Fraud Kit table. Pure: the flood counts come from the counters.
export const FRAUD = {
  botUa: 40,
  flood30s: 25,
  flood5m: 30,
  datacenter: 15,
  blacklisted: 50,
  suspiciousUa: 10,
  /** With the campaign's bot filter on, clicks at or above this go to the bot URL. */
  blockAt: 50,
  /** Clicks at or above this put their IP on the blacklist automatically. */
  autoBlacklistAt: 80,
} as const;

/** "ISP contains: hosting, cloud, aws, hetzner" (spec). */
const DATACENTER = /hosting|cloud|aws|hetzner/i;
/** Shorter than this is "very short" for a user agent. */
export const MIN_UA_LENGTH = 10;

export interface FraudInput {
  ua: string;
  isBotUa: boolean;
  /** Clicks from this IP in the last 30 s and 5 min, this one included. */
  clicks30s: number;
  clicks5m: number;
  isp: string;
  blacklisted: boolean;
}

export function fraudScore(i: FraudInput): { score: number; reasons: string[] } {
  let score = 0;
  const reasons: string[] = [];
  if (i.isBotUa) {
    score += FRAUD.botUa;
    reasons.push("bot_ua");
  }
  if (i.clicks30s > 5) {
    score += FRAUD.flood30s;
    reasons.push("flood_30s");
  }
  if (i.clicks5m > 20) {
    score += FRAUD.flood5m;
    reasons.push("flood_5m");
  }
  if (i.isp && DATACENTER.test(i.isp)) {
    score += FRAUD.datacenter;
    reasons.push("datacenter");
  }
  if (i.blacklisted) {
    score += FRAUD.blacklisted;
    reasons.push("blacklisted");
  }
  if (i.ua.trim().length < MIN_UA_LENGTH) {
    score += FRAUD.suspiciousUa;
    reasons.push("suspicious_ua");
  }
  return { score: Math.min(100, score), reasons };
}
