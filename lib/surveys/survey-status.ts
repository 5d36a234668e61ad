// Whether a survey takes responses now. Browser-safe.
export type SurveyStatus = "scheduled" | "open" | "closed";

export function surveyStatus(survey: { opensAt: Date | null; closesAt: Date | null }, now = new Date()): SurveyStatus {
  if (survey.opensAt && now < survey.opensAt) return "scheduled";
  if (survey.closesAt && now >= survey.closesAt) return "closed";
  return "open";
}
