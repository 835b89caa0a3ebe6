// The one way services write operator data: validate with zod, run in a transaction with its audit entry,
// map unique violations to ConflictError, then tell every node's click engine that configuration changed.
import type { z } from "zod";
import type { Actor } from "../../auth/actor.js";
import { writeAudit } from "../../db/audit.js";
import type { Deps } from "../../deps.js";
import { Prisma } from "../../generated/prisma/client.js";
import { ConflictError, NotFoundError, ValidationError, inputErrorFromDb, issuesFromZod } from "../../lib/errors.js";

export type Tx = Prisma.TransactionClient;

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error.issues));
  return parsed.data;
}

export interface WriteSpec<T> {
  action: string;
  entityType: string;
  /** Publish config:changed after commit (anything the click engine reads). */
  configChanged?: boolean;
  run(tx: Tx): Promise<{ row: T; id: string; before?: unknown; after?: unknown }>;
}

export async function auditedWrite<T>(deps: Deps, actor: Actor, spec: WriteSpec<T>): Promise<T> {
  let id = "";
  const row = await deps.db.prisma
    .$transaction(async (tx) => {
      const result = await spec.run(tx);
      id = result.id;
      await writeAudit(tx, actor, {
        action: spec.action,
        entityType: spec.entityType,
        entityId: result.id,
        before: result.before,
        after: result.after === undefined ? result.row : result.after,
      });
      return result.row;
    })
    .catch(mapPrismaError);
  if (spec.configChanged) deps.bus.publish("config:changed", { entity: spec.entityType, id, at: Date.now() });
  return row;
}

/** Unique violations and missing rows become domain errors a client can act on. */
export function mapPrismaError(err: unknown): never {
  const badInput = inputErrorFromDb(err);
  if (badInput) throw badInput;
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === "P2002") {
      const field = uniqueFieldOf(err.meta);
      throw new ConflictError(field ? `${field} is already taken` : "a record with these values already exists", field);
    }
    if (err.code === "P2025") throw new NotFoundError(String(err.meta?.modelName ?? "record"), "");
    if (err.code === "P2003") throw new ValidationError([{ path: String(err.meta?.field_name ?? ""), message: "refers to a record that does not exist" }]);
  }
  throw err;
}

export async function mustFind<T>(entity: string, id: string, find: Promise<T | null>): Promise<T> {
  const row = await find;
  if (!row) throw new NotFoundError(entity, id);
  return row;
}

/** The column(s) of a unique violation, from Prisma's meta or the driver adapter's cause ("campaigns_slug_key" -> "slug"). */
function uniqueFieldOf(meta: Record<string, unknown> | undefined): string {
  const target = meta?.target;
  if (Array.isArray(target)) return target.join(",");
  if (typeof target === "string") return target;
  const cause = (meta?.driverAdapterError as { cause?: { table?: string; constraint?: { fields?: string[]; index?: string } } } | undefined)?.cause;
  if (cause?.constraint?.fields?.length) return cause.constraint.fields.map(camel).join(",");
  const index = cause?.constraint?.index ?? "";
  const table = cause?.table ?? index.split("_")[0] ?? "";
  const columns = index.startsWith(`${table}_`) && index.endsWith("_key") ? index.slice(table.length + 1, -4) : "";
  return camel(columns);
}

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
