import { builder } from "../../graphql/builder.js";
import { actorOf } from "../../graphql/context.js";
import { writeErrors } from "../../graphql/errors.js";
import { EntityStatus, SortDirection, dir, listWhere, stripNulls } from "../../graphql/shared.js";
import { detectFlowConflicts, type FlowConflict } from "../flow/flow-conflicts.js";
import { createCampaign, deleteCampaign, updateCampaign } from "./campaign.service.js";
import { missingOptimizerMacros, trackingLink, trackingTemplate } from "./tracking-link.js";

export const CostModel = builder.enumType("CostModel", { values: ["CPC", "CPM", "CPA", "REVSHARE"] as const });
const ConflictLevel = builder.enumType("FlowConflictLevel", { values: ["ERROR", "WARNING", "INFO"] as const });

const FlowConflictRef = builder.objectRef<FlowConflict>("FlowConflict").implement({
  fields: (t) => ({
    level: t.expose("level", { type: ConflictLevel }),
    code: t.exposeString("code"),
    message: t.exposeString("message"),
    flowIds: t.exposeIDList("flowIds"),
  }),
});

interface Pixels {
  facebookPixelId: string;
  googleTagId: string;
  tiktokPixelId: string;
  customScripts: string;
}
const RetargetingPixels = builder.objectRef<Pixels>("RetargetingPixels").implement({
  fields: (t) => ({
    facebookPixelId: t.exposeString("facebookPixelId"),
    googleTagId: t.exposeString("googleTagId"),
    tiktokPixelId: t.exposeString("tiktokPixelId"),
    customScripts: t.exposeString("customScripts"),
  }),
});

interface Passback {
  fbPixelId: string;
  tiktokPixelId: string;
  googleConversionId: string;
  googleConversionLabel: string;
  fbAccessToken: string;
  tiktokAccessToken: string;
}
const AudiencePassback = builder.objectRef<Passback>("AudiencePassback").implement({
  description: "Server-side conversion passback (Meta CAPI, TikTok Events API, Google). Tokens are write-only.",
  fields: (t) => ({
    fbPixelId: t.exposeString("fbPixelId"),
    hasFbAccessToken: t.boolean({ resolve: (p) => p.fbAccessToken !== "" }),
    tiktokPixelId: t.exposeString("tiktokPixelId"),
    hasTiktokAccessToken: t.boolean({ resolve: (p) => p.tiktokAccessToken !== "" }),
    googleConversionId: t.exposeString("googleConversionId"),
    googleConversionLabel: t.exposeString("googleConversionLabel"),
  }),
});

const obj = <T>(v: unknown, defaults: T): T => ({ ...defaults, ...(v && typeof v === "object" ? (v as Partial<T>) : {}) });

export const CampaignRef = builder.prismaObject("Campaign", {
  authScopes: { read: "campaigns" },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    slug: t.exposeString("slug"),
    status: t.expose("status", { type: EntityStatus }),
    costModel: t.expose("costModel", { type: CostModel }),
    costValue: t.expose("costValue", { type: "Decimal" }),
    timezone: t.exposeString("timezone"),
    botFilterEnabled: t.exposeBoolean("botFilterEnabled"),
    botRedirectUrl: t.exposeString("botRedirectUrl"),
    freqCapVisits: t.exposeInt("freqCapVisits"),
    freqCapWindowSec: t.exposeInt("freqCapWindowSec"),
    uniqueWindowSec: t.exposeInt("uniqueWindowSec"),
    externalCampaignIds: t.exposeStringList("externalCampaignIds"),
    retargetingPixels: t.field({
      type: RetargetingPixels,
      resolve: (c) => obj<Pixels>(c.retargetingPixels, { facebookPixelId: "", googleTagId: "", tiktokPixelId: "", customScripts: "" }),
    }),
    audiencePassback: t.field({
      type: AudiencePassback,
      resolve: (c) =>
        obj<Passback>(c.audiencePassback, {
          fbPixelId: "",
          fbAccessToken: "",
          tiktokPixelId: "",
          tiktokAccessToken: "",
          googleConversionId: "",
          googleConversionLabel: "",
        }),
    }),
    fallbackUrl: t.exposeString("fallbackUrl"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    defaultOffer: t.relation("defaultOffer", { nullable: true, authScopes: { read: "offers" } }),
    source: t.relation("source", { nullable: true, authScopes: { read: "sources" } }),
    domain: t.relation("domain", { nullable: true, authScopes: { read: "domains" } }),
    flows: t.relation("flows", { authScopes: { read: "flows" }, query: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] } }),
    trackingTemplate: t.string({
      description: "The URL parameter string with the source's macros (click id, cost, Campaign ID, Ad Set ID, Ad ID, Placement).",
      select: { source: true },
      resolve: (c) => trackingTemplate(c.source),
    }),
    trackingLink: t.string({
      description: "The full tracking URL to paste into the traffic source.",
      select: { source: true, domain: true },
      resolve: (c, _args, ctx) =>
        trackingLink(c.slug, c.source, { domain: c.domain?.hostname, publicUrl: ctx.deps.config.publicUrl, port: ctx.deps.config.port }),
    }),
    missingTemplateMacros: t.stringList({
      description: "Which of Campaign ID / Ad Set ID / Ad ID / Placement the source's template does not map (optimizer tools need all four).",
      select: { source: true },
      resolve: (c) => missingOptimizerMacros(c.source),
    }),
    conflicts: t.field({
      type: [FlowConflictRef],
      description: "Flow conflicts: several default flows (error), a forced flow without filters (warning), regular flows with identical filters (info).",
      select: { flows: { select: { id: true, name: true, type: true, position: true, status: true, filters: true } } },
      resolve: (c) => detectFlowConflicts(c.flows),
    }),
  }),
});

const CampaignSortField = builder.enumType("CampaignSortField", { values: ["NAME", "SLUG", "CREATED_AT", "UPDATED_AT"] as const });
const CampaignOrder = builder.inputType("CampaignOrder", {
  fields: (t) => ({ field: t.field({ type: CampaignSortField, required: true }), direction: t.field({ type: SortDirection }) }),
});
const CampaignFilter = builder.inputType("CampaignFilter", {
  fields: (t) => ({
    search: t.string(),
    status: t.field({ type: EntityStatus }),
    ids: t.idList(),
    sourceId: t.id(),
    offerId: t.id(),
  }),
});

const RetargetingPixelsInput = builder.inputType("RetargetingPixelsInput", {
  fields: (t) => ({ facebookPixelId: t.string(), googleTagId: t.string(), tiktokPixelId: t.string(), customScripts: t.string() }),
});
const AudiencePassbackInput = builder.inputType("AudiencePassbackInput", {
  fields: (t) => ({
    fbPixelId: t.string(),
    fbAccessToken: t.string(),
    tiktokPixelId: t.string(),
    tiktokAccessToken: t.string(),
    googleConversionId: t.string(),
    googleConversionLabel: t.string(),
  }),
});

const campaignFields = (t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0]) => ({
  name: t.string(),
  slug: t.string(),
  defaultOfferId: t.id(),
  sourceId: t.id(),
  domainId: t.id(),
  costModel: t.field({ type: CostModel }),
  costValue: t.field({ type: "Decimal" }),
  timezone: t.string(),
  botFilterEnabled: t.boolean(),
  botRedirectUrl: t.string(),
  freqCapVisits: t.int(),
  freqCapWindowSec: t.int(),
  uniqueWindowSec: t.int(),
  externalCampaignIds: t.stringList(),
  retargetingPixels: t.field({ type: RetargetingPixelsInput }),
  audiencePassback: t.field({ type: AudiencePassbackInput }),
  fallbackUrl: t.string(),
  status: t.field({ type: EntityStatus }),
});
const CreateCampaignInput = builder.inputType("CreateCampaignInput", {
  fields: (t) => ({ ...campaignFields(t), name: t.string({ required: true }), slug: t.string({ required: true }) }),
});
const UpdateCampaignInput = builder.inputType("UpdateCampaignInput", {
  description: "Omitted fields keep their value. To clear defaultOfferId, sourceId or domainId, use the matching clear flag.",
  fields: (t) => ({
    ...campaignFields(t),
    id: t.id({ required: true }),
    clearDefaultOffer: t.boolean(),
    clearSource: t.boolean(),
    clearDomain: t.boolean(),
  }),
});

const campaignWhere = (
  f: { search?: string | null; status?: string | null; ids?: readonly string[] | null; sourceId?: string | null; offerId?: string | null } | null | undefined,
) => ({
  ...listWhere(f, ["name", "slug"]),
  ...(f?.sourceId ? { sourceId: f.sourceId } : {}),
  ...(f?.offerId ? { defaultOfferId: f.offerId } : {}),
});
const sortColumn = { NAME: "name", SLUG: "slug", CREATED_AT: "createdAt", UPDATED_AT: "updatedAt" } as const;

builder.queryFields((t) => ({
  campaign: t.prismaField({
    type: "Campaign",
    nullable: true,
    authScopes: { read: "campaigns" },
    args: { id: t.arg.id(), slug: t.arg.string() },
    resolve: (query, _root, { id, slug }, ctx) =>
      id || slug ? ctx.deps.db.prisma.campaign.findUnique({ ...query, where: id ? { id } : { slug: slug as string } }) : null,
  }),
  campaigns: t.prismaConnection(
    {
      type: "Campaign",
      cursor: "id",
      authScopes: { read: "campaigns" },
      args: { filter: t.arg({ type: CampaignFilter }), orderBy: t.arg({ type: CampaignOrder }) },
      resolve: (query, _root, args, ctx) =>
        ctx.deps.db.prisma.campaign.findMany({
          ...query,
          where: campaignWhere(args.filter),
          orderBy: [{ [sortColumn[args.orderBy?.field ?? "CREATED_AT"]]: dir(args.orderBy?.direction) }, { id: "asc" }],
        }),
      totalCount: (_c, args, ctx) => ctx.deps.db.prisma.campaign.count({ where: campaignWhere(args.filter) }),
    },
    {},
  ),
}));

builder.mutationFields((t) => ({
  createCampaign: t.field({
    type: CampaignRef,
    authScopes: { write: "campaigns" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: CreateCampaignInput, required: true }) },
    resolve: (_root, { input }, ctx) => createCampaign(ctx.deps, actorOf(ctx), stripNulls(input)),
  }),
  updateCampaign: t.field({
    type: CampaignRef,
    authScopes: { write: "campaigns" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: UpdateCampaignInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const { clearDefaultOffer, clearSource, clearDomain, ...rest } = stripNulls(input);
      return updateCampaign(ctx.deps, actorOf(ctx), {
        ...rest,
        ...(clearDefaultOffer ? { defaultOfferId: null } : {}),
        ...(clearSource ? { sourceId: null } : {}),
        ...(clearDomain ? { domainId: null } : {}),
      });
    },
  }),
  deleteCampaign: t.field({
    type: CampaignRef,
    authScopes: { write: "campaigns" },
    errors: { types: [...writeErrors] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => deleteCampaign(ctx.deps, actorOf(ctx), id),
  }),
}));
