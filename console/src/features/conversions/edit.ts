// The operator's edit of a conversion (status and/or revenue, with a note), checked before it is sent. The API
// checks the same again (api/src/conversions/operator.ts) and answers with typed errors by field.

export const NOTE_MAX = 500;
/** A non-negative amount with at most 4 decimals and 10 digits before the point: the revenue column is numeric(14, 4). */
const AMOUNT = /^\d{1,10}(\.\d{1,4})?$/;

export interface EditForm {
  /** Empty keeps the current status. */
  status: string;
  /** Empty keeps the current revenue. */
  revenue: string;
  /** Empty: the account currency. */
  currency: string;
  note: string;
}

export interface ChangeInput {
  id: string;
  status?: string;
  revenue?: string;
  currency?: string;
  note?: string;
}

/** The input for changeConversion, or the errors by field (the API's paths: status, revenue, currency, note). */
export function editInput(id: string, f: EditForm): { input: ChangeInput; errors: null } | { input: null; errors: Record<string, string> } {
  const e: Record<string, string> = {};
  const status = f.status.trim();
  const revenue = f.revenue.trim();
  const currency = f.currency.trim().toUpperCase();
  const note = f.note.trim();
  if (!status && !revenue) e.status = "Pick a status or enter a revenue (or both).";
  if (revenue && !AMOUNT.test(revenue)) e.revenue = "A non-negative amount with at most 4 decimals, like 12.50 (up to 10 digits before the point).";
  if (currency && !/^[A-Z]{3}$/.test(currency)) e.currency = "A 3-letter code like EUR, or empty for the account currency.";
  if (currency && !revenue && !e.status) e.currency = "A currency goes with a revenue.";
  if (note.length > NOTE_MAX) e.note = `At most ${NOTE_MAX} characters (${note.length} now).`;
  if (Object.keys(e).length) return { input: null, errors: e };
  return {
    input: { id, ...(status ? { status } : {}), ...(revenue ? { revenue } : {}), ...(revenue && currency ? { currency } : {}), ...(note ? { note } : {}) },
    errors: null,
  };
}
