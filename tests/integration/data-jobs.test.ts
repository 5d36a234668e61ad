// Exports and imports as background jobs, end to end on PostgreSQL through the route handlers
// and the real queue (pg-boss) and worker: 202 with the job, progress, the file downloadable by
// the survey's researchers only and for a day (410 after), an all-or-nothing import that reports
// what went wrong, and a job interrupted mid-file that starts over cleanly.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/create-api-token";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { exportSurvey } from "@/lib/export/export-survey";
import { findExportableSurvey } from "@/lib/export/find-exportable-survey";
import { expireDataJobs } from "@/lib/jobs/expire-data-jobs";
import { writeJobFile } from "@/lib/jobs/job-files";
import { runDataJob } from "@/lib/jobs/run-data-job";
import { startJobWorker, stopDataJobs } from "@/lib/jobs/job-worker";
import { PAPER_SURVEY_SLUG } from "@/lib/demo/demo-surveys";
import { seedDemo } from "@/prisma/seed";

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const exportRoute = async () => (await import("@/app/api/v1/surveys/[slug]/export/route")).GET as Handler;
const jobRoute = async () => (await import("@/app/api/v1/jobs/[id]/route")).GET as Handler;
const fileRoute = async () => (await import("@/app/api/v1/jobs/[id]/file/route")).GET as Handler;
const listRoute = async () => (await import("@/app/api/v1/surveys/[slug]/jobs/route")).GET as Handler;
const importRoute = async () => (await import("@/app/api/v1/surveys/[slug]/imports/route")).POST as Handler;

const tokens: Record<"researcher" | "viewer" | "rival", string> = {} as never;
let researcher: Actor;

const call = async (
  handler: Handler,
  url: string,
  token: string | null,
  params: Record<string, string>,
  init: RequestInit = {},
) => {
  const headers = new Headers(init.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  return handler(new Request(`http://test${url}`, { ...init, headers }), { params: Promise.resolve(params) });
};

/** Reads the job's status until it has finished (the worker polls the queue every second). */
async function finished(id: string, token = tokens.researcher) {
  for (let i = 0; i < 200; i++) {
    const res = await call(await jobRoute(), `/api/v1/jobs/${id}`, token, { id });
    const job = await res.json();
    if (job.status !== "queued" && job.status !== "running") return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

async function tokenOf(email: string, organization: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
  const org = await db.organization.findUniqueOrThrow({ where: { slug: organization } });
  return (await createApiToken({ db, userId: user.id, organizationId: org.id, name: "jobs" }))!.token;
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  const rival = await db.organization.create({ data: { slug: "rival-jobs", name: "Rival" } });
  await db.user.create({
    data: {
      email: "rival-jobs@example.org",
      name: "Rival",
      memberships: { create: { organizationId: rival.id, role: "owner" } },
    },
  });
  tokens.researcher = await tokenOf("researcher@example.org", "demo");
  tokens.viewer = await tokenOf("viewer@example.org", "demo");
  tokens.rival = await tokenOf("rival-jobs@example.org", "rival-jobs");
  const user = await db.user.findUniqueOrThrow({
    where: { email: "researcher@example.org" },
    include: { memberships: true },
  });
  researcher = {
    userId: user.id,
    via: "token",
    memberships: user.memberships.map((m) => ({ organizationId: m.organizationId, role: m.role })),
  };
  await startJobWorker({ db });
});
afterAll(() => stopDataJobs());

describe("an export as a background job", () => {
  let jobId: string;

  it("answers 202 with the job, then the worker writes the same file a direct export gives", async () => {
    const query = "format=csv&locale=en&values=codes&responses=valid&region=changchun";
    const res = await call(
      await exportRoute(),
      `/api/v1/surveys/${PAPER_SURVEY_SLUG}/export?${query}`,
      tokens.researcher,
      {
        slug: PAPER_SURVEY_SLUG,
      },
    );
    expect(res.status).toBe(202);
    const created = await res.json();
    expect(res.headers.get("location")).toBe(`/api/v1/jobs/${created.id}`);
    expect(created).toMatchObject({
      kind: "export",
      status: "queued",
      label: "csv",
      file: null,
      survey: PAPER_SURVEY_SLUG,
    });
    jobId = created.id;

    const job = await finished(jobId);
    expect(job.status, JSON.stringify(job)).toBe("done");
    const valid = await db.response.count({
      where: {
        survey: { slug: PAPER_SURVEY_SLUG },
        valid: true,
        breakdowns: { path: ["region"], equals: "changchun" },
      },
    });
    expect(valid).toBeGreaterThan(0);
    expect(job.progress).toEqual({ done: valid, total: valid });
    expect(job.file).toMatchObject({
      name: expect.stringMatching(/^jilin-2017-responses-\d{8}\.csv$/),
      url: `/api/v1/jobs/${jobId}/file`,
    });
    expect(new Date(job.file.expiresAt).getTime() - new Date(job.finishedAt).getTime()).toBe(24 * 3_600_000);

    const download = await call(await fileRoute(), job.file.url, tokens.researcher, { id: jobId });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="${job.file.name}"`);
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(bytes.byteLength).toBe(job.file.bytes);
    const rows = Papa.parse<string[]>(new TextDecoder().decode(bytes).trimEnd(), { newline: "\r\n" }).data;
    expect(rows).toHaveLength(valid + 1);

    const found = await findExportableSurvey({ db, actor: researcher, slug: PAPER_SURVEY_SLUG });
    if (found.status !== "ok") throw new Error(found.status);
    const direct = await exportSurvey({
      db,
      actor: researcher,
      survey: found.survey,
      format: "csv",
      locale: "en",
      values: "codes",
      responses: { filter: { breakdowns: { region: "changchun" } }, validOnly: true },
    });
    expect(bytes).toEqual(new Uint8Array(await new Response(direct.body).arrayBuffer()));
  });

  it("lists the job for the survey's researchers, and shows it to no one else", async () => {
    const list = await call(await listRoute(), `/api/v1/surveys/${PAPER_SURVEY_SLUG}/jobs`, tokens.researcher, {
      slug: PAPER_SURVEY_SLUG,
    });
    expect((await list.json()).jobs.map((j: { id: string }) => j.id)).toContain(jobId);
    for (const token of [tokens.viewer, tokens.rival]) {
      expect((await call(await jobRoute(), `/api/v1/jobs/${jobId}`, token, { id: jobId })).status).toBe(404);
      expect((await call(await fileRoute(), `/api/v1/jobs/${jobId}/file`, token, { id: jobId })).status).toBe(404);
      const others = await call(await listRoute(), `/api/v1/surveys/${PAPER_SURVEY_SLUG}/jobs`, token, {
        slug: PAPER_SURVEY_SLUG,
      });
      expect((await others.json()).jobs).toEqual([]);
    }
    expect((await call(await jobRoute(), `/api/v1/jobs/${jobId}`, null, { id: jobId })).status).toBe(401);
    expect(
      (await call(await jobRoute(), `/api/v1/jobs/not-a-uuid`, tokens.researcher, { id: "not-a-uuid" })).status,
    ).toBe(404);
  });

  it("deletes the file a day later: the link answers 410 and the job says so", async () => {
    const dayLater = new Date(Date.now() + 24 * 3_600_000 + 60_000);
    expect((await expireDataJobs(db, dayLater)).expired).toBeGreaterThanOrEqual(1);
    expect(await db.dataJobChunk.count({ where: { jobId } })).toBe(0);
    const gone = await call(await fileRoute(), `/api/v1/jobs/${jobId}/file`, tokens.researcher, { id: jobId });
    expect(gone.status).toBe(410);
    expect((await gone.json()).message).toBe("该文件已在生成一天后删除。请重新导出。");
    expect(await finished(jobId)).toMatchObject({ status: "expired", file: null });
  });

  it("answers 422 naming the parameter, and creates no job, for a bad format or filter", async () => {
    const before = await db.dataJob.count();
    const bad = await call(
      await exportRoute(),
      `/api/v1/surveys/${PAPER_SURVEY_SLUG}/export?format=pdf`,
      tokens.researcher,
      {
        slug: PAPER_SURVEY_SLUG,
      },
    );
    expect(bad.status).toBe(422);
    expect((await bad.json()).issues[0].path).toEqual(["format"]);
    const filter = await call(
      await exportRoute(),
      `/api/v1/surveys/${PAPER_SURVEY_SLUG}/export?format=sav&planet=mars`,
      tokens.researcher,
      {
        slug: PAPER_SURVEY_SLUG,
      },
    );
    expect(filter.status).toBe(422);
    expect(await db.dataJob.count()).toBe(before);
  });

  it("sends the codebook at once, without a job", async () => {
    const res = await call(
      await exportRoute(),
      `/api/v1/surveys/${PAPER_SURVEY_SLUG}/export?format=codebook&locale=en`,
      tokens.researcher,
      {
        slug: PAPER_SURVEY_SLUG,
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  });

  it("starts over when its worker died mid-file: the partial file is replaced, not appended to", async () => {
    const job = await db.dataJob.create({
      data: {
        surveyId: (await db.survey.findUniqueOrThrow({ where: { slug: PAPER_SURVEY_SLUG } })).id,
        kind: "export",
        status: "running",
        params: { query: { format: "sav", locale: "zh" }, via: "token" },
        createdById: researcher.userId,
      },
    });
    await writeJobFile(db, job.id, "output", new Blob([new Uint8Array(3 * 1024 * 1024)]).stream());
    expect(await db.dataJobChunk.count({ where: { jobId: job.id } })).toBe(3);
    await runDataJob(db, job.id);
    const done = await db.dataJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(done).toMatchObject({ status: "done", done: 250, total: 250 });
    const res = await call(await fileRoute(), `/api/v1/jobs/${job.id}/file`, tokens.researcher, { id: job.id });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe("$FL2");
    expect(bytes.byteLength).toBe(Number(done.fileBytes));
  });

  it("fails with the reason when the caller lost the role before the job ran", async () => {
    const viewer = await db.user.findUniqueOrThrow({ where: { email: "viewer@example.org" } });
    const job = await db.dataJob.create({
      data: {
        surveyId: (await db.survey.findUniqueOrThrow({ where: { slug: PAPER_SURVEY_SLUG } })).id,
        kind: "export",
        params: { query: { format: "csv" }, via: "session" },
        createdById: viewer.id,
      },
    });
    await runDataJob(db, job.id);
    const failed = await db.dataJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(failed.status).toBe("failed");
    expect(failed.result).toEqual({ error: { key: "export.errors.forbidden", values: {} } });
    expect(await db.dataJobChunk.count({ where: { jobId: job.id } })).toBe(0);
  });
});

describe("an import as a background job", () => {
  it("checks the file at once, then imports all rows in the background and reports the counts", async () => {
    const demo = await db.survey.findUniqueOrThrow({ where: { slug: PAPER_SURVEY_SLUG } });
    const slug = "jobs-import";
    await db.survey.create({
      data: {
        organizationId: demo.organizationId,
        versionId: demo.versionId,
        slug,
        titleZh: "导入",
        titleEn: "Import",
      },
    });
    const found = await findExportableSurvey({ db, actor: researcher, slug: PAPER_SURVEY_SLUG });
    if (found.status !== "ok") throw new Error(found.status);
    const file = await exportSurvey({
      db,
      actor: researcher,
      survey: found.survey,
      format: "csv",
      locale: "en",
      values: "codes",
    });
    const bytes = new Uint8Array(await new Response(file.body).arrayBuffer());
    const form = new FormData();
    form.set("file", new File([bytes], "wave-2017.csv", { type: "text/csv" }));
    form.set("dryRun", "false");
    const res = await call(
      await importRoute(),
      `/api/v1/surveys/${slug}/imports`,
      tokens.researcher,
      { slug },
      { method: "POST", body: form },
    );
    expect(res.status).toBe(202);
    const created = await res.json();
    expect(created).toMatchObject({ kind: "import", label: "wave-2017.csv" });
    const job = await finished(created.id);
    expect(job).toMatchObject({
      status: "done",
      imported: 250,
      screened: 24,
      progress: { done: 250, total: 250 },
      file: null,
    });
    expect(await db.response.count({ where: { survey: { slug } } })).toBe(250);
    expect(await db.dataJobChunk.count({ where: { jobId: created.id } })).toBe(0);

    // The same file again: the dry run inside the request already finds every row imported.
    const again = await call(
      await importRoute(),
      `/api/v1/surveys/${slug}/imports`,
      tokens.researcher,
      { slug },
      { method: "POST", body: form },
    );
    expect(again.status).toBe(422);
    expect((await again.json()).problems.length).toBeGreaterThan(0);
    expect(await db.response.count({ where: { survey: { slug } } })).toBe(250);
  });

  it("stores nothing and lists the problems when the file turns bad between the check and the job", async () => {
    const demo = await db.survey.findUniqueOrThrow({ where: { slug: PAPER_SURVEY_SLUG } });
    const slug = "jobs-import-race";
    const survey = await db.survey.create({
      data: {
        organizationId: demo.organizationId,
        versionId: demo.versionId,
        slug,
        titleZh: "导入",
        titleEn: "Import",
      },
    });
    const job = await db.dataJob.create({
      data: {
        surveyId: survey.id,
        kind: "import",
        params: { fileName: "broken.csv", via: "token" },
        createdById: researcher.userId,
      },
    });
    await writeJobFile(db, job.id, "input", new Blob(["nothing,useful\n1,2\n"]).stream());
    await runDataJob(db, job.id);
    const failed = await db.dataJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(failed.status).toBe("failed");
    const view = await finished(job.id);
    expect(view.error).toMatch(/./);
    expect(view.problems.length).toBeGreaterThan(0);
    expect(await db.response.count({ where: { surveyId: survey.id } })).toBe(0);
  });
});
