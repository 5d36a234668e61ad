// Who is asking: a signed-in user (session cookie) or an API token (Authorization: Bearer).
// Every route calls getActor() and passes the actor into lib/ functions, which filter their
// queries by the actor's organizations.
import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { authOptions } from "./auth-options";
import { hashApiToken } from "./api-token";
import type { Actor } from "./organizations-where";

export { organizationsWhere, type Actor, type Membership } from "./organizations-where";

async function actorFromToken(token: string): Promise<Actor | null> {
  const found = await db.apiToken.findFirst({
    where: { tokenHash: hashApiToken(token), revokedAt: null },
    select: { id: true, userId: true, organizationId: true, user: { select: { memberships: true } } },
  });
  if (!found) return null;
  await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  // A token acts only within the organization it was made for, with its owner's current role there.
  const memberships = found.user.memberships
    .filter((m) => m.organizationId === found.organizationId)
    .map((m) => ({ organizationId: m.organizationId, role: m.role }));
  return { userId: found.userId, via: "token", memberships };
}

/**
 * The caller, or null when anonymous (or presenting a revoked or unknown token). Memoized per
 * server render, so a page and its metadata look the caller up once. API routes pass their
 * request: a bearer token is then read from it directly, so a scripted call needs nothing of
 * Next's request scope (and the integration tests call route handlers as plain functions).
 */
export const getActor = cache(async (request?: Request): Promise<Actor | null> => {
  const authorization = (request?.headers ?? (await headers())).get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) return actorFromToken(authorization.slice(7).trim());
  // Without a cookie there is no session to look up.
  if (request && !request.headers.has("cookie")) return null;
  const session = await getServerSession(authOptions);
  const { userId, sessionId } = (session ?? {}) as { userId?: string; sessionId?: string };
  if (!userId) return null;
  const memberships = await db.membership.findMany({ where: { userId }, select: { organizationId: true, role: true } });
  return { userId, via: "session", sessionId, memberships };
});
