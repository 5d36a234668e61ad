"use server";
// Accepting an invitation: as a newcomer (name and password) or as the signed-in invitee, whose
// joined organization becomes the current one (a newcomer has only that one).
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import { rememberCurrentOrganization } from "@/lib/auth/current-organization";
import { db } from "@/lib/db/client";
import { acceptInvitationAsNewUser, acceptInvitationAsUser } from "@/lib/organizations/accept-invitation";
import { formCommand, invalidForm, type FormState } from "@/lib/organizations/form-state";
import { AcceptAsNewUserSchema } from "@/lib/organizations/organization-schemas";

export async function acceptAsNewUserAction(token: string, _: FormState, form: FormData): Promise<FormState> {
  const parsed = AcceptAsNewUserSchema.safeParse({ name: form.get("name"), password: form.get("password") });
  if (!parsed.success) return invalidForm(parsed.error);
  return formCommand(async () => {
    const joined = await acceptInvitationAsNewUser({ db, token, input: parsed.data });
    return { status: "ok", result: { email: joined.email } };
  });
}

export async function acceptAsUserAction(token: string, _: FormState): Promise<FormState> {
  const actor = await getActor();
  if (!actor) return { status: "error", message: "errors.accountExists" };
  const state = await formCommand(async () => {
    const joined = await acceptInvitationAsUser({ db, token, userId: actor.userId });
    await rememberCurrentOrganization(joined.organizationSlug);
    return { status: "ok" };
  });
  if (state.status === "ok") redirect("/organization");
  return state;
}
