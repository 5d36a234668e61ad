// How one export cell is written to CSV. Pure.
import { spreadsheetText } from "@/lib/text/spreadsheet-text";
import type { ExportCell } from "./export-columns";

export function csvCell(cell: ExportCell): string | number {
  if (cell === null) return "";
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === "number") return cell;
  return spreadsheetText(cell);
}
