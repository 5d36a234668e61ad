"use server";
// A survey's settings, invitation lists and quotas.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import { createInvitations } from "@/lib/surveys/create-invitations";
import { parseInvitationCsv, type InvitationRowError } from "@/lib/surveys/parse-invitation-csv";
import { publicBaseUrl, respondentPath } from "@/lib/surveys/public-url";
import { QuotaInputSchema } from "@/lib/surveys/quota-schema";
import { removeQuota, setQuota } from "@/lib/surveys/quotas";
import { setCollectorOpen } from "@/lib/surveys/set-collector-open";
import { DEFAULT_INVITATION_LIST_NAME, InvitationListNameSchema } from "@/lib/surveys/survey-api-schemas";
import { SurveySettingsSchema } from "@/lib/surveys/survey-schema";
import { updateSurvey } from "@/lib/surveys/update-survey";
import type { SurveyFormState } from "@/components/surveys/survey-settings-form";

export async function updateSurveyAction(slug: string, _: SurveyFormState, form: FormData): Promise<SurveyFormState> {
  const { actor } = await requireOrganization({ permission: "surveys.manage" });
  const parsed = SurveySettingsSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return { errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) };
  if (!(await updateSurvey({ db, actor, slug, input: parsed.data }))) return { errors: { titleZh: "notFound" } };
  revalidatePath(`/surveys/${slug}`);
  return { saved: true };
}

export type InvitationState =
  | { errors: InvitationRowError[] }
  | { links: { firmName: string; contact: string | null; firmIdentifier: string | null; link: string }[] }
  | null;

export async function createInvitationsAction(slug: string, name: string, csv: string): Promise<InvitationState> {
  const { actor } = await requireOrganization({ permission: "surveys.manage" });
  const { rows, errors } = parseInvitationCsv(csv);
  if (errors.length) return { errors };
  const listName = InvitationListNameSchema.safeParse(name);
  const created = await createInvitations({
    db,
    actor,
    slug,
    name: listName.success ? listName.data : DEFAULT_INVITATION_LIST_NAME,
    rows,
  });
  if (!created) return { errors: [{ line: 0, field: "file", code: "malformed" }] };
  const base = await publicBaseUrl();
  revalidatePath(`/surveys/${slug}`);
  return {
    links: created.invitations.map((i) => ({
      firmName: i.firmName,
      contact: i.contact,
      firmIdentifier: i.firmIdentifier,
      link: base + respondentPath(slug, i.token),
    })),
  };
}

export type QuotaState = { error?: string; saved?: boolean } | null;

export async function setQuotaAction(slug: string, _: QuotaState, form: FormData): Promise<QuotaState> {
  const { actor } = await requireOrganization({ permission: "surveys.manage" });
  const parsed = QuotaInputSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: issue.path[0] === "limit" ? issue.message : "notBreakdown" };
  }
  const result = await setQuota({ db, actor, slug, quota: parsed.data });
  if (result !== "saved") return { error: "notBreakdown" };
  revalidatePath(`/surveys/${slug}`);
  return { saved: true };
}

export async function removeQuotaAction(slug: string, quotaId: string) {
  const { actor } = await requireOrganization({ permission: "surveys.manage" });
  if (!z.uuid().safeParse(quotaId).success) return;
  await removeQuota({ db, actor, slug, quotaId });
  revalidatePath(`/surveys/${slug}`);
}

export async function setCollectorOpenAction(slug: string, collectorId: string, open: boolean) {
  const { actor } = await requireOrganization({ permission: "surveys.manage" });
  if (!z.uuid().safeParse(collectorId).success) return;
  await setCollectorOpen({ db, actor, slug, collectorId, open });
  revalidatePath(`/surveys/${slug}`);
}
