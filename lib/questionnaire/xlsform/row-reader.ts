// Reads the cells of one XLSForm row for the survey walk (survey-walk.ts): its labels, required,
// relevant, constraint, appearance and choice list, each either mapped or turned into a notice
// (imported without it) or an error (nothing imported) at its sheet, row and column.
import type { Condition } from "../definition-schema";
import type { SheetRow } from "@/lib/text/read-sheets";
import { parseConstraint } from "./constraint-expression";
import { parseRelevant, RelevantSyntaxError } from "./relevant-expression";
import { CHOICE_EXTRA, isYes, SURVEY_EXTRA } from "./xlsform-columns";
import type { XlsformIssue, XlsformIssueCode } from "./xlsform-issues";
import type { Origins } from "./xlsform-origins";
import { localizedFrom, type LanguageMap, type Renames } from "./xlsform-text";

export type Choice = SheetRow & { sheet: string };

export type WalkContext = {
  sheet: string;
  lists: Map<string, Choice[]>;
  languages: LanguageMap;
  origins: Origins;
  renames: Renames;
};

export class RowReader {
  readonly errors: XlsformIssue[] = [];
  readonly notMapped: XlsformIssue[] = [];
  /** XLSForm name → our code, and per question its choice names → option codes. */
  protected readonly names = new Map<string, string>();
  protected readonly optionNames = new Map<string, Map<string, string>>();

  constructor(protected readonly ctx: WalkContext) {}

  protected at(row: SheetRow, column: string | null, code: XlsformIssueCode, params?: Record<string, string | number>) {
    return { sheet: this.ctx.sheet, row: row.row, column, code, ...(params ? { params } : {}) };
  }

  protected notice(
    row: SheetRow,
    column: string | null,
    code: XlsformIssueCode,
    params?: Record<string, string | number>,
  ) {
    this.notMapped.push(this.at(row, column, code, params));
  }

  protected error(
    row: SheetRow,
    column: string | null,
    code: XlsformIssueCode,
    params?: Record<string, string | number>,
  ) {
    this.errors.push(this.at(row, column, code, params));
  }

  protected condition(row: SheetRow): Condition | undefined {
    const source = row.cells.relevant;
    if (!source) return undefined;
    try {
      return parseRelevant(source, (name) => this.names.get(name) ?? name);
    } catch (e) {
      if (!(e instanceof RelevantSyntaxError)) throw e;
      this.notice(row, "relevant", "relevant_not_mapped", { expression: source, reason: e.message });
      return undefined;
    }
  }

  protected required(row: SheetRow): boolean {
    const value = row.cells.required;
    if (!value || /^(no|false|0|false\(\))$/i.test(value)) return false;
    if (isYes(value)) return true;
    this.notice(row, "required", "required_not_mapped", { expression: value });
    return false;
  }

  protected label(row: SheetRow, base = "label") {
    return localizedFrom(row, base, this.ctx.languages);
  }

  protected number(row: SheetRow, column: string): number | undefined {
    const value = row.cells[column];
    return value === undefined ? undefined : Number(value);
  }

  protected scale(row: SheetRow): { min: number; max: number } | undefined {
    const match = /^\s*(-?\d+)\s*\.\.\s*(-?\d+)\s*$/.exec(row.cells[SURVEY_EXTRA.scale] ?? "");
    if (!match) return void this.error(row, SURVEY_EXTRA.scale, "bad_scale", { value: row.cells.scale ?? "" });
    return { min: Number(match[1]), max: Number(match[2]) };
  }

  /** Scale points from a choice list; none when every label is just its value. */
  protected points(list: Choice[], scale: { min: number; max: number }, path: (string | number)[]) {
    const points = list.map((c, i) => {
      this.ctx.origins.set([...path, "points", i], { sheet: c.sheet, row: c.row, kind: "point" });
      const value = Number(c.cells.name);
      if (!Number.isInteger(value))
        this.errors.push({
          sheet: c.sheet,
          row: c.row,
          column: "name",
          code: "bad_scale",
          params: { value: c.cells.name },
        });
      const label = localizedFrom(c, "label", this.ctx.languages);
      return {
        value,
        label,
        plain: !label || Object.values(label).every((t) => t === c.cells.name),
        ...(isYes(c.cells[CHOICE_EXTRA.nonSubstantive] ?? "") ? { nonSubstantive: true } : {}),
      };
    });
    const bare =
      points.every((p) => p.plain && !p.nonSubstantive) &&
      points.map((p) => p.value).join() ===
        Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i).join();
    return bare ? {} : { points: points.map(({ plain: _plain, ...p }) => p) };
  }

  protected options(list: Choice[], questionCode: string, path: (string | number)[]) {
    const names = new Map<string, string>();
    this.optionNames.set(questionCode, names);
    return list.map((c, i) => {
      this.ctx.origins.set([...path, "options", i], { sheet: c.sheet, row: c.row, kind: "option" });
      const code = this.ctx.renames.code(c.cells.name, "o", { sheet: c.sheet, row: c.row });
      names.set(c.cells.name, code);
      return {
        code,
        label: localizedFrom(c, "label", this.ctx.languages),
        ...(c.cells[CHOICE_EXTRA.factor] ? { factor: c.cells[CHOICE_EXTRA.factor] } : {}),
        ...(isYes(c.cells[CHOICE_EXTRA.exclusive] ?? "") ? { exclusive: true } : {}),
        ...(isYes(c.cells[CHOICE_EXTRA.nonSubstantive] ?? "") ? { nonSubstantive: true } : {}),
      };
    });
  }

  protected list(row: SheetRow, name: string | undefined): Choice[] | undefined {
    const list = name ? this.ctx.lists.get(name) : undefined;
    if (!list) this.error(row, "type", "unknown_list", { list: name ?? "" });
    return list;
  }

  protected constraint(row: SheetRow, kind: "number" | "multi" | "text") {
    const source = row.cells.constraint;
    if (!source) return {};
    const mapped = parseConstraint(source, kind);
    if (!mapped) this.notice(row, "constraint", "constraint_not_mapped", { expression: source });
    return mapped ?? {};
  }

  protected appearance(row: SheetRow, allowed: string[]) {
    const value = row.cells.appearance;
    if (value && !allowed.includes(value)) this.notice(row, "appearance", "appearance_ignored", { appearance: value });
  }

  /** The showIf of a question: the relevant of each enclosing group and its own, all holding. */
}
