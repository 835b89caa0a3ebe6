// The product catalog. Products belong to the offers section of the permission grid (they are what offers sell).
import { builder } from "../../graphql/builder.js";
import { actorOf } from "../../graphql/context.js";
import { writeErrors } from "../../graphql/errors.js";
import { SortDirection, dir, stripNulls } from "../../graphql/shared.js";
import { productService } from "./product.service.js";

export const ProductRef = builder.prismaObject("Product", {
  authScopes: { read: "offers" },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    sku: t.exposeString("sku"),
    price: t.expose("price", { type: "Decimal" }),
    currency: t.exposeString("currency"),
    category: t.exposeString("category"),
    imageUrl: t.exposeString("imageUrl"),
    externalId: t.exposeString("externalId"),
    source: t.exposeString("source"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const SortField = builder.enumType("ProductSortField", { values: ["NAME", "SKU", "PRICE", "CREATED_AT"] as const });
const Order = builder.inputType("ProductOrder", {
  fields: (t) => ({ field: t.field({ type: SortField, required: true }), direction: t.field({ type: SortDirection }) }),
});
const Filter = builder.inputType("ProductFilter", {
  fields: (t) => ({ search: t.string(), category: t.string(), source: t.string(), ids: t.idList() }),
});
const productFields = (t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0]) => ({
  name: t.string(),
  sku: t.string(),
  price: t.field({ type: "Decimal" }),
  currency: t.string(),
  category: t.string(),
  imageUrl: t.string(),
  externalId: t.string(),
  source: t.string({ description: "manual, shopify or woocommerce" }),
});
const CreateInput = builder.inputType("CreateProductInput", {
  fields: (t) => ({
    ...productFields(t),
    name: t.string({ required: true }),
    sku: t.string({ required: true }),
    price: t.field({ type: "Decimal", required: true }),
  }),
});
const UpdateInput = builder.inputType("UpdateProductInput", { fields: (t) => ({ ...productFields(t), id: t.id({ required: true }) }) });

const where = (f: { search?: string | null; category?: string | null; source?: string | null; ids?: readonly string[] | null } | null | undefined) => {
  const s = f?.search?.trim();
  return {
    ...(s ? { OR: [{ name: { contains: s, mode: "insensitive" as const } }, { sku: { contains: s, mode: "insensitive" as const } }] } : {}),
    ...(f?.category ? { category: f.category } : {}),
    ...(f?.source ? { source: f.source } : {}),
    ...(f?.ids?.length ? { id: { in: [...f.ids] } } : {}),
  };
};
const sortColumn = { NAME: "name", SKU: "sku", PRICE: "price", CREATED_AT: "createdAt" } as const;

builder.queryFields((t) => ({
  product: t.prismaField({
    type: "Product",
    nullable: true,
    authScopes: { read: "offers" },
    args: { id: t.arg.id(), sku: t.arg.string() },
    resolve: (query, _r, { id, sku }, ctx) =>
      id || sku ? ctx.deps.db.prisma.product.findUnique({ ...query, where: id ? { id } : { sku: sku as string } }) : null,
  }),
  products: t.prismaConnection(
    {
      type: "Product",
      cursor: "id",
      authScopes: { read: "offers" },
      args: { filter: t.arg({ type: Filter }), orderBy: t.arg({ type: Order }) },
      resolve: (query, _r, args, ctx) =>
        ctx.deps.db.prisma.product.findMany({
          ...query,
          where: where(args.filter),
          orderBy: [{ [sortColumn[args.orderBy?.field ?? "CREATED_AT"]]: dir(args.orderBy?.direction) }, { id: "asc" }],
        }),
      totalCount: (_c, args, ctx) => ctx.deps.db.prisma.product.count({ where: where(args.filter) }),
    },
    {},
  ),
}));

builder.mutationFields((t) => ({
  createProduct: t.field({
    type: ProductRef,
    authScopes: { write: "offers" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_r, { input }, ctx) => productService.create(ctx.deps, actorOf(ctx), stripNulls(input)),
  }),
  updateProduct: t.field({
    type: ProductRef,
    authScopes: { write: "offers" },
    errors: { types: [...writeErrors] },
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    resolve: (_r, { input }, ctx) => productService.update(ctx.deps, actorOf(ctx), stripNulls(input)),
  }),
  deleteProduct: t.field({
    type: ProductRef,
    authScopes: { write: "offers" },
    errors: { types: [...writeErrors] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => productService.remove(ctx.deps, actorOf(ctx), id),
  }),
}));
