"use server";
// Screening by hand: mark a response invalid with a reason, or restore it; an owner erases one
// on the respondent's request.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import { ScreeningReasonSchema } from "@/lib/responses/screening-reason-schema";
import { markResponseInvalid, restoreResponse } from "@/lib/responses/screen-response";
import { eraseResponse } from "@/lib/responses/erase-response";
import type { FormState } from "@/lib/organizations/form-state";

export type ScreenState = { error?: string } | null;

export async function markInvalidAction(
  slug: string,
  id: string,
  _: ScreenState,
  form: FormData,
): Promise<ScreenState> {
  const { actor } = await requireOrganization({ permission: "responses.write" });
  const reason = ScreeningReasonSchema.safeParse(form.get("reason") ?? "");
  if (!reason.success) return { error: reason.error.issues[0].message };
  const result = await markResponseInvalid({ db, actor, slug, id, reason: reason.data });
  if (result !== "done") return { error: result === "not_complete" ? "notComplete" : "notFound" };
  revalidatePath(`/surveys/${slug}/responses/${id}`);
  return null;
}

export async function restoreAction(slug: string, id: string): Promise<ScreenState> {
  const { actor } = await requireOrganization({ permission: "responses.write" });
  const result = await restoreResponse({ db, actor, slug, id });
  if (result !== "done") return { error: "notFound" };
  revalidatePath(`/surveys/${slug}/responses/${id}`);
  return null;
}

export async function eraseAction(slug: string, id: string): Promise<FormState> {
  const { actor } = await requireOrganization({ permission: "responses.erase" });
  if (!(await eraseResponse({ db, actor, slug, id }))) return { status: "error", message: "errors.notFound" };
  revalidatePath(`/surveys/${slug}/responses`);
  redirect(`/surveys/${slug}/responses`);
}
