"use server";
import { requireActor } from "@/lib/auth/require-actor";
import { changePassword } from "@/lib/auth/change-password";
import { db } from "@/lib/db/client";
import { formCommand, invalidForm, type FormState } from "@/lib/organizations/form-state";
import { ChangePasswordSchema } from "@/lib/organizations/organization-schemas";

export async function changePasswordAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireActor();
  const parsed = ChangePasswordSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidForm(parsed.error);
  return formCommand(async () => {
    const outcome = await changePassword({ db, userId: actor.userId, keepSessionId: actor.sessionId, ...parsed.data });
    return outcome === "changed"
      ? { status: "ok", message: "password.changed" }
      : { status: "error", fieldErrors: { currentPassword: "errors.wrongCurrentPassword" } };
  });
}
