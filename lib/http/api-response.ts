// JSON answers of the HTTP API: every non-2xx carries an `error` code and a human message
// (DESIGN.md §5), never a stack trace.
import { z } from "zod";
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextPath } from "@/lib/text/storable-text";

export type ApiIssue = { path: (string | number)[]; message: string };

/** Answers shorter than this are sent as they are: a gzip stream per answer costs more than it saves. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * A JSON body. Next.js gzips every answer of unknown length (it drops Content-Length), so short
 * ones say `no-transform`, which its compression skips: a compression stream per submission's
 * answer cost a twelfth of the submission's CPU (BENCHMARKS.md).
 */
export function json(body: unknown, init?: ResponseInit): Response {
  const text = JSON.stringify(body);
  const headers = new Headers(init?.headers);
  headers.set("Content-Type", "application/json");
  if (text.length < COMPRESS_FROM_BYTES && new TextEncoder().encode(text).byteLength < COMPRESS_FROM_BYTES) {
    const cacheControl = headers.get("Cache-Control");
    headers.set("Cache-Control", cacheControl ? `${cacheControl}, no-transform` : "no-transform");
  }
  return new Response(text, { ...init, headers });
}

/**
 * A JSON answer before it is a Response. The submission endpoint builds these: the app server
 * writes them to the socket as they are (lib/http/node-bridge.ts), Next's route handler turns them
 * into a Response (toResponse).
 */
export type JsonAnswer = { status: number; body: unknown; headers?: Record<string, string> };

export const toResponse = (a: JsonAnswer): Response => json(a.body, { status: a.status, headers: a.headers });

export function errorAnswer(
  status: number,
  error: string,
  message: string,
  extra?: Record<string, unknown>,
): JsonAnswer {
  return { status, body: { error, message, ...extra } };
}

export function apiError(status: number, error: string, message: string, extra?: Record<string, unknown>) {
  return toResponse(errorAnswer(status, error, message, extra));
}

export const notFound = (message = "Not found.") => apiError(404, "not_found", message);
export const unauthorized = () =>
  apiError(401, "unauthorized", "Sign in or send an API token (Authorization: Bearer …).");

export const validationFailedAnswer = (issues: ApiIssue[], message = "The request is not valid.") =>
  errorAnswer(422, "validation_failed", message, { issues });

export const validationFailed = (issues: ApiIssue[], message?: string) =>
  toResponse(validationFailedAnswer(issues, message));

/**
 * The issues of a failed parse. Schemas shared with forms carry message keys ("dateInvalid"):
 * `texts` maps them to the words the form would show.
 */
export function issuesOf(error: z.ZodError, texts: Record<string, string> = {}): ApiIssue[] {
  return error.issues.flatMap((i) => {
    const path = i.path.map((p) => (typeof p === "number" ? p : String(p)));
    // An unknown field is reported at its own path, so a client sees which one to drop.
    if (i.code === "unrecognized_keys")
      return i.keys.map((key) => ({ path: [...path, key], message: `"${key}" is not a field of this body` }));
    return [{ path, message: Object.hasOwn(texts, i.message) ? texts[i.message] : i.message }];
  });
}

/** A JSON answer encoded through its documented schema (lib/openapi/api-routes.ts): extra fields are dropped. */
export function answer<S extends z.ZodType>(schema: S, data: z.output<S>, init?: ResponseInit): Response {
  return json(z.encode(schema, data), init);
}

export const forbidden = (message: string) => apiError(403, "forbidden", message);

const tooLargeAnswer = (maxBytes: number) =>
  errorAnswer(413, "payload_too_large", `The body is larger than ${maxBytes} bytes.`);

export const tooLarge = (maxBytes: number) => toResponse(tooLargeAnswer(maxBytes));

/**
 * The body's bytes, or null once they pass `maxBytes`: reading stops there and the rest is
 * cancelled, so a huge (or chunked, length-less) body never sits in memory.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer | null> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) return null;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The body as text, or null once it passes `maxBytes` (see readBodyBytes). */
export async function readBodyText(request: Request, maxBytes: number): Promise<string | null> {
  return (await readBodyBytes(request, maxBytes))?.toString("utf8") ?? null;
}

/**
 * Reads a JSON body of at most `maxBytes` and parses it with `schema`. Returns the data, or the
 * Response to send (413 too large, 400 not JSON, 422 with the schema's issues, message keys of
 * form schemas worded by `texts`).
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes: number,
  texts?: Record<string, string>,
): Promise<{ data: z.infer<S> } | { response: Response }> {
  const parsed = parseJsonBody(await readBodyText(request, maxBytes), schema, maxBytes, texts);
  return "answer" in parsed ? { response: toResponse(parsed.answer) } : parsed;
}

/** readJsonBody's checks of a body already read (`text` null: larger than `maxBytes`). */
export function parseJsonBody<S extends z.ZodType>(
  text: string | null,
  schema: S,
  maxBytes: number,
  texts?: Record<string, string>,
): { data: z.infer<S> } | { answer: JsonAnswer } {
  if (text === null) return { answer: tooLargeAnswer(maxBytes) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { answer: errorAnswer(400, "invalid_json", "The body is not valid JSON.") };
  }
  const unstorable = unstorableTextPath(value);
  if (unstorable) return { answer: validationFailedAnswer([{ path: unstorable, message: UNSTORABLE_TEXT_MESSAGE }]) };
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { answer: validationFailedAnswer(issuesOf(parsed.error, texts)) };
  return { data: parsed.data };
}

/**
 * Parses the query parameters `schema` names (others, such as breakdown filters, are left to the
 * caller). Returns the data, or the 422 to send.
 */
export function readQuery<S extends z.ZodObject>(
  params: URLSearchParams,
  schema: S,
  texts?: Record<string, string>,
): { data: z.infer<S> } | { response: Response } {
  const given = Object.fromEntries(
    Object.keys(schema.shape).flatMap((k) => (params.has(k) ? [[k, params.get(k)]] : [])),
  );
  const parsed = schema.safeParse(given);
  if (!parsed.success) return { response: validationFailed(issuesOf(parsed.error, texts), "The query is not valid.") };
  return { data: parsed.data };
}

/** Path parameters checked by their schema: a malformed id is simply not found. */
export function readParams<S extends z.ZodObject>(params: Record<string, string>, schema: S): z.infer<S> | null {
  const parsed = schema.safeParse(params);
  return parsed.success ? parsed.data : null;
}
