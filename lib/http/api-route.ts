// Wraps every HTTP API handler so that no failure leaves as an empty or HTML 500: a database
// that is down, restarting or stalled answers 503 with Retry-After; anything else is logged and
// answers a JSON 500 without details (DESIGN.md §5).
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { apiError, errorAnswer, toResponse, type JsonAnswer } from "./api-response";

/** Seconds a client should wait before retrying while the database is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

const unavailableAnswer = (): JsonAnswer => ({
  ...errorAnswer(
    503,
    "unavailable",
    `The service cannot reach its database right now; nothing was changed. Try again in ${UNAVAILABLE_RETRY_AFTER_SECONDS} seconds.`,
  ),
  headers: { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
});

export const unavailable = (): Response => toResponse(unavailableAnswer());

/** The answer to a handler's failure: 503 while the database is unavailable, else a logged 500. */
export function failureAnswer(error: unknown): JsonAnswer {
  if (isDatabaseUnavailable(error)) return unavailableAnswer();
  console.error(error);
  return errorAnswer(500, "internal_error", "Something went wrong on the server; the error was logged.");
}

export function failureResponse(error: unknown): Response {
  // Next's own control flow (dynamic rendering bail-outs, redirect(), notFound()) passes through.
  unstable_rethrow(error);
  return toResponse(failureAnswer(error));
}

export function apiRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return failureResponse(error);
    }
  };
}

/** Handlers for the methods a route does not take: 405 in JSON, with Allow. */
export function methodsNotAllowed(...allowed: string[]) {
  const handler = async () => {
    const response = apiError(405, "method_not_allowed", `This address takes ${allowed.join(", ")} only.`);
    response.headers.set("Allow", allowed.join(", "));
    return response;
  };
  return { GET: handler, POST: handler, PUT: handler, PATCH: handler, DELETE: handler };
}
