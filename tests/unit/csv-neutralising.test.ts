// Every CSV the app writes treats header cells like data cells (issue 13, defect 12): a label
// such as =HYPERLINK(…) never becomes a formula when the file is opened in a spreadsheet.
import { describe, expect, it } from "vitest";
import type { ExportColumn, ExportRecord } from "@/lib/export/export-columns";
import { writeCsv } from "@/lib/export/write-csv";
import { toCsvText } from "@/lib/analytics/to-chart-bars";
import { invitationLinksCsv } from "@/lib/surveys/parse-invitation-csv";
import { spreadsheetCell, spreadsheetText } from "@/lib/text/spreadsheet-text";

const HOSTILE = '=HYPERLINK("http://evil.example","click")';

async function readAll(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

describe("CSV header cells", () => {
  it("are neutralised in the response export", async () => {
    const columns: ExportColumn[] = [
      { key: "id", header: "id", value: (r) => r.id },
      { key: "q", header: HOSTILE, value: () => "+86 138" },
    ];
    const batches = (async function* () {
      yield [{ id: "r1" } as ExportRecord];
    })();
    const text = await readAll(writeCsv(columns, batches));
    const [header, row] = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe(`id,"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(row).toBe("r1,'+86 138");
  });

  it("and chart downloads neutralise labels themselves, keeping negative numbers as numbers", () => {
    const text = toCsvText({ header: ["label", "@count"], rows: [[HOSTILE, -3]] });
    expect(text).toBe(`\uFEFFlabel,'@count\r\n"'=HYPERLINK(""http://evil.example"",""click"")",-3\r\n`);
  });

  it("and data cells are neutralised in the invitation links", () => {
    const csv = invitationLinksCsv([
      { firmName: "@SUM(1)", contact: "-1+1", firmIdentifier: "=1", link: "https://survey.example/s/x?token=t" },
    ]);
    expect(csv.split("\r\n")[1]).toBe("'@SUM(1),'-1+1,'=1,https://survey.example/s/x?token=t");
  });

  it("keep numbers as numbers, negative ones included, for the chart downloads", () => {
    expect(spreadsheetCell(-3)).toBe(-3);
    expect(spreadsheetCell("=A1")).toBe("'=A1");
    expect(spreadsheetText("\tx")).toBe("'\tx");
    expect(spreadsheetText("Changchun")).toBe("Changchun");
  });
});
