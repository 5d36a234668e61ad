// A questionnaire's draft or one published version as an XLSForm download, for the actor's
// organizations only (the lookups filter by organization and role).
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Actor } from "@/lib/auth/actor";
import { roleFor } from "@/lib/auth/permissions";
import { QuestionnaireDefinitionSchema } from "../definition-schema";
import { getQuestionnaire, getVersionDefinition } from "../get-questionnaire";
import { writeXlsform } from "./write-xlsform";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type XlsformExport =
  { kind: "file"; body: Buffer; filename: string } | { kind: "not_found" } | { kind: "draft_invalid" };

export async function exportXlsform(opts: {
  db: Db;
  actor: Actor;
  questionnaireId: string;
  version?: number;
}): Promise<XlsformExport> {
  const { db, actor, questionnaireId } = opts;
  if (opts.version !== undefined) {
    const found = await getVersionDefinition({ db, actor, questionnaireId, number: opts.version });
    if (!found) return { kind: "not_found" };
    const definition = QuestionnaireDefinitionSchema.parse(found.definition);
    return { kind: "file", body: await writeXlsform(definition), filename: `${definition.code}-v${found.number}.xlsx` };
  }
  const found = await getQuestionnaire({ db, actor, id: questionnaireId, minimum: roleFor("questionnaires.read") });
  if (!found) return { kind: "not_found" };
  // A draft may be half-edited; XLSForm needs a whole questionnaire.
  const definition = QuestionnaireDefinitionSchema.safeParse(found.draft);
  if (!definition.success) return { kind: "draft_invalid" };
  return { kind: "file", body: await writeXlsform(definition.data), filename: `${found.code}-draft.xlsx` };
}
