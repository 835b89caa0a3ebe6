// GET /offer/:clickId/:offerId — a visitor leaves the lander for an offer: record the landing click-through and
// an offer hit ({hit}), expand the offer URL's macros, append the click-id parameter and redirect. Only ever to
// the offer's configured URL, and only for an offer that belongs to the click's campaign.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isUuid, newId } from "../../lib/ids.js";
import type { HitRow } from "../store/rows.js";
import { text } from "./click-route.js";
import type { ClickEngine } from "./engine.js";
import { appendParam, clickMacros, expandMacros, safeRedirect } from "./macros.js";

export function handleOffer(e: ClickEngine, req: IncomingMessage, res: ServerResponse, clickId: string, offerId: string): void {
  if (req.method !== "GET" && req.method !== "HEAD") {
    text(res, 405, "only GET is accepted", { allow: "GET, HEAD" });
    return;
  }
  if (!isUuid(clickId)) {
    text(res, 400, "clickId must be the click's UUID: /offer/:clickId/:offerId");
    return;
  }
  if (!isUuid(offerId)) {
    text(res, 400, "offerId must be an offer UUID: /offer/:clickId/:offerId");
    return;
  }
  run(e, req, res, clickId.toLowerCase(), offerId.toLowerCase()).catch((err: Error) => {
    e.deps.logger.error({ err: err.message }, "offer redirect failed");
    if (!res.headersSent) text(res, 503, "the offer redirect could not be recorded; try again", { "retry-after": "1" });
  });
}

async function run(e: ClickEngine, req: IncomingMessage, res: ServerResponse, clickId: string, offerId: string): Promise<void> {
  const click = await e.findClick(clickId).catch(() => null);
  // Same answer for an unknown click and an offer that is not this click's: no oracle for probing.
  if (!click) return text(res, 404, "unknown click: the link has expired or is not valid");
  const offer = e.snapshot.offers.get(offerId);
  if (!offer || !offerBelongs(e, click.campaignId, click.flowId, click.offerId, offerId))
    return text(res, 404, "unknown offer for this click: the link is not valid");
  if (req.method === "HEAD") {
    res.writeHead(200, { "cache-control": "no-store" });
    return void res.end();
  }
  const now = Date.now();
  const hit: HitRow = {
    id: newId(),
    clickId,
    visitorId: click.visitorId,
    campaignId: click.campaignId,
    kind: "OFFER",
    landingId: click.landingId,
    offerId,
    createdAt: now,
  };
  let target = safeRedirect(offer.url, expandMacros(offer.url, clickMacros(click, { hit: hit.id, hit_id: hit.id, offer_id: offerId })));
  if (!target) return text(res, 404, "this offer's URL is not a valid http(s) URL");
  if (!/\{click_?id\}/i.test(offer.url)) target = appendParam(target, offer.clickIdParam, clickId);
  target = appendParam(target, "vid", click.visitorId);
  await e.writer.addHit(hit, { id: click.visitorId, at: now, clickId: null, visits: 0 }, click.landingId !== null);
  res.writeHead(302, { location: target, "cache-control": "no-store", "content-length": "0" });
  res.end();
}

function offerBelongs(e: ClickEngine, campaignId: string, flowId: string | null, chosen: string | null, offerId: string): boolean {
  if (chosen === offerId) return true;
  for (const c of e.snapshot.campaigns.values()) {
    if (c.id !== campaignId) continue;
    if (c.defaultOffer?.id === offerId) return true;
    for (const f of [...c.forced, ...c.regular, ...(c.defaultFlow ? [c.defaultFlow] : [])])
      if ((!flowId || f.id === flowId) && f.offers.some((o) => o.item.id === offerId)) return true;
  }
  return false;
}
