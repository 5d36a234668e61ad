import { describe, expect, it } from "vitest";
import { parseInvitationCsv, invitationLinksCsv, MAX_INVITATIONS } from "@/lib/surveys/parse-invitation-csv";
import { CreateSurveySchema, suggestSlug } from "@/lib/surveys/survey-schema";
import { surveyStatus } from "@/lib/surveys/survey-status";
import { answerLines } from "@/lib/responses/answer-lines";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { getTemplate } from "@/lib/questionnaire/templates";

describe("invitation CSV", () => {
  it("reads rows with an English or Chinese header, or none", () => {
    expect(parseInvitationCsv("firm_name,contact,firm_identifier\nAcme,a@x.cn,91A\nBeta,,\n")).toEqual({
      rows: [
        { firmName: "Acme", contact: "a@x.cn", firmIdentifier: "91A" },
        { firmName: "Beta", contact: null, firmIdentifier: null },
      ],
      errors: [],
    });
    expect(parseInvitationCsv("\uFEFF联系人,企业名称\n张三,长春光电\n").rows).toEqual([
      { firmName: "长春光电", contact: "张三", firmIdentifier: null },
    ]);
    expect(parseInvitationCsv('"Gamma, Ltd",g@x.cn\n').rows).toEqual([
      { firmName: "Gamma, Ltd", contact: "g@x.cn", firmIdentifier: null },
    ]);
  });

  it("names the line and field of every bad row and keeps only good rows", () => {
    const csv = [
      "firm_name,contact,firm_identifier",
      "Acme,a@x.cn,91A",
      ",b@x.cn,",
      `${"x".repeat(201)},,`,
      "Delta,,91A",
    ].join("\n");
    const { rows, errors } = parseInvitationCsv(csv);
    expect(rows.map((r) => r.firmName)).toEqual(["Acme"]);
    expect(errors).toEqual([
      { line: 3, field: "firmName", code: "missing" },
      { line: 4, field: "firmName", code: "tooLong" },
      { line: 5, field: "firmIdentifier", code: "duplicate" },
    ]);
  });

  it("refuses empty and oversized files", () => {
    expect(parseInvitationCsv("").errors).toEqual([{ line: 1, field: "file", code: "empty" }]);
    expect(parseInvitationCsv("firm_name\n").errors).toEqual([{ line: 2, field: "file", code: "empty" }]);
    const big = Array.from({ length: MAX_INVITATIONS + 1 }, (_, i) => `Firm ${i}`).join("\n");
    expect(parseInvitationCsv(big).errors[0].code).toBe("tooMany");
  });

  it("writes the personal links as CSV with quoting", () => {
    expect(
      invitationLinksCsv([
        { firmName: "Gamma, Ltd", contact: null, firmIdentifier: "9", link: "https://x/s/a?token=t" },
      ]),
    ).toBe('firm_name,contact,firm_identifier,link\r\n"Gamma, Ltd",,9,https://x/s/a?token=t');
  });
});

describe("survey settings", () => {
  const valid = {
    versionId: "7b0f0d64-2b0c-4a53-9a3d-2f4a3e1d9c11",
    slug: "hengyang-2020",
    titleZh: "衡阳 2020",
    titleEn: "",
    defaultLocale: "zh",
    opensAt: "2020-03-01T00:00",
    closesAt: "2020-06-30T00:00",
    minCompletionSeconds: "120",
    smallCellThreshold: "10",
    publicDashboard: "on",
  };

  it("accepts a complete form and coerces its fields", () => {
    const parsed = CreateSurveySchema.parse(valid);
    expect(parsed).toMatchObject({
      slug: "hengyang-2020",
      minCompletionSeconds: 120,
      smallCellThreshold: 10,
      publicDashboard: true,
    });
    expect(parsed.opensAt).toBeInstanceOf(Date);
  });

  it("says which field is wrong", () => {
    const issues = (input: object) =>
      CreateSurveySchema.safeParse({ ...valid, ...input }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ slug: "A b" })).toEqual([["slug", "slugFormat"]]);
    expect(issues({ slug: "new" })).toEqual([["slug", "slugReserved"]]);
    expect(issues({ titleZh: "", titleEn: " " })).toEqual([["titleZh", "titleRequired"]]);
    expect(issues({ closesAt: "2020-01-01T00:00" })).toEqual([["closesAt", "closesBeforeOpens"]]);
    expect(issues({ smallCellThreshold: "0" })).toEqual([["smallCellThreshold", "numberTooSmall"]]);
    expect(issues({ minCompletionSeconds: "abc" })).toEqual([["minCompletionSeconds", "numberInvalid"]]);
  });

  it("suggests a slug from a title", () => {
    expect(suggestSlug("Hengyang SMEs", 2020)).toBe("hengyang-smes-2020");
    expect(suggestSlug("衡阳", 2020)).toBe("survey-2020");
    expect(suggestSlug("Jilin 2017", 2017)).toBe("jilin-2017");
  });

  it("tells scheduled, open and closed apart", () => {
    const now = new Date("2020-05-01");
    expect(surveyStatus({ opensAt: new Date("2020-06-01"), closesAt: null }, now)).toBe("scheduled");
    expect(surveyStatus({ opensAt: new Date("2020-01-01"), closesAt: new Date("2020-05-01") }, now)).toBe("closed");
    expect(surveyStatus({ opensAt: null, closesAt: null }, now)).toBe("open");
  });
});

describe("a response read by a researcher", () => {
  it("labels each answer in the chosen language", () => {
    const def = QuestionnaireDefinitionSchema.parse(getTemplate("cis_hampering")!.definition);
    const lines = answerLines(
      def,
      { industry: "construction", hampering_factors: { costs_too_high: 3, lack_internal_finance: 0 } },
      "en",
    );
    expect(lines).toEqual([
      {
        code: "industry",
        section: "About your enterprise",
        question: "What is your enterprise's main economic activity?",
        answer: ["Construction (NACE F)"],
      },
      {
        code: "hampering_factors",
        section: "Factors hampering innovation activities",
        question: expect.stringContaining("During the past three years"),
        answer: ["Lack of internal finance for innovation: 0 (Factor not experienced)", "Costs too high: 3 (High)"],
      },
    ]);
  });
});
