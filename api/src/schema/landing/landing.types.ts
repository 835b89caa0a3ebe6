import { builder } from "../../graphql/builder.js";
import { EntityStatus } from "../../graphql/shared.js";

export const LandingType = builder.enumType("LandingType", { values: ["LOCAL", "URL"] as const });

export const LandingPageRef = builder.prismaObject("LandingPage", {
  authScopes: { read: "landings" },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    type: t.expose("type", { type: LandingType }),
    url: t.exposeString("url"),
    html: t.exposeString("html"),
    protectionEnabled: t.exposeBoolean("protectionEnabled"),
    offerCount: t.exposeInt("offerCount"),
    steps: t.exposeStringList("steps"),
    importedFrom: t.exposeString("importedFrom"),
    status: t.expose("status", { type: EntityStatus }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});
