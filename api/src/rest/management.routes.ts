// REST for every operator-managed entity besides campaigns: thin over the same services as GraphQL, guarded by
// the same permission grid. Lists answer { data, nextCursor }; ?search=, ?status=, ?limit=, ?cursor=.
import type { Actor } from "../auth/actor.js";
import { ValidationError } from "../lib/errors.js";
import { createApiKey, revokeApiKey } from "../schema/auth/api-key.service.js";
import { domainService, verifyDomain } from "../schema/domain/domain.service.js";
import { balanceFlowWeights, flowService, reorderFlows } from "../schema/flow/flow.service.js";
import { detectFlowConflicts } from "../schema/flow/flow-conflicts.js";
import { ipBlacklistService } from "../schema/ip-blacklist/ip-blacklist.service.js";
import { importLandingFromUrl, landingService } from "../schema/landing/landing.service.js";
import { networkService, postbackTemplateFor } from "../schema/network/network.service.js";
import { importNetworkOffers, testNetworkConnection } from "../schema/network/network.sync.js";
import { offerService } from "../schema/offer/offer.service.js";
import { productService } from "../schema/product/product.service.js";
import { publicBase } from "../schema/shared/public-url.js";
import { deleteCurrencyRate, getSettings, publicSettings, setCurrencyRate, updateSettings } from "../schema/settings/settings.service.js";
import { createTrafficSource, deleteTrafficSource, updateTrafficSource } from "../schema/traffic-source/traffic-source.service.js";
import { createUser, deleteUser, updateUser } from "../schema/user/user.service.js";
import { normalizePermissions, permissionsForRole } from "../auth/permissions.js";
import type { ApiKey, User } from "../generated/prisma/client.js";
import { crudRoutes, listArgs, page, pageArgs, restWhere } from "./crud.js";
import { auditWhere } from "../schema/audit/audit.where.js";
import type { RestRoute } from "./router.js";

const hideSecret = <T extends { apiKey: string }>({ apiKey, ...rest }: T) => ({ ...rest, hasApiKey: apiKey !== "" });
const safeUser = ({ passwordHash: _p, ...u }: User) => ({ ...u, permissions: permissionsForRole(u.role, u.permissions) });
const safeKey = ({ keyHash: _h, ...k }: ApiKey) => ({ ...k, scopes: normalizePermissions(k.scopes) });
const objectBody = (b: unknown): Record<string, unknown> => {
  if (!b || typeof b !== "object" || Array.isArray(b)) throw new ValidationError([{ path: "", message: "body must be a JSON object" }]);
  return b as Record<string, unknown>;
};

export const managementRoutes: RestRoute[] = [
  ...crudRoutes({
    path: "/admin/api/sources",
    section: "sources",
    entity: "TrafficSource",
    list: async (deps, a) => (await deps.db.prisma.trafficSource.findMany({ where: restWhere(a, ["name"]), ...pageArgs(a) })).map(hideSecret),
    get: async (deps, id) => {
      const row = await deps.db.prisma.trafficSource.findUnique({ where: { id } });
      return row && hideSecret(row);
    },
    create: async (deps, actor, input) => hideSecret(await createTrafficSource(deps, actor, input)),
    update: async (deps, actor, input) => hideSecret(await updateTrafficSource(deps, actor, input)),
    remove: async (deps, actor, id) => hideSecret(await deleteTrafficSource(deps, actor, id)),
  }),
  ...crudRoutes({
    path: "/admin/api/networks",
    section: "networks",
    entity: "AffiliateNetwork",
    list: async (deps, a) => (await deps.db.prisma.affiliateNetwork.findMany({ where: restWhere(a, ["name"]), ...pageArgs(a) })).map(hideSecret),
    get: async (deps, id) => {
      const row = await deps.db.prisma.affiliateNetwork.findUnique({ where: { id } });
      return row && hideSecret(row);
    },
    create: async (deps, actor, input) => {
      const body = objectBody(input);
      const type = typeof body.type === "string" ? body.type : "custom";
      return hideSecret(
        await networkService.create(deps, actor, { ...body, postbackTemplate: body.postbackTemplate || postbackTemplateFor(type, publicBase(deps)) }),
      );
    },
    update: async (deps, actor, input) => hideSecret(await networkService.update(deps, actor, input)),
    remove: async (deps, actor, id) => hideSecret(await networkService.remove(deps, actor, id)),
  }),
  // POST /admin/api/networks/:id/test and /import-offers (Everflow)
  {
    method: "POST",
    path: "/admin/api/networks/:id/test",
    auth: { section: "networks", access: "write" },
    handler: (c) => testNetworkConnection(c.deps, c.params.id ?? ""),
  },
  {
    method: "POST",
    path: "/admin/api/networks/:id/import-offers",
    auth: { section: "offers", access: "write" },
    handler: (c) => importNetworkOffers(c.deps, c.actor as Actor, c.params.id ?? ""),
  },
  ...crudRoutes({
    path: "/admin/api/offers",
    section: "offers",
    entity: "Offer",
    list: (deps, a) => {
      const networkId = a.query.get("networkId");
      return deps.db.prisma.offer.findMany({
        where: { ...restWhere(a, ["name", "externalId"]), ...(networkId ? { networkId } : {}) },
        include: { geoPayouts: { orderBy: { country: "asc" } } },
        ...pageArgs(a),
      });
    },
    get: (deps, id) =>
      deps.db.prisma.offer.findUnique({
        where: { id },
        include: { geoPayouts: { orderBy: { country: "asc" } }, network: { select: { id: true, name: true } } },
      }),
    create: offerService.create,
    update: offerService.update,
    remove: offerService.remove,
  }),
  ...crudRoutes({
    path: "/admin/api/landings",
    section: "landings",
    entity: "LandingPage",
    list: (deps, a) => deps.db.prisma.landingPage.findMany({ where: restWhere(a, ["name"]), omit: { html: true }, ...pageArgs(a) }),
    get: (deps, id) => deps.db.prisma.landingPage.findUnique({ where: { id } }),
    create: landingService.create,
    update: landingService.update,
    remove: landingService.remove,
  }),
  // POST /admin/api/landings/import { name, url }: download a page and store it as a local lander
  {
    method: "POST",
    path: "/admin/api/landings/import",
    auth: { section: "landings", access: "write" },
    handler: async (c) => {
      const row = await importLandingFromUrl(c.deps, c.actor as Actor, await c.body());
      c.res.statusCode = 201;
      return row;
    },
  },
  ...crudRoutes({
    path: "/admin/api/domains",
    section: "domains",
    entity: "Domain",
    list: (deps, a) => deps.db.prisma.domain.findMany({ where: restWhere(a, ["hostname", "groupName"], false), ...pageArgs(a) }),
    get: (deps, id) => deps.db.prisma.domain.findUnique({ where: { id } }),
    create: domainService.create,
    update: domainService.update,
    remove: domainService.remove,
  }),
  {
    method: "POST",
    path: "/admin/api/domains/:id/verify",
    auth: { section: "domains", access: "write" },
    handler: (c) => verifyDomain(c.deps, c.actor as Actor, c.params.id ?? ""),
  },
  ...crudRoutes({
    path: "/admin/api/flows",
    section: "flows",
    entity: "Flow",
    list: (deps, a) => {
      const campaignId = a.query.get("campaignId");
      return deps.db.prisma.flow.findMany({
        where: { ...restWhere(a, ["name"]), ...(campaignId ? { campaignId } : {}) },
        include: { landings: { orderBy: { position: "asc" } }, offers: { orderBy: { position: "asc" } } },
        ...pageArgs(a),
      });
    },
    get: (deps, id) =>
      deps.db.prisma.flow.findUnique({ where: { id }, include: { landings: { orderBy: { position: "asc" } }, offers: { orderBy: { position: "asc" } } } }),
    create: flowService.create,
    update: flowService.update,
    remove: flowService.remove,
  }),
  // POST /admin/api/flows/:id/balance { target?: LANDINGS | OFFERS | BOTH }
  {
    method: "POST",
    path: "/admin/api/flows/:id/balance",
    auth: { section: "flows", access: "write" },
    handler: async (c) => balanceFlowWeights(c.deps, c.actor as Actor, { ...objectBody(await c.body()), id: c.params.id }),
  },
  // PUT /admin/api/campaigns/:id/flows/order { flowIds: [...] }
  {
    method: "PUT",
    path: "/admin/api/campaigns/:id/flows/order",
    auth: { section: "flows", access: "write" },
    handler: async (c) => reorderFlows(c.deps, c.actor as Actor, { ...objectBody(await c.body()), campaignId: c.params.id }),
  },
  // GET /admin/api/campaigns/:id/conflicts
  {
    method: "GET",
    path: "/admin/api/campaigns/:id/conflicts",
    auth: { section: "flows", access: "read" },
    handler: async (c) => {
      const flows = await c.deps.db.prisma.flow.findMany({
        where: { campaignId: c.params.id ?? "" },
        select: { id: true, name: true, type: true, position: true, status: true, filters: true },
      });
      return { conflicts: detectFlowConflicts(flows) };
    },
  },
  ...crudRoutes({
    path: "/admin/api/products",
    section: "offers",
    entity: "Product",
    list: (deps, a) => deps.db.prisma.product.findMany({ where: restWhere(a, ["name", "sku"], false), ...pageArgs(a) }),
    get: (deps, id) => deps.db.prisma.product.findUnique({ where: { id } }),
    create: productService.create,
    update: productService.update,
    remove: productService.remove,
  }),
  ...crudRoutes({
    path: "/admin/api/ip-blacklist",
    section: "settings",
    entity: "IpBlacklist",
    list: (deps, a) => deps.db.prisma.ipBlacklist.findMany({ where: restWhere(a, ["cidr", "reason"], false), ...pageArgs(a) }),
    get: (deps, id) => deps.db.prisma.ipBlacklist.findUnique({ where: { id } }),
    create: (deps, actor, input) => ipBlacklistService.create(deps, actor, { ...objectBody(input), source: "MANUAL" }),
    update: ipBlacklistService.update,
    remove: ipBlacklistService.remove,
  }),
  ...crudRoutes({
    path: "/admin/api/users",
    section: "users",
    entity: "User",
    list: async (deps, a) => (await deps.db.prisma.user.findMany({ where: restWhere(a, ["email", "name"], false), ...pageArgs(a) })).map(safeUser),
    get: async (deps, id) => {
      const u = await deps.db.prisma.user.findUnique({ where: { id } });
      return u && safeUser(u);
    },
    create: async (deps, actor, input) => safeUser(await createUser(deps, actor, input)),
    update: async (deps, actor, input) => safeUser(await updateUser(deps, actor, input)),
    remove: async (deps, actor, id) => safeUser(await deleteUser(deps, actor, id)),
  }),
  // Settings: GET / PATCH /admin/api/settings; currency rates under /admin/api/settings/currency-rates
  {
    method: "GET",
    path: "/admin/api/settings",
    auth: { section: "settings", access: "read" },
    handler: async (c) => publicSettings(await getSettings(c.deps)),
  },
  {
    method: "PATCH",
    path: "/admin/api/settings",
    auth: { section: "settings", access: "write" },
    handler: async (c) => publicSettings(await updateSettings(c.deps, c.actor as Actor, await c.body())),
  },
  {
    method: "GET",
    path: "/admin/api/settings/currency-rates",
    auth: { section: "settings", access: "read" },
    handler: async (c) => ({ data: await c.deps.db.prisma.currencyRate.findMany({ orderBy: { currency: "asc" } }) }),
  },
  {
    method: "PUT",
    path: "/admin/api/settings/currency-rates/:currency",
    auth: { section: "settings", access: "write" },
    handler: async (c) => setCurrencyRate(c.deps, c.actor as Actor, { ...objectBody(await c.body()), currency: c.params.currency }),
  },
  {
    method: "DELETE",
    path: "/admin/api/settings/currency-rates/:currency",
    auth: { section: "settings", access: "write" },
    handler: (c) => deleteCurrencyRate(c.deps, c.actor as Actor, c.params.currency),
  },
  // GET /admin/api/audit-log?entityType=&entityId=&action=&limit=&cursor= (newest first)
  {
    method: "GET",
    path: "/admin/api/audit-log",
    auth: { section: "users", access: "read" },
    handler: async (c) => {
      const a = listArgs(c);
      const rows = await c.deps.db.prisma.auditLog.findMany({
        where: auditWhere({ entityType: a.query.get("entityType"), entityId: a.query.get("entityId"), actionPrefix: a.query.get("action") }),
        ...pageArgs(a),
      });
      return page(rows, a.take);
    },
  },
  // API keys: your own (users:write sees everyone's). The secret is in the POST answer only.
  {
    method: "GET",
    path: "/admin/api/api-keys",
    auth: "authenticated",
    handler: async (c) => {
      const actor = c.actor as Actor;
      const rows = await c.deps.db.prisma.apiKey.findMany({
        where: actor.permissions.users.write ? {} : { createdById: actor.userId ?? "" },
        orderBy: { createdAt: "desc" },
      });
      return { data: rows.map(safeKey) };
    },
  },
  {
    method: "POST",
    path: "/admin/api/api-keys",
    auth: "authenticated",
    handler: async (c) => {
      const { key, apiKey } = await createApiKey(c.deps, c.actor as Actor, await c.body());
      c.res.statusCode = 201;
      return { key, apiKey: safeKey(apiKey) };
    },
  },
  {
    method: "DELETE",
    path: "/admin/api/api-keys/:id",
    auth: "authenticated",
    handler: async (c) => safeKey(await revokeApiKey(c.deps, c.actor as Actor, c.params.id ?? "")),
  },
];
