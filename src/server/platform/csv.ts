/**
 * CSV as RFC 4180 writes it, for every export. Free of other imports on purpose: the export workers
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

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvLine(cells: readonly Cell[]): string {
  let s = '';
  for (let i = 0; i < cells.length; i++) s += i === 0 ? csvField(cells[i]!) : `,${csvField(cells[i]!)}`;
  return `${s}\r\n`;
}
