// Account-wide settings (one row), currency rates into the account currency, custom conversion types.
import { z } from "zod";
import type { Actor } from "../../auth/actor.js";
import type { Deps } from "../../deps.js";
import type { CurrencyRate, Prisma, Settings } from "../../generated/prisma/client.js";
import { ValidationError } from "../../lib/errors.js";
import { currency, ipOrCidr, optionalUrl, timezone } from "../shared/inputs.js";
import { auditedWrite, parseInput } from "../shared/write.js";

export const BUILTIN_CONVERSION_TYPES = ["sale", "lead", "upsell", "rebill"] as const;

const conversionType = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "must be 1-40 lowercase letters, digits or _, starting with a letter")
  .refine((v) => !(BUILTIN_CONVERSION_TYPES as readonly string[]).includes(v), `sale, lead, upsell and rebill are built in`);

const smtp = z
  .object({
    host: z.string().trim().max(255).default(""),
    port: z.number().int().min(1).max(65535).default(587),
    username: z.string().max(255).default(""),
    password: z.string().max(512).optional(),
    from: z.union([z.literal(""), z.string().trim().email("must be an email address")]).default(""),
    secure: z.boolean().default(false),
  })
  .strict();
const telegram = z
  .object({
    botToken: z
      .string()
      .trim()
      .regex(/^(\d{3,20}:[A-Za-z0-9_-]{20,100})?$/, "must look like 123456:ABC-DEF... (from @BotFather)")
      .optional(),
    chatId: z
      .string()
      .trim()
      .regex(/^(-?\d{1,20}|@[A-Za-z0-9_]{4,64})?$/, "must be a numeric chat id or @channel")
      .default(""),
  })
  .strict();
const webhook = z.object({ url: optionalUrl.default(""), secret: z.string().max(512).optional() }).strict();

export const updateSettingsInput = z
  .object({
    accountCurrency: currency,
    timezone,
    conversionRegistration: z.enum(["VISIT", "POSTBACK"]),
    ipAnonymization: z.boolean(),
    customConversionTypes: z
      .array(conversionType)
      .max(50, "at most 50 custom types")
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((v, i) => {
          if (seen.has(v)) ctx.addIssue({ code: "custom", path: [i], message: `${v} appears twice` });
          seen.add(v);
        });
      }),
    geoipCityPath: z.string().trim().max(1024),
    geoipAsnPath: z.string().trim().max(1024),
    maxmindLicenseKey: z.string().trim().max(128),
    postbackKeyRequired: z.boolean(),
    postbackAllowedIps: z.array(ipOrCidr).max(500, "at most 500 entries"),
    pixelCookieDays: z.number().int().min(1, "must be at least 1 day").max(400, "must be at most 400 days"),
    smtp,
    telegram,
    webhook,
  })
  .partial()
  .strict();

export async function getSettings(deps: Deps): Promise<Settings> {
  return deps.db.prisma.settings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export async function updateSettings(deps: Deps, actor: Actor, input: unknown): Promise<Settings> {
  const data = parseInput(updateSettingsInput, input);
  const row = await auditedWrite(deps, actor, {
    action: "settings.update",
    entityType: "Settings",
    run: async (tx) => {
      const before = await tx.settings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
      // Secrets are write-only: omitted keeps the stored one, "" clears it.
      const { smtp: s, telegram: tg, webhook: wh, ...columns } = data;
      const keep = (next: Record<string, unknown>, prev: unknown, secret: string) =>
        ({ ...next, [secret]: next[secret] === undefined ? (obj(prev)[secret] ?? "") : next[secret] }) as Prisma.InputJsonObject;
      const row = await tx.settings.update({
        where: { id: 1 },
        data: {
          ...columns,
          ...(s ? { smtp: keep(s, before.smtp, "password") } : {}),
          ...(tg ? { telegram: keep(tg, before.telegram, "botToken") } : {}),
          ...(wh ? { webhook: keep(wh, before.webhook, "secret") } : {}),
        },
      });
      return { row, id: "1", before };
    },
  });
  // Contract 5; the pixel's cookie lifetime cache listens for entity "settings" (lower case).
  deps.bus.publish("config:changed", { entity: "settings", id: "1", at: Date.now() });
  return row;
}

export const currencyRateInput = z.object({
  currency,
  rate: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .refine((v) => /^\d{1,10}(\.\d{1,10})?$/.test(v) && Number(v) > 0, "must be a positive decimal with at most 10 decimal places"),
});

export async function setCurrencyRate(deps: Deps, actor: Actor, input: unknown): Promise<CurrencyRate> {
  const data = parseInput(currencyRateInput, input);
  const settings = await getSettings(deps);
  if (data.currency === settings.accountCurrency) {
    throw new ValidationError([{ path: "currency", message: `${data.currency} is the account currency (its rate is always 1)` }]);
  }
  return auditedWrite(deps, actor, {
    action: "currency_rate.set",
    entityType: "CurrencyRate",
    configChanged: true,
    run: async (tx) => {
      const before = await tx.currencyRate.findUnique({ where: { currency: data.currency } });
      const row = await tx.currencyRate.upsert({ where: { currency: data.currency }, create: data, update: { rate: data.rate } });
      return { row, id: data.currency, before };
    },
  });
}

export async function deleteCurrencyRate(deps: Deps, actor: Actor, code: unknown): Promise<CurrencyRate> {
  const cur = parseInput(currency, code);
  return auditedWrite(deps, actor, {
    action: "currency_rate.delete",
    entityType: "CurrencyRate",
    configChanged: true,
    run: async (tx) => {
      const before = await tx.currencyRate.findUnique({ where: { currency: cur } });
      if (!before) throw new ValidationError([{ path: "currency", message: `no rate is set for ${cur}` }]);
      await tx.currencyRate.delete({ where: { currency: cur } });
      return { row: before, id: cur, before, after: null };
    },
  });
}

/** Settings as returned to clients: secrets replaced by has* flags. */
export function publicSettings(s: Settings) {
  const smtp = obj(s.smtp);
  const telegram = obj(s.telegram);
  const webhook = obj(s.webhook);
  return {
    accountCurrency: s.accountCurrency,
    timezone: s.timezone,
    conversionRegistration: s.conversionRegistration,
    ipAnonymization: s.ipAnonymization,
    customConversionTypes: s.customConversionTypes,
    conversionTypes: [...BUILTIN_CONVERSION_TYPES, ...s.customConversionTypes],
    geoipCityPath: s.geoipCityPath,
    geoipAsnPath: s.geoipAsnPath,
    hasMaxmindLicenseKey: s.maxmindLicenseKey !== "",
    geoipUpdatedAt: s.geoipUpdatedAt,
    postbackKeyRequired: s.postbackKeyRequired,
    postbackAllowedIps: s.postbackAllowedIps,
    pixelCookieDays: s.pixelCookieDays,
    smtp: {
      host: String(smtp.host ?? ""),
      port: Number(smtp.port ?? 587),
      username: String(smtp.username ?? ""),
      from: String(smtp.from ?? ""),
      secure: smtp.secure === true,
      hasPassword: typeof smtp.password === "string" && smtp.password !== "",
    },
    telegram: { chatId: String(telegram.chatId ?? ""), hasBotToken: typeof telegram.botToken === "string" && telegram.botToken !== "" },
    webhook: { url: String(webhook.url ?? ""), hasSecret: typeof webhook.secret === "string" && webhook.secret !== "" },
    updatedAt: s.updatedAt,
  };
}
export type PublicSettings = ReturnType<typeof publicSettings>;
