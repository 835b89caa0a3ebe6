import { builder } from "../../graphql/builder.js";

export const DomainRef = builder.prismaObject("Domain", {
  authScopes: { read: "domains" },
  fields: (t) => ({
    id: t.exposeID("id"),
    hostname: t.exposeString("hostname"),
    groupName: t.exposeString("groupName"),
    verified: t.exposeBoolean("verified"),
    verifiedAt: t.expose("verifiedAt", { type: "DateTime", nullable: true }),
    sslStatus: t.exposeString("sslStatus"),
    dnsProvider: t.exposeString("dnsProvider"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    campaigns: t.relation("campaigns", { authScopes: { read: "campaigns" } }),
  }),
});
