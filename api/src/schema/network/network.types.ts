import { builder } from "../../graphql/builder.js";
import { EntityStatus } from "../../graphql/shared.js";

export const AffiliateNetworkRef = builder.prismaObject("AffiliateNetwork", {
  authScopes: { read: "networks" },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    type: t.exposeString("type"),
    apiUrl: t.exposeString("apiUrl"),
    hasApiKey: t.boolean({ resolve: (n) => n.apiKey !== "" }),
    postbackTemplate: t.exposeString("postbackTemplate"),
    allowedIps: t.exposeStringList("allowedIps"),
    requireKey: t.exposeBoolean("requireKey"),
    status: t.expose("status", { type: EntityStatus }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    offers: t.relation("offers", { authScopes: { read: "offers" } }),
  }),
});
