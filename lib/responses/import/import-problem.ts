// A problem of a response file, at the row and column a person sees in the spreadsheet (the header
// is row 1), with the cell's value and the reason as a message key and its values: keys under
// `responses.import.problems` or, for answers the questionnaire refuses, the respondent form's
// own `respondent.issues`. Browser-safe.
export type ImportProblem = {
  row: number | null;
  column: string | null;
  value: string;
  reason: { key: string; values: Record<string, string | number> };
};

export const problem = (
  row: number | null,
  column: string | null,
  value: string,
  code: string,
  values: Record<string, string | number> = {},
): ImportProblem => ({ row, column, value, reason: { key: `responses.import.problems.${code}`, values } });
