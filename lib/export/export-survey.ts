// Exports a survey's responses (CSV, Excel, SPSS .sav, Stata .dta, each streamed), their codebook
// (CSV), or the questionnaire as DDI-Codebook 2.5 XML, and records the export in the audit log
// (who took which data, in which form, filtered how).
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Actor } from "@/lib/auth/organizations-where";
import { recordEvent } from "@/lib/audit/record-event";
import { isLocale } from "@/lib/i18n/locales";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { codebookCsv, codebookRows } from "./codebook";
import { exportColumns, type ExportValues } from "./export-columns";
import { exportCondition, type ExportFilter } from "./export-filter";
import { exportLabels } from "./export-labels";
import { EXPORT_CONTENT_TYPES, type ExportFormat } from "./export-query-schema";
import type { ExportableSurvey } from "./find-exportable-survey";
import { readExportBatches } from "./read-export-batches";
import { statisticalDataset } from "./statistical-variables";
import { writeCsv } from "./write-csv";
import { writeDdi } from "./write-ddi";
import { writeDta } from "./write-dta";
import { writeSav } from "./write-sav";
import { writeXlsx } from "./write-xlsx";

/** What the file holds and its extension: jilin-2017-responses-20261202.sav. */
const FILE_NAMES: Record<ExportFormat, [string, string]> = {
  csv: ["responses", "csv"],
  xlsx: ["responses", "xlsx"],
  sav: ["responses", "sav"],
  dta: ["responses", "dta"],
  codebook: ["codebook", "csv"],
  ddi: ["ddi-codebook", "xml"],
};

/** The codebook and the DDI file are small and built whole; they are sent like the streamed files. */
const textStream = (text: string) => new Blob([text]).stream();

async function* withProgress<T>(
  batches: AsyncGenerator<T[]>,
  total: number,
  onProgress?: (done: number, total: number) => Promise<void>,
): AsyncGenerator<T[]> {
  let done = 0;
  for await (const batch of batches) {
    yield batch;
    done += batch.length;
    await onProgress?.(done, total);
  }
}

export const ALL_RESPONSES: ExportFilter = { filter: { breakdowns: {} }, validOnly: false };

export async function exportSurvey(options: {
  db: Db;
  actor: Actor;
  survey: ExportableSurvey;
  format: ExportFormat;
  /** The language of headings and labels; the survey's own when not given. */
  locale?: Locale;
  values: ExportValues;
  responses?: ExportFilter;
  /** Called after each batch of responses is read, with how many of how many. */
  onProgress?: (done: number, total: number) => Promise<void>;
  now?: Date;
}) {
  const { db, actor, survey, format, values, responses = ALL_RESPONSES, now = new Date() } = options;
  const locale = options.locale ?? (isLocale(survey.defaultLocale) ? survey.defaultLocale : "zh");
  const labels = exportLabels(locale);
  const { definitions } = survey;
  await recordEvent({
    db,
    organizationId: survey.organizationId,
    actorId: actor.userId,
    action: "survey.exported",
    targetType: "survey",
    targetId: survey.id,
    data: {
      slug: survey.slug,
      format,
      locale,
      values,
      via: actor.via,
      validOnly: responses.validOnly,
      filter: responses.filter,
    },
  });
  const condition = exportCondition(survey.id, responses);
  const title = locale === "zh" ? survey.titleZh || survey.titleEn : survey.titleEn || survey.titleZh;
  const { weighted } = survey;
  const dataset = () => statisticalDataset({ definitions, locale, labels, weighted });
  // Counted first: the .sav and .dta headers state their number of cases, and progress needs a total.
  const counted = async () => {
    const [{ cases }] = await db.$queryRaw<
      { cases: number }[]
    >`SELECT count(*)::int AS cases FROM response r WHERE ${condition}`;
    return {
      cases,
      batches: withProgress(readExportBatches({ db, condition, limit: cases }), cases, options.onProgress),
    };
  };
  const body = await (async (): Promise<ReadableStream<Uint8Array>> => {
    switch (format) {
      case "csv":
        return writeCsv(exportColumns({ definitions, locale, labels, values, weighted }), (await counted()).batches);
      case "xlsx":
        return writeXlsx({
          columns: exportColumns({ definitions, locale, labels, values, weighted }),
          batches: (await counted()).batches,
          sheetName: labels.sheetName,
          codebook: { rows: codebookRows({ dataset: dataset(), definitions, locale }), labels: labels.codebook },
        });
      case "sav":
      case "dta": {
        const { cases, batches } = await counted();
        return format === "sav"
          ? writeSav({ dataset: dataset(), batches, cases, fileLabel: title, now })
          : writeDta({
              dataset: dataset(),
              batches,
              // Text wider than a str# (a strL) follows every row, and the header states its size.
              reread: () => readExportBatches({ db, condition, limit: cases }),
              observations: cases,
              dataLabel: title,
              now,
            });
      }
      case "codebook":
        return textStream(
          codebookCsv(codebookRows({ dataset: dataset(), definitions, locale }), labels.codebook.headings),
        );
      case "ddi":
        return textStream(
          writeDdi({ definitions, slug: survey.slug, title: { zh: survey.titleZh, en: survey.titleEn } }),
        );
    }
  })();
  const stamp = now.toISOString().slice(0, 10).replaceAll("-", "");
  const [kind, extension] = FILE_NAMES[format];
  return { body, contentType: EXPORT_CONTENT_TYPES[format], filename: `${survey.slug}-${kind}-${stamp}.${extension}` };
}
