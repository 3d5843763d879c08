import { RecordKey } from '../../platform/crypto/envelope.ts';
import { csvField, csvLine, type Cell } from '../../../core/csv.ts';
import { cellOf, loc, type CellContext } from './exports.cells.ts';
import { PageBytes, escaper } from './exports.text.ts';
import { translationCells } from './exports.translations.ts';
import { columnTypes, typedCells } from './exports.xlsx.ts';

/**
 * The heavy half of a monitoring export: each submission's answers decrypted and parsed, its cells
 * made and written as CSV or GeoJSON text (XLSX gets the cells, dates typed by exports.xlsx.ts). It runs
 * in the export worker threads (exports.pool.ts), so this module imports nothing but the envelope, CSV,
 * text and zoned-time code, and everything it is given is plain data: the plan, the labels, the rows as
 * arrays and their data keys.
 * The main thread unwraps the data keys (`pageKeys`, exports.keys.ts): a worker never holds the key-encryption key, and
 * the main thread, which otherwise waited for the worker most of the time, takes a share of the work
 * (and, when the workers are behind, decrypts some rows' answers itself).
 */

import {
  ENTRY_KEY,
  KEY_BYTES,
  type Labels,
  type RawRow,
  type RenderPage,
  type RenderSpec,
  type Rendered,
} from './exports.types.ts';

type Answers = Record<string, unknown>;
export interface Renderer {
  learn(labels: Labels): void;
  /** Render a page; its data keys are wiped afterwards, whether it succeeded or not. */
  page(p: RenderPage): Rendered;
  /** The renderer is unusable afterwards. */
  close(): void;
}

export function createRenderer(spec: RenderSpec): Renderer {
  let closed = false;
  // Maps, not the plain objects they came in: a stored value such as "constructor" must not find a prototype's member.
  const sources = new Map(Object.entries(spec.sources));
  const regions = new Map(Object.entries(spec.regions));
  const districts = new Map(Object.entries(spec.districts));
  const versions = new Map(Object.entries(spec.versions));
  const sites = new Map<string, Labels['sites'][string]>();
  const observers = new Map<string, string>();
  // Each answer is looked up once by its key (a keyed read per column was the costliest part of a row).
  const slots = new Map<string, number[]>();
  spec.columns.forEach((c, i) => slots.set(c.key, [...(slots.get(c.key) ?? []), i]));
  const kinds = spec.columns.map((c) => c.kind);
  const statuses = new Map(Object.entries(spec.statuses));
  const contexts: CellContext[] = spec.columns.map((c) => ({
    spec,
    regions,
    districts,
    labels: c.labels ? new Map(Object.entries(c.labels)) : undefined,
  }));

  const keyOf = (r: RawRow, p: RenderPage, n: number) =>
    new RecordKey(
      Buffer.from(p.keys.buffer, p.keys.byteOffset + n * KEY_BYTES, KEY_BYTES),
      'submissions',
      r[0],
    );

  function answersOf(r: RawRow, p: RenderPage, n: number): Answers {
    if (n < p.opened) return JSON.parse(r[11]) as Answers;
    return JSON.parse(keyOf(r, p, n).decrypt('answers', r[11])) as Answers;
  }

  // The translation columns come last, after every question (none in a redacted export).
  const locales = spec.translations;
  const translated = (r: RawRow, p: RenderPage, n: number): Cell[] =>
    translationCells(locales, p.translations?.[n], n < p.opened ? null : keyOf(r, p, n));

  /** The fourteen cells every row has, before the answers' columns (exports.rows.ts `FIXED`). */
  function fixedCells(r: RawRow): Cell[] {
    const [id, receivedAt, submittedAt, status, source, critical, region, district] = r;
    const [siteId, observerId, versionId] = [r[8], r[9], r[10]];
    const site = siteId ? sites.get(siteId) : undefined;
    return [
      id,
      receivedAt,
      submittedAt,
      statuses.get(status) ?? status,
      // The report a rejected copy repeats (ADR 0026): an analyst drops or merges copies by it.
      r[13] ?? null,
      // The questions a reviewer corrected (ADR 0030): these answers are not as the phone sent them.
      r[14] ?? null,
      sources.get(source) ?? source,
      critical ? spec.yes : spec.no,
      region ? (regions.get(region) ?? region) : null,
      district ? (districts.get(district) ?? district) : null,
      site?.[0] ?? null,
      site?.[1] ?? null,
      observerId ? (observers.get(observerId) ?? null) : null,
      versions.get(versionId) ?? null,
    ];
  }

  // One slot per column, reused row after row: a row answers a few dozen of a mission's (often
  // hundreds of) columns, and each slot is emptied again as soon as it has been read.
  const values: unknown[] = new Array(kinds.length).fill(undefined);
  function spread(answers: Answers): void {
    for (const k in answers) {
      const at = slots.get(k);
      if (at) for (const i of at) values[i] = answers[k];
    }
  }

  /** The answers' cells in column order, after `cells` (the fixed ones); the slots emptied again. */
  function answerCells(cells: Cell[], answers: Answers): Cell[] {
    spread(answers);
    for (let i = 0; i < kinds.length; i++) {
      cells.push(cellOf(kinds[i]!, values[i], contexts[i]!));
      values[i] = undefined;
    }
    return cells;
  }

  function row(r: RawRow, p: RenderPage, n: number): { cells: Cell[]; answers: Answers } {
    const answers = answersOf(r, p, n);
    const cells = answerCells(fixedCells(r), answers);
    if (locales.length) cells.push(...translated(r, p, n));
    return { cells, answers };
  }

  /**
   * One row per entry of the group (`spec.entries`): the report's fixed cells, the entry's number, its
   * answers. Entries are few beside election day's reports: the plain path, not the CSV fast path.
   */
  function entryRows(p: RenderPage): Cell[][] {
    const group = spec.entries!;
    const rows: Cell[][] = [];
    for (let n = 0; n < p.rows.length; n++) {
      const r = p.rows[n]!;
      const list = answersOf(r, p, n)[group];
      if (!Array.isArray(list)) continue;
      const fixed = fixedCells(r);
      list.forEach((entry, j) => {
        if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return;
        rows.push(answerCells([...fixed], { ...(entry as Answers), [ENTRY_KEY]: j + 1 }));
      });
    }
    return rows;
  }

  // XLSX only: dates and date-times as spreadsheet dates (the CSV path never calls it).
  const typed = typedCells(columnTypes(spec.columns), spec.timeZone);

  const esc = escaper();
  const out = new PageBytes();
  // An unanswered column is an empty cell (cellOf gives null for every kind): a run of them is written as
  // one string of commas instead of a cell at a time, which was most of a row's cost.
  const commas = Array.from({ length: kinds.length + 2 }, (_, i) => ','.repeat(i));
  function csv(p: RenderPage): Uint8Array {
    for (let n = 0; n < p.rows.length; n++) {
      const r = p.rows[n]!;
      const answers = answersOf(r, p, n);
      const fixed = fixedCells(r);
      // id, received and submitted times, the original's id: unique, so not worth remembering.
      let line = `${csvField(fixed[0]!)},${csvField(fixed[1]!)},${csvField(fixed[2]!)},${esc(fixed[3]!)},`;
      if (fixed[4] !== null) line += csvField(fixed[4]!);
      for (let i = 5; i < fixed.length; i++) line += `,${esc(fixed[i]!)}`;
      spread(answers);
      let gap = 0;
      for (let i = 0; i < kinds.length; i++) {
        const v = values[i];
        if (v === undefined) {
          gap++;
          continue;
        }
        values[i] = undefined;
        line += commas[gap + 1]! + esc(cellOf(kinds[i]!, v, contexts[i]!));
        gap = 0;
      }
      line += commas[gap]!;
      if (locales.length) for (const c of translated(r, p, n)) line += `,${csvField(c)}`;
      out.put(`${line}\r\n`);
    }
    return out.take();
  }

  function geojson(p: RenderPage): Uint8Array {
    p.rows.forEach((r, n) => {
      const { cells, answers } = row(r, p, n);
      const properties: Record<string, Cell> = {};
      spec.header.forEach((h, i) => {
        const v = cells[i];
        if (v !== null && v !== undefined && v !== '') properties[h] = v;
      });
      let geometry: { type: 'Point'; coordinates: [number, number] } | null = null;
      if (spec.pointField) {
        const p = loc(answers[spec.pointField]);
        if (typeof p.lat === 'number' && typeof p.lon === 'number')
          geometry = { type: 'Point', coordinates: [p.lon, p.lat] };
      }
      // Without the report's own GPS (always so when redacted: it says where the observer stood), the
      // site's point: a map of a redacted export was otherwise a list of features with no place at all.
      const site = r[8] ? sites.get(r[8]) : undefined;
      if (!geometry && typeof site?.[2] === 'number' && typeof site[3] === 'number')
        geometry = { type: 'Point', coordinates: [site[3], site[2]] };
      out.put(
        `${p.first && n === 0 ? '' : ',\n'}${JSON.stringify({ type: 'Feature', geometry, properties })}`,
      );
    });
    return out.take();
  }

  return {
    learn(labels) {
      for (const [id, v] of Object.entries(labels.sites)) sites.set(id, v);
      for (const [id, v] of Object.entries(labels.observers)) observers.set(id, v);
    },
    page(p) {
      if (closed) throw new Error('export renderer closed');
      if (p.keys.length !== p.rows.length * KEY_BYTES) throw new Error('one data key per row was expected');
      if (!(Number.isInteger(p.opened) && p.opened >= 0 && p.opened <= p.rows.length))
        throw new Error('opened rows out of range');
      if (p.translations && p.translations.length !== p.rows.length)
        throw new Error('one set of translations per row was expected');
      try {
        values.fill(undefined);
        if (spec.entries) {
          const rows = entryRows(p);
          if (spec.format !== 'csv') return rows.map(typed);
          for (const cells of rows) out.put(csvLine(cells));
          return out.take();
        }
        if (spec.format === 'csv') return csv(p);
        if (spec.format === 'geojson') return geojson(p);
        return p.rows.map((r, n) => typed(row(r, p, n).cells));
      } finally {
        p.keys.fill(0);
      }
    },
    close() {
      closed = true;
    },
  };
}
