import { describe, expect, it } from "vitest";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { diffDefinitions } from "@/lib/questionnaire/diff-versions";
import { issueMap, issuesAt, countIssuesUnder } from "@/lib/questionnaire/definition-issues";
import { definitionMessageIn } from "@/lib/questionnaire/definition-issue-text";
import {
  QUESTION_TYPES,
  changeQuestionType,
  duplicateQuestion,
  duplicateSection,
  earlierQuestions,
  moveItem,
  newDefinition,
  newQuestion,
  uniqueCode,
} from "@/lib/questionnaire/draft-edits";
import { getTemplate } from "@/lib/questionnaire/templates";

const jilin = () => QuestionnaireDefinitionSchema.parse(getTemplate("jilin_small_micro")!.definition);

describe("version diff", () => {
  it("finds nothing between a version and itself", () => {
    expect(diffDefinitions(jilin(), jilin())).toEqual([]);
  });

  it("names added, removed and changed options, labels, factors, logic and moves", () => {
    const before = jilin();
    const after = structuredClone(before);
    const macro = after.sections[1].questions[0] as Extract<
      (typeof after.sections)[0]["questions"][0],
      { type: "multi" }
    >;
    macro.options = macro.options.filter((o) => o.code !== "ip_protection");
    macro.options.push({ code: "land_use", label: { zh: "用地", en: "Land use" } });
    macro.options[0] = { ...macro.options[0], label: { zh: "国家政策", en: "National policy" } };
    macro.showIf = { question: "region", op: "equals", value: "changchun" };
    after.sections[0].questions.splice(4, 1); // firm_id removed
    after.factors[0] = { ...after.factors[0], level: "middle" };
    after.sections.reverse();

    const changes = diffDefinitions(before, after);
    expect(changes).toContainEqual({ kind: "removed", target: "question", code: "firm_id", parent: undefined });
    expect(changes).toContainEqual({
      kind: "removed",
      target: "option",
      code: "ip_protection",
      parent: "macro_constraints",
    });
    expect(changes).toContainEqual({ kind: "added", target: "option", code: "land_use", parent: "macro_constraints" });
    expect(changes).toContainEqual({
      kind: "changed",
      target: "option",
      code: macro.options[0].code,
      parent: "macro_constraints",
      fields: ["label"],
    });
    expect(changes).toContainEqual({
      kind: "changed",
      target: "question",
      code: "macro_constraints",
      parent: undefined,
      fields: ["showIf", "position"],
    });
    expect(changes).toContainEqual({
      kind: "changed",
      target: "factor",
      code: after.factors[0].code,
      parent: undefined,
      fields: ["level"],
    });
    expect(
      changes
        .filter((c) => c.target === "section")
        .map((c) => c.code)
        .sort(),
    ).toEqual(["firm_profile", "macro_level", "micro_level", "middle_level"].sort());
  });

  it("reports a question moved to another section and a changed type", () => {
    const before = jilin();
    const after = structuredClone(before);
    const [firmId] = after.sections[0].questions.splice(4, 1);
    after.sections[3].questions.push({ ...firmId, type: "number", integer: false } as never);
    const change = diffDefinitions(before, after).find((c) => c.code === "firm_id");
    expect(change).toMatchObject({ kind: "changed", fields: expect.arrayContaining(["type", "section"]) });
  });
});

describe("draft edits", () => {
  it("makes codes unique and well-formed", () => {
    expect(uniqueCode("q1", ["q1", "q1_2"])).toBe("q1_3");
    expect(uniqueCode("1 Region!", [])).toBe("region_");
    expect(uniqueCode("", [])).toBe("item");
  });

  it("gives every question type a starting shape that validates once labelled", () => {
    for (const type of QUESTION_TYPES) {
      const def = newDefinition("demo", { zh: "演示", en: "Demo" });
      const q = newQuestion(type, "q");
      const label = (x: { label: { zh?: string; en?: string } }) => (x.label = { zh: "标签", en: "Label" });
      label(q);
      if ("options" in q) q.options.forEach(label);
      if (q.type === "matrix") q.rows.forEach(label);
      def.sections[0] = { code: "s", title: { en: "S" }, questions: [q] };
      const parsed = QuestionnaireDefinitionSchema.safeParse(def);
      expect(parsed.success ? [] : parsed.error.issues, type).toEqual([]);
    }
  });

  it("keeps labels, logic and options when the type changes, dropping what the new type cannot have", () => {
    const multi = { ...newQuestion("multi", "m"), showIf: { question: "a", op: "answered" as const } };
    if ("options" in multi) multi.options[0].exclusive = true;
    const single = changeQuestionType(multi, "single");
    expect(single).toMatchObject({ type: "single", code: "m", showIf: { question: "a", op: "answered" } });
    expect("options" in single && single.options[0].exclusive).toBeFalsy();
    expect(changeQuestionType(multi, "scale")).toMatchObject({ type: "scale", scale: { min: 1, max: 5 } });
  });

  it("moves, duplicates and lists earlier questions", () => {
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, -5)).toEqual(["c", "a", "b"]);
    const def = jilin();
    const dup = duplicateQuestion(def, 0, 0);
    expect(dup.sections[0].questions.map((q) => q.code).slice(0, 2)).toEqual(["region", "region_copy"]);
    const dupSection = duplicateSection(def, 1);
    expect(dupSection.sections[2]).toMatchObject({
      code: "macro_level_copy",
      questions: [{ code: "macro_constraints_copy" }],
    });
    expect(QuestionnaireDefinitionSchema.safeParse(dupSection).success).toBe(true);
    expect(earlierQuestions(def, 1, 0).map((q) => q.code)).toEqual([
      "region",
      "industry",
      "employees",
      "lifecycle_stage",
      "firm_id",
    ]);
  });
});

describe("inline issues", () => {
  it("puts each schema issue on the field it belongs to", () => {
    const def = jilin();
    (def.sections[1].questions[0] as { label: object }).label = {};
    def.sections[1].questions[0].code = "region";
    const result = QuestionnaireDefinitionSchema.safeParse(def);
    expect(result.success).toBe(false);
    const map = issueMap(result.error!.issues);
    expect(issuesAt(map, ["sections", 1, "questions", 0, "label"])).toEqual([
      "A label needs text in at least one language",
    ]);
    expect(issuesAt(map, ["sections", 1, "questions", 0, "code"])).toEqual(['Question code "region" is used twice']);
    expect(countIssuesUnder(map, ["sections", 1])).toBe(2);
    expect(countIssuesUnder(map, ["sections", 2])).toBe(0);
  });
});

describe("inline issues in Chinese", () => {
  it("words the schema's own messages in Chinese and leaves English as it is", () => {
    expect(definitionMessageIn('Question code "region" is used twice', "zh")).toBe("题目代码“region”重复使用");
    expect(definitionMessageIn("attentionThreshold must lie within 1..5", "zh")).toBe("关注阈值须在 1 到 5 之间");
    expect(definitionMessageIn('"x" is not an option of "region"', "zh")).toBe("“x”不是题目“region”的选项");
    expect(definitionMessageIn("A question mapped to factors needs an attentionThreshold", "en")).toBe(
      "A question mapped to factors needs an attentionThreshold",
    );
  });

  it("has a Chinese wording for every message the schema raises on a broken template", () => {
    const def = jilin();
    const macro = def.sections[1].questions[0] as Extract<(typeof def.sections)[0]["questions"][0], { type: "multi" }>;
    macro.code = "region";
    macro.options[0].factor = "nope";
    macro.showIf = { question: "later", op: "equals" };
    (def.sections[0].questions[0] as typeof macro).options[0].exclusive = true;
    const messages = QuestionnaireDefinitionSchema.safeParse(def).error!.issues.map((i) => i.message);
    expect(messages.length).toBeGreaterThanOrEqual(4);
    for (const m of messages) expect(definitionMessageIn(m, "zh"), m).not.toBe(m);
  });
});
