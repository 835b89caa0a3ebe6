// Declarative form fields for the simple entity screens (offers, landers, networks, domains, products): the form
// state is flat; toInput converts it to the API input by field type.
export type FieldType = "text" | "int" | "decimal" | "select" | "checkbox" | "textarea" | "list" | "html" | "password" | "geoPayouts";

export interface FieldDef {
  key: string;
  label: string;
  type?: FieldType;
  required?: boolean;
  hint?: string;
  options?: Array<{ value: string; label: string }>;
  /** Only on create (e.g. a hostname that cannot change). */
  createOnly?: boolean;
  /** Shown only when this returns true for the current form. */
  when?: (form: Record<string, unknown>) => boolean;
  pattern?: { re: RegExp; message: string };
}

type Row = Record<string, unknown>;

export function formFromRow(fields: FieldDef[], row: Row | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = row ? (f.key.includes(".") ? f.key.split(".").reduce<unknown>((o, k) => (o as Row | null)?.[k], row) : row[f.key]) : undefined;
    switch (f.type) {
      case "checkbox":
        out[f.key] = v === true;
        break;
      case "int":
        out[f.key] = v === null || v === undefined ? "" : String(v);
        break;
      case "list":
        out[f.key] = Array.isArray(v) ? v.join("\n") : "";
        break;
      case "geoPayouts":
        out[f.key] = Array.isArray(v)
          ? (v as Array<{ country: string; payout: string; currency: string }>).map((p) => `${p.country} ${p.payout} ${p.currency}`).join("\n")
          : "";
        break;
      case "password":
        out[f.key] = "";
        break;
      case "select":
        out[f.key] = v === null || v === undefined ? (f.options?.[0]?.value ?? "") : typeof v === "object" ? String((v as Row).id ?? "") : String(v);
        break;
      default:
        out[f.key] = v === null || v === undefined ? "" : String(v);
    }
  }
  return out;
}

export function parseGeoPayouts(text: string): Array<{ country: string; payout: string; currency?: string }> {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [country = "", payout = "", currency] = l.split(/[\s,;]+/);
      return { country: country.toUpperCase(), payout, ...(currency ? { currency: currency.toUpperCase() } : {}) };
    });
}

export function validate(fields: FieldDef[], form: Record<string, unknown>, creating: boolean): Record<string, string> {
  const e: Record<string, string> = {};
  for (const f of fields) {
    if (f.when && !f.when(form)) continue;
    if (f.createOnly && !creating) continue;
    const v = form[f.key];
    const s = typeof v === "string" ? v.trim() : "";
    if (f.required && f.type !== "checkbox" && !s) e[f.key] = `${f.label} is required.`;
    else if (f.type === "int" && s && !/^\d+$/.test(s)) e[f.key] = "A whole number.";
    else if (f.type === "decimal" && s && !/^-?\d+(\.\d+)?$/.test(s)) e[f.key] = "A number like 12.50.";
    else if (f.type === "geoPayouts" && s) {
      const bad = parseGeoPayouts(s).find((p) => !/^[A-Z]{2}$/.test(p.country) || !/^\d+(\.\d+)?$/.test(p.payout));
      if (bad) e[f.key] = `One line per country: "US 2.50" or "DE 1.80 EUR" (bad line: ${bad.country} ${bad.payout}).`;
    } else if (f.pattern && s && !f.pattern.re.test(s)) e[f.key] = f.pattern.message;
  }
  return e;
}

export function toInput(fields: FieldDef[], form: Record<string, unknown>, creating: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.when && !f.when(form)) continue;
    if (f.createOnly && !creating) continue;
    const v = form[f.key];
    const s = typeof v === "string" ? v.trim() : "";
    switch (f.type) {
      case "checkbox":
        out[f.key] = v === true;
        break;
      case "int":
        if (s) out[f.key] = Number(s);
        break;
      case "decimal":
        if (s) out[f.key] = s;
        break;
      case "list":
        out[f.key] = s
          .split(/\n|,/)
          .map((x) => x.trim())
          .filter(Boolean);
        break;
      case "geoPayouts":
        out[f.key] = parseGeoPayouts(s);
        break;
      case "password":
        if (s) out[f.key] = s;
        break;
      case "select":
        if (s) out[f.key] = s;
        break;
      case "html":
      case "textarea":
        out[f.key] = typeof v === "string" ? v : "";
        break;
      default:
        if (s || !creating) out[f.key] = s;
    }
  }
  return out;
}
