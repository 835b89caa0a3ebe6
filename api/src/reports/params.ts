// Report parameters shared by every report: the date range (preset or custom local dates), the IANA zone that
// draws day and hour boundaries, the registration-time override, and dimension filters.
import { sqltag } from "@prisma/client/runtime/client";
import type { Deps } from "../deps.js";
import { ValidationError } from "../lib/errors.js";
import { isUuid } from "../lib/ids.js";
import { DIMENSIONS, type Dimension } from "./dimensions.js";

export const PRESETS = ["TODAY", "YESTERDAY", "LAST_7_DAYS", "LAST_30_DAYS"] as const;
export type Preset = (typeof PRESETS)[number];
export type Registration = "VISIT" | "POSTBACK";

export interface ReportFilter {
  dimension: Dimension;
  /** Matches any of these values ('' matches rows without a value). */
  values: string[];
}

export interface RangeInput {
  preset?: Preset | null;
  /** Local dates in the report zone, inclusive: YYYY-MM-DD. */
  from?: string | null;
  to?: string | null;
  timezone?: string | null;
  registration?: Registration | null;
  filters?: ReportFilter[] | null;
}

export interface ResolvedRange {
  from: string;
  to: string;
  timezone: string;
  registration: Registration;
  currency: string;
  /** UTC instants of the range: [start, end). */
  start: Date;
  end: Date;
  days: number;
  filters: ReportFilter[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_RANGE_DAYS = 400;

export function isValidZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Today's local date in a zone. */
export function localToday(tz: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** Calendar arithmetic on YYYY-MM-DD (zone-free). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

export function presetDates(preset: Preset, tz: string, now = new Date()): { from: string; to: string } {
  const today = localToday(tz, now);
  switch (preset) {
    case "TODAY":
      return { from: today, to: today };
    case "YESTERDAY":
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case "LAST_7_DAYS":
      return { from: addDays(today, -6), to: today };
    case "LAST_30_DAYS":
      return { from: addDays(today, -29), to: today };
  }
}

export interface AccountSettings {
  currency: string;
  timezone: string;
  registration: Registration;
}

export async function accountSettings(deps: Deps): Promise<AccountSettings> {
  const s = await deps.db.prisma.settings.findUnique({ where: { id: 1 } });
  return {
    currency: (s?.accountCurrency ?? "USD").trim(),
    timezone: s?.timezone || "UTC",
    registration: s?.conversionRegistration ?? "POSTBACK",
  };
}

/** Validates the input and turns local dates into UTC instants (PostgreSQL's zone rules, DST included). */
export async function resolveRange(deps: Deps, input: RangeInput, now = new Date()): Promise<ResolvedRange> {
  const account = await accountSettings(deps);
  const timezone = input.timezone || account.timezone;
  if (!isValidZone(timezone)) {
    throw new ValidationError([{ path: "timezone", message: `unknown time zone "${timezone}"; use an IANA name such as Europe/Berlin` }]);
  }
  let from = input.from ?? undefined;
  let to = input.to ?? undefined;
  if (input.preset) ({ from, to } = presetDates(input.preset, timezone, now));
  if (!from && !to) ({ from, to } = presetDates("TODAY", timezone, now));
  from ??= to;
  to ??= from;
  if (!from || !DATE.test(from) || Number.isNaN(Date.parse(from))) {
    throw new ValidationError([{ path: "from", message: "expected a date YYYY-MM-DD or a preset (TODAY, YESTERDAY, LAST_7_DAYS, LAST_30_DAYS)" }]);
  }
  if (!to || !DATE.test(to) || Number.isNaN(Date.parse(to))) {
    throw new ValidationError([{ path: "to", message: "expected a date YYYY-MM-DD" }]);
  }
  const days = daysBetween(from, to);
  if (days < 1) throw new ValidationError([{ path: "to", message: "must not be before from" }]);
  if (days > MAX_RANGE_DAYS) throw new ValidationError([{ path: "to", message: `a range covers at most ${MAX_RANGE_DAYS} days` }]);
  const filters = validateFilters(input.filters ?? []);
  const [row] = await deps.db.sql.query<{ start: Date; end: Date }>(rangeSql(from, to, timezone));
  if (!row) throw new Error("range query returned nothing");
  return {
    from,
    to,
    timezone,
    registration: input.registration ?? account.registration,
    currency: account.currency,
    start: new Date(row.start),
    end: new Date(row.end),
    days,
    filters,
  };
}

const rangeSql = (from: string, to: string, tz: string) =>
  sqltag`SELECT (${from}::date::timestamp AT TIME ZONE ${tz}) AS start, ((${to}::date + 1)::timestamp AT TIME ZONE ${tz}) AS "end"`;

export function validateFilters(filters: ReportFilter[]): ReportFilter[] {
  return filters.map((f, i) => {
    if (!(DIMENSIONS as readonly string[]).includes(f.dimension)) {
      throw new ValidationError([{ path: `filters.${i}.dimension`, message: `unknown dimension; use one of ${DIMENSIONS.join(", ")}` }]);
    }
    if (!Array.isArray(f.values) || f.values.length === 0 || f.values.length > 500) {
      throw new ValidationError([{ path: `filters.${i}.values`, message: "give 1 to 500 values" }]);
    }
    if (["campaign", "flow", "landing", "offer", "source"].includes(f.dimension)) {
      const bad = f.values.find((v) => v !== "" && !isUuid(v));
      if (bad !== undefined) throw new ValidationError([{ path: `filters.${i}.values`, message: `"${bad}" is not an id (UUID)` }]);
    }
    return { dimension: f.dimension, values: f.values.map(String) };
  });
}

/** The period of equal length right before a range ("vs previous"). */
export function previousDates(from: string, to: string): { from: string; to: string } {
  const n = daysBetween(from, to);
  return { from: addDays(from, -n), to: addDays(from, -1) };
}
