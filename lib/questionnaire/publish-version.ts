// Publishing freezes a questionnaire's draft into the next immutable version.
import type { Db } from "@/lib/db/create-client";
import { QuestionnaireDefinitionSchema } from "./definition-schema";

export class DraftInvalidError extends Error {
  constructor(readonly issues: { path: PropertyKey[]; message: string }[]) {
    super("The draft does not pass validation");
  }
}

/** Returns the new version, or null when no questionnaire of the actor's organization has that id. */
export async function publishVersion(opts: {
  db: Db;
  actor: { organizationId: string; userId: string | null };
  questionnaireId: string;
}) {
  const { db, actor, questionnaireId } = opts;
  return db.$transaction(async (tx) => {
    // Row lock: two concurrent publishes must not both take the same version number.
    const locked = await tx.$queryRaw<{ draft: unknown }[]>`
      SELECT draft FROM questionnaire
      WHERE id = ${questionnaireId}::uuid AND organization_id = ${actor.organizationId}::uuid
      FOR UPDATE`;
    if (locked.length === 0) return null;
    const parsed = QuestionnaireDefinitionSchema.safeParse(locked[0].draft);
    if (!parsed.success) throw new DraftInvalidError(parsed.error.issues);
    const last = await tx.questionnaireVersion.aggregate({ where: { questionnaireId }, _max: { number: true } });
    return tx.questionnaireVersion.create({
      data: {
        questionnaireId,
        number: (last._max.number ?? 0) + 1,
        definition: parsed.data,
        publishedById: actor.userId,
      },
    });
  });
}
