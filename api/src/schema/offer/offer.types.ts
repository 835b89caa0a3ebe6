import { builder } from "../../graphql/builder.js";
import { EntityStatus } from "../../graphql/shared.js";

export const PayoutType = builder.enumType("PayoutType", { values: ["CPA", "REVSHARE"] as const });

export const OfferPayoutRef = builder.prismaObject("OfferPayout", {
  authScopes: { read: "offers" },
  fields: (t) => ({
    id: t.exposeID("id"),
    country: t.exposeString("country"),
    payout: t.expose("payout", { type: "Decimal" }),
    currency: t.exposeString("currency"),
  }),
});

export const OfferRef = builder.prismaObject("Offer", {
  authScopes: { read: "offers" },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    url: t.exposeString("url"),
    clickIdParam: t.exposeString("clickIdParam"),
    payoutType: t.expose("payoutType", { type: PayoutType }),
    payout: t.expose("payout", { type: "Decimal" }),
    currency: t.exposeString("currency"),
    dailyCap: t.exposeInt("dailyCap", { nullable: true }),
    totalCap: t.exposeInt("totalCap", { nullable: true }),
    capTimezone: t.exposeString("capTimezone"),
    externalId: t.exposeString("externalId"),
    status: t.expose("status", { type: EntityStatus }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    geoPayouts: t.relation("geoPayouts", { query: { orderBy: { country: "asc" } } }),
    network: t.relation("network", { nullable: true, authScopes: { read: "networks" } }),
  }),
});
