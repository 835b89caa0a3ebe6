// The campaign's tracking link and the per-source tracking template: the URL parameter string that maps the
// source's macros to our parameters (click id, cost, Campaign ID / Ad Set ID / Ad ID / Placement, extras).

/** A traffic source's parameter names and the source macros that fill them. */
export const MACRO_FIELDS = [
  "clickIdParam",
  "clickIdMacro",
  "costParam",
  "costMacro",
  "campaignIdParam",
  "campaignIdMacro",
  "adSetIdParam",
  "adSetIdMacro",
  "adIdParam",
  "adIdMacro",
  "placementParam",
  "placementMacro",
] as const;
export type MacroFields = Record<(typeof MACRO_FIELDS)[number], string>;

export interface SourceMacros extends MacroFields {
  extraParams: unknown;
}

/** Macros are left unencoded: the traffic source substitutes them before the URL is ever requested. */
export function trackingTemplate(source: SourceMacros | null): string {
  if (!source) return "";
  const pairs: [string, string][] = [
    [source.clickIdParam, source.clickIdMacro],
    [source.costParam, source.costMacro],
    [source.campaignIdParam, source.campaignIdMacro],
    [source.adSetIdParam, source.adSetIdMacro],
    [source.adIdParam, source.adIdMacro],
    [source.placementParam, source.placementMacro],
    ...(Array.isArray(source.extraParams) ? (source.extraParams as { param: string; macro: string }[]).map((e) => [e.param, e.macro] as [string, string]) : []),
  ];
  const seen = new Set<string>();
  return pairs
    .filter(([p, m]) => p && m && !seen.has(p) && seen.add(p))
    .map(([p, m]) => `${encodeURIComponent(p)}=${m}`)
    .join("&");
}

/** Which of the four identifiers an optimizer tool needs the template does not map. */
export function missingOptimizerMacros(source: SourceMacros | null): string[] {
  if (!source) return ["Campaign ID", "Ad Set ID", "Ad ID", "Placement"];
  const missing: string[] = [];
  if (!source.campaignIdParam || !source.campaignIdMacro) missing.push("Campaign ID");
  if (!source.adSetIdParam || !source.adSetIdMacro) missing.push("Ad Set ID");
  if (!source.adIdParam || !source.adIdMacro) missing.push("Ad ID");
  if (!source.placementParam || !source.placementMacro) missing.push("Placement");
  return missing;
}

export function trackingBaseUrl(slug: string, opts: { domain?: string | null; publicUrl?: string | undefined; port: number }): string {
  const origin = opts.domain ? `https://${opts.domain}` : (opts.publicUrl ?? `http://localhost:${opts.port}`);
  return `${origin}/c/${encodeURIComponent(slug)}`;
}

export function trackingLink(slug: string, source: SourceMacros | null, opts: Parameters<typeof trackingBaseUrl>[1]): string {
  const base = trackingBaseUrl(slug, opts);
  const template = trackingTemplate(source);
  return template ? `${base}?${template}` : base;
}
