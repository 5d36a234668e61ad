// next-auth configuration: e-mail and password, sessions in a signed cookie (JWT) that names a
// server-side session row (sessions.ts), so sessions can be ended; memberships are read from the
// database on every request (lib/auth/actor.ts), so a removed member loses access at once.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress } from "@/lib/http/client-address";
import { db } from "@/lib/db/client";
import { authenticate } from "./authenticate";
import { SESSION_ABSOLUTE_SECONDS, startSession, sessionIsLive } from "./sessions";
import { throttledErrorMessage } from "./sign-in-errors";

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const ip = clientAddress(req?.headers ?? {});
        const result = await authenticate({
          email: credentials?.email ?? "",
          password: credentials?.password ?? "",
          ip,
        });
        if (result.status === "throttled") throw new Error(throttledErrorMessage(result.retryAfterSeconds));
        return result.status === "ok" ? result.user : null;
      },
    }),
  ],
  callbacks: {
    // Only addresses on this site, whatever callbackUrl says: "http://host.evil.example/" shares a
    // prefix with the site's own address but is another site. href percent-encodes non-ASCII text,
    // which a Location header cannot carry.
    redirect({ url, baseUrl }) {
      try {
        const target = new URL(url, baseUrl);
        return target.origin === new URL(baseUrl).origin ? target.href : baseUrl;
      } catch {
        return baseUrl;
      }
    },
    // The cookie names a server-side session (sessions.ts); one that was ended, or outlived its
    // absolute or idle lifetime, reads as signed out however long the cookie itself would last.
    async jwt({ token, user }) {
      if (user) return { ...token, uid: user.id, sid: await startSession({ db, userId: user.id }) };
      const live =
        typeof token.uid === "string" &&
        typeof token.sid === "string" &&
        (await sessionIsLive({ db, sessionId: token.sid, userId: token.uid }));
      return live ? token : {};
    },
    session({ session, token }) {
      if (typeof token.uid !== "string") return { expires: session.expires };
      return { ...session, userId: token.uid, sessionId: typeof token.sid === "string" ? token.sid : undefined };
    },
  },
};
