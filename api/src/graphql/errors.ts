// Typed error objects for mutation results (`... on Error { message }`), one per domain error class.
import { ConflictError, NotFoundError, RateLimitedError, UnauthenticatedError, UpstreamError, ValidationError } from "../lib/errors.js";
import { builder } from "./builder.js";

export const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
  fields: (t) => ({ message: t.exposeString("message") }),
});

const FieldIssueRef = builder.objectRef<{ path: string; message: string }>("FieldIssue").implement({
  description: 'One invalid input field: its path (e.g. "slug" or "landings.0.weight") and the rule it broke.',
  fields: (t) => ({ path: t.exposeString("path"), message: t.exposeString("message") }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ fields: t.field({ type: [FieldIssueRef], resolve: (e) => e.issues }) }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ entity: t.exposeString("entity"), id: t.exposeString("id") }),
});

builder.objectType(ConflictError, {
  name: "ConflictError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.exposeString("field") }),
});

builder.objectType(RateLimitedError, {
  name: "RateLimitedError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSec: t.exposeInt("retryAfterSec") }),
});

builder.objectType(UnauthenticatedError, {
  name: "UnauthenticatedError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ code: t.exposeString("code") }),
});

const UpstreamReasonRef = builder.enumType("UpstreamReason", {
  description: "Why a third-party API call failed: not reachable, too slow, the key refused, another HTTP status, or an answer we cannot read.",
  values: ["UNREACHABLE", "TIMEOUT", "REFUSED", "HTTP_STATUS", "BAD_ANSWER"] as const,
});

builder.objectType(UpstreamError, {
  name: "UpstreamError",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    service: t.exposeString("service"),
    reason: t.field({ type: UpstreamReasonRef, resolve: (e) => e.reason }),
    httpStatus: t.exposeInt("httpStatus", { nullable: true }),
  }),
});

/** The error types every write can return. */
export const writeErrors = [ValidationError, NotFoundError, ConflictError] as const;
