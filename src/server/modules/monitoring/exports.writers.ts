import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvLine, type Cell } from '../cases/cases.export.format.ts';

/**
 * The three export formats, each written page by page so that memory stays flat whatever the size
 * (issue #5 item 7). CSV and XLSX take the same rows as the other exports (formula injection
 * neutralised in CSV; XLSX cells are plain values, never formulas); GeoJSON writes one Feature per
 * row, the geometry being the GPS point when the export may show it.
 */
export type ExportFormat = 'csv' | 'xlsx' | 'geojson';

export interface ExportRow {
  cells: Cell[];
  /** [lon, lat] when the row has a point and the export shows it. */
  point?: [number, number] | null;
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
};

async function* csvChunks(header: string[], pages: AsyncIterable<ExportRow[]>): AsyncGenerator<Buffer> {
  // The byte order mark lets Excel on Windows read the file as UTF-8 (Cyrillic stays readable).
  yield Buffer.from(`\uFEFF${csvLine(header)}`, 'utf8');
  for await (const page of pages) {
    let s = '';
    for (const r of page) s += csvLine(r.cells);
    yield Buffer.from(s, 'utf8');
  }
}

async function* geojsonChunks(header: string[], pages: AsyncIterable<ExportRow[]>): AsyncGenerator<Buffer> {
  yield Buffer.from('{"type":"FeatureCollection","features":[\n', 'utf8');
  let first = true;
  for await (const page of pages) {
    let s = '';
    for (const r of page) {
      const properties: Record<string, Cell> = {};
      header.forEach((h, i) => {
        const v = r.cells[i];
        if (v !== null && v !== undefined && v !== '') properties[h] = v;
      });
      const geometry = r.point ? { type: 'Point', coordinates: r.point } : null;
      s += `${first ? '' : ',\n'}${JSON.stringify({ type: 'Feature', geometry, properties })}`;
      first = false;
    }
    yield Buffer.from(s, 'utf8');
  }
  yield Buffer.from('\n]}\n', 'utf8');
}

function drained(out: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * XLSX through exceljs's streaming writer. Shared strings are off: that table would hold every
 * distinct string of the file in memory until the end, which is exactly what a large export must not.
 */
function xlsxStream(sheet: string, header: string[], pages: AsyncIterable<ExportRow[]>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const ws = workbook.addWorksheet(sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
  const run = async () => {
    ws.addRow(header).commit();
    for await (const page of pages) {
      if (out.destroyed) return;
      for (const r of page) ws.addRow(r.cells).commit();
      if (out.writableNeedDrain) await drained(out);
    }
    ws.commit();
    await workbook.commit();
  };
  run().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

/** The export file as a stream of bytes; rows are pulled page by page as the consumer reads. */
export function exportStream(
  format: ExportFormat,
  sheet: string,
  header: string[],
  pages: AsyncIterable<ExportRow[]>,
): AsyncIterable<Buffer> {
  if (format === 'csv') return csvChunks(header, pages);
  if (format === 'geojson') return geojsonChunks(header, pages);
  return xlsxStream(sheet, header, pages);
}
