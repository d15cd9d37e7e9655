/** Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet shows as text: one that starts with = + - @, a tab or a carriage return
 * gets a leading apostrophe, so `=HYPERLINK(…)` in an answer is never run on a reader's computer.
 * Quoting (commas, quotes, line breaks) is left to the CSV writer.
 */
export function csvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
