// GET /api/v1/surveys/{slug}/responses/{submissionId}: resume a partial response. The
// submissionId is the respondent's own unguessable key; a completed response shows only its
// status, never its answers.
import { db } from "@/lib/db/client";
import { answer, notFound } from "@/lib/http/api-response";
import { ResumeAnswerSchema } from "@/lib/responses/response-api-schemas";
import { findPublicSurvey } from "@/lib/responses/public-survey";
import { resumeBySubmission } from "@/lib/responses/resume-state";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";

export const GET = apiRoute(
  async (_request: Request, { params }: { params: Promise<{ slug: string; submissionId: string }> }) => {
    const { slug, submissionId } = await params;
    const survey = await findPublicSurvey({ db, slug });
    if (!survey) return notFound("No survey has this address.");
    const state = await resumeBySubmission({ db, surveyId: survey.id, submissionId });
    if (state.kind === "partial") return answer(ResumeAnswerSchema, { ...state, status: "partial" });
    if (state.kind === "complete")
      return answer(ResumeAnswerSchema, { submissionId, status: "complete", completedAt: state.completedAt });
    return notFound("No saved answers have this submissionId.");
  },
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
