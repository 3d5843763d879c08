import type { Cell } from '../../../core/csv.ts';
import { zoneOffsetMs } from '../../../core/zoned-time.ts';
import type { PlanColumn } from './exports.types.ts';

/**
 * Typed cells for the XLSX export: dates and date-times become spreadsheet dates (a number of days
 * with a date format), so an analyst can sort, filter and compute on them; CSV and GeoJSON keep the
 * ISO text. Part of the export workers' bundle (exports.render.ts), so it imports only zoned-time.
 */
export type CellType = 'date' | 'datetime' | null;

/** Formats of the typed columns: ISO-like, the same in every language and spreadsheet program. */
export const XLSX_FORMATS: Record<'date' | 'datetime', string> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

/**
 * The types of the fourteen fixed columns, in the order of exports.rows.ts `FIXED` and the renderer's
 * `fixedCells`: received and submitted are instants; the rest is text or a number already.
 */
export const FIXED_TYPES: readonly CellType[] = [
  null,
  'datetime',
  'datetime',
  ...Array<CellType>(11).fill(null),
];

/** The type of every column of the export: the fixed ones, then the plan's (date and date-time fields). */
export function columnTypes(columns: readonly PlanColumn[]): CellType[] {
  return [...FIXED_TYPES, ...columns.map((c) => c.type ?? null)];
}

const DAY_MS = 86_400_000;
/** Day 25569 is 1970-01-01 in the 1900 date system (Excel's default; exceljs writes it). */
const EPOCH_DAYS = 25_569;
/** Before 1900-03-01 Excel counts a 29 February 1900 that never was: such values stay text. */
const FIRST_MS = Date.UTC(1900, 2, 1);
const LAST_MS = Date.UTC(9999, 11, 31, 23, 59, 59);
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

const serial = (wallMs: number) => wallMs / DAY_MS + EPOCH_DAYS;

/** A `YYYY-MM-DD` answer as a spreadsheet day; anything else (a malformed old value) stays as it is. */
export function excelDate(v: Cell): Cell {
  if (typeof v !== 'string') return v;
  const m = DATE_RE.exec(v);
  if (!m) return v;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2026-02-30 over to March: such a value is not a date and stays text.
  if (ms < FIRST_MS || ms > LAST_MS || new Date(ms).toISOString().slice(0, 10) !== v) return v;
  return serial(ms);
}

/**
 * Converts instants to the wall-clock time of one zone. A spreadsheet date has no zone, so the cell
 * holds the organisation's local time (Asia/Bishkek), as everything else in the app shows it. The
 * zone's offset is looked up once per quarter hour of the timeline (Intl is slow per call): zones change
 * their offset on a quarter hour.
 */
export function zonedSerials(timeZone: string): (v: Cell) => Cell {
  const offsets = new Map<number, number>();
  const QUARTER = 900_000;
  return (v) => {
    if (typeof v !== 'string' || !DATETIME_RE.test(v)) return v;
    const ms = Date.parse(v);
    if (Number.isNaN(ms)) return v;
    const q = Math.floor(ms / QUARTER);
    let off = offsets.get(q);
    if (off === undefined) {
      if (offsets.size >= 50_000) offsets.clear();
      off = zoneOffsetMs(q * QUARTER, timeZone);
      offsets.set(q, off);
    }
    const wall = ms + off;
    return wall < FIRST_MS || wall > LAST_MS ? v : serial(wall);
  };
}

/** Converts a row's date and date-time cells in place (`types` as `columnTypes` gives them). */
export function typedCells(types: readonly CellType[], timeZone: string): (cells: Cell[]) => Cell[] {
  const at: [number, (v: Cell) => Cell][] = [];
  const dateTime = zonedSerials(timeZone);
  types.forEach((t, i) => {
    if (t) at.push([i, t === 'date' ? excelDate : dateTime]);
  });
  return (cells) => {
    for (const [i, f] of at) {
      const v = cells[i];
      if (v !== null && v !== undefined) cells[i] = f(v);
    }
    return cells;
  };
}
