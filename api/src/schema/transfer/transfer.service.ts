// Export and import of the configuration: campaigns, flows, offers, sources, networks, landing pages, domains,
// products, or all of them, as JSON or CSV. Import validates every row (the same rules as the API), reports each
// bad row by index and field, and writes nothing unless the whole file is valid: one transaction, one audit
// entry per row, then one config:changed. Rows with an id that exists are updated; others are created (keeping
// the id when given, so references inside the file resolve). Secrets (API keys, CAPI tokens) are never exported.
import type { z } from "zod";
import type { Actor } from "../../auth/actor.js";
import { can, type Section } from "../../auth/permissions.js";
import { writeAudit } from "../../db/audit.js";
import type { Deps } from "../../deps.js";
import { ForbiddenError, ValidationError, type FieldIssue, issuesFromZod } from "../../lib/errors.js";
import { isUuid, newId } from "../../lib/ids.js";
import { createCampaignInput } from "../campaign/campaign.service.js";
import { createDomainInput, domainService } from "../domain/domain.service.js";
import { createFlowInput, flowService } from "../flow/flow.service.js";
import { createLandingInput, landingService } from "../landing/landing.service.js";
import { createNetworkInput, networkService } from "../network/network.service.js";
import { createOfferInput, offerService } from "../offer/offer.service.js";
import { createProductInput } from "../product/product.service.js";
import type { Delegate } from "../shared/crud.js";
import { mapPrismaError, type Tx } from "../shared/write.js";
import { createSourceInput } from "../traffic-source/traffic-source.service.js";
import { CsvError, parseCsv, toCsv } from "./csv.js";

/** Import order: everything a row refers to comes before it. */
export const TRANSFER_TYPES = ["networks", "sources", "domains", "landings", "products", "offers", "campaigns", "flows"] as const;
export type TransferType = (typeof TRANSFER_TYPES)[number];
export type TransferFormat = "json" | "csv";
export const MAX_IMPORT_ROWS = 5_000;

/** Column kinds, for CSV: s string, d decimal (string), n int, n? nullable int, b boolean, j JSON, u? nullable id. */
type Kind = "s" | "d" | "n" | "n?" | "b" | "j" | "u?";

interface TypeSpec {
  section: Section;
  entity: string;
  action: string;
  columns: Record<string, Kind>;
  schema: z.ZodType;
  delegate(tx: Tx): Delegate<{ id: string }>;
  read(tx: Tx): Promise<Array<Record<string, unknown>>>;
  /** References to other entities: field -> model delegate name. */
  refs?: Record<string, "affiliateNetwork" | "trafficSource" | "offer" | "domain" | "campaign">;
  /** Unique text column besides the id. */
  unique?: string;
  check?(tx: Tx, data: Record<string, unknown>, before: never): Promise<void>;
  children?(tx: Tx, id: string, data: Record<string, unknown>, isCreate: boolean): Promise<void>;
  childKeys?: readonly string[];
}

const s = "s" as const;
const SPECS: Record<TransferType, TypeSpec> = {
  networks: {
    section: "networks",
    entity: "AffiliateNetwork",
    action: "affiliate_network",
    columns: { id: s, name: s, type: s, apiUrl: s, postbackTemplate: s, allowedIps: "j", requireKey: "b", status: s },
    schema: createNetworkInput,
    delegate: (tx) => tx.affiliateNetwork as never,
    read: (tx) => tx.affiliateNetwork.findMany({ orderBy: { id: "asc" } }),
    check: networkService.spec.check as never,
  },
  sources: {
    section: "sources",
    entity: "TrafficSource",
    action: "traffic_source",
    columns: {
      id: s,
      name: s,
      template: s,
      clickIdParam: s,
      clickIdMacro: s,
      costParam: s,
      costMacro: s,
      campaignIdParam: s,
      campaignIdMacro: s,
      adSetIdParam: s,
      adSetIdMacro: s,
      adIdParam: s,
      adIdMacro: s,
      placementParam: s,
      placementMacro: s,
      extraParams: "j",
      postbackUrl: s,
      postbackOnStatusChange: "b",
      apiUrl: s,
      currency: s,
      status: s,
    },
    schema: createSourceInput,
    delegate: (tx) => tx.trafficSource as never,
    read: (tx) => tx.trafficSource.findMany({ orderBy: { id: "asc" } }),
  },
  domains: {
    section: "domains",
    entity: "Domain",
    action: "domain",
    columns: { id: s, hostname: s, groupName: s, dnsProvider: s },
    schema: createDomainInput,
    delegate: (tx) => tx.domain as never,
    read: (tx) => tx.domain.findMany({ orderBy: { id: "asc" } }),
    unique: "hostname",
    check: domainService.spec.check as never,
  },
  landings: {
    section: "landings",
    entity: "LandingPage",
    action: "landing_page",
    columns: { id: s, name: s, type: s, url: s, html: s, protectionEnabled: "b", offerCount: "n", steps: "j", importedFrom: s, status: s },
    schema: createLandingInput,
    delegate: (tx) => tx.landingPage as never,
    read: (tx) => tx.landingPage.findMany({ orderBy: { id: "asc" } }),
    check: landingService.spec.check as never,
  },
  products: {
    section: "offers",
    entity: "Product",
    action: "product",
    columns: { id: s, name: s, sku: s, price: "d", currency: s, category: s, imageUrl: s, externalId: s, source: s },
    schema: createProductInput,
    delegate: (tx) => tx.product as never,
    read: (tx) => tx.product.findMany({ orderBy: { id: "asc" } }),
    unique: "sku",
  },
  offers: {
    section: "offers",
    entity: "Offer",
    action: "offer",
    columns: {
      id: s,
      name: s,
      url: s,
      clickIdParam: s,
      payoutType: s,
      payout: "d",
      currency: s,
      dailyCap: "n?",
      totalCap: "n?",
      capTimezone: s,
      networkId: "u?",
      externalId: s,
      status: s,
      geoPayouts: "j",
    },
    schema: createOfferInput,
    delegate: (tx) => tx.offer as never,
    read: async (tx) =>
      (await tx.offer.findMany({ orderBy: { id: "asc" }, include: { geoPayouts: { orderBy: { country: "asc" } } } })).map((o) => ({
        ...o,
        geoPayouts: o.geoPayouts.map((p) => ({ country: p.country, payout: p.payout.toString(), currency: p.currency })),
      })),
    check: offerService.spec.check as never,
    children: offerService.spec.children,
    childKeys: offerService.spec.childKeys,
  },
  campaigns: {
    section: "campaigns",
    entity: "Campaign",
    action: "campaign",
    columns: {
      id: s,
      name: s,
      slug: s,
      defaultOfferId: "u?",
      sourceId: "u?",
      domainId: "u?",
      costModel: s,
      costValue: "d",
      timezone: s,
      botFilterEnabled: "b",
      botRedirectUrl: s,
      freqCapVisits: "n",
      freqCapWindowSec: "n",
      uniqueWindowSec: "n",
      externalCampaignIds: "j",
      retargetingPixels: "j",
      audiencePassback: "j",
      fallbackUrl: s,
      status: s,
    },
    schema: createCampaignInput,
    delegate: (tx) => tx.campaign as never,
    read: async (tx) =>
      (await tx.campaign.findMany({ orderBy: { id: "asc" } })).map((c) => {
        const ap = (c.audiencePassback && typeof c.audiencePassback === "object" ? c.audiencePassback : {}) as Record<string, unknown>;
        const { fbAccessToken: _f, tiktokAccessToken: _t, ...passback } = ap;
        return { ...c, audiencePassback: passback };
      }),
    refs: { defaultOfferId: "offer", sourceId: "trafficSource", domainId: "domain" },
    unique: "slug",
  },
  flows: {
    section: "flows",
    entity: "Flow",
    action: "flow",
    columns: {
      id: s,
      campaignId: s,
      name: s,
      type: s,
      position: "n",
      weight: "n",
      filters: "j",
      binding: s,
      trafficAiEnabled: "b",
      status: s,
      landings: "j",
      offers: "j",
    },
    schema: createFlowInput,
    delegate: (tx) => tx.flow as never,
    read: async (tx) =>
      (
        await tx.flow.findMany({
          orderBy: [{ campaignId: "asc" }, { position: "asc" }, { id: "asc" }],
          include: { landings: { orderBy: { position: "asc" } }, offers: { orderBy: { position: "asc" } } },
        })
      ).map((f) => ({
        ...f,
        landings: f.landings.map((l) => ({ landingId: l.landingId, weight: l.weight })),
        offers: f.offers.map((o) => ({ offerId: o.offerId, weight: o.weight })),
      })),
    check: flowService.spec.check as never,
    children: flowService.spec.children,
    childKeys: flowService.spec.childKeys,
  },
};

export const sectionOf = (type: TransferType): Section => SPECS[type].section;

function typesFor(type: string): TransferType[] {
  if (type === "all") return [...TRANSFER_TYPES];
  if ((TRANSFER_TYPES as readonly string[]).includes(type)) return [type as TransferType];
  throw new ValidationError([{ path: "type", message: `must be one of ${[...TRANSFER_TYPES, "all"].join(", ")}` }]);
}

function mustAccess(actor: Actor, types: TransferType[], access: "read" | "write") {
  const missing = [...new Set(types.map((t) => SPECS[t].section).filter((sec) => !can(actor.permissions, sec, access)))];
  if (missing.length) throw new ForbiddenError(`${access} access to ${missing.join(", ")} is required`);
}

/** A row as exported: only the importable columns, decimals as strings, JSON as-is. */
function exportRow(spec: TypeSpec, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(spec.columns).map((c) => {
      const v = row[c];
      return [c, v !== null && typeof v === "object" && !Array.isArray(v) && "toFixed" in (v as object) ? String(v) : (v ?? null)];
    }),
  );
}

const csvCell = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));

export async function exportConfiguration(
  deps: Deps,
  actor: Actor,
  type: string,
  format: string = "json",
): Promise<{ contentType: string; filename: string; body: string }> {
  const types = typesFor(type);
  if (format !== "json" && format !== "csv") throw new ValidationError([{ path: "format", message: "must be json or csv" }]);
  if (format === "csv" && types.length > 1) throw new ValidationError([{ path: "format", message: "CSV exports one type at a time; use json for all" }]);
  mustAccess(actor, types, "read");
  const data: Record<string, Array<Record<string, unknown>>> = {};
  await deps.db.prisma.$transaction(async (tx) => {
    for (const t of types) data[t] = (await SPECS[t].read(tx)).map((r) => exportRow(SPECS[t], r));
  });
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === "csv") {
    const t = types[0] as TransferType;
    const columns = Object.keys(SPECS[t].columns);
    const rows = (data[t] ?? []).map((r) => Object.fromEntries(columns.map((c) => [c, csvCell(r[c])])));
    return { contentType: "text/csv; charset=utf-8", filename: `trackily-${t}-${stamp}.csv`, body: toCsv(columns, rows) };
  }
  const body =
    type === "all" ? { trackily: 1, exportedAt: new Date().toISOString(), ...data } : (data[types[0] as TransferType] as Array<Record<string, unknown>>);
  return { contentType: "application/json; charset=utf-8", filename: `trackily-${type}-${stamp}.json`, body: JSON.stringify(body, null, 2) };
}

/** CSV cells to the JSON types the schemas expect. */
function fromCsvRow(spec: TypeSpec, raw: Record<string, string>, issues: FieldIssue[], at: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [col, value] of Object.entries(raw)) {
    const kind = spec.columns[col];
    if (!kind) continue;
    if (col === "id") {
      if (value !== "") out.id = value;
      continue;
    }
    if (kind === "s" || kind === "d") out[col] = value;
    else if (kind === "u?") out[col] = value === "" ? null : value;
    else if (kind === "n" || kind === "n?") {
      if (value === "") out[col] = kind === "n?" ? null : undefined;
      else if (/^-?\d+$/.test(value.trim())) out[col] = Number(value);
      else issues.push({ path: `${at}.${col}`, message: "must be a whole number" });
    } else if (kind === "b") {
      const v = value.trim().toLowerCase();
      if (["true", "1", "yes"].includes(v)) out[col] = true;
      else if (["false", "0", "no", ""].includes(v)) out[col] = false;
      else issues.push({ path: `${at}.${col}`, message: "must be true or false" });
    } else if (kind === "j") {
      if (value.trim() === "") continue;
      try {
        out[col] = JSON.parse(value);
      } catch {
        issues.push({ path: `${at}.${col}`, message: "must be JSON" });
      }
    }
  }
  return out;
}

export interface ImportResult {
  created: number;
  updated: number;
  types: Array<{ type: string; created: number; updated: number }>;
}

/** Parses the payload into rows per type. JSON: an array (one type) or { networks: [...], ... } (all). */
function rowsOf(types: TransferType[], type: string, payload: unknown, format: string): Record<string, unknown[]> {
  const issues: FieldIssue[] = [];
  let parsed = payload;
  if (typeof payload === "string") {
    if (format === "csv") {
      if (types.length > 1) throw new ValidationError([{ path: "format", message: "CSV imports one type at a time; use json for all" }]);
      const t = types[0] as TransferType;
      let records: Array<Record<string, string>>;
      try {
        records = parseCsv(payload);
      } catch (err) {
        throw new ValidationError([{ path: "data", message: `is not valid CSV: ${err instanceof CsvError ? err.message : "parse error"}` }]);
      }
      const rows = records.map((r, i) => fromCsvRow(SPECS[t], r, issues, `${t}.${i}`));
      if (issues.length) throw new ValidationError(issues);
      return { [t]: rows };
    }
    try {
      parsed = JSON.parse(payload);
    } catch {
      throw new ValidationError([{ path: "data", message: "is not valid JSON" }]);
    }
  }
  if (type !== "all") {
    if (!Array.isArray(parsed)) throw new ValidationError([{ path: "data", message: `must be a JSON array of ${type}` }]);
    return { [type]: parsed };
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ValidationError([{ path: "data", message: `must be an object with arrays under ${TRANSFER_TYPES.join(", ")}` }]);
  }
  const obj = parsed as Record<string, unknown>;
  const out: Record<string, unknown[]> = {};
  for (const t of types) {
    if (obj[t] === undefined) continue;
    if (!Array.isArray(obj[t])) issues.push({ path: t, message: "must be an array" });
    else out[t] = obj[t] as unknown[];
  }
  if (issues.length) throw new ValidationError(issues);
  return out;
}

export async function importConfiguration(deps: Deps, actor: Actor, type: string, payload: unknown, format = "json"): Promise<ImportResult> {
  const types = typesFor(type);
  if (format !== "json" && format !== "csv") throw new ValidationError([{ path: "format", message: "must be json or csv" }]);
  mustAccess(actor, types, "write");
  const rows = rowsOf(types, type, payload, format);
  const total = Object.values(rows).reduce((n, r) => n + r.length, 0);
  if (total > MAX_IMPORT_ROWS) throw new ValidationError([{ path: "data", message: `at most ${MAX_IMPORT_ROWS} rows per import` }]);

  // 1. Every row against its schema, before touching the database.
  const issues: FieldIssue[] = [];
  const valid: Record<string, Array<{ id: string | undefined; data: Record<string, unknown> }>> = {};
  const ids = new Map<string, Set<string>>();
  for (const t of types) {
    const list = rows[t] ?? [];
    const spec = SPECS[t];
    const uniques = new Map<string, number>();
    valid[t] = [];
    ids.set(t, new Set());
    list.forEach((raw, i) => {
      const at = `${t}.${i}`;
      if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
        issues.push({ path: at, message: "must be an object" });
        return;
      }
      const { id, ...rest } = raw as Record<string, unknown>;
      if (id !== undefined && id !== null && (typeof id !== "string" || !isUuid(id)))
        issues.push({ path: `${at}.id`, message: "must be an id (UUID) or omitted" });
      const parsed = spec.schema.safeParse(rest);
      if (!parsed.success) {
        for (const issue of issuesFromZod(parsed.error.issues)) issues.push({ path: issue.path ? `${at}.${issue.path}` : at, message: issue.message });
        return;
      }
      const data = parsed.data as Record<string, unknown>;
      const rowId = typeof id === "string" && isUuid(id) ? id.toLowerCase() : undefined;
      if (rowId && ids.get(t)?.has(rowId)) issues.push({ path: `${at}.id`, message: "appears twice in this file" });
      if (rowId) ids.get(t)?.add(rowId);
      if (spec.unique) {
        const key = String(data[spec.unique]);
        if (uniques.has(key)) issues.push({ path: `${at}.${spec.unique}`, message: `${key} appears twice in this file (row ${uniques.get(key)})` });
        uniques.set(key, i);
      }
      valid[t]?.push({ id: rowId, data });
    });
  }
  if (issues.length) throw new ValidationError(issues);

  // 2. One transaction: per-row checks against the database (seeing earlier rows of this file), then the write.
  const result: ImportResult = { created: 0, updated: 0, types: [] };
  await deps.db.prisma
    .$transaction(
      async (tx) => {
        for (const t of types) {
          const spec = SPECS[t];
          const counts = { type: t, created: 0, updated: 0 };
          for (const [i, { id: given, data }] of (valid[t] ?? []).entries()) {
            const at = `${t}.${i}`;
            const delegate = spec.delegate(tx);
            const before = given ? await delegate.findUnique({ where: { id: given } }) : null;
            const rowIssues: FieldIssue[] = [];
            try {
              await spec.check?.(tx, data, before as never);
            } catch (err) {
              if (!(err instanceof ValidationError)) throw err;
              for (const issue of err.issues) rowIssues.push({ path: `${at}.${issue.path}`, message: issue.message });
            }
            for (const [field, model] of Object.entries(spec.refs ?? {})) {
              const ref = data[field];
              if (typeof ref !== "string") continue;
              const found = await (tx[model] as unknown as Delegate<{ id: string }>).findUnique({ where: { id: ref } });
              if (!found) rowIssues.push({ path: `${at}.${field}`, message: "refers to nothing in the database or earlier in this file" });
            }
            if (spec.unique) {
              const taken = await (delegate as unknown as { findFirst(a: unknown): Promise<{ id: string } | null> }).findFirst({
                where: { [spec.unique]: data[spec.unique], ...(given ? { id: { not: given } } : {}) },
              });
              if (taken) rowIssues.push({ path: `${at}.${spec.unique}`, message: `${String(data[spec.unique])} is already taken` });
            }
            if (rowIssues.length) {
              issues.push(...rowIssues);
              continue;
            }
            if (issues.length) continue; // keep checking, but write nothing more
            const columns = Object.fromEntries(Object.entries(data).filter(([k, v]) => v !== undefined && !spec.childKeys?.includes(k)));
            if (t === "campaigns" && before) keepPassbackTokens(columns, before as unknown as { audiencePassback: unknown });
            const id = given ?? newId();
            if (before) await delegate.update({ where: { id }, data: columns });
            else await delegate.create({ data: { id, ...columns } });
            await spec.children?.(tx, id, data, !before);
            await writeAudit(tx, actor, {
              action: `${spec.action}.import`,
              entityType: spec.entity,
              entityId: id,
              before: before ?? undefined,
              after: { ...columns, ...Object.fromEntries((spec.childKeys ?? []).map((k) => [k, data[k]])) },
            });
            if (before) counts.updated++;
            else counts.created++;
          }
          result.types.push(counts);
          result.created += counts.created;
          result.updated += counts.updated;
        }
        if (issues.length) throw new ValidationError(issues);
      },
      { timeout: 120_000, maxWait: 10_000 },
    )
    .catch(mapPrismaError);
  deps.bus.publish("config:changed", { entity: "Import", at: Date.now() });
  return result;
}

/** Exports never carry CAPI tokens; re-importing over an existing campaign keeps the stored ones. */
function keepPassbackTokens(columns: Record<string, unknown>, before: { audiencePassback: unknown }) {
  const next = columns.audiencePassback as Record<string, unknown> | undefined;
  const prev = (before.audiencePassback ?? {}) as Record<string, unknown>;
  if (!next) return;
  for (const k of ["fbAccessToken", "tiktokAccessToken"]) if (!next[k] && prev[k]) next[k] = prev[k];
}
