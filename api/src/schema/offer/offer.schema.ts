import { builder } from "../../graphql/builder.js";
import { actorOf } from "../../graphql/context.js";
import { writeErrors } from "../../graphql/errors.js";
import { EntityStatus, SortDirection, dir, listWhere, stripNulls } from "../../graphql/shared.js";
import { offerService } from "./offer.service.js";
import { OfferRef, PayoutType } from "./offer.types.js";

const SortField = builder.enumType("OfferSortField", { values: ["NAME", "PAYOUT", "CREATED_AT", "UPDATED_AT"] as const });
const Order = builder.inputType("OfferOrder", {
  fields: (t) => ({ field: t.field({ type: SortField, required: true }), direction: t.field({ type: SortDirection }) }),
});
const Filter = builder.inputType("OfferFilter", {
  fields: (t) => ({ search: t.string(), status: t.field({ type: EntityStatus }), ids: t.idList(), networkId: t.id() }),
});
const GeoPayoutInput = builder.inputType("OfferGeoPayoutInput", {
  fields: (t) => ({
    country: t.string({ required: true }),
    payout: t.field({ type: "Decimal", required: true }),
    currency: t.string({ description: "Defaults to the offer's currency." }),
  }),
});

const offerFields = (t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0]) => ({
  name: t.string(),
  url: t.string(),
  clickIdParam: t.string(),
  payoutType: t.field({ type: PayoutType }),
  payout: t.field({ type: "Decimal" }),
  currency: t.string(),
  dailyCap: t.int(),
  totalCap: t.int(),
  capTimezone: t.string(),
  networkId: t.id(),
  externalId: t.string(),
  status: t.field({ type: EntityStatus }),
  geoPayouts: t.field({ type: [GeoPayoutInput], description: "Replaces every geo payout of the offer when given." }),
});
const CreateInput = builder.inputType("CreateOfferInput", {
  fields: (t) => ({ ...offerFields(t), name: t.string({ required: true }), url: t.string({ required: true }) }),
});
const UpdateInput = builder.inputType("UpdateOfferInput", {
  description: "Omitted fields keep their value; clearDailyCap / clearTotalCap / clearNetwork remove them.",
  fields: (t) => ({ ...offerFields(t), id: t.id({ required: true }), clearDailyCap: t.boolean(), clearTotalCap: t.boolean(), clearNetwork: t.boolean() }),
});

const where = (f: { search?: string | null; status?: string | null; ids?: readonly string[] | null; networkId?: string | null } | null | undefined) => ({
  ...listWhere(f, ["name", "externalId"]),
  ...(f?.networkId ? { networkId: f.networkId } : {}),
});
const sortColumn = { NAME: "name", PAYOUT: "payout", CREATED_AT: "createdAt", UPDATED_AT: "updatedAt" } as const;

builder.queryFields((t) => ({
  offer: t.prismaField({
    type: "Offer",
    nullable: true,
    authScopes: { read: "offers" },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _r, { id }, ctx) => ctx.deps.db.prisma.offer.findUnique({ ...query, where: { id } }),
  }),
  offers: t.prismaConnection(
    {
      type: "Offer",
      cursor: "id",
      authScopes: { read: "offers" },
      args: { filter: t.arg({ type: Filter }), orderBy: t.arg({ type: Order }) },
      resolve: (query, _r, args, ctx) =>
        ctx.deps.db.prisma.offer.findMany({
          ...query,
          where: where(args.filter),
          orderBy: [{ [sortColumn[args.orderBy?.field ?? "CREATED_AT"]]: dir(args.orderBy?.direction) }, { id: "asc" }],
        }),
      totalCount: (_c, args, ctx) => ctx.deps.db.prisma.offer.count({ where: where(args.filter) }),
    },
    {},
  ),
}));

builder.mutationFields((t) => ({
  createOffer: t.field({
    type: OfferRef,
    authScopes: { write: "offers" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_r, { input }, ctx) => offerService.create(ctx.deps, actorOf(ctx), stripNulls(input)),
  }),
  updateOffer: t.field({
    type: OfferRef,
    authScopes: { write: "offers" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    resolve: (_r, { input }, ctx) => {
      const { clearDailyCap, clearTotalCap, clearNetwork, ...rest } = stripNulls(input);
      return offerService.update(ctx.deps, actorOf(ctx), {
        ...rest,
        ...(clearDailyCap ? { dailyCap: null } : {}),
        ...(clearTotalCap ? { totalCap: null } : {}),
        ...(clearNetwork ? { networkId: null } : {}),
      });
    },
  }),
  deleteOffer: t.field({
    type: OfferRef,
    authScopes: { write: "offers" },
    errors: { types: [...writeErrors] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => offerService.remove(ctx.deps, actorOf(ctx), id),
  }),
}));
