import { PassThrough, Readable } from 'node:stream';
import type { Row } from 'exceljs';
import { districtName, isDistrictId, isRegionCode, regionName } from '../../../core/geo/regions.ts';
import type { Locale } from '../../../core/roles.ts';
import { CASE_STAGES, CASE_STATUSES } from '../../../core/schemas/cases.ts';
import { AGE_GROUPS, CASE_PERSON_ROLES, SEXES, VULNERABILITIES } from '../../../core/schemas/people.ts';
import type { Executor } from '../../platform/db/db.ts';
import { csvLine, csvField, type Cell } from '../../../core/csv.ts';
import { tr } from '../../platform/i18n.ts';

/**
 * What the exports share: labels in the reader's language, and the CSV and XLSX writers that take
 * rows page by page, so that a large export never sits in memory whole.
 */
export type { Cell };
export { csvField, csvLine };
export type TableFormat = 'csv' | 'xlsx';

export interface Download {
  filename: string;
  contentType: string;
  body: Readable | Buffer;
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

const ENUMS = {
  sex: SEXES,
  age_group: AGE_GROUPS,
  vulnerability: VULNERABILITIES,
  status: CASE_STATUSES,
  stage: CASE_STAGES,
  role: CASE_PERSON_ROLES,
} as const;
export type EnumGroup = keyof typeof ENUMS;
export type VocabScheme = 'case_type' | 'legal_problem' | 'closing_code';

export interface Labels {
  locale: Locale;
  /** A string of the export catalog (`errors:export.<key>`). */
  t(key: string, params?: Record<string, unknown>): string;
  /** A vocabulary term's label (from `vocab_terms`), or the code itself when unknown. */
  term(scheme: VocabScheme, code: string): string;
  enumLabel(group: EnumGroup, value: string): string;
  region(code: string): string;
  district(id: string): string;
}

/** Labels for one language: vocabulary terms come from the database, enumerations from the catalog. */
export async function labelsFor(db: Executor, locale: Locale): Promise<Labels> {
  const rows = await db
    .selectFrom('vocab_terms')
    .select(['scheme', 'code', 'label_ky', 'label_ru', 'label_en'])
    .where('scheme', 'in', ['case_type', 'legal_problem', 'closing_code'])
    .execute();
  const terms = new Map(rows.map((r) => [`${r.scheme}:${r.code}`, r[`label_${locale}`]]));
  const t = (key: string, params: Record<string, unknown> = {}) => tr(locale, `errors:export.${key}`, params);
  const unknown = t('value.unknown');
  return {
    locale,
    t,
    term: (scheme, code) => terms.get(`${scheme}:${code}`) ?? (code === 'unknown' ? unknown : code),
    enumLabel: (group, value) =>
      (ENUMS[group] as readonly string[]).includes(value)
        ? t(`${group}.${value}`)
        : value === 'unknown'
          ? unknown
          : value,
    region: (code) => (isRegionCode(code) ? regionName(code, locale) : code === 'unknown' ? unknown : code),
    district: (id) => (isDistrictId(id) ? districtName(id, locale) : id),
  };
}

async function* csvChunks(header: Cell[], pages: AsyncIterable<Cell[][]>): AsyncGenerator<Buffer> {
  // The byte order mark lets Excel on Windows read the file as UTF-8 (Cyrillic stays readable).
  yield Buffer.from(`\uFEFF${csvLine(header)}`, 'utf8');
  for await (const page of pages) yield Buffer.from(page.map(csvLine).join(''), 'utf8');
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

export interface XlsxOptions {
  /** Off for an export of unbounded size: that table keeps every distinct string until the end. */
  sharedStrings?: boolean;
  /** A number format per column (dates: a date format), none where null; numbers are written as numbers. */
  numFmts?: readonly (string | null)[];
  /** Small sheets written after the table (a codebook), whole. */
  sheets?: readonly { name: string; rows: Cell[][] }[];
}

// Sheet names may not hold []:*?/\ and are at most 31 characters long.
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/**
 * The XLSX through exceljs's streaming writer: each row is committed (written out) as it comes.
 * `sharedStrings` makes smaller files but keeps every distinct string in memory until the end; an
 * export of unbounded size (monitoring submissions) turns it off so memory stays flat.
 */
function xlsxStream(
  sheet: string,
  header: Cell[],
  pages: AsyncIterable<Cell[][]>,
  { sharedStrings = true, numFmts, sheets = [] }: XlsxOptions,
): Readable {
  const out = new PassThrough();
  const run = async () => {
    // Loaded when first needed: a CSV export (or a server that never writes XLSX) does without it.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      // Styles only where a column has a number format: without them exceljs writes no formats at all.
      useStyles: numFmts !== undefined,
      useSharedStrings: sharedStrings,
    });
    const ws = workbook.addWorksheet(sheetName(sheet));
    // Strings go in as strings, never as formulas: exceljs makes a formula only from {formula}.
    ws.addRow(header).commit();
    const add = numFmts ? styledRows(ws, numFmts) : (cells: Cell[]) => ws.addRow(cells).commit();
    for await (const page of pages) {
      if (out.destroyed) return;
      for (const cells of page) add(cells);
      if (out.writableNeedDrain) await drained(out);
    }
    ws.commit();
    for (const extra of sheets) {
      const more = workbook.addWorksheet(sheetName(extra.name));
      for (const cells of extra.rows) more.addRow(cells).commit();
      more.commit();
    }
    await workbook.commit();
  };
  run().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

/**
 * Rows whose cells carry their column's number format. Each column's style is one object shared by all
 * its cells: exceljs recognises a style object it has seen (a WeakMap) and otherwise serialises each
 * cell's style to look it up, which made a row of 157 columns about twice as slow. Empty cells are left
 * out rather than written as nulls (the file is the same: a null cell without a style writes nothing).
 */
function styledRows(
  ws: { addRow(values: unknown[]): Row },
  numFmts: readonly (string | null)[],
): (cells: Cell[]) => void {
  const styles = numFmts.map((numFmt) => (numFmt ? { numFmt } : {}));
  const plain = {};
  const values: (Cell | undefined)[] = [];
  return (cells) => {
    values.length = cells.length;
    for (let i = 0; i < cells.length; i++) values[i] = cells[i] ?? undefined;
    const row = ws.addRow(values);
    row.eachCell((cell, col) => {
      cell.style = styles[col - 1] ?? plain;
    });
    row.commit();
  };
}

/** A table as a download body in the format; rows arrive page by page and are written as they come. */
export function tableStream(
  format: TableFormat,
  sheet: string,
  header: Cell[],
  pages: AsyncIterable<Cell[][]>,
  opts: XlsxOptions = {},
): Readable {
  return format === 'csv' ? Readable.from(csvChunks(header, pages)) : xlsxStream(sheet, header, pages, opts);
}

/** Today's date in Bishkek (YYYY-MM-DD), for file names. */
export function bishkekDate(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bishkek' }).format(now);
}
