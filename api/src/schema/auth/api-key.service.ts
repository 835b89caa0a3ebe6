// API keys for tools (BI, optimizers): created with a name and scopes no wider than the creator's, shown once,
// stored hashed, revocable.
import { z } from "zod";
import type { Actor } from "../../auth/actor.js";
import { API_KEY_PREFIX } from "../../auth/auth.service.js";
import { SECTIONS, intersect, normalizePermissions, permissionsSchema } from "../../auth/permissions.js";
import type { Deps } from "../../deps.js";
import type { ApiKey } from "../../generated/prisma/client.js";
import { ForbiddenError, NotFoundError } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { newSecret, sha256 } from "../../lib/secrets.js";
import { name, uuid } from "../shared/inputs.js";
import { auditedWrite, parseInput } from "../shared/write.js";

const createInput = z.object({
  name,
  /** Omitted: read access to reports only, the common case for optimizer tools. */
  scopes: permissionsSchema.optional(),
  expiresAt: z.coerce
    .date()
    .refine((d) => d.getTime() > Date.now(), "must be in the future")
    .optional(),
});

export async function createApiKey(deps: Deps, actor: Actor, input: unknown): Promise<{ key: string; apiKey: ApiKey }> {
  if (actor.type !== "USER" || !actor.userId) throw new ForbiddenError("API keys are created by signed-in users");
  const data = parseInput(createInput, input);
  const requested = normalizePermissions(data.scopes ?? { reports: { read: true } });
  // Never wider than the creator: cells the creator lacks are dropped.
  const scopes = intersect(requested, actor.permissions);
  const key = newSecret(API_KEY_PREFIX);
  const apiKey = await auditedWrite(deps, actor, {
    action: "api_key.create",
    entityType: "ApiKey",
    run: async (tx) => {
      const row = await tx.apiKey.create({
        data: {
          id: newId(),
          name: data.name,
          prefix: key.slice(0, API_KEY_PREFIX.length + 7),
          keyHash: sha256(key),
          scopes,
          createdById: actor.userId as string,
          expiresAt: data.expiresAt ?? null,
        },
      });
      return { row, id: row.id };
    },
  });
  return { key, apiKey };
}

export async function revokeApiKey(deps: Deps, actor: Actor, id: string): Promise<ApiKey> {
  parseInput(uuid, id);
  const row = await auditedWrite(deps, actor, {
    action: "api_key.revoke",
    entityType: "ApiKey",
    run: async (tx) => {
      const before = await tx.apiKey.findUnique({ where: { id } });
      // Users manage their own keys; user admins (users:write) manage everyone's.
      if (!before || (before.createdById !== actor.userId && !actor.permissions.users.write)) throw new NotFoundError("ApiKey", id);
      const row = before.revokedAt ? before : await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
      return { row, id, before };
    },
  });
  deps.bus.publish("auth:revoked", { apiKeyId: id });
  return row;
}

export const scopeSections = SECTIONS;
