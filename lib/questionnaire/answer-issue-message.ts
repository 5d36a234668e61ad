// Words an answer issue for the respondent: which message (a key under `respondent.issues` in
// messages/<locale>/respondent.json) with which values, naming the option or row concerned in
// the questionnaire's own language. Browser-safe; the form and the API share it.
import type { AnswerIssue } from "./answer-validation";
import type { Locale, QuestionnaireDefinition } from "./definition-schema";
import { localizedText } from "./localized-text";
import { questionsOf } from "./question-list";

export type IssueMessage = { key: string; values: Record<string, string | number> };

export function issueMessageOf(issue: AnswerIssue, def: QuestionnaireDefinition, locale: Locale): IssueMessage {
  const question = questionsOf(def).find((q) => q.code === issue.path[0]);
  const params = issue.params ?? {};
  const optionLabel = (code: string | number | undefined) => {
    const found = question && "options" in question ? question.options.find((o) => o.code === code) : undefined;
    return found ? localizedText(found.label, locale) : String(code ?? "");
  };
  const rowLabel = (code: string | number | undefined) => {
    const found = question?.type === "matrix" ? question.rows.find((r) => r.code === code) : undefined;
    return found ? localizedText(found.label, locale) : String(code ?? "");
  };
  switch (issue.code) {
    case "too_small":
    case "too_large":
      if (params.min !== undefined && params.max !== undefined)
        return { key: "out_of_range", values: { min: params.min, max: params.max } };
      return { key: issue.code, values: params };
    case "exclusive_conflict":
    case "unknown_option":
      return { key: issue.code, values: { option: optionLabel(params.option) } };
    case "unknown_row":
      return { key: issue.code, values: { row: String(params.row ?? "") } };
    case "invalid_value":
      return params.row !== undefined
        ? { key: "invalid_row", values: { row: rowLabel(params.row) } }
        : { key: "invalid_value", values: {} };
    default:
      return { key: issue.code, values: params };
  }
}
