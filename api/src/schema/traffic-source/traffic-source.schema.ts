import { builder } from "../../graphql/builder.js";
import { writeErrors } from "../../graphql/errors.js";
import { actorOf } from "../../graphql/context.js";
import { EntityStatus, ListFilter, SortDirection, dir, listWhere, stripNulls } from "../../graphql/shared.js";
import { MACRO_FIELDS } from "../campaign/tracking-link.js";
import { SOURCE_TEMPLATES } from "./templates.js";
import { createTrafficSource, deleteTrafficSource, updateTrafficSource } from "./traffic-source.service.js";

type MacroKey = (typeof MACRO_FIELDS)[number];
/** The twelve parameter/macro string fields a source and a source template both expose. */
function macroFields<R>(expose: (name: MacroKey) => R): Record<MacroKey, R> {
  return Object.fromEntries(MACRO_FIELDS.map((k) => [k, expose(k)])) as Record<MacroKey, R>;
}

const ExtraParam = builder.objectRef<{ param: string; macro: string }>("SourceExtraParam").implement({
  fields: (t) => ({ param: t.exposeString("param"), macro: t.exposeString("macro") }),
});

export const TrafficSourceRef = builder.prismaObject("TrafficSource", {
  authScopes: { read: "sources" },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    template: t.exposeString("template"),
    ...macroFields((k) => t.exposeString(k)),
    extraParams: t.field({ type: [ExtraParam], resolve: (s) => (Array.isArray(s.extraParams) ? (s.extraParams as { param: string; macro: string }[]) : []) }),
    postbackUrl: t.exposeString("postbackUrl"),
    postbackOnStatusChange: t.exposeBoolean("postbackOnStatusChange"),
    apiUrl: t.exposeString("apiUrl"),
    hasApiKey: t.boolean({ resolve: (s) => s.apiKey !== "" }),
    currency: t.exposeString("currency"),
    status: t.expose("status", { type: EntityStatus }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    campaigns: t.relation("campaigns", { authScopes: { read: "campaigns" } }),
  }),
});

const SourceTemplateRef = builder.objectRef<(typeof SOURCE_TEMPLATES)[number]>("TrafficSourceTemplate").implement({
  description: "A pre-configured traffic source: picking it fills the macros and postback URL.",
  fields: (t) => ({
    key: t.exposeString("key"),
    name: t.exposeString("name"),
    types: t.exposeString("types"),
    ...macroFields((k) => t.exposeString(k)),
    postbackUrl: t.exposeString("postbackUrl"),
  }),
});

const SourceSortField = builder.enumType("TrafficSourceSortField", { values: ["NAME", "CREATED_AT"] as const });
const SourceOrder = builder.inputType("TrafficSourceOrder", {
  fields: (t) => ({ field: t.field({ type: SourceSortField, required: true }), direction: t.field({ type: SortDirection }) }),
});

const ExtraParamInput = builder.inputType("SourceExtraParamInput", {
  fields: (t) => ({ param: t.string({ required: true }), macro: t.string({ required: true }) }),
});

const sourceFields = (t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0]) => ({
  name: t.string(),
  template: t.string(),
  clickIdParam: t.string(),
  clickIdMacro: t.string(),
  costParam: t.string(),
  costMacro: t.string(),
  campaignIdParam: t.string(),
  campaignIdMacro: t.string(),
  adSetIdParam: t.string(),
  adSetIdMacro: t.string(),
  adIdParam: t.string(),
  adIdMacro: t.string(),
  placementParam: t.string(),
  placementMacro: t.string(),
  extraParams: t.field({ type: [ExtraParamInput] }),
  postbackUrl: t.string(),
  postbackOnStatusChange: t.boolean(),
  apiUrl: t.string(),
  apiKey: t.string(),
  currency: t.string(),
  status: t.field({ type: EntityStatus }),
});

const CreateInput = builder.inputType("CreateTrafficSourceInput", { fields: (t) => ({ ...sourceFields(t), name: t.string({ required: true }) }) });
const UpdateInput = builder.inputType("UpdateTrafficSourceInput", { fields: (t) => ({ ...sourceFields(t), id: t.id({ required: true }) }) });

builder.queryFields((t) => ({
  trafficSourceTemplates: t.field({
    type: [SourceTemplateRef],
    authScopes: { read: "sources" },
    resolve: () => SOURCE_TEMPLATES,
  }),
  trafficSource: t.prismaField({
    type: "TrafficSource",
    nullable: true,
    authScopes: { read: "sources" },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) => ctx.deps.db.prisma.trafficSource.findUnique({ ...query, where: { id } }),
  }),
  trafficSources: t.prismaConnection(
    {
      type: "TrafficSource",
      cursor: "id",
      authScopes: { read: "sources" },
      args: { filter: t.arg({ type: ListFilter }), orderBy: t.arg({ type: SourceOrder }) },
      resolve: (query, _root, args, ctx) =>
        ctx.deps.db.prisma.trafficSource.findMany({
          ...query,
          where: listWhere(args.filter, ["name"]),
          orderBy: [args.orderBy?.field === "NAME" ? { name: dir(args.orderBy.direction) } : { createdAt: dir(args.orderBy?.direction) }, { id: "asc" }],
        }),
      totalCount: (_conn, args, ctx) => ctx.deps.db.prisma.trafficSource.count({ where: listWhere(args.filter, ["name"]) }),
    },
    {},
  ),
}));

builder.mutationFields((t) => ({
  createTrafficSource: t.field({
    type: TrafficSourceRef,
    authScopes: { write: "sources" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_root, { input }, ctx) => createTrafficSource(ctx.deps, actorOf(ctx), input),
  }),
  updateTrafficSource: t.field({
    type: TrafficSourceRef,
    authScopes: { write: "sources" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    resolve: (_root, { input }, ctx) => updateTrafficSource(ctx.deps, actorOf(ctx), stripNulls(input)),
  }),
  deleteTrafficSource: t.field({
    type: TrafficSourceRef,
    authScopes: { write: "sources" },
    errors: { types: [...writeErrors] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => deleteTrafficSource(ctx.deps, actorOf(ctx), id),
  }),
}));
