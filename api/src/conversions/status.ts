// Status values as networks, shops and operators send them, mapped onto the conversion status and the e-commerce
// status scheme. Two documents meet here:
// - conversion-tracking-hit-vid.txt: pending/hold/preapproved create the conversion with a 0.01 placeholder
//   revenue; rejected/reject/trash/cancelled remove an existing conversion (or create none); anything else is a
//   normal conversion;
// - the E-Commerce Status Scheme: cart, checkout, pending, sale, on hold, refunded, chargeback, cancelled, where
//   sale approves and refunded/chargeback reject (revenue drops out of reports).
// "Removing" keeps the row with status REJECTED and a history entry, so a later approval can bring it back and
// the operator can see what happened; reports exclude REJECTED.

export type ConversionStatusValue = "APPROVED" | "PENDING" | "REJECTED";

export interface MappedStatus {
  status: ConversionStatusValue;
  /** E-commerce status ('' when the value is not one of the scheme's). */
  ecom: string;
  /** Revenue is the 0.01 placeholder of the hit/vid document. */
  placeholder: boolean;
  /** The value removes an existing conversion and never creates one. */
  remove: boolean;
}

const PLACEHOLDER: Record<string, string> = {
  pending: "pending",
  hold: "on_hold",
  on_hold: "on_hold",
  "on hold": "on_hold",
  onhold: "on_hold",
  preapproved: "",
  "pre-approved": "",
  pre_approved: "",
  cart: "cart",
  checkout: "checkout",
};

const REMOVE: Record<string, string> = {
  rejected: "",
  reject: "",
  trash: "",
  cancelled: "cancelled",
  canceled: "cancelled",
  cancel: "cancelled",
  declined: "",
  refunded: "refunded",
  refund: "refunded",
  chargeback: "chargeback",
  charged_back: "chargeback",
};

export const PLACEHOLDER_REVENUE = "0.01";

/** Every value with a special meaning, for error messages and docs. */
export const KNOWN_STATUSES = [...Object.keys(PLACEHOLDER), ...Object.keys(REMOVE), "sale", "approved"];

export function mapStatus(raw: string | undefined): MappedStatus {
  const s = (raw ?? "").trim().toLowerCase();
  const p = PLACEHOLDER[s];
  if (p !== undefined) return { status: "PENDING", ecom: p, placeholder: true, remove: false };
  const r = REMOVE[s];
  if (r !== undefined) return { status: "REJECTED", ecom: r, placeholder: false, remove: true };
  return { status: "APPROVED", ecom: s === "sale" ? "sale" : "", placeholder: false, remove: false };
}
