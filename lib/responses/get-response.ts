// One response of a survey whose responses the actor may read (lib/auth/permissions.ts), with the
// version it was given against (so its answers are labelled as the firm saw them) and who screened it.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { roleFor } from "@/lib/auth/permissions";
import type { QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import type { Answers } from "@/lib/questionnaire/answer-values";
import { isUuid } from "@/lib/db/uuid";
import type { z } from "zod";
import type { ResponseDetailSchema } from "./response-api-schemas";
import { toResponseSummary } from "./list-responses";

/** `slug` narrows the search to one survey (the response pages); the API finds a response by its id alone. */
export async function getResponse(opts: { db: Db; actor: Actor; slug?: string; id: string }) {
  if (!isUuid(opts.id)) return null;
  const response = await opts.db.response.findFirst({
    where: {
      id: opts.id,
      survey: { slug: opts.slug, organizationId: { in: organizationsWhere(opts.actor, roleFor("responses.read")) } },
    },
    include: {
      survey: { select: { slug: true } },
      collector: { select: { id: true, kind: true, name: true } },
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

/** The API's answer for one response (ResponseDetailSchema). */
export function toResponseDetail(
  response: NonNullable<Awaited<ReturnType<typeof getResponse>>>,
): z.output<typeof ResponseDetailSchema> {
  return {
    ...toResponseSummary(response),
    survey: response.survey,
    versionNumber: response.versionNumber,
    revision: response.revision,
    invitationContact: response.invitation?.contact ?? null,
    screenedBy: response.screenedBy,
  };
}
