// Conversions in GraphQL: list with filters, detail with status history, postback log and deliveries, manual
// status change and revenue edit, postback keys, and the live subscription `conversionRecorded`.
// Conversions are read with the reports section of the permission grid and changed with campaigns write.
import type { Actor } from "../../auth/actor.js";
import { changeConversion } from "../../conversions/operator.js";
import { createPostbackKey, listPostbackKeys, revokePostbackKey } from "../../conversions/postback-keys.js";
import { builder } from "../../graphql/builder.js";
import { actorOf, type GraphQLContext } from "../../graphql/context.js";
import { writeErrors } from "../../graphql/errors.js";
import type { BusTopics } from "../../lib/bus.js";
import { conversionWhere, type ConversionFilterInput } from "../../conversions/conversion-query.js";

const ConversionStatus = builder.enumType("ConversionStatus", { values: ["APPROVED", "PENDING", "REJECTED"] as const });
const ConversionOrigin = builder.enumType("ConversionOrigin", { values: ["POSTBACK", "PIXEL", "WEBHOOK", "OPERATOR", "SYNC"] as const });

builder.prismaObject("ConversionStatusChange", {
  authScopes: { read: "reports" },
  fields: (t) => ({
    id: t.exposeID("id"),
    fromStatus: t.expose("fromStatus", { type: ConversionStatus, nullable: true }),
    toStatus: t.expose("toStatus", { type: ConversionStatus }),
    fromEcomStatus: t.exposeString("fromEcomStatus"),
    toEcomStatus: t.exposeString("toEcomStatus"),
    fromRevenue: t.expose("fromRevenue", { type: "Decimal", nullable: true }),
    toRevenue: t.expose("toRevenue", { type: "Decimal", nullable: true }),
    origin: t.expose("origin", { type: ConversionOrigin }),
    userId: t.exposeID("userId", { nullable: true }),
    note: t.exposeString("note"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("ConversionItem", {
  authScopes: { read: "reports" },
  fields: (t) => ({
    id: t.exposeID("id"),
    sku: t.exposeString("sku"),
    name: t.exposeString("name"),
    price: t.expose("price", { type: "Decimal" }),
    quantity: t.exposeInt("quantity"),
  }),
});

builder.prismaObject("PostbackLog", {
  authScopes: { read: "reports" },
  fields: (t) => ({
    id: t.exposeID("id"),
    receivedAt: t.expose("receivedAt", { type: "DateTime" }),
    channel: t.exposeString("channel"),
    method: t.exposeString("method"),
    params: t.expose("params", { type: "JSON" }),
    ip: t.exposeString("ip"),
    outcome: t.exposeString("outcome"),
    message: t.exposeString("message"),
    clickId: t.exposeID("clickId", { nullable: true }),
    conversionId: t.exposeID("conversionId", { nullable: true }),
    networkId: t.exposeID("networkId", { nullable: true }),
  }),
});

builder.prismaObject("OutboundDelivery", {
  authScopes: { read: "reports" },
  fields: (t) => ({
    id: t.exposeID("id"),
    eventId: t.exposeString("eventId"),
    kind: t.exposeString("kind"),
    url: t.exposeString("url"),
    status: t.exposeString("status"),
    attempts: t.exposeInt("attempts"),
    lastStatus: t.exposeInt("lastStatus", { nullable: true }),
    lastError: t.exposeString("lastError"),
    nextAttemptAt: t.expose("nextAttemptAt", { type: "DateTime" }),
    deliveredAt: t.expose("deliveredAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const ConversionRef = builder.prismaObject("Conversion", {
  authScopes: { read: "reports" },
  fields: (t) => ({
    id: t.exposeID("id"),
    clickId: t.exposeID("clickId"),
    hitId: t.exposeID("hitId", { nullable: true }),
    visitorId: t.exposeID("visitorId", { nullable: true }),
    campaignId: t.exposeID("campaignId"),
    offerId: t.exposeID("offerId", { nullable: true }),
    sourceId: t.exposeID("sourceId", { nullable: true }),
    networkId: t.exposeID("networkId", { nullable: true }),
    parentId: t.exposeID("parentId", { nullable: true }),
    type: t.exposeString("type"),
    status: t.expose("status", { type: ConversionStatus }),
    ecomStatus: t.exposeString("ecomStatus"),
    rawStatus: t.exposeString("rawStatus"),
    transactionId: t.exposeString("transactionId"),
    revenue: t.expose("revenue", { type: "Decimal" }),
    currency: t.exposeString("currency"),
    revenueAccount: t.expose("revenueAccount", { type: "Decimal" }),
    accountCurrency: t.exposeString("accountCurrency"),
    cost: t.expose("cost", { type: "Decimal" }),
    origin: t.expose("origin", { type: ConversionOrigin }),
    disablePostbacks: t.exposeBoolean("disablePostbacks"),
    country: t.exposeString("country"),
    clickCreatedAt: t.expose("clickCreatedAt", { type: "DateTime" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    history: t.relation("history", { query: { orderBy: { createdAt: "asc" } } }),
    items: t.relation("items"),
    rebills: t.relation("rebills"),
    postbackLog: t.prismaField({
      type: ["PostbackLog"],
      resolve: (query, c, _a, ctx) =>
        ctx.deps.db.prisma.postbackLog.findMany({ ...query, where: { conversionId: c.id }, orderBy: { receivedAt: "asc" }, take: 200 }),
    }),
    deliveries: t.prismaField({
      type: ["OutboundDelivery"],
      resolve: (query, c, _a, ctx) => ctx.deps.db.prisma.outboundDelivery.findMany({ ...query, where: { conversionId: c.id }, orderBy: { createdAt: "asc" } }),
    }),
  }),
});

const Filter = builder.inputType("ConversionFilter", {
  fields: (t) => ({
    campaignId: t.id(),
    offerId: t.id(),
    sourceId: t.id(),
    networkId: t.id(),
    clickId: t.id(),
    status: t.field({ type: ConversionStatus }),
    type: t.string(),
    transactionId: t.string(),
    from: t.field({ type: "DateTime" }),
    to: t.field({ type: "DateTime" }),
  }),
});

const LogFilter = builder.inputType("PostbackLogFilter", {
  fields: (t) => ({ clickId: t.id(), outcome: t.string(), from: t.field({ type: "DateTime" }), to: t.field({ type: "DateTime" }) }),
});

const ChangeInput = builder.inputType("ChangeConversionInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    status: t.string({ description: "approved, sale, pending, on_hold, cart, checkout, rejected, refunded, chargeback, cancelled" }),
    revenue: t.field({ type: "Decimal" }),
    currency: t.string(),
    note: t.string(),
  }),
});

builder.queryFields((t) => ({
  conversion: t.prismaField({
    type: "Conversion",
    nullable: true,
    authScopes: { read: "reports" },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _r, { id }, ctx) => ctx.deps.db.prisma.conversion.findUnique({ ...query, where: { id } }),
  }),
  conversions: t.prismaConnection(
    {
      type: "Conversion",
      cursor: "id",
      authScopes: { read: "reports" },
      args: { filter: t.arg({ type: Filter }) },
      resolve: (query, _r, args, ctx) =>
        ctx.deps.db.prisma.conversion.findMany({
          ...query,
          where: conversionWhere(args.filter as ConversionFilterInput),
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        }),
      totalCount: (_c, args, ctx) => ctx.deps.db.prisma.conversion.count({ where: conversionWhere(args.filter as ConversionFilterInput) }),
    },
    {},
  ),
  postbackLog: t.prismaField({
    type: ["PostbackLog"],
    authScopes: { read: "reports" },
    args: { filter: t.arg({ type: LogFilter }), limit: t.arg.int({ defaultValue: 100 }) },
    resolve: (query, _r, { filter, limit }, ctx) =>
      ctx.deps.db.prisma.postbackLog.findMany({
        ...query,
        where: {
          ...(filter?.clickId ? { clickId: filter.clickId } : {}),
          ...(filter?.outcome ? { outcome: filter.outcome as never } : {}),
          ...(filter?.from || filter?.to ? { receivedAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
        },
        orderBy: { receivedAt: "desc" },
        take: Math.min(Math.max(limit ?? 100, 1), 1000),
      }),
  }),
  postbackKeys: t.prismaField({
    type: ["PostbackKey"],
    authScopes: { read: "settings" },
    args: { networkId: t.arg.id() },
    resolve: (_q, _r, { networkId }, ctx) => listPostbackKeys(ctx.deps, networkId ?? undefined),
  }),
}));

const PostbackKeyRef = builder.prismaObject("PostbackKey", {
  authScopes: { read: "settings" },
  fields: (t) => ({
    id: t.exposeID("id"),
    networkId: t.exposeID("networkId", { nullable: true }),
    name: t.exposeString("name"),
    prefix: t.exposeString("prefix"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
  }),
});

const CreatedKeyRef = builder.objectRef<{ key: string; postbackKey: { id: string } }>("CreatedPostbackKey").implement({
  fields: (t) => ({
    key: t.exposeString("key", { description: "The secret, shown once. Use it as /postback/<key> or ?key=<key>." }),
    postbackKey: t.field({ type: PostbackKeyRef, resolve: (r) => r.postbackKey as never }),
  }),
});

const ChangeResultRef = builder.objectRef<{ outcome: string; conversion: unknown }>("ConversionChange").implement({
  fields: (t) => ({
    outcome: t.exposeString("outcome"),
    conversion: t.field({ type: ConversionRef, resolve: (r) => r.conversion as never }),
  }),
});

builder.mutationFields((t) => ({
  changeConversion: t.field({
    type: ChangeResultRef,
    description: "Manual status change and/or revenue edit: history, audit, and a postback to the source when it wants changes.",
    authScopes: { write: "campaigns" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: ChangeInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const r = await changeConversion(ctx.deps, actorOf(ctx), input.id, {
        ...(input.status ? { status: input.status } : {}),
        ...(input.revenue ? { revenue: input.revenue } : {}),
        ...(input.currency ? { currency: input.currency } : {}),
        ...(input.note ? { note: input.note } : {}),
      });
      return { outcome: r.outcome, conversion: await ctx.deps.db.prisma.conversion.findUniqueOrThrow({ where: { id: input.id } }) };
    },
  }),
  createPostbackKey: t.field({
    type: CreatedKeyRef,
    authScopes: { write: "settings" },
    errors: { types: [...writeErrors] },
    args: { networkId: t.arg.id(), name: t.arg.string() },
    resolve: async (_r, { networkId, name }, ctx) => {
      const { key, ...row } = await createPostbackKey(ctx.deps, { networkId: networkId ?? null, name: name ?? "" });
      return { key, postbackKey: row };
    },
  }),
  revokePostbackKey: t.field({
    type: PostbackKeyRef,
    authScopes: { write: "settings" },
    errors: { types: [...writeErrors] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => revokePostbackKey(ctx.deps, id),
  }),
}));

// ---------------------------------------------------------------- live conversions

type ConversionEvent = BusTopics["conversion:recorded"][0];

const ConversionEventRef = builder.objectRef<ConversionEvent>("ConversionEvent").implement({
  fields: (t) => ({
    conversionId: t.exposeID("conversionId"),
    campaignId: t.exposeID("campaignId"),
    offerId: t.exposeID("offerId", { nullable: true }),
    sourceId: t.exposeID("sourceId", { nullable: true }),
    change: t.exposeString("change", { description: "created, status or revenue" }),
    conversion: t.prismaField({
      type: "Conversion",
      nullable: true,
      resolve: (query, e, _a, ctx) => ctx.deps.db.prisma.conversion.findUnique({ ...query, where: { id: e.conversionId } }),
    }),
  }),
});

const revokes = (a: Actor, ev: BusTopics["auth:revoked"][0]) =>
  (!!ev.sessionId && a.sessionId === ev.sessionId) ||
  (!!ev.apiKeyId && a.type === "API_KEY" && a.id === ev.apiKeyId) ||
  (!!ev.userId && a.userId === ev.userId);

/** Conversion events for one subscriber, ending when its session or key is revoked or expires (ws and SSE alike). */
async function* conversionStream(ctx: GraphQLContext, f: { campaignId?: string | null; offerId?: string | null; sourceId?: string | null }) {
  const actor = actorOf(ctx);
  const events = ctx.deps.bus.subscribe("conversion:recorded");
  const revoked = ctx.deps.bus.subscribe("auth:revoked");
  const end = () => void events.return?.();
  const expiry = actor.expiresAt ? setTimeout(end, Math.min(Math.max(actor.expiresAt.getTime() - Date.now(), 0), 2 ** 31 - 1)) : null;
  void (async () => {
    for await (const ev of revoked) {
      if (revokes(actor, ev)) {
        end();
        break;
      }
    }
  })();
  try {
    for await (const ev of events) {
      if (f.campaignId && ev.campaignId !== f.campaignId) continue;
      if (f.offerId && ev.offerId !== f.offerId) continue;
      if (f.sourceId && ev.sourceId !== f.sourceId) continue;
      yield ev;
    }
  } finally {
    if (expiry) clearTimeout(expiry);
    void revoked.return?.();
    void events.return?.();
  }
}

builder.subscriptionField("conversionRecorded", (t) =>
  t.field({
    type: ConversionEventRef,
    description: "Every conversion the moment it commits (created, status change, revenue edit). Filters combine with AND.",
    authScopes: { read: "reports" },
    args: { campaignId: t.arg.id(), offerId: t.arg.id(), sourceId: t.arg.id() },
    subscribe: (_r, args, ctx) => conversionStream(ctx, args),
    resolve: (ev) => ev,
  }),
);
