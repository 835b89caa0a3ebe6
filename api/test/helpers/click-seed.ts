// Seeds a click-engine configuration straight into the database (as management's services would) and waits for
// the engine's snapshot to pick it up.
import { newId } from "../../src/lib/ids.js";
import type { TestApp } from "./app.js";

export interface SeedFlow {
  type?: "FORCED" | "REGULAR" | "DEFAULT";
  weight?: number;
  filters?: unknown[];
  binding?: "NONE" | "LANDING" | "OFFER" | "BOTH";
  landings?: Array<{ id: string; weight?: number }>;
  offers?: Array<{ id: string; weight?: number }>;
}

export async function seedOffer(t: TestApp, o: { url: string; name?: string; dailyCap?: number; totalCap?: number; clickIdParam?: string }) {
  const id = newId();
  await t.app.deps.db.prisma.offer.create({
    data: {
      id,
      name: o.name ?? "offer",
      url: o.url,
      dailyCap: o.dailyCap ?? null,
      totalCap: o.totalCap ?? null,
      ...(o.clickIdParam ? { clickIdParam: o.clickIdParam } : {}),
    },
  });
  return id;
}

export async function seedLanding(t: TestApp, l: { type?: "LOCAL" | "URL"; html?: string; url?: string; protectionEnabled?: boolean }) {
  const id = newId();
  await t.app.deps.db.prisma.landingPage.create({
    data: { id, name: "lander", type: l.type ?? "LOCAL", html: l.html ?? "", url: l.url ?? "", protectionEnabled: l.protectionEnabled ?? false },
  });
  return id;
}

export async function seedCampaign(
  t: TestApp,
  c: {
    slug: string;
    flows?: SeedFlow[];
    defaultOfferId?: string;
    sourceId?: string;
    domainId?: string;
    costModel?: "CPC" | "CPM" | "CPA" | "REVSHARE";
    costValue?: string;
    botFilterEnabled?: boolean;
    botRedirectUrl?: string;
    freqCapVisits?: number;
    freqCapWindowSec?: number;
    fallbackUrl?: string;
    timezone?: string;
    retargetingPixels?: Record<string, string>;
  },
) {
  const p = t.app.deps.db.prisma;
  const id = newId();
  await p.campaign.create({
    data: {
      id,
      name: c.slug,
      slug: c.slug,
      defaultOfferId: c.defaultOfferId ?? null,
      sourceId: c.sourceId ?? null,
      domainId: c.domainId ?? null,
      costModel: c.costModel ?? "CPC",
      costValue: c.costValue ?? "0",
      botFilterEnabled: c.botFilterEnabled ?? false,
      ...(c.botRedirectUrl ? { botRedirectUrl: c.botRedirectUrl } : {}),
      freqCapVisits: c.freqCapVisits ?? 0,
      freqCapWindowSec: c.freqCapWindowSec ?? 86400,
      fallbackUrl: c.fallbackUrl ?? "",
      timezone: c.timezone ?? "UTC",
      retargetingPixels: c.retargetingPixels ?? {},
    },
  });
  const flowIds: string[] = [];
  let pos = 0;
  for (const f of c.flows ?? []) {
    const fid = newId();
    flowIds.push(fid);
    await p.flow.create({
      data: {
        id: fid,
        campaignId: id,
        type: f.type ?? "DEFAULT",
        position: pos++,
        weight: f.weight ?? 100,
        filters: (f.filters ?? []) as object[],
        binding: f.binding ?? "NONE",
        landings: { create: (f.landings ?? []).map((l, i) => ({ id: newId(), landingId: l.id, weight: l.weight ?? 100, position: i })) },
        offers: { create: (f.offers ?? []).map((o, i) => ({ id: newId(), offerId: o.id, weight: o.weight ?? 100, position: i })) },
      },
    });
  }
  return { id, flowIds };
}

/** Publishes config:changed as management does, and waits for the snapshot rebuild. */
export async function reloadConfig(t: TestApp) {
  await t.app.deps.bus.publish("config:changed", { entity: "test", at: Date.now() });
  await t.app.tracking.engine.reload();
}

export async function click(t: TestApp, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(t.url + path, {
    redirect: "manual",
    headers: { "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", ...headers },
  });
  return { status: res.status, location: res.headers.get("location") ?? "", body: await res.text(), cookies: res.headers.getSetCookie(), headers: res.headers };
}
