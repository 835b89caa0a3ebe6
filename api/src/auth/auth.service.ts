// Sign-in, sessions, API keys and request authentication. Tokens are random, shown once, stored as SHA-256.
import { z } from "zod";
import type { Deps } from "../deps.js";
import { writeAudit } from "../db/audit.js";
import { RateLimitedError, UnauthenticatedError, ValidationError, issuesFromZod } from "../lib/errors.js";
import { newId } from "../lib/ids.js";
import { dummyPasswordHash, hashPassword, newSecret, sha256, verifyPassword } from "../lib/secrets.js";
import { systemActor, type Actor } from "./actor.js";
import { ROLE_PERMISSIONS, intersect, permissionsForRole, type RoleName } from "./permissions.js";

export const SESSION_PREFIX = "tly_sess";
export const API_KEY_PREFIX = "tly_key";

const LOGIN_WINDOW_MS = 15 * 60_000;
const LOGIN_MAX_PER_IP = 20;
const LOGIN_MAX_PER_EMAIL = 10;

const loginInput = z.object({
  email: z.string().trim().toLowerCase().email("must be an email address").max(254),
  password: z.string().min(1, "is required").max(1024),
});

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: { id: string; email: string; name: string; role: RoleName };
}

export async function login(deps: Deps, input: unknown, meta: { ip: string; userAgent: string }): Promise<LoginResult> {
  const parsed = loginInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error.issues));
  const { email, password } = parsed.data;

  // Rate limits count every attempt, so guessing is slow whether or not the email exists.
  const [byIp, byEmail] = await Promise.all([
    deps.counters.hit(`login:ip:${meta.ip}`, LOGIN_WINDOW_MS),
    deps.counters.hit(`login:email:${email}`, LOGIN_WINDOW_MS),
  ]);
  if (byIp > LOGIN_MAX_PER_IP || byEmail > LOGIN_MAX_PER_EMAIL) {
    throw new RateLimitedError("too many sign-in attempts; try again in 15 minutes", LOGIN_WINDOW_MS / 1000);
  }

  const user = await deps.db.prisma.user.findUnique({ where: { email } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok || !user.active) throw new UnauthenticatedError("email or password is incorrect");

  const token = newSecret(SESSION_PREFIX);
  const expiresAt = new Date(Date.now() + deps.config.sessionTtlMs);
  const sessionId = newId();
  await deps.db.prisma.$transaction([
    deps.db.prisma.session.create({
      data: { id: sessionId, userId: user.id, tokenHash: sha256(token), expiresAt, ip: meta.ip, userAgent: meta.userAgent.slice(0, 512) },
    }),
    deps.db.prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } }),
    deps.db.prisma.auditLog.create({
      data: {
        id: newId(),
        actorType: "USER",
        actorId: user.id,
        actorName: user.email,
        action: "session.create",
        entityType: "Session",
        entityId: sessionId,
        after: { userAgent: meta.userAgent.slice(0, 512), expiresAt: expiresAt.toISOString() },
        ip: meta.ip,
      },
    }),
  ]);
  return { token, expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

export async function logout(deps: Deps, actor: Actor): Promise<void> {
  if (actor.type !== "USER" || !actor.sessionId) return;
  await revokeSession(deps, actor.sessionId);
  await writeAudit(deps.db.prisma, actor, { action: "session.revoke", entityType: "Session", entityId: actor.sessionId });
}

export async function revokeSession(deps: Deps, sessionId: string): Promise<void> {
  await deps.db.prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
  deps.bus.publish("auth:revoked", { sessionId });
}

/** Reads `Authorization: Bearer <token>` or `X-Api-Key: <key>`. */
export function credentialFrom(headers: { authorization?: string | null; "x-api-key"?: string | null }): string | null {
  const auth = headers.authorization?.trim();
  if (auth && /^bearer\s+/i.test(auth)) return auth.replace(/^bearer\s+/i, "").trim() || null;
  return headers["x-api-key"]?.trim() || null;
}

/** Resolves a session token or API key to its actor; null when absent, expired, revoked or unknown. */
export async function authenticate(deps: Deps, credential: string | null, ip: string): Promise<Actor | null> {
  if (!credential || credential.length > 200) return null;
  const now = new Date();
  if (credential.startsWith(`${API_KEY_PREFIX}_`)) {
    const key = await deps.db.prisma.apiKey.findUnique({ where: { keyHash: sha256(credential) }, include: { createdBy: true } });
    if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now) || !key.createdBy.active) return null;
    // Touch lastUsedAt at most once a minute: a busy BI tool must not turn every read into a write.
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
      void deps.db.prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } }).catch(() => {});
    }
    const owner = permissionsForRole(key.createdBy.role, key.createdBy.permissions);
    return {
      type: "API_KEY",
      id: key.id,
      userId: key.createdById,
      name: `api key ${key.name}`,
      role: null,
      permissions: intersect(owner, permissionsForRole("CUSTOM", key.scopes)),
      sessionId: null,
      expiresAt: key.expiresAt,
      ip,
    };
  }
  if (!credential.startsWith(`${SESSION_PREFIX}_`)) return null;
  const session = await deps.db.prisma.session.findUnique({ where: { tokenHash: sha256(credential) }, include: { user: true } });
  if (!session || session.revokedAt || session.expiresAt <= now || !session.user.active) return null;
  if (!session.lastUsedAt || now.getTime() - session.lastUsedAt.getTime() > 60_000) {
    void deps.db.prisma.session.update({ where: { id: session.id }, data: { lastUsedAt: now } }).catch(() => {});
  }
  return {
    type: "USER",
    id: session.userId,
    userId: session.userId,
    name: session.user.email,
    role: session.user.role,
    permissions: permissionsForRole(session.user.role, session.user.permissions),
    sessionId: session.id,
    expiresAt: session.expiresAt,
    ip,
  };
}

/** Re-checks that an actor's session or key is still valid (long-lived subscriptions). */
export async function stillValid(deps: Deps, actor: Actor): Promise<boolean> {
  const now = new Date();
  if (actor.type === "USER" && actor.sessionId) {
    const s = await deps.db.prisma.session.findUnique({ where: { id: actor.sessionId }, select: { revokedAt: true, expiresAt: true } });
    return !!s && !s.revokedAt && s.expiresAt > now;
  }
  if (actor.type === "API_KEY" && actor.id) {
    const k = await deps.db.prisma.apiKey.findUnique({ where: { id: actor.id }, select: { revokedAt: true, expiresAt: true } });
    return !!k && !k.revokedAt && (!k.expiresAt || k.expiresAt > now);
  }
  return actor.type === "SYSTEM";
}

/**
 * First start: creates the admin from ADMIN_EMAIL / ADMIN_PASSWORD, or with a generated password returned once
 * for the caller to print. Does nothing once any user exists.
 */
export async function ensureFirstAdmin(deps: Deps): Promise<{ email: string; generatedPassword: string | null } | null> {
  if ((await deps.db.prisma.user.count()) > 0) return null;
  const generated = deps.config.adminPassword ? null : newSecret("pw", 12).slice(3);
  const password = deps.config.adminPassword ?? (generated as string);
  const user = await deps.db.prisma.user.create({
    data: { id: newId(), email: deps.config.adminEmail.toLowerCase(), name: "Admin", role: "ADMIN", passwordHash: await hashPassword(password) },
  });
  await writeAudit(
    deps.db.prisma,
    { ...systemActor(ROLE_PERMISSIONS.ADMIN), name: "bootstrap" },
    { action: "user.create", entityType: "User", entityId: user.id, after: { email: user.email, role: user.role } },
  );
  return { email: user.email, generatedPassword: generated };
}
