// Pixel conversions (purchase, lead, conversion) go through the conversions area's recordConversion, the same
// exactly-once path postbacks take: origin PIXEL, order_id as the transaction id, products as items.
import type { Deps } from "../../deps.js";
import type { ClickInfo } from "./attribution.js";
import type { ConversionPart } from "./payload.js";

export interface PixelConversion {
  part: ConversionPart;
  click: ClickInfo | null;
  ip: string;
  channel: "pixel" | "lead";
  rawParams: Record<string, string>;
}

/** The target recordConversion needs: an explicit hit or vid(+p) wins, else the attributed click. */
export function conversionTarget(
  part: ConversionPart,
  click: ClickInfo | null,
): { clickId?: string; hitId?: string; visitorId?: string; page?: string } | null {
  if (part.hitId) return { hitId: part.hitId };
  if (part.visitorId) return { visitorId: part.visitorId, ...(part.page ? { page: part.page } : {}) };
  if (part.page && click) return { visitorId: click.visitorId, page: part.page };
  if (click) return { clickId: click.clickId };
  return null;
}

export async function recordPixelConversion(deps: Deps, c: PixelConversion): Promise<void> {
  const target = conversionTarget(c.part, c.click);
  if (!target) return;
  // recordConversion (api/src/conversions/record.ts) is wired here once the conversions area has landed it.
  deps.logger.debug({ target, type: c.part.type }, "pixel conversion (recordConversion not yet available)");
}
