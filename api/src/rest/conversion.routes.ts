// REST for conversions (list, detail with history/log/deliveries, manual change), the postback log and postback keys.
import { conversionWhere, type ConversionFilterInput } from "../conversions/conversion-query.js";
import { changeConversion } from "../conversions/operator.js";
import { createPostbackKey, listPostbackKeys, revokePostbackKey } from "../conversions/postback-keys.js";
import { NotFoundError, UnauthenticatedError, ValidationError } from "../lib/errors.js";
import { isUuid } from "../lib/ids.js";
import { limitParam, type RestRoute } from "./router.js";

const date = (v: string | null, name: string): Date | null => {
  if (!v) return null;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new ValidationError([{ path: name, message: "not an ISO date" }]);
  return d;
};
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);

export const conversionRoutes: RestRoute[] = [
  // GET /admin/api/conversions?campaignId=&offerId=&sourceId=&status=&type=&from=&to=&limit=&cursor= -> { data, nextCursor }
  {
    method: "GET",
    path: "/admin/api/conversions",
    auth: { section: "reports", access: "read" },
    handler: async (c) => {
      const limit = limitParam(c.query, 100, 500);
      const cursor = c.query.get("cursor");
      const status = c.query.get("status")?.toUpperCase();
      if (status && !["APPROVED", "PENDING", "REJECTED"].includes(status)) {
        throw new ValidationError([{ path: "status", message: "one of APPROVED, PENDING, REJECTED" }]);
      }
      for (const k of ["campaignId", "offerId", "sourceId", "networkId", "clickId"]) {
        const v = c.query.get(k);
        if (v && !isUuid(v)) throw new ValidationError([{ path: k, message: "not a UUID" }]);
      }
      const f: ConversionFilterInput = {
        campaignId: c.query.get("campaignId"),
        offerId: c.query.get("offerId"),
        sourceId: c.query.get("sourceId"),
        networkId: c.query.get("networkId"),
        clickId: c.query.get("clickId"),
        status: (status as ConversionFilterInput["status"]) ?? null,
        type: c.query.get("type"),
        transactionId: c.query.get("transactionId"),
        from: date(c.query.get("from"), "from"),
        to: date(c.query.get("to"), "to"),
      };
      const rows = await c.deps.db.prisma.conversion.findMany({
        where: conversionWhere(f),
        orderBy: { id: "desc" },
        take: limit + 1,
        ...(cursor && isUuid(cursor) ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      return { data: rows.slice(0, limit), nextCursor: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null };
    },
  },
  // GET /admin/api/conversions/:id -> the conversion with history, items, postbackLog, deliveries
  {
    method: "GET",
    path: "/admin/api/conversions/:id",
    auth: { section: "reports", access: "read" },
    handler: async (c) => {
      const id = c.params.id ?? "";
      const row = isUuid(id)
        ? await c.deps.db.prisma.conversion.findUnique({ where: { id }, include: { history: { orderBy: { createdAt: "asc" } }, items: true } })
        : null;
      if (!row) throw new NotFoundError("conversion", id);
      const [postbackLog, deliveries] = await Promise.all([
        c.deps.db.prisma.postbackLog.findMany({ where: { conversionId: id }, orderBy: { receivedAt: "asc" }, take: 200 }),
        c.deps.db.prisma.outboundDelivery.findMany({ where: { conversionId: id }, orderBy: { createdAt: "asc" }, include: { attemptLog: true } }),
      ]);
      return { ...row, postbackLog, deliveries };
    },
  },
  // PATCH /admin/api/conversions/:id { status?, revenue?, currency?, note? } -> { outcome, conversion }
  {
    method: "PATCH",
    path: "/admin/api/conversions/:id",
    auth: { section: "campaigns", access: "write" },
    handler: async (c) => {
      if (!c.actor) throw new UnauthenticatedError();
      const id = c.params.id ?? "";
      if (!isUuid(id)) throw new NotFoundError("conversion", id);
      const b = ((await c.body()) ?? {}) as Record<string, unknown>;
      const input = {
        ...(str(b.status) !== undefined ? { status: str(b.status) as string } : {}),
        ...(str(b.revenue) !== undefined ? { revenue: str(b.revenue) as string } : {}),
        ...(str(b.currency) !== undefined ? { currency: str(b.currency) as string } : {}),
        ...(str(b.note) !== undefined ? { note: str(b.note) as string } : {}),
      };
      const r = await changeConversion(c.deps, c.actor, id, input);
      return { outcome: r.outcome, conversion: await c.deps.db.prisma.conversion.findUnique({ where: { id }, include: { history: true } }) };
    },
  },
  // GET /admin/api/postback-log?clickId=&outcome=&limit= -> { data }
  {
    method: "GET",
    path: "/admin/api/postback-log",
    auth: { section: "reports", access: "read" },
    handler: async (c) => {
      const clickId = c.query.get("clickId");
      const outcome = c.query.get("outcome")?.toUpperCase();
      const data = await c.deps.db.prisma.postbackLog.findMany({
        where: { ...(clickId && isUuid(clickId) ? { clickId } : {}), ...(outcome ? { outcome: outcome as never } : {}) },
        orderBy: { receivedAt: "desc" },
        take: limitParam(c.query, 100, 1000),
      });
      return { data };
    },
  },
  // GET /admin/api/postback-keys?networkId= -> { data } (hashes never leave the server)
  {
    method: "GET",
    path: "/admin/api/postback-keys",
    auth: { section: "settings", access: "read" },
    handler: async (c) => {
      const networkId = c.query.get("networkId");
      const rows = await listPostbackKeys(c.deps, networkId ?? undefined);
      return { data: rows.map(({ keyHash: _h, ...r }) => r) };
    },
  },
  // POST /admin/api/postback-keys { networkId?, name? } -> { key (shown once), postbackKey }
  {
    method: "POST",
    path: "/admin/api/postback-keys",
    auth: { section: "settings", access: "write" },
    handler: async (c) => {
      const b = ((await c.body()) ?? {}) as Record<string, unknown>;
      const networkId = str(b.networkId) ?? null;
      if (networkId && !isUuid(networkId)) throw new ValidationError([{ path: "networkId", message: "not a UUID" }]);
      const { key, keyHash: _h, ...row } = await createPostbackKey(c.deps, { networkId, name: str(b.name) ?? "" });
      c.res.statusCode = 201;
      return { key, postbackKey: row };
    },
  },
  // POST /admin/api/postback-keys/:id/revoke -> the key
  {
    method: "POST",
    path: "/admin/api/postback-keys/:id/revoke",
    auth: { section: "settings", access: "write" },
    handler: async (c) => {
      const id = c.params.id ?? "";
      if (!isUuid(id)) throw new NotFoundError("postback key", id);
      const { keyHash: _h, ...row } = await revokePostbackKey(c.deps, id);
      return row;
    },
  },
];
