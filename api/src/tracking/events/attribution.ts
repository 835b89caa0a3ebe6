// Which click an event belongs to, from what the pixel sent (click, or vid) or, failing that, the tracker's own
// `_tly_click` / `_tly_vid` cookies on the request. Clicks are looked up once and cached: they never change
// campaign, visitor or lander. Unknown ids are not cached (the click may still be in the click engine's spool).
import { sqltag as sql } from "@prisma/client/runtime/client";
import { LRUCache } from "lru-cache";
import type { Deps } from "../../deps.js";
import { isUuid } from "../../lib/ids.js";
import { VISITOR_SESSION_MS } from "../visitor-session.js";

export interface ClickInfo {
  clickId: string;
  campaignId: string;
  visitorId: string;
  landingId: string | null;
}

export function createAttribution(deps: Deps) {
  const clicks = new LRUCache<string, ClickInfo>({ max: 50_000, ttl: 3_600_000 });
  // Visitors whose session this node extended in the last minute: one UPDATE per visitor per minute at most.
  const touched = new LRUCache<string, true>({ max: 100_000, ttl: 60_000 });

  async function byClick(id: string): Promise<ClickInfo | null> {
    const hit = clicks.get(id);
    if (hit) return hit;
    const row = await deps.db.prisma.click.findUnique({ where: { id }, select: { id: true, campaignId: true, visitorId: true, landingId: true } });
    if (!row) return null;
    const info = { clickId: row.id, campaignId: row.campaignId, visitorId: row.visitorId, landingId: row.landingId };
    clicks.set(id, info);
    return info;
  }

  async function byVisitor(vid: string): Promise<ClickInfo | null> {
    const v = await deps.db.prisma.visitor.findUnique({ where: { id: vid }, select: { lastClickId: true } });
    if (v?.lastClickId) return byClick(v.lastClickId);
    // Visitors rows may lag behind clicks; the newest click of the visitor is the same answer.
    const c = await deps.db.prisma.click.findFirst({ where: { visitorId: vid }, orderBy: { createdAt: "desc" }, select: { id: true } });
    return c ? byClick(c.id) : null;
  }

  return {
    /** Pixel activity extends the visitor's session (contract 3), in the background; never fails the event. */
    touch(visitorId: string): void {
      if (touched.has(visitorId)) return;
      touched.set(visitorId, true);
      const now = new Date();
      deps.db.sql
        .execute(
          sql`UPDATE visitors SET last_seen_at = GREATEST(last_seen_at, ${now}), session_expires_at = GREATEST(session_expires_at, ${new Date(now.getTime() + VISITOR_SESSION_MS)}) WHERE id = ${visitorId}::uuid`,
        )
        .catch(() => touched.delete(visitorId));
    },
    async resolve(ids: { click?: string | undefined; vid?: string | undefined }): Promise<ClickInfo | null> {
      if (ids.click && isUuid(ids.click)) {
        const c = await byClick(ids.click);
        if (c) return c;
      }
      if (ids.vid && isUuid(ids.vid)) return byVisitor(ids.vid);
      return null;
    },
  };
}

export type Attribution = ReturnType<typeof createAttribution>;
