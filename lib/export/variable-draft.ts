// What each variable builder of statistical-variables.ts returns before names are given: a
// variable and how to read its value from a response. Pure.
import type { ExportCell, ExportRecord } from "./export-columns";
import type { StatisticalVariable } from "./statistical-variables";

export type Draft = Omit<StatisticalVariable, "spssName" | "stataName" | "value"> & {
  raw: StatisticalVariable["value"];
};
/** Reads a CSV column's cell, for variables whose CSV value is already their number. */
export type CellReader = (key: string) => (r: ExportRecord) => ExportCell;

/** Longest string kept in a .sav / .dta cell (SPSS short strings; longer text is in the CSV). */
export const STRING_WIDTH = 255;

export const DRAFT_DEFAULTS = {
  question: null,
  width: 0,
  decimals: 0,
  valueLabels: [],
  missing: [],
  factor: null,
  mrSet: null,
} satisfies Partial<Draft>;
