import { builder } from "../../graphql/builder.js";
import { actorOf } from "../../graphql/context.js";
import { writeErrors } from "../../graphql/errors.js";
import { EntityStatus, SortDirection, dir, listWhere, stripNulls } from "../../graphql/shared.js";
import { importLandingFromUrl, landingService } from "./landing.service.js";
import { LandingPageRef, LandingType } from "./landing.types.js";

const SortField = builder.enumType("LandingPageSortField", { values: ["NAME", "CREATED_AT", "UPDATED_AT"] as const });
const Order = builder.inputType("LandingPageOrder", {
  fields: (t) => ({ field: t.field({ type: SortField, required: true }), direction: t.field({ type: SortDirection }) }),
});
const Filter = builder.inputType("LandingPageFilter", {
  fields: (t) => ({ search: t.string(), status: t.field({ type: EntityStatus }), ids: t.idList(), type: t.field({ type: LandingType }) }),
});

const landingFields = (t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0]) => ({
  name: t.string(),
  type: t.field({ type: LandingType }),
  url: t.string({ description: "URL landers: the destination, with macros." }),
  html: t.string({ description: "Local landers: the HTML, with {{call-outs}}." }),
  protectionEnabled: t.boolean(),
  offerCount: t.int(),
  steps: t.stringList(),
  status: t.field({ type: EntityStatus }),
});
const CreateInput = builder.inputType("CreateLandingPageInput", { fields: (t) => ({ ...landingFields(t), name: t.string({ required: true }) }) });
const UpdateInput = builder.inputType("UpdateLandingPageInput", { fields: (t) => ({ ...landingFields(t), id: t.id({ required: true }) }) });

const where = (f: { search?: string | null; status?: string | null; ids?: readonly string[] | null; type?: string | null } | null | undefined) => ({
  ...listWhere(f, ["name"]),
  ...(f?.type ? { type: f.type as "LOCAL" | "URL" } : {}),
});
const sortColumn = { NAME: "name", CREATED_AT: "createdAt", UPDATED_AT: "updatedAt" } as const;

builder.queryFields((t) => ({
  landingPage: t.prismaField({
    type: "LandingPage",
    nullable: true,
    authScopes: { read: "landings" },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _r, { id }, ctx) => ctx.deps.db.prisma.landingPage.findUnique({ ...query, where: { id } }),
  }),
  landingPages: t.prismaConnection(
    {
      type: "LandingPage",
      cursor: "id",
      authScopes: { read: "landings" },
      args: { filter: t.arg({ type: Filter }), orderBy: t.arg({ type: Order }) },
      resolve: (query, _r, args, ctx) =>
        ctx.deps.db.prisma.landingPage.findMany({
          ...query,
          where: where(args.filter),
          orderBy: [{ [sortColumn[args.orderBy?.field ?? "CREATED_AT"]]: dir(args.orderBy?.direction) }, { id: "asc" }],
        }),
      totalCount: (_c, args, ctx) => ctx.deps.db.prisma.landingPage.count({ where: where(args.filter) }),
    },
    {},
  ),
}));

builder.mutationFields((t) => ({
  createLandingPage: t.field({
    type: LandingPageRef,
    authScopes: { write: "landings" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_r, { input }, ctx) => landingService.create(ctx.deps, actorOf(ctx), stripNulls(input)),
  }),
  importLandingPageFromUrl: t.field({
    type: LandingPageRef,
    authScopes: { write: "landings" },
    errors: { types: [...writeErrors] },
    description: "Downloads the page's HTML (public addresses only) and stores it as a local landing page.",
    args: { name: t.arg.string({ required: true }), url: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => importLandingFromUrl(ctx.deps, actorOf(ctx), args),
  }),
  updateLandingPage: t.field({
    type: LandingPageRef,
    authScopes: { write: "landings" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    resolve: (_r, { input }, ctx) => landingService.update(ctx.deps, actorOf(ctx), stripNulls(input)),
  }),
  deleteLandingPage: t.field({
    type: LandingPageRef,
    authScopes: { write: "landings" },
    errors: { types: [...writeErrors] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => landingService.remove(ctx.deps, actorOf(ctx), id),
  }),
}));
