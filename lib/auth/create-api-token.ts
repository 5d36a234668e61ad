// A personal API token for one organization: the secret is returned once and only its hash is
// kept. The token acts with its owner's role in that organization at the time of each request.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { recordEvent } from "@/lib/audit/record-event";
import { newApiToken } from "./api-token";

/** Null when the user is not a member of the organization. */
export async function createApiToken(options: { db: Db; userId: string; organizationId: string; name: string }) {
  const { db, userId, organizationId, name } = options;
  const membership = await db.membership.findFirst({ where: { userId, organizationId }, select: { id: true } });
  if (!membership) return null;
  const { token, tokenHash } = newApiToken();
  return db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { userId, organizationId, name, tokenHash } });
    await recordEvent({
      db: tx,
      organizationId,
      actorId: userId,
      action: "token.created",
      targetType: "api_token",
      targetId: created.id,
      data: { name },
    });
    return { token, apiToken: { id: created.id, name: created.name, createdAt: created.createdAt } };
  });
}
