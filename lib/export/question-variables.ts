// The variables of the breakdowns and of each question type: options numbered 1, 2, ... with
// "don't know / refused" as -1, -2, ...; scale points as answered; a 0/1 dichotomy per option of
// a multi question, each naming its multiple-response set and factor. Pure.
import type {
  Locale,
  OptionDefinition,
  QuestionDefinition,
  QuestionnaireDefinition,
} from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import type { ExportColumn, ExportRecord } from "./export-columns";
import type { DatasetOptions, ValueLabel } from "./statistical-variables";
import { DRAFT_DEFAULTS as base, MAX_STRING_WIDTH, type CellReader, type Draft } from "./variable-draft";

function optionCoding(options: OptionDefinition[], locale: Locale) {
  let substantive = 0;
  let nonSubstantive = 0;
  const codes = new Map<string, number>();
  const valueLabels: ValueLabel[] = options.map((o) => {
    const value = o.nonSubstantive ? -++nonSubstantive : ++substantive;
    codes.set(o.code, value);
    return { value, label: localizedText(o.label, locale), code: o.code };
  });
  return { codes, valueLabels, missing: valueLabels.filter((v) => v.value < 0).map((v) => v.value) };
}

function scaleCoding(q: Extract<QuestionDefinition, { type: "scale" | "matrix" }>, locale: Locale) {
  const valueLabels = (q.scale.points ?? []).map((p) => ({ value: p.value, label: localizedText(p.label, locale) }));
  const missing = (q.scale.points ?? []).filter((p) => p.nonSubstantive).map((p) => p.value);
  return { valueLabels, missing };
}

function factorOf(code: string | undefined, definitions: QuestionnaireDefinition[]) {
  if (!code) return null;
  for (const d of definitions) {
    const f = d.factors.find((x) => x.code === code);
    if (f) return { code: f.code, level: f.level };
  }
  return null;
}

export function questionDrafts(q: QuestionDefinition, options: DatasetOptions, cell: CellReader): Draft[] {
  const { locale, labels, definitions } = options;
  const label = localizedText(q.label, locale);
  const answer = (r: ExportRecord) => r.answers[q.code];
  const common = { ...base, question: q };
  switch (q.type) {
    case "single": {
      const { codes, valueLabels, missing } = optionCoding(q.options, locale);
      return [
        {
          ...common,
          column: q.code,
          label,
          kind: "numeric",
          measure: "nominal",
          valueLabels,
          missing,
          raw: (r) => codes.get(String(answer(r))) ?? null,
        },
      ];
    }
    case "multi":
      return q.options.map((o) => ({
        ...common,
        column: `${q.code}.${o.code}`,
        label: `${label}: ${localizedText(o.label, locale)}`,
        kind: "numeric",
        measure: "nominal",
        valueLabels: [
          { value: 0, label: labels.notSelected },
          { value: 1, label: labels.selected },
        ],
        factor: factorOf(o.factor, definitions),
        mrSet: o.nonSubstantive ? null : q.code,
        raw: (r) => {
          const v = answer(r);
          return Array.isArray(v) ? (v.includes(o.code) ? 1 : 0) : null;
        },
      }));
    case "rank":
      return q.options.map((o) => ({
        ...common,
        column: `${q.code}.${o.code}`,
        label: `${label}: ${localizedText(o.label, locale)}`,
        kind: "numeric",
        measure: "ordinal",
        factor: factorOf(o.factor, definitions),
        raw: (r) => {
          const v = answer(r);
          const at = Array.isArray(v) ? v.indexOf(o.code) : -1;
          return at >= 0 ? at + 1 : null;
        },
      }));
    case "matrix": {
      const { valueLabels, missing } = scaleCoding(q, locale);
      return q.rows.map((row) => ({
        ...common,
        column: `${q.code}.${row.code}`,
        label: `${label}: ${localizedText(row.label, locale)}`,
        kind: "numeric",
        measure: "ordinal",
        valueLabels,
        missing,
        factor: factorOf(row.factor, definitions),
        raw: cell(`${q.code}.${row.code}`),
      }));
    }
    case "scale": {
      const { valueLabels, missing } = scaleCoding(q, locale);
      return [
        {
          ...common,
          column: q.code,
          label,
          kind: "numeric",
          measure: "ordinal",
          valueLabels,
          missing,
          factor: factorOf(q.factor, definitions),
          raw: cell(q.code),
        },
      ];
    }
    case "number":
      return [
        {
          ...common,
          column: q.code,
          label,
          kind: "numeric",
          measure: "scale",
          decimals: q.integer ? 0 : 2,
          raw: cell(q.code),
        },
      ];
    case "text":
      return [
        {
          ...common,
          column: q.code,
          label,
          kind: "string",
          // Room for the longest answer the question accepts (maxLength characters, up to 4 UTF-8
          // bytes each), not for the longest one given: the header states the width before the
          // first case is read, so measuring would cost another read of every response, and a
          // declared width stays the same from one export to the next, so two exports append.
          width: Math.min(MAX_STRING_WIDTH, q.maxLength * 4),
          measure: "nominal",
          raw: cell(q.code),
        },
      ];
  }
}

export function breakdownDrafts(
  questions: QuestionDefinition[],
  columns: ExportColumn[],
  options: DatasetOptions,
): Draft[] {
  const { labels, locale } = options;
  return columns
    .filter((c) => c.key.startsWith("breakdown."))
    .map((column) => {
      const key = column.key.slice("breakdown.".length);
      const question = questions.find(
        (q) => q.type === "single" && q.breakdown && (q.breakdown === "custom" ? q.code : q.breakdown) === key,
      );
      const coding =
        question && question.type === "single"
          ? optionCoding(question.options, locale)
          : (() => {
              const names = labels.sizeClasses as Record<string, string>;
              const order = Object.keys(names);
              return {
                codes: new Map(order.map((c, i) => [c, i + 1])),
                valueLabels: order.map((c, i) => ({ value: i + 1, label: names[c], code: c })),
                missing: [] as number[],
              };
            })();
      return {
        ...base,
        column: column.key,
        label: column.header,
        kind: "numeric" as const,
        measure: "nominal" as const,
        valueLabels: coding.valueLabels,
        missing: coding.missing,
        raw: (r: ExportRecord) => {
          const v = column.value(r);
          return typeof v === "string" ? (coding.codes.get(v) ?? null) : null;
        },
      };
    });
}
