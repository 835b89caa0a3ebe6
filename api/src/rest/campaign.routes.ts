import { createCampaign, deleteCampaign, updateCampaign } from "../schema/campaign/campaign.service.js";
import { NotFoundError } from "../lib/errors.js";
import { limitParam, type RestRoute } from "./router.js";

const include = {
  source: true,
  domain: true,
  defaultOffer: { select: { id: true, name: true } },
  flows: { include: { landings: true, offers: true }, orderBy: { position: "asc" as const } },
};

export const campaignRoutes: RestRoute[] = [
  // GET /admin/api/campaigns?status=ACTIVE&search=&limit=&cursor= -> { data, nextCursor }
  {
    method: "GET",
    path: "/admin/api/campaigns",
    auth: { section: "campaigns", access: "read" },
    handler: async (c) => {
      const limit = limitParam(c.query, 100, 500);
      const cursor = c.query.get("cursor");
      const status = c.query.get("status");
      const search = c.query.get("search");
      const rows = await c.deps.db.prisma.campaign.findMany({
        where: {
          ...(status ? { status: status as "ACTIVE" } : {}),
          ...(search ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { slug: { contains: search, mode: "insensitive" } }] } : {}),
        },
        orderBy: { id: "desc" },
        take: limit + 1,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        include,
      });
      return { data: rows.slice(0, limit), nextCursor: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null };
    },
  },
  // POST /admin/api/campaigns { name, slug, ... } -> the campaign
  {
    method: "POST",
    path: "/admin/api/campaigns",
    auth: { section: "campaigns", access: "write" },
    handler: async (c) => {
      const row = await createCampaign(c.deps, c.actor!, await c.body());
      c.res.statusCode = 201;
      return row;
    },
  },
  // GET /admin/api/campaigns/:id
  {
    method: "GET",
    path: "/admin/api/campaigns/:id",
    auth: { section: "campaigns", access: "read" },
    handler: async (c) => {
      const id = c.params.id as string;
      const row = await c.deps.db.prisma.campaign.findFirst({ where: /^[0-9a-f-]{36}$/i.test(id) ? { id } : { slug: id }, include });
      if (!row) throw new NotFoundError("Campaign", id);
      return row;
    },
  },
  // PATCH /admin/api/campaigns/:id { ...fields to change }
  {
    method: "PATCH",
    path: "/admin/api/campaigns/:id",
    auth: { section: "campaigns", access: "write" },
    handler: async (c) => updateCampaign(c.deps, c.actor!, { ...((await c.body()) as object), id: c.params.id }),
  },
  // DELETE /admin/api/campaigns/:id
  {
    method: "DELETE",
    path: "/admin/api/campaigns/:id",
    auth: { section: "campaigns", access: "write" },
    handler: async (c) => deleteCampaign(c.deps, c.actor!, c.params.id as string),
  },
];
