import { ROLE_PERMISSIONS } from "../../auth/permissions.js";
import { builder } from "../../graphql/builder.js";
import { actorOf } from "../../graphql/context.js";
import { writeErrors } from "../../graphql/errors.js";
import { stripNulls } from "../../graphql/shared.js";
import { Role, SectionAccessInput, UserRef, permissionList, permissionsFromList } from "../auth/auth.schema.js";
import { createUser, deleteUser, updateUser } from "./user.service.js";

const SectionAccessRef = builder.objectRef<{ section: string; read: boolean; write: boolean }>("RoleSectionAccess").implement({
  fields: (t) => ({ section: t.exposeString("section"), read: t.exposeBoolean("read"), write: t.exposeBoolean("write") }),
});
const RoleInfo = builder.objectRef<{ role: string; permissions: ReturnType<typeof permissionList> }>("RoleInfo").implement({
  description: "A built-in role and its grid; CUSTOM users carry their own.",
  fields: (t) => ({ role: t.exposeString("role"), permissions: t.field({ type: [SectionAccessRef], resolve: (r) => r.permissions }) }),
});

const Filter = builder.inputType("UserFilter", { fields: (t) => ({ search: t.string(), role: t.field({ type: Role }), active: t.boolean() }) });
const userFields = (t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0]) => ({
  email: t.string(),
  name: t.string(),
  role: t.field({ type: Role }),
  permissions: t.field({ type: [SectionAccessInput], description: "CUSTOM role: read/write per section." }),
  active: t.boolean(),
  password: t.string({ description: "At least 10 characters. Changing it signs the user out everywhere." }),
});
const CreateInput = builder.inputType("CreateUserInput", {
  fields: (t) => ({ ...userFields(t), email: t.string({ required: true }), password: t.string({ required: true }) }),
});
const UpdateInput = builder.inputType("UpdateUserInput", { fields: (t) => ({ ...userFields(t), id: t.id({ required: true }) }) });

const where = (f: { search?: string | null; role?: string | null; active?: boolean | null } | null | undefined) => {
  const s = f?.search?.trim();
  return {
    ...(s ? { OR: [{ email: { contains: s, mode: "insensitive" as const } }, { name: { contains: s, mode: "insensitive" as const } }] } : {}),
    ...(f?.role ? { role: f.role as "ADMIN" } : {}),
    ...(typeof f?.active === "boolean" ? { active: f.active } : {}),
  };
};

function toService<T extends { permissions?: ReadonlyArray<{ section: string; read: boolean; write: boolean }> | null }>(input: T) {
  const { permissions, ...rest } = stripNulls(input);
  return { ...rest, ...(permissions ? { permissions: permissionsFromList(permissions) } : {}) };
}

builder.queryFields((t) => ({
  users: t.prismaConnection(
    {
      type: "User",
      cursor: "id",
      authScopes: { read: "users" },
      args: { filter: t.arg({ type: Filter }) },
      resolve: (query, _r, args, ctx) => ctx.deps.db.prisma.user.findMany({ ...query, where: where(args.filter), orderBy: [{ email: "asc" }, { id: "asc" }] }),
      totalCount: (_c, args, ctx) => ctx.deps.db.prisma.user.count({ where: where(args.filter) }),
    },
    {},
  ),
  user: t.prismaField({
    type: "User",
    nullable: true,
    authScopes: { read: "users" },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _r, { id }, ctx) => ctx.deps.db.prisma.user.findUnique({ ...query, where: { id } }),
  }),
  roles: t.field({
    type: [RoleInfo],
    authScopes: { authenticated: true },
    resolve: () => Object.entries(ROLE_PERMISSIONS).map(([role, p]) => ({ role, permissions: permissionList(p) })),
  }),
}));

builder.mutationFields((t) => ({
  createUser: t.field({
    type: UserRef,
    authScopes: { write: "users" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_r, { input }, ctx) => createUser(ctx.deps, actorOf(ctx), toService(input)),
  }),
  updateUser: t.field({
    type: UserRef,
    authScopes: { write: "users" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    resolve: (_r, { input }, ctx) => updateUser(ctx.deps, actorOf(ctx), toService(input)),
  }),
  deleteUser: t.field({
    type: UserRef,
    authScopes: { write: "users" },
    errors: { types: [...writeErrors] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => deleteUser(ctx.deps, actorOf(ctx), id),
  }),
}));
