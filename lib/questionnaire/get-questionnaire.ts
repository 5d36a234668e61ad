// One questionnaire of the actor's organizations: its draft and its published versions.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { roleFor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import type { QuestionnaireDefinition } from "./definition-schema";
import type { DraftDefinition } from "./draft-edits";
import { isUuid, MAX_PG_INT } from "@/lib/db/uuid";

/** Null when no questionnaire with that id belongs to an organization where the actor has `minimum`. */
export async function getQuestionnaire(opts: { db: Db; actor: Actor; id: string; minimum?: Role }) {
  if (!isUuid(opts.id)) return null;
  const found = await opts.db.questionnaire.findFirst({
    where: {
      id: opts.id,
      organizationId: { in: organizationsWhere(opts.actor, opts.minimum ?? roleFor("questionnaires.read")) },
    },
    select: {
      id: true,
      code: true,
      organizationId: true,
      organization: { select: { slug: true, name: true } },
      draft: true,
      updatedAt: true,
      versions: {
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          publishedAt: true,
          publishedById: true,
          _count: { select: { surveys: true } },
        },
      },
    },
  });
  if (!found) return null;
  return { ...found, draft: found.draft as DraftDefinition };
}

/** One published version's definition, or null. */
export async function getVersionDefinition(opts: { db: Db; actor: Actor; questionnaireId: string; number: number }) {
  if (!isUuid(opts.questionnaireId) || !Number.isInteger(opts.number) || opts.number > MAX_PG_INT) return null;
  const version = await opts.db.questionnaireVersion.findFirst({
    where: {
      questionnaireId: opts.questionnaireId,
      number: opts.number,
      questionnaire: { organizationId: { in: organizationsWhere(opts.actor, roleFor("questionnaires.read")) } },
    },
    select: { id: true, number: true, definition: true, publishedAt: true },
  });
  return version ? { ...version, definition: version.definition as QuestionnaireDefinition } : null;
}
