// Runs before every page: passes the requested path on to the page, so a page that needs a
// signed-in user can send a visitor to /sign-in and back here afterwards (lib/auth/require-actor.ts).
// No authorization happens here; pages and queries do that.
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path-header";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.(?:svg|png|jpg|ico|css|js|txt)$).*)"],
};
