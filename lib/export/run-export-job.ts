// The worker's side of an export job: the request is checked again against the survey as it is
// now (the caller's role, the filter's breakdowns), then the file streams from the database into
// the job's stored output, one batch of responses at a time, with progress after each batch.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Actor } from "@/lib/auth/organizations-where";
import type { ExportJobParams, JobMessage } from "@/lib/jobs/data-job-schemas";
import { writeJobFile } from "@/lib/jobs/job-files";
import { exportSurvey } from "./export-survey";
import { findExportableSurvey } from "./find-exportable-survey";
import { parseExportRequest } from "./parse-export-request";

export type ExportJobOutcome =
  { kind: "written"; fileName: string; contentType: string; bytes: number } | { kind: "refused"; error: JobMessage };

export async function runExportJob(options: {
  db: Db;
  actor: Actor;
  jobId: string;
  slug: string;
  params: ExportJobParams;
  onProgress: (done: number, total: number) => Promise<void>;
}): Promise<ExportJobOutcome> {
  const { db, actor, jobId, slug, params } = options;
  const refused = (key: string): ExportJobOutcome => ({ kind: "refused", error: { key, values: {} } });
  const found = await findExportableSurvey({ db, actor, slug });
  if (found.status !== "ok")
    return refused(found.status === "forbidden" ? "export.errors.forbidden" : "export.errors.notFound");
  const { survey } = found;
  const request = parseExportRequest(new URLSearchParams(params.query), survey.definitions[0]);
  if ("issues" in request) return refused("jobs.errors.request");
  const { query, responses } = request;
  const file = await exportSurvey({
    db,
    actor,
    survey,
    format: query.format,
    locale: query.locale,
    values: query.values,
    responses,
    onProgress: options.onProgress,
  });
  const bytes = await writeJobFile(db, jobId, "output", file.body);
  return { kind: "written", fileName: file.filename, contentType: file.contentType, bytes };
}
