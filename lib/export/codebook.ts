// The codebook of a response export: one row per variable with its names (SPSS, Stata, CSV
// column), the question, its label in the export's language, type, measurement level, values and
// value labels (number in .sav/.dta = label [code in the CSV]), missing codes, the
// multiple-response set it belongs to, and the constraint factor and level it counts for.
// Served as a CSV of its own and as a sheet of the Excel export. Pure.
import { stringify } from "csv-stringify/sync";
import { localizedText } from "@/lib/questionnaire/localized-text";
import type { Locale, QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { spreadsheetCell } from "@/lib/text/spreadsheet-text";
import type { StatisticalDataset } from "./statistical-variables";

export type CodebookHeadings = {
  variable: string;
  stataName: string;
  column: string;
  questionCode: string;
  question: string;
  label: string;
  type: string;
  measure: string;
  values: string;
  missing: string;
  mrSet: string;
  factor: string;
  factorLabel: string;
  level: string;
};

export const CODEBOOK_FIELDS: (keyof CodebookHeadings)[] = [
  "variable",
  "stataName",
  "column",
  "questionCode",
  "question",
  "label",
  "type",
  "measure",
  "values",
  "missing",
  "mrSet",
  "factor",
  "factorLabel",
  "level",
];

export type CodebookRow = Record<keyof CodebookHeadings, string>;

export function codebookRows(options: {
  dataset: StatisticalDataset;
  definitions: QuestionnaireDefinition[];
  locale: Locale;
}): CodebookRow[] {
  const { dataset, definitions, locale } = options;
  const factorLabel = (code: string) => {
    for (const d of definitions) {
      const f = d.factors.find((x) => x.code === code);
      if (f) return localizedText(f.label, locale);
    }
    return "";
  };
  return dataset.variables.map((v) => ({
    variable: v.spssName,
    stataName: v.stataName,
    column: v.column,
    questionCode: v.question?.code ?? "",
    question: v.question ? localizedText(v.question.label, locale) : "",
    label: v.label,
    type: v.question ? v.question.type : v.kind,
    measure: v.measure,
    values: v.valueLabels
      .map((l) => `${l.value} = ${l.label}${l.code && l.code !== l.label ? ` [${l.code}]` : ""}`)
      .join("; "),
    missing: v.missing.join("; "),
    mrSet: v.mrSet ? `$${v.mrSet}` : "",
    factor: v.factor?.code ?? "",
    factorLabel: v.factor ? factorLabel(v.factor.code) : "",
    level: v.factor?.level ?? "",
  }));
}

/** The codebook as a UTF-8 CSV with a byte-order mark (like the response CSV). */
export function codebookCsv(rows: CodebookRow[], headings: CodebookHeadings): string {
  const table = [CODEBOOK_FIELDS.map((f) => headings[f]), ...rows.map((r) => CODEBOOK_FIELDS.map((f) => r[f]))];
  return (
    "\uFEFF" +
    stringify(
      table.map((cells) => cells.map(spreadsheetCell)),
      { record_delimiter: "\r\n" },
    )
  );
}
