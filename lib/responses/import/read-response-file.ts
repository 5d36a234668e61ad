// A response file as a header and rows of text: CSV (UTF-8, with or without the byte-order mark
// our exports write; comma, semicolon or tab separated) or the first sheet of an Excel workbook.
// Row numbers are the spreadsheet's (the header is row 1), so problems point where people look.
import Papa from "papaparse";
import { readSheets, type SheetRow } from "@/lib/text/read-sheets";

export type ResponseFile = { headers: string[]; rows: SheetRow[] };

/** Responses files past this are refused; the import holds one file in memory. */
export const MAX_RESPONSE_FILE_BYTES = 20 * 1024 * 1024;

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Our CSV export keeps text that looks like a formula as text with a leading apostrophe; drop it. */
const unneutralised = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

function readCsv(text: string): ResponseFile {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false });
  const [header = [], ...rest] = parsed.data;
  const headers = header.map((h) => unneutralised(h.trim()));
  const rows: SheetRow[] = [];
  rest.forEach((values, i) => {
    const cells: Record<string, string> = {};
    values.forEach((v, col) => {
      if (headers[col] && v.trim() !== "") cells[headers[col]] = unneutralised(v);
    });
    if (Object.keys(cells).length) rows.push({ row: i + 2, cells });
  });
  return { headers: headers.filter(Boolean), rows };
}

/** Null when the bytes are neither a workbook nor text. */
export async function readResponseFile(bytes: Uint8Array): Promise<ResponseFile | null> {
  if (isZip(bytes)) {
    const sheets = await readSheets(bytes);
    const first = sheets && [...sheets.values()][0];
    return first ? { headers: first.headers, rows: first.rows } : null;
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.includes("\u0000")) return null;
  return readCsv(text);
}
