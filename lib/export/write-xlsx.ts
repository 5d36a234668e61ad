// Streams an export as an Excel workbook with exceljs's streaming writer: each row is committed
// (written out and released) as it is added, and writing waits while the client is behind. The
// codebook (codebook.ts) follows as a second sheet.
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { CODEBOOK_FIELDS, type CodebookHeadings, type CodebookRow } from "./codebook";
import type { ExportColumn, ExportRecord } from "./export-columns";

export function writeXlsx(options: {
  columns: ExportColumn[];
  batches: AsyncIterator<ExportRecord[]>;
  sheetName: string;
  codebook: { rows: CodebookRow[]; labels: { sheetName: string; headings: CodebookHeadings } };
}): ReadableStream<Uint8Array> {
  const { columns, batches, sheetName, codebook } = options;
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.min(40, Math.max(10, c.header.length + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  // A client that goes away closes the stream; stop reading then instead of waiting for "drain" forever.
  const gone = new AbortController();
  output.once("close", () => gone.abort());

  (async () => {
    for (let next = await batches.next(); !next.done && !gone.signal.aborted; next = await batches.next()) {
      for (const record of next.value) {
        const row = sheet.addRow(columns.map((c) => c.value(record)));
        for (const [i, c] of columns.entries())
          if (c.key.endsWith("_at")) row.getCell(i + 1).numFmt = "yyyy-mm-dd hh:mm:ss";
        row.commit();
      }
      if (output.writableNeedDrain) await once(output, "drain", { signal: gone.signal });
    }
    if (gone.signal.aborted) return void (await batches.return?.(undefined));
    sheet.commit();
    const book = workbook.addWorksheet(codebook.labels.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
    book.columns = CODEBOOK_FIELDS.map((f) => ({ header: codebook.labels.headings[f], key: f, width: 24 }));
    book.getRow(1).font = { bold: true };
    for (const row of codebook.rows) book.addRow(CODEBOOK_FIELDS.map((f) => row[f])).commit();
    book.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));

  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
