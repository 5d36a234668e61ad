// Records a data job and hands it to the workers. The row is written first: if the queue cannot
// take the job, the row says it failed, and a worker that starts later sends queued rows again
// (sending is idempotent: the job's id is the queue's id).
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Actor } from "@/lib/auth/organizations-where";
import type { ExportJobParams, ImportJobParams } from "./data-job-schemas";
import { writeJobFileBytes } from "./job-files";
import { sendDataJob } from "./job-queue";

type JobRequest =
  { kind: "export"; params: ExportJobParams } | { kind: "import"; params: ImportJobParams; input: Uint8Array };

export async function createDataJob(options: { db: Db; actor: Actor; surveyId: string; request: JobRequest }) {
  const { db, actor, surveyId, request } = options;
  const job = await db.dataJob.create({
    data: { surveyId, kind: request.kind, params: request.params, createdById: actor.userId },
    select: { id: true },
  });
  if (request.kind === "import") await writeJobFileBytes(db, job.id, "input", request.input);
  try {
    await sendDataJob(job.id);
  } catch (error) {
    await db.dataJob.update({
      where: { id: job.id },
      data: { status: "failed", finishedAt: new Date(), result: { error: { key: "jobs.errors.queue", values: {} } } },
    });
    throw error;
  }
  return job;
}
