import { login, logout } from "../auth/auth.service.js";
import { SECTIONS } from "../auth/permissions.js";
import type { RestRoute } from "./router.js";

export const authRoutes: RestRoute[] = [
  // POST /admin/api/login { email, password } -> { token, expiresAt, user }
  {
    method: "POST",
    path: "/admin/api/login",
    auth: "public",
    handler: async (c) => login(c.deps, await c.body(), { ip: c.ip, userAgent: String(c.req.headers["user-agent"] ?? "") }),
  },
  // POST /admin/api/logout: revokes the session behind the bearer token
  {
    method: "POST",
    path: "/admin/api/logout",
    auth: "authenticated",
    handler: async (c) => {
      await logout(c.deps, c.actor!);
      return { ok: true };
    },
  },
  // GET /admin/api/me: who the credential belongs to and what it may do
  {
    method: "GET",
    path: "/admin/api/me",
    auth: "authenticated",
    handler: async (c) => ({
      type: c.actor!.type,
      name: c.actor!.name,
      userId: c.actor!.userId,
      role: c.actor!.role,
      permissions: Object.fromEntries(SECTIONS.map((s) => [s, c.actor!.permissions[s]])),
    }),
  },
];
