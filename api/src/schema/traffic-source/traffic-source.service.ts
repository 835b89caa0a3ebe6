import { z } from "zod";
import type { Actor } from "../../auth/actor.js";
import type { Deps } from "../../deps.js";
import type { TrafficSource } from "../../generated/prisma/client.js";
import { newId } from "../../lib/ids.js";
import { currency, name, optionalUrl, status, uuid } from "../shared/inputs.js";
import { auditedWrite, mustFind, parseInput } from "../shared/write.js";
import { SOURCE_TEMPLATES, templateByKey } from "./templates.js";

const param = z
  .string()
  .trim()
  .max(64)
  .regex(/^[A-Za-z0-9_.-]*$/, "may contain letters, digits, _ . - only");
const macro = z.string().trim().max(128);

const fields = {
  name,
  template: z.enum(SOURCE_TEMPLATES.map((x) => x.key) as [string, ...string[]]),
  clickIdParam: param,
  clickIdMacro: macro,
  costParam: param,
  costMacro: macro,
  campaignIdParam: param,
  campaignIdMacro: macro,
  adSetIdParam: param,
  adSetIdMacro: macro,
  adIdParam: param,
  adIdMacro: macro,
  placementParam: param,
  placementMacro: macro,
  extraParams: z.array(z.object({ param: param.min(1, "is required"), macro })).max(20),
  postbackUrl: optionalUrl,
  postbackOnStatusChange: z.boolean(),
  apiUrl: optionalUrl,
  apiKey: z.string().max(512),
  currency,
  status,
};

export const createSourceInput = z
  .object(fields)
  .partial()
  .required({ name: true })
  // A chosen template fills every field the operator left out.
  .transform((v) => {
    const tpl = templateByKey(v.template ?? "custom");
    const { key: _k, name: _n, types: _t, ...defaults } = tpl ?? {};
    return { ...defaults, ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) } as typeof v;
  });
export const updateSourceInput = z
  .object({ id: uuid, ...fields })
  .partial()
  .required({ id: true });

export async function createTrafficSource(deps: Deps, actor: Actor, input: unknown): Promise<TrafficSource> {
  const data = parseInput(createSourceInput, input);
  return auditedWrite(deps, actor, {
    action: "traffic_source.create",
    entityType: "TrafficSource",
    configChanged: true,
    run: async (tx) => {
      const row = await tx.trafficSource.create({ data: { id: newId(), ...data, name: data.name } });
      return { row, id: row.id };
    },
  });
}

export async function updateTrafficSource(deps: Deps, actor: Actor, input: unknown): Promise<TrafficSource> {
  const { id, ...data } = parseInput(updateSourceInput, input);
  return auditedWrite(deps, actor, {
    action: "traffic_source.update",
    entityType: "TrafficSource",
    configChanged: true,
    run: async (tx) => {
      const before = await mustFind("TrafficSource", id, tx.trafficSource.findUnique({ where: { id } }));
      const row = await tx.trafficSource.update({ where: { id }, data });
      return { row, id, before };
    },
  });
}

export async function deleteTrafficSource(deps: Deps, actor: Actor, id: string): Promise<TrafficSource> {
  parseInput(uuid, id);
  return auditedWrite(deps, actor, {
    action: "traffic_source.delete",
    entityType: "TrafficSource",
    configChanged: true,
    run: async (tx) => {
      const before = await mustFind("TrafficSource", id, tx.trafficSource.findUnique({ where: { id } }));
      await tx.trafficSource.delete({ where: { id } });
      return { row: before, id, before, after: null };
    },
  });
}
