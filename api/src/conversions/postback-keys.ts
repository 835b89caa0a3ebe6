// Postback keys (install-wide or per network; at most two active per scope, so a key can be rotated without a
// gap) and the IP/CIDR allow-lists. Keys are shown once and stored as sha256 hashes.
import type { Deps } from "../deps.js";
import { ConflictError, NotFoundError, ValidationError } from "../lib/errors.js";
import { newId } from "../lib/ids.js";
import { isIpOrCidr } from "../lib/ip.js";
import { newSecret, sha256 } from "../lib/secrets.js";
import { invalidateConversionSettings } from "./settings-cache.js";

export const MAX_ACTIVE_KEYS = 2;

function changed(deps: Deps, entity: string, id?: string) {
  invalidateConversionSettings(deps);
  deps.bus.publish("config:changed", { entity, ...(id ? { id } : {}), at: Date.now() });
}

export async function createPostbackKey(deps: Deps, input: { networkId?: string | null; name?: string }) {
  const networkId = input.networkId ?? null;
  if (networkId && !(await deps.db.prisma.affiliateNetwork.findUnique({ where: { id: networkId }, select: { id: true } }))) {
    throw new NotFoundError("network", networkId);
  }
  const active = await deps.db.prisma.postbackKey.count({ where: { networkId, revokedAt: null } });
  if (active >= MAX_ACTIVE_KEYS) {
    throw new ConflictError(`${MAX_ACTIVE_KEYS} keys are already active for this ${networkId ? "network" : "install"}; revoke the old one first`);
  }
  const key = newSecret("tly_pb", 24);
  const row = await deps.db.prisma.postbackKey.create({
    data: { id: newId(), networkId, name: (input.name ?? "").slice(0, 100), prefix: key.slice(0, 12), keyHash: sha256(key) },
  });
  changed(deps, "postback_key", row.id);
  return { ...row, key };
}

export async function revokePostbackKey(deps: Deps, id: string) {
  const row = await deps.db.prisma.postbackKey.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("postback key", id);
  const updated = row.revokedAt ? row : await deps.db.prisma.postbackKey.update({ where: { id }, data: { revokedAt: new Date() } });
  changed(deps, "postback_key", id);
  return updated;
}

export function listPostbackKeys(deps: Deps, networkId?: string | null) {
  return deps.db.prisma.postbackKey.findMany({
    where: networkId === undefined ? {} : { networkId },
    orderBy: { createdAt: "desc" },
  });
}

function checkIps(list: string[]): string[] {
  const clean = list.map((s) => s.trim()).filter(Boolean);
  const bad = clean.filter((s) => !isIpOrCidr(s));
  if (bad.length) throw new ValidationError(bad.map((b) => ({ path: "allowedIps", message: `"${b.slice(0, 60)}" is not an IP address or CIDR range` })));
  return clean;
}

/** Install-wide policy: key required, allow-list (empty = any address). */
export async function setInstallPostbackPolicy(deps: Deps, input: { keyRequired?: boolean; allowedIps?: string[] }) {
  const data = {
    ...(input.keyRequired !== undefined ? { postbackKeyRequired: input.keyRequired } : {}),
    ...(input.allowedIps !== undefined ? { postbackAllowedIps: checkIps(input.allowedIps) } : {}),
  };
  const s = await deps.db.prisma.settings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
  changed(deps, "settings");
  return { keyRequired: s.postbackKeyRequired, allowedIps: s.postbackAllowedIps };
}

export async function getInstallPostbackPolicy(deps: Deps) {
  const s = await deps.db.prisma.settings.findUnique({ where: { id: 1 } });
  return { keyRequired: s?.postbackKeyRequired ?? false, allowedIps: s?.postbackAllowedIps ?? [] };
}

export async function setNetworkPostbackPolicy(deps: Deps, networkId: string, input: { requireKey?: boolean; allowedIps?: string[] }) {
  const exists = await deps.db.prisma.affiliateNetwork.findUnique({ where: { id: networkId }, select: { id: true } });
  if (!exists) throw new NotFoundError("network", networkId);
  const n = await deps.db.prisma.affiliateNetwork.update({
    where: { id: networkId },
    data: {
      ...(input.requireKey !== undefined ? { requireKey: input.requireKey } : {}),
      ...(input.allowedIps !== undefined ? { allowedIps: checkIps(input.allowedIps) } : {}),
    },
  });
  changed(deps, "network", networkId);
  return { networkId: n.id, requireKey: n.requireKey, allowedIps: n.allowedIps };
}
