/**
 * CSV as RFC 4180 writes and reads it, for every export and import, on the server and in the browser
 * (a list of invitation links is written there). Free of other imports on purpose: the export workers
 * (monitoring/exports.pool.ts) bundle it into their own small thread.
 */
export type Cell = string | number | null;

// A cell that starts like a formula is run by spreadsheet programs when the CSV is opened (CSV
// injection): an apostrophe in front makes it plain text. Tab and CR are in the list because some
// programs strip them and then see the formula behind.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: RFC 4180 quoting, with spreadsheet formula injection neutralised. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A cell as it was before `csvField` guarded it: a file we wrote, edited and imported back must not
 * gain an apostrophe in front of a name that starts like a formula ("=Школа" stays "=Школа").
 */
export function csvUnguard(cell: string): string {
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvLine(cells: readonly Cell[]): string {
  let s = '';
  for (let i = 0; i < cells.length; i++) s += i === 0 ? csvField(cells[i]!) : `,${csvField(cells[i]!)}`;
  return `${s}\r\n`;
}

/** One parsed record and the 1-based line of the file where it starts (a quoted cell may span lines). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * RFC 4180 records (quotes, doubled quotes, CRLF) with their line numbers in the file, so an import can
 * name the line a person sees in their editor even when blank lines or multi-line cells come before it.
 * A BOM at the start is dropped.
 */
export function parseCsvRows(text: string): CsvRow[] {
  // Spreadsheets in Russian locales save with semicolons: the first line with text decides.
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const delim = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows: CsvRow[] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        cell += ch;
        if (ch === '\n' || (ch === '\r' && s[i + 1] !== '\n')) line++;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === delim) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push({ line: start, cells: row });
      row = [];
      cell = '';
      line++;
      start = line;
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push({ line: start, cells: row });
  }
  return rows;
}

/** RFC 4180 rows (quotes, doubled quotes, CRLF); a BOM at the start is dropped. */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text).map((r) => r.cells);
}

/**
 * The cells of one imported row, trimmed, with control characters made spaces: they never belong in
 * a code, name or address (and PostgreSQL refuses NUL).
 */
export function tidyCells(row: readonly string[]): string[] {
  // eslint-disable-next-line no-control-regex
  return row.map((c) => c.replace(/[\u0000-\u001f\u007f]/g, ' ').trim());
}
