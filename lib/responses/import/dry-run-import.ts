// The dry run of a response import: reads the file, maps its columns (the researcher's mapping,
// or the automatic one), reads every row and reports every problem by row, column and value,
// storing nothing. The import itself runs the same preparation first, so an import the dry run
// passed finds no other problems, and one it did not pass stores nothing.
import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { roleFor } from "@/lib/auth/permissions";
import type { QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { definitionOf } from "../public-survey";
import { firmIdentifierOf } from "../screening";
import { autoMapColumns, mappingProblems, type ColumnMapping } from "./map-columns";
import { problem, type ImportProblem } from "./import-problem";
import { readResponseFile } from "./read-response-file";
import { rowValues, type RowValues } from "./row-values";

export type ImportSurvey = {
  id: string;
  slug: string;
  organizationId: string;
  versionId: string;
  defaultLocale: string;
};

export type PreparedRow = RowValues & { submissionId: string; firmIdentifier: string | null };

export type PreparedImport = {
  survey: ImportSurvey;
  definition: QuestionnaireDefinition;
  headers: string[];
  mapping: ColumnMapping;
  rows: PreparedRow[];
  problems: ImportProblem[];
  /** Rows the duplicate-firm rule will screen out (the firm answered before, or earlier in the file). */
  duplicates: number;
  /** Whether a column gives completion dates (otherwise the responses are dated at import). */
  dated: boolean;
};

export type DryRunOutcome =
  { kind: "not_found" } | { kind: "unreadable" } | { kind: "prepared"; prepared: PreparedImport };

/** A UUID from the file's content and the row, so that importing the same file twice is refused. */
function submissionIdOf(surveyId: string, fileHash: string, row: number): string {
  const hex = createHash("sha256").update(`${surveyId}:${fileHash}:${row}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function findImportSurvey(db: Db, actor: Actor, slug: string): Promise<ImportSurvey | null> {
  return db.survey.findFirst({
    where: { slug, organizationId: { in: organizationsWhere(actor, roleFor("responses.write")) } },
    select: { id: true, slug: true, organizationId: true, versionId: true, defaultLocale: true },
  });
}

export async function dryRunImport(opts: {
  db: Db;
  actor: Actor;
  slug: string;
  bytes: Uint8Array;
  /** The researcher's mapping; the automatic one when absent. */
  mapping?: ColumnMapping;
  now?: Date;
}): Promise<DryRunOutcome> {
  const { db } = opts;
  const now = opts.now ?? new Date();
  const survey = await findImportSurvey(db, opts.actor, opts.slug);
  if (!survey) return { kind: "not_found" };
  const file = await readResponseFile(opts.bytes);
  if (!file || file.headers.length === 0) return { kind: "unreadable" };
  const definition = await definitionOf(db, survey.versionId);
  const mapping = opts.mapping ?? autoMapColumns(file.headers, definition);
  const problems: ImportProblem[] = [];

  for (const column of Object.keys(mapping))
    if (mapping[column] && !file.headers.includes(column)) problems.push(problem(1, column, "", "no_such_column"));
  for (const p of mappingProblems(mapping, definition))
    problems.push(problem(1, p.column, "", p.code, "target" in p ? { target: p.target } : { question: p.question }));
  if (!Object.values(mapping).some((key) => key.startsWith("question:") || key.startsWith("part:")))
    problems.push(problem(1, null, "", "nothing_mapped"));
  if (file.rows.length === 0) problems.push(problem(null, null, "", "no_rows"));

  const fileHash = createHash("sha256").update(opts.bytes).digest("hex");
  const rows: PreparedRow[] = [];
  if (problems.length === 0)
    for (const row of file.rows) {
      const values = rowValues({ def: definition, mapping, row, now });
      problems.push(...values.problems);
      rows.push({
        ...values,
        submissionId: submissionIdOf(survey.id, fileHash, row.row),
        firmIdentifier: firmIdentifierOf({ answers: values.answers }),
      });
    }

  const already = rows.length
    ? await db.response.count({ where: { surveyId: survey.id, submissionId: { in: rows.map((r) => r.submissionId) } } })
    : 0;
  if (already > 0) problems.push(problem(null, null, "", "already_imported", { count: already }));

  const firms = rows.flatMap((r) => (r.firmIdentifier ? [r.firmIdentifier] : []));
  const answered = new Set(
    (
      await db.response.findMany({
        where: { surveyId: survey.id, status: "complete", firmIdentifier: { in: firms } },
        select: { firmIdentifier: true },
      })
    ).map((r) => r.firmIdentifier),
  );
  let duplicates = 0;
  for (const r of rows) {
    if (!r.firmIdentifier) continue;
    if (answered.has(r.firmIdentifier)) duplicates++;
    answered.add(r.firmIdentifier);
  }
  return {
    kind: "prepared",
    prepared: {
      survey,
      definition,
      headers: file.headers,
      mapping,
      rows,
      problems,
      duplicates,
      dated: Object.values(mapping).includes("field:completed_at"),
    },
  };
}
