// The audit log (who changed what, before and after), readable with the users section of the grid.
import { builder } from "../../graphql/builder.js";
import { auditWhere } from "./audit.where.js";

export const AuditEntryRef = builder.prismaObject("AuditLog", {
  name: "AuditEntry",
  authScopes: { read: "users" },
  fields: (t) => ({
    id: t.exposeID("id"),
    actorType: t.exposeString("actorType"),
    actorId: t.exposeID("actorId", { nullable: true }),
    actorName: t.exposeString("actorName"),
    action: t.exposeString("action"),
    entityType: t.exposeString("entityType"),
    entityId: t.exposeString("entityId", { nullable: true }),
    before: t.expose("before", { type: "JSON", nullable: true }),
    after: t.expose("after", { type: "JSON", nullable: true }),
    ip: t.exposeString("ip"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const Filter = builder.inputType("AuditLogFilter", {
  fields: (t) => ({
    entityType: t.string(),
    entityId: t.string(),
    actionPrefix: t.string({ description: 'e.g. "campaign." or "user.update"' }),
    actorId: t.id(),
    since: t.field({ type: "DateTime" }),
  }),
});

builder.queryFields((t) => ({
  auditLog: t.prismaConnection(
    {
      type: "AuditLog",
      cursor: "id",
      authScopes: { read: "users" },
      description: "Newest first.",
      args: { filter: t.arg({ type: Filter }) },
      resolve: (query, _r, args, ctx) => ctx.deps.db.prisma.auditLog.findMany({ ...query, where: auditWhere(args.filter), orderBy: { id: "desc" } }),
      totalCount: (_c, args, ctx) => ctx.deps.db.prisma.auditLog.count({ where: auditWhere(args.filter) }),
    },
    {},
  ),
}));
