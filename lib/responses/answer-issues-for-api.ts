// The 422 body's issues: each answer issue with its path in the request body and its message in
// the submission's language, worded from the same message files the respondent form uses.
import "server-only";
import { createTranslator } from "next-intl";
import type { ApiIssue } from "@/lib/http/api-response";
import { compileMessages } from "@/lib/i18n/compile-messages";
import { issueMessageOf } from "@/lib/questionnaire/answer-issue-message";
import type { AnswerIssue } from "@/lib/questionnaire/answer-validation";
import type { Locale, QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import en from "@/messages/en/respondent.json";
import zh from "@/messages/zh/respondent.json";

const MESSAGES = { zh: compileMessages(zh), en: compileMessages(en) };

export function answerIssuesForApi(
  issues: AnswerIssue[],
  def: QuestionnaireDefinition,
  locale: Locale,
): (ApiIssue & { code: string })[] {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "issues" });
  return issues.map((issue) => {
    const { key, values } = issueMessageOf(issue, def, locale);
    return { path: ["answers", ...issue.path], code: issue.code, message: t(key as "required", values) };
  });
}
