// Publishing on behalf of a signed-in researcher or API token: finds the questionnaire among
// the organizations where the actor is a researcher, then freezes its draft (publish-version.ts).
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { recordEvent } from "@/lib/audit/record-event";
import { publishVersion } from "./publish-version";
import { isUuid } from "@/lib/db/uuid";

/** The new version, or null when the actor may not publish a questionnaire with that id. */
export async function publishQuestionnaire(opts: { db: Db; actor: Actor; id: string }) {
  if (!isUuid(opts.id)) return null;
  const found = await opts.db.questionnaire.findFirst({
    where: { id: opts.id, organizationId: { in: organizationsWhere(opts.actor, "researcher") } },
    select: { organizationId: true },
  });
  if (!found) return null;
  return publishVersion({
    db: opts.db,
    actor: { organizationId: found.organizationId, userId: opts.actor.userId },
    questionnaireId: opts.id,
    onPublished: (tx, version) =>
      recordEvent({
        db: tx,
        organizationId: found.organizationId,
        actorId: opts.actor.userId,
        action: "questionnaire.published",
        targetType: "questionnaire",
        targetId: opts.id,
        data: { version: version.number },
      }),
  });
}
