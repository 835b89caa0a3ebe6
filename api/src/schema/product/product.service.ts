import { z } from "zod";
import type { Product } from "../../generated/prisma/client.js";
import { crud } from "../shared/crud.js";
import { currency, decimal, name, optionalUrl, uuid } from "../shared/inputs.js";

const fields = {
  name,
  sku: z
    .string()
    .trim()
    .min(1, "is required")
    .max(128, "must be at most 128 characters")
    .regex(/^[^\s]+$/, "must not contain spaces"),
  price: decimal(4),
  currency,
  category: z.string().trim().max(200),
  imageUrl: optionalUrl,
  externalId: z.string().trim().max(128),
  source: z.enum(["manual", "shopify", "woocommerce"]),
};

export const createProductInput = z.object(fields).partial().required({ name: true, sku: true, price: true });
export const updateProductInput = z
  .object({ id: uuid, ...fields })
  .partial()
  .required({ id: true });

export const productService = crud<Product, typeof createProductInput, typeof updateProductInput>({
  entity: "Product",
  action: "product",
  configChanged: false,
  delegate: (tx) => tx.product as never,
  create: createProductInput,
  update: updateProductInput,
});
