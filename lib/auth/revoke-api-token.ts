// Revoking a token refuses it at once (401). Users revoke their own tokens; owners may revoke any
// token made for their organization; the admin command (`system`) may revoke any token.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { recordEvent } from "@/lib/audit/record-event";
import { organizationsWhere, type Actor } from "./organizations-where";

/** False when no such active token is visible to the actor. */
export async function revokeApiToken(options: { db: Db; actor: Actor | "system"; tokenId: string }) {
  const { db, actor, tokenId } = options;
  const visible =
    actor === "system"
      ? {}
      : { OR: [{ userId: actor.userId }, { organizationId: { in: organizationsWhere(actor, "owner") } }] };
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, revokedAt: null, ...visible } });
    if (!token) return false;
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordEvent({
      db: tx,
      organizationId: token.organizationId,
      actorId: actor === "system" ? null : actor.userId,
      action: "token.revoked",
      targetType: "api_token",
      targetId: token.id,
      data: { name: token.name },
    });
    return true;
  });
}
