// The variables of a response export for statistics packages (SPSS, Stata) and of its codebook
// and DDI description: the same columns as the CSV (export-columns.ts), each with a numeric
// coding, value labels, user-missing codes, a measurement level and, for the options of a
// multi-select question, the multiple-response set that makes them one item again. Pure.
//
// Coding: options are numbered 1, 2, ... in questionnaire order; "don't know / refused" options
// (nonSubstantive) get -1, -2, ... so one range (below zero) declares them all as user-missing,
// and a scale point keeps its value (its nonSubstantive points are listed as missing). A multi
// question becomes one 0/1 dichotomy per option; its substantive options form the set, so a
// firm that answered only "don't know" has no counted value and leaves the set's base, as it
// leaves the dashboard's base (DESIGN.md §4).
import {
  type FactorLevel,
  type Locale,
  type OptionDefinition,
  type QuestionDefinition,
  type QuestionnaireDefinition,
} from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import {
  exportColumns,
  uniqueQuestions,
  type ExportCell,
  type ExportColumn,
  type ExportRecord,
} from "./export-columns";
import type { ExportLabels } from "./export-labels";
import { uniqueVariableNames } from "./variable-names";

export type VariableKind = "numeric" | "string" | "datetime";
export type MeasurementLevel = "nominal" | "ordinal" | "scale";
export type ValueLabel = { value: number; label: string; code?: string };

export type StatisticalVariable = {
  /** The CSV/XLSX column key this variable carries. */
  column: string;
  /** SPSS name (≤ 64 bytes) and Stata name (≤ 32 characters). */
  spssName: string;
  stataName: string;
  label: string;
  question: QuestionDefinition | null;
  kind: VariableKind;
  /** Bytes of a string variable. */
  width: number;
  decimals: number;
  measure: MeasurementLevel;
  valueLabels: ValueLabel[];
  /** User-missing codes ("don't know / refused"). */
  missing: number[];
  factor: { code: string; level: FactorLevel } | null;
  /** Name of the multiple-response set (without "$") this dichotomy belongs to. */
  mrSet: string | null;
  value: (r: ExportRecord) => number | string | Date | null;
};

export type MultipleResponseSet = {
  name: string;
  label: string;
  questionCode: string;
  /** Indexes into the variable list. */
  variables: number[];
};

export type StatisticalDataset = { variables: StatisticalVariable[]; mrSets: MultipleResponseSet[] };

/** Longest string kept in a .sav / .dta cell (SPSS short strings; longer text is in the CSV). */
export const STRING_WIDTH = 255;
const ID_WIDTH = 36;

type Draft = Omit<StatisticalVariable, "spssName" | "stataName" | "value"> & { raw: StatisticalVariable["value"] };
/** Reads a CSV column's cell, for variables whose CSV value is already their number. */
type CellReader = (key: string) => (r: ExportRecord) => ExportCell;

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

const base = {
  question: null,
  width: 0,
  decimals: 0,
  valueLabels: [],
  missing: [],
  factor: null,
  mrSet: null,
} satisfies Partial<Draft>;

function fixedDrafts(labels: ExportLabels, cell: CellReader): Draft[] {
  const byCode = (
    column: string,
    label: string,
    names: Record<string, string>,
    read: (r: ExportRecord) => string | null,
  ): Draft => {
    const order = Object.keys(names);
    const codes = new Map(order.map((code, i) => [code, i + 1]));
    return {
      ...base,
      column,
      label,
      kind: "numeric",
      measure: "nominal",
      valueLabels: order.map((code, i) => ({ value: i + 1, label: names[code], code })),
      raw: (r) => codes.get(read(r) ?? "") ?? null,
    };
  };
  const string = (column: string, label: string, width: number, read: (r: ExportRecord) => string | null): Draft => ({
    ...base,
    column,
    label,
    kind: "string",
    width,
    measure: "nominal",
    raw: read,
  });
  const datetime = (column: string, label: string, read: (r: ExportRecord) => Date | null): Draft => ({
    ...base,
    column,
    label,
    kind: "datetime",
    measure: "scale",
    raw: read,
  });
  return [
    string("id", labels.id, ID_WIDTH, (r) => r.id),
    byCode("status", labels.status, labels.statuses, (r) => r.status),
    {
      ...base,
      column: "valid",
      label: labels.valid,
      kind: "numeric",
      measure: "nominal",
      valueLabels: [
        { value: 0, label: labels.no },
        { value: 1, label: labels.yes },
      ],
      raw: (r) => (r.status === "complete" && !r.screenedRule ? 1 : 0),
    },
    byCode("screened_rule", labels.screenedRule, labels.rules, (r) => r.screenedRule),
    string("screened_reason", labels.screenedReason, STRING_WIDTH, (r) => r.screenedReason),
    byCode("locale", labels.locale, labels.locales, (r) => r.locale),
    byCode("collector", labels.collector, labels.collectorKinds, (r) => r.collectorKind),
    string("collector_name", labels.collectorName, STRING_WIDTH, (r) => r.collectorName),
    datetime("started_at", labels.startedAt, (r) => r.startedAt),
    datetime("completed_at", labels.completedAt, (r) => r.completedAt),
    {
      ...base,
      column: "duration_seconds",
      label: labels.durationSeconds,
      kind: "numeric",
      measure: "scale",
      raw: cell("duration_seconds"),
    },
  ];
}

function factorOf(code: string | undefined, definitions: QuestionnaireDefinition[]) {
  if (!code) return null;
  for (const d of definitions) {
    const f = d.factors.find((x) => x.code === code);
    if (f) return { code: f.code, level: f.level };
  }
  return null;
}

function questionDrafts(q: QuestionDefinition, options: DatasetOptions, cell: CellReader): Draft[] {
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
          // UTF-8 takes up to 4 bytes a character.
          width: Math.min(STRING_WIDTH, q.maxLength * 4),
          measure: "nominal",
          raw: cell(q.code),
        },
      ];
  }
}

export type DatasetOptions = { definitions: QuestionnaireDefinition[]; locale: Locale; labels: ExportLabels };

/** The dataset's variables, in the CSV's column order. */
export function statisticalDataset(options: DatasetOptions): StatisticalDataset {
  const { definitions, locale, labels } = options;
  const columns = exportColumns({ definitions, locale, labels, values: "codes" });
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const cell: CellReader = (key) => (r) => byKey.get(key)?.value(r) ?? null;
  const questions = uniqueQuestions(definitions);
  const drafts: Draft[] = [
    ...fixedDrafts(labels, cell),
    ...breakdownDrafts(questions, columns, options),
    ...questions.flatMap((q) => questionDrafts(q, options, cell)),
  ];
  const keys = drafts.map((d) => d.column);
  const [spss, stata] = [uniqueVariableNames(keys, 64), uniqueVariableNames(keys, 32)];
  const variables = drafts.map(({ raw, ...d }, i): StatisticalVariable => ({
    ...d,
    spssName: spss[i],
    stataName: stata[i],
    value: raw,
  }));
  const mrSets: MultipleResponseSet[] = [];
  for (const q of questions) {
    if (q.type !== "multi") continue;
    const members = variables.flatMap((v, i) => (v.mrSet === q.code ? [i] : []));
    if (members.length >= 2)
      mrSets.push({ name: q.code, label: localizedText(q.label, locale), questionCode: q.code, variables: members });
  }
  return { variables, mrSets };
}

function breakdownDrafts(questions: QuestionDefinition[], columns: ExportColumn[], options: DatasetOptions): Draft[] {
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
