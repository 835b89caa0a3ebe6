// The IP blacklist (manual entries, and automatic ones from the fraud score). Part of the settings section.
import { builder } from "../../graphql/builder.js";
import { actorOf } from "../../graphql/context.js";
import { writeErrors } from "../../graphql/errors.js";
import { stripNulls } from "../../graphql/shared.js";
import { ipBlacklistService } from "./ip-blacklist.service.js";

export const IpBlacklistRef = builder.prismaObject("IpBlacklist", {
  authScopes: { read: "settings" },
  fields: (t) => ({
    id: t.exposeID("id"),
    cidr: t.exposeString("cidr"),
    reason: t.exposeString("reason"),
    source: t.exposeString("source"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
  }),
});

const Filter = builder.inputType("IpBlacklistFilter", { fields: (t) => ({ search: t.string(), source: t.string() }) });
const CreateInput = builder.inputType("CreateIpBlacklistInput", {
  fields: (t) => ({ cidr: t.string({ required: true }), reason: t.string(), expiresAt: t.field({ type: "DateTime" }) }),
});
const UpdateInput = builder.inputType("UpdateIpBlacklistInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    cidr: t.string(),
    reason: t.string(),
    expiresAt: t.field({ type: "DateTime" }),
    clearExpiresAt: t.boolean(),
  }),
});

const where = (f: { search?: string | null; source?: string | null } | null | undefined) => ({
  ...(f?.search?.trim() ? { OR: [{ cidr: { contains: f.search.trim() } }, { reason: { contains: f.search.trim(), mode: "insensitive" as const } }] } : {}),
  ...(f?.source ? { source: f.source } : {}),
});

builder.queryFields((t) => ({
  ipBlacklist: t.prismaConnection(
    {
      type: "IpBlacklist",
      cursor: "id",
      authScopes: { read: "settings" },
      args: { filter: t.arg({ type: Filter }) },
      resolve: (query, _r, args, ctx) => ctx.deps.db.prisma.ipBlacklist.findMany({ ...query, where: where(args.filter), orderBy: { id: "desc" } }),
      totalCount: (_c, args, ctx) => ctx.deps.db.prisma.ipBlacklist.count({ where: where(args.filter) }),
    },
    {},
  ),
}));

builder.mutationFields((t) => ({
  addIpBlacklist: t.field({
    type: IpBlacklistRef,
    authScopes: { write: "settings" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_r, { input }, ctx) => ipBlacklistService.create(ctx.deps, actorOf(ctx), { ...stripNulls(input), source: "MANUAL" }),
  }),
  updateIpBlacklist: t.field({
    type: IpBlacklistRef,
    authScopes: { write: "settings" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    resolve: (_r, { input }, ctx) => {
      const { clearExpiresAt, ...rest } = stripNulls(input);
      return ipBlacklistService.update(ctx.deps, actorOf(ctx), { ...rest, ...(clearExpiresAt ? { expiresAt: null } : {}) });
    },
  }),
  removeIpBlacklist: t.field({
    type: IpBlacklistRef,
    authScopes: { write: "settings" },
    errors: { types: [...writeErrors] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => ipBlacklistService.remove(ctx.deps, actorOf(ctx), id),
  }),
}));
