import { builder } from "../../graphql/builder.js";
import { actorOf } from "../../graphql/context.js";
import { writeErrors } from "../../graphql/errors.js";
import { SortDirection, dir, stripNulls } from "../../graphql/shared.js";
import { domainService, verifyDomain } from "./domain.service.js";
import { DomainRef } from "./domain.types.js";

const SortField = builder.enumType("DomainSortField", { values: ["HOSTNAME", "CREATED_AT"] as const });
const Order = builder.inputType("DomainOrder", {
  fields: (t) => ({ field: t.field({ type: SortField, required: true }), direction: t.field({ type: SortDirection }) }),
});
const Filter = builder.inputType("DomainFilter", {
  fields: (t) => ({ search: t.string(), groupName: t.string(), verified: t.boolean(), ids: t.idList() }),
});
const CreateInput = builder.inputType("CreateDomainInput", {
  fields: (t) => ({ hostname: t.string({ required: true }), groupName: t.string(), dnsProvider: t.string() }),
});
const UpdateInput = builder.inputType("UpdateDomainInput", {
  fields: (t) => ({ id: t.id({ required: true }), hostname: t.string(), groupName: t.string(), dnsProvider: t.string() }),
});

const where = (f: { search?: string | null; groupName?: string | null; verified?: boolean | null; ids?: readonly string[] | null } | null | undefined) => ({
  ...(f?.search ? { hostname: { contains: f.search.trim(), mode: "insensitive" as const } } : {}),
  ...(f?.groupName ? { groupName: f.groupName } : {}),
  ...(typeof f?.verified === "boolean" ? { verified: f.verified } : {}),
  ...(f?.ids?.length ? { id: { in: [...f.ids] } } : {}),
});

builder.queryFields((t) => ({
  domain: t.prismaField({
    type: "Domain",
    nullable: true,
    authScopes: { read: "domains" },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _r, { id }, ctx) => ctx.deps.db.prisma.domain.findUnique({ ...query, where: { id } }),
  }),
  domains: t.prismaConnection(
    {
      type: "Domain",
      cursor: "id",
      authScopes: { read: "domains" },
      args: { filter: t.arg({ type: Filter }), orderBy: t.arg({ type: Order }) },
      resolve: (query, _r, args, ctx) =>
        ctx.deps.db.prisma.domain.findMany({
          ...query,
          where: where(args.filter),
          orderBy: [
            args.orderBy?.field === "HOSTNAME" ? { hostname: dir(args.orderBy.direction) } : { createdAt: dir(args.orderBy?.direction) },
            { id: "asc" },
          ],
        }),
      totalCount: (_c, args, ctx) => ctx.deps.db.prisma.domain.count({ where: where(args.filter) }),
    },
    {},
  ),
}));

builder.mutationFields((t) => ({
  createDomain: t.field({
    type: DomainRef,
    authScopes: { write: "domains" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_r, { input }, ctx) => domainService.create(ctx.deps, actorOf(ctx), stripNulls(input)),
  }),
  updateDomain: t.field({
    type: DomainRef,
    authScopes: { write: "domains" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    resolve: (_r, { input }, ctx) => domainService.update(ctx.deps, actorOf(ctx), stripNulls(input)),
  }),
  verifyDomain: t.field({
    type: DomainRef,
    authScopes: { write: "domains" },
    errors: { types: [...writeErrors] },
    description: "Checks that the hostname resolves (DNS verification) and detects its DNS provider.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => verifyDomain(ctx.deps, actorOf(ctx), id),
  }),
  deleteDomain: t.field({
    type: DomainRef,
    authScopes: { write: "domains" },
    errors: { types: [...writeErrors] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => domainService.remove(ctx.deps, actorOf(ctx), id),
  }),
}));
