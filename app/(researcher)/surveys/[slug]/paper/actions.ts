"use server";
// Stores one keyed-in paper questionnaire.
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import { enterPaperResponse } from "@/lib/responses/enter-paper-response";
import { PaperEntrySchema } from "@/lib/responses/submission-schema";

export async function enterPaperAction(slug: string, input: unknown) {
  const { actor } = await requireOrganization({ permission: "responses.write" });
  const parsed = PaperEntrySchema.safeParse(input);
  if (!parsed.success) return { kind: "invalid" as const, issues: [] };
  return enterPaperResponse({ db, actor, slug, ...parsed.data });
}
