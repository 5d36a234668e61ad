// The one check of a respondent's answers against a questionnaire version, used by the browser
// form (errors next to each question) and by the server (422 before anything is stored).
// Browser-safe. Issues carry stable codes; answer-issue-message.ts words them in zh or en.
// zod/mini (the tree-shakable build of zod 4) keeps the respondent page light.
import * as z from "zod/mini";
import type { Answers } from "./answer-values";
import type { QuestionDefinition, QuestionnaireDefinition } from "./definition-schema";
import { isStorableText } from "@/lib/text/storable-text";
import { isExclusiveOption } from "./exclusive-option";
import { questionsOf } from "./question-list";
import { isAnswered, keepVisibleAnswers, visibleQuestionCodes } from "./visibility";

export const ANSWER_ISSUE_CODES = [
  "required",
  "unknown_question",
  "invalid_value",
  "unknown_option",
  "exclusive_conflict",
  "too_many_choices",
  "duplicate_choice",
  "rank_count",
  "not_a_number",
  "not_integer",
  "too_small",
  "too_large",
  "unknown_row",
  "incomplete_matrix",
  "too_long",
] as const;
export type AnswerIssueCode = (typeof ANSWER_ISSUE_CODES)[number];
export type AnswerIssueParams = Record<string, string | number>;
/** `path` starts with the question code; a matrix row or an option code may follow. */
export type AnswerIssue = { path: (string | number)[]; code: AnswerIssueCode; params?: AnswerIssueParams };

type Check = (q: QuestionDefinition, value: unknown) => Omit<AnswerIssue, "path">[] | Omit<AnswerIssue, "path">;
const ok: Omit<AnswerIssue, "path">[] = [];
const issue = (code: AnswerIssueCode, params?: AnswerIssueParams) => ({ code, ...(params ? { params } : {}) });

/** Numbers beyond this lose whole-number precision in storage and in statistics. */
export const MAX_NUMBER_ANSWER = 1e15;

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
const isScaleValue = (v: unknown, min: number, max: number) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

function checkChoices(q: Extract<QuestionDefinition, { options: unknown }>, chosen: string[]) {
  const unknown = chosen.find((c) => !q.options.some((o) => o.code === c));
  if (unknown !== undefined) return [issue("unknown_option", { option: unknown })];
  if (new Set(chosen).size !== chosen.length) return [issue("duplicate_choice")];
  return ok;
}

const checks: Record<QuestionDefinition["type"], Check> = {
  single: (q, v) => (typeof v === "string" && q.type === "single" ? checkChoices(q, [v]) : issue("invalid_value")),
  multi: (q, v) => {
    if (!isStringArray(v) || q.type !== "multi") return issue("invalid_value");
    const wrong = checkChoices(q, v);
    if (wrong.length) return wrong;
    const exclusive = v.find((c) => isExclusiveOption(q.options.find((o) => o.code === c)));
    if (exclusive && v.length > 1) return issue("exclusive_conflict", { option: exclusive });
    if (q.maxSelections && v.length > q.maxSelections) return issue("too_many_choices", { max: q.maxSelections });
    return ok;
  },
  rank: (q, v) => {
    if (!isStringArray(v) || q.type !== "rank") return issue("invalid_value");
    const wrong = checkChoices(q, v);
    if (wrong.length) return wrong;
    // "Order the top N": a ranking is complete with exactly N options, neither fewer nor more.
    return v.length === q.topN ? ok : issue("rank_count", { count: q.topN, given: v.length });
  },
  scale: (q, v) => (q.type === "scale" && isScaleValue(v, q.scale.min, q.scale.max) ? ok : issue("invalid_value")),
  matrix: (q, v) => {
    if (q.type !== "matrix" || !v || typeof v !== "object" || Array.isArray(v)) return issue("invalid_value");
    const out: Omit<AnswerIssue, "path">[] = [];
    for (const [row, n] of Object.entries(v)) {
      if (!q.rows.some((r) => r.code === row)) out.push(issue("unknown_row", { row }));
      else if (!isScaleValue(n, q.scale.min, q.scale.max)) out.push(issue("invalid_value", { row }));
    }
    return out;
  },
  number: (q, v) => {
    if (q.type !== "number") return ok;
    if (typeof v !== "number" || !Number.isFinite(v)) return issue("not_a_number");
    if (Math.abs(v) > MAX_NUMBER_ANSWER)
      return issue(v > 0 ? "too_large" : "too_small", v > 0 ? { max: MAX_NUMBER_ANSWER } : { min: -MAX_NUMBER_ANSWER });
    if (q.integer && !Number.isInteger(v)) return issue("not_integer");
    const range = { ...(q.min !== undefined ? { min: q.min } : {}), ...(q.max !== undefined ? { max: q.max } : {}) };
    if (q.min !== undefined && v < q.min) return issue("too_small", range);
    if (q.max !== undefined && v > q.max) return issue("too_large", range);
    return ok;
  },
  text: (q, v) => {
    if (q.type !== "text" || typeof v !== "string" || !isStorableText(v)) return issue("invalid_value");
    return [...v.trim()].length > q.maxLength
      ? issue("too_long", { max: q.maxLength, given: [...v.trim()].length })
      : ok;
  },
};

/**
 * An empty answer of a shape the question takes (blank text, no choices, no matrix rows): treated
 * as unanswered. Any other unanswered value (true, {} for a text question, ...) is invalid, not
 * silently dropped.
 */
function isBlankOfShape(q: QuestionDefinition, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0 && (q.type === "multi" || q.type === "rank");
  if (typeof value === "object") return Object.keys(value).length === 0 && q.type === "matrix";
  return false;
}

/** Rows of a required matrix still unanswered. */
function missingRows(q: QuestionDefinition, value: unknown): number {
  if (q.type !== "matrix" || !value || typeof value !== "object") return 0;
  return q.rows.filter((r) => (value as Record<string, unknown>)[r.code] === undefined).length;
}

export type AnswerValidationOptions = {
  /** A partial save: required questions may still be empty. */
  partial?: boolean;
  /** Check only these questions (e.g. the section on screen); unknown codes are still reported. */
  onlyQuestions?: ReadonlySet<string>;
};

/** Every issue of the given answers; hidden questions are neither required nor checked. */
export function answerIssues(
  def: QuestionnaireDefinition,
  answers: Record<string, unknown>,
  options: AnswerValidationOptions = {},
): AnswerIssue[] {
  const questions = questionsOf(def);
  const known = new Set(questions.map((q) => q.code));
  const issues: AnswerIssue[] = Object.keys(answers)
    .filter((code) => !known.has(code))
    .map((code) => ({ path: [code], code: "unknown_question" }));
  const visible = visibleQuestionCodes(def, answers as Answers);
  for (const q of questions) {
    if (!visible.has(q.code) || (options.onlyQuestions && !options.onlyQuestions.has(q.code))) continue;
    const value = answers[q.code];
    if (!isAnswered(value as Answers[string])) {
      if (!isBlankOfShape(q, value)) {
        issues.push({ path: [q.code], code: "invalid_value" });
        continue;
      }
      if (q.required && !options.partial) issues.push({ path: [q.code], code: "required" });
      continue;
    }
    const found = checks[q.type](q, value);
    for (const i of Array.isArray(found) ? found : [found]) {
      const row = i.params?.row;
      issues.push({ ...i, path: row !== undefined && i.code !== "unknown_row" ? [q.code, row] : [q.code] });
    }
    const missing = q.required && !options.partial ? missingRows(q, value) : 0;
    if (missing > 0) issues.push({ path: [q.code], code: "incomplete_matrix", params: { missing } });
  }
  return issues;
}

type AnswersSchema = ReturnType<typeof buildAnswersSchema>;
/**
 * Built once per definition object and kind (complete or partial): a submission's parse is then
 * the checks only, not the schema's construction too (a twentieth of a submission's CPU).
 * Definitions are never changed in place (they are parsed, stored and replaced whole).
 */
const builtSchemas = new WeakMap<QuestionnaireDefinition, { complete?: AnswersSchema; partial?: AnswersSchema }>();

/**
 * The answers as a zod schema of this questionnaire version: parsing checks every answer and
 * returns only the answers of shown questions, without blank ones. Issues keep their code in
 * `params.code` so that either side can word them in the respondent's language.
 */
export function answersSchemaFor(def: QuestionnaireDefinition, options: AnswerValidationOptions = {}): AnswersSchema {
  if (options.onlyQuestions) return buildAnswersSchema(def, options);
  const kind = options.partial ? "partial" : "complete";
  const built = builtSchemas.get(def) ?? {};
  builtSchemas.set(def, built);
  return (built[kind] ??= buildAnswersSchema(def, { partial: options.partial }));
}

function buildAnswersSchema(def: QuestionnaireDefinition, options: AnswerValidationOptions) {
  return z.pipe(
    z.record(z.string(), z.unknown()).check(
      z.superRefine((answers, ctx) => {
        for (const i of answerIssues(def, answers, options))
          ctx.addIssue({ code: "custom", path: i.path, message: i.code, params: { ...i.params, code: i.code } });
      }),
    ),
    z.transform((answers: Record<string, unknown>) => keepVisibleAnswers(def, answers as Answers)),
  );
}

/** Reads the answer issues back out of a zod error produced by answersSchemaFor. */
export function answerIssuesOf(error: z.core.$ZodError): AnswerIssue[] {
  return error.issues.map((i) => {
    const { code, ...params } = ((i as { params?: Record<string, string | number> }).params ?? {}) as AnswerIssueParams;
    return {
      path: i.path.map((p) => (typeof p === "number" ? p : String(p))),
      code: (ANSWER_ISSUE_CODES as readonly string[]).includes(String(code))
        ? (code as AnswerIssueCode)
        : "invalid_value",
      ...(Object.keys(params).length ? { params } : {}),
    };
  });
}
