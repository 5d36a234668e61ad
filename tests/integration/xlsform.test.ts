// XLSForm against PostgreSQL: a template exported as XLSForm and imported becomes a new draft with
// the same definition and factors in the organization's library; a refused form and a taken code
// store nothing; another organization's questionnaire is not exported.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { exportXlsform } from "@/lib/questionnaire/xlsform/export-xlsform";
import { importXlsform } from "@/lib/questionnaire/xlsform/import-xlsform";
import { seedDemo } from "@/prisma/seed";

let researcher: Actor;
let organizationId: string;

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  const user = await db.user.findUniqueOrThrow({
    where: { email: "researcher@example.org" },
    include: { memberships: true },
  });
  researcher = {
    userId: user.id,
    via: "session",
    memberships: user.memberships.map((m) => ({ organizationId: m.organizationId, role: m.role })),
  };
  organizationId = user.memberships[0].organizationId;
});

/** The workbook with one cell changed. */
async function edited(bytes: Uint8Array, sheet: string, row: number, column: string, value: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const ws = wb.getWorksheet(sheet)!;
  const headers = (ws.getRow(1).values as string[]).map(String);
  ws.getRow(row).getCell(headers.indexOf(column)).value = value;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("XLSForm import and export", () => {
  it("exports a questionnaire and imports it as a new draft with the same definition", async () => {
    const source = await db.questionnaire.findFirstOrThrow({ where: { organizationId, code: "cis_hampering" } });
    const file = await exportXlsform({ db, actor: researcher, questionnaireId: source.id });
    expect(file.kind).toBe("file");
    if (file.kind !== "file") return;
    expect(file.filename).toBe("cis_hampering-draft.xlsx");

    const renamed = await edited(file.body, "settings", 2, "form_id", "cis_from_kobo");
    const before = await db.questionnaire.count();
    const outcome = await importXlsform({ db, organizationId, actorId: researcher.userId, bytes: renamed });
    expect(outcome).toMatchObject({ kind: "created", code: "cis_from_kobo", notMapped: [] });
    expect(await db.questionnaire.count()).toBe(before + 1);
    const created = await db.questionnaire.findFirstOrThrow({ where: { organizationId, code: "cis_from_kobo" } });
    expect(created.draft).toEqual({ ...QuestionnaireDefinitionSchema.parse(source.draft), code: "cis_from_kobo" });
  });

  it("stores nothing when the code is taken or the form is refused", async () => {
    const source = await db.questionnaire.findFirstOrThrow({ where: { organizationId, code: "wbes_obstacles" } });
    const file = await exportXlsform({ db, actor: researcher, questionnaireId: source.id });
    if (file.kind !== "file") throw new Error(file.kind);
    const before = await db.questionnaire.count();
    const taken = await importXlsform({ db, organizationId, actorId: researcher.userId, bytes: file.body });
    expect(taken).toMatchObject({ kind: "code_taken", code: "wbes_obstacles" });

    const badFactor = await edited(
      await edited(file.body, "settings", 2, "form_id", "wbes_bad"),
      "survey",
      9,
      "factor",
      "no_such_factor",
    );
    const refused = await importXlsform({ db, organizationId, actorId: researcher.userId, bytes: badFactor });
    expect(refused.kind).toBe("invalid");
    if (refused.kind !== "invalid") return;
    expect(refused.errors).toContainEqual(
      expect.objectContaining({
        sheet: "survey",
        row: 9,
        column: "factor",
        message: expect.stringContaining("no_such_factor"),
      }),
    );
    expect(await db.questionnaire.count()).toBe(before);
  });

  it("does not export another organization's questionnaire", async () => {
    const other = await db.organization.create({ data: { slug: "xlsform-other", name: "Other" } });
    const source = await db.questionnaire.findFirstOrThrow({ where: { organizationId, code: "cis_hampering" } });
    const foreign = await db.questionnaire.create({
      data: { organizationId: other.id, code: "foreign", draft: source.draft ?? {} },
    });
    expect(await exportXlsform({ db, actor: researcher, questionnaireId: foreign.id })).toEqual({ kind: "not_found" });
  });
});
