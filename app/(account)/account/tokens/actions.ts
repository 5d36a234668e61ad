"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/actor";
import { CreateApiTokenSchema, RevokeApiTokenSchema } from "@/lib/auth/api-token-schemas";
import { createApiToken } from "@/lib/auth/create-api-token";
import { revokeApiToken } from "@/lib/auth/revoke-api-token";
import { db } from "@/lib/db/client";
import { invalidForm, type FormState } from "@/lib/organizations/form-state";

export async function createApiTokenAction(_: FormState, form: FormData): Promise<FormState> {
  const parsed = CreateApiTokenSchema.safeParse({ name: form.get("name"), organizationId: form.get("organizationId") });
  if (!parsed.success) return invalidForm(parsed.error);
  const actor = await getActor();
  // Tokens are made in a signed-in session only: a token cannot mint further tokens.
  if (!actor || actor.via !== "session") return { status: "error", message: "errors.notFound" };
  const created = await createApiToken({
    db,
    userId: actor.userId,
    organizationId: parsed.data.organizationId,
    name: parsed.data.name,
  });
  if (!created) return { status: "error", fieldErrors: { organizationId: "errors.organizationRequired" } };
  revalidatePath("/account/tokens");
  return { status: "ok", result: { name: created.apiToken.name, token: created.token } };
}

export async function revokeApiTokenAction(_: FormState, form: FormData): Promise<FormState> {
  const parsed = RevokeApiTokenSchema.safeParse({ tokenId: form.get("tokenId") });
  if (!parsed.success) return invalidForm(parsed.error);
  const actor = await getActor();
  if (!actor || actor.via !== "session") return { status: "error", message: "errors.notFound" };
  if (!(await revokeApiToken({ db, actor, tokenId: parsed.data.tokenId })))
    return { status: "error", message: "errors.notFound" };
  revalidatePath("/account/tokens");
  return { status: "ok" };
}
