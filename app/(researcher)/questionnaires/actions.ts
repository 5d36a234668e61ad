"use server";
// Creating questionnaires: blank, from a template, or by importing a definition file.
import { redirect } from "next/navigation";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { createBlank, createFromTemplate } from "@/lib/questionnaire/create-from-template";
import { createQuestionnaire } from "@/lib/questionnaire/create-questionnaire";
import { MAX_DRAFT_BYTES } from "@/lib/questionnaire/draft-shape-schema";
import { NewQuestionnaireCodeSchema } from "@/lib/questionnaire/new-questionnaire-schema";
import { QuestionnaireCodeTakenError } from "@/lib/questionnaire/questionnaire-errors";

export type CreateState = { error?: string; issues?: { path: string; message: string }[] } | null;

async function create(
  run: (organizationId: string, actorId: string) => Promise<{ id: string } | null>,
): Promise<CreateState> {
  const { actor, organization } = await requireOrganization({ permission: "questionnaires.write" });
  let created: { id: string } | null;
  try {
    created = await run(organization.id, actor.userId);
  } catch (e) {
    if (e instanceof QuestionnaireCodeTakenError) return { error: "codeTaken" };
    throw e;
  }
  if (!created) return { error: "templateUnknown" };
  redirect(`/questionnaires/${created.id}`);
}

export async function createBlankAction(_: CreateState, form: FormData): Promise<CreateState> {
  const code = NewQuestionnaireCodeSchema.safeParse(form.get("code"));
  if (!code.success) return { error: "codeFormat" };
  const title = { zh: String(form.get("titleZh") ?? "").trim(), en: String(form.get("titleEn") ?? "").trim() };
  if (!title.zh && !title.en) return { error: "titleRequired" };
  return create((organizationId, actorId) => createBlank({ db, organizationId, actorId, code: code.data, title }));
}

export async function createFromTemplateAction(_: CreateState, form: FormData): Promise<CreateState> {
  const code = NewQuestionnaireCodeSchema.safeParse(form.get("code"));
  if (!code.success) return { error: "codeFormat" };
  const templateCode = String(form.get("template") ?? "");
  return create((organizationId, actorId) =>
    createFromTemplate({ db, organizationId, actorId, templateCode, code: code.data }),
  );
}

export async function importAction(_: CreateState, form: FormData): Promise<CreateState> {
  const text = String(form.get("definition") ?? "");
  if (!text.trim()) return { error: "importEmpty" };
  if (Buffer.byteLength(text) > MAX_DRAFT_BYTES) return { error: "importTooLarge" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: "importNotJson" };
  }
  const parsed = QuestionnaireDefinitionSchema.safeParse(json);
  if (!parsed.success)
    return {
      error: "importInvalid",
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    };
  return create((organizationId, actorId) =>
    createQuestionnaire({ db, organizationId, actorId, definition: parsed.data, source: "import" }),
  );
}
