// GET /admin/api/export/:type?format=json|csv and POST /admin/api/import/:type (JSON body, or CSV with
// Content-Type text/csv or ?format=csv). Types: campaigns, flows, offers, sources, networks, landings, domains,
// products, all. Section permissions are checked per type inside the service.
import type { Actor } from "../auth/actor.js";
import { readBody } from "../lib/http.js";
import { exportConfiguration, importConfiguration } from "../schema/transfer/transfer.service.js";
import { REST_BODY_LIMIT, type RestRoute } from "./router.js";

export const transferRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "/admin/api/export/:type",
    auth: "authenticated",
    handler: async (c) => {
      const out = await exportConfiguration(c.deps, c.actor as Actor, c.params.type ?? "", (c.query.get("format") ?? "json").toLowerCase());
      c.res.writeHead(200, {
        "content-type": out.contentType,
        "content-disposition": `attachment; filename="${out.filename}"`,
        "cache-control": "no-store",
        "content-length": Buffer.byteLength(out.body),
      });
      c.res.end(out.body);
      return undefined;
    },
  },
  {
    method: "POST",
    path: "/admin/api/import/:type",
    auth: "authenticated",
    handler: async (c) => {
      const contentType = String(c.req.headers["content-type"] ?? "");
      const format = (c.query.get("format") ?? (/text\/csv/i.test(contentType) ? "csv" : "json")).toLowerCase();
      const payload = format === "csv" ? (await readBody(c.req, REST_BODY_LIMIT)).toString("utf8") : await c.body();
      return importConfiguration(c.deps, c.actor as Actor, c.params.type ?? "", payload, format);
    },
  },
];
