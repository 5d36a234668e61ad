// POST /api/v1/questionnaires/{id}/versions: publish the draft as the next immutable version; the
// answer carries the version's id, which POST /api/v1/surveys takes.
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { answer, notFound, unauthorized, validationFailed } from "@/lib/http/api-response";
import { PublishedVersionSchema } from "@/lib/questionnaire/questionnaire-api-schemas";
import { publishQuestionnaire } from "@/lib/questionnaire/publish-questionnaire";
import { DraftInvalidError } from "@/lib/questionnaire/publish-version";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";

export const POST = apiRoute(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const { id } = await ctx.params;
  try {
    const version = await publishQuestionnaire({ db, actor, id });
    if (!version) return notFound("No questionnaire with this id.");
    return answer(
      PublishedVersionSchema,
      { id: version.id, version: version.number, publishedAt: version.publishedAt },
      { status: 201 },
    );
  } catch (e) {
    if (e instanceof DraftInvalidError)
      return validationFailed(
        e.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "number" ? p : String(p))), message: i.message })),
        "The draft has problems to fix before it can be published.",
      );
    throw e;
  }
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed("POST");
