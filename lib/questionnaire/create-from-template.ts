// "New from template": a draft copied from one of the shipped templates (DESIGN.md §6), under a
// code of the researcher's choosing so one template can be used more than once.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { QuestionnaireDefinitionSchema } from "./definition-schema";
import { createQuestionnaire } from "./create-questionnaire";
import { newDefinition } from "./draft-edits";
import { getTemplate } from "./templates";

/** Null when there is no template with that code. */
export async function createFromTemplate(opts: {
  db: Db;
  organizationId: string;
  actorId: string | null;
  templateCode: string;
  code: string;
}) {
  const template = getTemplate(opts.templateCode);
  if (!template) return null;
  const definition = QuestionnaireDefinitionSchema.parse({ ...template.definition, code: opts.code });
  return createQuestionnaire({
    db: opts.db,
    organizationId: opts.organizationId,
    actorId: opts.actorId,
    definition,
    source: "template",
  });
}

/** A blank questionnaire: stored as a draft to be filled in, not yet valid for publishing. */
export async function createBlank(opts: {
  db: Db;
  organizationId: string;
  actorId: string | null;
  code: string;
  title: { zh?: string; en?: string };
}) {
  const draft = newDefinition(opts.code, { zh: opts.title.zh ?? "", en: opts.title.en ?? "" });
  return createQuestionnaire({
    db: opts.db,
    organizationId: opts.organizationId,
    actorId: opts.actorId,
    definition: draft,
    source: "blank",
  });
}
