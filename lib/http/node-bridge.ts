// Between node:http and lib/ for the one endpoint the app server answers itself (scripts/serve.ts,
// docs/decisions/029-submissions-beside-next.md): the body read up to its limit, and a JSON answer
// written with its headers. Written here because Next's own bridge is internal to it, and Web
// Request and Response objects around every submission cost more than the rest of its handling.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { JsonAnswer } from "./api-response";
import { apiAnswerHeaders } from "./static-headers.mjs";

/**
 * The request's body as text, or null when it is larger than `maxBytes` (by its Content-Length or
 * as read): reading then stops, and the connection closes after the answer, since the rest of the
 * body is never read. Rejects with ClientGone when the client goes away mid-body.
 */
export function readBodyUpTo(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  if (Number(req.headers["content-length"] ?? "0") > maxBytes) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (text: string | null) => {
      req.off("data", onData).off("end", onEnd).off("error", onClose).off("close", onClose);
      resolve(text);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > maxBytes) {
        req.pause();
        settle(null);
      }
    };
    const onEnd = () => settle(Buffer.concat(chunks).toString("utf8"));
    const onClose = () => reject(new ClientGone());
    // The request stream fails only when its connection does ("aborted"): nobody is left to answer.
    req.on("data", onData).once("end", onEnd).once("error", onClose).once("close", onClose);
  });
}

/** The client closed its connection before its request was whole: there is nobody to answer. */
export class ClientGone extends Error {
  constructor() {
    super("The client closed the connection before sending its whole request.");
  }
}

/**
 * Writes `answer` as JSON with the headers every API answer carries (lib/http/static-headers.mjs),
 * closing the connection after it when the request's body was not read to its end.
 */
export function sendJsonAnswer(req: IncomingMessage, res: ServerResponse, answer: JsonAnswer, bodyRead: boolean) {
  const text = JSON.stringify(answer.body);
  const headers: Record<string, string> = {};
  for (const { key, value } of apiAnswerHeaders(String(req.headers["x-forwarded-proto"] ?? ""))) headers[key] = value;
  Object.assign(headers, answer.headers, {
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(text)),
  });
  if (!bodyRead) headers.Connection = "close";
  res.writeHead(answer.status, headers);
  res.end(text);
}
