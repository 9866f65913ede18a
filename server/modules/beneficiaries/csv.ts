/**
 * A small RFC 4180 reader: quoted fields with commas, quotes and line breaks inside, CRLF or LF,
 * a UTF-8 byte-order mark (Excel writes one), and `;` or tab as the separator when the header
 * line uses it. Returns rows of raw strings; the caller decides what they mean.
 */
export function parseCsv(text: string, maxRows = Number.POSITIVE_INFINITY): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const separator = [",", ";", "\t"].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let filled = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === separator) {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      // The header line plus `maxRows` rows (blank lines are dropped below and not counted).
      if (row.some((cell) => cell.trim() !== "") && ++filled > maxRows + 1)
        throw new CsvTooLongError(maxRows);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
    if (row.some((cell) => cell.trim() !== "") && ++filled > maxRows + 1) throw new CsvTooLongError(maxRows);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ""));
}

export class CsvTooLongError extends Error {
  readonly code = "too_many_rows";
  constructor(maxRows: number) {
    super(`more than ${maxRows} rows`);
    this.name = "CsvTooLongError";
  }
}

/** In the worker thread (import.service.ts): the rows, refused past `maxRows`. */
export function readCsvRows(text: string, maxRows: number): string[][] {
  return parseCsv(text, maxRows);
}
