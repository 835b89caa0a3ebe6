import { builder } from "../../graphql/builder.js";
import { actorOf } from "../../graphql/context.js";
import { writeErrors } from "../../graphql/errors.js";
import { EntityStatus, ListFilter, SortDirection, dir, listWhere, stripNulls } from "../../graphql/shared.js";
import { publicBase } from "../shared/public-url.js";
import { NETWORK_TYPES, networkService, postbackTemplateFor } from "./network.service.js";
import { importNetworkOffers, testNetworkConnection } from "./network.sync.js";
import { AffiliateNetworkRef } from "./network.types.js";

const SortField = builder.enumType("AffiliateNetworkSortField", { values: ["NAME", "CREATED_AT"] as const });
const Order = builder.inputType("AffiliateNetworkOrder", {
  fields: (t) => ({ field: t.field({ type: SortField, required: true }), direction: t.field({ type: SortDirection }) }),
});

const networkFields = (t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0]) => ({
  name: t.string(),
  type: t.string({ description: `One of ${NETWORK_TYPES.join(", ")}.` }),
  apiUrl: t.string(),
  apiKey: t.string({ description: "Write-only; read back as hasApiKey." }),
  postbackTemplate: t.string({ description: "Empty on create: filled from the network type's template." }),
  allowedIps: t.stringList(),
  requireKey: t.boolean(),
  status: t.field({ type: EntityStatus }),
});
const CreateInput = builder.inputType("CreateAffiliateNetworkInput", {
  fields: (t) => ({ ...networkFields(t), name: t.string({ required: true }) }),
});
const UpdateInput = builder.inputType("UpdateAffiliateNetworkInput", {
  fields: (t) => ({ ...networkFields(t), id: t.id({ required: true }) }),
});

const TestResult = builder.objectRef<{ ok: boolean; message: string; offerCount: number }>("NetworkConnectionTest").implement({
  fields: (t) => ({ ok: t.exposeBoolean("ok"), message: t.exposeString("message"), offerCount: t.exposeInt("offerCount") }),
});
const OfferImport = builder.objectRef<{ created: number; updated: number; skipped: number }>("NetworkOfferImport").implement({
  fields: (t) => ({ created: t.exposeInt("created"), updated: t.exposeInt("updated"), skipped: t.exposeInt("skipped") }),
});

const where = (f: Parameters<typeof listWhere>[0]) => listWhere(f, ["name"]);

builder.queryFields((t) => ({
  affiliateNetwork: t.prismaField({
    type: "AffiliateNetwork",
    nullable: true,
    authScopes: { read: "networks" },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _r, { id }, ctx) => ctx.deps.db.prisma.affiliateNetwork.findUnique({ ...query, where: { id } }),
  }),
  affiliateNetworks: t.prismaConnection(
    {
      type: "AffiliateNetwork",
      cursor: "id",
      authScopes: { read: "networks" },
      args: { filter: t.arg({ type: ListFilter }), orderBy: t.arg({ type: Order }) },
      resolve: (query, _r, args, ctx) =>
        ctx.deps.db.prisma.affiliateNetwork.findMany({
          ...query,
          where: where(args.filter),
          orderBy: [args.orderBy?.field === "NAME" ? { name: dir(args.orderBy.direction) } : { createdAt: dir(args.orderBy?.direction) }, { id: "asc" }],
        }),
      totalCount: (_c, args, ctx) => ctx.deps.db.prisma.affiliateNetwork.count({ where: where(args.filter) }),
    },
    {},
  ),
  networkPostbackTemplate: t.string({
    authScopes: { read: "networks" },
    description: "The postback URL to paste into a network of this type, on this install's public URL.",
    args: { type: t.arg.string({ required: true }) },
    resolve: (_r, { type }, ctx) => postbackTemplateFor(type, publicBase(ctx.deps)),
  }),
}));

builder.mutationFields((t) => ({
  createAffiliateNetwork: t.field({
    type: AffiliateNetworkRef,
    authScopes: { write: "networks" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_r, { input }, ctx) => {
      const data = stripNulls(input);
      return networkService.create(ctx.deps, actorOf(ctx), {
        ...data,
        postbackTemplate: data.postbackTemplate || postbackTemplateFor(data.type ?? "custom", publicBase(ctx.deps)),
      });
    },
  }),
  updateAffiliateNetwork: t.field({
    type: AffiliateNetworkRef,
    authScopes: { write: "networks" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    resolve: (_r, { input }, ctx) => networkService.update(ctx.deps, actorOf(ctx), stripNulls(input)),
  }),
  deleteAffiliateNetwork: t.field({
    type: AffiliateNetworkRef,
    authScopes: { write: "networks" },
    errors: { types: [...writeErrors] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => networkService.remove(ctx.deps, actorOf(ctx), id),
  }),
  testAffiliateNetwork: t.field({
    type: TestResult,
    authScopes: { write: "networks" },
    errors: { types: [...writeErrors] },
    description: "Everflow: calls the affiliate API with the network's key (Test Connection).",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => testNetworkConnection(ctx.deps, id),
  }),
  importNetworkOffers: t.field({
    type: OfferImport,
    authScopes: { write: "offers" },
    errors: { types: [...writeErrors] },
    description: "Everflow: imports the network's active offers with payouts and geo; re-importing updates them.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => importNetworkOffers(ctx.deps, actorOf(ctx), id),
  }),
}));
