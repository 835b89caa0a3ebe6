// Flow filter evaluation: filters (validated by filter-schema.ts) are compiled once per snapshot into closures
// over a visitor; a flow matches when every filter matches. Text comparisons are case-insensitive.
import { RangeList } from "../../lib/ip.js";
import { DAYS, type FlowFilter } from "./filter-schema.js";

/** What filters can look at, all lower-cased except ip/country/times. */
export interface FilterVisitor {
  country: string; // upper-case ISO code
  region: string;
  city: string;
  device: string;
  os: string;
  browser: string;
  language: string;
  isp: string;
  ip: string;
  sub1: string;
  sub2: string;
  sub3: string;
  sub4: string;
  sub5: string;
  referrer: string;
  referrer_domain: string;
  source_click_id: string;
  /** Clock time of the click, epoch ms. */
  now: number;
}

export type CompiledFilter = (v: FilterVisitor, timezone: string) => boolean;

const lower = (s: string) => s.toLowerCase();

export function compileFilters(filters: FlowFilter[]): CompiledFilter[] {
  return filters.map(compileFilter);
}

export function compileFilter(f: FlowFilter): CompiledFilter {
  const values = (Array.isArray(f.value) ? f.value : [f.value]).map((v) => (f.field === "country" ? v.toUpperCase() : lower(v)));
  const one = values[0] ?? "";
  if (f.field === "ip") {
    const list = new RangeList(Array.isArray(f.value) ? f.value : [f.value]);
    return f.operator === "in" ? (v) => list.has(v.ip) : (v) => !list.has(v.ip);
  }
  if (f.field === "time_of_day") {
    const [from, to] = one.split("-").map(minutes) as [number, number];
    const inside = (m: number) => (from <= to ? m >= from && m < to : m >= from || m < to);
    return f.operator === "between" ? (v, tz) => inside(localClock(v.now, tz).minutes) : (v, tz) => !inside(localClock(v.now, tz).minutes);
  }
  if (f.field === "day_of_week") {
    const set = new Set(values);
    return f.operator === "in" ? (v, tz) => set.has(localClock(v.now, tz).day) : (v, tz) => !set.has(localClock(v.now, tz).day);
  }
  const field = f.field as Exclude<keyof FilterVisitor, "now">;
  const get = (v: FilterVisitor) => (f.field === "country" ? v.country.toUpperCase() : lower(v[field]));
  switch (f.operator) {
    case "equals":
      return (v) => get(v) === one;
    case "not_equals":
      return (v) => get(v) !== one;
    case "in": {
      const set = new Set(values);
      return (v) => set.has(get(v));
    }
    case "not_in": {
      const set = new Set(values);
      return (v) => !set.has(get(v));
    }
    case "contains":
      return (v) => get(v).includes(one);
    case "not_contains":
      return (v) => !get(v).includes(one);
    default:
      // Unknown operators never match, so a bad filter cannot widen a flow's audience.
      return () => false;
  }
}

export const matchesAll = (filters: CompiledFilter[], v: FilterVisitor, tz: string): boolean => {
  for (const f of filters) if (!f(v, tz)) return false;
  return true;
};

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", weekday: "short", hour: "2-digit", minute: "2-digit" });
    } catch {
      f = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", hourCycle: "h23", weekday: "short", hour: "2-digit", minute: "2-digit" });
    }
    formatters.set(tz, f);
  }
  return f;
}

/** Minutes since local midnight and the weekday (mon..sun) of `t` in time zone `tz`. */
export function localClock(t: number, tz: string): { minutes: number; day: string } {
  let hour = 0;
  let minute = 0;
  let day = "mon";
  for (const p of formatter(tz).formatToParts(t)) {
    if (p.type === "hour") hour = Number(p.value);
    else if (p.type === "minute") minute = Number(p.value);
    else if (p.type === "weekday") day = p.value.toLowerCase().slice(0, 3);
  }
  return { minutes: hour * 60 + minute, day: (DAYS as readonly string[]).includes(day) ? day : "mon" };
}
