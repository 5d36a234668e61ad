// Server actions and form posts must come from the site's own pages. Next.js refuses a
// cross-origin server action by throwing (an empty 500); the proxy answers 403 before that.
import { apiError } from "./api-response";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** 403 for a state-changing request whose Origin is another site (or "null"), else null. */
export function crossOriginRefusal(request: Request): Response | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" (a sandboxed frame or a privacy-sensitive context) names no site at all.
  }
  if (originHost && originHost === host) return null;
  return apiError(
    403,
    "cross_origin",
    "This request comes from another site; it is accepted from this site's pages only.",
  );
}
