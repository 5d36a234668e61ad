// Where each part of an imported definition came from (sheet and row), so that a problem the
// questionnaire schema finds at a path such as sections.1.questions.2.options.0.factor is
// reported at the spreadsheet row and column a person can open. Pure.
import type { z } from "zod";
import { languageColumn, isLocale } from "./xlsform-columns";
import type { XlsformIssue } from "./xlsform-issues";

/** The column each definition field is read from, per kind of definition node. */
const COLUMNS: Record<string, Record<string, string>> = {
  settings: {
    code: "form_id",
    title: "title",
    description: "description",
    locales: "locales",
    defaultLocale: "default_language",
  },
  factor: { code: "code", level: "level", label: "label", description: "description" },
  section: { code: "name", title: "label", description: "label", level: "level", questions: "type" },
  question: {
    code: "name",
    type: "type",
    label: "label",
    help: "hint",
    required: "required",
    showIf: "relevant",
    options: "type",
    rows: "type",
    factor: "factor",
    attentionThreshold: "attention_threshold",
    topN: "top_n",
    scale: "scale",
    maxSelections: "constraint",
    min: "constraint",
    max: "constraint",
    maxLength: "constraint",
    integer: "type",
    breakdown: "breakdown",
    unit: "unit",
    derivesSizeClass: "derives_size_class",
  },
  option: { code: "name", label: "label", factor: "factor", exclusive: "exclusive", nonSubstantive: "non_substantive" },
  row: { code: "row", label: "label", factor: "factor" },
  point: { value: "name", label: "label", nonSubstantive: "non_substantive" },
};

type Origin = { sheet: string; row: number | null; kind: keyof typeof COLUMNS };

export class Origins {
  private readonly byPath = new Map<string, Origin>();

  set(path: (string | number)[], origin: Origin) {
    this.byPath.set(path.join("."), origin);
  }

  /** The schema's issues at the sheet, row and column of the nearest part that has an origin. */
  issuesOf(error: z.ZodError): XlsformIssue[] {
    return error.issues.map((issue) => {
      const path = issue.path.map(String);
      for (let length = path.length; length >= 0; length--) {
        const origin = this.byPath.get(path.slice(0, length).join("."));
        if (!origin) continue;
        const field = path[length];
        const base = field === undefined ? null : (COLUMNS[origin.kind][field] ?? null);
        const locale = path[length + 1];
        const column = base && isLocale(locale) ? languageColumn(base, locale) : base;
        return { sheet: origin.sheet, row: origin.row, column, code: "schema" as const, message: issue.message };
      }
      return { sheet: "survey", row: null, column: null, code: "schema" as const, message: issue.message };
    });
  }
}
