import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SEED } from './vocab.seed.ts';
import { LOCAL_SOURCES } from './vocab.local.ts';
import { constitutionTerms, INTL_RIGHTS } from './vocab.rights.ts';
import { appPath } from '../../platform/paths.ts';

/**
 * Everything Ukuk ships as vocabularies, as one list of sources: its own legal-aid lists, the 50
 * HURIDOCS micro-thesauri (reference/huridocs, with the Kyrgyz drafts and Russian fixes written next
 * to them), the local lists and the rights lists. Each source carries a hash of what it was built from,
 * so that a start re-imports only what changed (vocab.import.ts).
 */
export type Origin = 'ukuk' | 'huridocs' | 'local';
export type LabelStatus = 'reviewed' | 'draft' | 'missing';

export interface ShippedTerm {
  code: string;
  parent: string | null;
  ky: string;
  ru: string;
  en: string;
  ref: string | null;
  kyStatus: LabelStatus;
  ruStatus: LabelStatus;
}

export interface Source {
  scheme: string;
  origin: Origin;
  /** Computed lazily: building a HURIDOCS list means parsing its CSV, which a start skips when unchanged. */
  hash: string;
  terms: () => ShippedTerm[];
}

/** Bump when the import rules change, so every scheme is looked at again once. */
const IMPORT_RULES = 'vocab-import-1';

const ROOT = appPath('reference');
export const HURIDOCS_DIR = path.join(ROOT, 'huridocs');
export const CONSTITUTION_FILE = path.join(ROOT, 'constitution', 'kg-constitution-2021-rights.json');

interface IndexEntry {
  list: number;
  name: string;
  file: string;
}
type RuFixes = Record<string, Record<string, { from: string; to: string; why?: string }>>;

/** `esf_types_of_acts` from list 4 `types_of_acts` (the source spelling is kept: `relavant_...`). */
export function esfScheme(name: string): string {
  return `esf_${name}`;
}

function sha(...parts: (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 32);
}

function readIfExists(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes); the first row is the header. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') endRow();
    else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) endRow();
  const [head, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries((head ?? []).map((h, i) => [h, r[i] ?? ''])));
}

/** Kyrgyz drafts of one list: `{code: label}`; anything else in the file (notes) is ignored. */
function kyLabels(buf: Buffer | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!buf) return out;
  const data = JSON.parse(buf.toString('utf8')) as Record<string, unknown>;
  for (const [code, label] of Object.entries(data))
    if (/^\d{12}$/.test(code) && typeof label === 'string' && label.trim()) out.set(code, label.trim());
  return out;
}

function huridocsSources(): Source[] {
  const index = JSON.parse(fs.readFileSync(path.join(HURIDOCS_DIR, 'index.json'), 'utf8')) as IndexEntry[];
  const fixesBuf = readIfExists(path.join(HURIDOCS_DIR, 'ru-fixes.json'));
  const fixes = fixesBuf ? (JSON.parse(fixesBuf.toString('utf8')) as RuFixes) : {};
  return index.map((entry) => {
    const stem = entry.file.replace(/\.csv$/, '');
    const csv = fs.readFileSync(path.join(HURIDOCS_DIR, entry.file));
    const ky = readIfExists(path.join(HURIDOCS_DIR, 'ky', `${stem}.json`));
    const listFixes = fixes[stem] ?? {};
    return {
      scheme: esfScheme(entry.name),
      origin: 'huridocs' as const,
      hash: sha(IMPORT_RULES, csv, ky ?? '', JSON.stringify(listFixes)),
      terms: () => {
        const kyMap = kyLabels(ky);
        const rows = parseCsv(csv.toString('utf8'));
        rows.sort((a, b) => Number(a.order) - Number(b.order) || a.code!.localeCompare(b.code!));
        return rows.map((r) => {
          const code = r.code!;
          const fix = listFixes[code];
          let ru = (r.label_ru ?? '').trim();
          if (fix && ru === fix.from.trim()) ru = fix.to.trim();
          const kyLabel = kyMap.get(code) ?? '';
          return {
            code,
            parent: r.parent_code || null,
            en: (r.label_en ?? '').trim(),
            ru,
            ky: kyLabel,
            ref: null,
            // Source translations are drafts until a person reviews them (SOURCE.md: loose labels).
            kyStatus: kyLabel ? 'draft' : 'missing',
            ruStatus: ru ? 'draft' : 'missing',
          } satisfies ShippedTerm;
        });
      },
    };
  });
}

function fromTs(scheme: string, origin: Origin, terms: ShippedTerm[], extra = ''): Source {
  return { scheme, origin, hash: sha(IMPORT_RULES, JSON.stringify(terms), extra), terms: () => terms };
}

/** All shipped vocabularies, in the order they are imported. */
export function shippedSources(): Source[] {
  const ukuk = Object.entries(SEED).map(([scheme, terms]) =>
    fromTs(
      scheme,
      'ukuk',
      terms.map((t) => ({
        code: t.code,
        parent: t.parent ?? null,
        ky: t.ky,
        ru: t.ru,
        en: t.en,
        ref: null,
        kyStatus: 'reviewed',
        ruStatus: 'reviewed',
      })),
    ),
  );
  const constitution = fs.readFileSync(CONSTITUTION_FILE);
  return [
    ...ukuk,
    ...huridocsSources(),
    ...Object.entries(LOCAL_SOURCES).map(([scheme, terms]) => fromTs(scheme, 'ukuk', terms)),
    fromTs(
      'kg_constitution',
      'ukuk',
      constitutionTerms(JSON.parse(constitution.toString('utf8')) as Parameters<typeof constitutionTerms>[0]),
    ),
    fromTs('intl_rights', 'ukuk', INTL_RIGHTS),
  ];
}
