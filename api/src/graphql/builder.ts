// The one Pothos builder. Scope-auth first so nothing resolves before authorization; errors turn domain errors
// into typed results; the Prisma plugin plans relation loading from the selection set (no N+1).
import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { can, type Section } from "../auth/permissions.js";
import type PrismaTypes from "../generated/pothos-types.js";
import { getDatamodel } from "../generated/pothos-types.js";
import { ForbiddenError, UnauthenticatedError } from "../lib/errors.js";
import type { GraphQLContext } from "./context.js";

export interface AuthScopes {
  /** Any signed-in operator or API key. */
  authenticated: boolean;
  /** Read access to a section of the spec's permission grid. */
  read: Section;
  /** Write access to a section. */
  write: Section;
  /** Signed in as a user (not an API key): own sessions, profile. */
  user: boolean;
}

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  AuthScopes: AuthScopes;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Decimal: { Input: string; Output: string | { toString(): string } };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string };
  };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin, DataloaderPlugin, ComplexityPlugin],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      authenticated: ctx.actor !== null,
      user: ctx.actor?.type === "USER",
      read: (section) => can(ctx.actor?.permissions, section, "read"),
      write: (section) => can(ctx.actor?.permissions, section, "write"),
    }),
    unauthorizedError: (_parent, ctx) => (ctx.actor ? new ForbiddenError() : new UnauthenticatedError()),
  },
  errors: { defaultTypes: [] },
  prisma: {
    client: (ctx) => ctx.deps.db.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    exposeDescriptions: false,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    // Bounded work per request (RELIABILITY.md I6): checked before any resolver runs.
    limit: { complexity: 20_000, depth: 12, breadth: 300 },
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
