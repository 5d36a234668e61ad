"use server";
// The designer's save and publish.
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { DraftShapeSchema, MAX_DRAFT_BYTES } from "@/lib/questionnaire/draft-shape-schema";
import type { DraftDefinition } from "@/lib/questionnaire/draft-edits";
import { publishQuestionnaire } from "@/lib/questionnaire/publish-questionnaire";
import { DraftInvalidError } from "@/lib/questionnaire/publish-version";
import { DraftConflictError } from "@/lib/questionnaire/questionnaire-errors";
import { saveDraft } from "@/lib/questionnaire/save-draft";

export async function saveDraftAction(id: string, draft: DraftDefinition, expectedUpdatedAt: string) {
  const actor = await getActor();
  if (!actor) return { ok: false as const, error: "not_found" as const };
  const shape = DraftShapeSchema.safeParse(draft);
  const expected = new Date(expectedUpdatedAt);
  if (!shape.success || JSON.stringify(draft).length > MAX_DRAFT_BYTES || Number.isNaN(expected.getTime()))
    return { ok: false as const, error: "invalid" as const };
  try {
    const updatedAt = await saveDraft({
      db,
      actor,
      id,
      draft: shape.data as DraftDefinition,
      expectedUpdatedAt: expected,
    });
    if (!updatedAt) return { ok: false as const, error: "not_found" as const };
    return { ok: true as const, updatedAt: updatedAt.toISOString() };
  } catch (e) {
    if (e instanceof DraftConflictError) return { ok: false as const, error: "conflict" as const };
    throw e;
  }
}

export async function publishAction(id: string) {
  const actor = await getActor();
  if (!actor) return { ok: false as const, error: "not_found" as const };
  try {
    const version = await publishQuestionnaire({ db, actor, id });
    if (!version) return { ok: false as const, error: "not_found" as const };
    revalidatePath(`/questionnaires/${id}/versions`);
    return { ok: true as const, version: version.number };
  } catch (e) {
    if (e instanceof DraftInvalidError)
      return {
        ok: false as const,
        error: "invalid" as const,
        details: e.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
      };
    throw e;
  }
}
