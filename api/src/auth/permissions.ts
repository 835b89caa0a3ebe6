// Roles and the ten sections of the spec, each with independent read and write. Enforced on every GraphQL field
// (scope-auth) and every REST route; the console only mirrors them.
import { z } from "zod";

export const SECTIONS = ["campaigns", "offers", "landings", "flows", "sources", "networks", "domains", "reports", "settings", "users"] as const;
export type Section = (typeof SECTIONS)[number];
export type Access = "read" | "write";
export type Permissions = Record<Section, { read: boolean; write: boolean }>;
export type RoleName = "ADMIN" | "MANAGER" | "VIEWER" | "CUSTOM";

const grid = (read: readonly Section[], write: readonly Section[]): Permissions =>
  Object.fromEntries(SECTIONS.map((s) => [s, { read: read.includes(s) || write.includes(s), write: write.includes(s) }])) as Permissions;

/** The spec's roles. Custom users carry their own grid. */
export const ROLE_PERMISSIONS: Record<Exclude<RoleName, "CUSTOM">, Permissions> = {
  ADMIN: grid(SECTIONS, SECTIONS),
  // "Read+Write on campaigns, offers, LPs, flows, sources. Read on reports."
  MANAGER: grid(["reports"], ["campaigns", "offers", "landings", "flows", "sources"]),
  // "Read-only access to campaigns, offers, LPs, reports."
  VIEWER: grid(["campaigns", "offers", "landings", "reports"], []),
};

export const permissionsSchema = z
  .record(z.string(), z.object({ read: z.boolean().default(false), write: z.boolean().default(false) }))
  .superRefine((val, ctx) => {
    for (const key of Object.keys(val)) {
      if (!(SECTIONS as readonly string[]).includes(key)) {
        ctx.addIssue({ code: "custom", path: [key], message: `unknown section; sections are ${SECTIONS.join(", ")}` });
      }
    }
  });

/** A complete grid from stored JSON: unknown keys dropped, write implies read. */
export function normalizePermissions(raw: unknown): Permissions {
  const obj = (raw && typeof raw === "object" ? raw : {}) as Record<string, { read?: unknown; write?: unknown } | undefined>;
  return Object.fromEntries(
    SECTIONS.map((s) => {
      const write = obj[s]?.write === true;
      return [s, { read: write || obj[s]?.read === true, write }];
    }),
  ) as Permissions;
}

export function permissionsForRole(role: RoleName, custom: unknown): Permissions {
  return role === "CUSTOM" ? normalizePermissions(custom) : ROLE_PERMISSIONS[role];
}

/** The cells both grids allow: an API key never gets more than its creator has. */
export function intersect(a: Permissions, b: Permissions): Permissions {
  return Object.fromEntries(SECTIONS.map((s) => [s, { read: a[s].read && b[s].read, write: a[s].write && b[s].write }])) as Permissions;
}

export const can = (perms: Permissions | undefined, section: Section, access: Access): boolean => perms?.[section][access] === true;
