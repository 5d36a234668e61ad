// Saves the designer's draft. Unfinished drafts are kept (shape-checked only); the code stays the
// questionnaire's, since surveys, exports and the organization's uniqueness rule rely on it.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import type { DraftDefinition } from "./draft-edits";
import { DraftConflictError } from "./questionnaire-errors";

/**
 * Returns the new updatedAt, or null when the actor may not edit a questionnaire with that id.
 * `expectedUpdatedAt` is when the editor loaded the draft: a save over someone else's newer
 * save throws DraftConflictError rather than silently discarding their work.
 */
export async function saveDraft(opts: {
  db: Db;
  actor: Actor;
  id: string;
  draft: DraftDefinition;
  expectedUpdatedAt: Date;
}): Promise<Date | null> {
  const where = { id: opts.id, organizationId: { in: organizationsWhere(opts.actor, "researcher") } };
  const current = await opts.db.questionnaire.findFirst({ where, select: { code: true } });
  if (!current) return null;
  const updated = await opts.db.questionnaire.updateMany({
    where: { ...where, updatedAt: opts.expectedUpdatedAt },
    data: { draft: { ...opts.draft, code: current.code } as Prisma.InputJsonValue },
  });
  if (updated.count === 0) throw new DraftConflictError();
  const after = await opts.db.questionnaire.findFirstOrThrow({ where, select: { updatedAt: true } });
  return after.updatedAt;
}
