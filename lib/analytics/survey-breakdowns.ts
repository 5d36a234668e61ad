// The breakdowns a dashboard filters by, read off the questionnaire version: every single-choice
// question marked as a breakdown, and the MIIT size class when an employee count derives it.
// Keys match response.breakdowns (lib/responses/answer-rows.ts). Browser-safe.
import { listQuestions, type LocalizedText, type QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { SIZE_CLASSES } from "@/lib/questionnaire/size-class";

export type BreakdownOption = { code: string; label: LocalizedText };
export type SurveyBreakdown = {
  key: string;
  /** The question's label; null for the derived size class, whose name is interface text. */
  label: LocalizedText | null;
  options: BreakdownOption[];
};

/** Labels of the derived MIIT 2011 size classes. */
export const SIZE_CLASS_LABELS: Record<(typeof SIZE_CLASSES)[number], LocalizedText> = {
  micro: { zh: "微型企业（10人以下）", en: "Micro (under 10 employees)" },
  small: { zh: "小型企业（10–100人）", en: "Small (10–100 employees)" },
  medium: { zh: "中型及以上（100人以上）", en: "Medium or larger (over 100 employees)" },
};

export function surveyBreakdowns(def: Pick<QuestionnaireDefinition, "sections">): SurveyBreakdown[] {
  const out: SurveyBreakdown[] = [];
  for (const { question } of listQuestions(def)) {
    if (question.type === "single" && question.breakdown) {
      const key = question.breakdown === "custom" ? question.code : question.breakdown;
      if (!out.some((b) => b.key === key))
        out.push({
          key,
          label: question.label,
          options: question.options.map((o) => ({ code: o.code, label: o.label })),
        });
    }
    if (question.type === "number" && question.derivesSizeClass && !out.some((b) => b.key === "size_class"))
      out.push({
        key: "size_class",
        label: null,
        options: SIZE_CLASSES.map((code) => ({ code, label: SIZE_CLASS_LABELS[code] })),
      });
  }
  return out;
}
