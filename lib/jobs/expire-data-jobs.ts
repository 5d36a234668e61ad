// Housekeeping of data jobs, run by every worker (each step is safe to run twice at once):
// files past their day are deleted (an export's row stays, marked expired, so its link answers
// 410 rather than 404); jobs still queued are sent again (the queue may have been down when they
// were asked for); jobs left running by a worker that died and ran out of retries are failed.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { sendDataJob } from "./job-queue";

/** A queued job older than this was not picked up: send it again. */
const RESEND_AFTER_MS = 60_000;
/** A job running longer than this lost its worker for good (the queue's own expiry, tripled). */
const ABANDONED_AFTER_MS = 6 * 3_600_000;

export async function expireDataJobs(
  db: Db,
  now = new Date(),
): Promise<{ expired: number; resent: number; abandoned: number }> {
  const past = await db.dataJob.findMany({
    where: { expiresAt: { lte: now }, status: { in: ["done", "failed"] } },
    select: { id: true, status: true },
  });
  for (const job of past) {
    await db.$transaction([
      db.dataJobChunk.deleteMany({ where: { jobId: job.id } }),
      db.dataJob.update({
        where: { id: job.id },
        data: job.status === "done" ? { status: "expired" } : { expiresAt: null },
      }),
    ]);
  }
  const stale = await db.dataJob.findMany({
    where: { status: "queued", createdAt: { lte: new Date(now.getTime() - RESEND_AFTER_MS) } },
    select: { id: true },
  });
  for (const job of stale) await sendDataJob(job.id);
  const abandoned = await db.dataJob.updateMany({
    where: { status: "running", startedAt: { lte: new Date(now.getTime() - ABANDONED_AFTER_MS) } },
    data: { status: "failed", finishedAt: now, result: { error: { key: "jobs.errors.failed", values: {} } } },
  });
  return { expired: past.length, resent: stale.length, abandoned: abandoned.count };
}
