// REST routes for one entity: GET list (search/status/limit/cursor), POST, GET :id, PATCH :id, DELETE :id, all
// thin over the entity's service and guarded by its section of the permission grid.
import type { Actor } from "../auth/actor.js";
import type { Section } from "../auth/permissions.js";
import type { Deps } from "../deps.js";
import { NotFoundError, ValidationError } from "../lib/errors.js";
import { isUuid } from "../lib/ids.js";
import { limitParam, type RestCtx, type RestRoute } from "./router.js";

export interface ListArgs {
  search: string | null;
  status: string | null;
  take: number;
  cursor: string | null;
  query: URLSearchParams;
}

export interface CrudRouteSpec {
  /** "/admin/api/offers" */
  path: string;
  section: Section;
  entity: string;
  list(deps: Deps, args: ListArgs): Promise<Array<{ id: string }>>;
  get(deps: Deps, id: string): Promise<unknown>;
  create?(deps: Deps, actor: Actor, input: unknown): Promise<unknown>;
  update?(deps: Deps, actor: Actor, input: unknown): Promise<unknown>;
  remove?(deps: Deps, actor: Actor, id: string): Promise<unknown>;
}

const STATUSES = ["ACTIVE", "PAUSED", "ARCHIVED"];

export function listArgs(c: RestCtx): ListArgs {
  const status = c.query.get("status");
  if (status && !STATUSES.includes(status.toUpperCase())) {
    throw new ValidationError([{ path: "status", message: `must be one of ${STATUSES.join(", ")}` }]);
  }
  const cursor = c.query.get("cursor");
  if (cursor && !isUuid(cursor)) throw new ValidationError([{ path: "cursor", message: "must be the nextCursor of a previous page" }]);
  return { search: c.query.get("search")?.trim() || null, status: status?.toUpperCase() ?? null, take: limitParam(c.query, 100, 500), cursor, query: c.query };
}

/** Prisma findMany arguments for a page: one extra row tells whether there is a next page. */
export const pageArgs = (a: ListArgs) => ({
  orderBy: { id: "desc" as const },
  take: a.take + 1,
  ...(a.cursor ? { cursor: { id: a.cursor }, skip: 1 } : {}),
});

export function page<T extends { id: string }>(rows: T[], take: number) {
  return { data: rows.slice(0, take), nextCursor: rows.length > take ? (rows[take - 1]?.id ?? null) : null };
}

const mustId = (id: string | undefined, entity: string): string => {
  if (!id || !isUuid(id)) throw new NotFoundError(entity, id ?? "");
  return id;
};

export function crudRoutes(spec: CrudRouteSpec): RestRoute[] {
  const routes: RestRoute[] = [
    {
      method: "GET",
      path: spec.path,
      auth: { section: spec.section, access: "read" },
      handler: async (c) => {
        const args = listArgs(c);
        return page(await spec.list(c.deps, args), args.take);
      },
    },
    {
      method: "GET",
      path: `${spec.path}/:id`,
      auth: { section: spec.section, access: "read" },
      handler: async (c) => {
        const id = mustId(c.params.id, spec.entity);
        const row = await spec.get(c.deps, id);
        if (!row) throw new NotFoundError(spec.entity, id);
        return row;
      },
    },
  ];
  const { create, update, remove } = spec;
  if (create) {
    routes.push({
      method: "POST",
      path: spec.path,
      auth: { section: spec.section, access: "write" },
      handler: async (c) => {
        const row = await create(c.deps, c.actor as Actor, await c.body());
        c.res.statusCode = 201;
        return row;
      },
    });
  }
  if (update) {
    routes.push({
      method: "PATCH",
      path: `${spec.path}/:id`,
      auth: { section: spec.section, access: "write" },
      handler: async (c) => {
        const body = await c.body();
        if (!body || typeof body !== "object" || Array.isArray(body)) throw new ValidationError([{ path: "", message: "body must be a JSON object" }]);
        return update(c.deps, c.actor as Actor, { ...body, id: mustId(c.params.id, spec.entity) });
      },
    });
  }
  if (remove) {
    routes.push({
      method: "DELETE",
      path: `${spec.path}/:id`,
      auth: { section: spec.section, access: "write" },
      handler: async (c) => remove(c.deps, c.actor as Actor, mustId(c.params.id, spec.entity)),
    });
  }
  return routes;
}

/** Prisma where for ?search= over text columns and ?status=. */
export function restWhere(a: ListArgs, textColumns: readonly string[], withStatus = true): Record<string, unknown> {
  return {
    ...(a.status && withStatus ? { status: a.status } : {}),
    ...(a.search ? { OR: textColumns.map((col) => ({ [col]: { contains: a.search, mode: "insensitive" } })) } : {}),
  };
}
