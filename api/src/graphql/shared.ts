// Enums and inputs shared across domain schemas.
import { builder } from "./builder.js";

export const SortDirection = builder.enumType("SortDirection", { values: ["ASC", "DESC"] as const });
export const EntityStatus = builder.enumType("EntityStatus", { values: ["ACTIVE", "PAUSED", "ARCHIVED"] as const });

/** Filters every operator-managed list accepts. */
export const ListFilter = builder.inputType("ListFilter", {
  fields: (t) => ({
    search: t.string({ description: "Case-insensitive match on the name (and slug, hostname or SKU where the type has one)." }),
    status: t.field({ type: EntityStatus }),
    ids: t.idList(),
  }),
});

export const dir = (d: "ASC" | "DESC" | null | undefined): "asc" | "desc" => (d === "ASC" ? "asc" : "desc");

/** Prisma `where` for a ListFilter over the given text columns. */
export function listWhere(
  filter: { search?: string | null; status?: string | null; ids?: readonly string[] | null } | null | undefined,
  textColumns: readonly string[],
) {
  const and: Record<string, unknown>[] = [];
  const search = filter?.search?.trim();
  if (search) and.push({ OR: textColumns.map((c) => ({ [c]: { contains: search, mode: "insensitive" } })) });
  if (filter?.status) and.push({ status: filter.status });
  if (filter?.ids?.length) and.push({ id: { in: [...filter.ids] } });
  return and.length ? { AND: and } : {};
}

/** GraphQL passes omitted optional fields as undefined but explicit nulls as null; updates treat both as "keep". */
export function stripNulls<T extends object>(input: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null)) as { [K in keyof T]: Exclude<T[K], null> };
}
