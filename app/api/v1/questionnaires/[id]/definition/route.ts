// GET /api/v1/questionnaires/{id}/definition[?version=N]: the draft, or a published version, as
// the JSON document of DESIGN.md §3, offered as a download (the file the import accepts).
import { getActor } from "@/lib/auth/actor";
import { roleFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { MAX_PG_INT } from "@/lib/db/uuid";
import { apiError, notFound, unauthorized } from "@/lib/http/api-response";
import { getQuestionnaire, getVersionDefinition } from "@/lib/questionnaire/get-questionnaire";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";

export const GET = apiRoute(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const { id } = await ctx.params;
  const versionParam = new URL(request.url).searchParams.get("version");
  let definition: unknown;
  let name: string;
  if (versionParam !== null) {
    const number = Number(versionParam);
    if (!Number.isInteger(number) || number < 1 || number > MAX_PG_INT)
      return apiError(400, "invalid_version", "version must be a positive whole number.");
    const version = await getVersionDefinition({ db, actor, questionnaireId: id, number });
    if (!version) return notFound("No such questionnaire version.");
    definition = version.definition;
    name = `${(version.definition as { code: string }).code}-v${number}.json`;
  } else {
    const found = await getQuestionnaire({ db, actor, id, minimum: roleFor("questionnaires.read") });
    if (!found) return notFound("No questionnaire with this id.");
    definition = found.draft;
    name = `${found.code}-draft.json`;
  }
  return new Response(JSON.stringify(definition, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
