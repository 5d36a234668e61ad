// What each variable builder of statistical-variables.ts returns before names are given: a
// variable and how to read its value from a response. Pure.
import type { ExportCell, ExportRecord } from "./export-columns";
import type { StatisticalVariable } from "./statistical-variables";

export type Draft = Omit<StatisticalVariable, "spssName" | "stataName" | "value"> & {
  raw: StatisticalVariable["value"];
};
/** Reads a CSV column's cell, for variables whose CSV value is already their number. */
export type CellReader = (key: string) => (r: ExportRecord) => ExportCell;

/** Bytes of the fixed text variables (screening reason, collector name): an SPSS short string. */
export const STRING_WIDTH = 255;
/** SPSS's widest string variable, in bytes (a .sav writes it as a very long string of segments). */
export const MAX_STRING_WIDTH = 32_767;

export const DRAFT_DEFAULTS = {
  question: null,
  width: 0,
  decimals: 0,
  valueLabels: [],
  missing: [],
  factor: null,
  mrSet: null,
} satisfies Partial<Draft>;
