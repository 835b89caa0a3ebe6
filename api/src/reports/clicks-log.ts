// Clicks log: raw click rows in a range, newest first, filterable on any dimension, keyset-paginated.
import { sqltag } from "@prisma/client/runtime/client";
import type { Deps } from "../deps.js";
import { ValidationError } from "../lib/errors.js";
import { filterSql } from "./base-sums.js";
import { sqlJoin } from "./dimensions.js";
import { type RangeInput, resolveRange } from "./params.js";

export interface ClickLogRow {
  id: string;
  createdAt: Date;
  campaignId: string;
  flowId: string | null;
  landingId: string | null;
  offerId: string | null;
  sourceId: string | null;
  visitorId: string;
  outcome: string;
  ip: string;
  country: string;
  region: string;
  city: string;
  isp: string;
  os: string;
  browser: string;
  deviceType: string;
  language: string;
  referrerDomain: string;
  sub1: string;
  sub2: string;
  sub3: string;
  sub4: string;
  sub5: string;
  extCampaignId: string;
  extAdSetId: string;
  extAdId: string;
  extPlacement: string;
  cost: string;
  costSource: string | null;
  costCurrency: string;
  isUnique: boolean;
  isBot: boolean;
  fraudScore: number;
}

export interface ClickLogInput extends RangeInput {
  first?: number | null;
  after?: string | null;
}

export interface ClickLogPage {
  rows: ClickLogRow[];
  endCursor: string | null;
  hasNextPage: boolean;
}

const encode = (r: ClickLogRow): string => Buffer.from(`${new Date(r.createdAt).toISOString()}|${r.id}`).toString("base64url");
function decode(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const d = new Date(at ?? "");
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(d.getTime())) throw new ValidationError([{ path: "after", message: "not a cursor from this list" }]);
  return { at: d, id };
}

export async function clicksLog(deps: Deps, input: ClickLogInput): Promise<ClickLogPage> {
  const first = input.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > 1000) throw new ValidationError([{ path: "first", message: "1 to 1000" }]);
  const range = await resolveRange(deps, input);
  const after = input.after ? decode(input.after) : null;
  const tz = sqltag`${range.timezone}::text`;
  const rows = await deps.db.sql.query<ClickLogRow>(
    sqlJoin([
      `SELECT c.id, c.created_at AS "createdAt", c.campaign_id AS "campaignId", c.flow_id AS "flowId", c.landing_id AS "landingId",
        c.offer_id AS "offerId", c.source_id AS "sourceId", c.visitor_id AS "visitorId", c.outcome::text AS outcome, c.ip, c.country,
        c.region, c.city, c.isp, c.os, c.browser, c.device_type AS "deviceType", c.language, c.referrer_domain AS "referrerDomain",
        c.sub1, c.sub2, c.sub3, c.sub4, c.sub5, c.ext_campaign_id AS "extCampaignId", c.ext_ad_set_id AS "extAdSetId",
        c.ext_ad_id AS "extAdId", c.ext_placement AS "extPlacement", trim_scale(c.cost)::text AS cost, trim_scale(c.cost_source)::text AS "costSource",
        trim(c.cost_currency) AS "costCurrency", c.is_unique AS "isUnique",
        c.is_bot AS "isBot", c.fraud_score AS "fraudScore" FROM clicks c WHERE c.created_at >= `,
      sqltag`${range.start}`,
      " AND c.created_at < ",
      sqltag`${range.end}`,
      filterSql(range.filters, "click", sqltag`c.created_at`, tz),
      after ? sqlJoin([" AND (c.created_at, c.id) < (", sqltag`${after.at}`, ", ", sqltag`${after.id}::uuid`, ")"]) : "",
      " ORDER BY c.created_at DESC, c.id DESC LIMIT ",
      sqltag`${first + 1}`,
    ]),
  );
  const page = rows.slice(0, first);
  const last = page[page.length - 1];
  return { rows: page, hasNextPage: rows.length > first, endCursor: last ? encode(last) : null };
}
