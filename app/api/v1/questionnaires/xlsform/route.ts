// POST /api/v1/questionnaires/xlsform: import an XLSForm workbook (the body, .xlsx bytes) as a new
// questionnaire draft. 201 {id, code, notMapped}; 422 {issues, notMapped} by sheet, row and column.
import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { actorOrganizations, currentOrganization } from "@/lib/auth/current-organization";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { apiError, issuesOf, readBodyBytes, unauthorized, validationFailed } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { importXlsform, MAX_XLSFORM_BYTES } from "@/lib/questionnaire/xlsform/import-xlsform";
import { xlsformIssueText } from "@/lib/questionnaire/xlsform/xlsform-issue-text";
import type { XlsformIssue } from "@/lib/questionnaire/xlsform/xlsform-issues";
import { XlsformImportQuerySchema } from "@/lib/questionnaire/xlsform/xlsform-request-schema";

export const POST = apiRoute(async (request: Request) => {
  const actor = await getActor();
  if (!actor) return unauthorized();
  const t = await getTranslations("designer.xlsform");
  const locale = (await getLocale()) === "zh" ? "zh" : "en";
  const query = XlsformImportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return validationFailed(issuesOf(query.error));
  const organization = query.data.organization
    ? (await actorOrganizations(actor)).find((o) => o.slug === query.data.organization)
    : await currentOrganization(actor);
  if (!organization || !can(organization.role, "questionnaires.write"))
    return apiError(403, "forbidden", "Importing a questionnaire needs the researcher role in the organization.");

  const bytes = await readBodyBytes(request, MAX_XLSFORM_BYTES);
  if (bytes === null)
    return apiError(413, "payload_too_large", t("errors.tooLarge", { max: MAX_XLSFORM_BYTES / 1024 / 1024 }));
  if (bytes.byteLength === 0) return apiError(400, "file_required", t("errors.fileRequired"));
  const outcome = await importXlsform({ db, organizationId: organization.id, actorId: actor.userId, bytes });
  const word = (issues: XlsformIssue[]) => issues.map((i) => ({ ...i, message: xlsformIssueText(i, t, locale) }));
  if (outcome.kind === "invalid")
    return apiError(422, "validation_failed", t("errors.invalid"), {
      issues: word(outcome.errors),
      notMapped: word(outcome.notMapped),
    });
  if (outcome.kind === "code_taken")
    return apiError(409, "code_taken", t("errors.codeTaken", { code: outcome.code }), { code: outcome.code });
  return Response.json(
    { id: outcome.id, code: outcome.code, notMapped: word(outcome.notMapped) },
    { status: 201, headers: { Location: `/api/v1/questionnaires/${outcome.id}` } },
  );
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed("POST");
