import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { parseCsv } from '../../src/core/csv.ts';
import { uuidv7 } from '../../src/core/ids.ts';
import { RenderPool } from '../../src/server/modules/monitoring/exports.pool.ts';
import { createRenderer } from '../../src/server/modules/monitoring/exports.render.ts';
import type { RawRow, RenderPage, RenderSpec } from '../../src/server/modules/monitoring/exports.types.ts';
import { pageKeys } from '../../src/server/modules/monitoring/exports.keys.ts';
import { Envelope } from '../../src/server/platform/crypto/envelope.ts';

// The export renderer on its own and in its worker threads (ADR 0015): the same bytes either way,
// pages back in the order they were sent, hostile values treated as text, and data keys that are wiped.
const kek = randomBytes(32);
const env = new Envelope(kek);

function spec(format: RenderSpec['format'] = 'csv'): RenderSpec {
  return {
    format,
    header: ['submission', 'received', 'submitted', 'status', 'source', 'critical', 'region', 'district'],
    columns: [
      { name: 'opened', key: 'opened', kind: 'bool' },
      { name: 'queue', key: 'queue', kind: 'scalar' },
      { name: 'issues', key: 'issues', kind: 'multi', labels: { late: 'Кечигүү' } },
      { name: 'where.region', key: 'where', kind: 'loc.region' },
      { name: 'helpers.count', key: 'helpers', kind: 'count' },
      { name: 'constructor', key: 'constructor', kind: 'scalar' },
    ],
    pointField: null,
    yes: 'Ооба',
    no: 'Жок',
    sources: { observer: 'Байкоочу' },
    statuses: { received: 'Келди', rejected: 'Четке кагылды' },
    regions: { 'KG-C': 'Чүй облусу' },
    districts: {},
    versions: {},
    timeZone: 'Asia/Bishkek',
    translations: [],
  };
}

function row(answers: Record<string, unknown>, region: string | null = 'KG-C'): RawRow {
  const id = uuidv7();
  const { key, wrapped } = env.newRecordKey('submissions', id);
  const sealed = key.encrypt('answers', JSON.stringify(answers));
  return [
    id,
    '2026-11-29T06:00:00Z',
    '2026-11-29T05:59:00Z',
    'received',
    'observer',
    0,
    region,
    null,
    null,
    null,
    'v1',
    sealed,
    wrapped,
    null,
    null,
  ];
}

/**
 * A page as the export job sends it: copies of the rows, their data keys unwrapped beside them, the
 * first `opened` rows' answers decrypted by the main thread.
 */
function page(rows: RawRow[], first = true, opened = 0): RenderPage {
  const copies = rows.map((r) => [...r] as RawRow);
  return { rows: copies, keys: pageKeys(env, copies, opened), first, opened };
}

describe('export rendering', () => {
  test('rows per entry: one per object entry, numbered by position, the same cells in CSV and XLSX', () => {
    const entries = (format: RenderSpec['format']): RenderSpec => ({
      ...spec(format),
      columns: [
        { name: 'Entry', key: '#', kind: 'scalar' },
        { name: 'opened', key: 'opened', kind: 'bool' },
        { name: 'queue', key: 'queue', kind: 'scalar' },
      ],
      entries: 'people',
    });
    const rows = [
      // Not objects (a string, null, an array) are no entries but keep their position's number; an
      // entry's own "#" never takes the number's place.
      row({ people: [{ opened: true }, 'x', null, [1], { '#': 99, queue: 'long', opened: false }] }),
      row({ people: 'not a list', opened: true }),
      row({}),
      row({ people: [{ constructor: 'c', __proto__: { queue: 'p' } }] }),
    ];
    const csv = parseCsv(
      Buffer.from(createRenderer(entries('csv')).page(page(rows)) as Uint8Array).toString('utf8'),
    );
    const cells = createRenderer(entries('xlsx')).page(page(rows)) as (string | number | null)[][];
    assert.equal(csv.length, 3);
    assert.equal(cells.length, 3);
    assert.deepEqual(
      csv.map((r) => [r[0], ...r.slice(-3)]),
      [
        [rows[0]![0], '1', 'Ооба', ''],
        [rows[0]![0], '5', 'Жок', 'long'],
        [rows[3]![0], '1', '', ''],
      ],
    );
    for (const r of cells) assert.equal(r.length, 14 + 3, 'the fixed cells, then one per column');
    assert.deepEqual(
      cells.map((r) => r.slice(-3)),
      [
        [1, 'Ооба', null],
        [5, 'Жок', 'long'],
        [1, null, null],
      ],
    );
  });

  test('a CSV row: labels in the language, choices joined, formulas neutralised, quotes escaped', () => {
    const r = row({
      opened: true,
      queue: '=HYPERLINK("x")',
      issues: ['late', 'no_ink'],
      where: { region: 'KG-C' },
      helpers: [{}, {}],
    });
    const out = Buffer.from(createRenderer(spec()).page(page([r])) as Uint8Array).toString('utf8');
    assert.equal(
      out,
      // Status, choices and the answer's region in the reader's language (an unknown key stays as stored).
      `${r[0]},2026-11-29T06:00:00Z,2026-11-29T05:59:00Z,Келди,,,Байкоочу,Жок,Чүй облусу,,,,,,Ооба,"'=HYPERLINK(""x"")",Кечигүү; no_ink,Чүй облусу,2,\r\n`,
    );
  });

  test('rows answering a few columns (gaps first, between and last) have every cell where XLSX has it', () => {
    const rows = [
      row({}),
      row({ helpers: [{}] }),
      row({ opened: false, where: { region: 'KG-C' } }),
      row({ queue: 3, issues: [], constructor: 'x', opened: null }),
      row({ issues: ['a,b'], unknown: 'not a column' }),
    ];
    const p = page(rows);
    const text = Buffer.from(createRenderer(spec()).page(p) as Uint8Array).toString('utf8');
    const cells = createRenderer(spec('xlsx')).page(page(rows)) as (string | number | null)[][];
    const parsed = parseCsv(text);
    assert.equal(parsed.length, rows.length);
    // Received and submitted (columns 2 and 3) are spreadsheet dates in XLSX (export-xlsx.test.ts).
    const untyped = <T>(r: T[]) => [r[0], ...r.slice(3)];
    parsed.forEach((fields, n) => {
      assert.deepEqual(
        untyped(fields),
        untyped(cells[n]!).map((c) => (c === null ? '' : String(c))),
      );
      assert.deepEqual(fields.slice(1, 3), ['2026-11-29T06:00:00Z', '2026-11-29T05:59:00Z']);
      assert.ok(typeof cells[n]![1] === 'number' && typeof cells[n]![2] === 'number');
    });
    assert.equal(parsed[0]!.length, 14 + 6); // the fixed columns, then the plan's
    assert.deepEqual(parsed[1]!.slice(14), ['', '', '', '', '1', '']);
    assert.deepEqual(parsed[4]!.slice(14), ['', '', 'a,b', '', '', '']);
  });

  test('stored values that name an object member stay text or empty, never a prototype function', () => {
    const r = row({ constructor: undefined, queue: 'toString' }, 'constructor');
    const cells = (createRenderer(spec('xlsx')).page(page([r])) as unknown[][])[0]!;
    assert.equal(cells[8], 'constructor'); // an unknown region shows as stored
    assert.equal(cells[15], 'toString');
    assert.equal(cells[19], null); // "constructor" is not an answer here
  });

  test('a rejected copy names the report it repeats, in every format; other rows leave it empty', () => {
    const original = uuidv7();
    const copy = row({ opened: true });
    copy[3] = 'rejected';
    copy[13] = original;
    const rows = [copy, row({})];
    const [a, b] = parseCsv(Buffer.from(createRenderer(spec()).page(page(rows)) as Uint8Array).toString());
    assert.deepEqual(a!.slice(3, 5), ['Четке кагылды', original]);
    assert.equal(b![4], '');
    const cells = createRenderer(spec('xlsx')).page(page(rows)) as unknown[][];
    assert.deepEqual([cells[0]![4], cells[1]![4]], [original, null]);
  });

  test('the questions a reviewer corrected follow, in every format; other rows leave it empty', () => {
    const fixed = row({ opened: true });
    fixed[14] = 'opened,queue';
    const rows = [fixed, row({})];
    const [a, b] = parseCsv(Buffer.from(createRenderer(spec()).page(page(rows)) as Uint8Array).toString());
    assert.deepEqual([a![5], b![5]], ['opened,queue', '']);
    const cells = createRenderer(spec('xlsx')).page(page(rows)) as unknown[][];
    assert.deepEqual([cells[0]![5], cells[1]![5]], ['opened,queue', null]);
  });

  test('a page larger than the first buffer grows without losing a byte', () => {
    const long = 'ы'.repeat(30_000);
    const rows = Array.from({ length: 60 }, () => row({ queue: long }));
    const out = createRenderer(spec()).page(page(rows)) as Uint8Array;
    const text = Buffer.from(out).toString('utf8');
    assert.equal(text.split('\r\n').length, 61);
    assert.equal(text.match(/ы/g)?.length, 60 * 30_000);
    assert.equal(out.byteOffset, 0); // owns its memory: the worker may transfer it
  });

  test('a wrong key fails the page instead of writing garbage', () => {
    const p = { ...page([row({})]), keys: new Uint8Array(randomBytes(32)) };
    assert.throws(() => createRenderer(spec()).page(p), /authentication failed/);
  });

  test("a page's data keys are wiped once it is rendered, also when it fails; a closed renderer refuses", () => {
    const r = createRenderer(spec());
    const ok = page([row({ opened: true }), row({})]);
    r.page(ok);
    assert.ok(ok.keys.every((b) => b === 0));
    const bad = { ...page([row({})]), keys: new Uint8Array(randomBytes(32)) };
    assert.throws(() => r.page(bad));
    assert.ok(bad.keys.every((b) => b === 0));
    r.close();
    assert.throws(() => r.page(page([row({ opened: true })])), /closed/);
  });

  test('the main thread unwraps: rows cross without their wrapped key, and the spec has no KEK', () => {
    const p = page([row({})]);
    assert.equal(p.rows[0]![12], '');
    assert.equal(p.keys.length, 32);
    assert.ok(!Object.values(spec()).some((v) => v instanceof Uint8Array));
  });

  test('rows whose answers the main thread decrypted render the same; their keys never leave it', () => {
    const rows = Array.from({ length: 10 }, (_, i) => row({ opened: i % 3 === 0, queue: `q${i}` }));
    const whole = Buffer.from(createRenderer(spec()).page(page(rows)) as Uint8Array);
    const shared = page(rows, true, 4);
    assert.ok(shared.keys.subarray(0, 4 * 32).every((b) => b === 0));
    assert.ok(!shared.keys.subarray(4 * 32).every((b) => b === 0));
    assert.deepEqual(JSON.parse(shared.rows[0]![11]), { opened: true, queue: 'q0' });
    assert.deepEqual(Buffer.from(createRenderer(spec()).page(shared) as Uint8Array), whole);
    for (const opened of [-1, 11, 0.5])
      assert.throws(() => createRenderer(spec()).page({ ...page(rows), opened }), /out of range/);
  });
});

describe('export worker pool', () => {
  test('two workers render pages side by side and give the same bytes, in order', async () => {
    const pages = Array.from({ length: 7 }, (_, p) =>
      Array.from({ length: 150 }, (_, i) => row({ opened: i % 2 === 0, queue: p * 1000 + i })),
    );
    const single = createRenderer(spec());
    const expected = pages.map((rows) => Buffer.from(single.page(page(rows, false)) as Uint8Array));
    const pool = new RenderPool(spec(), 2);
    try {
      const got = await Promise.all(pages.map((rows) => pool.render(page(rows, false))));
      assert.deepEqual(
        got.map((u) => Buffer.from(u as Uint8Array)),
        expected,
      );
    } finally {
      await pool.close();
    }
  });

  test('a failing page rejects with its error; closing rejects what is still waiting', async () => {
    const pool = new RenderPool(spec(), 1);
    const bad = { ...page([row({})]), keys: new Uint8Array(randomBytes(32)) };
    await assert.rejects(pool.render(bad), /authentication failed/);
    await pool.close();
    const late = page([row({})]);
    await assert.rejects(pool.render(late), /closed/);
    assert.ok(late.keys.every((b) => b === 0)); // not sent, and not left behind either
  });
});

describe('export worker pool, closing', () => {
  test('closing twice, or after a worker died, ends at once', async () => {
    const pool = new RenderPool(spec(), 2);
    await Promise.all([pool.close(), pool.close()]);
    await pool.close();
  });
});
