"use server";
// Creating questionnaires: blank, from a template, or by importing a definition file or an XLSForm.
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { createBlank, createFromTemplate } from "@/lib/questionnaire/create-from-template";
import { createQuestionnaire } from "@/lib/questionnaire/create-questionnaire";
import { MAX_DRAFT_BYTES } from "@/lib/questionnaire/draft-shape-schema";
import { NewQuestionnaireCodeSchema } from "@/lib/questionnaire/new-questionnaire-schema";
import { QuestionnaireCodeTakenError } from "@/lib/questionnaire/questionnaire-errors";
import { importXlsform, MAX_XLSFORM_BYTES } from "@/lib/questionnaire/xlsform/import-xlsform";
import { xlsformIssueText } from "@/lib/questionnaire/xlsform/xlsform-issue-text";
import type { XlsformIssue } from "@/lib/questionnaire/xlsform/xlsform-issues";

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

export type XlsformState = {
  error?: "fileRequired" | "tooLarge" | "codeTaken" | "invalid";
  code?: string;
  created?: { id: string; code: string };
  errors?: string[];
  notMapped?: string[];
} | null;

export async function importXlsformAction(_: XlsformState, form: FormData): Promise<XlsformState> {
  const { actor, organization } = await requireOrganization({ permission: "questionnaires.write" });
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { error: "fileRequired" };
  if (file.size > MAX_XLSFORM_BYTES) return { error: "tooLarge" };
  const outcome = await importXlsform({
    db,
    organizationId: organization.id,
    actorId: actor.userId,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  const t = await getTranslations("designer.xlsform");
  const locale = (await getLocale()) === "zh" ? "zh" : "en";
  const word = (issues: XlsformIssue[]) => issues.map((i) => xlsformIssueText(i, t, locale));
  if (outcome.kind === "invalid")
    return { error: "invalid", errors: word(outcome.errors), notMapped: word(outcome.notMapped) };
  if (outcome.kind === "code_taken") return { error: "codeTaken", code: outcome.code };
  return { created: { id: outcome.id, code: outcome.code }, notMapped: word(outcome.notMapped) };
}
