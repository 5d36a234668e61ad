// What an XLSForm import reports: errors (nothing is imported) and what could not be mapped
// (imported without it), each at a sheet, row and column. Issues carry a code and parameters;
// the interface words them in the reader's language (messages designer.xlsform.issues), except
// the questionnaire schema's own messages, which come as `message`. Browser-safe.
export const XLSFORM_ISSUE_CODES = [
  // Errors
  "not_a_workbook",
  "missing_sheet",
  "missing_column",
  "unknown_list",
  "unclosed_group",
  "unmatched_end_group",
  "bad_scale",
  "empty_form",
  "schema",
  // Not mapped: the questionnaire is imported without it
  "unsupported_type",
  "relevant_not_mapped",
  "constraint_not_mapped",
  "required_not_mapped",
  "appearance_ignored",
  "column_ignored",
  "language_not_supported",
  "language_assumed",
  "group_flattened",
  "outside_group",
  "note_in_matrix",
  "renamed",
] as const;
export type XlsformIssueCode = (typeof XLSFORM_ISSUE_CODES)[number];

export type XlsformIssue = {
  sheet: string;
  /** The spreadsheet row (the header is row 1); null for a whole sheet or column. */
  row: number | null;
  column: string | null;
  code: XlsformIssueCode;
  params?: Record<string, string | number>;
  /** The schema's message, for code "schema". */
  message?: string;
};
