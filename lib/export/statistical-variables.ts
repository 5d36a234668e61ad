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
import type {
  FactorLevel,
  Locale,
  QuestionDefinition,
  QuestionnaireDefinition,
} from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import { exportColumns, uniqueQuestions, type ExportRecord } from "./export-columns";
import type { ExportLabels } from "./export-labels";
import { fixedDrafts } from "./fixed-variables";
import { breakdownDrafts, questionDrafts } from "./question-variables";
import type { CellReader, Draft } from "./variable-draft";
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

export type DatasetOptions = {
  definitions: QuestionnaireDefinition[];
  locale: Locale;
  labels: ExportLabels;
  /** The survey is weighted: a weight variable follows the fixed ones. */
  weighted?: boolean;
};

/** The dataset's variables, in the CSV's column order. */
export function statisticalDataset(options: DatasetOptions): StatisticalDataset {
  const { definitions, locale, labels, weighted = false } = options;
  const columns = exportColumns({ definitions, locale, labels, values: "codes", weighted });
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const cell: CellReader = (key) => (r) => byKey.get(key)?.value(r) ?? null;
  const questions = uniqueQuestions(definitions);
  const drafts: Draft[] = [
    ...fixedDrafts(labels, cell, weighted),
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
