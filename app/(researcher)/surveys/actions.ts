"use server";
// Creating a survey from a published questionnaire version.
import { redirect } from "next/navigation";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import { createSurvey } from "@/lib/surveys/create-survey";
import { CreateSurveySchema } from "@/lib/surveys/survey-schema";
import { SlugTakenError } from "@/lib/surveys/survey-errors";
import type { SurveyFormState } from "@/components/surveys/survey-settings-form";

export async function createSurveyAction(_: SurveyFormState, form: FormData): Promise<SurveyFormState> {
  const { actor } = await requireOrganization({ permission: "surveys.manage" });
  const parsed = CreateSurveySchema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return { errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) };
  let survey: { slug: string } | null;
  try {
    survey = await createSurvey({ db, actor, input: parsed.data });
  } catch (e) {
    if (e instanceof SlugTakenError) return { errors: { slug: "slugTaken" }, suggestion: e.suggestion };
    throw e;
  }
  if (!survey) return { errors: { versionId: "versionRequired" } };
  redirect(`/surveys/${survey.slug}`);
}
