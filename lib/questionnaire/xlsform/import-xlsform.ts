// Imports an XLSForm workbook as a new questionnaire draft, through the same createQuestionnaire
// as a JSON import: nothing is stored unless the whole form reads into a valid definition.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { createQuestionnaire } from "../create-questionnaire";
import { QuestionnaireCodeTakenError } from "../questionnaire-errors";
import { parseXlsform } from "./parse-xlsform";
import type { XlsformIssue } from "./xlsform-issues";

/** Forms are small; a workbook past this is not a questionnaire. */
export const MAX_XLSFORM_BYTES = 5 * 1024 * 1024;

export type XlsformImportOutcome =
  | { kind: "created"; id: string; code: string; notMapped: XlsformIssue[] }
  | { kind: "invalid"; errors: XlsformIssue[]; notMapped: XlsformIssue[] }
  | { kind: "code_taken"; code: string; notMapped: XlsformIssue[] };

/** `organizationId` must come from a check of the actor's role there (questionnaires.write). */
export async function importXlsform(opts: {
  db: Db;
  organizationId: string;
  actorId: string;
  bytes: Uint8Array;
}): Promise<XlsformImportOutcome> {
  const parsed = await parseXlsform(opts.bytes);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors, notMapped: parsed.notMapped };
  try {
    const created = await createQuestionnaire({
      db: opts.db,
      organizationId: opts.organizationId,
      actorId: opts.actorId,
      definition: parsed.definition,
      source: "import",
    });
    return { kind: "created", ...created, notMapped: parsed.notMapped };
  } catch (e) {
    if (e instanceof QuestionnaireCodeTakenError)
      return { kind: "code_taken", code: parsed.definition.code, notMapped: parsed.notMapped };
    throw e;
  }
}
