// Operator actions on clicks and the click engine's inputs: manual cost edits (one click, or a campaign's CPC over
// a date range), GeoIP database status and the GeoLite2 download with a MaxMind license key.
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { z } from "zod";
import type { Actor } from "../../auth/actor.js";
import type { Deps } from "../../deps.js";
import { ValidationError } from "../../lib/errors.js";
import { conversionSettings, rateFor } from "../../conversions/settings-cache.js";
import { mulDecimal } from "../../lib/decimal.js";
import { isUuid } from "../../lib/ids.js";
import { GeoIp } from "../../tracking/click/geo.js";
import { auditedWrite, mustFind, parseInput } from "../shared/write.js";

const cost = z
  .string()
  .trim()
  .refine((v) => /^\d{1,8}(\.\d{1,6})?$/.test(v), "must be a non-negative decimal with at most 6 decimal places, e.g. 0.035");
const uuid = z.string().refine(isUuid, "must be a UUID");
const currency = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => /^[A-Z]{3}$/.test(v), "must be a three-letter ISO 4217 code such as USD")
  .nullish();

export const updateClickCostInput = z.object({ clickId: uuid, cost, currency }).strict();
export const bulkUpdateClickCostInput = z
  .object({ campaignId: uuid, from: z.date(), to: z.date(), cpc: cost, currency })
  .strict()
  .refine((v) => v.from < v.to, { path: ["to"], message: "must be after from" });

/**
 * `amount` in `cur` (null: the account currency) as the account-currency cost (6 decimals) with Settings' rate,
 * and the amount as given; a ValidationError on currency when Settings has no rate for it.
 */
async function toAccount(deps: Deps, amount: string, cur: string | null): Promise<{ cost: string; costSource: string; costCurrency: string }> {
  const s = await conversionSettings(deps);
  const costCurrency = cur ?? s.accountCurrency;
  const rate = rateFor(s, costCurrency);
  const cost = rate === null ? amount : mulDecimal(amount, rate, 6);
  if (cost.split(".")[0]!.length > 8) throw new ValidationError([{ path: "cost", message: "is too large once converted to the account currency" }]);
  return { cost, costSource: amount, costCurrency };
}

export async function updateClickCost(deps: Deps, actor: Actor, input: unknown): Promise<{ clickId: string; cost: string }> {
  const data = parseInput(updateClickCostInput, input);
  return auditedWrite(deps, actor, {
    action: "click.cost_update",
    entityType: "Click",
    run: async (tx) => {
      const before = await mustFind("Click", data.clickId, tx.click.findUnique({ where: { id: data.clickId }, select: { id: true, cost: true } }));
      // The cost is in the account currency unless the operator names another.
      const costs = await toAccount(deps, data.cost, data.currency ?? null);
      const row = await tx.click.update({ where: { id: data.clickId }, data: costs, select: { id: true, cost: true } });
      const out = { clickId: row.id, cost: row.cost.toString() };
      return { row: out, id: row.id, before: { cost: before.cost.toString() }, after: { cost: out.cost } };
    },
  });
}

export async function bulkUpdateClickCost(
  deps: Deps,
  actor: Actor,
  input: unknown,
): Promise<{ updated: number; campaignId: string; cpc: string; currency: string; costAccount: string }> {
  const data = parseInput(bulkUpdateClickCostInput, input);
  return auditedWrite(deps, actor, {
    action: "click.cost_bulk_update",
    entityType: "Campaign",
    run: async (tx) => {
      const campaign = await mustFind(
        "Campaign",
        data.campaignId,
        tx.campaign.findUnique({ where: { id: data.campaignId }, select: { id: true, source: { select: { currency: true } } } }),
      );
      // The CPC the traffic source reports is in its currency, unless the operator names another.
      const costs = await toAccount(deps, data.cpc, data.currency ?? campaign.source?.currency.trim().toUpperCase() ?? null);
      const cur = costs.costCurrency;
      const where = { campaignId: data.campaignId, createdAt: { gte: data.from, lt: data.to } };
      const before = await tx.click.aggregate({ where, _sum: { cost: true }, _count: true });
      const { count } = await tx.click.updateMany({ where, data: costs });
      const row = { updated: count, campaignId: data.campaignId, cpc: data.cpc, currency: cur, costAccount: costs.cost };
      return {
        row,
        id: data.campaignId,
        before: { from: data.from, to: data.to, clicks: before._count, totalCost: before._sum.cost?.toString() ?? "0" },
        after: { from: data.from, to: data.to, clicks: count, cpc: data.cpc, currency: cur, costAccount: costs.cost },
      };
    },
  });
}

// ---------------------------------------------------------------- GeoIP

export interface GeoDbStatus {
  edition: string;
  path: string;
  ok: boolean;
  databaseType: string | null;
  builtAt: Date | null;
  error: string | null;
}

const probe = new GeoIp();

export async function geoipStatus(deps: Deps) {
  const s = await deps.db.prisma.settings.findUnique({ where: { id: 1 } });
  const cityPath = s?.geoipCityPath || deps.config.geoip.cityPath || "";
  const asnPath = s?.geoipAsnPath || deps.config.geoip.asnPath || "";
  probe.configure(cityPath, asnPath);
  const one = (edition: string, st: (typeof probe.status)["city"]): GeoDbStatus => ({
    edition,
    path: st.path,
    ok: st.ok,
    databaseType: st.type ?? null,
    builtAt: st.buildEpoch ? new Date(st.buildEpoch * 1000) : null,
    error: st.path ? (st.error ?? null) : "not configured",
  });
  return {
    city: one("GeoLite2-City", probe.status.city),
    asn: one("GeoLite2-ASN", probe.status.asn),
    hasLicenseKey: Boolean(s?.maxmindLicenseKey),
    updatedAt: s?.geoipUpdatedAt ?? null,
  };
}

/** "Test with an IP address": what the configured databases say about it. */
export async function geoipLookup(deps: Deps, ip: string) {
  await geoipStatus(deps);
  const g = probe.lookup(ip.trim());
  return { ip: ip.trim(), ...g };
}

const EDITIONS = ["GeoLite2-City", "GeoLite2-ASN"] as const;

/**
 * Downloads GeoLite2 City and ASN with the license key (argument, or the one stored in settings) through the
 * SSRF-guarded client, extracts each .mmdb from its tar.gz, checks it opens, swaps it in, points settings at it and
 * tells the click engines to reload.
 */
export async function downloadGeoip(deps: Deps, actor: Actor, licenseKey: string | null | undefined) {
  const settings = await deps.db.prisma.settings.findUnique({ where: { id: 1 } });
  const key = (licenseKey ?? "").trim() || settings?.maxmindLicenseKey || "";
  if (!key) throw new ValidationError([{ path: "licenseKey", message: "a MaxMind license key is required (maxmind.com → My License Keys)" }]);
  if (!/^[A-Za-z0-9_]{6,64}$/.test(key)) throw new ValidationError([{ path: "licenseKey", message: "is not a MaxMind license key" }]);
  const dir = path.join(deps.config.dataDir, "geoip");
  await mkdir(dir, { recursive: true });
  const paths: Record<string, string> = {};
  for (const edition of EDITIONS) {
    const url = deps.config.geoipDownloadUrl.replace("{edition}", edition).replace("{license_key}", encodeURIComponent(key));
    let body: Buffer;
    try {
      const res = await deps.outbound.send(url, { timeoutMs: 120_000, maxBytes: 200_000_000, maxRedirects: 3 });
      if (res.status !== 200) {
        const reason = res.status === 401 ? "the license key was refused" : `the download answered HTTP ${res.status}`;
        throw new ValidationError([{ path: "licenseKey", message: `${edition}: ${reason}` }]);
      }
      body = res.body;
    } catch (err) {
      if (err instanceof ValidationError) throw err;
      throw new ValidationError([{ path: "licenseKey", message: `${edition}: download failed (${(err as Error).message})` }]);
    }
    const mmdb = extractMmdb(body, edition);
    if (!mmdb) throw new ValidationError([{ path: "licenseKey", message: `${edition}: the archive has no ${edition}.mmdb` }]);
    const target = path.join(dir, `${edition}.mmdb`);
    const tmp = `${target}.download`;
    await writeFile(tmp, mmdb);
    const check = new GeoIp();
    check.configure(tmp, "");
    if (!check.status.city.ok)
      throw new ValidationError([{ path: "licenseKey", message: `${edition}: ${check.status.city.error ?? "not a MaxMind database"}` }]);
    await rename(tmp, target);
    paths[edition] = target;
  }
  await auditedWrite(deps, actor, {
    action: "settings.geoip_download",
    entityType: "Settings",
    configChanged: true,
    run: async (tx) => {
      const before = await tx.settings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
      const row = await tx.settings.update({
        where: { id: 1 },
        data: {
          geoipCityPath: paths["GeoLite2-City"],
          geoipAsnPath: paths["GeoLite2-ASN"],
          geoipUpdatedAt: new Date(),
          ...(licenseKey?.trim() ? { maxmindLicenseKey: key } : {}),
        },
      });
      return {
        row,
        id: "1",
        before: { geoipCityPath: before.geoipCityPath, geoipAsnPath: before.geoipAsnPath },
        after: { geoipCityPath: row.geoipCityPath, geoipAsnPath: row.geoipAsnPath },
      };
    },
  });
  return geoipStatus(deps);
}

/** The `<edition>.mmdb` member of a MaxMind tar.gz (or a bare gzip'd/plain .mmdb). */
export function extractMmdb(archive: Buffer, edition: string): Buffer | null {
  let tar: Buffer;
  try {
    tar = archive[0] === 0x1f && archive[1] === 0x8b ? gunzipSync(archive, { maxOutputLength: 500_000_000 }) : archive;
  } catch {
    return null;
  }
  for (let off = 0; off + 512 <= tar.length; ) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const field = (a: number, b: number) => header.subarray(a, b).toString("utf8").replace(/\0.*$/s, "");
    const name = (field(345, 500) ? `${field(345, 500)}/` : "") + field(0, 100);
    const size = Number.parseInt(field(124, 136).trim() || "0", 8);
    const type = String.fromCharCode(header[156] ?? 48);
    const start = off + 512;
    if ((type === "0" || type === "\0") && name.endsWith(`${edition}.mmdb`)) return tar.subarray(start, start + size);
    off = start + Math.ceil(size / 512) * 512;
  }
  // Not a tar: a bare database is accepted as is.
  return tar.includes(Buffer.from("MaxMind.com")) ? tar : null;
}
