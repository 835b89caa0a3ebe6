// Every REST route, in one list.
import { authRoutes } from "./auth.routes.js";
import { campaignRoutes } from "./campaign.routes.js";
import { conversionRoutes } from "./conversion.routes.js";
import { managementRoutes } from "./management.routes.js";
import { reportRoutes } from "./reports.routes.js";
import type { RestRoute } from "./router.js";
import { transferRoutes } from "./transfer.routes.js";

export const restRoutes: RestRoute[] = [...authRoutes, ...campaignRoutes, ...managementRoutes, ...transferRoutes, ...reportRoutes, ...conversionRoutes];
