// GraphQL for the click engine's operator actions: manual cost edits (audited) and GeoIP status, test lookup and
// download. Reports own the clicks log itself.
import { builder } from "../../graphql/builder.js";
import { actorOf } from "../../graphql/context.js";
import { writeErrors } from "../../graphql/errors.js";
import { bulkUpdateClickCost, downloadGeoip, type GeoDbStatus, geoipLookup, geoipStatus, updateClickCost } from "./clicks.service.js";

const ClickCostRef = builder.objectRef<{ clickId: string; cost: string }>("ClickCostUpdate").implement({
  fields: (t) => ({ clickId: t.exposeID("clickId"), cost: t.expose("cost", { type: "Decimal" }) }),
});
const BulkCostRef = builder
  .objectRef<{ updated: number; campaignId: string; cpc: string; currency: string; costAccount: string }>("BulkClickCostUpdate")
  .implement({
    fields: (t) => ({
      updated: t.exposeInt("updated", { description: "Clicks whose cost was set." }),
      campaignId: t.exposeID("campaignId"),
      cpc: t.expose("cpc", { type: "Decimal", description: "As entered, in currency." }),
      currency: t.exposeString("currency", { description: "The currency cpc was taken in." }),
      costAccount: t.expose("costAccount", { type: "Decimal", description: "Each click's cost in the account currency." }),
    }),
  });
const GeoDbRef = builder.objectRef<GeoDbStatus>("GeoIpDatabase").implement({
  fields: (t) => ({
    edition: t.exposeString("edition"),
    path: t.exposeString("path"),
    ok: t.exposeBoolean("ok", { description: 'True when the database opens ("OK" in Settings → GeoIP).' }),
    databaseType: t.exposeString("databaseType", { nullable: true }),
    builtAt: t.expose("builtAt", { type: "DateTime", nullable: true }),
    error: t.exposeString("error", { nullable: true }),
  }),
});
type Status = Awaited<ReturnType<typeof geoipStatus>>;
const GeoStatusRef = builder.objectRef<Status>("GeoIpStatus").implement({
  fields: (t) => ({
    city: t.field({ type: GeoDbRef, resolve: (s) => s.city }),
    asn: t.field({ type: GeoDbRef, resolve: (s) => s.asn }),
    hasLicenseKey: t.exposeBoolean("hasLicenseKey"),
    updatedAt: t.expose("updatedAt", { type: "DateTime", nullable: true }),
  }),
});
type Lookup = Awaited<ReturnType<typeof geoipLookup>>;
const GeoLookupRef = builder.objectRef<Lookup>("GeoIpLookup").implement({
  fields: (t) => ({
    ip: t.exposeString("ip"),
    country: t.exposeString("country"),
    countryName: t.exposeString("countryName"),
    region: t.exposeString("region"),
    city: t.exposeString("city"),
    isp: t.exposeString("isp"),
    asn: t.exposeInt("asn", { nullable: true }),
  }),
});

const UpdateCostInput = builder.inputType("UpdateClickCostInput", {
  fields: (t) => ({
    clickId: t.id({ required: true }),
    cost: t.field({ type: "Decimal", required: true }),
    currency: t.string({ description: "ISO code of cost (default: the account currency); converted with the rates in Settings." }),
  }),
});
const BulkCostInput = builder.inputType("BulkUpdateClickCostInput", {
  fields: (t) => ({
    campaignId: t.id({ required: true }),
    from: t.field({ type: "DateTime", required: true, description: "Inclusive." }),
    to: t.field({ type: "DateTime", required: true, description: "Exclusive." }),
    cpc: t.field({ type: "Decimal", required: true, description: "The new cost of every click in the range." }),
    currency: t.string({
      description: "ISO code of cpc (default: the campaign's traffic-source currency, else the account's); converted with the rates in Settings.",
    }),
  }),
});

builder.queryFields((t) => ({
  geoipStatus: t.field({ type: GeoStatusRef, authScopes: { read: "settings" }, resolve: (_r, _a, ctx) => geoipStatus(ctx.deps) }),
  geoipLookup: t.field({
    type: GeoLookupRef,
    authScopes: { read: "settings" },
    args: { ip: t.arg.string({ required: true }) },
    resolve: (_r, { ip }, ctx) => geoipLookup(ctx.deps, ip),
  }),
}));

builder.mutationFields((t) => ({
  updateClickCost: t.field({
    type: ClickCostRef,
    authScopes: { write: "reports" },
    errors: { types: [...writeErrors] },
    description: "Sets one click's cost (the $$ button in the clicks report). Audited.",
    args: { input: t.arg({ type: UpdateCostInput, required: true }) },
    resolve: (_r, { input }, ctx) => updateClickCost(ctx.deps, actorOf(ctx), input),
  }),
  bulkUpdateClickCost: t.field({
    type: BulkCostRef,
    authScopes: { write: "reports" },
    errors: { types: [...writeErrors] },
    description: "Sets the cost of every click of a campaign in [from, to) to cpc. Audited.",
    args: { input: t.arg({ type: BulkCostInput, required: true }) },
    resolve: (_r, { input }, ctx) => bulkUpdateClickCost(ctx.deps, actorOf(ctx), input),
  }),
  downloadGeoipDatabases: t.field({
    type: GeoStatusRef,
    authScopes: { write: "settings" },
    errors: { types: [...writeErrors] },
    description: "Downloads GeoLite2 City and ASN with a MaxMind license key (or the stored one) and switches to them.",
    args: { licenseKey: t.arg.string() },
    resolve: (_r, { licenseKey }, ctx) => downloadGeoip(ctx.deps, actorOf(ctx), licenseKey),
  }),
}));
