// The pixel's wire format and its validation. Every field is checked (types, sizes, names, finite non-negative
// amounts, ISO 4217 currencies); the first problem found is returned as a sentence the integrator can act on.
// Keep in sync with pixel/src/tracker.ts (what the pixel sends) and the README's event table.
import { isUuid } from "../../lib/ids.js";

export const KNOWN_EVENTS = ["pageview", "add_to_cart", "checkout", "purchase", "lead", "conversion", "step"] as const;
export const CUSTOM_NAME = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/;
// `__proto__` would set the object's prototype instead of a field.
const PROP_KEY = /^(?!__proto__$)[A-Za-z_$][A-Za-z0-9_.$-]{0,63}$/;
const TYPE_NAME = /^[a-z][a-z0-9_-]{0,31}$/;
const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export const LIMITS = {
  bodyBytes: 32 * 1024,
  urlChars: 2048,
  stringChars: 1024,
  props: 50,
  products: 100,
  productKeys: 20,
  maxAmount: 1e9,
  steps: 100,
} as const;

export interface Item {
  sku: string;
  name?: string;
  price: string;
  quantity: number;
}

export interface ConversionPart {
  type: string;
  transactionId: string;
  revenue?: string;
  currency?: string;
  items?: Item[];
  hitId?: string;
  visitorId?: string;
  page?: string;
  /** `conversion` events convert the visitor's most recent offer view (hit/vid document), not the click itself. */
  byVisitor?: boolean;
}

export interface PixelEvent {
  /** The pixel's own UUIDv7 for the event (a retry carries the same one); absent when missing or implausible. */
  id?: string;
  name: string;
  click?: string;
  vid?: string;
  landing?: string;
  url: string;
  referrer: string;
  props: Record<string, unknown>;
  /** Monetary value of the event (cart total, price, revenue) as a decimal string, in `currency`. */
  value?: string;
  currency: string;
  step?: { n: number; label: string };
  conversion?: ConversionPart;
}

export class PayloadError extends Error {}

const fail = (msg: string): never => {
  throw new PayloadError(msg);
};

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function str(v: unknown, field: string, max: number = LIMITS.stringChars): string | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "number" && Number.isFinite(v)) v = String(v);
  if (typeof v !== "string") return fail(`${field}: expected a string`);
  if (v.length > max) return fail(`${field}: at most ${max} characters`);
  return v;
}

function uuid(v: unknown, field: string): string | undefined {
  const s = str(v, field, 36);
  if (s !== undefined && !isUuid(s)) return fail(`${field}: expected a UUID`);
  return s?.toLowerCase();
}

/** A finite, non-negative amount (number or decimal string) as a canonical decimal string with at most 6 decimals. */
export function amount(v: unknown, field: string): string | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "string" && /^\s*\d{1,12}(\.\d{1,8})?\s*$/.test(v)) n = Number(v);
  else return fail(`${field}: expected a non-negative number (e.g. 89.99)`);
  if (!Number.isFinite(n)) return fail(`${field}: must be a finite number`);
  if (n < 0) return fail(`${field}: must not be negative`);
  if (n > LIMITS.maxAmount) return fail(`${field}: at most ${LIMITS.maxAmount}`);
  return n.toFixed(6).replace(/\.?0+$/, "") || "0";
}

function int(v: unknown, field: string, min: number, max: number): number | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  const n = typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) return fail(`${field}: expected an integer from ${min} to ${max}`);
  return n;
}

export function currency(v: unknown, field = "props.currency"): string | undefined {
  const s = str(v, field, 3);
  if (s === undefined) return undefined;
  const c = s.toUpperCase();
  if (!CURRENCIES.has(c)) return fail(`${field}: "${s}" is not an ISO 4217 currency code (e.g. USD, EUR, GBP)`);
  return c;
}

function scalar(v: unknown, field: string): unknown {
  if (v === null || typeof v === "boolean") return v;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) fail(`${field}: numbers must be finite`);
    return v;
  }
  if (typeof v === "string") {
    if (v.length > LIMITS.stringChars) fail(`${field}: at most ${LIMITS.stringChars} characters`);
    return v;
  }
  return fail(`${field}: expected a string, a finite number, a boolean or null`);
}

function products(v: unknown, field: string): { stored: Record<string, unknown>[]; items: Item[] } {
  if (!Array.isArray(v)) return fail(`${field}: expected an array of products`);
  if (v.length > LIMITS.products) fail(`${field}: at most ${LIMITS.products} products`);
  const stored: Record<string, unknown>[] = [];
  const items: Item[] = [];
  v.forEach((p: unknown, i) => {
    const f = `${field}[${i}]`;
    if (!isObj(p)) {
      fail(`${f}: expected an object like { name, price, qty }`);
      return;
    }
    const keys = Object.keys(p);
    if (keys.length > LIMITS.productKeys) fail(`${f}: at most ${LIMITS.productKeys} fields`);
    const clean: Record<string, unknown> = {};
    for (const k of keys) {
      if (!PROP_KEY.test(k)) fail(`${f}: field name "${k.slice(0, 64)}" is not accepted (letters, digits, _ . $ -)`);
      clean[k] = scalar(p[k], `${f}.${k}`);
    }
    const price = amount(p.price, `${f}.price`);
    if (price === undefined) fail(`${f}.price: required`);
    const quantity = int(p.qty ?? p.quantity, `${f}.qty`, 1, 100_000) ?? 1;
    const name = str(p.name, `${f}.name`, 256);
    const sku = str(p.sku ?? p.id, `${f}.sku`, 128) ?? name ?? `item-${i + 1}`;
    stored.push(clean);
    items.push({ sku, ...(name ? { name } : {}), price: price as string, quantity });
  });
  return { stored, items };
}

/** Validates a decoded body; throws PayloadError with the first problem. */
export function parseEvent(raw: unknown): PixelEvent {
  if (!isObj(raw)) return fail('body: expected a JSON object like {"name":"pageview"}');
  const name = str(raw.name, "name", 64);
  if (!name) return fail(`name: required; one of ${KNOWN_EVENTS.join(", ")} or a custom name matching ${CUSTOM_NAME.source}`);
  if (!(KNOWN_EVENTS as readonly string[]).includes(name) && !CUSTOM_NAME.test(name))
    fail(`name: "${name}" is not accepted; one of ${KNOWN_EVENTS.join(", ")} or a custom name matching ${CUSTOM_NAME.source}`);
  const rawProps = raw.props ?? {};
  if (!isObj(rawProps)) fail("props: expected an object");
  const p = rawProps as Record<string, unknown>;
  const keys = Object.keys(p);
  if (keys.length > LIMITS.props) fail(`props: at most ${LIMITS.props} fields`);

  const ev: PixelEvent = {
    name,
    url: str(raw.url, "url", LIMITS.urlChars) ?? "",
    referrer: str(raw.referrer, "referrer", LIMITS.urlChars) ?? "",
    props: {},
    currency: currency(p.currency) ?? "",
  };
  const id = uuid(raw.id, "id");
  // Only a v7 id whose time is within a day of ours: ids stay time-sortable whatever a page's clock says.
  if (id && id[14] === "7" && Math.abs(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16) - Date.now()) < 86_400_000) ev.id = id;
  const click = uuid(raw.click, "click");
  const vid = uuid(raw.vid, "vid");
  const landing = uuid(raw.landing, "landing");
  if (click) ev.click = click;
  if (vid) ev.vid = vid;
  if (landing) ev.landing = landing;

  let items: Item[] | undefined;
  for (const k of keys) {
    if (!PROP_KEY.test(k)) fail(`props: field name "${k.slice(0, 64)}" is not accepted (letters, digits, _ . $ -, at most 64)`);
    if (k === "products" || k === "items") {
      const r = products(p[k], `props.${k}`);
      ev.props[k] = r.stored;
      items = r.items;
    } else ev.props[k] = scalar(p[k], `props.${k}`);
  }

  switch (name) {
    case "step": {
      const n = int(raw.step, "step", 1, LIMITS.steps);
      if (n === undefined) fail(`step: required, an integer from 1 to ${LIMITS.steps}`);
      ev.step = { n: n as number, label: str(raw.label, "label", 128) ?? "" };
      break;
    }
    case "add_to_cart": {
      const price = amount(p.price, "props.price");
      const qty = int(p.qty ?? p.quantity, "props.qty", 1, 100_000) ?? 1;
      if (price !== undefined) ev.value = times(price, qty);
      break;
    }
    case "checkout": {
      int(p.item_count, "props.item_count", 0, 100_000);
      ev.value = amount(p.cart_total ?? p.value, "props.cart_total");
      break;
    }
    case "purchase":
    case "lead":
    case "conversion": {
      const revenue = amount(p.revenue ?? p.rev, p.revenue !== undefined ? "props.revenue" : "props.rev");
      const tx = str(p.order_id ?? p.tx, p.order_id !== undefined ? "props.order_id" : "props.tx", 128);
      const hitId = uuid(p.hit, "props.hit");
      const visitorId = uuid(p.vid, "props.vid");
      if (hitId && visitorId) fail("props: pass either hit or vid, not both");
      const page = uuid(p.p, "props.p");
      const type = name === "purchase" ? "sale" : name === "lead" ? "lead" : (str(p.type, "props.type", 32) ?? "sale").toLowerCase();
      if (!TYPE_NAME.test(type)) fail(`props.type: "${type}" is not a conversion type name (sale, lead, upsell, rebill or a custom type)`);
      const email = name === "lead" ? str(p.email, "props.email", 254) : undefined;
      if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email)) fail("props.email: not an email address");
      ev.value = revenue;
      ev.conversion = {
        type,
        // A lead without an explicit id is keyed by its email, so a double-submitted form converts once.
        transactionId: tx ?? (email ? `email:${email.trim().toLowerCase()}` : ""),
        ...(revenue !== undefined ? { revenue } : {}),
        ...(ev.currency ? { currency: ev.currency } : {}),
        ...(items ? { items } : {}),
        ...(hitId ? { hitId } : {}),
        ...(visitorId ? { visitorId } : {}),
        ...(page ? { page } : {}),
        ...(name === "conversion" ? { byVisitor: true } : {}),
      };
      break;
    }
    default:
      if (p.value !== undefined) ev.value = amount(p.value, "props.value");
  }
  return ev;
}

/** price x qty in decimal, without float error (both are already canonical). */
function times(price: string, qty: number): string {
  const [i, f = ""] = price.split(".") as [string, string?];
  const scaled = BigInt(i + f.padEnd(6, "0")) * BigInt(qty);
  const s = scaled.toString().padStart(7, "0");
  return `${s.slice(0, -6)}.${s.slice(-6)}`.replace(/\.?0+$/, "");
}
