import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { AUDIT_ACTIONS } from '../../src/core/audit-actions.ts';
import { LOCALES, resources } from '../../src/core/i18n/index.ts';
import { CUSTODY_ACTIONS } from '../../src/core/schemas/evidence.ts';

// The audit page labels every entry from `audit.actions.<domain>.<verb>` in ui.json. This keeps
// AUDIT_ACTIONS complete (every action the server or the CLI writes is listed) and labelled.

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCANNED = ['src/server', 'src/cli'];
const SHAPE = /^[a-z]+\.[a-z_]+$/;

const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

/** The part tables `deletePart` takes ('vio_involvements' → 'involvements'), read from their type. */
function partTables(): string[] {
  const type = /type PartTable = ([^;]+);/.exec(read('src/server/modules/violations/parts.repo.ts'));
  assert.ok(type, 'parts.repo.ts: type PartTable not found');
  return [...type[1]!.matchAll(/'vio_(\w+)'/g)].map((m) => m[1]!);
}

/** Audit actions built from a template literal, by the template's text: every value it can take. */
const TEMPLATES: Record<string, () => string[]> = {
  // review.convert.ts: `action` is convertOnce's parameter, 'to_violation' | 'to_case'.
  'monitoring.submission_${action}': () =>
    ['to_violation', 'to_case'].map((a) => `monitoring.submission_${a}`),
  // evidence.custody.ts: `action` is a CustodyAction.
  'evidence.${action}': () => CUSTODY_ACTIONS.map((a) => `evidence.${a}`),
  // parts.service.ts: `table` is a PartTable.
  'violation.${table.slice(4)}_delete': () => partTables().map((t) => `violation.${t}_delete`),
};

/**
 * `action` values that are not audit actions, by file. They name something else, so they need no
 * audit label; a new one must be added here on purpose.
 */
const NOT_AUDIT: Record<string, string[]> = {
  // The action of a submission history row (submission_history.action), shown on the review page.
  'src/server/modules/monitoring/review.assign.ts': ['assign', 'unassign'],
  'src/server/modules/monitoring/review.service.ts': ['transition'],
  'src/server/modules/monitoring/review.place.ts': ['place'],
  'src/server/modules/monitoring/review.correct.ts': ['correct'],
  'src/server/modules/monitoring/review.translate.ts': ['untranslate', 'translate'],
  'src/server/modules/monitoring/submissions.read.ts': ['received'],
  // The type of convertOnce's `action` parameter; its audit action is the template above.
  'src/server/modules/monitoring/review.convert.ts': ['to_violation', 'to_case'],
};

/** Actions kept in AUDIT_ACTIONS (old entries still show them) though nothing writes them any more. */
const NO_LONGER_WRITTEN: string[] = [];

interface ActionValue {
  line: number;
  value: string;
  template: boolean;
}

/**
 * The string literals an `action: …` property or `action = …` assignment can take, e.g. both arms of
 * `action: x ? 'a.b' : 'a.c'` (a ternary may continue on lines starting with `?` or `:`). Literals in
 * a condition (`role === 'grant' ?`, `includes('active')`) are skipped: only those at the start of
 * the value or after `?`, `:` or `|` count. Comment lines are ignored.
 */
export function actionValues(src: string): ActionValue[] {
  const code = src.replace(/^[ \t]*(\/\/|\/\*|\*).*$/gm, '');
  const out: ActionValue[] = [];
  for (const m of code.matchAll(/\baction\s*(?::|=(?![=>]))\s*((?:`[^`\n]*`|[^,;{}\n]|\n\s*[?:])*)/g)) {
    const value = m[1]!;
    const start = m.index + m[0].length - value.length;
    for (const lit of value.matchAll(/(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g)) {
      const before = value.slice(0, lit.index).trimEnd();
      if (before !== '' && !/[?:|]$/.test(before)) continue;
      out.push({
        line: code.slice(0, start + lit.index).split('\n').length,
        value: lit[2]!,
        template: lit[1] === '`' && lit[2]!.includes('${'),
      });
    }
  }
  return out;
}

function tsFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    return e.isDirectory() ? tsFiles(rel) : e.name.endsWith('.ts') ? [rel] : [];
  });
}

function label(locale: string, action: string): unknown {
  const [domain, verb] = action.split('.') as [string, string];
  const actions = (resources as Record<string, { ui: { audit: { actions: object } } }>)[locale]!.ui.audit
    .actions as Record<string, Record<string, unknown> | undefined>;
  return actions[domain]?.[verb];
}

describe('audit actions', () => {
  test('the scan finds action values and skips conditions', () => {
    const src = [
      '/**',
      " * action: 'in.comment'",
      ' */',
      '',
      "await audit({ actorId, action: 'case.read' });",
      "  action: body.role === 'grant' ? 'case.grant' : 'case.member_add',",
      "  action: f.includes('active') ? (on ? 'vocab.reactivate' : 'vocab.retire') : 'vocab.edit',",
      '  action:',
      "    long === 'x'",
      "      ? 'a.one'",
      "      : 'a.two',",
      "const action = mine ? 'approval.withdraw' : 'approval.reject';",
      'await audit({ actorId, action: `evidence.${action}`, ...summary });',
      "if (r.action === 'case.nothing') return;",
      '  action: h.action,',
    ].join('\n');
    assert.deepEqual(
      actionValues(src).map((v) => `${v.line}:${v.value}${v.template ? ' (template)' : ''}`),
      [
        '5:case.read',
        '6:case.grant',
        '6:case.member_add',
        '7:vocab.reactivate',
        '7:vocab.retire',
        '7:vocab.edit',
        '10:a.one',
        '11:a.two',
        '12:approval.withdraw',
        '12:approval.reject',
        '13:evidence.${action} (template)',
      ],
    );
  });

  test('AUDIT_ACTIONS is sorted, unique and shaped <domain>.<verb>', () => {
    assert.deepEqual([...AUDIT_ACTIONS], [...new Set(AUDIT_ACTIONS)].sort());
    for (const a of AUDIT_ACTIONS) assert.match(a, SHAPE);
  });

  test('every audit action has a label in en, ru and ky', () => {
    const missing = LOCALES.flatMap((l) =>
      AUDIT_ACTIONS.filter((a) => {
        const v = label(l, a);
        return typeof v !== 'string' || v.trim() === '';
      }).map((a) => `${l}/ui.json: audit.actions.${a}`),
    );
    assert.deepEqual(missing, [], 'audit actions without a label');
  });

  test('every action the server writes is in AUDIT_ACTIONS', () => {
    const known = new Set<string>(AUDIT_ACTIONS);
    const written = new Set<string>();
    const problems: string[] = [];
    const usedTemplates = new Set<string>();
    for (const file of SCANNED.flatMap(tsFiles)) {
      for (const v of actionValues(read(file))) {
        const where = `${file}:${v.line}`;
        if (v.template) {
          const expand = TEMPLATES[v.value];
          if (!expand) {
            problems.push(`${where}: \`${v.value}\` is built from a template: list its values in TEMPLATES`);
            continue;
          }
          usedTemplates.add(v.value);
          for (const a of expand()) {
            written.add(a);
            if (!known.has(a)) problems.push(`${where}: audit action '${a}' is not in AUDIT_ACTIONS`);
          }
        } else if (NOT_AUDIT[file]?.includes(v.value)) continue;
        else {
          written.add(v.value);
          if (!known.has(v.value))
            problems.push(
              `${where}: audit action '${v.value}' is not in AUDIT_ACTIONS (src/core/audit-actions.ts): ` +
                'add it there and label it in en, ru and ky ui.json (or, if this `action` is not an audit ' +
                'action, add it to NOT_AUDIT in this test)',
            );
        }
      }
    }
    assert.deepEqual(problems, []);
    // The scan itself still works: it finds every listed action and every template.
    assert.deepEqual(
      AUDIT_ACTIONS.filter((a) => !written.has(a) && !NO_LONGER_WRITTEN.includes(a)),
      [],
      'listed but not found in the code: fix the scan, or add them to NO_LONGER_WRITTEN',
    );
    assert.deepEqual(
      Object.keys(TEMPLATES).filter((t) => !usedTemplates.has(t)),
      [],
      'templates not found',
    );
  });
});
