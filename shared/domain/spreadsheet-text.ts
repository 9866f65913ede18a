/**
 * Text that a spreadsheet would evaluate when the file is opened (= + - @, a tab or a carriage
 * return first) is written with a leading apostrophe, which spreadsheets read as "this is text".
 * Silah writes such cells in every CSV and Excel file it hands out, and reads them back the same
 * way: a file of refused rows, corrected and imported again, gives back the person's own values.
 */
const formulaStart = /^[=+\-@\t\r]/;
const neutralised = /^'[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** The value as typed before `neutraliseFormula`; any other text is returned as it is. */
export function readNeutralised(text: string): string {
  return neutralised.test(text) ? text.slice(1) : text;
}

/** One CSV field: quoted when it holds a quote, a comma, a semicolon or a line break (RFC 4180). */
export function csvField(cell: string): string {
  return /[",;\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
