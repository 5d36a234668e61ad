// The columns of a response export (DESIGN.md §5): fixed columns, the breakdowns, then one
// column per question, a 0/1 column per option of a multi question, the rank of each option of
// a rank question, and one column per matrix row. Pure, so every type's encoding is unit-tested.
import {
  STANDARD_BREAKDOWNS,
  isStandardBreakdown,
  listQuestions,
  type Locale,
  type QuestionDefinition,
  type QuestionnaireDefinition,
} from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import type { ExportLabels } from "./export-labels";

export type ExportRecord = {
  id: string;
  status: "partial" | "complete";
  screenedRule: string | null;
  screenedReason: string | null;
  locale: string;
  collectorKind: "link" | "invitation" | "paper" | null;
  collectorName: string | null;
  startedAt: Date;
  completedAt: Date | null;
  durationSeconds: number | null;
  breakdowns: Record<string, unknown>;
  answers: Record<string, unknown>;
  /** The response's survey weight, when the survey is weighted and the response has one. */
  weight: number | null;
};

export type ExportCell = string | number | Date | null;
export type ExportColumn = { key: string; header: string; value: (r: ExportRecord) => ExportCell };
export type ExportValues = "codes" | "labels";
export type ExportColumnOptions = {
  /** The survey's version first; questions of older versions its responses used follow. */
  definitions: QuestionnaireDefinition[];
  locale: Locale;
  labels: ExportLabels;
  values: ExportValues;
  /** The survey is weighted: a weight column follows the fixed ones. */
  weighted?: boolean;
};

/** A code, or in a labels export its name in the export's language (the code when it has none). */
const valueOf = (values: ExportValues, names: Record<string, string>) => (code: string | null) =>
  code === null || values === "codes" ? code : (names[code] ?? code);

function fixedColumns(labels: ExportLabels, values: ExportValues, weighted: boolean): ExportColumn[] {
  const status = valueOf(values, labels.statuses);
  const rule = valueOf(values, labels.rules);
  const locale = valueOf(values, labels.locales);
  const collector = valueOf(values, labels.collectorKinds);
  return [
    { key: "id", header: labels.id, value: (r) => r.id },
    { key: "status", header: labels.status, value: (r) => status(r.status) },
    { key: "valid", header: labels.valid, value: (r) => (r.status === "complete" && !r.screenedRule ? 1 : 0) },
    { key: "screened_rule", header: labels.screenedRule, value: (r) => rule(r.screenedRule) },
    { key: "screened_reason", header: labels.screenedReason, value: (r) => r.screenedReason },
    { key: "locale", header: labels.locale, value: (r) => locale(r.locale) },
    { key: "collector", header: labels.collector, value: (r) => collector(r.collectorKind) },
    // As the researcher named it ("Paper questionnaires 2017"): data, like the answers, not translated.
    { key: "collector_name", header: labels.collectorName, value: (r) => r.collectorName },
    { key: "started_at", header: labels.startedAt, value: (r) => r.startedAt },
    { key: "completed_at", header: labels.completedAt, value: (r) => r.completedAt },
    { key: "duration_seconds", header: labels.durationSeconds, value: (r) => r.durationSeconds },
    ...(weighted ? [{ key: "weight", header: labels.weight, value: (r: ExportRecord) => r.weight }] : []),
  ];
}

/** Questions of all definitions, each code once, in the order of the first definition that has it. */
export function uniqueQuestions(definitions: QuestionnaireDefinition[]): QuestionDefinition[] {
  const seen = new Map<string, QuestionDefinition>();
  for (const definition of definitions)
    for (const { question } of listQuestions(definition))
      if (!seen.has(question.code)) seen.set(question.code, question);
  return [...seen.values()];
}

function breakdownColumns(questions: QuestionDefinition[], options: ExportColumnOptions): ExportColumn[] {
  const { labels, locale, values } = options;
  const byKey = new Map<string, QuestionDefinition | null>();
  for (const q of questions) {
    if (q.type === "single" && q.breakdown) byKey.set(q.breakdown === "custom" ? q.code : q.breakdown, q);
    if (q.type === "number" && q.derivesSizeClass) byKey.set("size_class", null);
  }
  const ordered = [
    ...STANDARD_BREAKDOWNS.filter((k) => byKey.has(k)),
    ...[...byKey.keys()].filter((k) => !isStandardBreakdown(k)),
  ];
  return ordered.map((key) => {
    const question = byKey.get(key) ?? null;
    const name =
      (labels.breakdowns as Record<string, string>)[key] ?? (question ? localizedText(question.label, locale) : key);
    return {
      key: `breakdown.${key}`,
      header: labels.breakdown.replace("{name}", name),
      value: (r) => {
        const raw = r.breakdowns[key];
        if (typeof raw !== "string") return null;
        if (values === "codes") return raw;
        if (key === "size_class") return (labels.sizeClasses as Record<string, string>)[raw] ?? raw;
        const option = question && "options" in question ? question.options.find((o) => o.code === raw) : undefined;
        return option ? localizedText(option.label, locale) : raw;
      },
    };
  });
}

const heading = (label: string, code: string) => `${label} [${code}]`;

function questionColumns(q: QuestionDefinition, options: ExportColumnOptions): ExportColumn[] {
  const { locale, values } = options;
  const label = localizedText(q.label, locale);
  const answer = (r: ExportRecord) => r.answers[q.code];
  switch (q.type) {
    case "single":
      return [
        {
          key: q.code,
          header: heading(label, q.code),
          value: (r) => {
            const v = answer(r);
            if (typeof v !== "string") return null;
            const option = q.options.find((o) => o.code === v);
            return values === "labels" && option ? localizedText(option.label, locale) : v;
          },
        },
      ];
    case "multi":
      return q.options.map((o) => ({
        key: `${q.code}.${o.code}`,
        header: heading(localizedText(o.label, locale), `${q.code}.${o.code}`),
        value: (r) => {
          const v = answer(r);
          return Array.isArray(v) ? (v.includes(o.code) ? 1 : 0) : null;
        },
      }));
    case "rank":
      return q.options.map((o) => ({
        key: `${q.code}.${o.code}`,
        header: heading(localizedText(o.label, locale), `${q.code}.${o.code}`),
        value: (r) => {
          const v = answer(r);
          const at = Array.isArray(v) ? v.indexOf(o.code) : -1;
          return at >= 0 ? at + 1 : null;
        },
      }));
    case "matrix":
      return q.rows.map((row) => ({
        key: `${q.code}.${row.code}`,
        header: heading(`${label}: ${localizedText(row.label, locale)}`, `${q.code}.${row.code}`),
        value: (r) => {
          const v = answer(r);
          const n =
            v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>)[row.code] : undefined;
          return typeof n === "number" ? n : null;
        },
      }));
    case "scale":
    case "number":
      return [
        {
          key: q.code,
          header: heading(label, q.code),
          value: (r) => (typeof answer(r) === "number" ? (answer(r) as number) : null),
        },
      ];
    case "text":
      return [
        {
          key: q.code,
          header: heading(label, q.code),
          value: (r) => (typeof answer(r) === "string" ? (answer(r) as string) : null),
        },
      ];
  }
}

export function exportColumns(options: ExportColumnOptions): ExportColumn[] {
  const questions = uniqueQuestions(options.definitions);
  return [
    ...fixedColumns(options.labels, options.values, options.weighted ?? false),
    ...breakdownColumns(questions, options),
    ...questions.flatMap((q) => questionColumns(q, options)),
  ];
}
