// Every REST route, in one list.
import { authRoutes } from "./auth.routes.js";
import { campaignRoutes } from "./campaign.routes.js";
import { managementRoutes } from "./management.routes.js";
import { reportRoutes } from "./reports.routes.js";
import type { RestRoute } from "./router.js";

export const restRoutes: RestRoute[] = [...authRoutes, ...campaignRoutes, ...managementRoutes, ...reportRoutes];
