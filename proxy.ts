// Runs before every page: passes the requested path on to the page, so a page that needs a
// signed-in user can send a visitor to /sign-in and back here afterwards (lib/auth/require-actor.ts).
// It also refuses server actions and form posts sent from other sites (403). No authorization
// happens here; pages and queries do that.
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path-header";
import { crossOriginRefusal } from "@/lib/http/cross-origin";

export function proxy(request: NextRequest) {
  const refused = crossOriginRefusal(request);
  if (refused) return refused;
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.(?:svg|png|jpg|ico|css|js|txt)$).*)"],
};
