// The documented REST surface under /admin/api: thin handlers over the same services GraphQL uses, with the same
// permission grid declared per route.
import type { IncomingMessage, ServerResponse } from "node:http";
import FindMyWay, { type HTTPMethod } from "find-my-way";
import type { Actor } from "../auth/actor.js";
import { authenticate, credentialFrom } from "../auth/auth.service.js";
import { can, type Access, type Section } from "../auth/permissions.js";
import type { Deps } from "../deps.js";
import { ForbiddenError, UnauthenticatedError, inputErrorFromDb } from "../lib/errors.js";
import { errorReply, parseQuery, readJson, sendJson } from "../lib/http.js";

export const REST_BODY_LIMIT = 5 * 1024 * 1024;

export interface RestCtx {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string | undefined>;
  query: URLSearchParams;
  deps: Deps;
  actor: Actor | null;
  ip: string;
  body(): Promise<unknown>;
}

/** Who may call a route: anyone, any signed-in actor, or a section permission. */
export type RouteAuth = "public" | "authenticated" | { section: Section; access: Access };

export interface RestRoute {
  method: HTTPMethod;
  path: string;
  auth: RouteAuth;
  /** Return a value to send it as JSON (200), or write to ctx.res yourself and return undefined. */
  handler(ctx: RestCtx): Promise<unknown>;
}

export function createRestRouter(deps: Deps, routes: readonly RestRoute[]) {
  const router = FindMyWay({ ignoreTrailingSlash: true, caseSensitive: true });
  for (const route of routes) {
    router.on(route.method, route.path, () => {}, route);
  }
  return async function handle(req: IncomingMessage, res: ServerResponse, ip: string): Promise<void> {
    const match = router.find((req.method ?? "GET") as HTTPMethod, (req.url ?? "/").split("?")[0] as string);
    if (!match) {
      sendJson(res, 404, { error: `no route ${req.method} ${(req.url ?? "").split("?")[0]}` });
      return;
    }
    const route = match.store as RestRoute;
    try {
      const actor =
        route.auth === "public"
          ? null
          : await authenticate(deps, credentialFrom({ authorization: req.headers.authorization, "x-api-key": header(req, "x-api-key") }), ip);
      if (route.auth !== "public") {
        if (!actor) throw new UnauthenticatedError("send Authorization: Bearer <token> (from POST /admin/api/login) or X-Api-Key");
        if (route.auth !== "authenticated" && !can(actor.permissions, route.auth.section, route.auth.access)) {
          throw new ForbiddenError(`${route.auth.access} access to ${route.auth.section} is required`);
        }
      }
      let bodyPromise: Promise<unknown> | undefined;
      const ctx: RestCtx = {
        req,
        res,
        params: match.params,
        query: parseQuery(req.url ?? ""),
        deps,
        actor,
        ip,
        body: () => (bodyPromise ??= readJson(req, REST_BODY_LIMIT)),
      };
      const result = await route.handler(ctx);
      if (!res.headersSent && result !== undefined) sendJson(res, res.statusCode || 200, result);
    } catch (err) {
      const reply = errorReply(inputErrorFromDb(err) ?? err);
      if (reply.status >= 500) deps.logger.error({ err, route: route.path }, "REST handler failed");
      if (!res.headersSent) sendJson(res, reply.status, reply.body, reply.headers);
      else res.destroy();
    }
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** ?limit= bounded to [1, max], default `def`. */
export function limitParam(q: URLSearchParams, def = 50, max = 500): number {
  const n = Number(q.get("limit") ?? def);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : def;
}
