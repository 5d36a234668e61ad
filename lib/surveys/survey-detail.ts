// A survey as the API answers it (SurveyDetailSchema): settings, status, version and counts.
import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db/create-client";
import { responseCounts } from "@/lib/responses/counts";
import type { getSurvey } from "./get-survey";
import type { SurveyDetailSchema } from "./survey-api-schemas";

type FoundSurvey = NonNullable<Awaited<ReturnType<typeof getSurvey>>>;

export async function surveyDetail(db: Db, survey: FoundSurvey): Promise<z.output<typeof SurveyDetailSchema>> {
  return {
    id: survey.id,
    slug: survey.slug,
    titleZh: survey.titleZh,
    titleEn: survey.titleEn,
    defaultLocale: survey.defaultLocale,
    status: survey.status,
    opensAt: survey.opensAt,
    closesAt: survey.closesAt,
    minCompletionSeconds: survey.minCompletionSeconds,
    smallCellThreshold: survey.smallCellThreshold,
    publicDashboard: survey.publicDashboard,
    embedOrigins: survey.embedOrigins,
    createdAt: survey.createdAt,
    version: {
      id: survey.version.id,
      number: survey.version.number,
      questionnaireId: survey.version.questionnaire.id,
      questionnaireCode: survey.version.questionnaire.code,
    },
    counts: await responseCounts(db, survey.id),
  };
}
