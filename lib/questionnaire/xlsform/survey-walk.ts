// Walks the survey sheet of an XLSForm row by row, keeping the stack of open groups: a top-level
// group is a section, a group with a `scale` column a matrix, any other nested group is flattened
// into its section (its relevant joins each question's showIf). Each question is read with its
// choices, relevant and constraint; what cannot be mapped becomes a notice at its row and column.
import type { Condition, LocalizedText } from "../definition-schema";
import type { SheetRow } from "@/lib/text/read-sheets";
import { RowReader } from "./row-reader";
import { isYes, SURVEY_EXTRA } from "./xlsform-columns";

type Draft = Record<string, unknown> & { code: string };
type Section = { code: string; title?: LocalizedText; description?: LocalizedText; level?: string; questions: Draft[] };
type Frame =
  | { kind: "section" | "flattened"; row: number; condition?: Condition }
  | { kind: "matrix"; row: number; question: Draft; list?: string; rows: Draft[] };

const SELECTS = ["select_one", "select_multiple", "rank"];
const GROUP_APPEARANCES = new Set(["field-list"]);

export class SurveyWalk extends RowReader {
  private readonly stack: Frame[] = [];
  private readonly done: Section[] = [];
  private implicit: Section | undefined;

  private section(row: SheetRow): { section: Section; index: number } {
    const open = this.stack.find((f) => f.kind === "section");
    if (open) return { section: this.done[this.done.length - 1], index: this.done.length - 1 };
    if (!this.implicit) {
      this.notice(row, "type", "outside_group");
      this.implicit = { code: "main", questions: [] };
      this.done.push(this.implicit);
      this.ctx.origins.set(["sections", this.done.length - 1], {
        sheet: this.ctx.sheet,
        row: row.row,
        kind: "section",
      });
    }
    return { section: this.implicit, index: this.done.indexOf(this.implicit) };
  }

  private showIf(row: SheetRow): Condition | undefined {
    const parts = [
      ...this.stack.flatMap((f) => (f.kind !== "matrix" && f.condition ? [f.condition] : [])),
      this.condition(row),
    ].filter((c): c is Condition => c !== undefined);
    return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : { all: parts };
  }

  private question(row: SheetRow, type: string, listName: string | undefined): Draft | undefined {
    const code = this.ctx.renames.code(row.cells.name ?? "", "q", { sheet: this.ctx.sheet, row: row.row });
    const { section, index } = this.section(row);
    const path = ["sections", index, "questions", section.questions.length];
    const help = this.label(row, "hint");
    const showIf = this.showIf(row);
    const base: Draft = {
      code,
      label: this.label(row),
      ...(help ? { help } : {}),
      required: this.required(row),
      ...(showIf ? { showIf } : {}),
    };
    const threshold = this.number(row, SURVEY_EXTRA.attentionThreshold);
    let draft: Draft | undefined;
    if (SELECTS.includes(type)) {
      const list = this.list(row, listName);
      if (!list) return undefined;
      this.appearance(row, []);
      if (type === "select_one" && row.cells[SURVEY_EXTRA.scale] !== undefined) {
        const scale = this.scale(row);
        if (!scale) return undefined;
        draft = {
          ...base,
          type: "scale",
          scale: { ...scale, ...this.points(list, scale, [...path, "scale"]) },
          ...(row.cells.factor ? { factor: row.cells.factor } : {}),
          ...(threshold !== undefined ? { attentionThreshold: threshold } : {}),
        };
      } else if (type === "select_one") {
        draft = {
          ...base,
          type: "single",
          options: this.options(list, code, path),
          ...(row.cells.breakdown ? { breakdown: row.cells.breakdown } : {}),
        };
      } else if (type === "select_multiple") {
        const { maxSelections } = this.constraint(row, "multi");
        draft = {
          ...base,
          type: "multi",
          options: this.options(list, code, path),
          ...(maxSelections ? { maxSelections } : {}),
        };
      } else {
        // ODK ranks every choice; a rank question without top_n orders them all.
        draft = {
          ...base,
          type: "rank",
          options: this.options(list, code, path),
          topN: this.number(row, SURVEY_EXTRA.topN) ?? list.length,
        };
      }
    } else if (type === "integer" || type === "decimal") {
      this.appearance(row, []);
      const { min, max } = this.constraint(row, "number");
      const unit = this.label(row, SURVEY_EXTRA.unit);
      draft = {
        ...base,
        type: "number",
        integer: type === "integer",
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
        ...(unit ? { unit } : {}),
        ...(isYes(row.cells[SURVEY_EXTRA.derivesSizeClass] ?? "") ? { derivesSizeClass: true } : {}),
      };
    } else {
      this.appearance(row, ["multiline"]);
      const { maxLength } = this.constraint(row, "text");
      draft = {
        ...base,
        type: "text",
        multiline: row.cells.appearance === "multiline",
        ...(maxLength ? { maxLength } : {}),
      };
    }
    this.ctx.origins.set(path, { sheet: this.ctx.sheet, row: row.row, kind: "question" });
    this.names.set(row.cells.name ?? "", code);
    section.questions.push(draft);
    return draft;
  }

  private beginGroup(row: SheetRow) {
    if (row.cells[SURVEY_EXTRA.scale] !== undefined) {
      const scale = this.scale(row);
      const help = this.label(row, "hint");
      const showIf = this.showIf(row);
      const threshold = this.number(row, SURVEY_EXTRA.attentionThreshold);
      const question: Draft = {
        code: this.ctx.renames.code(row.cells.name ?? "", "q", { sheet: this.ctx.sheet, row: row.row }),
        type: "matrix",
        label: this.label(row),
        ...(help ? { help } : {}),
        required: this.required(row),
        ...(showIf ? { showIf } : {}),
        scale,
        ...(threshold !== undefined ? { attentionThreshold: threshold } : {}),
      };
      this.stack.push({ kind: "matrix", row: row.row, question, rows: [] });
      return;
    }
    this.appearance(row, [...GROUP_APPEARANCES]);
    if (this.stack.some((f) => f.kind === "section")) {
      this.notice(row, "type", "group_flattened", { name: row.cells.name ?? "" });
      this.stack.push({ kind: "flattened", row: row.row, condition: this.condition(row) });
      return;
    }
    const code = this.ctx.renames.code(row.cells.name ?? "", "s", { sheet: this.ctx.sheet, row: row.row });
    this.implicit = undefined;
    this.done.push({
      code,
      title: this.label(row),
      ...(row.cells.level ? { level: row.cells.level } : {}),
      questions: [],
    });
    this.ctx.origins.set(["sections", this.done.length - 1], { sheet: this.ctx.sheet, row: row.row, kind: "section" });
    this.stack.push({ kind: "section", row: row.row, condition: this.condition(row) });
  }

  private endMatrix(frame: Extract<Frame, { kind: "matrix" }>, row: SheetRow) {
    const { section, index } = this.section(row);
    const path = ["sections", index, "questions", section.questions.length];
    const list = frame.list ? this.ctx.lists.get(frame.list) : undefined;
    const scale = frame.question.scale as { min: number; max: number } | undefined;
    if (!list || !scale) return;
    frame.question.scale = { ...scale, ...this.points(list, scale, [...path, "scale"]) };
    frame.question.rows = frame.rows;
    this.ctx.origins.set(path, { sheet: this.ctx.sheet, row: frame.row, kind: "question" });
    frame.rows.forEach((r, i) =>
      this.ctx.origins.set([...path, "rows", i], { sheet: this.ctx.sheet, row: r.row as number, kind: "row" }),
    );
    frame.rows.forEach((r) => delete r.row);
    section.questions.push(frame.question);
  }

  private matrixRow(
    frame: Extract<Frame, { kind: "matrix" }>,
    row: SheetRow,
    type: string,
    listName: string | undefined,
  ) {
    if (type !== "select_one")
      return this.notice(row, "type", type === "note" ? "note_in_matrix" : "unsupported_type", { type });
    if (!this.list(row, listName)) return;
    frame.list ??= listName;
    const name = row.cells.name ?? "";
    const prefix = `${frame.question.code}_`;
    const rowCode = row.cells[SURVEY_EXTRA.row] ?? (name.startsWith(prefix) ? name.slice(prefix.length) : name);
    frame.rows.push({
      code: this.ctx.renames.code(rowCode, "r", { sheet: this.ctx.sheet, row: row.row }),
      label: this.label(row),
      ...(row.cells.factor ? { factor: row.cells.factor } : {}),
      row: row.row,
    });
  }

  visit(row: SheetRow) {
    const [rawType = "", listName, ...rest] = (row.cells.type ?? "").trim().split(/\s+/);
    const type = rawType.toLowerCase().replace(/^(begin|end) (group|repeat)$/, "$1_$2");
    const fullType = (row.cells.type ?? "")
      .trim()
      .toLowerCase()
      .replace(/^(begin|end)\s+(group|repeat)$/, "$1_$2");
    if (rest.length) this.notice(row, "type", "unsupported_type", { type: rest.join(" ") });
    const top = this.stack[this.stack.length - 1];
    if (fullType === "begin_group" || fullType === "begin_repeat") {
      if (fullType === "begin_repeat") this.notice(row, "type", "unsupported_type", { type: "begin_repeat" });
      return this.beginGroup(row);
    }
    if (fullType === "end_group" || fullType === "end_repeat") {
      const frame = this.stack.pop();
      if (!frame) return this.error(row, "type", "unmatched_end_group");
      if (frame.kind === "matrix") this.endMatrix(frame, row);
      return;
    }
    if (top?.kind === "matrix") return this.matrixRow(top, row, type, listName);
    if (type === "note") {
      const text = this.label(row);
      if (!text) return;
      const { section } = this.section(row);
      const joined = (a: string | undefined, b: string | undefined) => [a, b].filter(Boolean).join("\n") || undefined;
      const description = {
        zh: joined(section.description?.zh, text.zh),
        en: joined(section.description?.en, text.en),
      };
      section.description = Object.fromEntries(Object.entries(description).filter(([, v]) => v)) as LocalizedText;
      return;
    }
    if ([...SELECTS, "integer", "decimal", "text"].includes(type)) return void this.question(row, type, listName);
    this.notice(row, "type", "unsupported_type", { type: rawType });
  }

  finish() {
    for (const frame of this.stack.reverse())
      this.errors.push({ sheet: this.ctx.sheet, row: frame.row, column: "type", code: "unclosed_group" });
    this.stack.length = 0;
  }

  /**
   * The sections read, with option values in showIf conditions renamed like the options, and
   * `selected()` of a single choice read as the comparison it is (equals, or not_equals in not()).
   */
  sections() {
    const types = new Map(this.done.flatMap((s) => s.questions.map((q) => [q.code, q.type])));
    const rename = (c: Condition): Condition => {
      if ("all" in c) return { all: c.all.map(rename) };
      if ("any" in c) return { any: c.any.map(rename) };
      const names = this.optionNames.get(c.question);
      const value = typeof c.value === "string" && names?.has(c.value) ? names.get(c.value) : c.value;
      const single = types.get(c.question) === "single";
      const op = single && c.op === "includes" ? "equals" : single && c.op === "excludes" ? "not_equals" : c.op;
      return { ...c, op, ...(value === undefined ? {} : { value }) };
    };
    return this.done.map((s) => ({
      ...s,
      questions: s.questions.map((q) => (q.showIf ? { ...q, showIf: rename(q.showIf as Condition) } : q)),
    }));
  }
}
