// Runs one data job for the worker: marks it running, acts for the user who asked (with their
// role in the survey's organization as it is now, so a role taken away since stops the job), and
// leaves the outcome on the job's row. A job that was done, failed or expired is not run again;
// one that was running when its worker died starts over (its partial file is replaced).
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Actor } from "@/lib/auth/organizations-where";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { runExportJob } from "@/lib/export/run-export-job";
import { runImportJob } from "@/lib/responses/import/run-import-job";
import { ExportJobParamsSchema, ImportJobParamsSchema, type JobResult } from "./data-job-schemas";

/** A finished export's file can be downloaded for this long. */
export const JOB_FILE_HOURS = 24;
/** Progress is written at most this often (each write is a statement of its own). */
const PROGRESS_EVERY_MS = 500;

export async function runDataJob(db: Db, jobId: string, now: () => Date = () => new Date()): Promise<void> {
  const job = await db.dataJob.findUnique({
    where: { id: jobId },
    select: {
      id: true,
      kind: true,
      status: true,
      params: true,
      createdById: true,
      survey: { select: { slug: true, organizationId: true } },
    },
  });
  if (!job || job.status === "done" || job.status === "failed" || job.status === "expired") return;
  await db.dataJob.update({
    where: { id: jobId },
    data: { status: "running", startedAt: now(), done: 0, total: null },
  });

  const fail = (result: JobResult) => {
    const finishedAt = now();
    const expiresAt = new Date(finishedAt.getTime() + JOB_FILE_HOURS * 3_600_000);
    return db.dataJob.update({ where: { id: jobId }, data: { status: "failed", finishedAt, expiresAt, result } });
  };
  let lastWrite = 0;
  const onProgress = async (done: number, total: number) => {
    if (done < total && Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = Date.now();
    await db.dataJob.update({ where: { id: jobId }, data: { done, total } });
  };

  const actorWith = async (via: Actor["via"]): Promise<Actor> => ({
    userId: job.createdById!,
    via,
    memberships: await db.membership.findMany({
      where: { userId: job.createdById!, organizationId: job.survey.organizationId },
      select: { organizationId: true, role: true },
    }),
  });
  const request = { key: "jobs.errors.request", values: {} };

  try {
    if (job.kind === "export") {
      const params = ExportJobParamsSchema.safeParse(job.params);
      if (!params.success || !job.createdById) return void (await fail({ error: request }));
      const actor = await actorWith(params.data.via);
      const outcome = await runExportJob({ db, actor, jobId, slug: job.survey.slug, params: params.data, onProgress });
      if (outcome.kind === "refused") return void (await fail({ error: outcome.error }));
      const finishedAt = now();
      await db.dataJob.update({
        where: { id: jobId },
        data: {
          status: "done",
          finishedAt,
          fileName: outcome.fileName,
          contentType: outcome.contentType,
          fileBytes: outcome.bytes,
          expiresAt: new Date(finishedAt.getTime() + JOB_FILE_HOURS * 3_600_000),
        },
      });
    } else {
      const params = ImportJobParamsSchema.safeParse(job.params);
      if (!params.success || !job.createdById) return void (await fail({ error: request }));
      const actor = await actorWith(params.data.via);
      const outcome = await runImportJob({ db, actor, jobId, slug: job.survey.slug, params: params.data, onProgress });
      if (outcome.kind === "refused") return void (await fail(outcome.result));
      await db.dataJobChunk.deleteMany({ where: { jobId, part: "input" } });
      await db.dataJob.update({
        where: { id: jobId },
        data: { status: "done", finishedAt: now(), result: outcome.result },
      });
    }
  } catch (error) {
    // An outage is worth another attempt (the queue retries); anything else would fail again.
    if (isDatabaseUnavailable(error)) throw error;
    console.error(`data job ${jobId} failed:`, error);
    await fail({ error: { key: "jobs.errors.failed", values: {} } });
  }
}
