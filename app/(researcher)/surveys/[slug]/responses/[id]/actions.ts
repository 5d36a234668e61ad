"use server";
// Screening by hand: mark a response invalid with a reason, or restore it.
import { revalidatePath } from "next/cache";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import { ScreeningReasonSchema } from "@/lib/responses/screening-reason-schema";
import { markResponseInvalid, restoreResponse } from "@/lib/responses/screen-response";

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
