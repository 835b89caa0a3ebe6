// Flows inside a campaign: type (forced / regular / default), filters in the shared filter language, weighted
// landings and offers, visitor binding. Landings and offers given in an input replace the flow's current ones.
import { z } from "zod";
import type { Actor } from "../../auth/actor.js";
import type { Deps } from "../../deps.js";
import type { Flow } from "../../generated/prisma/client.js";
import { ValidationError, type FieldIssue } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { flowFiltersSchema } from "../../tracking/routing/filter-schema.js";
import { crud } from "../shared/crud.js";
import { status, uuid } from "../shared/inputs.js";
import { auditedWrite, mustFind, parseInput, type Tx } from "../shared/write.js";

export const MAX_WEIGHT = 10_000;
export const DEFAULT_WEIGHT = 100;
const weight = z.number().int().min(0, "must be 0 (off) or more").max(MAX_WEIGHT, `must be at most ${MAX_WEIGHT}`);

const weighted = <K extends string>(key: K) =>
  z
    .array(z.object({ [key]: uuid, weight: weight.default(DEFAULT_WEIGHT) } as Record<K, typeof uuid> & { weight: z.ZodDefault<typeof weight> }))
    .max(100, "at most 100 per flow")
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((item, i) => {
        const id = (item as Record<string, string>)[key] as string;
        if (seen.has(id)) ctx.addIssue({ code: "custom", path: [i, key], message: "appears twice in this flow" });
        seen.add(id);
      });
    });

const fields = {
  name: z.string().trim().max(200, "must be at most 200 characters"),
  type: z.enum(["FORCED", "REGULAR", "DEFAULT"]),
  position: z.number().int().min(0).max(10_000),
  weight,
  filters: flowFiltersSchema,
  binding: z.enum(["NONE", "LANDING", "OFFER", "BOTH"]),
  trafficAiEnabled: z.boolean(),
  status,
  landings: weighted("landingId"),
  offers: weighted("offerId"),
};

export const createFlowInput = z
  .object({ campaignId: uuid, ...fields })
  .partial()
  .required({ campaignId: true });
export const updateFlowInput = z
  .object({ id: uuid, ...fields })
  .partial()
  .required({ id: true });

type Weighted = { weight: number } & Record<string, string | number>;

async function check(tx: Tx, data: Record<string, unknown>, before: Flow | null) {
  const issues: FieldIssue[] = [];
  if (!before) {
    const campaign = await tx.campaign.findUnique({ where: { id: data.campaignId as string }, select: { id: true } });
    if (!campaign) issues.push({ path: "campaignId", message: "no campaign has this id" });
  }
  const type = (data.type as string | undefined) ?? before?.type ?? "DEFAULT";
  const filters = (data.filters as unknown[] | undefined) ?? (before?.filters as unknown[] | undefined) ?? [];
  if (type === "DEFAULT" && filters.length > 0) {
    issues.push({ path: "filters", message: "a default flow catches all remaining traffic and takes no filters; make it regular or forced" });
  }
  for (const [key, idKey, model] of [
    ["landings", "landingId", "landingPage"],
    ["offers", "offerId", "offer"],
  ] as const) {
    const list = data[key] as Weighted[] | undefined;
    if (!list?.length) continue;
    const ids = list.map((x) => x[idKey] as string);
    const found =
      model === "landingPage"
        ? await tx.landingPage.findMany({ where: { id: { in: ids } }, select: { id: true } })
        : await tx.offer.findMany({ where: { id: { in: ids } }, select: { id: true } });
    const known = new Set(found.map((r) => r.id));
    ids.forEach((id, i) => {
      if (!known.has(id)) issues.push({ path: `${key}.${i}.${idKey}`, message: `no ${model === "offer" ? "offer" : "landing page"} has this id` });
    });
  }
  if (issues.length) throw new ValidationError(issues);
  if (!before && data.position === undefined) {
    const last = await tx.flow.findFirst({ where: { campaignId: data.campaignId as string }, orderBy: { position: "desc" }, select: { position: true } });
    data.position = last ? last.position + 1 : 0;
  }
}

const loadFlow = (tx: Tx, id: string) =>
  tx.flow.findUnique({ where: { id }, include: { landings: { orderBy: { position: "asc" } }, offers: { orderBy: { position: "asc" } } } });

export const flowService = crud<Flow, typeof createFlowInput, typeof updateFlowInput>({
  entity: "Flow",
  action: "flow",
  configChanged: true,
  delegate: (tx) => tx.flow as never,
  create: createFlowInput,
  update: updateFlowInput,
  check,
  childKeys: ["landings", "offers"],
  async children(tx, flowId, data) {
    const landings = data.landings as Weighted[] | undefined;
    if (landings) {
      await tx.flowLanding.deleteMany({ where: { flowId } });
      if (landings.length) {
        await tx.flowLanding.createMany({
          data: landings.map((l, position) => ({ id: newId(), flowId, landingId: l.landingId as string, weight: l.weight, position })),
        });
      }
    }
    const offers = data.offers as Weighted[] | undefined;
    if (offers) {
      await tx.flowOffer.deleteMany({ where: { flowId } });
      if (offers.length) {
        await tx.flowOffer.createMany({
          data: offers.map((o, position) => ({ id: newId(), flowId, offerId: o.offerId as string, weight: o.weight, position })),
        });
      }
    }
  },
  load: loadFlow,
});

/** The Balance button: every landing and/or offer of the flow gets the same weight. */
export async function balanceFlowWeights(deps: Deps, actor: Actor, input: unknown): Promise<Flow> {
  const { id, target } = parseInput(z.object({ id: uuid, target: z.enum(["LANDINGS", "OFFERS", "BOTH"]).default("BOTH") }), input);
  return auditedWrite(deps, actor, {
    action: "flow.balance",
    entityType: "Flow",
    configChanged: true,
    run: async (tx) => {
      const before = await mustFind("Flow", id, loadFlow(tx, id));
      if (target !== "OFFERS") await tx.flowLanding.updateMany({ where: { flowId: id }, data: { weight: DEFAULT_WEIGHT } });
      if (target !== "LANDINGS") await tx.flowOffer.updateMany({ where: { flowId: id }, data: { weight: DEFAULT_WEIGHT } });
      await tx.flow.update({ where: { id }, data: { updatedAt: new Date() } });
      return { row: (await loadFlow(tx, id)) as Flow, id, before };
    },
  });
}

/** Sets the order of a campaign's flows: positions follow the given list (every flow of the campaign, once). */
export async function reorderFlows(deps: Deps, actor: Actor, input: unknown): Promise<Flow[]> {
  const { campaignId, flowIds } = parseInput(z.object({ campaignId: uuid, flowIds: z.array(uuid).max(500) }), input);
  return auditedWrite(deps, actor, {
    action: "flow.reorder",
    entityType: "Campaign",
    configChanged: true,
    run: async (tx) => {
      const flows = await tx.flow.findMany({ where: { campaignId }, orderBy: { position: "asc" }, select: { id: true, position: true } });
      const current = new Set(flows.map((f) => f.id));
      if (flowIds.length !== current.size || new Set(flowIds).size !== flowIds.length || !flowIds.every((f) => current.has(f))) {
        throw new ValidationError([{ path: "flowIds", message: "must list every flow of the campaign exactly once" }]);
      }
      for (const [position, id] of flowIds.entries()) await tx.flow.update({ where: { id }, data: { position } });
      const row = await tx.flow.findMany({ where: { campaignId }, orderBy: { position: "asc" } });
      return { row, id: campaignId, before: flows, after: flowIds };
    },
  });
}
