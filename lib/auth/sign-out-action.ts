"use server";
// Signing out: the server-side session ends (sessions.ts), so a copy of the cookie is worthless,
// and the browser forgets the cookie. A server action does it without next-auth's client library
// on every page, and Next.js only runs it for a POST from this site's own pages (its CSRF check).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { getActor } from "./actor";
import { endSession } from "./sessions";

/** next-auth's session cookie: `__Secure-` over HTTPS, split into `.0`, `.1`… when large. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

export async function signOut() {
  const actor = await getActor();
  if (actor?.sessionId) await endSession({ db, sessionId: actor.sessionId });
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (!SESSION_COOKIE.test(name)) continue;
    // A __Secure- cookie can only be replaced by a Secure one, so it is expired with the same attributes.
    jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
  redirect("/");
}
