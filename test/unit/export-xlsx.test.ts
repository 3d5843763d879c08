import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Cell } from '../../src/core/csv.ts';
import { uuidv7 } from '../../src/core/ids.ts';
import { RenderPool } from '../../src/server/modules/monitoring/exports.pool.ts';
import { createRenderer } from '../../src/server/modules/monitoring/exports.render.ts';
import type { RawRow, RenderSpec } from '../../src/server/modules/monitoring/exports.types.ts';
import { pageKeys } from '../../src/server/modules/monitoring/exports.keys.ts';
import { exportStream } from '../../src/server/modules/monitoring/exports.writers.ts';
import { columnTypes, excelDate, zonedSerials } from '../../src/server/modules/monitoring/exports.xlsx.ts';
import { Envelope } from '../../src/server/platform/crypto/envelope.ts';

// Typed XLSX cells (ADR 0015, amended 2026-12-02): dates and date-times are spreadsheet dates, the
// instants in the organisation's time zone; numbers stay numbers; CSV keeps the ISO text.
const env = new Envelope(randomBytes(32));
const H = 1 / 24;

/** 2026-01-01 is day 46023 of Excel's 1900 date system (as Excel's =DATE(2026,1,1) gives it). */
const JAN_1_2026 = 46023;

describe('XLSX cell conversion', () => {
  test('a YYYY-MM-DD answer becomes its spreadsheet day; what is not a real date stays as it was', () => {
    assert.equal(excelDate('2026-01-01'), JAN_1_2026);
    assert.equal(excelDate('2026-12-01'), JAN_1_2026 + 334);
    assert.equal(excelDate('1900-03-01'), 61);
    for (const v of ['2026-02-30', '2026-1-01', '1899-12-31', '1900-02-28', 'soon', '2026-12-01T10:00Z', ''])
      assert.equal(excelDate(v), v);
    assert.equal(excelDate(null), null);
    assert.equal(excelDate(7), 7);
  });

  test('an instant becomes the wall-clock time of the zone, whatever offset it was written with', () => {
    const bishkek = zonedSerials('Asia/Bishkek');
    // 20:30 UTC on 30 November is 02:30 on 1 December in Bishkek (UTC+6): the day changes too.
    const want = JAN_1_2026 + 334 + 2.5 * H;
    for (const v of [
      '2026-11-30T20:30:00Z',
      '2026-11-30T20:30:00.000Z',
      '2026-12-01T02:30+06:00',
      '2026-12-01T01:30:00+05:00',
    ])
      assert.ok(Math.abs((bishkek(v) as number) - want) < 1e-9, `${v} → ${bishkek(v)}`);
    for (const v of ['2026-11-30', 'yesterday', '2026-11-30T20:30:00', '2026-13-01T00:00Z'])
      assert.equal(bishkek(v), v);
    assert.equal(bishkek(null), null);
  });

  test('the offset is the one at that instant (a zone with summer time, each side of the change)', () => {
    const berlin = zonedSerials('Europe/Berlin');
    const day = JAN_1_2026 + 87; // 29 March 2026, when Berlin's clocks go from 02:00 to 03:00
    const close = (v: Cell, want: number) => assert.ok(Math.abs((v as number) - want) < 1e-9, String(v));
    close(berlin('2026-03-29T00:59:00Z'), day + (1 + 59 / 60) * H);
    close(berlin('2026-03-29T01:00:00Z'), day + 3 * H);
    close(berlin('2026-03-29T00:59:00Z'), day + (1 + 59 / 60) * H); // from the cache
  });

  test('column types: received and submitted, then the plan’s date and date-time fields', () => {
    const types = columnTypes([
      { name: 'on', key: 'on', kind: 'scalar', type: 'date' },
      { name: 'n', key: 'n', kind: 'scalar' },
      { name: 'at', key: 'at', kind: 'scalar', type: 'datetime' },
    ]);
    assert.equal(types.length, 17);
    assert.deepEqual(types.map((t, i) => (t ? `${i}:${t}` : null)).filter(Boolean), [
      '1:datetime',
      '2:datetime',
      '14:date',
      '16:datetime',
    ]);
  });
});

function spec(format: RenderSpec['format']): RenderSpec {
  return {
    format,
    header: [...Array.from({ length: 14 }, (_, i) => `f${i}`), 'on', 'at', 'voters', 'opened'],
    columns: [
      { name: 'on', key: 'on', kind: 'scalar', type: 'date' },
      { name: 'at', key: 'at', kind: 'scalar', type: 'datetime' },
      { name: 'voters', key: 'voters', kind: 'scalar' },
      { name: 'opened', key: 'opened', kind: 'bool' },
    ],
    pointField: null,
    yes: 'ооба',
    no: 'жок',
    sources: {},
    statuses: {},
    regions: {},
    districts: {},
    versions: { v1: 2 },
    timeZone: 'Asia/Bishkek',
    translations: [],
  };
}

function page(answers: Record<string, unknown>[]) {
  const rows = answers.map((a): RawRow => {
    const id = uuidv7();
    const { key, wrapped } = env.newRecordKey('submissions', id);
    const sealed = key.encrypt('answers', JSON.stringify(a));
    const at = '2026-11-30T20:30:00.000Z';
    return [id, at, at, 'received', 'observer', 0, null, null, null, null, 'v1', sealed, wrapped, null, null];
  });
  return { rows, keys: pageKeys(env, rows), first: true, opened: 0 };
}

const ANSWERS = [
  { on: '2026-12-01', at: '2026-12-01T09:15:00+06:00', voters: 120, opened: true },
  { on: '2026-02-30', voters: 0.5 },
];

describe('XLSX export cells', () => {
  test('the renderer types XLSX cells and leaves CSV text as it was', () => {
    const x = createRenderer(spec('xlsx')).page(page(ANSWERS)) as Cell[][];
    const dec1 = JAN_1_2026 + 334;
    assert.ok(Math.abs((x[0]![1] as number) - (dec1 + 2.5 * H)) < 1e-9); // received, in Bishkek
    assert.ok(Math.abs((x[0]![15] as number) - (dec1 + 9.25 * H)) < 1e-9); // 09:15 written in +06:00
    assert.deepEqual([...x[0]!.slice(13, 15), ...x[0]!.slice(16)], [2, dec1, 120, 'ооба']);
    // A malformed old value stays visible as text rather than vanishing.
    assert.deepEqual(x[1]!.slice(14), ['2026-02-30', null, 0.5, null]);
    const csv = Buffer.from(createRenderer(spec('csv')).page(page(ANSWERS)) as Uint8Array).toString();
    const lines = csv.split('\r\n');
    assert.match(lines[0]!, /,2026-11-30T20:30:00\.000Z,2026-11-30T20:30:00\.000Z,/);
    assert.ok(lines[0]!.endsWith(',2,2026-12-01,2026-12-01T09:15:00+06:00,120,ооба'), lines[0]);
    assert.ok(lines[1]!.endsWith(',2,2026-02-30,,0.5,'), lines[1]);
  });

  test('the worker bundle renders the same typed cells', async () => {
    const pool = new RenderPool(spec('xlsx'), 1);
    try {
      const got = (await pool.render(page(ANSWERS))) as Cell[][];
      const here = createRenderer(spec('xlsx')).page(page(ANSWERS)) as Cell[][];
      assert.deepEqual(
        got.map((r) => r.slice(1)),
        here.map((r) => r.slice(1)),
      );
    } finally {
      await pool.close();
    }
  });

  test('the written file has date cells with their formats and number cells, read back by exceljs', async () => {
    const cells = createRenderer(spec('xlsx')).page(page(ANSWERS)) as Cell[][];
    async function* pages() {
      yield cells;
    }
    const header = spec('xlsx').header;
    const chunks: Buffer[] = [];
    for await (const c of exportStream('xlsx', 'S', header, pages(), columnTypes(spec('xlsx').columns)))
      chunks.push(c);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    assert.equal(ws.rowCount, 3);
    const row = ws.getRow(2);
    // A spreadsheet date has no zone: exceljs reads it as a Date whose UTC fields are the wall clock.
    assert.ok(row.getCell(2).value instanceof Date);
    assert.equal((row.getCell(2).value as Date).toISOString(), '2026-12-01T02:30:00.000Z');
    assert.equal(row.getCell(2).numFmt, 'yyyy-mm-dd hh:mm');
    assert.equal((row.getCell(15).value as Date).toISOString(), '2026-12-01T00:00:00.000Z');
    assert.equal(row.getCell(15).numFmt, 'yyyy-mm-dd');
    assert.equal((row.getCell(16).value as Date).toISOString(), '2026-12-01T09:15:00.000Z');
    assert.equal(row.getCell(17).value, 120);
    assert.equal(row.getCell(17).type, ExcelJS.ValueType.Number);
    assert.equal(row.getCell(18).value, 'ооба');
    assert.equal(row.getCell(14).value, 2);
    assert.equal(row.getCell(4).value, 'received');
    assert.equal(row.getCell(5).value, null); // not a copy of another report
    assert.equal(row.getCell(9).value, null); // empty stays empty
    assert.equal(ws.getRow(3).getCell(15).value, '2026-02-30');
    assert.equal(ws.getRow(1).getCell(16).value, 'at');
  });
});
