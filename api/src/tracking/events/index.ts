// The pixel area's public routes: GET /pixel.js, POST /api/event (pixel events), POST /api/lead.
// Mounted by one line in api/src/tracking/index.ts.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Deps } from "../../deps.js";
import { errorReply, sendJson } from "../../lib/http.js";
import { createAttribution } from "./attribution.js";
import { createCollector } from "./collect.js";
import { recordPixelConversion } from "./conversion.js";
import { createGuard } from "./guard.js";
import { createLeadRoute } from "./lead.js";
import { createPixelServer } from "./serve-pixel.js";

export const EVENT_PATH = "/api/event";

export function createEventRoutes(deps: Deps) {
  const guard = createGuard(deps);
  const attribution = createAttribution(deps);
  const pixel = createPixelServer(deps);
  const collect = createCollector(deps, guard, attribution, async (ev, click, ip) => {
    if (!ev.conversion) return;
    const r = await recordPixelConversion(deps, {
      part: ev.conversion,
      click,
      vid: ev.vid,
      ip,
      channel: "pixel",
      rawParams: { event: ev.name, url: ev.url.slice(0, 512) },
    });
    // Unknown targets and rejections look like success from outside (no oracle); they are in the postback log.
    if (r && r.outcome !== "recorded" && r.outcome !== "duplicate")
      deps.logger.debug({ outcome: r.outcome, message: r.message }, "pixel conversion not recorded");
  });
  const lead = createLeadRoute(deps, guard, attribution, recordPixelConversion);

  const run = (p: Promise<void>, res: ServerResponse) =>
    p.catch((err) => {
      deps.logger.error({ err }, "pixel route failed");
      if (!res.headersSent) {
        const r = errorReply(err);
        sendJson(res, r.status >= 500 ? 503 : r.status, r.body, r.headers);
      }
    });

  return {
    /** True when the path is one of ours (the request is then answered). */
    handle(req: IncomingMessage, res: ServerResponse, ip: string): boolean {
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      const path = q === -1 ? url : url.slice(0, q);
      let p: Promise<void>;
      if (path === "/pixel.js") p = pixel(req, res);
      else if (path === EVENT_PATH) p = collect(req, res, ip);
      else if (path === "/api/lead") p = lead(req, res, ip);
      else return false;
      void run(p, res);
      return true;
    },
  };
}
