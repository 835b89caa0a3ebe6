// Filters of the conversions list, shared by GraphQL and REST.
import type { Prisma } from "../generated/prisma/client.js";

export interface ConversionFilterInput {
  campaignId?: string | null;
  offerId?: string | null;
  sourceId?: string | null;
  networkId?: string | null;
  clickId?: string | null;
  status?: "APPROVED" | "PENDING" | "REJECTED" | null;
  type?: string | null;
  transactionId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export function conversionWhere(f: ConversionFilterInput | null | undefined): Prisma.ConversionWhereInput {
  if (!f) return {};
  return {
    ...(f.campaignId ? { campaignId: f.campaignId } : {}),
    ...(f.offerId ? { offerId: f.offerId } : {}),
    ...(f.sourceId ? { sourceId: f.sourceId } : {}),
    ...(f.networkId ? { networkId: f.networkId } : {}),
    ...(f.clickId ? { clickId: f.clickId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.type ? { type: f.type } : {}),
    ...(f.transactionId ? { transactionId: f.transactionId } : {}),
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
  };
}
