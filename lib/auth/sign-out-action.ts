"use server";
// Signing out. Sessions are signed cookies (JWT strategy, auth-options.ts), so signing out is the
// browser forgetting that cookie. A server action does it without next-auth's client library on
// every page, and Next.js only runs it for a POST from this site's own pages (its CSRF check).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

/** next-auth's session cookie: `__Secure-` over HTTPS, split into `.0`, `.1`… when large. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

export async function signOut() {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (!SESSION_COOKIE.test(name)) continue;
    // A __Secure- cookie can only be replaced by a Secure one, so it is expired with the same attributes.
    jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
  redirect("/");
}
