// Reads the sheets of an uploaded workbook (an XLSForm, a response file) as rows of text keyed by
// column header, each with its row number as the spreadsheet shows it (the header is row 1), so
// every problem found later can name the row and column a person sees in Excel, Kobo or ODK.
// Dates become ISO 8601 text, so a completion date typed into Excel reads as that date.
import ExcelJS from "exceljs";

export type SheetRow = { row: number; cells: Record<string, string> };
export type Sheet = { name: string; headers: string[]; rows: SheetRow[] };

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return value.toISOString();
  return cell.text.trim();
}

/** Null when the bytes are not an Excel workbook. Sheet names are matched without case. */
export async function readSheets(bytes: ArrayBuffer | Uint8Array): Promise<Map<string, Sheet> | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types predate typed-array Buffers.
    const buffer = Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return null;
  }
  const sheets = new Map<string, Sheet>();
  workbook.eachSheet((ws) => {
    const headers: string[] = [];
    ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
      headers[col - 1] = cell.text.trim();
    });
    const rows: SheetRow[] = [];
    ws.eachRow((row, number) => {
      if (number === 1) return;
      const cells: Record<string, string> = {};
      row.eachCell((cell, col) => {
        const header = headers[col - 1];
        const text = cellText(cell);
        if (header && text) cells[header] = text;
      });
      if (Object.keys(cells).length) rows.push({ row: number, cells });
    });
    sheets.set(ws.name.trim().toLowerCase(), { name: ws.name, headers: headers.filter(Boolean), rows });
  });
  return sheets;
}
