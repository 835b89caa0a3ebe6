type F = { entityType?: string | null; entityId?: string | null; actionPrefix?: string | null; actorId?: string | null; since?: Date | null };
/** Prisma where for audit log filters. */
export const auditWhere = (f: F | null | undefined) => ({
  ...(f?.entityType ? { entityType: f.entityType } : {}),
  ...(f?.entityId ? { entityId: f.entityId } : {}),
  ...(f?.actionPrefix ? { action: { startsWith: f.actionPrefix } } : {}),
  ...(f?.actorId ? { actorId: f.actorId } : {}),
  ...(f?.since ? { createdAt: { gte: f.since } } : {}),
});
