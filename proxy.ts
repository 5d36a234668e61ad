// Runs before every page: passes the requested path on to the page, so a page that needs a
// signed-in user can send a visitor to /sign-in and back here afterwards (lib/auth/require-actor.ts);
// sets the security headers with a fresh script nonce (lib/http/security-headers.ts); and refuses
// server actions and form posts sent from other sites (403). No authorization happens here; pages
// and queries do that.
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path-header";
import { crossOriginRefusal } from "@/lib/http/cross-origin";
import { embeddableSurveyPage, securityHeaders } from "@/lib/http/security-headers";
import { surveyEmbedOrigins } from "@/lib/surveys/embed-origins";

export async function proxy(request: NextRequest) {
  const refused = crossOriginRefusal(request);
  if (refused) return refused;
  // Client-side navigations and live refreshes fetch RSC payloads, which no site can frame: only
  // documents need the survey's embedding list (a database read the refresh need not wait for).
  const embeddable = request.headers.get("rsc") === "1" ? null : embeddableSurveyPage(request.nextUrl.pathname);
  const headers = securityHeaders({
    nonce: btoa(crypto.randomUUID()),
    // A database that does not answer must not take the page down with it: framing is then refused.
    frameAncestors: embeddable ? await surveyEmbedOrigins(embeddable).catch(() => []) : [],
    development: process.env.NODE_ENV === "development",
    https: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
  });
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  // Next.js reads the nonce for its own inline scripts from the request's policy.
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.(?:svg|png|jpg|ico|css|js|txt)$).*)"],
};
