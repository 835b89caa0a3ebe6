// Expands a postback template's macros from the values captured when the event happened. Both `{name}` and
// `{{name}}` spellings are accepted; unknown macros are left as they are (the operator sees them in the log).
// Keep the names in sync with conversions/record-sql.ts (macrosSql).
export const MACROS = [
  "click_id",
  "external_id",
  "trackily_click_id",
  "conversion_id",
  "payout",
  "revenue",
  "original_payout",
  "original_currency",
  "currency",
  "status",
  "ecom_status",
  "txid",
  "type",
  "campaign_id",
  "offer_id",
  "country",
  "sub1",
  "sub2",
  "sub3",
  "sub4",
  "sub5",
  "ext_campaign_id",
  "ext_ad_set_id",
  "ext_ad_id",
  "placement",
] as const;

const ALIASES: Record<string, string> = { transaction_id: "txid", tid: "txid", amount: "payout", clickid: "click_id", subid: "click_id" };

export function expandMacros(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{\{?([a-zA-Z0-9_]+)\}?\}/g, (whole, name: string) => {
    const key = ALIASES[name.toLowerCase()] ?? name.toLowerCase();
    const v = values[key];
    return v === undefined || v === null ? whole : encodeURIComponent(String(v));
  });
}
