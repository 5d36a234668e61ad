// What changed between two versions of a questionnaire: a structural diff that matches sections,
// questions, options, matrix rows and factors by their stable codes. Pure and browser-safe.
import type { QuestionnaireDefinition, QuestionDefinition, SectionDefinition } from "./definition-schema";

export type ChangeTarget = "questionnaire" | "factor" | "section" | "question" | "option" | "row";
/** Which aspect of a matched item differs. */
export type ChangedField =
  | "title"
  | "label"
  | "description"
  | "help"
  | "level"
  | "factor"
  | "showIf"
  | "required"
  | "type"
  | "breakdown"
  | "settings"
  | "exclusive"
  | "section"
  | "position";

export type DefinitionChange =
  | { kind: "added" | "removed"; target: ChangeTarget; code: string; parent?: string }
  | { kind: "changed"; target: ChangeTarget; code: string; parent?: string; fields: ChangedField[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function byCode<T extends { code: string }>(items: readonly T[]) {
  return new Map(items.map((item, index) => [item.code, { item, index }]));
}

/** Added, removed and changed items of two code-keyed lists; `fieldsOf` lists what differs. */
function diffList<T extends { code: string }>(
  before: readonly T[],
  after: readonly T[],
  target: ChangeTarget,
  fieldsOf: (a: T, b: T) => ChangedField[],
  parent?: string,
): DefinitionChange[] {
  const old = byCode(before);
  const now = byCode(after);
  const changes: DefinitionChange[] = [];
  for (const { code } of before) if (!now.has(code)) changes.push({ kind: "removed", target, code, parent });
  // Position is compared among the items both lists share, so one insertion does not "move" the rest.
  const keptBefore = before.filter((x) => now.has(x.code)).map((x) => x.code);
  const keptAfter = after.filter((x) => old.has(x.code)).map((x) => x.code);
  for (const { item } of now.values()) {
    const previous = old.get(item.code);
    if (!previous) {
      changes.push({ kind: "added", target, code: item.code, parent });
      continue;
    }
    const fields = fieldsOf(previous.item, item);
    if (keptBefore.indexOf(item.code) !== keptAfter.indexOf(item.code)) fields.push("position");
    if (fields.length) changes.push({ kind: "changed", target, code: item.code, parent, fields });
  }
  return changes;
}

/** Settings beyond label, logic and options: scale, topN, limits, length, units, thresholds. */
function settingsOf(q: QuestionDefinition): unknown {
  const { code: _c, label: _l, help: _h, required: _r, showIf: _s, type: _t, ...rest } = q;
  const { options: _o, rows: _rows, factor: _f, breakdown: _b, ...settings } = rest as Record<string, unknown>;
  return settings;
}

function questionFields(a: QuestionDefinition, b: QuestionDefinition): ChangedField[] {
  const fields: ChangedField[] = [];
  if (a.type !== b.type) fields.push("type");
  if (!same(a.label, b.label)) fields.push("label");
  if (!same(a.help, b.help)) fields.push("help");
  if (a.required !== b.required) fields.push("required");
  if (!same(a.showIf, b.showIf)) fields.push("showIf");
  if (!same("factor" in a ? a.factor : null, "factor" in b ? b.factor : null)) fields.push("factor");
  if (!same("breakdown" in a ? a.breakdown : null, "breakdown" in b ? b.breakdown : null)) fields.push("breakdown");
  if (!same(settingsOf(a), settingsOf(b))) fields.push("settings");
  return fields;
}

type Located = QuestionDefinition & { sectionCode: string };
const locate = (sections: SectionDefinition[]): Located[] =>
  sections.flatMap((s) => s.questions.map((q) => ({ ...q, sectionCode: s.code })));

export function diffDefinitions(before: QuestionnaireDefinition, after: QuestionnaireDefinition): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const top: ChangedField[] = [];
  if (!same(before.title, after.title)) top.push("title");
  if (!same(before.description, after.description)) top.push("description");
  if (top.length) changes.push({ kind: "changed", target: "questionnaire", code: after.code, fields: top });

  changes.push(
    ...diffList(before.factors, after.factors, "factor", (a, b) => [
      ...(!same(a.label, b.label) ? (["label"] as const) : []),
      ...(a.level !== b.level ? (["level"] as const) : []),
    ]),
  );
  changes.push(
    ...diffList(before.sections, after.sections, "section", (a, b) => [
      ...(!same(a.title, b.title) ? (["title"] as const) : []),
      ...(!same(a.description, b.description) ? (["description"] as const) : []),
      ...(a.level !== b.level ? (["level"] as const) : []),
    ]),
  );
  // Questions are matched across sections, so moving one to another section reads as a move.
  const questionChanges = diffList(locate(before.sections), locate(after.sections), "question", (a, b) => {
    const fields = questionFields(a, b);
    if (a.sectionCode !== b.sectionCode) fields.push("section");
    return fields;
  });
  changes.push(...questionChanges);

  const oldQuestions = new Map(locate(before.sections).map((q) => [q.code, q]));
  for (const q of locate(after.sections)) {
    const previous = oldQuestions.get(q.code);
    if (!previous) continue;
    if ("options" in previous && "options" in q)
      changes.push(
        ...diffList(
          previous.options,
          q.options,
          "option",
          (a, b) => [
            ...(!same(a.label, b.label) ? (["label"] as const) : []),
            ...(!same(a.factor, b.factor) ? (["factor"] as const) : []),
            ...(Boolean(a.exclusive) !== Boolean(b.exclusive) || Boolean(a.nonSubstantive) !== Boolean(b.nonSubstantive)
              ? (["exclusive"] as const)
              : []),
          ],
          q.code,
        ),
      );
    if (previous.type === "matrix" && q.type === "matrix")
      changes.push(
        ...diffList(
          previous.rows,
          q.rows,
          "row",
          (a, b) => [
            ...(!same(a.label, b.label) ? (["label"] as const) : []),
            ...(!same(a.factor, b.factor) ? (["factor"] as const) : []),
          ],
          q.code,
        ),
      );
  }
  return changes;
}
