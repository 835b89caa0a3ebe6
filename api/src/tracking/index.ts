// The hot path: public tracking routes. Imports nothing from graphql/ or schema/.
// Built by createTracking(deps); app.ts offers every request to it before anything else.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Deps } from "../deps.js";
import { createEventRoutes } from "./events/index.js";

export interface Tracking {
  /** Handles the request and returns true when the path is a tracking route; false lets app.ts route it on. */
  handle(req: IncomingMessage, res: ServerResponse, ip: string): boolean;
  /** Called once the database is migrated and reachable. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createTracking(deps: Deps): Tracking {
  const routes = [createEventRoutes(deps)];
  return {
    handle: (req, res, ip) => routes.some((r) => r.handle(req, res, ip)),
    start: async () => {},
    stop: async () => {},
  };
}
