// POST /api/event: one pixel event. Pipeline: preflight/method -> origin -> rate limit -> read and validate ->
// bot check -> attribute -> record -> 202. Every refusal says what was wrong; bots get the same 202 as everyone
// and are only counted. Steps go to funnel_steps (once per click and step), everything else to events; purchase,
// lead and conversion also go through recordConversion (see conversion.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Deps } from "../../deps.js";
import { HttpError, readBody, sendJson } from "../../lib/http.js";
import { newId } from "../../lib/ids.js";
import type { Attribution, ClickInfo } from "./attribution.js";
import { type Guard, refuse, requestCookie } from "./guard.js";
import { LIMITS, PayloadError, type PixelEvent, parseEvent } from "./payload.js";
import { createEventWriter } from "./writer.js";

export type ConvertFn = (ev: PixelEvent, click: ClickInfo | null, ip: string) => Promise<unknown>;

export function createCollector(deps: Deps, guard: Guard, attribution: Attribution, convert: ConvertFn) {
  const writer = createEventWriter(deps);
  async function record(ev: PixelEvent, click: ClickInfo | null, ip: string): Promise<void> {
    const now = new Date();
    if (ev.step) {
      if (!click) return guard.drop("unknown_click");
      await deps.db.prisma.funnelStep.createMany({
        data: [
          {
            id: newId(),
            clickId: click.clickId,
            campaignId: click.campaignId,
            landingId: click.landingId ?? ev.landing ?? null,
            step: ev.step.n,
            name: ev.step.label,
            createdAt: now,
          },
        ],
        skipDuplicates: true,
      });
      return;
    }
    await writer.write({
      id: ev.id ?? newId(),
      name: ev.name,
      clickId: click?.clickId ?? null,
      visitorId: click?.visitorId ?? ev.vid ?? null,
      campaignId: click?.campaignId ?? null,
      value: ev.value ?? null,
      currency: ev.currency,
      props: ev.props,
      url: ev.url,
      referrer: ev.referrer,
      createdAt: now,
    });
    if (ev.conversion) await convert(ev, click, ip);
  }

  // POST /api/event
  return async function collect(req: IncomingMessage, res: ServerResponse, ip: string): Promise<void> {
    const cors = await guard.admit(req, res, ip, "POST a JSON body (text/plain or application/json)", "events");
    if (!cors) return;
    let ev: PixelEvent;
    try {
      const body = await readBody(req, LIMITS.bodyBytes);
      let raw: unknown;
      try {
        raw = JSON.parse(body.toString("utf8"));
      } catch {
        throw new PayloadError('body: not valid JSON; send {"name":"pageview", "props":{...}} as text/plain or application/json');
      }
      ev = parseEvent(raw);
    } catch (err) {
      guard.drop("invalid");
      if (err instanceof HttpError) return refuse(res, err.status, err.message, cors);
      if (err instanceof PayloadError) return refuse(res, 400, err.message, cors);
      throw err;
    }
    if (guard.isBot(req)) {
      guard.drop("bot");
      return sendJson(res, 202, { ok: true }, cors);
    }
    try {
      const click = await attribution.resolve({
        click: ev.click ?? requestCookie(req, "_tly_click"),
        vid: ev.vid ?? requestCookie(req, "_tly_vid"),
      });
      if (click) attribution.touch(click.visitorId);
      await record(ev, click, ip);
    } catch (err) {
      // A storage failure is ours, not the caller's input: 503 makes the pixel retry once.
      deps.logger.warn({ err: (err as Error).message, event: ev.name }, "pixel event not recorded");
      guard.drop("error");
      return refuse(res, 503, "event not recorded, try again", { ...cors, "retry-after": "1" });
    }
    sendJson(res, 202, { ok: true }, cors);
  };
}
