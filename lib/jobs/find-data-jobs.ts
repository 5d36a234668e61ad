// Data jobs as their callers may see them: a job belongs to a survey, and a researcher or owner of
// the survey's organization (the role that may export or import its responses) sees it. The role
// is part of each query's filter, so a job of another organization is never loaded.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { roleFor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import type { ApiTranslate } from "@/lib/i18n/api-translator";
import { JobResultSchema, type DataJobView } from "./data-job-schemas";

/** Jobs listed per survey: the ones of the past week, newest first. */
const LIST_DAYS = 7;
const LIST_LIMIT = 20;

const SELECT = {
  id: true,
  kind: true,
  status: true,
  params: true,
  done: true,
  total: true,
  result: true,
  fileName: true,
  fileBytes: true,
  createdAt: true,
  finishedAt: true,
  expiresAt: true,
  survey: { select: { slug: true } },
} satisfies Prisma.DataJobSelect;

type JobRow = Prisma.DataJobGetPayload<{ select: typeof SELECT }>;

const visibleTo = (actor: Actor, survey: Prisma.SurveyWhereInput = {}): Prisma.DataJobWhereInput => ({
  survey: { ...survey, organizationId: { in: organizationsWhere(actor, roleFor("responses.read")) } },
});

export function findDataJob(db: Db, actor: Actor, id: string) {
  return db.dataJob.findFirst({ where: { id, ...visibleTo(actor) }, select: SELECT });
}

export function listDataJobs(db: Db, actor: Actor, slug: string, now = new Date()) {
  return db.dataJob.findMany({
    where: { ...visibleTo(actor, { slug }), createdAt: { gte: new Date(now.getTime() - LIST_DAYS * 86_400_000) } },
    orderBy: { createdAt: "desc" },
    take: LIST_LIMIT,
    select: SELECT,
  });
}

/** A job's file, if the caller may read it: done and not yet expired. */
export async function findDataJobFile(db: Db, actor: Actor, id: string, now = new Date()) {
  const job = await db.dataJob.findFirst({
    where: { id, kind: "export", ...visibleTo(actor) },
    select: { id: true, status: true, fileName: true, contentType: true, fileBytes: true, expiresAt: true },
  });
  if (!job) return { status: "not_found" as const };
  if (job.status === "expired" || (job.expiresAt && job.expiresAt <= now)) return { status: "expired" as const };
  if (job.status !== "done" || !job.fileName) return { status: "not_ready" as const };
  return { status: "ok" as const, job };
}

export function toDataJobView(job: JobRow, translate: ApiTranslate): DataJobView {
  const result = JobResultSchema.safeParse(job.result ?? {});
  const outcome = result.success ? result.data : {};
  const params = job.params as { query?: { format?: string }; fileName?: string };
  const hasFile = job.kind === "export" && job.status === "done" && job.fileName && job.expiresAt;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    survey: job.survey.slug,
    label: job.kind === "export" ? (params.query?.format ?? "csv") : (params.fileName ?? ""),
    progress: { done: job.done, total: job.total },
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    file: hasFile
      ? {
          name: job.fileName!,
          bytes: Number(job.fileBytes ?? 0),
          url: `/api/v1/jobs/${job.id}/file`,
          expiresAt: job.expiresAt!.toISOString(),
        }
      : null,
    imported: outcome.imported ?? null,
    screened: outcome.screened ?? null,
    error: outcome.error ? translate(outcome.error.key, outcome.error.values) : null,
    problems: (outcome.problems ?? []).map((p) => ({
      row: p.row,
      column: p.column,
      value: p.value,
      message: translate(p.reason.key, p.reason.values),
    })),
    url: `/api/v1/jobs/${job.id}`,
  };
}
