// POST /api/lead: lead registration from landers (forms or fetch). JSON or form-encoded; email or phone required;
// attributed to the click in the body (click_id / click / _tly_click), the tracker's `_tly_click` cookie, or the
// visitor. Writes a leads row and, when the click is known, a `lead` conversion keyed by the email (or phone), so
// a double-submitted form converts once.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Deps } from "../../deps.js";
import { HttpError, readBody, sendJson } from "../../lib/http.js";
import { isUuid, newId } from "../../lib/ids.js";
import type { Attribution, ClickInfo } from "./attribution.js";
import type { PixelConversion } from "./conversion.js";
import { type Guard, refuse, requestCookie } from "./guard.js";

const CLICK_KEYS = ["click_id", "click", "_tly_click", "clickid"];
const KNOWN = new Set([...CLICK_KEYS, "email", "phone", "name", "vid"]);
const MAX_FIELDS = 30;

export class LeadError extends Error {}

export interface LeadInput {
  email: string;
  phone: string;
  name: string;
  click?: string;
  vid?: string;
  data: Record<string, string>;
}

/** Validates a decoded lead form; throws LeadError naming the field. */
export function parseLead(fields: Record<string, unknown>): LeadInput {
  const keys = Object.keys(fields);
  if (keys.length > MAX_FIELDS) throw new LeadError(`at most ${MAX_FIELDS} fields`);
  const s = (k: string, max: number): string => {
    const v = fields[k];
    if (v === undefined || v === null) return "";
    if (typeof v !== "string" && typeof v !== "number") throw new LeadError(`${k}: expected a string`);
    const t = String(v).trim();
    if (t.length > max) throw new LeadError(`${k}: at most ${max} characters`);
    return t;
  };
  const email = s("email", 254).toLowerCase();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new LeadError("email: not an email address");
  const phone = s("phone", 32);
  if (phone && !/^\+?[0-9 ().-]{5,32}$/.test(phone)) throw new LeadError("phone: digits, spaces, + ( ) . - only");
  if (!email && !phone) throw new LeadError("email or phone: at least one is required");
  const name = s("name", 200);
  let click: string | undefined;
  for (const k of CLICK_KEYS) {
    const v = s(k, 36);
    if (!v) continue;
    if (!isUuid(v)) throw new LeadError(`${k}: expected the click id (a UUID)`);
    click = v.toLowerCase();
    break;
  }
  const vid = s("vid", 36);
  if (vid && !isUuid(vid)) throw new LeadError("vid: expected a UUID");
  const data: Record<string, string> = {};
  for (const k of keys) {
    if (KNOWN.has(k)) continue;
    if (!/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/.test(k)) throw new LeadError(`field name "${k.slice(0, 64)}" is not accepted (letters, digits, _ . -)`);
    data[k] = s(k, 1024);
  }
  return { email, phone, name, ...(click ? { click } : {}), ...(vid ? { vid: vid.toLowerCase() } : {}), data };
}

export function createLeadRoute(deps: Deps, guard: Guard, attribution: Attribution, convert: (deps: Deps, c: PixelConversion) => Promise<unknown>) {
  // POST /api/lead
  return async function lead(req: IncomingMessage, res: ServerResponse, ip: string): Promise<void> {
    const cors = await guard.admit(req, res, ip, "POST email/phone/name as JSON or a form", "requests");
    if (!cors) return;
    let input: LeadInput;
    try {
      const body = (await readBody(req, 16 * 1024)).toString("utf8");
      const type = String(req.headers["content-type"] ?? "");
      let fields: unknown;
      if (type.includes("application/x-www-form-urlencoded")) fields = Object.fromEntries(new URLSearchParams(body));
      else {
        try {
          fields = body ? JSON.parse(body) : {};
        } catch {
          throw new LeadError("body: not valid JSON (or send a form: application/x-www-form-urlencoded)");
        }
      }
      if (typeof fields !== "object" || fields === null || Array.isArray(fields)) throw new LeadError("body: expected an object with email, phone, name");
      input = parseLead(fields as Record<string, unknown>);
    } catch (err) {
      guard.drop("invalid");
      if (err instanceof HttpError) return refuse(res, err.status, err.message, cors);
      if (err instanceof LeadError) return refuse(res, 400, err.message, cors);
      throw err;
    }
    if (guard.isBot(req)) {
      guard.drop("bot");
      return sendJson(res, 201, { ok: true }, cors);
    }
    const id = newId();
    try {
      const click: ClickInfo | null = await attribution.resolve({
        click: input.click ?? requestCookie(req, "_tly_click"),
        vid: input.vid ?? requestCookie(req, "_tly_vid"),
      });
      await deps.db.prisma.lead.create({
        data: {
          id,
          clickId: click?.clickId ?? null,
          campaignId: click?.campaignId ?? null,
          email: input.email,
          phone: input.phone,
          name: input.name,
          data: input.data,
          createdAt: new Date(),
        },
      });
      if (click)
        await convert(deps, {
          part: { type: "lead", transactionId: input.email ? `email:${input.email}` : `phone:${input.phone.replace(/\D/g, "")}` },
          click,
          ip,
          channel: "lead",
          rawParams: { lead_id: id },
        });
    } catch (err) {
      deps.logger.warn({ err: (err as Error).message }, "lead not recorded");
      guard.drop("error");
      return refuse(res, 503, "lead not recorded, try again", { ...cors, "retry-after": "1" });
    }
    sendJson(res, 201, { ok: true, id }, cors);
  };
}
