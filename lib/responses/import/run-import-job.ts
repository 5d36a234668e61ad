// The worker's side of an import job: the stored file is imported all or nothing (importResponses,
// one transaction), with progress after each batch of rows. Problems found now (another import
// or a respondent took a firm code since the dry run) are kept with the job, by row and column.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Actor } from "@/lib/auth/organizations-where";
import type { ImportJobParams, JobMessage, JobResult } from "@/lib/jobs/data-job-schemas";
import { readJobFileBytes } from "@/lib/jobs/job-files";
import { importResponses } from "./import-responses";

export type ImportJobOutcome = { kind: "imported"; result: JobResult } | { kind: "refused"; result: JobResult };

const refused = (key: string, extra: Partial<JobResult> = {}): ImportJobOutcome => ({
  kind: "refused",
  result: { error: { key, values: {} } satisfies JobMessage, ...extra },
});

export async function runImportJob(options: {
  db: Db;
  actor: Actor;
  jobId: string;
  slug: string;
  params: ImportJobParams;
  onProgress: (done: number, total: number) => Promise<void>;
}): Promise<ImportJobOutcome> {
  const { db, actor, jobId, slug, params } = options;
  const bytes = await readJobFileBytes(db, jobId, "input");
  const outcome = await importResponses({
    db,
    actor,
    slug,
    bytes,
    fileName: params.fileName,
    mapping: params.mapping,
    onProgress: options.onProgress,
  });
  switch (outcome.kind) {
    case "not_found":
      return refused("responses.import.errors.notFound");
    case "unreadable":
      return refused("responses.import.errors.unreadable");
    case "invalid":
      return refused("responses.import.errors.invalid", { problems: outcome.problems });
    case "imported":
      return { kind: "imported", result: { imported: outcome.imported, screened: outcome.screened } };
  }
}
