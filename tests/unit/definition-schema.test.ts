import { describe, expect, it } from "vitest";
import {
  DEFINITION_FORMAT,
  QuestionnaireDefinitionSchema,
  type QuestionnaireDefinitionInput,
} from "@/lib/questionnaire/definition-schema";

const t = (en: string) => ({ zh: en, en });

function minimal(): QuestionnaireDefinitionInput {
  return {
    format: DEFINITION_FORMAT,
    code: "mini",
    title: t("Mini"),
    locales: ["zh", "en"],
    factors: [{ code: "policy", level: "macro", label: t("Policy") }],
    sections: [
      {
        code: "s1",
        title: t("Section"),
        level: "macro",
        questions: [
          {
            code: "size",
            type: "single",
            label: t("Size"),
            options: [
              { code: "a", label: t("A") },
              { code: "b", label: t("B") },
            ],
          },
          {
            code: "macro",
            type: "multi",
            label: t("Macro"),
            options: [
              { code: "policy", label: t("Policy"), factor: "policy" },
              { code: "none", label: t("None"), exclusive: true },
            ],
            showIf: { question: "size", op: "equals", value: "a" },
          },
        ],
      },
    ],
  };
}

function issuesOf(doc: unknown) {
  const result = QuestionnaireDefinitionSchema.safeParse(doc);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("questionnaire definition schema", () => {
  it("accepts a well-formed definition and fills defaults", () => {
    const parsed = QuestionnaireDefinitionSchema.parse(minimal());
    expect(parsed.sections[0].questions[0].required).toBe(false);
  });

  it("rejects a code that is not lower snake case, naming the path", () => {
    const doc = minimal();
    doc.sections[0].questions[0].code = "Size-1";
    expect(issuesOf(doc)).toContainEqual({
      path: "sections.0.questions.0.code",
      message: "A code starts with a lower-case letter and has only a-z, 0-9 and _",
    });
  });

  it("rejects an option mapped to an undeclared factor", () => {
    const doc = minimal();
    const q = doc.sections[0].questions[1];
    if (q.type !== "multi") throw new Error("fixture changed");
    q.options[0].factor = "taxes";
    expect(issuesOf(doc)).toContainEqual({
      path: "sections.0.questions.1.options.0.factor",
      message: 'Unknown factor "taxes": declare it in factors',
    });
  });

  it("rejects showIf on a later question and on an unknown option", () => {
    const doc = minimal();
    doc.sections[0].questions[0].showIf = { question: "macro", op: "answered" };
    const q = doc.sections[0].questions[1];
    q.showIf = { question: "size", op: "equals", value: "zzz" };
    const paths = issuesOf(doc).map((i) => i.path);
    expect(paths).toContain("sections.0.questions.0.showIf.question");
    expect(paths).toContain("sections.0.questions.1.showIf.value");
  });

  it("refuses a comparison its question's type cannot hold: gte on a single choice", () => {
    const doc = minimal();
    doc.sections[0].questions[1].showIf = { question: "size", op: "gte", value: 2 };
    expect(issuesOf(doc)).toEqual([
      {
        path: "sections.0.questions.1.showIf.op",
        message: 'The "gte" condition does not apply to a single question',
      },
    ]);
    doc.sections[0].questions[1].showIf = { all: [{ question: "size", op: "not_equals", value: "b" }] };
    expect(issuesOf(doc)).toEqual([]);
  });

  it("rejects duplicate question codes across sections and a label with no text", () => {
    const doc = minimal();
    doc.sections.push({
      code: "s2",
      title: { zh: "", en: "" },
      questions: [{ code: "size", type: "text", label: t("Again") }],
    });
    const issues = issuesOf(doc);
    expect(issues).toContainEqual({
      path: "sections.1.questions.0.code",
      message: 'Question code "size" is used twice',
    });
    expect(issues.map((i) => i.path)).toContain("sections.1.title");
  });

  it("requires an attention threshold on a scale mapped to a factor, inside the scale", () => {
    const doc = minimal();
    doc.sections[0].questions.push({
      code: "rate",
      type: "scale",
      label: t("Rate"),
      scale: { min: 1, max: 5 },
      factor: "policy",
    });
    expect(issuesOf(doc).map((i) => i.path)).toContain("sections.0.questions.2.attentionThreshold");
    (doc.sections[0].questions[2] as { attentionThreshold?: number }).attentionThreshold = 6;
    expect(issuesOf(doc)).toContainEqual({
      path: "sections.0.questions.2.attentionThreshold",
      message: "attentionThreshold must lie within 1..5",
    });
  });

  it("allows exclusive options only in multi questions", () => {
    const doc = minimal();
    const q = doc.sections[0].questions[0];
    if (q.type !== "single") throw new Error("fixture changed");
    q.options[1].exclusive = true;
    expect(issuesOf(doc).map((i) => i.path)).toContain("sections.0.questions.0.options.1.exclusive");
  });
});
