// Operators: create, update (role, custom permission grid, active, password), delete. Nobody grants more than
// they have, and the last active admin can be neither removed, deactivated nor demoted.
import { z } from "zod";
import type { Actor } from "../../auth/actor.js";
import { SECTIONS, permissionsForRole, permissionsSchema, type Permissions } from "../../auth/permissions.js";
import type { Deps } from "../../deps.js";
import type { User } from "../../generated/prisma/client.js";
import { ConflictError, ValidationError } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { hashPassword } from "../../lib/secrets.js";
import { uuid } from "../shared/inputs.js";
import { auditedWrite, mustFind, parseInput, type Tx } from "../shared/write.js";

export const MIN_PASSWORD = 10;
const password = z.string().min(MIN_PASSWORD, `must be at least ${MIN_PASSWORD} characters`).max(1024, "must be at most 1024 characters");
const fields = {
  email: z.string().trim().toLowerCase().email("must be an email address").max(254),
  name: z.string().trim().max(200),
  role: z.enum(["ADMIN", "MANAGER", "VIEWER", "CUSTOM"]),
  /** Custom role only: the grid. */
  permissions: permissionsSchema,
  active: z.boolean(),
  password,
};

export const createUserInput = z.object(fields).partial().required({ email: true, password: true });
export const updateUserInput = z
  .object({ id: uuid, ...fields })
  .partial()
  .required({ id: true });

/** The user as stored in audit entries and returned: never the password hash. */
const safe = ({ passwordHash: _p, ...u }: User) => u;

function mustNotEscalate(actor: Actor, grid: Permissions) {
  const wider = SECTIONS.filter((s) => (grid[s].read && !actor.permissions[s].read) || (grid[s].write && !actor.permissions[s].write));
  if (wider.length) {
    throw new ValidationError([{ path: "permissions", message: `you cannot grant access you do not have (${wider.join(", ")})` }]);
  }
}

async function otherActiveAdmins(tx: Tx, exceptId: string): Promise<number> {
  return tx.user.count({ where: { role: "ADMIN", active: true, id: { not: exceptId } } });
}

export async function createUser(deps: Deps, actor: Actor, input: unknown): Promise<User> {
  const data = parseInput(createUserInput, input);
  const role = data.role ?? "VIEWER";
  mustNotEscalate(actor, permissionsForRole(role, data.permissions ?? {}));
  const passwordHash = await hashPassword(data.password);
  return auditedWrite(deps, actor, {
    action: "user.create",
    entityType: "User",
    run: async (tx) => {
      const row = await tx.user.create({
        data: {
          id: newId(),
          email: data.email,
          name: data.name ?? "",
          role,
          permissions: role === "CUSTOM" ? (data.permissions ?? {}) : {},
          active: data.active ?? true,
          passwordHash,
        },
      });
      return { row, id: row.id, after: safe(row) };
    },
  });
}

export async function updateUser(deps: Deps, actor: Actor, input: unknown): Promise<User> {
  const { id, password: newPassword, ...data } = parseInput(updateUserInput, input);
  const passwordHash = newPassword ? await hashPassword(newPassword) : undefined;
  let revokeSessions = false;
  const row = await auditedWrite(deps, actor, {
    action: "user.update",
    entityType: "User",
    run: async (tx) => {
      const before = await mustFind("User", id, tx.user.findUnique({ where: { id } }));
      const role = data.role ?? before.role;
      const grid = permissionsForRole(role, data.permissions ?? before.permissions);
      if (data.role !== undefined || data.permissions !== undefined) mustNotEscalate(actor, grid);
      const losesAdmin = before.role === "ADMIN" && before.active && (role !== "ADMIN" || data.active === false);
      if (losesAdmin && (await otherActiveAdmins(tx, id)) === 0) {
        throw new ConflictError("this is the last active admin: make another user admin first", data.active === false ? "active" : "role");
      }
      const row = await tx.user.update({
        where: { id },
        data: {
          ...data,
          ...(data.role !== undefined || data.permissions !== undefined
            ? { permissions: role === "CUSTOM" ? (data.permissions ?? before.permissions ?? {}) : {} }
            : {}),
          ...(passwordHash ? { passwordHash } : {}),
        } as never,
      });
      revokeSessions = !!passwordHash || data.active === false;
      if (revokeSessions) await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
      return { row, id, before: safe(before), after: { ...safe(row), ...(passwordHash ? { passwordChanged: true } : {}) } };
    },
  });
  if (revokeSessions) deps.bus.publish("auth:revoked", { userId: id });
  return row;
}

export async function deleteUser(deps: Deps, actor: Actor, id: string): Promise<User> {
  parseInput(uuid, id);
  if (id === actor.userId) throw new ValidationError([{ path: "id", message: "you cannot delete yourself" }]);
  const row = await auditedWrite(deps, actor, {
    action: "user.delete",
    entityType: "User",
    run: async (tx) => {
      const before = await mustFind("User", id, tx.user.findUnique({ where: { id } }));
      if (before.role === "ADMIN" && before.active && (await otherActiveAdmins(tx, id)) === 0) {
        throw new ConflictError("this is the last active admin", "id");
      }
      await tx.user.delete({ where: { id } });
      return { row: before, id, before: safe(before), after: null };
    },
  });
  deps.bus.publish("auth:revoked", { userId: id });
  return row;
}
