// POST /api/v1/questionnaires: import a questionnaire definition (DESIGN.md §3) as a new draft.
// GET: the questionnaires of the caller's current organization, for the roles that may read them.
import { getActor } from "@/lib/auth/actor";
import { currentOrganization, requestedOrganization } from "@/lib/auth/current-organization";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { answer, apiError, readJsonBody, unauthorized } from "@/lib/http/api-response";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { createQuestionnaire } from "@/lib/questionnaire/create-questionnaire";
import { MAX_DRAFT_BYTES } from "@/lib/questionnaire/draft-shape-schema";
import { listQuestionnaires } from "@/lib/questionnaire/list-questionnaires";
import { CreatedQuestionnaireSchema, QuestionnaireListSchema } from "@/lib/questionnaire/questionnaire-api-schemas";
import { QuestionnaireCodeTakenError } from "@/lib/questionnaire/questionnaire-errors";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";

export const POST = apiRoute(async (request: Request) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  // ?organization=<slug> picks one of the caller's organizations; otherwise the current one.
  const organization = await requestedOrganization(actor, new URL(request.url).searchParams.get("organization"));
  if (!organization || !can(organization.role, "questionnaires.write"))
    return apiError(403, "forbidden", "Importing a questionnaire needs the researcher role in the organization.");

  const body = await readJsonBody(request, QuestionnaireDefinitionSchema, MAX_DRAFT_BYTES);
  if ("response" in body) return body.response;
  try {
    const created = await createQuestionnaire({
      db,
      organizationId: organization.id,
      actorId: actor.userId,
      definition: body.data,
      source: "import",
    });
    return answer(CreatedQuestionnaireSchema, created, {
      status: 201,
      headers: { Location: `/api/v1/questionnaires/${created.id}` },
    });
  } catch (e) {
    if (e instanceof QuestionnaireCodeTakenError) return apiError(409, "code_taken", e.message, { code: e.code });
    throw e;
  }
});

export const GET = apiRoute(async (request: Request) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const organization = await currentOrganization(actor);
  // The same rule as the questionnaires page (lib/auth/permissions.ts).
  if (organization && !can(organization.role, "questionnaires.read"))
    return apiError(403, "forbidden", "Listing questionnaires needs the researcher role in the organization.");
  const list = await listQuestionnaires({ db, actor, organizationId: organization?.id });
  return answer(QuestionnaireListSchema, {
    questionnaires: list.map((q) => ({
      id: q.id,
      code: q.code,
      title: q.title,
      updatedAt: q.updatedAt,
      latestVersion: q.latestVersion?.number ?? null,
    })),
  });
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed("POST", "GET");
