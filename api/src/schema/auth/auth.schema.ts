import { SECTIONS, normalizePermissions, permissionsForRole, type Permissions } from "../../auth/permissions.js";
import { login, logout, revokeSession } from "../../auth/auth.service.js";
import { builder } from "../../graphql/builder.js";
import { actorOf } from "../../graphql/context.js";
import { writeErrors } from "../../graphql/errors.js";
import { NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from "../../lib/errors.js";
import { createApiKey, revokeApiKey } from "./api-key.service.js";

export const Role = builder.enumType("Role", { values: ["ADMIN", "MANAGER", "VIEWER", "CUSTOM"] as const });
export const SectionEnum = builder.enumType("Section", { values: SECTIONS.map((s) => s.toUpperCase()) as unknown as readonly ["CAMPAIGNS"] });

const SectionAccess = builder.objectRef<{ section: string; read: boolean; write: boolean }>("SectionAccess").implement({
  fields: (t) => ({ section: t.exposeString("section"), read: t.exposeBoolean("read"), write: t.exposeBoolean("write") }),
});
export const permissionList = (p: Permissions) => SECTIONS.map((section) => ({ section, ...p[section] }));

export const SectionAccessInput = builder.inputType("SectionAccessInput", {
  fields: (t) => ({ section: t.string({ required: true }), read: t.boolean({ required: true }), write: t.boolean({ required: true }) }),
});
/** [{section, read, write}] from GraphQL to the stored { section: { read, write } } shape. */
export const permissionsFromList = (list: ReadonlyArray<{ section: string; read: boolean; write: boolean }>) =>
  Object.fromEntries(list.map((p) => [p.section, { read: p.read, write: p.write }]));

export const UserRef = builder.prismaObject("User", {
  // Any signed-in actor, or the answer to the login that just signed this user in.
  authScopes: { authenticated: true, $granted: "signedIn" },
  fields: (t) => ({
    id: t.exposeID("id"),
    email: t.exposeString("email"),
    name: t.exposeString("name"),
    role: t.expose("role", { type: Role }),
    active: t.exposeBoolean("active"),
    permissions: t.field({
      type: [SectionAccess],
      resolve: (u) => permissionList(permissionsForRole(u.role, u.permissions)),
    }),
    lastLoginAt: t.expose("lastLoginAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const Viewer = builder
  .objectRef<{ actorType: string; name: string; userId: string | null; permissions: Permissions; expiresAt: Date | null }>("Viewer")
  .implement({
    description: "Who the request is authenticated as, and what it may read and write.",
    fields: (t) => ({
      actorType: t.exposeString("actorType"),
      name: t.exposeString("name"),
      user: t.prismaField({
        type: "User",
        nullable: true,
        resolve: (query, v, _a, ctx) => (v.userId ? ctx.deps.db.prisma.user.findUnique({ ...query, where: { id: v.userId } }) : null),
      }),
      permissions: t.field({ type: [SectionAccess], resolve: (v) => permissionList(v.permissions) }),
      expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    }),
  });

const LoginPayload = builder.objectRef<{ token: string; expiresAt: Date; userId: string }>("LoginPayload").implement({
  fields: (t) => ({
    token: t.exposeString("token", { description: "Send as `Authorization: Bearer <token>`." }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    // The request that signs in is anonymous; the user it signed in as is readable in the answer.
    user: t.prismaField({
      type: "User",
      grantScopes: ["signedIn"],
      resolve: (query, p, _a, ctx) => ctx.deps.db.prisma.user.findUniqueOrThrow({ ...query, where: { id: p.userId } }),
    }),
  }),
});

export const ApiKeyRef = builder.prismaObject("ApiKey", {
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    prefix: t.exposeString("prefix", { description: "The key's first characters, to tell keys apart; the key itself is shown only once." }),
    scopes: t.field({ type: [SectionAccess], resolve: (k) => permissionList(normalizePermissions(k.scopes)) }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
    createdBy: t.relation("createdBy"),
  }),
});

const CreatedApiKey = builder.objectRef<{ key: string; apiKey: { id: string } }>("CreatedApiKey").implement({
  fields: (t) => ({
    key: t.exposeString("key", { description: "The secret. Shown once: store it now." }),
    apiKey: t.prismaField({
      type: "ApiKey",
      resolve: (query, p, _a, ctx) => ctx.deps.db.prisma.apiKey.findUniqueOrThrow({ ...query, where: { id: p.apiKey.id } }),
    }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    type: Viewer,
    nullable: true,
    description: "The authenticated operator or API key; null when the request carries no valid credential.",
    resolve: (_r, _a, ctx) =>
      ctx.actor
        ? { actorType: ctx.actor.type, name: ctx.actor.name, userId: ctx.actor.userId, permissions: ctx.actor.permissions, expiresAt: ctx.actor.expiresAt }
        : null,
  }),
  apiKeys: t.prismaField({
    type: ["ApiKey"],
    authScopes: { authenticated: true },
    description: "Your API keys; user admins see everyone's.",
    resolve: (query, _r, _a, ctx) => {
      const actor = actorOf(ctx);
      return ctx.deps.db.prisma.apiKey.findMany({
        ...query,
        where: actor.permissions.users.write ? {} : { createdById: actor.userId ?? "" },
        orderBy: { createdAt: "desc" },
      });
    },
  }),
}));

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginPayload,
    errors: { types: [ValidationError, UnauthenticatedError, RateLimitedError] },
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const result = await login(ctx.deps, args, { ip: ctx.ip, userAgent: ctx.userAgent });
      return { token: result.token, expiresAt: result.expiresAt, userId: result.user.id };
    },
  }),
  logout: t.boolean({
    authScopes: { user: true },
    resolve: async (_r, _a, ctx) => {
      await logout(ctx.deps, actorOf(ctx));
      return true;
    },
  }),
  revokeSession: t.boolean({
    authScopes: { user: true },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => {
      const actor = actorOf(ctx);
      const s = await ctx.deps.db.prisma.session.findUnique({ where: { id } });
      if (!s || (s.userId !== actor.userId && !actor.permissions.users.write)) throw new NotFoundError("Session", id);
      await revokeSession(ctx.deps, id);
      return true;
    },
  }),
  createApiKey: t.field({
    type: CreatedApiKey,
    authScopes: { user: true },
    errors: { types: [...writeErrors] },
    args: {
      name: t.arg.string({ required: true }),
      scopes: t.arg({ type: [SectionAccessInput] }),
      expiresAt: t.arg({ type: "DateTime" }),
    },
    resolve: (_r, args, ctx) =>
      createApiKey(ctx.deps, actorOf(ctx), {
        name: args.name,
        ...(args.scopes ? { scopes: permissionsFromList(args.scopes) } : {}),
        ...(args.expiresAt ? { expiresAt: args.expiresAt } : {}),
      }),
  }),
  revokeApiKey: t.field({
    type: ApiKeyRef,
    authScopes: { authenticated: true },
    errors: { types: [...writeErrors] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => revokeApiKey(ctx.deps, actorOf(ctx), id),
  }),
}));
