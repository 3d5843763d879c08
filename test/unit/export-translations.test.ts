import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { parseCsv } from '../../src/core/csv.ts';
import { uuidv7 } from '../../src/core/ids.ts';
import { codebook } from '../../src/server/modules/monitoring/exports.codebook.ts';
import { pageKeys } from '../../src/server/modules/monitoring/exports.keys.ts';
import { RenderPool } from '../../src/server/modules/monitoring/exports.pool.ts';
import { createRenderer } from '../../src/server/modules/monitoring/exports.render.ts';
import type { RawRow, RenderPage, RenderSpec } from '../../src/server/modules/monitoring/exports.types.ts';
import { planColumns, renderSpec } from '../../src/server/modules/monitoring/exports.rows.ts';
import type { RowTranslations } from '../../src/server/modules/monitoring/exports.translations.ts';
import { Envelope } from '../../src/server/platform/crypto/envelope.ts';
import { tr } from '../../src/server/platform/i18n.ts';
import { CHECKLIST } from '../helpers/monitoring.ts';

// Reviewers' translations in an export with names (ADR 0028): a column per language after the
// questions, opened with the report's own key wherever its answers are opened; none when redacted.
const env = new Envelope(randomBytes(32));
const defs = [CHECKLIST];

function spec(format: RenderSpec['format'] = 'csv'): RenderSpec {
  return renderSpec(planColumns(defs, false, 'ru'), format, 'ru', new Map([['v1', 1]]));
}

/** A report with its answers and translations sealed under its own key, as the database holds them. */
function report(answers: Record<string, unknown>, texts: Record<string, string>) {
  const id = uuidv7();
  const { key, wrapped } = env.newRecordKey('submissions', id);
  const row: RawRow = [
    id,
    '2026-12-05T06:00:00Z',
    '2026-12-05T05:59:00Z',
    'received',
    'public',
    0,
    null,
    null,
    null,
    null,
    'v1',
    key.encrypt('answers', JSON.stringify(answers)),
    wrapped,
    null,
    null,
  ];
  const entries = Object.entries(texts).map(([l, t]): [string, string] => [
    l,
    key.encrypt(`translation:${l}`, t),
  ]);
  const sealed: RowTranslations = entries.length ? Object.fromEntries(entries) : null;
  return { row, sealed };
}

type Report = ReturnType<typeof report>;

function page(reports: Report[], opened = 0): RenderPage {
  const rows = reports.map((r) => [...r.row] as RawRow);
  const translations = reports.map((r) => (r.sealed ? { ...r.sealed } : null));
  return { rows, keys: pageKeys(env, rows, opened, translations), first: true, opened, translations };
}

const csvOf = (s: RenderSpec, p: RenderPage) =>
  parseCsv(Buffer.from(createRenderer(s).page(p) as Uint8Array).toString('utf8'));

describe('translations in exports', () => {
  const reports = [
    report({ voters: 120 }, { en: 'The station opened late.', ky: 'Участок кеч ачылды.' }),
    report({ voters: 80 }, {}),
    report({}, { ru: '=HYPERLINK("x")' }),
  ];

  test('a column per language after the questions, in the reader’s language; empty where none', () => {
    const s = spec();
    const names = ['ky', 'ru', 'en'].map((l) => tr('ru', `errors:mon_export.column.translation_${l}`));
    assert.deepEqual(s.header.slice(-3), names);
    assert.deepEqual(names, ['Перевод на кыргызский', 'Перевод на русский', 'Перевод на английский']);
    const rows = csvOf(s, page(reports));
    for (const r of rows) assert.equal(r.length, s.header.length);
    assert.deepEqual(rows[0]!.slice(-3), ['Участок кеч ачылды.', '', 'The station opened late.']);
    assert.deepEqual(rows[1]!.slice(-3), ['', '', '']);
    // A formula in a translation is text in a spreadsheet, as in any other cell.
    assert.deepEqual(rows[2]!.slice(-3), ['', `'=HYPERLINK("x")`, '']);
    const voters = s.header.indexOf('voters');
    assert.deepEqual([rows[0]![voters], rows[1]![voters]], ['120', '80']);
  });

  test('rows the main thread opens render the same, and their keys stay with it', () => {
    const whole = csvOf(spec(), page(reports));
    const shared = page(reports, 2);
    assert.equal(shared.translations![0]!.en, 'The station opened late.');
    assert.ok(shared.keys.subarray(0, 64).every((b) => b === 0));
    assert.deepEqual(csvOf(spec(), shared), whole);
  });

  test('XLSX and GeoJSON carry them too; a worker renders the same bytes', async () => {
    const cells = createRenderer(spec('xlsx')).page(page(reports)) as unknown[][];
    assert.deepEqual(cells[0]!.slice(-3), ['Участок кеч ачылды.', null, 'The station opened late.']);
    const geo = Buffer.from(createRenderer(spec('geojson')).page(page(reports)) as Uint8Array).toString();
    const first = JSON.parse(geo.split(',\n')[0]!) as { properties: Record<string, unknown> };
    assert.equal(first.properties['Перевод на английский'], 'The station opened late.');
    const pool = new RenderPool(spec(), 1);
    try {
      const out = (await pool.render(page(reports))) as Uint8Array;
      assert.deepEqual(csvOf(spec(), page(reports)), parseCsv(Buffer.from(out).toString('utf8')));
    } finally {
      await pool.close();
    }
  });

  test('a translation sealed under another report’s key fails the page instead of showing', () => {
    const p = page(reports);
    p.translations![1] = { en: reports[0]!.sealed!.en! };
    assert.throws(() => createRenderer(spec()).page(p), /authentication failed/);
    assert.ok(p.keys.every((b) => b === 0));
    const short = { ...page(reports), translations: [null] };
    assert.throws(() => createRenderer(spec()).page(short), /translations per row/);
  });

  test('a redacted export has no translation columns, and its codebook none either', () => {
    const plan = planColumns(defs, true, 'ky');
    assert.deepEqual(plan.translations, []);
    assert.ok(!plan.header.some((h) => /котормо/i.test(h)), plan.header.join());
    assert.deepEqual(renderSpec(plan, 'csv', 'ky', new Map()).translations, []);
    const book = codebook(defs, plan, 'ky');
    assert.ok(!book.rows.some((r) => /котор/i.test(String(r[2]))));
  });

  test('the codebook of an export with names says what the translation columns hold', () => {
    const plan = planColumns(defs, false, 'en');
    const book = codebook(defs, plan, 'en');
    const last = book.rows.slice(-3);
    assert.deepEqual(
      last.map((r) => r[0]),
      ['Translation into Kyrgyz', 'Translation into Russian', 'Translation into English'],
    );
    for (const r of last)
      assert.deepEqual(r.slice(1), [null, tr('en', 'errors:mon_export.codebook.translation'), null]);
  });
});
