// Numbers as an operator reads them: money in the account currency, dates in the account time zone. The account
// settings are loaded after login (useAccountSettings); until then USD / UTC.
import { reactive } from "vue";

export const account = reactive({ currency: "USD", timeZone: "UTC" });

export function setAccount(currency: string | null | undefined, timeZone: string | null | undefined) {
  if (currency) account.currency = currency;
  if (timeZone) account.timeZone = timeZone;
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function nf(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}
function df(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** A Decimal string (never a float on the wire) as money. Display only: formatting rounds to the currency's minor unit. */
export function money(value: string | number | null | undefined, currency = account.currency): string {
  if (value === null || value === undefined || value === "") return "—";
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  try {
    return nf(`m:${currency}`, () => new Intl.NumberFormat("en-US", { style: "currency", currency })).format(n);
  } catch {
    return `${n.toFixed(2)} ${currency}`;
  }
}

export function num(value: number | string | null | undefined, digits = 0): string {
  if (value === null || value === undefined || value === "") return "—";
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return nf(`n:${digits}`, () => new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })).format(n);
}

export function percent(value: number | string | null | undefined, digits = 1): string {
  if (value === null || value === undefined || value === "") return "—";
  const n = Number(value);
  if (!Number.isFinite(n)) return "—";
  return `${num(n, digits)}%`;
}

/** An ISO instant as date and time in the account time zone. */
export function dateTime(iso: string | null | undefined, timeZone = account.timeZone): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return df(`dt:${timeZone}`, () => new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short", timeStyle: "medium", hourCycle: "h23" })).format(d);
}

export function dateOnly(iso: string | null | undefined, timeZone = account.timeZone): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return df(`d:${timeZone}`, () => new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" })).format(d);
}

/** YYYY-MM-DD of an instant in a time zone. */
export function ymd(date: Date, timeZone = account.timeZone): string {
  return df(`ymd:${timeZone}`, () => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })).format(date);
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export type DatePreset = "today" | "yesterday" | "7d" | "30d" | "custom";
export const DATE_PRESETS: Array<{ value: DatePreset; label: string }> = [
  { value: "today", label: "Today" },
  { value: "yesterday", label: "Yesterday" },
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
  { value: "custom", label: "Custom" },
];

/** Inclusive day range (account time zone) for a preset; `custom` keeps the given days. */
export function presetRange(preset: DatePreset, now = new Date(), custom?: { from?: string; to?: string }): { from: string; to: string } {
  const today = ymd(now);
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "yesterday":
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case "7d":
      return { from: addDays(today, -6), to: today };
    case "30d":
      return { from: addDays(today, -29), to: today };
    default:
      return { from: custom?.from || today, to: custom?.to || today };
  }
}

/** The range of the same length just before it ("vs previous"). */
export function previousRange(range: { from: string; to: string }): { from: string; to: string } {
  const days = Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1;
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** Relative change from previous to current, as a percentage; null when there is no base. */
export function delta(current: number, previous: number): number | null {
  if (!previous) return null;
  return ((current - previous) / Math.abs(previous)) * 100;
}
