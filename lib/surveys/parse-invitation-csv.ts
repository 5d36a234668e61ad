// Reads an invitation list (CSV: firm name, contact, optional firm identifier) into rows, with a
// specific error for every bad row. Browser-safe, so the upload form can show errors before
// sending. The header row is optional; columns are recognized by English or Chinese names.
import Papa from "papaparse";
import { spreadsheetText } from "@/lib/text/spreadsheet-text";

export const MAX_INVITATIONS = 5000;
export const MAX_FIELD_LENGTH = 200;

export type InvitationRow = { firmName: string; contact: string | null; firmIdentifier: string | null };
export type InvitationRowError = {
  /** 1-based line in the file, as a spreadsheet shows it. */
  line: number;
  field: "firmName" | "contact" | "firmIdentifier" | "file";
  code: "missing" | "tooLong" | "duplicate" | "empty" | "tooMany" | "malformed";
};

const HEADERS: Record<keyof InvitationRow, string[]> = {
  firmName: ["firm_name", "firm name", "firm", "company", "name", "企业名称", "企业", "公司名称", "名称"],
  contact: ["contact", "email", "e-mail", "phone", "联系人", "联系方式", "邮箱", "电话"],
  firmIdentifier: [
    "firm_identifier",
    "firm identifier",
    "firm id",
    "identifier",
    "id",
    "统一社会信用代码",
    "信用代码",
    "企业编号",
  ],
};

function columnsOf(first: string[]): { columns: Record<keyof InvitationRow, number>; hasHeader: boolean } {
  const norm = first.map((h) => h.trim().toLowerCase());
  const find = (names: string[]) => norm.findIndex((h) => names.includes(h));
  const firmName = find(HEADERS.firmName);
  if (firmName === -1) return { columns: { firmName: 0, contact: 1, firmIdentifier: 2 }, hasHeader: false };
  return {
    columns: { firmName, contact: find(HEADERS.contact), firmIdentifier: find(HEADERS.firmIdentifier) },
    hasHeader: true,
  };
}

/** One firm as given, before the checks; `line` is where it appears (a CSV line, or the row number plus one). */
export type InvitationCells = { line: number; firmName: string; contact: string; firmIdentifier: string };

/**
 * The rules of every invitation list, whether it came as a CSV file or as JSON rows: a firm name,
 * fields of at most MAX_FIELD_LENGTH characters, each firm identifier once, 1..MAX_INVITATIONS firms.
 * `emptyLine` is the line an empty list is reported at.
 */
export function checkInvitationRows(
  cells: InvitationCells[],
  emptyLine = 1,
): { rows: InvitationRow[]; errors: InvitationRowError[] } {
  if (cells.length === 0) return { rows: [], errors: [{ line: emptyLine, field: "file", code: "empty" }] };
  if (cells.length > MAX_INVITATIONS)
    return { rows: [], errors: [{ line: MAX_INVITATIONS + 1, field: "file", code: "tooMany" }] };
  const rows: InvitationRow[] = [];
  const errors: InvitationRowError[] = [];
  const seenIds = new Set<string>();
  for (const { line, ...given } of cells) {
    const firmName = given.firmName.trim();
    const contact = given.contact.trim();
    const firmIdentifier = given.firmIdentifier.trim();
    const before = errors.length;
    if (!firmName) errors.push({ line, field: "firmName", code: "missing" });
    for (const [field, value] of [
      ["firmName", firmName],
      ["contact", contact],
      ["firmIdentifier", firmIdentifier],
    ] as const)
      if (value.length > MAX_FIELD_LENGTH) errors.push({ line, field, code: "tooLong" });
    // Two invitations for one firm would let it answer twice.
    if (firmIdentifier && seenIds.has(firmIdentifier))
      errors.push({ line, field: "firmIdentifier", code: "duplicate" });
    if (firmIdentifier) seenIds.add(firmIdentifier);
    if (errors.length === before)
      rows.push({ firmName, contact: contact || null, firmIdentifier: firmIdentifier || null });
  }
  return { rows, errors };
}

export function parseInvitationCsv(text: string): { rows: InvitationRow[]; errors: InvitationRowError[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const malformed: InvitationRowError[] = parsed.errors
    .filter((e) => e.type === "Quotes")
    .map((e) => ({ line: (e.row ?? 0) + 1, field: "file" as const, code: "malformed" as const }));
  const table = parsed.data;
  if (table.length === 0) return { rows: [], errors: [{ line: 1, field: "file", code: "empty" }] };
  const { columns, hasHeader } = columnsOf(table[0]);
  const body = hasHeader ? table.slice(1) : table;
  const cells = body.map((row, i) => {
    const cell = (index: number) => (index >= 0 ? (row[index] ?? "") : "");
    return {
      line: i + 1 + (hasHeader ? 1 : 0),
      firmName: cell(columns.firmName),
      contact: cell(columns.contact),
      firmIdentifier: cell(columns.firmIdentifier),
    };
  });
  const checked = checkInvitationRows(cells, hasHeader ? 2 : 1);
  // An empty or oversized file is reported alone: its lines do not matter.
  if (checked.errors.some((e) => e.field === "file")) return checked;
  return { rows: checked.rows, errors: [...malformed, ...checked.errors] };
}

/** The personal links as CSV, for the one download right after the tokens are created. */
export function invitationLinksCsv(links: (InvitationRow & { link: string })[]): string {
  return Papa.unparse({
    fields: ["firm_name", "contact", "firm_identifier", "link"],
    data: links.map((l) => [l.firmName, l.contact ?? "", l.firmIdentifier ?? "", l.link].map(spreadsheetText)),
  });
}
