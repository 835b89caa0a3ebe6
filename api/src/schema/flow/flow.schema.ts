import { builder } from "../../graphql/builder.js";
import { actorOf } from "../../graphql/context.js";
import { writeErrors } from "../../graphql/errors.js";
import { EntityStatus, stripNulls } from "../../graphql/shared.js";
import { FILTER_FIELDS } from "../../tracking/routing/filter-schema.js";
import { balanceFlowWeights, flowService, reorderFlows } from "./flow.service.js";
import { BindingMode, FlowRef, FlowType } from "./flow.types.js";

const FilterFieldRef = builder.objectRef<{ field: string; operators: readonly string[] }>("FlowFilterField").implement({
  description: "A field flows can filter on, and the operators it accepts.",
  fields: (t) => ({ field: t.exposeString("field"), operators: t.exposeStringList("operators") }),
});

const FlowFilterInput = builder.inputType("FlowFilterInput", {
  fields: (t) => ({
    field: t.string({ required: true }),
    operator: t.string({ required: true }),
    values: t.stringList({ required: true, description: "One value, or several for in / not_in." }),
  }),
});
const FlowLandingInput = builder.inputType("FlowLandingInput", {
  fields: (t) => ({ landingId: t.id({ required: true }), weight: t.int({ description: "Default 100; 0 = off." }) }),
});
const FlowOfferInput = builder.inputType("FlowOfferInput", {
  fields: (t) => ({ offerId: t.id({ required: true }), weight: t.int({ description: "Default 100; 0 = off." }) }),
});
const BalanceTarget = builder.enumType("FlowBalanceTarget", { values: ["LANDINGS", "OFFERS", "BOTH"] as const });

const flowFields = (t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0]) => ({
  name: t.string(),
  type: t.field({ type: FlowType }),
  position: t.int(),
  weight: t.int({ description: "Weight among matching regular flows." }),
  filters: t.field({ type: [FlowFilterInput], description: "All must match. Replaces the flow's filters when given." }),
  binding: t.field({ type: BindingMode }),
  trafficAiEnabled: t.boolean(),
  status: t.field({ type: EntityStatus }),
  landings: t.field({ type: [FlowLandingInput], description: "Replaces the flow's landings when given (in this order)." }),
  offers: t.field({ type: [FlowOfferInput], description: "Replaces the flow's offers when given (in this order)." }),
});
const CreateInput = builder.inputType("CreateFlowInput", { fields: (t) => ({ ...flowFields(t), campaignId: t.id({ required: true }) }) });
const UpdateInput = builder.inputType("UpdateFlowInput", { fields: (t) => ({ ...flowFields(t), id: t.id({ required: true }) }) });

type FilterIn = { field: string; operator: string; values: readonly string[] };
type WeightIn = { weight?: number | null };
/** GraphQL shapes to the service's: filter values as `value`, omitted weights left to the default. */
function toService<T extends { filters?: readonly FilterIn[] | null; landings?: readonly WeightIn[] | null; offers?: readonly WeightIn[] | null }>(input: T) {
  const { filters, landings, offers, ...rest } = stripNulls(input);
  const dropNullWeight = (list: readonly WeightIn[]) => list.map((x) => stripNulls(x));
  return {
    ...rest,
    ...(filters ? { filters: filters.map((f) => ({ field: f.field, operator: f.operator, value: [...f.values] })) } : {}),
    ...(landings ? { landings: dropNullWeight(landings) } : {}),
    ...(offers ? { offers: dropNullWeight(offers) } : {}),
  };
}

builder.queryFields((t) => ({
  flow: t.prismaField({
    type: "Flow",
    nullable: true,
    authScopes: { read: "flows" },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _r, { id }, ctx) => ctx.deps.db.prisma.flow.findUnique({ ...query, where: { id } }),
  }),
  flows: t.prismaField({
    type: ["Flow"],
    authScopes: { read: "flows" },
    description: "A campaign's flows in evaluation order.",
    args: { campaignId: t.arg.id({ required: true }), status: t.arg({ type: EntityStatus }) },
    resolve: (query, _r, args, ctx) =>
      ctx.deps.db.prisma.flow.findMany({
        ...query,
        where: { campaignId: args.campaignId, ...(args.status ? { status: args.status } : {}) },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      }),
  }),
  flowFilterFields: t.field({
    type: [FilterFieldRef],
    authScopes: { read: "flows" },
    resolve: () => Object.entries(FILTER_FIELDS).map(([field, operators]) => ({ field, operators })),
  }),
}));

builder.mutationFields((t) => ({
  createFlow: t.field({
    type: FlowRef,
    authScopes: { write: "flows" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_r, { input }, ctx) => flowService.create(ctx.deps, actorOf(ctx), toService(input)),
  }),
  updateFlow: t.field({
    type: FlowRef,
    authScopes: { write: "flows" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    resolve: (_r, { input }, ctx) => flowService.update(ctx.deps, actorOf(ctx), toService(input)),
  }),
  deleteFlow: t.field({
    type: FlowRef,
    authScopes: { write: "flows" },
    errors: { types: [...writeErrors] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => flowService.remove(ctx.deps, actorOf(ctx), id),
  }),
  balanceFlowWeights: t.field({
    type: FlowRef,
    authScopes: { write: "flows" },
    errors: { types: [...writeErrors] },
    description: "The Balance button: gives every landing and/or offer of the flow the same weight (100).",
    args: { id: t.arg.id({ required: true }), target: t.arg({ type: BalanceTarget }) },
    resolve: (_r, args, ctx) => balanceFlowWeights(ctx.deps, actorOf(ctx), { id: args.id, target: args.target ?? "BOTH" }),
  }),
  reorderFlows: t.field({
    type: [FlowRef],
    authScopes: { write: "flows" },
    errors: { types: [...writeErrors] },
    args: { campaignId: t.arg.id({ required: true }), flowIds: t.arg.idList({ required: true }) },
    resolve: (_r, args, ctx) => reorderFlows(ctx.deps, actorOf(ctx), args),
  }),
}));
