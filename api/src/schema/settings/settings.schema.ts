import { builder } from "../../graphql/builder.js";
import { actorOf } from "../../graphql/context.js";
import { writeErrors } from "../../graphql/errors.js";
import { stripNulls } from "../../graphql/shared.js";
import { type PublicSettings, deleteCurrencyRate, getSettings, publicSettings, setCurrencyRate, updateSettings } from "./settings.service.js";

export const RegistrationTime = builder.enumType("RegistrationTime", {
  description: "Which time a conversion is reported at: the click's (VISIT) or the postback's (POSTBACK).",
  values: ["VISIT", "POSTBACK"] as const,
});

const Smtp = builder.objectRef<PublicSettings["smtp"]>("SmtpSettings").implement({
  fields: (t) => ({
    host: t.exposeString("host"),
    port: t.exposeInt("port"),
    username: t.exposeString("username"),
    from: t.exposeString("from"),
    secure: t.exposeBoolean("secure"),
    hasPassword: t.exposeBoolean("hasPassword"),
  }),
});
const Telegram = builder.objectRef<PublicSettings["telegram"]>("TelegramSettings").implement({
  fields: (t) => ({ chatId: t.exposeString("chatId"), hasBotToken: t.exposeBoolean("hasBotToken") }),
});
const Webhook = builder.objectRef<PublicSettings["webhook"]>("WebhookSettings").implement({
  fields: (t) => ({ url: t.exposeString("url"), hasSecret: t.exposeBoolean("hasSecret") }),
});

export const SettingsRef = builder.objectRef<PublicSettings>("Settings").implement({
  description: "Account-wide settings. Secrets are write-only (read back as has* flags).",
  fields: (t) => ({
    accountCurrency: t.exposeString("accountCurrency"),
    timezone: t.exposeString("timezone"),
    conversionRegistration: t.expose("conversionRegistration", { type: RegistrationTime }),
    ipAnonymization: t.exposeBoolean("ipAnonymization"),
    customConversionTypes: t.exposeStringList("customConversionTypes"),
    conversionTypes: t.exposeStringList("conversionTypes", { description: "Built-in (sale, lead, upsell, rebill) then custom types." }),
    geoipCityPath: t.exposeString("geoipCityPath"),
    geoipAsnPath: t.exposeString("geoipAsnPath"),
    hasMaxmindLicenseKey: t.exposeBoolean("hasMaxmindLicenseKey"),
    geoipUpdatedAt: t.expose("geoipUpdatedAt", { type: "DateTime", nullable: true }),
    postbackKeyRequired: t.exposeBoolean("postbackKeyRequired"),
    postbackAllowedIps: t.exposeStringList("postbackAllowedIps"),
    pixelCookieDays: t.exposeInt("pixelCookieDays"),
    smtp: t.expose("smtp", { type: Smtp }),
    telegram: t.expose("telegram", { type: Telegram }),
    webhook: t.expose("webhook", { type: Webhook }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

export const CurrencyRateRef = builder.prismaObject("CurrencyRate", {
  authScopes: { read: "settings" },
  fields: (t) => ({
    currency: t.exposeString("currency"),
    rate: t.expose("rate", { type: "Decimal", description: "1 unit of currency = rate units of the account currency." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const SmtpInput = builder.inputType("SmtpSettingsInput", {
  fields: (t) => ({
    host: t.string(),
    port: t.int(),
    username: t.string(),
    password: t.string({ description: "Omit to keep the stored password; empty clears it." }),
    from: t.string(),
    secure: t.boolean(),
  }),
});
const TelegramInput = builder.inputType("TelegramSettingsInput", {
  fields: (t) => ({ botToken: t.string({ description: "Omit to keep; empty clears." }), chatId: t.string() }),
});
const WebhookInput = builder.inputType("WebhookSettingsInput", {
  fields: (t) => ({ url: t.string(), secret: t.string({ description: "Omit to keep; empty clears." }) }),
});
const UpdateInput = builder.inputType("UpdateSettingsInput", {
  description: "Omitted fields keep their value.",
  fields: (t) => ({
    accountCurrency: t.string(),
    timezone: t.string(),
    conversionRegistration: t.field({ type: RegistrationTime }),
    ipAnonymization: t.boolean(),
    customConversionTypes: t.stringList(),
    geoipCityPath: t.string(),
    geoipAsnPath: t.string(),
    maxmindLicenseKey: t.string({ description: "Write-only." }),
    postbackKeyRequired: t.boolean(),
    postbackAllowedIps: t.stringList(),
    pixelCookieDays: t.int(),
    smtp: t.field({ type: SmtpInput }),
    telegram: t.field({ type: TelegramInput }),
    webhook: t.field({ type: WebhookInput }),
  }),
});

const nested = <T extends object>(v: T | null | undefined) => (v ? stripNulls(v) : undefined);

builder.queryFields((t) => ({
  settings: t.field({
    type: SettingsRef,
    authScopes: { read: "settings" },
    resolve: async (_r, _a, ctx) => publicSettings(await getSettings(ctx.deps)),
  }),
  currencyRates: t.prismaField({
    type: ["CurrencyRate"],
    authScopes: { read: "settings" },
    resolve: (query, _r, _a, ctx) => ctx.deps.db.prisma.currencyRate.findMany({ ...query, orderBy: { currency: "asc" } }),
  }),
}));

builder.mutationFields((t) => ({
  updateSettings: t.field({
    type: SettingsRef,
    authScopes: { write: "settings" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const { smtp, telegram, webhook, ...rest } = stripNulls(input);
      const data = {
        ...rest,
        ...(smtp ? { smtp: nested(smtp) } : {}),
        ...(telegram ? { telegram: nested(telegram) } : {}),
        ...(webhook ? { webhook: nested(webhook) } : {}),
      };
      return publicSettings(await updateSettings(ctx.deps, actorOf(ctx), data));
    },
  }),
  setCurrencyRate: t.field({
    type: CurrencyRateRef,
    authScopes: { write: "settings" },
    errors: { types: [...writeErrors] },
    args: { currency: t.arg.string({ required: true }), rate: t.arg({ type: "Decimal", required: true }) },
    resolve: (_r, args, ctx) => setCurrencyRate(ctx.deps, actorOf(ctx), args),
  }),
  deleteCurrencyRate: t.field({
    type: CurrencyRateRef,
    authScopes: { write: "settings" },
    errors: { types: [...writeErrors] },
    args: { currency: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => deleteCurrencyRate(ctx.deps, actorOf(ctx), args.currency),
  }),
}));
