// The export of the demo survey: every response, in the right columns, with one known response's
// values checked cell by cell, streamed as CSV or Excel, and recorded in the audit log.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { generateJilinDemoResponses } from "@/lib/demo/jilin-demo-data";
import { exportSurvey } from "@/lib/export/export-survey";
import { findExportableSurvey, type ExportableSurvey } from "@/lib/export/find-exportable-survey";
import { PAPER_SURVEY_SLUG } from "@/lib/demo/demo-surveys";
import { seedDemo } from "@/prisma/seed";

let researcher: Actor;
let survey: ExportableSurvey;

async function actorFor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
  return {
    userId: user.id,
    via: "session",
    memberships: user.memberships.map((m) => ({ organizationId: m.organizationId, role: m.role })),
  };
}

/** The body as sent, byte-order mark included (Response.text() would drop it). */
async function text(stream: ReadableStream<Uint8Array>) {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  researcher = await actorFor("researcher@example.org");
  const found = await findExportableSurvey({ db, actor: researcher, slug: PAPER_SURVEY_SLUG });
  if (found.status !== "ok") throw new Error(`demo survey not exportable: ${found.status}`);
  survey = found.survey;
});

describe("exporting the demo survey", () => {
  it("writes a CSV with a header and 250 rows, and the known response's values", async () => {
    const file = await exportSurvey({ db, actor: researcher, survey, format: "csv", locale: "en", values: "codes" });
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.filename).toMatch(/^jilin-2017-responses-\d{8}\.csv$/);
    const csv = await text(file.body);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: "\r\n" });
    const [header, ...rows] = parsed.data;
    expect(rows).toHaveLength(250);
    expect(header.slice(0, 11)).toEqual([
      "Response ID",
      "Status",
      "Valid (1 = yes)",
      "Screening rule",
      "Screening reason",
      "Language",
      "Collector",
      "Collector name",
      "Started at (UTC)",
      "Completed at (UTC)",
      "Duration (seconds)",
    ]);
    expect(header).toContain("Breakdown: region");
    expect(header).toContain("Breakdown: size class");
    expect(header).toContain("Where is your firm located? [region]");
    expect(header).toContain("Support from national preferential policies [macro_constraints.national_policy]");
    expect(rows.filter((r) => r[2] === "1")).toHaveLength(226);

    const known = generateJilinDemoResponses()[0];
    const stored = await db.response.findFirstOrThrow({
      where: { surveyId: survey.id, submissionId: known.submissionId },
    });
    const row = rows.find((r) => r[0] === stored.id)!;
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell("Status")).toBe("complete");
    expect(cell("Valid (1 = yes)")).toBe(known.screened ? "0" : "1");
    expect(cell("Screening rule")).toBe(known.screened?.rule ?? "");
    expect(cell("Collector")).toBe("paper");
    expect(cell("Collector name")).toBe("Paper questionnaires 2017");
    expect(cell("Duration (seconds)")).toBe(String(known.durationSeconds));
    expect(cell("Started at (UTC)")).toBe(known.startedAt.toISOString());
    expect(cell("Where is your firm located? [region]")).toBe(known.answers.region);
    expect(cell("How many people does your firm employ? [employees]")).toBe(String(known.answers.employees));
    const macro = known.answers.macro_constraints as string[];
    expect(cell("Support from national preferential policies [macro_constraints.national_policy]")).toBe(
      macro.includes("national_policy") ? "1" : "0",
    );
    expect(cell("None of these [macro_constraints.none]")).toBe(macro.includes("none") ? "1" : "0");
  });

  it("labels headings and answers in Chinese when asked", async () => {
    const file = await exportSurvey({ db, actor: researcher, survey, format: "csv", locale: "zh", values: "labels" });
    const [header, ...rows] = Papa.parse<string[]>((await text(file.body)).slice(1).trimEnd(), {
      newline: "\r\n",
    }).data;
    expect(header[0]).toBe("答卷编号");
    expect(header).toContain("分组：地区");
    expect(header).toContain("国家优惠政策扶持 [macro_constraints.national_policy]");
    const regionColumn = header.indexOf("贵企业所在地区 [region]");
    expect(rows.filter((r) => r[regionColumn] === "长春市").length).toBeGreaterThan(50);
    // Values the platform itself writes are named in Chinese too; names the researcher typed stay as typed.
    const column = (name: string) => rows.map((r) => r[header.indexOf(name)]);
    expect(new Set(column("状态"))).toEqual(new Set(["已完成"]));
    expect(new Set(column("剔除规则"))).toEqual(new Set(["", "作答过快", "重复企业", "未通过一致性检查"]));
    expect(new Set(column("收集渠道"))).toEqual(new Set(["纸质"]));
    expect(new Set(column("收集渠道名称"))).toEqual(new Set(["Paper questionnaires 2017"]));
    expect(new Set(column("语言"))).toEqual(new Set(["中文", "英文"]));
  });

  it("writes the same rows as an Excel workbook", async () => {
    const file = await exportSurvey({ db, actor: researcher, survey, format: "xlsx", locale: "en", values: "codes" });
    const buffer = Buffer.from(await new Response(file.body).arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Responses")!;
    expect(sheet.rowCount).toBe(251);
    expect(sheet.getRow(1).getCell(1).value).toBe("Response ID");
    const durations = sheet.getColumn(11).values.slice(2) as number[];
    expect(durations.every((d) => typeof d === "number" && d > 0)).toBe(true);
    expect(sheet.getRow(2).getCell(9).value).toBeInstanceOf(Date);
  });

  it("exports only valid responses, or the dashboard's filter, when asked", async () => {
    const rowsOf = async (responses: Parameters<typeof exportSurvey>[0]["responses"]) => {
      const file = await exportSurvey({
        db,
        actor: researcher,
        survey,
        format: "csv",
        locale: "en",
        values: "codes",
        responses,
      });
      const [header, ...rows] = Papa.parse<string[]>((await text(file.body)).slice(1).trimEnd(), {
        newline: "\r\n",
      }).data;
      return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    };
    const valid = await rowsOf({ filter: { breakdowns: {} }, validOnly: true });
    expect(valid).toHaveLength(226);
    expect(new Set(valid.map((r) => r["Valid (1 = yes)"]))).toEqual(new Set(["1"]));
    const changchun = await rowsOf({ filter: { breakdowns: { region: "changchun" } }, validOnly: false });
    expect(changchun.length).toBe(
      await db.response.count({
        where: { surveyId: survey.id, breakdowns: { path: ["region"], equals: "changchun" } },
      }),
    );
    expect(new Set(changchun.map((r) => r["Breakdown: region"]))).toEqual(new Set(["changchun"]));
    const completed = (await rowsOf({ filter: { breakdowns: {} }, validOnly: false })).map(
      (r) => r["Completed at (UTC)"],
    );
    const day = completed.sort()[Math.floor(completed.length / 2)].slice(0, 10);
    const onDay = await rowsOf({ filter: { breakdowns: {}, from: day, to: day }, validOnly: false });
    expect(onDay.length).toBe(completed.filter((c) => c.startsWith(day)).length);
    expect(onDay.length).toBeGreaterThan(0);
  });

  it("writes a codebook: names, labels, values, missing codes, multiple-response sets and factors", async () => {
    const file = await exportSurvey({
      db,
      actor: researcher,
      survey,
      format: "codebook",
      locale: "en",
      values: "codes",
    });
    expect(file.filename).toMatch(/^jilin-2017-codebook-\d{8}\.csv$/);
    const [header, ...rows] = Papa.parse<string[]>((await text(file.body)).slice(1).trimEnd(), {
      newline: "\r\n",
    }).data;
    const entry = (variable: string) =>
      Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === variable)![i]]));
    expect(header.slice(0, 3)).toEqual(["Variable (SPSS)", "Variable (Stata)", "Column (CSV/Excel)"]);
    expect(entry("region")).toMatchObject({
      Question: "Where is your firm located?",
      Type: "single",
      "Measurement level": "nominal",
    });
    expect(entry("region")["Values (number in .sav/.dta = label [code in CSV])"]).toMatch(
      /^1 = Changchun \[changchun\]; 2 = /,
    );
    expect(entry("macro_constraints_national_policy")).toMatchObject({
      "Variable (Stata)": "macro_constraints_national_polic",
      "Column (CSV/Excel)": "macro_constraints.national_policy",
      "Multiple-response set": "$macro_constraints",
      Factor: "national_policy",
      "Factor label": "Support from national preferential policies",
      Level: "macro",
    });
    expect(entry("macro_constraints_dont_know")["Multiple-response set"]).toBe("");
    expect(rows).toHaveLength(45);

    const xlsx = await exportSurvey({ db, actor: researcher, survey, format: "xlsx", locale: "zh", values: "codes" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await new Response(xlsx.body).arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("编码手册")!;
    expect(sheet.rowCount).toBe(46);
    expect(sheet.getRow(1).getCell(1).value).toBe("变量名（SPSS）");
    expect(sheet.getRow(1).getCell(11).value).toBe("多重响应集");
  });

  it("records each export in the audit log", async () => {
    const before = await db.auditEvent.count({ where: { action: "survey.exported" } });
    await text(
      (await exportSurvey({ db, actor: researcher, survey, format: "csv", locale: "en", values: "codes" })).body,
    );
    const events = await db.auditEvent.findMany({ where: { action: "survey.exported" }, orderBy: { id: "desc" } });
    expect(events).toHaveLength(before + 1);
    expect(events[0]).toMatchObject({
      actorId: researcher.userId,
      targetId: survey.id,
      data: { format: "csv", locale: "en" },
    });
  });
});

describe("who may export", () => {
  it("tells a viewer of the organization that the role is missing", async () => {
    const viewer = await actorFor("viewer@example.org");
    expect((await findExportableSurvey({ db, actor: viewer, slug: PAPER_SURVEY_SLUG })).status).toBe("forbidden");
  });

  it("answers not found to a researcher of another organization", async () => {
    const other = await db.organization.create({ data: { slug: "other-team", name: "Other team" } });
    const user = await db.user.create({
      data: {
        email: "other@example.org",
        name: "Other",
        memberships: { create: { organizationId: other.id, role: "owner" } },
      },
    });
    const actor: Actor = {
      userId: user.id,
      via: "session",
      memberships: [{ organizationId: other.id, role: "owner" }],
    };
    expect((await findExportableSurvey({ db, actor, slug: PAPER_SURVEY_SLUG })).status).toBe("not_found");
    expect((await findExportableSurvey({ db, actor: researcher, slug: "no-such-survey" })).status).toBe("not_found");
  });
});
