import type { Permissions, RoleName } from "./permissions.js";

/** Who is making a request: an operator with a session, a tool with an API key, or the system itself. */
export interface Actor {
  type: "USER" | "API_KEY" | "SYSTEM";
  /** User id, or API key id. */
  id: string | null;
  /** The user behind the request (the key's creator for API keys). */
  userId: string | null;
  name: string;
  role: RoleName | null;
  permissions: Permissions;
  /** Session id for users (to revoke, and to end subscriptions). */
  sessionId: string | null;
  expiresAt: Date | null;
  ip: string;
}

export const systemActor = (permissions: Permissions): Actor => ({
  type: "SYSTEM",
  id: null,
  userId: null,
  name: "system",
  role: "ADMIN",
  permissions,
  sessionId: null,
  expiresAt: null,
  ip: "",
});
