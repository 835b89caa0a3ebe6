// REST for reports: /admin/api/stats, /admin/api/stats/grouped, /admin/api/clicks (spec's API table).
import { clicksLog } from "../reports/clicks-log.js";
import { dashboard } from "../reports/dashboard.js";
import { DIMENSIONS, type Dimension } from "../reports/dimensions.js";
import { toExport } from "../reports/export.js";
import { groupedReport } from "../reports/grouped-report.js";
import type { MetricName } from "../reports/metrics.js";
import { PRESETS, type Preset, type RangeInput, type Registration } from "../reports/params.js";
import { groupedExport } from "../reports/report-export.js";
import { optimizerStats } from "../reports/optimizer.js";
import { abTestReport } from "../reports/ab-test.js";
import { type AttributionModel, attributionReport } from "../reports/attribution.js";
import { ecommerceFunnel, multiStepFunnel } from "../reports/funnel.js";
import { ValidationError } from "../lib/errors.js";
import type { RestCtx, RestRoute } from "./router.js";

/** Range and filters from the query string: preset, from, to, timezone, registration, and <dimension>=a,b. */
export function rangeFromQuery(q: URLSearchParams): RangeInput {
  const preset = q.get("preset");
  if (preset && !(PRESETS as readonly string[]).includes(preset.toUpperCase())) {
    throw new ValidationError([{ path: "preset", message: `use one of ${PRESETS.join(", ")}` }]);
  }
  const registration = q.get("registration")?.toUpperCase();
  if (registration && registration !== "VISIT" && registration !== "POSTBACK") {
    throw new ValidationError([{ path: "registration", message: "use visit or postback" }]);
  }
  const filters = DIMENSIONS.filter((d) => q.has(d)).map((d) => ({ dimension: d, values: (q.get(d) ?? "").split(",") }));
  const campaignId = q.get("campaign_id");
  if (campaignId && !q.has("campaign")) filters.push({ dimension: "campaign", values: campaignId.split(",") });
  return {
    preset: preset ? (preset.toUpperCase() as Preset) : null,
    from: q.get("from"),
    to: q.get("to"),
    timezone: q.get("timezone"),
    registration: (registration as Registration | undefined) ?? null,
    filters,
  };
}

const intParam = (q: URLSearchParams, name: string): number | null => {
  const v = q.get(name);
  if (v === null || v === "") return null;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new ValidationError([{ path: name, message: "expected an integer" }]);
  return n;
};

function format(q: URLSearchParams): "csv" | "json" | null {
  const f = q.get("format");
  if (f === null) return null;
  if (f !== "csv" && f !== "json") throw new ValidationError([{ path: "format", message: "use csv or json" }]);
  return f;
}

function sendFile(c: RestCtx, contentType: string, filename: string, body: string): undefined {
  c.res.writeHead(200, { "content-type": contentType, "content-disposition": `attachment; filename="${filename}"` });
  c.res.end(body);
  return undefined;
}

export const reportRoutes: RestRoute[] = [
  // GET /admin/api/stats?preset=LAST_7_DAYS|from=&to=&timezone=&registration=&campaign_id=&compare=1 -> dashboard totals + series
  {
    method: "GET",
    path: "/admin/api/stats",
    auth: { section: "reports", access: "read" },
    handler: async (c) => dashboard(c.deps, { ...rangeFromQuery(c.query), compare: c.query.get("compare") === "1" || c.query.get("compare") === "true" }),
  },
  // GET /admin/api/stats/grouped?group_by=campaign,country&sort=revenue&direction=asc&limit=&offset=&compare=1&format=csv|json
  {
    method: "GET",
    path: "/admin/api/stats/grouped",
    auth: { section: "reports", access: "read" },
    handler: async (c) => {
      const groupBy = (c.query.get("group_by") ?? c.query.get("groupBy") ?? "").split(",").filter(Boolean) as Dimension[];
      if (groupBy.length === 0) throw new ValidationError([{ path: "group_by", message: `required: 1 to 3 of ${DIMENSIONS.join(", ")}` }]);
      const sort = c.query.get("sort");
      const input = {
        ...rangeFromQuery(c.query),
        groupBy,
        sortBy: sort === "key" ? ("key" as const) : ((sort ?? null) as MetricName | null),
        sortDirection: c.query.get("direction")?.toLowerCase() === "asc" ? ("ASC" as const) : ("DESC" as const),
        limit: intParam(c.query, "limit"),
        offset: intParam(c.query, "offset"),
        compare: c.query.get("compare") === "1" || c.query.get("compare") === "true",
      };
      const f = format(c.query);
      if (f) {
        const out = await groupedExport(c.deps, input, f);
        return sendFile(c, out.contentType, out.filename, out.body);
      }
      return groupedReport(c.deps, input);
    },
  },
  // GET /admin/api/clicks?from=&to=&<dimension>=&limit=&cursor=&format=csv|json -> { data, nextCursor }
  {
    method: "GET",
    path: "/admin/api/clicks",
    auth: { section: "reports", access: "read" },
    handler: async (c) => {
      const page = await clicksLog(c.deps, { ...rangeFromQuery(c.query), first: intParam(c.query, "limit") ?? 50, after: c.query.get("cursor") });
      const f = format(c.query);
      if (f) {
        const rows = page.rows as unknown as Array<Record<string, unknown>>;
        const out = toExport(f, Object.keys(rows[0] ?? { id: "" }), rows);
        return sendFile(c, out.contentType, "clicks.csv".replace("csv", f), out.body);
      }
      return { data: page.rows, nextCursor: page.hasNextPage ? page.endCursor : null };
    },
  },

  // GET /admin/api/optimizer/stats?source_id=&from=&to=&level=campaign|adset|ad|placement (X-Api-Key with reports read)
  {
    method: "GET",
    path: "/admin/api/optimizer/stats",
    auth: { section: "reports", access: "read" },
    handler: async (c) => optimizerStats(c.deps, { ...rangeFromQuery(c.query), sourceId: c.query.get("source_id") ?? "", level: c.query.get("level") }),
  },
  // GET /admin/api/stats/funnel?campaign_id=&landing_id=&from=&to=&country=&device=
  {
    method: "GET",
    path: "/admin/api/stats/funnel",
    auth: { section: "reports", access: "read" },
    handler: async (c) => {
      const { filters, ...range } = rangeFromQuery(c.query);
      return multiStepFunnel(c.deps, {
        ...range,
        filters: (filters ?? []).filter((f) => f.dimension !== "campaign"),
        campaignId: c.query.get("campaign_id") ?? "",
        landingId: c.query.get("landing_id"),
      });
    },
  },
  // GET /admin/api/stats/ecommerce-funnel?campaign_id=&from=&to=&country=&device=
  {
    method: "GET",
    path: "/admin/api/stats/ecommerce-funnel",
    auth: { section: "reports", access: "read" },
    handler: async (c) => {
      const { filters, ...range } = rangeFromQuery(c.query);
      return ecommerceFunnel(c.deps, { ...range, filters: (filters ?? []).filter((f) => f.dimension !== "campaign"), campaignId: c.query.get("campaign_id") });
    },
  },
  // GET /admin/api/stats/attribution?model=LINEAR&group_by=source|campaign&campaign_id=&from=&to=&lookback_days=
  {
    method: "GET",
    path: "/admin/api/stats/attribution",
    auth: { section: "reports", access: "read" },
    handler: async (c) =>
      attributionReport(c.deps, {
        ...rangeFromQuery(c.query),
        filters: [],
        model: (c.query.get("model") ?? "LAST_CLICK").toUpperCase() as AttributionModel,
        groupBy: c.query.get("group_by") === "campaign" ? "campaign" : "source",
        campaignId: c.query.get("campaign_id"),
        lookbackDays: intParam(c.query, "lookback_days"),
      }),
  },
  // GET /admin/api/stats/ab-test?flow_id=&kind=landing|offer&from=&to=&confidence=95
  {
    method: "GET",
    path: "/admin/api/stats/ab-test",
    auth: { section: "reports", access: "read" },
    handler: async (c) =>
      abTestReport(c.deps, {
        ...rangeFromQuery(c.query),
        flowId: c.query.get("flow_id") ?? "",
        kind: c.query.get("kind")?.toUpperCase() === "OFFER" ? "OFFER" : "LANDING",
        confidenceLevel: c.query.get("confidence") ? Number(c.query.get("confidence")) : null,
      }),
  },
];
