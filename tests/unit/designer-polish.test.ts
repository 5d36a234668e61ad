import { produce, current } from "immer";
import { describe, expect, it } from "vitest";
import { QuestionnaireDefinitionSchema, type Condition } from "@/lib/questionnaire/definition-schema";
import { countOwnIssues, issueMap, issuePlace, touchedIssues } from "@/lib/questionnaire/definition-issues";
import {
  duplicateQuestion,
  indexAfterDelete,
  indexAfterMove,
  moveItem,
  newDefinition,
  newQuestion,
  type DraftDefinition,
} from "@/lib/questionnaire/draft-edits";
import { carryItemKeys, itemKey } from "@/lib/questionnaire/item-keys";
import { displayName } from "@/lib/questionnaire/localized-text";
import { previewDefinition } from "@/lib/questionnaire/preview-definition";
import { conditionParts, itemPath, joinConditions, nextComparison } from "@/lib/questionnaire/show-if-edits";
import { conditionHolds } from "@/lib/questionnaire/visibility";

describe("the preview of a draft with problems", () => {
  it("shows a blank questionnaire with its codes where labels are still empty", () => {
    const draft = newDefinition("blank", { zh: "", en: "" });
    expect(QuestionnaireDefinitionSchema.safeParse(draft).success).toBe(false);
    const preview = previewDefinition(draft);
    expect(preview.title).toEqual({ zh: "blank", en: "blank" });
    expect(preview.sections).toHaveLength(1);
    const q = preview.sections[0].questions[0];
    expect(q).toMatchObject({ code: "section_1_q1", label: { zh: "section_1_q1" }, type: "single", required: false });
    expect(q.type === "single" && q.options.map((o) => o.label.en)).toEqual(["option_1", "option_2"]);
  });

  it("keeps what was written, drops repeated codes and conditions on later questions, and brings settings into range", () => {
    const draft = newDefinition("d", { zh: "标题" });
    const rank = newQuestion("rank", "top");
    if (rank.type !== "rank") throw new Error("rank");
    rank.topN = 5;
    rank.label = { en: "Top concerns" };
    const later = { ...newQuestion("number", "employees"), showIf: { question: "later", op: "answered" as const } };
    const earlierRef = {
      ...newQuestion("text", "note"),
      showIf: { all: [{ question: "employees", op: "gte" as const, value: 10 }] },
    };
    draft.sections[0].questions = [rank, later, earlierRef, newQuestion("text", "top")];
    const preview = previewDefinition(draft);
    const qs = preview.sections[0].questions;
    expect(qs.map((q) => q.code)).toEqual(["top", "employees", "note"]);
    expect(qs[0]).toMatchObject({ label: { en: "Top concerns" }, topN: 2 });
    expect(qs[1].showIf).toBeUndefined();
    expect(qs[2].showIf).toEqual({ all: [{ question: "employees", op: "gte", value: 10 }] });
    expect(preview.title).toEqual({ zh: "标题" });
  });

  it("draws a 0–1 scale as 0–2, the smallest scale the schema accepts", () => {
    const draft = newDefinition("d", { zh: "标题" });
    const q = newQuestion("scale", "mood");
    if (q.type !== "scale") throw new Error("scale");
    q.scale = { min: 0, max: 1 };
    draft.sections[0].questions = [q];
    const preview = previewDefinition(draft);
    expect(preview.sections[0].questions[0]).toMatchObject({ scale: { min: 0, max: 2 } });
    expect(QuestionnaireDefinitionSchema.safeParse(preview).success).toBe(true);
  });

  it("is the definition itself once the draft is valid", () => {
    const draft = newDefinition("ok", { zh: "好", en: "OK" });
    draft.sections[0].title = { en: "Firm" };
    const q = draft.sections[0].questions[0];
    q.label = { en: "Type" };
    if (q.type === "single") q.options.forEach((o, i) => (o.label = { en: `Option ${i}` }));
    const parsed = QuestionnaireDefinitionSchema.parse(draft);
    expect(previewDefinition(draft)).toEqual({ ...parsed, factors: [], defaultLocale: undefined });
  });
});

describe("issues shown before publishing", () => {
  const issues = issueMap([
    { code: "custom", path: ["sections", 0, "title"], message: "title", input: undefined },
    { code: "custom", path: ["sections", 0, "questions", 0, "label"], message: "label", input: undefined },
    {
      code: "custom",
      path: ["sections", 0, "questions", 0, "showIf", "all", 1, "value"],
      message: "v",
      input: undefined,
    },
  ]);

  it("are only those of touched fields, or of the object a touched input belongs to", () => {
    expect([...touchedIssues(issues, new Set()).keys()]).toEqual([]);
    expect([...touchedIssues(issues, new Set(["sections.0.title.zh"])).keys()]).toEqual(["sections.0.title"]);
    expect([...touchedIssues(issues, new Set(["sections.0.questions.0.showIf"])).keys()]).toEqual([
      "sections.0.questions.0.showIf.all.1.value",
    ]);
    // A touched question code does not reveal the question's other fields.
    expect([...touchedIssues(issues, new Set(["sections.0.questions.0.code"])).keys()]).toEqual([]);
  });

  it("count a section's own problems apart from those of its questions", () => {
    const more = issueMap([
      { code: "custom", path: ["sections", 0, "title"], message: "title", input: undefined },
      { code: "custom", path: ["sections", 0, "questions"], message: "none", input: undefined },
      { code: "custom", path: ["sections", 0, "questions", 0, "label"], message: "label", input: undefined },
      { code: "custom", path: ["sections", 1, "code"], message: "code", input: undefined },
    ]);
    expect(countOwnIssues(more, ["sections", 0], "questions")).toBe(2);
    expect(countOwnIssues(more, ["sections", 1], "questions")).toBe(1);
    expect(more.get("sections.0.questions.0.label")?.path).toEqual(["sections", 0, "questions", 0, "label"]);
  });

  it("name their place: section, question, item and field", () => {
    expect(issuePlace(["sections", 1, "questions", 2, "options", 3, "label", "en"])).toEqual({
      sectionIndex: 1,
      questionIndex: 2,
      item: { list: "options", index: 3 },
      field: "label",
    });
    expect(issuePlace(["sections", 0, "questions", 4, "showIf", "any", 1, "value"])).toEqual({
      sectionIndex: 0,
      questionIndex: 4,
      field: "value",
    });
    expect(issuePlace(["sections", 0, "title"])).toEqual({ sectionIndex: 0, field: "title" });
  });
});

describe("compound display conditions", () => {
  const employees: Condition = { question: "employees", op: "gte", value: 10 };
  const region: Condition = { question: "region", op: "equals", value: "jilin" };

  it("grow from one comparison into an and/or group and shrink back", () => {
    const one = joinConditions("all", [employees])!;
    expect(one).toEqual(employees);
    expect(conditionParts(one)).toEqual({ join: "all", items: [employees] });
    const both = joinConditions("all", [...conditionParts(one).items, region])!;
    expect(both).toEqual({ all: [employees, region] });
    expect(joinConditions("any", conditionParts(both).items)).toEqual({ any: [employees, region] });
    expect(joinConditions("any", [region])).toEqual(region);
    expect(joinConditions("all", [])).toBeUndefined();
    expect(itemPath(both, 1)).toEqual(["all", 1]);
    expect(itemPath(one, 0)).toEqual([]);
  });

  it("hold as the respondent form evaluates them: employees >= 10 and region = jilin", () => {
    const both: Condition = { all: [employees, region] };
    expect(conditionHolds(both, { employees: 12, region: "jilin" })).toBe(true);
    expect(conditionHolds(both, { employees: 9, region: "jilin" })).toBe(false);
    expect(conditionHolds(both, { employees: 12, region: "changchun" })).toBe(false);
    expect(conditionHolds({ any: [employees, region] }, { employees: 3, region: "jilin" })).toBe(true);
  });

  it("start a new comparison on the latest earlier question not yet used", () => {
    expect(nextComparison(["region", "employees"], [])).toEqual({ question: "employees", op: "answered" });
    expect(nextComparison(["region", "employees"], [employees])).toEqual({ question: "region", op: "answered" });
    expect(nextComparison(["region"], [region])).toEqual({ question: "region", op: "answered" });
    expect(nextComparison([], [])).toBeUndefined();
  });
});

describe("the open question follows a move", () => {
  it("matches moveItem for every move in a list of five", () => {
    const list = ["a", "b", "c", "d", "e"];
    for (let from = 0; from < 5; from++)
      for (let to = 0; to < 5; to++) {
        const moved = moveItem(list, from, to);
        for (let i = 0; i < 5; i++) expect(moved[indexAfterMove(i, from, to)]).toBe(list[i]);
      }
  });
});

describe("a selection after a deletion", () => {
  it("stays on its item: later items move up one, earlier ones stay", () => {
    const list = ["a", "b", "c", "d"];
    for (let deleted = 0; deleted < 4; deleted++) {
      const left = list.filter((_, i) => i !== deleted);
      for (let i = 0; i < 4; i++) if (i !== deleted) expect(left[indexAfterDelete(i, deleted)]).toBe(list[i]);
    }
  });
});

describe("stable item keys", () => {
  const step = (draft: DraftDefinition, recipe: (d: DraftDefinition) => DraftDefinition | void) => {
    const next = produce(draft, recipe);
    carryItemKeys(draft, next);
    return next;
  };
  const optionKeys = (d: DraftDefinition, qi: number) => {
    const q = d.sections[0].questions[qi];
    return "options" in q ? q.options.map(itemKey) : [];
  };

  it("follow their items through moves, edits, duplicates and deletions", () => {
    let draft = newDefinition("keys", { zh: "键" });
    draft.sections[0].questions.push(newQuestion("text", "second"));
    const [a, b] = optionKeys(draft, 0);
    const [q1, q2] = draft.sections[0].questions.map(itemKey);
    const section = itemKey(draft.sections[0]);

    draft = step(draft, (d) => void (d.sections[0].questions = moveItem(d.sections[0].questions, 0, 1)));
    expect(draft.sections[0].questions.map(itemKey)).toEqual([q2, q1]);
    expect(itemKey(draft.sections[0])).toBe(section);

    draft = step(draft, (d) => {
      const q = d.sections[0].questions[1];
      if ("options" in q) q.options[0].label = { en: "Edited" };
    });
    expect(optionKeys(draft, 1)).toEqual([a, b]);
    expect(draft.sections[0].questions.map(itemKey)).toEqual([q2, q1]);

    draft = step(draft, (d) => duplicateQuestion(current(d), 0, 0));
    const keys = draft.sections[0].questions.map(itemKey);
    expect([keys[0], keys[2]]).toEqual([q2, q1]);
    expect(new Set(keys).size).toBe(3);

    draft = step(draft, (d) => void d.sections[0].questions.splice(0, 1));
    expect(draft.sections[0].questions.map(itemKey)).toEqual([keys[1], q1]);
  });
});

describe("display names", () => {
  it("name an item in the interface's language, then the other, then by its code", () => {
    expect(displayName({ code: "plan", label: { zh: "扩张计划", en: "Expansion plan" } }, "en")).toBe("Expansion plan");
    expect(displayName({ code: "plan", label: { zh: "扩张计划", en: "Expansion plan" } }, "zh")).toBe("扩张计划");
    expect(displayName({ code: "firm", title: { zh: "企业", en: "" } }, "en")).toBe("企业");
    expect(displayName({ code: "firm", title: { zh: "", en: "" } }, "zh")).toBe("firm");
  });
});
