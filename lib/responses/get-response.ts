// One response of a survey the actor may read, with the version it was given against (so its
// answers are labelled as the firm saw them) and who screened it.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/actor";
import type { QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import type { Answers } from "@/lib/questionnaire/answer-values";
import { isUuid } from "@/lib/db/uuid";

export async function getResponse(opts: { db: Db; actor: Actor; slug: string; id: string }) {
  if (!isUuid(opts.id)) return null;
  const response = await opts.db.response.findFirst({
    where: {
      id: opts.id,
      survey: { slug: opts.slug, organizationId: { in: organizationsWhere(opts.actor, "viewer") } },
    },
    include: {
      collector: { select: { kind: true, name: true } },
      invitation: { select: { firmName: true, contact: true } },
    },
  });
  if (!response) return null;
  const [version, screenedBy] = await Promise.all([
    opts.db.questionnaireVersion.findUniqueOrThrow({
      where: { id: response.versionId },
      select: { number: true, definition: true },
    }),
    response.screenedById
      ? opts.db.user.findUnique({ where: { id: response.screenedById }, select: { name: true, email: true } })
      : null,
  ]);
  return {
    ...response,
    answers: response.answers as Answers,
    versionNumber: version.number,
    definition: version.definition as QuestionnaireDefinition,
    screenedBy,
  };
}
