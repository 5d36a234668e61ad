// Text for a CSV cell, header or data alike: spreadsheet programs run a cell that starts with
// one of these characters as a formula (CSV injection, OWASP), so a leading apostrophe keeps it
// text when the file is opened. Pure and browser-safe: every CSV the app writes uses it.
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The same for a cell that may be a number: numbers stay numbers (-3 is a value, not a formula). */
export function spreadsheetCell<T extends string | number>(cell: T): T | string {
  return typeof cell === "string" ? spreadsheetText(cell) : cell;
}
