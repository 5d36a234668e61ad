// Response import against PostgreSQL: the demo survey exported as CSV and as Excel (with labels
// in Chinese) and imported into a fresh survey of the same version gives the same responses
// (answers, dates, screening) and the same dashboard numbers; a bad file is reported by row and
// column and stores nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { findDashboardSurvey } from "@/lib/analytics/find-dashboard-survey";
import { getAttention } from "@/lib/analytics/results";
import { exportSurvey } from "@/lib/export/export-survey";
import { findExportableSurvey } from "@/lib/export/find-exportable-survey";
import type { FactorLevel, Locale } from "@/lib/questionnaire/definition-schema";
import { dryRunImport } from "@/lib/responses/import/dry-run-import";
import { importResponses } from "@/lib/responses/import/import-responses";
import { PAPER_SURVEY_SLUG } from "@/lib/demo/demo-surveys";
import { seedDemo } from "@/prisma/seed";

let researcher: Actor;

async function actorFor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
  return {
    userId: user.id,
    via: "session",
    memberships: user.memberships.map((m) => ({ organizationId: m.organizationId, role: m.role })),
  };
}

async function freshSurvey(slug: string) {
  const demo = await db.survey.findUniqueOrThrow({ where: { slug: PAPER_SURVEY_SLUG } });
  await db.survey.create({
    data: { organizationId: demo.organizationId, versionId: demo.versionId, slug, titleZh: "导入", titleEn: "Import" },
  });
  return slug;
}

async function exported(format: "csv" | "xlsx", locale: Locale, values: "codes" | "labels") {
  const found = await findExportableSurvey({ db, actor: researcher, slug: PAPER_SURVEY_SLUG });
  if (found.status !== "ok") throw new Error(found.status);
  const file = await exportSurvey({ db, actor: researcher, survey: found.survey, format, locale, values });
  return new Uint8Array(await new Response(file.body).arrayBuffer());
}

/** What a survey's responses say, independent of ids and collectors, in a stable order. */
async function responsesOf(slug: string) {
  const rows = await db.response.findMany({
    where: { survey: { slug } },
    select: {
      answers: true,
      completedAt: true,
      startedAt: true,
      durationSeconds: true,
      locale: true,
      status: true,
      screenedRule: true,
      valid: true,
      breakdowns: true,
      _count: { select: { answerRows: true } },
    },
  });
  return rows
    .map((r) =>
      JSON.stringify({ ...r, completedAt: r.completedAt?.toISOString(), startedAt: r.startedAt.toISOString() }),
    )
    .sort();
}

async function dashboard(slug: string) {
  const survey = (await findDashboardSurvey({ db, slug, actor: researcher }))!;
  const levels: FactorLevel[] = ["macro", "middle", "micro"];
  return Promise.all(
    levels.map(async (level) => {
      const r = await getAttention({ db, survey, level, filter: { breakdowns: {} }, measure: "cases", locale: "en" });
      return { level, base: r.base, factors: r.factors.map((f) => [f.code, f.count]) };
    }),
  );
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  researcher = await actorFor("researcher@example.org");
});

describe("response export, then import into a fresh survey of the same version", () => {
  it("CSV with codes: the same 250 responses, dates and dashboard numbers (226 valid)", async () => {
    const bytes = await exported("csv", "en", "codes");
    const slug = await freshSurvey("import-csv");
    const dry = await dryRunImport({ db, actor: researcher, slug, bytes });
    expect(dry.kind).toBe("prepared");
    if (dry.kind !== "prepared") return;
    expect(dry.prepared.problems).toEqual([]);
    expect(dry.prepared.rows).toHaveLength(250);
    expect(dry.prepared.mapping["Completed at (UTC)"]).toBe("field:completed_at");

    const progress: number[] = [];
    const outcome = await importResponses({
      db,
      actor: researcher,
      slug,
      bytes,
      fileName: "jilin.csv",
      onProgress: (d) => {
        progress.push(d);
      },
    });
    expect(outcome).toMatchObject({ kind: "imported", imported: 250, screened: 24 });
    expect(progress).toEqual([100, 200, 250]);
    expect(await responsesOf(slug)).toEqual(await responsesOf(PAPER_SURVEY_SLUG));
    expect(await dashboard(slug)).toEqual(await dashboard(PAPER_SURVEY_SLUG));
    const collector = await db.collector.findFirstOrThrow({ where: { survey: { slug }, name: "Import: jilin.csv" } });
    expect(collector.kind).toBe("paper");
    expect(await db.response.count({ where: { collectorId: collector.id } })).toBe(250);

    // The same file again is refused: it was imported already.
    const again = await importResponses({ db, actor: researcher, slug, bytes, fileName: "jilin.csv" });
    expect(again).toMatchObject({
      kind: "invalid",
      problems: [{ reason: { key: "responses.import.problems.already_imported" } }],
    });
    expect(await db.response.count({ where: { survey: { slug } } })).toBe(250);
  });

  it("Excel with Chinese headings and labels: the same responses and dashboard numbers", async () => {
    const bytes = await exported("xlsx", "zh", "labels");
    const slug = await freshSurvey("import-xlsx");
    const outcome = await importResponses({ db, actor: researcher, slug, bytes, fileName: "jilin.xlsx" });
    expect(outcome.kind === "invalid" ? outcome.problems.slice(0, 5) : []).toEqual([]);
    expect(outcome).toMatchObject({ kind: "imported", imported: 250 });
    expect(await responsesOf(slug)).toEqual(await responsesOf(PAPER_SURVEY_SLUG));
    expect(await dashboard(slug)).toEqual(await dashboard(PAPER_SURVEY_SLUG));
  });
});

describe("a bad response file", () => {
  it("lists every problem by row, column and value, and stores nothing", async () => {
    const slug = await freshSurvey("import-bad");
    const csv = [
      "region,employees,macro_constraints,completed_at",
      "changchun,8,national_policy;fiscal_tax_support,2017-06-01",
      "atlantis,8,national_policy,2017-06-02",
      "changchun,many,national_policy,2017-13-45",
      "jilin,12,national_policy;unicorns,2017-06-03",
    ].join("\n");
    const before = await db.response.count();
    const answersBefore = await db.answer.count();
    const outcome = await importResponses({
      db,
      actor: researcher,
      slug,
      bytes: new TextEncoder().encode(csv),
      fileName: "bad.csv",
    });
    expect(outcome.kind).toBe("invalid");
    if (outcome.kind !== "invalid") return;
    const places = outcome.problems.map((p) => [p.row, p.column, p.value, p.reason.key]);
    expect(places).toEqual(
      expect.arrayContaining([
        [3, "region", "atlantis", "responses.import.problems.unknown_option"],
        [4, "employees", "many", "responses.import.problems.not_a_number"],
        [4, "completed_at", "2017-13-45", "responses.import.problems.bad_date"],
        [5, "macro_constraints", "national_policy;unicorns", "responses.import.problems.unknown_option"],
      ]),
    );
    expect(await db.response.count()).toBe(before);
    expect(await db.answer.count()).toBe(answersBefore);
    expect(await db.collector.count({ where: { survey: { slug }, name: "Import: bad.csv" } })).toBe(0);
  });
});
