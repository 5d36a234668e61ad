// next-auth configuration: e-mail and password, sessions in a signed cookie (JWT) so app
// servers stay stateless; memberships are read from the database on every request (lib/auth/actor.ts),
// so a removed member loses access at once.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress } from "@/lib/http/client-address";
import { authenticate } from "./authenticate";
import { throttledErrorMessage } from "./sign-in-errors";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
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
    jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: typeof token.uid === "string" ? token.uid : undefined };
    },
  },
};
