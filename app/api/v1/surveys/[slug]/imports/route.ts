// POST /api/v1/surveys/{slug}/imports (multipart/form-data: file, mapping?, dryRun?):
// a dry run of a response file (200 with every problem by row, column and value), or its import:
// checked at once (422 with the problems, nothing stored), then written all or nothing by a
// background job (202 with the job; GET /api/v1/jobs/{id} shows progress, then {imported, screened}).
import { getActor } from "@/lib/auth/actor";
import { apiTranslator } from "@/lib/i18n/api-translator";
import { db } from "@/lib/db/client";
import { answer, apiError, readBodyBytes, unauthorized, validationFailed } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { createDataJob } from "@/lib/jobs/create-data-job";
import { DataJobViewSchema } from "@/lib/jobs/data-job-schemas";
import { findDataJob, toDataJobView } from "@/lib/jobs/find-data-jobs";
import { dryRunImport } from "@/lib/responses/import/dry-run-import";
import { ImportRequestSchema } from "@/lib/responses/import/import-request-schema";
import type { ImportProblem } from "@/lib/responses/import/import-problem";
import { MAX_RESPONSE_FILE_BYTES } from "@/lib/responses/import/read-response-file";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const t = await apiTranslator(request);
  const e = (key: string, values?: Record<string, string | number>) => t(`responses.import.errors.${key}`, values);
  const bytes = await readBodyBytes(request, MAX_RESPONSE_FILE_BYTES + 64 * 1024);
  if (bytes === null)
    return apiError(413, "payload_too_large", e("tooLarge", { max: MAX_RESPONSE_FILE_BYTES / 1024 / 1024 }));
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), {
      headers: { "Content-Type": request.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    return apiError(400, "invalid_body", e("fileRequired"));
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return apiError(400, "file_required", e("fileRequired"));
  const fields = Object.fromEntries([...form.entries()].filter(([k, v]) => k !== "file" && typeof v === "string"));
  const parsed = ImportRequestSchema.safeParse(fields);
  if (!parsed.success)
    return validationFailed(
      parsed.error.issues.map((i) => ({ path: i.path.map(String), message: e("badMapping") })),
      e("badMapping"),
    );
  const { slug } = await params;
  const fileBytes = new Uint8Array(await file.arrayBuffer());
  const word = (problems: ImportProblem[]) =>
    problems.map((p) => ({ row: p.row, column: p.column, value: p.value, message: t(p.reason.key, p.reason.values) }));

  const dry = await dryRunImport({ db, actor, slug, bytes: fileBytes, mapping: parsed.data.mapping });
  if (dry.kind === "not_found") return apiError(404, "not_found", e("notFound"));
  if (dry.kind === "unreadable") return apiError(422, "unreadable", e("unreadable"));
  const { prepared } = dry;
  if (parsed.data.dryRun)
    return Response.json({
      rows: prepared.rows.length,
      headers: prepared.headers,
      mapping: prepared.mapping,
      duplicates: prepared.duplicates,
      dated: prepared.dated,
      problems: word(prepared.problems),
    });

  // The import itself: any problem answers 422 at once (nothing stored); otherwise a background
  // job writes every row or none, and its status URL shows the progress (202).
  if (prepared.problems.length)
    return apiError(422, "validation_failed", e("invalid"), { problems: word(prepared.problems) });
  const created = await createDataJob({
    db,
    actor,
    surveyId: prepared.survey.id,
    request: {
      kind: "import",
      params: { fileName: file.name.slice(0, 200), mapping: prepared.mapping, via: actor.via },
      input: fileBytes,
    },
  });
  const job = await findDataJob(db, actor, created.id);
  if (!job) return apiError(404, "not_found", e("notFound"));
  const view = toDataJobView(job, t);
  return answer(DataJobViewSchema, view, { status: 202, headers: { Location: view.url, "Cache-Control": "no-store" } });
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed("POST");
