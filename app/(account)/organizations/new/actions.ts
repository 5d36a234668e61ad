"use server";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import { rememberCurrentOrganization } from "@/lib/auth/current-organization";
import { db } from "@/lib/db/client";
import { createOrganization } from "@/lib/organizations/create-organization";
import { formCommand, invalidForm, type FormState } from "@/lib/organizations/form-state";
import { CreateOrganizationSchema } from "@/lib/organizations/organization-schemas";

export async function createOrganizationAction(_: FormState, form: FormData): Promise<FormState> {
  const parsed = CreateOrganizationSchema.safeParse({ name: form.get("name"), slug: form.get("slug") });
  if (!parsed.success) return invalidForm(parsed.error);
  const actor = await getActor();
  if (!actor) return { status: "error", message: "errors.notFound" };
  const state = await formCommand(async () => {
    const organization = await createOrganization({ db, ownerId: actor.userId, input: parsed.data });
    await rememberCurrentOrganization(organization.slug);
    return { status: "ok" };
  });
  if (state.status === "ok") redirect("/organization");
  return state;
}
