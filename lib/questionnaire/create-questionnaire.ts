// Creates a questionnaire (its draft) from a definition: an import, a template or a blank start.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/db/generated/client";
import { recordEvent } from "@/lib/audit/record-event";
import type { DraftDefinition } from "./draft-edits";
import { addFactorsToLibrary } from "./factor-library-sync";
import { QuestionnaireCodeTakenError } from "./questionnaire-errors";

export type CreatedQuestionnaire = { id: string; code: string };

/**
 * `organizationId` must come from targetOrganization() (which checked the actor's role).
 * Throws QuestionnaireCodeTakenError when the organization already uses the code.
 */
export async function createQuestionnaire(opts: {
  db: Db;
  organizationId: string;
  actorId: string | null;
  /** A parsed definition, or a blank draft still to be filled in. */
  definition: DraftDefinition;
  source: "import" | "template" | "blank";
}): Promise<CreatedQuestionnaire> {
  const { db, organizationId, definition } = opts;
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.questionnaire.create({
        data: { organizationId, code: definition.code, draft: definition as Prisma.InputJsonValue },
        select: { id: true, code: true },
      });
      await addFactorsToLibrary({ tx, organizationId, factors: definition.factors ?? [] });
      await recordEvent({
        db: tx,
        organizationId,
        actorId: opts.actorId,
        action: "questionnaire.imported",
        targetType: "questionnaire",
        targetId: created.id,
        data: { code: created.code, source: opts.source },
      });
      return created;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw new QuestionnaireCodeTakenError(definition.code);
    throw e;
  }
}
