import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { LOCALES, NAMESPACES, resources } from '../../src/core/i18n/index.ts';
import { ERRORS } from '../../src/server/platform/errors.ts';

type Tree = { [k: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [k2, v2] of flatten(v, key)) out.set(k2, v2);
  }
  return out;
}

const catalogs = Object.fromEntries(
  LOCALES.map((l) => [
    l,
    Object.fromEntries(NAMESPACES.map((ns) => [ns, flatten(resources[l][ns] as Tree)])),
  ]),
) as Record<string, Record<string, Map<string, string>>>;

/** Base keys (plural suffix removed) of one catalog. */
function bases(m: Map<string, string>): Set<string> {
  return new Set([...m.keys()].map((k) => k.replace(PLURAL, '')));
}

describe('translation catalogs', () => {
  for (const ns of NAMESPACES) {
    test(`${ns}: every key exists in ky, ru and en`, () => {
      const all = new Set(LOCALES.flatMap((l) => [...bases(catalogs[l]![ns]!)]));
      for (const l of LOCALES) {
        const missing = [...all].filter((k) => !bases(catalogs[l]![ns]!).has(k));
        assert.deepEqual(missing, [], `${l}/${ns}.json is missing keys`);
      }
    });

    test(`${ns}: plural keys have every category the language needs, and no empty strings`, () => {
      for (const l of LOCALES) {
        const m = catalogs[l]![ns]!;
        const needed = new Intl.PluralRules(l).resolvedOptions().pluralCategories;
        const pluralBases = new Set(
          [...m.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')),
        );
        for (const b of pluralBases) {
          for (const cat of needed) assert.ok(m.has(`${b}_${cat}`), `${l}/${ns}: ${b}_${cat} is missing`);
        }
        for (const [k, v] of m) assert.ok(v.trim().length > 0, `${l}/${ns}: ${k} is empty`);
      }
    });

    test(`${ns}: interpolation variables agree across languages`, () => {
      const vars = (s: string) =>
        [...s.matchAll(/\{\{\s*(\w+)/g)]
          .map((x) => x[1])
          .sort()
          .join(',');
      for (const [k, en] of catalogs.en![ns]!) {
        if (PLURAL.test(k)) continue;
        for (const l of ['ru', 'ky']) {
          const other = catalogs[l]![ns]!.get(k);
          if (other !== undefined)
            assert.equal(vars(other), vars(en), `${l}/${ns}: ${k} has other variables than en`);
        }
      }
    });
  }

  test('Russian plurals really use four forms (one/few/many/other)', () => {
    assert.deepEqual(new Intl.PluralRules('ru').resolvedOptions().pluralCategories.sort(), [
      'few',
      'many',
      'one',
      'other',
    ]);
  });

  test('every API error code has a message in every language', () => {
    for (const l of LOCALES) {
      for (const code of Object.keys(ERRORS)) {
        assert.ok(catalogs[l]!.errors!.has(code), `${l}: errors:${code} missing`);
      }
    }
  });
});

// Text a person sees must come from the catalogs. This finds literal text in JSX and in the
// attributes that are read aloud or shown (labels, placeholders, titles).
const WEB = path.resolve(import.meta.dirname, '../../src/web');
const ALLOWED = new Set([
  'Ukuk',
  'ky',
  'ru',
  'en',
  'KY',
  'RU',
  'EN',
  'Кыргызча',
  'Русский',
  'English',
  'TOTP',
  'QR',
  'OK',
  'Ctrl',
  '2FA',
  'Ukuk API',
  'ukuk unseal',
]);

function tsxFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsxFiles(p) : e.name.endsWith('.tsx') ? [p] : [];
  });
}

/** Literal user-visible strings in one TSX source (exported for the check's own test). */
export function hardCodedStrings(src: string): string[] {
  const found: string[] = [];
  const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of code.matchAll(/(?<![=-])>\s*([^<>{}`]*?\p{L}[^<>{}`]*?)\s*</gu)) {
    const text = m[1]!.trim();
    if (text && !/[=;()]|=>|&&/.test(text) && !ALLOWED.has(text)) found.push(text);
  }
  for (const m of code.matchAll(
    /\b(?:placeholder|aria-label|title|label|alt|description)=["']([^"']*\p{L}[^"']*)["']/gu,
  )) {
    if (!ALLOWED.has(m[1]!)) found.push(m[1]!);
  }
  return found;
}

describe('no hard-coded user-visible strings in the web app', () => {
  test('the check itself finds literal text', () => {
    assert.deepEqual(hardCodedStrings('<Button title="Save now">Save</Button>'), ['Save', 'Save now']);
    assert.deepEqual(hardCodedStrings("<Button>{t('ui:save')}</Button>"), []);
  });
  test('every .tsx file under src/web uses the catalogs', () => {
    const offenders = tsxFiles(WEB).flatMap((f) =>
      hardCodedStrings(fs.readFileSync(f, 'utf8')).map((s) => `${path.relative(WEB, f)}: "${s}"`),
    );
    assert.deepEqual(offenders, []);
  });
});
