import { UnauthenticatedError } from "../lib/errors.js";
import type { Actor } from "../auth/actor.js";
import type { Deps } from "../deps.js";

export interface GraphQLContext {
  deps: Deps;
  /** Null for anonymous requests; only `login` and `health` are open to them. */
  actor: Actor | null;
  requestId: string;
  /** Client address (trusted-proxy aware) and user agent, for login rate limits, sessions and audit. */
  ip: string;
  userAgent: string;
}

/** The signed-in actor; resolvers behind auth scopes always have one. */
export function actorOf(ctx: GraphQLContext): Actor {
  if (!ctx.actor) throw new UnauthenticatedError();
  return ctx.actor;
}
