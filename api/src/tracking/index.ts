// The hot path: public tracking routes. Imports nothing from graphql/ or schema/.
// Built by createTracking(deps); app.ts offers every request to it before anything else.
import type { IncomingMessage, ServerResponse } from "node:http";
import { handlePostback } from "../conversions/postback-route.js";
import type { Deps } from "../deps.js";
import { createEventRoutes } from "./events/index.js";
import { handleClick, handleDomainRoot } from "./click/click-route.js";
import { ClickEngine } from "./click/engine.js";
import { handleOffer } from "./click/offer-route.js";

export interface Tracking {
  /** Handles the request and returns true when the path is a tracking route; false lets app.ts route it on. */
  handle(req: IncomingMessage, res: ServerResponse, ip: string): boolean;
  /** Called once the database is migrated and reachable. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The click engine (tests and GraphQL status read it). */
  engine: ClickEngine;
}

export function createTracking(deps: Deps): Tracking {
  const engine = new ClickEngine(deps);
  const routes = [createEventRoutes(deps)];
  return {
    engine,
    handle(req, res, ip) {
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      const path = q === -1 ? url : url.slice(0, q);
      // GET /c/:slug — a click on a tracking link
      if (path.startsWith("/c/")) {
        const slug = safeDecode(path.slice(3));
        if (slug && !slug.includes("/")) {
          handleClick(engine, req, res, ip, slug, q === -1 ? "" : url.slice(q + 1));
          return true;
        }
      }
      // GET https://<custom domain>/ — the campaign linked to that domain
      if (path === "/" && handleDomainRoot(engine, req, res, ip, q === -1 ? "" : url.slice(q + 1))) return true;
      // GET /offer/:clickId/:offerId — from a lander's CTA to the offer
      if (path.startsWith("/offer/")) {
        const [clickId = "", offerId = "", extra] = path.slice(7).split("/");
        if (extra === undefined) {
          handleOffer(engine, req, res, clickId, offerId);
          return true;
        }
      }
      if (handlePostback(deps, req, res, ip)) return true;
      return routes.some((r) => r.handle(req, res, ip));
    },
    start: () => engine.start(),
    stop: () => engine.stop(),
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return "";
  }
}
