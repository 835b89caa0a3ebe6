// One small interface for raw, parameterised SQL over either driver, used by the click engine's group commit
// and by reports. Queries are built with Prisma's tagged template (`Prisma.sql`), never by concatenation.
import type { Sql as SqlFragment } from "@prisma/client/runtime/client";

export type { SqlFragment };

export interface SqlExecutor {
  /** Rows of a parameterised query. numeric and bigint columns come back as strings on both drivers. */
  query<T = Record<string, unknown>>(fragment: SqlFragment): Promise<T[]>;
  /** Rows affected by a parameterised statement. */
  execute(fragment: SqlFragment): Promise<number>;
  /** Runs `fn` in one transaction on one connection. */
  transaction<R>(fn: (tx: SqlExecutor) => Promise<R>): Promise<R>;
}
