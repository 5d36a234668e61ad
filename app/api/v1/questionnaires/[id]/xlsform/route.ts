// GET /api/v1/questionnaires/{id}/xlsform[?version=N]: the draft, or a published version, as an
// XLSForm workbook for KoboToolbox and ODK (the file POST /api/v1/questionnaires/xlsform reads).
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { apiError, issuesOf, notFound, unauthorized, validationFailed } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { exportXlsform, XLSX_CONTENT_TYPE } from "@/lib/questionnaire/xlsform/export-xlsform";
import { XlsformExportQuerySchema } from "@/lib/questionnaire/xlsform/xlsform-request-schema";

export const GET = apiRoute(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await getActor();
  if (!actor) return unauthorized();
  const query = XlsformExportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return validationFailed(issuesOf(query.error));
  const { id } = await ctx.params;
  const file = await exportXlsform({ db, actor, questionnaireId: id, version: query.data.version });
  if (file.kind === "not_found") return notFound("No such questionnaire or version.");
  if (file.kind === "draft_invalid")
    return apiError(422, "draft_invalid", (await getTranslations("designer.xlsform"))("errors.draftInvalid"));
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
