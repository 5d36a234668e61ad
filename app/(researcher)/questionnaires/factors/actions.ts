"use server";
// Adding a factor to the organization's library, or correcting one's labels and level.
import { revalidatePath } from "next/cache";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import { saveFactor } from "@/lib/questionnaire/factor-library";
import { FactorInputSchema } from "@/lib/questionnaire/factor-schema";

export type FactorFormState = { ok?: "created" | "updated"; errors?: Record<string, string> } | null;

export async function saveFactorAction(_: FactorFormState, form: FormData): Promise<FactorFormState> {
  const { actor, organization } = await requireOrganization({ permission: "questionnaires.write" });
  const parsed = FactorInputSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return { errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) };
  const result = await saveFactor({ db, actor, organizationId: organization.id, factor: parsed.data });
  if (result === "not_found") return { errors: { code: "forbidden" } };
  revalidatePath("/questionnaires/factors");
  return { ok: result };
}
