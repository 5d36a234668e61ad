// Exports a survey's responses as a streamed CSV or Excel file and records the export in the
// audit log (who took which data, in which form).
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Actor } from "@/lib/auth/organizations-where";
import { recordEvent } from "@/lib/audit/record-event";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { exportColumns, type ExportValues } from "./export-columns";
import { exportLabels } from "./export-labels";
import type { ExportableSurvey } from "./find-exportable-survey";
import { readExportBatches } from "./read-export-batches";
import { writeCsv } from "./write-csv";
import { writeXlsx } from "./write-xlsx";

export type ExportFormat = "csv" | "xlsx";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export async function exportSurvey(options: {
  db: Db;
  actor: Actor;
  survey: ExportableSurvey;
  format: ExportFormat;
  locale: Locale;
  values: ExportValues;
  now?: Date;
}) {
  const { db, actor, survey, format, locale, values, now = new Date() } = options;
  const labels = exportLabels(locale);
  const columns = exportColumns({ definitions: survey.definitions, locale, labels, values });
  await recordEvent({
    db,
    organizationId: survey.organizationId,
    actorId: actor.userId,
    action: "survey.exported",
    targetType: "survey",
    targetId: survey.id,
    data: { slug: survey.slug, format, locale, values, via: actor.via },
  });
  const batches = readExportBatches({ db, surveyId: survey.id });
  const body =
    format === "csv" ? writeCsv(columns, batches) : writeXlsx({ columns, batches, sheetName: labels.sheetName });
  const stamp = now.toISOString().slice(0, 10).replaceAll("-", "");
  return { body, contentType: CONTENT_TYPES[format], filename: `${survey.slug}-responses-${stamp}.${format}` };
}
