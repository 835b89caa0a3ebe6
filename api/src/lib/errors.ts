// Domain errors: thrown by services, mapped once for GraphQL (typed error objects) and once for REST (status codes).

export interface FieldIssue {
  /** Input path, e.g. "slug" or "flows.0.weight". */
  path: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
}

export class ValidationError extends AppError {
  override name = "ValidationError";
  readonly code = "VALIDATION";
  readonly status = 400;
  constructor(
    readonly issues: FieldIssue[],
    message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "),
  ) {
    super(message);
  }
}

export class NotFoundError extends AppError {
  override name = "NotFoundError";
  readonly code = "NOT_FOUND";
  readonly status = 404;
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found`);
  }
}

export class ConflictError extends AppError {
  override name = "ConflictError";
  readonly code = "CONFLICT";
  readonly status = 409;
  constructor(
    message: string,
    readonly field = "",
  ) {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  override name = "ForbiddenError";
  readonly code = "FORBIDDEN";
  readonly status = 403;
  constructor(message = "you do not have permission to do this") {
    super(message);
  }
}

export class UnauthenticatedError extends AppError {
  override name = "UnauthenticatedError";
  readonly code = "UNAUTHENTICATED";
  readonly status = 401;
  constructor(message = "authentication required") {
    super(message);
  }
}

export class RateLimitedError extends AppError {
  override name = "RateLimitedError";
  readonly code = "RATE_LIMITED";
  readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSec: number,
  ) {
    super(message);
  }
}

export type UpstreamReason = "UNREACHABLE" | "TIMEOUT" | "REFUSED" | "HTTP_STATUS" | "BAD_ANSWER";

/** A third-party API (an affiliate network's or a traffic source's) failed or answered something unusable. */
export class UpstreamError extends AppError {
  override name = "UpstreamError";
  readonly code = "UPSTREAM";
  // A dependency failed, not our server: reads return it as a typed result, never a 5xx.
  readonly status = 424;
  constructor(
    /** Which integration: "Everflow", "Kadam". */
    readonly service: string,
    readonly reason: UpstreamReason,
    message: string,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
  }
}

/** Turns zod issues into field issues with dotted paths. */
export function issuesFromZod(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldIssue[] {
  return issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/**
 * A database error caused by a malformed value in the request (e.g. a non-UUID where an id is expected,
 * PostgreSQL 22P02) as a ValidationError, so GraphQL and REST answer it as bad input instead of a 500.
 */
export function inputErrorFromDb(err: unknown): ValidationError | null {
  if (!(err instanceof Error) || err.name !== "PrismaClientKnownRequestError") return null;
  const m = /invalid input syntax for type (\w+)/.exec(err.message);
  if (!m) return null;
  return new ValidationError([{ path: m[1] === "uuid" ? "id" : "", message: m[1] === "uuid" ? "must be an id (UUID)" : `is not a valid ${m[1]}` }]);
}
