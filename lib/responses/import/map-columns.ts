// Which column of a response file feeds what: a question (its code or label in one cell, several
// choices separated by ; , or |), one option or matrix row (0/1 per option as our CSV export
// writes it, a rank number, or a matrix row's point), or a response field (completion date,
// language, screening). Columns are matched to targets by code, by the `[code]` our exports put
// in headers, by question label, or by the export's own column headings, in either language;
// the researcher can change every match. Pure and browser-safe.
import { z } from "zod";
import {
  listQuestions,
  type QuestionDefinition,
  type QuestionnaireDefinition,
} from "@/lib/questionnaire/definition-schema";
import { exportLabels } from "@/lib/export/export-labels";

export const IMPORT_FIELDS = [
  "completed_at",
  "started_at",
  "duration_seconds",
  "locale",
  "screened_rule",
  "screened_reason",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A target key: `field:completed_at`, `question:region`, `part:macro_constraints.national_policy`. */
export type TargetKey = string;
/** Column header → target key, or "" for a column that is not imported. */
export type ColumnMapping = Record<string, TargetKey>;

export const ColumnMappingSchema = z.record(z.string().max(1000), z.string().max(200));

export type ImportTarget =
  | { kind: "field"; field: ImportField }
  | { kind: "question"; question: QuestionDefinition }
  | { kind: "part"; question: QuestionDefinition; part: string };

const FIELD_LABEL_KEYS: Record<
  ImportField,
  "completedAt" | "startedAt" | "durationSeconds" | "locale" | "screenedRule" | "screenedReason"
> = {
  completed_at: "completedAt",
  started_at: "startedAt",
  duration_seconds: "durationSeconds",
  locale: "locale",
  screened_rule: "screenedRule",
  screened_reason: "screenedReason",
};

/** Options of a multi or rank question and rows of a matrix: the parts that have a column each. */
export function partsOf(q: QuestionDefinition): string[] {
  if (q.type === "multi" || q.type === "rank") return q.options.map((o) => o.code);
  if (q.type === "matrix") return q.rows.map((r) => r.code);
  return [];
}

/** Every target a column of this questionnaire can be mapped to, keyed. */
export function importTargets(def: QuestionnaireDefinition): Map<TargetKey, ImportTarget> {
  const targets = new Map<TargetKey, ImportTarget>();
  for (const field of IMPORT_FIELDS) targets.set(`field:${field}`, { kind: "field", field });
  for (const { question } of listQuestions(def)) {
    if (question.type !== "matrix") targets.set(`question:${question.code}`, { kind: "question", question });
    for (const part of partsOf(question))
      targets.set(`part:${question.code}.${part}`, { kind: "part", question, part });
  }
  return targets;
}

const normalize = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

/** The target a header names, if it names one unambiguously. */
function matchHeader(header: string, def: QuestionnaireDefinition, targets: Map<TargetKey, ImportTarget>) {
  const bracket = /\[([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?)\]\s*$/.exec(header)?.[1];
  const code = bracket ?? header.trim();
  for (const key of [`question:${code}`, `part:${code}`, `field:${code}`]) if (targets.has(key)) return key;
  const text = normalize(header);
  for (const locale of ["en", "zh"] as const) {
    const labels = exportLabels(locale);
    const field = IMPORT_FIELDS.find((f) => normalize(labels[FIELD_LABEL_KEYS[f]]) === text);
    if (field) return `field:${field}`;
  }
  const byLabel = listQuestions(def).filter(
    ({ question: q }) => q.type !== "matrix" && [q.label.zh, q.label.en].some((l) => l && normalize(l) === text),
  );
  return byLabel.length === 1 ? `question:${byLabel[0].question.code}` : "";
}

/** A first mapping of every header; each target is taken by its first matching column only. */
export function autoMapColumns(headers: string[], def: QuestionnaireDefinition): ColumnMapping {
  const targets = importTargets(def);
  const taken = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const key = matchHeader(header, def, targets);
    mapping[header] = key && !taken.has(key) ? key : "";
    if (key) taken.add(key);
  }
  return mapping;
}

export type MappingProblem =
  | { code: "unknown_target"; column: string; target: string }
  | { code: "target_twice"; column: string; target: string }
  | { code: "whole_and_parts"; column: string; question: string };

/** Mistakes of a mapping as a whole: targets that do not exist, are fed twice, or both whole and by part. */
export function mappingProblems(mapping: ColumnMapping, def: QuestionnaireDefinition): MappingProblem[] {
  const targets = importTargets(def);
  const problems: MappingProblem[] = [];
  const seen = new Set<string>();
  const wholes = new Set<string>();
  const parts = new Map<string, string>();
  for (const [column, key] of Object.entries(mapping)) {
    if (!key) continue;
    const target = targets.get(key);
    if (!target) problems.push({ code: "unknown_target", column, target: key });
    else if (seen.has(key)) problems.push({ code: "target_twice", column, target: key });
    seen.add(key);
    if (target?.kind === "question") wholes.add(target.question.code);
    if (target?.kind === "part" && !parts.has(target.question.code)) parts.set(target.question.code, column);
  }
  for (const [question, column] of parts)
    if (wholes.has(question)) problems.push({ code: "whole_and_parts", column, question });
  return problems;
}
