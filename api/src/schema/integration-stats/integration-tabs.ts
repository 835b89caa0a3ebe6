// Which integration tabs the dashboard shows: every Everflow network with an API key, and every traffic source
// with a stats adapter (Kadam), an API key and at least one campaign linked to the source's own campaign ids.
import type { Deps } from "../../deps.js";
import { STATS_TEMPLATES } from "./kadam-stats.js";

export type IntegrationKind = "EVERFLOW" | "KADAM";

export interface DashboardIntegration {
  kind: IntegrationKind;
  /** The network's or the source's id. */
  id: string;
  name: string;
}

export async function dashboardIntegrations(deps: Deps): Promise<DashboardIntegration[]> {
  const p = deps.db.prisma;
  const [networks, sources] = await Promise.all([
    p.affiliateNetwork.findMany({
      where: { type: "everflow", apiKey: { not: "" }, status: { not: "ARCHIVED" } },
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    p.trafficSource.findMany({
      where: {
        template: { in: [...STATS_TEMPLATES] },
        apiKey: { not: "" },
        status: { not: "ARCHIVED" },
        campaigns: { some: { NOT: { externalCampaignIds: { isEmpty: true } } } },
      },
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
  ]);
  return [...networks.map((n) => ({ kind: "EVERFLOW" as const, ...n })), ...sources.map((s) => ({ kind: "KADAM" as const, ...s }))];
}
