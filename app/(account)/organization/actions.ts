"use server";
// Membership commands of the members page. Each parses its form, finds the caller, and calls
// lib/organizations, whose queries allow only owners of the membership's organization.
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/actor";
import { currentOrganization } from "@/lib/auth/current-organization";
import { db } from "@/lib/db/client";
import { changeMemberRole } from "@/lib/organizations/change-member-role";
import { formCommand, invalidForm, type FormState } from "@/lib/organizations/form-state";
import { inviteMember } from "@/lib/organizations/invite-member";
import {
  ChangeRoleSchema,
  InviteMemberSchema,
  RemoveMemberSchema,
  RevokeInvitationSchema,
} from "@/lib/organizations/organization-schemas";
import { removeMember } from "@/lib/organizations/remove-member";
import { signOutMember } from "@/lib/organizations/sign-out-member";
import { revokeInvitation } from "@/lib/organizations/revoke-invitation";

const NOT_FOUND: FormState = { status: "error", message: "errors.notFound" };

export async function inviteMemberAction(_: FormState, form: FormData): Promise<FormState> {
  const parsed = InviteMemberSchema.safeParse({ email: form.get("email"), role: form.get("role") });
  if (!parsed.success) return invalidForm(parsed.error);
  const actor = await getActor();
  const organization = actor && (await currentOrganization(actor));
  if (!actor || !organization) return NOT_FOUND;
  return formCommand(async () => {
    const { token } = await inviteMember({ db, actor, organizationId: organization.id, input: parsed.data });
    revalidatePath("/organization");
    return { status: "ok", result: { email: parsed.data.email, path: `/invitations/${token}` } };
  });
}

export async function changeRoleAction(_: FormState, form: FormData): Promise<FormState> {
  const parsed = ChangeRoleSchema.safeParse({ membershipId: form.get("membershipId"), role: form.get("role") });
  if (!parsed.success) return invalidForm(parsed.error);
  const actor = await getActor();
  if (!actor) return NOT_FOUND;
  return formCommand(async () => {
    await changeMemberRole({ db, actor, ...parsed.data });
    revalidatePath("/organization");
    return { status: "ok" };
  });
}

export async function removeMemberAction(_: FormState, form: FormData): Promise<FormState> {
  const parsed = RemoveMemberSchema.safeParse({ membershipId: form.get("membershipId") });
  if (!parsed.success) return invalidForm(parsed.error);
  const actor = await getActor();
  if (!actor) return NOT_FOUND;
  return formCommand(async () => {
    await removeMember({ db, actor, membershipId: parsed.data.membershipId });
    revalidatePath("/organization");
    return { status: "ok" };
  });
}

export async function signOutMemberAction(_: FormState, form: FormData): Promise<FormState> {
  const parsed = RemoveMemberSchema.safeParse({ membershipId: form.get("membershipId") });
  if (!parsed.success) return invalidForm(parsed.error);
  const actor = await getActor();
  if (!actor) return NOT_FOUND;
  return formCommand(async () => {
    await signOutMember({ db, actor, membershipId: parsed.data.membershipId });
    return { status: "ok", message: "members.signedOut" };
  });
}

export async function revokeInvitationAction(_: FormState, form: FormData): Promise<FormState> {
  const parsed = RevokeInvitationSchema.safeParse({ invitationId: form.get("invitationId") });
  if (!parsed.success) return invalidForm(parsed.error);
  const actor = await getActor();
  if (!actor) return NOT_FOUND;
  return formCommand(async () => {
    await revokeInvitation({ db, actor, invitationId: parsed.data.invitationId });
    revalidatePath("/organization");
    return { status: "ok" };
  });
}
