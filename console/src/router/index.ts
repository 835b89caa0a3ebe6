// Routes: one lazy chunk per page, each tagged with the permission section it reads. The guard restores the session
// and keeps people out of sections they cannot read (the API refuses them anyway).
import { createRouter, createWebHistory, type RouteRecordRaw } from "vue-router";
import { can, type Section, session } from "../composables/session";
import { loadViewer } from "../graphql/instance";

declare module "vue-router" {
  interface RouteMeta {
    section?: Section;
    title?: string;
    public?: boolean;
  }
}

export interface NavItem {
  name: string;
  title: string;
  section: Section;
}

/** The navigation, in order; items the user cannot read are hidden. */
export const NAV: NavItem[] = [
  { name: "dashboard", title: "Dashboard", section: "reports" },
  { name: "campaigns", title: "Campaigns", section: "campaigns" },
  { name: "offers", title: "Offers", section: "offers" },
  { name: "landers", title: "Landers", section: "landings" },
  { name: "sources", title: "Traffic sources", section: "sources" },
  { name: "networks", title: "Networks", section: "networks" },
  { name: "domains", title: "Domains", section: "domains" },
  { name: "products", title: "Products", section: "offers" },
  { name: "reports", title: "Reports", section: "reports" },
  { name: "clicks", title: "Clicks", section: "reports" },
  { name: "conversions", title: "Conversions", section: "reports" },
  { name: "settings", title: "Settings", section: "settings" },
];

const page = (name: string, path: string, section: Section, title: string, component: RouteRecordRaw["component"]): RouteRecordRaw =>
  ({ name, path, component, meta: { section, title } }) as RouteRecordRaw;

export const routes: RouteRecordRaw[] = [
  { name: "login", path: "/login", component: () => import("../pages/LoginPage.vue"), meta: { public: true, title: "Sign in" } },
  {
    path: "/",
    component: () => import("../pages/AppLayout.vue"),
    children: [
      { path: "", name: "home", redirect: () => ({ name: firstReadable() }) },
      page("dashboard", "dashboard", "reports", "Dashboard", () => import("../pages/dashboard/DashboardPage.vue")),
      page("campaigns", "campaigns", "campaigns", "Campaigns", () => import("../pages/campaigns/CampaignsPage.vue")),
      page("campaign-new", "campaigns/new", "campaigns", "New campaign", () => import("../pages/campaigns/CampaignEditPage.vue")),
      page("campaign-edit", "campaigns/:id", "campaigns", "Campaign", () => import("../pages/campaigns/CampaignEditPage.vue")),
      page("offers", "offers", "offers", "Offers", () => import("../pages/entities/OffersPage.vue")),
      page("landers", "landers", "landings", "Landers", () => import("../pages/entities/LandersPage.vue")),
      page("sources", "sources", "sources", "Traffic sources", () => import("../pages/sources/SourcesPage.vue")),
      page("source-new", "sources/new", "sources", "New traffic source", () => import("../pages/sources/SourceEditPage.vue")),
      page("source-edit", "sources/:id", "sources", "Traffic source", () => import("../pages/sources/SourceEditPage.vue")),
      page("networks", "networks", "networks", "Networks", () => import("../pages/entities/NetworksPage.vue")),
      page("domains", "domains", "domains", "Domains", () => import("../pages/entities/DomainsPage.vue")),
      page("products", "products", "offers", "Products", () => import("../pages/entities/ProductsPage.vue")),
      page("reports", "reports", "reports", "Reports", () => import("../pages/reports/ReportsPage.vue")),
      page("clicks", "clicks", "reports", "Clicks", () => import("../pages/clicks/ClicksPage.vue")),
      page("conversions", "conversions", "reports", "Conversions", () => import("../pages/conversions/ConversionsPage.vue")),
      page("settings", "settings", "settings", "Settings", () => import("../pages/settings/SettingsPage.vue")),
      { path: "forbidden", name: "forbidden", component: () => import("../pages/ForbiddenPage.vue"), meta: { title: "No access" } },
    ],
  },
  { path: "/:rest(.*)*", name: "not-found", redirect: "/" },
];

function firstReadable(): string {
  return NAV.find((n) => can(n.section))?.name ?? "forbidden";
}

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory("/admin/"), routes });
  router.beforeEach(async (to) => {
    if (to.meta.public) return session.signedIn.value && to.name === "login" ? { path: "/" } : true;
    if (!session.token.value) return { name: "login", query: to.fullPath !== "/" ? { next: to.fullPath } : {} };
    if (!session.user.value && !(await loadViewer())) return { name: "login", query: { next: to.fullPath } };
    if (to.meta.section && !can(to.meta.section, "read")) return { name: "forbidden" };
    return true;
  });
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · Trackily` : "Trackily";
  });
  return router;
}
