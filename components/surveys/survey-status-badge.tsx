// Open, scheduled or closed, in words and colour.
import { getTranslations } from "next-intl/server";
import type { SurveyStatus } from "@/lib/surveys/survey-status";

const TONE: Record<SurveyStatus, string> = {
  open: "bg-green-100 text-green-900",
  scheduled: "bg-amber-100 text-amber-900",
  closed: "bg-slate-200 text-slate-800",
};

export async function SurveyStatusBadge({ status }: { status: SurveyStatus }) {
  const t = await getTranslations("surveys.status");
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${TONE[status]}`}
      data-testid="survey-status"
    >
      {t(status)}
    </span>
  );
}
