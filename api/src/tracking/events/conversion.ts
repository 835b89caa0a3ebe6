// Pixel conversions (purchase, lead, conversion) go through the conversions area's recordConversion, the same
// exactly-once path postbacks take: origin PIXEL, order_id as the transaction id, products as items.
import { type ConversionResult, recordConversion } from "../../conversions/record.js";
import type { Deps } from "../../deps.js";
import type { ClickInfo } from "./attribution.js";
import type { ConversionPart } from "./payload.js";

export interface PixelConversion {
  part: ConversionPart;
  click: ClickInfo | null;
  /** The visitor id the page sent, for when no click could be attributed. */
  vid?: string | undefined;
  ip: string;
  channel: "pixel" | "lead";
  rawParams: Record<string, string>;
}

/**
 * The target recordConversion needs: an explicit hit wins; vid(+p), a `conversion` event (the visitor's most recent
 * offer view) or a page with no attributable click go by visitor; otherwise the attributed click.
 */
export function conversionTarget(
  part: ConversionPart,
  click: ClickInfo | null,
  vid?: string | undefined,
): { clickId?: string; hitId?: string; visitorId?: string; page?: string } | null {
  if (part.hitId) return { hitId: part.hitId };
  const visitorId = part.visitorId ?? click?.visitorId ?? vid;
  if (visitorId && (part.visitorId || part.page || part.byVisitor || !click)) return { visitorId, ...(part.page ? { page: part.page } : {}) };
  if (click) return { clickId: click.clickId };
  return null;
}

export async function recordPixelConversion(deps: Deps, c: PixelConversion): Promise<ConversionResult | null> {
  const target = conversionTarget(c.part, c.click, c.vid);
  if (!target) return null;
  const p = c.part;
  return recordConversion(
    deps,
    {
      ...target,
      type: p.type,
      transactionId: p.transactionId,
      ...(p.revenue !== undefined ? { revenue: p.revenue } : {}),
      ...(p.currency ? { currency: p.currency } : {}),
      ...(p.items?.length ? { items: p.items } : {}),
      origin: "PIXEL",
      rawParams: c.rawParams,
      ip: c.ip,
    },
    { channel: c.channel, method: "POST" },
  );
}
