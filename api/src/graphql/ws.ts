// GraphQL subscriptions over graphql-ws on the same /graphql path, run through Yoga's envelop so they share the
// schema, limits, masking and context. Authenticated at connection_init: no init in time closes 4408, a bad
// credential 4403, a second init 4429 (graphql-ws); a revoked session or key, or an expired one, closes 4403.
import type { IncomingMessage, Server } from "node:http";
import type { ExecutionArgs } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer, type WebSocket } from "ws";
import type { Actor } from "../auth/actor.js";
import { authenticate } from "../auth/auth.service.js";
import type { Deps } from "../deps.js";
import { newId } from "../lib/ids.js";
import type { YogaServerInstance } from "graphql-yoga";
import type { GraphQLContext } from "./context.js";
import type { YogaServerContext } from "./yoga.js";

export const WS_INIT_TIMEOUT_MS = 3_000;

interface ConnCtx {
  actor?: Actor;
}

export function attachGraphQLWs(
  server: Server,
  yoga: YogaServerInstance<YogaServerContext, GraphQLContext>,
  deps: Deps,
  ipOf: (req: IncomingMessage) => string,
) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const sockets = new Map<WebSocket, Actor>();

  const closeWhere = (match: (a: Actor) => boolean) => {
    for (const [socket, actor] of sockets) if (match(actor)) socket.close(4403, "Forbidden");
  };
  const revocations = deps.bus.subscribe("auth:revoked");
  void (async () => {
    for await (const ev of revocations) {
      closeWhere(
        (a) =>
          (!!ev.sessionId && a.sessionId === ev.sessionId) ||
          (!!ev.apiKeyId && a.type === "API_KEY" && a.id === ev.apiKeyId) ||
          (!!ev.userId && a.userId === ev.userId),
      );
    }
  })();

  const disposable = useServer<Record<string, unknown> | undefined, { ctx: ConnCtx }>(
    {
      connectionInitWaitTimeout: WS_INIT_TIMEOUT_MS,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const raw = String(params.authorization ?? params.Authorization ?? params.token ?? "");
        const credential = raw.replace(/^bearer\s+/i, "").trim() || null;
        const actor = await authenticate(deps, credential, ipOf(ctx.extra.request));
        if (!actor) return false;
        (ctx.extra as { ctx?: ConnCtx }).ctx = { actor };
        sockets.set(ctx.extra.socket, actor);
        if (actor.expiresAt) {
          const ms = actor.expiresAt.getTime() - Date.now();
          setTimeout(() => ctx.extra.socket.close(4403, "Forbidden"), Math.min(Math.max(ms, 0), 2 ** 31 - 1)).unref();
        }
        return true;
      },
      onClose: (ctx) => {
        sockets.delete(ctx.extra.socket);
      },
      execute: (args: ExecutionArgs) => (args.rootValue as { execute: (a: ExecutionArgs) => unknown }).execute(args) as never,
      subscribe: (args: ExecutionArgs) => (args.rootValue as { subscribe: (a: ExecutionArgs) => unknown }).subscribe(args) as never,
      onSubscribe: async (ctx, _id, payload) => {
        const actor = (ctx.extra as { ctx?: ConnCtx }).ctx?.actor ?? null;
        const { schema, execute, subscribe, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
        });
        const contextValue: GraphQLContext = {
          deps,
          actor,
          requestId: newId(),
          ip: ipOf(ctx.extra.request),
          userAgent: String(ctx.extra.request.headers["user-agent"] ?? ""),
        };
        let document: ReturnType<typeof parse>;
        try {
          document = parse(payload.query);
        } catch (err) {
          return [err as never];
        }
        const args: ExecutionArgs = {
          schema,
          operationName: payload.operationName ?? null,
          document,
          variableValues: payload.variables ?? null,
          contextValue,
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        return args;
      },
    },
    wss,
  );

  server.on("upgrade", (req, socket, head) => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== "/graphql") {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  });

  return {
    async close() {
      await revocations.return?.();
      for (const s of sockets.keys()) s.close(1001, "Going away");
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
