// POST /api/v1/surveys/{slug}/imports (multipart/form-data: file, mapping?, dryRun?, stream?):
// a dry run of a response file (200 with every problem by row, column and value), or its import,
// all or nothing (201 {imported, screened}; 422 with the problems, nothing stored). With
// stream=true the import answers NDJSON: {"progress":{done,total}} lines, then {"result":…}.
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { apiError, readBodyBytes, unauthorized, validationFailed } from "@/lib/http/api-response";
import { apiRoute, failureResponse, methodsNotAllowed } from "@/lib/http/api-route";
import { dryRunImport } from "@/lib/responses/import/dry-run-import";
import { ImportRequestSchema } from "@/lib/responses/import/import-request-schema";
import type { ImportProblem } from "@/lib/responses/import/import-problem";
import { importResponses, type ImportOutcome } from "@/lib/responses/import/import-responses";
import { MAX_RESPONSE_FILE_BYTES } from "@/lib/responses/import/read-response-file";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const actor = await getActor();
  if (!actor) return unauthorized();
  const t = await getTranslations();
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

  if (parsed.data.dryRun) {
    const dry = await dryRunImport({ db, actor, slug, bytes: fileBytes, mapping: parsed.data.mapping });
    if (dry.kind === "not_found") return apiError(404, "not_found", e("notFound"));
    if (dry.kind === "unreadable") return apiError(422, "unreadable", e("unreadable"));
    const { prepared } = dry;
    return Response.json({
      rows: prepared.rows.length,
      headers: prepared.headers,
      mapping: prepared.mapping,
      duplicates: prepared.duplicates,
      dated: prepared.dated,
      problems: word(prepared.problems),
    });
  }

  const run = (onProgress?: (done: number, total: number) => void) =>
    importResponses({
      db,
      actor,
      slug,
      bytes: fileBytes,
      fileName: file.name,
      mapping: parsed.data.mapping,
      onProgress,
    });
  const body = (outcome: ImportOutcome) => {
    if (outcome.kind === "not_found") return { status: 404, json: { error: "not_found", message: e("notFound") } };
    if (outcome.kind === "unreadable") return { status: 422, json: { error: "unreadable", message: e("unreadable") } };
    if (outcome.kind === "invalid")
      return {
        status: 422,
        json: { error: "validation_failed", message: e("invalid"), problems: word(outcome.problems) },
      };
    return { status: 201, json: { imported: outcome.imported, screened: outcome.screened } };
  };
  if (!parsed.data.stream) {
    const { status, json } = body(await run());
    return Response.json(json, { status });
  }

  // Progress lines while the transaction writes its batches; the last line is the outcome.
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
      try {
        const { status, json } = body(await run((done, total) => send({ progress: { done, total } })));
        send({ result: { status, ...json } });
      } catch (error) {
        const failure = failureResponse(error);
        send({ result: { status: failure.status, ...(await failure.json()) } });
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" },
  });
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed("POST");
