// The audit log: every mutation writes who did what, with the row before and after, in the same transaction.
import type { Actor } from "../auth/actor.js";
import type { Prisma } from "../generated/prisma/client.js";
import { newId } from "../lib/ids.js";

type Tx = Pick<Prisma.TransactionClient, "auditLog">;

const SECRET_KEYS = /password|secret|token|apikey|api_key|keyhash|key_hash|licensekey/i;

/** Drops secrets and turns Decimals and Dates into JSON. */
export function auditSnapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => (key && SECRET_KEYS.test(key) && typeof v === "string" && v !== "" ? "[redacted]" : v)),
  ) as Prisma.InputJsonValue;
}

export async function writeAudit(
  tx: Tx,
  actor: Actor,
  entry: { action: string; entityType: string; entityId?: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      id: newId(),
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: auditSnapshot(entry.before),
      after: auditSnapshot(entry.after),
      ip: actor.ip,
    },
  });
}
