import type { Cell } from '../../../core/csv.ts';
import { csvLine } from '../../../core/csv.ts';
import { tableStream } from '../cases/cases.export.format.ts';
import type { Rendered } from './exports.types.ts';
import { XLSX_FORMATS, type CellType } from './exports.xlsx.ts';

/**
 * The three export formats around the pages the workers render (exports.render.ts), each written page
 * by page so that memory stays flat whatever the size (issue #5 item 7). CSV and GeoJSON pages arrive
 * as text; XLSX pages as cells for the same streaming spreadsheet writer as the other exports (cells
 * are plain values, never formulas; formula injection is neutralised in CSV), dates and date-times
 * typed and formatted by their column's type.
 */
export type ExportFormat = 'csv' | 'xlsx' | 'geojson';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
};

const bytes = (u: Rendered): Buffer => {
  if (!(u instanceof Uint8Array)) throw new Error('a text page was expected');
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
};

async function* textChunks(
  head: string,
  pages: AsyncIterable<Rendered>,
  tail: string,
): AsyncGenerator<Buffer> {
  yield Buffer.from(head, 'utf8');
  for await (const page of pages) yield bytes(page);
  if (tail) yield Buffer.from(tail, 'utf8');
}

async function* cellPages(pages: AsyncIterable<Rendered>): AsyncGenerator<Cell[][]> {
  for await (const page of pages) {
    if (page instanceof Uint8Array) throw new Error('a page of cells was expected');
    yield page;
  }
}

export function exportStream(
  format: ExportFormat,
  sheet: string,
  header: string[],
  pages: AsyncIterable<Rendered>,
  types: readonly CellType[] = [],
  /** XLSX only: sheets after the data (the codebook, exports.codebook.ts). */
  sheets: readonly { name: string; rows: Cell[][] }[] = [],
): AsyncIterable<Buffer> {
  // The byte order mark lets Excel on Windows read the file as UTF-8 (Cyrillic stays readable).
  if (format === 'csv') return textChunks(`\uFEFF${csvLine(header)}`, pages, '');
  if (format === 'geojson') return textChunks('{"type":"FeatureCollection","features":[\n', pages, '\n]}\n');
  // Shared strings off: that table would hold every distinct string of the file until the end.
  const numFmts = header.map((_, i) => {
    const t = types[i];
    return t ? XLSX_FORMATS[t] : null;
  });
  return tableStream(format, sheet, header, cellPages(pages), { sharedStrings: false, numFmts, sheets });
}
