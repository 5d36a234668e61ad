"use server";
// Stores one keyed-in paper questionnaire.
import { z } from "zod";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import { LocaleSchema } from "@/lib/questionnaire/definition-schema";
import { enterPaperResponse } from "@/lib/responses/enter-paper-response";

const PaperEntrySchema = z.object({ submissionId: z.uuid(), locale: LocaleSchema, answers: z.record(z.string(), z.unknown()) });

export async function enterPaperAction(slug: string, input: unknown) {
  const { actor } = await requireOrganization({ minimumRole: "researcher" });
  const parsed = PaperEntrySchema.safeParse(input);
  if (!parsed.success) return { kind: "invalid" as const, issues: [] };
  return enterPaperResponse({ db, actor, slug, ...parsed.data });
}
