// One place that turns urql's CombinedError (and the API's typed error unions) into words a person can read.
import type { CombinedError } from "@urql/core";

export function readableError(error: CombinedError | null | undefined): string | null {
  if (!error) return null;
  if (error.networkError) return "Cannot reach the Trackily API. Check your connection and try again.";
  const first = error.graphQLErrors[0];
  if (!first) return error.message;
  const code = first.extensions?.code;
  if (code === "UNAUTHENTICATED") return "Your session has ended. Sign in again.";
  if (code === "FORBIDDEN" || /not authorized|forbidden/i.test(first.message)) return "You do not have permission to see this.";
  return first.message;
}

/** The error members of mutation result unions (api/src/graphql/errors.ts). */
export interface TypedError {
  __typename: string;
  message?: string;
  fields?: Array<{ path: string; message: string }>;
  field?: string;
  retryAfterSec?: number;
}

export interface MutationOutcome<T> {
  data: T | null;
  /** A message for the form as a whole. */
  message: string | null;
  /** Messages by input field path ("slug", "landings.0.weight"). */
  fieldErrors: Record<string, string>;
}

/** Splits a `{ __typename: "...Success", data } | ValidationError | ...` union result into data or errors. */
export function outcome<T>(result: { data?: unknown; error?: CombinedError | undefined }, pick: (d: never) => unknown): MutationOutcome<T> {
  if (result.error) return { data: null, message: readableError(result.error), fieldErrors: {} };
  const r = result.data ? (pick(result.data as never) as (TypedError & { data?: T }) | null | undefined) : null;
  if (!r) return { data: null, message: "The API returned nothing.", fieldErrors: {} };
  if (r.__typename.endsWith("Success")) return { data: (r.data ?? null) as T | null, message: null, fieldErrors: {} };
  const fieldErrors: Record<string, string> = {};
  for (const f of r.fields ?? []) fieldErrors[f.path] = f.message;
  if (r.field && r.message) fieldErrors[r.field] = r.message;
  const message = Object.keys(fieldErrors).length ? "Some fields need attention." : (r.message ?? r.__typename);
  return { data: null, message, fieldErrors };
}

type SuccessData<R> = R extends { __typename: `${string}Success`; data: infer D } ? D : never;

/**
 * A query field's typed union result (`{ __typename: "...Success", data } | UpstreamError | ...`): the success data,
 * or the message to show in its place (both null while the query loads).
 */
export function queryResult<R extends { __typename: string }>(
  error: CombinedError | undefined,
  result: R | null | undefined,
): { data: SuccessData<R> | null; failure: string | null } {
  if (!error && result == null) return { data: null, failure: null };
  const o = outcome<SuccessData<R>>({ data: { result }, error }, (d: { result: R }) => d.result);
  return { data: o.data, failure: o.data ? null : formMessage(o, new Set()) };
}

/**
 * The form-level message when some of the API's field errors have no field on screen to show them (a path the
 * form does not render): those errors spelled out, so "Some fields need attention" never points at nothing.
 * `shown` holds the keys the form renders errors for; an error matches its key or a path under it ("offers.0").
 */
export function formMessage(o: Pick<MutationOutcome<unknown>, "message" | "fieldErrors">, shown: ReadonlySet<string>): string | null {
  const placed = (path: string) => [...shown].some((k) => path === k || path.startsWith(`${k}.`));
  const unplaced = Object.entries(o.fieldErrors).filter(([path]) => !placed(path));
  if (!unplaced.length) return o.message;
  return unplaced.map(([path, m]) => (path ? `${path}: ${m}` : m)).join("; ");
}

/** An `err(key)` for templates that also records which keys the form shows (for formMessage). */
export function fieldErrorLookup(errors: { value: Record<string, string> }) {
  const shown = new Set<string>();
  const err = (k: string): string | null => {
    shown.add(k);
    return errors.value[k] ?? Object.entries(errors.value).find(([p]) => p.startsWith(`${k}.`))?.[1] ?? null;
  };
  return { err, shown };
}
