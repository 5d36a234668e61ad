// POST /api/v1/surveys/{slug}/responses answered by the app server itself, beside Next.js
// (scripts/serve.ts, docs/decisions/029-submissions-beside-next.md): the same receiveSubmission
// as the route handler, the same failure answers and the same headers, without Next's request
// handling, which cost more than the submission's own work.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { db } from "@/lib/db/client";
import type { JsonAnswer } from "@/lib/http/api-response";
import { failureAnswer } from "@/lib/http/api-route";
import { ClientGone, readBodyUpTo, sendJsonAnswer } from "@/lib/http/node-bridge";
import { MAX_SUBMISSION_BYTES } from "./submission-schema";
import { receiveSubmission, submissionRateLimit } from "./submission-http";

const SUBMISSION_PATH = /^\/api\/v1\/surveys\/([^/?#]+)\/responses(?:\?.*)?$/;

/** The survey slug of a submission request, or null for any other request (Next.js answers those). */
export function submissionSlugOf(req: Pick<IncomingMessage, "method" | "url">): string | null {
  if (req.method !== "POST") return null;
  const match = SUBMISSION_PATH.exec(req.url ?? "");
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

export async function answerSubmission(req: IncomingMessage, res: ServerResponse, slug: string): Promise<void> {
  let body: string | null;
  try {
    body = await readBodyUpTo(req, MAX_SUBMISSION_BYTES);
  } catch (error) {
    if (error instanceof ClientGone) return;
    throw error;
  }
  let answer: JsonAnswer;
  try {
    answer = await receiveSubmission({ db, body, slug, rateLimit: submissionRateLimit(req.headers) });
  } catch (error) {
    answer = failureAnswer(error);
  }
  sendJsonAnswer(req, res, answer, body !== null);
}
