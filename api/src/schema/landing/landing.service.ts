import { z } from "zod";
import type { Actor } from "../../auth/actor.js";
import type { Deps } from "../../deps.js";
import type { LandingPage } from "../../generated/prisma/client.js";
import { ValidationError, type FieldIssue } from "../../lib/errors.js";
import { OutboundError } from "../../lib/outbound.js";
import { crud } from "../shared/crud.js";
import { httpUrl, name, status, uuid } from "../shared/inputs.js";
import { parseInput } from "../shared/write.js";

export const MAX_LANDING_HTML = 2 * 1024 * 1024;

const fields = {
  name,
  type: z.enum(["LOCAL", "URL"]),
  url: z.union([z.literal(""), httpUrl]),
  html: z.string().max(MAX_LANDING_HTML, `must be at most ${MAX_LANDING_HTML} bytes`),
  protectionEnabled: z.boolean(),
  offerCount: z.number().int().min(1, "must be at least 1").max(20, "must be at most 20"),
  steps: z.array(z.string().trim().min(1, "must not be empty").max(100)).max(20, "at most 20 steps"),
  importedFrom: z.string().trim().max(4096),
  status,
};

export const createLandingInput = z.object(fields).partial().required({ name: true });
export const updateLandingInput = z
  .object({ id: uuid, ...fields })
  .partial()
  .required({ id: true });

export const landingService = crud<LandingPage, typeof createLandingInput, typeof updateLandingInput>({
  entity: "LandingPage",
  action: "landing_page",
  configChanged: true,
  delegate: (tx) => tx.landingPage as never,
  create: createLandingInput,
  update: updateLandingInput,
  async check(_tx, data, before) {
    const type = (data.type as string | undefined) ?? before?.type ?? "LOCAL";
    const url = (data.url as string | undefined) ?? before?.url ?? "";
    const html = (data.html as string | undefined) ?? before?.html ?? "";
    const issues: FieldIssue[] = [];
    if (type === "URL" && !url) issues.push({ path: "url", message: "is required for a URL landing page" });
    if (type === "LOCAL" && !html.trim()) issues.push({ path: "html", message: "is required for a local landing page" });
    if (issues.length) throw new ValidationError(issues);
  },
});

/** "From URL": downloads the page (SSRF-guarded, bounded) and stores it as a local lander. */
export async function importLandingFromUrl(deps: Deps, actor: Actor, input: unknown): Promise<LandingPage> {
  const { name: n, url } = parseInput(z.object({ name, url: httpUrl }), input);
  let html: string;
  try {
    const res = await deps.outbound.send(url, { timeoutMs: 10_000, maxBytes: MAX_LANDING_HTML, maxRedirects: 3 });
    if (res.status < 200 || res.status >= 300) throw new ValidationError([{ path: "url", message: `the page answered HTTP ${res.status}` }]);
    html = res.body.toString("utf8");
  } catch (err) {
    if (err instanceof OutboundError) throw new ValidationError([{ path: "url", message: `could not be downloaded: ${err.message}` }]);
    throw err;
  }
  // Relative links keep working: the page's own URL becomes the base.
  if (!/<base\s/i.test(html)) {
    const base = `<base href="${url.replace(/"/g, "&quot;")}">`;
    html = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}${base}`) : `${base}${html}`;
  }
  return landingService.create(deps, actor, { name: n, type: "LOCAL", html, importedFrom: url });
}
