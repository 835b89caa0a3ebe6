// GraphQL over HTTP (and SSE subscriptions) with Yoga. Bounded work per request before any resolver runs:
// token, alias, depth, directive and cost limits (RELIABILITY.md I6); no batching; introspection and
// "Did you mean" suggestions off in production; unexpected errors masked with a request id.
import { EnvelopArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, type FieldNode, type ValidationContext } from "graphql";
import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import { authenticate, credentialFrom } from "../auth/auth.service.js";
import type { Deps } from "../deps.js";
import { AppError, inputErrorFromDb } from "../lib/errors.js";
import type { GraphQLContext } from "./context.js";
import { schema } from "./schema.js";

export interface YogaServerContext {
  ip: string;
  requestId: string;
}

export const GRAPHQL_LIMITS = {
  maxTokens: 3_000,
  maxAliases: 30,
  maxDepth: 12,
  maxDirectives: 20,
  maxCost: 20_000,
  maxBodyBytes: 256 * 1024,
} as const;

function disableIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule((context: ValidationContext) => ({
        Field(node: FieldNode) {
          if (node.name.value === "__schema" || node.name.value === "__type") {
            context.reportError(new GraphQLError("introspection is disabled", { nodes: [node] }));
          }
        },
      }));
    },
  };
}

/** Masked errors carry the request id, so an operator can find the detail in the logs. */
function requestIdOnInternalErrors(): Plugin<{ requestId?: string }> {
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: ({ result }) => {
        const requestId = (args.contextValue as { requestId?: string }).requestId;
        if (!requestId || !("errors" in result) || !result.errors) return;
        for (const e of result.errors) {
          if (e.extensions?.code === "INTERNAL") (e.extensions as Record<string, unknown>).requestId = requestId;
        }
      },
    }),
  };
}

export function createGraphQL(deps: Deps): YogaServerInstance<YogaServerContext, GraphQLContext> {
  const armor = new EnvelopArmor({
    maxTokens: { n: GRAPHQL_LIMITS.maxTokens },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, allowList: [] },
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: !deps.config.production, flattenFragments: true },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost },
    blockFieldSuggestion: { enabled: deps.config.production },
  });
  return createYoga<YogaServerContext, Omit<GraphQLContext, keyof YogaServerContext>>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: !deps.config.production,
    batching: false,
    logging: {
      debug: (...a: unknown[]) => deps.logger.debug({ yoga: a }, "graphql"),
      info: (...a: unknown[]) => deps.logger.info({ yoga: a }, "graphql"),
      warn: (...a: unknown[]) => deps.logger.warn({ yoga: a }, "graphql"),
      error: (...a: unknown[]) => deps.logger.error({ yoga: a }, "graphql"),
    },
    plugins: [...armor.protect().plugins, ...(deps.config.introspection ? [] : [disableIntrospection()]), requestIdOnInternalErrors()],
    maskedErrors: {
      maskError(error, message) {
        const original = (error as GraphQLError).originalError;
        // Domain errors thrown outside typed results (auth failures) keep their message and code.
        if (original instanceof AppError) {
          return new GraphQLError(original.message, { extensions: { code: original.code } });
        }
        const badInput = inputErrorFromDb(original);
        if (badInput) return new GraphQLError(badInput.message, { extensions: { code: "BAD_USER_INPUT" } });
        // GraphQL's own errors (parse, validation, limits) pass through; graphql-armor's come from its CommonJS copy
        // of graphql, so they are recognised by name rather than by class.
        if ((error instanceof GraphQLError || (error instanceof Error && error.name === "GraphQLError")) && !original) return error as GraphQLError;
        // A variable that does not match its input type (an unknown field, a wrong type): graphql-js wraps the
        // coercion error, and the client must see what was wrong, as a 400.
        if (isGraphQLError(error) && isGraphQLError(original)) {
          return new GraphQLError(error.message, { extensions: { ...error.extensions, code: "BAD_USER_INPUT", http: { status: 400 } } });
        }
        deps.logger.error({ err: original ?? error }, "unexpected GraphQL error");
        return new GraphQLError(message, { extensions: { code: "INTERNAL" } });
      },
    },
    context: async ({ request, ip, requestId }) => ({
      deps,
      actor: await authenticate(
        deps,
        credentialFrom({ authorization: request.headers.get("authorization"), "x-api-key": request.headers.get("x-api-key") }),
        ip,
      ),
      userAgent: request.headers.get("user-agent") ?? "",
      ip,
      requestId,
    }),
  }) as unknown as YogaServerInstance<YogaServerContext, GraphQLContext>;
}

/** graphql-js errors, whichever copy of graphql made them (ESM, or a dependency's CommonJS copy). */
function isGraphQLError(e: unknown): e is GraphQLError {
  return e instanceof GraphQLError || (e instanceof Error && e.name === "GraphQLError");
}
