// The signed-in operator: the bearer token (kept in localStorage so a reload keeps the session), who they are and
// their per-section permissions. The console only mirrors permissions; the API enforces them on every field.
import { computed, ref } from "vue";

export const SECTIONS = ["campaigns", "offers", "landings", "flows", "sources", "networks", "domains", "reports", "settings", "users"] as const;
export type Section = (typeof SECTIONS)[number];
export type Access = "read" | "write";

export interface SessionUser {
  /** The operator's user id; null for an API key. */
  id: string | null;
  name: string;
  email: string | null;
  role: string | null;
  actorType: string;
  permissions: Array<{ section: string; read: boolean; write: boolean }>;
}

const STORAGE_KEY = "trackily.session";

function load(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

const token = ref<string | null>(load());
const user = ref<SessionUser | null>(null);

export const session = {
  token,
  user,
  signedIn: computed(() => token.value !== null),
  setToken(value: string | null) {
    token.value = value;
    try {
      if (value) localStorage.setItem(STORAGE_KEY, value);
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      /* private mode: the session lasts until the tab closes */
    }
    if (!value) user.value = null;
  },
  setUser(value: SessionUser | null) {
    user.value = value;
  },
};

export function can(section: Section, access: Access = "read"): boolean {
  const p = user.value?.permissions.find((x) => x.section.toLowerCase() === section);
  return p ? p[access] : false;
}

export function usePermissions() {
  return {
    can,
    canRead: (s: Section) => computed(() => can(s, "read")),
    canWrite: (s: Section) => computed(() => can(s, "write")),
  };
}
