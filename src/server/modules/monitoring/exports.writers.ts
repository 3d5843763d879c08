import { tableStream, type Cell } from '../cases/cases.export.format.ts';

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

/** The rows' cells, page by page, for the table writers the other exports use. */
async function* cellPages(pages: AsyncIterable<ExportRow[]>): AsyncGenerator<Cell[][]> {
  for await (const page of pages) yield page.map((r) => r.cells);
}

export function exportStream(
  format: ExportFormat,
  sheet: string,
  header: string[],
  pages: AsyncIterable<ExportRow[]>,
): AsyncIterable<Buffer> {
  if (format === 'geojson') return geojsonChunks(header, pages);
  // Shared strings off: that table would hold every distinct string of the file until the end.
  return tableStream(format, sheet, header, cellPages(pages), { sharedStrings: false });
}
