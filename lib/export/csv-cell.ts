// How one export cell is written to CSV. Pure.
import type { ExportCell } from "./export-columns";

/** Spreadsheet programs run a cell starting with these as a formula (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(cell: ExportCell): string | number {
  if (cell === null) return "";
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === "number") return cell;
  // Respondents type free text; a leading apostrophe keeps it text when the file is opened.
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
