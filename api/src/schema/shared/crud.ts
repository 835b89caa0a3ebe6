// Create / update / delete for a simple operator-managed entity, on top of auditedWrite: validate, write in a
// transaction with its audit entry, publish config:changed when the click engine reads the entity.
import type { z } from "zod";
import type { Actor } from "../../auth/actor.js";
import type { Deps } from "../../deps.js";
import { newId } from "../../lib/ids.js";
import { uuid } from "./inputs.js";
import { auditedWrite, mustFind, parseInput, type Tx } from "./write.js";

export interface Delegate<T> {
  findUnique(args: { where: { id: string } }): Promise<T | null>;
  create(args: { data: Record<string, unknown> }): Promise<T>;
  update(args: { where: { id: string }; data: Record<string, unknown> }): Promise<T>;
  delete(args: { where: { id: string } }): Promise<T>;
}

export interface CrudSpec<T, C extends z.ZodType, U extends z.ZodType> {
  /** Prisma model name, also the audit entity type ("Offer"). */
  entity: string;
  /** Audit action prefix ("offer" -> offer.create, offer.update, offer.delete). */
  action: string;
  configChanged: boolean;
  delegate(tx: Tx): Delegate<T>;
  create: C;
  update: U;
  /** Cross-field checks that need the stored row (update) or the database. Throw ValidationError. */
  check?(tx: Tx, data: Record<string, unknown>, before: T | null): Promise<void>;
  /** Writes owned children (geo payouts, flow landings) after the row; returns the row to audit/return. */
  children?(tx: Tx, id: string, data: Record<string, unknown>, isCreate: boolean): Promise<void>;
  /** Keys of `data` that are children, not columns. */
  childKeys?: readonly string[];
  /** Reads the full row (with children) for the audit snapshot and the return value. */
  load?(tx: Tx, id: string): Promise<T | null>;
}

export function crud<T extends { id: string }, C extends z.ZodType, U extends z.ZodType>(spec: CrudSpec<T, C, U>) {
  const split = (data: Record<string, unknown>) => {
    const columns: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) if (!spec.childKeys?.includes(k) && v !== undefined) columns[k] = v;
    return columns;
  };
  const load = (tx: Tx, id: string) => (spec.load ? spec.load(tx, id) : spec.delegate(tx).findUnique({ where: { id } }));

  async function create(deps: Deps, actor: Actor, input: unknown): Promise<T> {
    const data = parseInput(spec.create, input) as Record<string, unknown>;
    return auditedWrite(deps, actor, {
      action: `${spec.action}.create`,
      entityType: spec.entity,
      configChanged: spec.configChanged,
      run: async (tx) => {
        await spec.check?.(tx, data, null);
        const id = newId();
        await spec.delegate(tx).create({ data: { id, ...split(data) } });
        await spec.children?.(tx, id, data, true);
        const row = (await load(tx, id)) as T;
        return { row, id };
      },
    });
  }

  async function update(deps: Deps, actor: Actor, input: unknown): Promise<T> {
    const { id, ...data } = parseInput(spec.update, input) as { id: string } & Record<string, unknown>;
    return auditedWrite(deps, actor, {
      action: `${spec.action}.update`,
      entityType: spec.entity,
      configChanged: spec.configChanged,
      run: async (tx) => {
        const before = await mustFind(spec.entity, id, load(tx, id));
        await spec.check?.(tx, data, before);
        const columns = split(data);
        if (Object.keys(columns).length) await spec.delegate(tx).update({ where: { id }, data: columns });
        await spec.children?.(tx, id, data, false);
        const row = (await load(tx, id)) as T;
        return { row, id, before };
      },
    });
  }

  async function remove(deps: Deps, actor: Actor, id: string): Promise<T> {
    parseInput(uuid, id);
    return auditedWrite(deps, actor, {
      action: `${spec.action}.delete`,
      entityType: spec.entity,
      configChanged: spec.configChanged,
      run: async (tx) => {
        const before = await mustFind(spec.entity, id, load(tx, id));
        await spec.delegate(tx).delete({ where: { id } });
        return { row: before, id, before, after: null };
      },
    });
  }

  return { create, update, remove, spec };
}
