import { builder } from "../../graphql/builder.js";
import { EntityStatus } from "../../graphql/shared.js";

export const FlowType = builder.enumType("FlowType", { values: ["FORCED", "REGULAR", "DEFAULT"] as const });
export const BindingMode = builder.enumType("BindingMode", { values: ["NONE", "LANDING", "OFFER", "BOTH"] as const });

export interface FlowFilterShape {
  field: string;
  operator: string;
  value: string | string[];
}

export const FlowFilterRef = builder.objectRef<FlowFilterShape>("FlowFilter").implement({
  fields: (t) => ({
    field: t.exposeString("field"),
    operator: t.exposeString("operator"),
    values: t.stringList({ resolve: (f) => (Array.isArray(f.value) ? f.value.map(String) : [String(f.value)]) }),
  }),
});

export const FlowLandingRef = builder.prismaObject("FlowLanding", {
  authScopes: { read: "flows" },
  fields: (t) => ({
    id: t.exposeID("id"),
    weight: t.exposeInt("weight"),
    position: t.exposeInt("position"),
    landing: t.relation("landing", { authScopes: { read: "landings" } }),
  }),
});

export const FlowOfferRef = builder.prismaObject("FlowOffer", {
  authScopes: { read: "flows" },
  fields: (t) => ({
    id: t.exposeID("id"),
    weight: t.exposeInt("weight"),
    position: t.exposeInt("position"),
    offer: t.relation("offer", { authScopes: { read: "offers" } }),
  }),
});

export const FlowRef = builder.prismaObject("Flow", {
  authScopes: { read: "flows" },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    type: t.expose("type", { type: FlowType }),
    position: t.exposeInt("position"),
    weight: t.exposeInt("weight"),
    filters: t.field({ type: [FlowFilterRef], resolve: (f) => (Array.isArray(f.filters) ? (f.filters as unknown as FlowFilterShape[]) : []) }),
    binding: t.expose("binding", { type: BindingMode }),
    trafficAiEnabled: t.exposeBoolean("trafficAiEnabled"),
    status: t.expose("status", { type: EntityStatus }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    campaign: t.relation("campaign", { authScopes: { read: "campaigns" } }),
    landings: t.relation("landings", { query: { orderBy: { position: "asc" } } }),
    offers: t.relation("offers", { query: { orderBy: { position: "asc" } } }),
  }),
});
