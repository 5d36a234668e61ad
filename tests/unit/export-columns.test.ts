// How each question type becomes export columns, and how cells are written to CSV.
import { describe, expect, it } from "vitest";
import { csvCell } from "@/lib/export/csv-cell";
import { exportColumns, type ExportRecord } from "@/lib/export/export-columns";
import { exportLabels } from "@/lib/export/export-labels";
import { DEFINITION_FORMAT, QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";

const t = (zh: string, en: string) => ({ zh, en });
const definition = QuestionnaireDefinitionSchema.parse({
  format: DEFINITION_FORMAT,
  code: "all_types",
  title: t("全部题型", "All types"),
  locales: ["zh", "en"],
  factors: [{ code: "funding", level: "micro", label: t("资金", "Funding") }],
  sections: [
    {
      code: "s",
      title: t("一", "One"),
      questions: [
        {
          code: "region",
          type: "single",
          breakdown: "region",
          label: t("地区", "Region"),
          options: [
            { code: "cc", label: t("长春", "Changchun") },
            { code: "jl", label: t("吉林", "Jilin") },
          ],
        },
        { code: "staff", type: "number", label: t("人数", "Staff"), derivesSizeClass: true },
        {
          code: "issues",
          type: "multi",
          label: t("问题", "Issues"),
          options: [
            { code: "funding", factor: "funding", label: t("资金", "Funding") },
            { code: "none", exclusive: true, label: t("无", "None") },
          ],
        },
        {
          code: "top",
          type: "rank",
          topN: 2,
          label: t("排序", "Rank"),
          options: [
            { code: "a", label: t("甲", "A") },
            { code: "b", label: t("乙", "B") },
            { code: "c", label: t("丙", "C") },
          ],
        },
        {
          code: "grid",
          type: "matrix",
          label: t("矩阵", "Grid"),
          scale: { min: 1, max: 5 },
          rows: [
            { code: "r1", label: t("行一", "Row 1") },
            { code: "r2", label: t("行二", "Row 2") },
          ],
        },
        { code: "mood", type: "scale", label: t("量表", "Scale"), scale: { min: 1, max: 5 } },
        { code: "note", type: "text", label: t("备注", "Note") },
      ],
    },
  ],
});

const record: ExportRecord = {
  id: "r-1",
  status: "complete",
  screenedRule: null,
  screenedReason: null,
  locale: "zh",
  collectorKind: "link",
  collectorName: "Open link",
  startedAt: new Date("2026-03-01T08:00:00Z"),
  completedAt: new Date("2026-03-01T08:10:00Z"),
  durationSeconds: 600,
  weight: null,
  breakdowns: { region: "cc", size_class: "small" },
  answers: {
    region: "cc",
    staff: 42,
    issues: ["funding"],
    top: ["c", "a"],
    grid: { r1: 4 },
    mood: 5,
    note: "=SUM(A1)",
  },
};

function row(values: "codes" | "labels", locale: "zh" | "en" = "en", r: ExportRecord = record) {
  const columns = exportColumns({ definitions: [definition], locale, labels: exportLabels(locale), values });
  return Object.fromEntries(columns.map((c) => [c.key, c.value(r)]));
}

describe("export columns", () => {
  it("have fixed columns, breakdowns, then questions with one column per option or matrix row", () => {
    const columns = exportColumns({
      definitions: [definition],
      locale: "en",
      labels: exportLabels("en"),
      values: "codes",
    });
    expect(columns.map((c) => c.key)).toEqual([
      "id",
      "status",
      "valid",
      "screened_rule",
      "screened_reason",
      "locale",
      "collector",
      "collector_name",
      "started_at",
      "completed_at",
      "duration_seconds",
      "breakdown.region",
      "breakdown.size_class",
      "region",
      "staff",
      "issues.funding",
      "issues.none",
      "top.a",
      "top.b",
      "top.c",
      "grid.r1",
      "grid.r2",
      "mood",
      "note",
    ]);
    expect(columns.find((c) => c.key === "issues.funding")!.header).toBe("Funding [issues.funding]");
    expect(columns.find((c) => c.key === "grid.r2")!.header).toBe("Grid: Row 2 [grid.r2]");
  });

  it("encode each answer type", () => {
    expect(row("codes")).toMatchObject({
      valid: 1,
      "breakdown.region": "cc",
      "breakdown.size_class": "small",
      region: "cc",
      staff: 42,
      "issues.funding": 1,
      "issues.none": 0,
      "top.a": 2,
      "top.b": null,
      "top.c": 1,
      "grid.r1": 4,
      "grid.r2": null,
      mood: 5,
      note: "=SUM(A1)",
    });
  });

  it("leave unanswered questions empty rather than 0", () => {
    const blank = row("codes", "en", { ...record, answers: {} });
    expect([blank["issues.funding"], blank["top.a"], blank.region, blank.staff]).toEqual([null, null, null, null]);
  });

  it("write labels in the chosen language when asked", () => {
    expect(row("labels", "zh")).toMatchObject({
      region: "长春",
      "breakdown.region": "长春",
      "breakdown.size_class": "小型",
    });
    expect(row("labels", "en")).toMatchObject({ region: "Changchun", "breakdown.size_class": "Small" });
  });

  it("name status, screening rule, language and collector in the export's language when asked", () => {
    const screened = { ...record, screenedRule: "too_fast", screenedReason: "Completed in 5 s." };
    expect(row("labels", "zh", screened)).toMatchObject({
      status: "已完成",
      screened_rule: "作答过快",
      locale: "中文",
      collector: "公开链接",
      collector_name: "Open link",
      screened_reason: "Completed in 5 s.",
    });
    expect(row("labels", "en", { ...record, status: "partial" })).toMatchObject({
      status: "In progress",
      screened_rule: null,
      locale: "Chinese",
      collector: "Open link",
    });
    expect(row("codes", "zh", screened)).toMatchObject({
      status: "complete",
      screened_rule: "too_fast",
      locale: "zh",
      collector: "link",
      collector_name: "Open link",
    });
  });

  it("mark screened and partial responses as not valid", () => {
    expect(row("codes", "en", { ...record, screenedRule: "too_fast", screenedReason: "90 s" })).toMatchObject({
      valid: 0,
      screened_rule: "too_fast",
    });
    expect(row("codes", "en", { ...record, status: "partial" }).valid).toBe(0);
  });
});

describe("CSV cells", () => {
  it("neutralise formulas typed by respondents but keep numbers and dates", () => {
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell("+86 138")).toBe("'+86 138");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("Changchun")).toBe("Changchun");
    expect(csvCell(-3)).toBe(-3);
    expect(csvCell(null)).toBe("");
    expect(csvCell(new Date("2026-03-01T08:00:00Z"))).toBe("2026-03-01T08:00:00.000Z");
  });
});
