// The flow filter language, shared by flow validation (schema/flow) and flow evaluation (tracking/routing).
// A flow matches when all of its filters match. Values are compared case-insensitively.
import { z } from "zod";
import { isIpOrCidr } from "../../lib/ip.js";

const TEXT_OPS = ["equals", "not_equals", "in", "not_in", "contains", "not_contains"] as const;
const SET_OPS = ["equals", "not_equals", "in", "not_in"] as const;

/** Field -> the operators it accepts. */
export const FILTER_FIELDS = {
  country: SET_OPS, // ISO 3166 alpha-2, e.g. US
  region: TEXT_OPS,
  city: TEXT_OPS,
  device: SET_OPS, // desktop, mobile, tablet, smarttv, console, wearable, bot
  os: TEXT_OPS, // Windows, iOS, Android, Mac OS, Linux, ...
  browser: TEXT_OPS, // Chrome, Safari, Firefox, Edge, ...
  language: SET_OPS, // primary tag from Accept-Language, e.g. en
  isp: TEXT_OPS,
  ip: ["in", "not_in"] as const, // IPs or CIDR ranges
  sub1: TEXT_OPS,
  sub2: TEXT_OPS,
  sub3: TEXT_OPS,
  sub4: TEXT_OPS,
  sub5: TEXT_OPS,
  referrer: TEXT_OPS, // full referrer URL ("" when none)
  referrer_domain: TEXT_OPS,
  source_click_id: ["equals", "not_equals", "contains", "not_contains"] as const,
  time_of_day: ["between", "not_between"] as const, // "HH:MM-HH:MM" in the campaign's time zone; may wrap midnight
  day_of_week: ["in", "not_in"] as const, // mon..sun in the campaign's time zone
} as const;

export type FilterField = keyof typeof FILTER_FIELDS;
export type FilterOperator = (typeof FILTER_FIELDS)[FilterField][number];
export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const DEVICES = ["desktop", "mobile", "tablet", "smarttv", "console", "wearable", "embedded", "bot"] as const;

export interface FlowFilter {
  field: FilterField;
  operator: FilterOperator;
  /** One value for equals/not_equals/contains/not_contains/between, a list for in/not_in (and ip). */
  value: string | string[];
}

const TIME_RANGE = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;
const listOps = new Set(["in", "not_in"]);

export const flowFilterSchema = z
  .object({
    field: z.enum(Object.keys(FILTER_FIELDS) as [FilterField, ...FilterField[]], {
      message: `must be one of ${Object.keys(FILTER_FIELDS).join(", ")}`,
    }),
    operator: z.string(),
    value: z.union([z.string().max(500), z.array(z.string().max(500)).max(500)]),
  })
  .transform((f, ctx): FlowFilter => {
    const ops = FILTER_FIELDS[f.field] as readonly string[];
    if (!ops.includes(f.operator)) {
      ctx.addIssue({ code: "custom", path: ["operator"], message: `${f.field} accepts ${ops.join(", ")}` });
      return z.NEVER;
    }
    const values = (Array.isArray(f.value) ? f.value : f.value.split(",")).map((v) => v.trim()).filter((v) => v !== "");
    if (values.length === 0) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "needs at least one value" });
      return z.NEVER;
    }
    const bad = (message: string) => {
      ctx.addIssue({ code: "custom", path: ["value"], message });
      return z.NEVER;
    };
    let norm = values;
    if (f.field === "country") {
      norm = values.map((v) => v.toUpperCase());
      if (!norm.every((v) => /^[A-Z]{2}$/.test(v))) return bad("countries are two-letter codes such as US, CA, GB");
    } else if (f.field === "device") {
      norm = values.map((v) => v.toLowerCase());
      if (!norm.every((v) => (DEVICES as readonly string[]).includes(v))) return bad(`devices are ${DEVICES.join(", ")}`);
    } else if (f.field === "language") {
      norm = values.map((v) => v.toLowerCase());
      if (!norm.every((v) => /^[a-z]{2,3}$/.test(v))) return bad("languages are primary tags such as en, fr, pt");
    } else if (f.field === "ip") {
      if (!values.every(isIpOrCidr)) return bad("must be IP addresses or CIDR ranges such as 203.0.113.0/24");
    } else if (f.field === "time_of_day") {
      if (values.length !== 1 || !TIME_RANGE.test(values[0] as string)) return bad('must be one range "HH:MM-HH:MM", e.g. "09:00-17:30" or "22:00-06:00"');
    } else if (f.field === "day_of_week") {
      norm = values.map((v) => v.toLowerCase().slice(0, 3));
      if (!norm.every((v) => (DAYS as readonly string[]).includes(v))) return bad(`days are ${DAYS.join(", ")}`);
    }
    const value = listOps.has(f.operator) ? norm : (norm[0] as string);
    if (!listOps.has(f.operator) && norm.length > 1 && f.field !== "time_of_day") return bad(`${f.operator} takes one value; use in / not_in for several`);
    return { field: f.field, operator: f.operator as FilterOperator, value };
  });

export const flowFiltersSchema = z.array(flowFilterSchema).max(30, "at most 30 filters per flow");
