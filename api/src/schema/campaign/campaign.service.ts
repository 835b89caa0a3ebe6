import { z } from "zod";
import type { Actor } from "../../auth/actor.js";
import type { Deps } from "../../deps.js";
import type { Campaign } from "../../generated/prisma/client.js";
import { ValidationError } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { decimal, name, optionalUrl, status, timezone, uuid } from "../shared/inputs.js";
import { auditedWrite, mustFind, parseInput } from "../shared/write.js";

export const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,79}$/, "must be 1-80 lowercase letters, digits, - or _, starting with a letter or digit");

const retargetingPixels = z
  .object({
    facebookPixelId: z
      .string()
      .trim()
      .regex(/^\d{0,20}$/, "must be the numeric Facebook Pixel ID")
      .default(""),
    googleTagId: z
      .string()
      .trim()
      .regex(/^((AW|G|GT|DC)-[A-Z0-9-]{4,20})?$/i, "must look like AW-123456789 or G-XXXXXXX")
      .default(""),
    tiktokPixelId: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{0,32}$/i, "must be the TikTok pixel code (letters and digits)")
      .default(""),
    customScripts: z.string().max(20_000).default(""),
  })
  .strict();

const audiencePassback = z
  .object({
    fbPixelId: z.string().trim().max(32).default(""),
    fbAccessToken: z.string().trim().max(512).default(""),
    tiktokPixelId: z.string().trim().max(32).default(""),
    tiktokAccessToken: z.string().trim().max(512).default(""),
    googleConversionId: z.string().trim().max(64).default(""),
    googleConversionLabel: z.string().trim().max(64).default(""),
  })
  .strict();

const fields = {
  name,
  slug,
  defaultOfferId: uuid.nullable(),
  sourceId: uuid.nullable(),
  domainId: uuid.nullable(),
  costModel: z.enum(["CPC", "CPM", "CPA", "REVSHARE"]),
  costValue: decimal(6),
  timezone,
  botFilterEnabled: z.boolean(),
  botRedirectUrl: optionalUrl,
  freqCapVisits: z.number().int().min(0, "must be 0 (off) or more").max(1_000_000),
  freqCapWindowSec: z
    .number()
    .int()
    .min(1, "must be at least 1 second")
    .max(30 * 86_400, "must be at most 30 days"),
  uniqueWindowSec: z
    .number()
    .int()
    .min(1)
    .max(30 * 86_400, "must be at most 30 days"),
  externalCampaignIds: z.array(z.string().trim().min(1).max(128)).max(100),
  retargetingPixels,
  audiencePassback,
  fallbackUrl: optionalUrl,
  status,
};

export const createCampaignInput = z
  .object(fields)
  .partial()
  .required({ name: true, slug: true })
  .superRefine((v, ctx) => {
    if (v.costModel === "REVSHARE" && v.costValue !== undefined && Number(v.costValue) > 100) {
      ctx.addIssue({ code: "custom", path: ["costValue"], message: "RevShare is a percent and must be at most 100" });
    }
  });
export const updateCampaignInput = z
  .object({ id: uuid, ...fields })
  .partial()
  .required({ id: true });

export async function createCampaign(deps: Deps, actor: Actor, input: unknown): Promise<Campaign> {
  const data = parseInput(createCampaignInput, input);
  return auditedWrite(deps, actor, {
    action: "campaign.create",
    entityType: "Campaign",
    configChanged: true,
    run: async (tx) => {
      const row = await tx.campaign.create({ data: { id: newId(), ...data, name: data.name, slug: data.slug } });
      return { row, id: row.id };
    },
  });
}

export async function updateCampaign(deps: Deps, actor: Actor, input: unknown): Promise<Campaign> {
  const { id, ...data } = parseInput(updateCampaignInput, input);
  return auditedWrite(deps, actor, {
    action: "campaign.update",
    entityType: "Campaign",
    configChanged: true,
    run: async (tx) => {
      const before = await mustFind("Campaign", id, tx.campaign.findUnique({ where: { id } }));
      if (data.costModel === "REVSHARE" || (before.costModel === "REVSHARE" && data.costModel === undefined)) {
        const value = Number(data.costValue ?? before.costValue.toString());
        if (value > 100) throw new ValidationError([{ path: "costValue", message: "RevShare is a percent and must be at most 100" }]);
      }
      const row = await tx.campaign.update({ where: { id }, data });
      return { row, id, before };
    },
  });
}

export async function deleteCampaign(deps: Deps, actor: Actor, id: string): Promise<Campaign> {
  parseInput(uuid, id);
  return auditedWrite(deps, actor, {
    action: "campaign.delete",
    entityType: "Campaign",
    configChanged: true,
    run: async (tx) => {
      const before = await mustFind(
        "Campaign",
        id,
        tx.campaign.findUnique({ where: { id }, include: { flows: { include: { landings: true, offers: true } } } }),
      );
      await tx.campaign.delete({ where: { id } });
      return { row: before, id, before, after: null };
    },
  });
}
