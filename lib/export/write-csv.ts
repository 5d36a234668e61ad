// Streams an export as CSV: the header, then each batch as it is read (pulled by the client, so
// a slow download slows the reading instead of filling memory). A byte-order mark lets Excel
// open the UTF-8 Chinese text correctly. Headers are questionnaire labels, neutralised like data.
import { stringify } from "csv-stringify/sync";
import type { ExportColumn, ExportRecord } from "./export-columns";
import { spreadsheetText } from "@/lib/text/spreadsheet-text";
import { csvCell } from "./csv-cell";

export function writeCsv(columns: ExportColumn[], batches: AsyncIterator<ExportRecord[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(
          encoder.encode(
            "\uFEFF" + stringify([columns.map((c) => spreadsheetText(c.header))], { record_delimiter: "\r\n" }),
          ),
        );
        return;
      }
      const next = await batches.next();
      if (next.done) return controller.close();
      const rows = next.value.map((r) => columns.map((c) => csvCell(c.value(r))));
      controller.enqueue(encoder.encode(stringify(rows, { record_delimiter: "\r\n" })));
    },
    async cancel() {
      await batches.return?.(undefined);
    },
  });
}
