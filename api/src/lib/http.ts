// Small helpers for node:http handlers: bounded body reading, JSON replies, domain-error mapping.
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, RateLimitedError, ValidationError } from "./errors.js";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Reads the body up to `limit` bytes; a larger body is refused with 413 before it is buffered. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw new HttpError(413, `body too large: at most ${limit} bytes are accepted`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      throw new HttpError(413, `body too large: at most ${limit} bytes are accepted`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const body = await readBody(req, limit);
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    throw new HttpError(400, "body is not valid JSON");
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(payload);
}

export function sendText(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(body), "cache-control": "no-store", ...headers });
  res.end(body);
}

/** Maps a thrown error to a reply: domain and HTTP errors keep their status and message; anything else is a 500. */
export function errorReply(err: unknown): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
  if (err instanceof HttpError) return { status: err.status, body: { error: err.message, ...(err.details ? { details: err.details } : {}) }, headers: {} };
  if (err instanceof ValidationError) return { status: 400, body: { error: err.message, code: err.code, fields: err.issues }, headers: {} };
  if (err instanceof RateLimitedError)
    return { status: 429, body: { error: err.message, code: err.code }, headers: { "retry-after": String(err.retryAfterSec) } };
  if (err instanceof AppError) return { status: err.status, body: { error: err.message, code: err.code }, headers: {} };
  return { status: 500, body: { error: "internal error" }, headers: {} };
}

export function parseQuery(url: string): URLSearchParams {
  const q = url.indexOf("?");
  return new URLSearchParams(q === -1 ? "" : url.slice(q + 1));
}
