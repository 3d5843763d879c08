import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ComboboxItem, ComboboxParsedItem, ComboboxParsedItemGroup } from '@mantine/core';
import i18next from 'i18next';
import { AUDIT_ACTIONS, AUDIT_FAMILIES, auditFamily } from '../../src/core/audit-actions.ts';
import { LOCALES, resources } from '../../src/core/i18n/index.ts';
import { actionOptions, filterActions } from '../../src/web/features/audit/actions.ts';

// The audit page's action filter: a group per family, named in every language, offering the family
// (`auth.*`) and each of its actions, found by label or by code.

// No fallback language, so a name missing in Kyrgyz or Russian shows up as its raw key or code.
const i18n = i18next.createInstance();
await i18n.init({
  resources,
  lng: 'en',
  fallbackLng: false,
  ns: ['ui'],
  defaultNS: 'ui',
  interpolation: { escapeValue: false },
});
const tFor = (l: string) => i18n.getFixedT(l);

const isGroup = (o: ComboboxParsedItem): o is ComboboxParsedItemGroup => 'group' in o;
const values = (opts: ComboboxParsedItem[]) =>
  opts.flatMap((o) => (isGroup(o) ? o.items : [o])).map((i: ComboboxItem) => i.value);
const search = (opts: ComboboxParsedItem[], q: string) =>
  values(filterActions({ options: opts, search: q, limit: Infinity }));

describe('audit action picker', () => {
  test('every family is named in ky, ru and en, and no name is left over', () => {
    assert.deepEqual(AUDIT_FAMILIES, [...new Set(AUDIT_ACTIONS.map((a) => a.split('.')[0]))]);
    for (const l of LOCALES) {
      const names: Record<string, string> = resources[l].ui.audit.families;
      const missing: string[] = AUDIT_FAMILIES.filter((f) => !names[f]?.trim());
      assert.deepEqual(missing, [], `${l}/ui.json: audit.families without a name`);
      assert.deepEqual(Object.keys(names).sort(), [...AUDIT_FAMILIES], `${l}/ui.json: unknown families`);
    }
  });

  for (const l of LOCALES) {
    test(`${l}: a group per family, the whole family first, then each action with its label`, () => {
      const groups = actionOptions(tFor(l), l);
      assert.ok(groups.every(isGroup));
      assert.equal(groups.length, AUDIT_FAMILIES.length);
      const headings = groups.map((g) => g.group as string);
      assert.deepEqual(
        headings,
        [...headings].sort((a, b) => a.localeCompare(b, l)),
      );
      for (const g of groups) {
        const family = auditFamily(g.items[1]!.value);
        assert.equal(g.group, resources[l].ui.audit.families[family as 'auth']);
        assert.equal(g.items[0]!.value, `${family}.*`);
        assert.ok(g.items[0]!.label.includes(String(g.group)), 'the family option names the family');
        assert.deepEqual(
          g.items.slice(1).map((i) => i.value),
          AUDIT_ACTIONS.filter((a) => auditFamily(a) === family),
        );
        for (const i of g.items) assert.notEqual(i.label, i.value, `${l}: ${i.value} has no label`);
      }
      assert.equal(new Set(values(groups)).size, AUDIT_ACTIONS.length + AUDIT_FAMILIES.length);
    });
  }

  test('a value from the URL that no option has stays selectable, labelled with its code', () => {
    const t = tFor('ru');
    const old = actionOptions(t, 'ru', 'foo.bar');
    assert.deepEqual(old[0], { value: 'foo.bar', label: 'foo.bar' });
    assert.equal(values(old).length, AUDIT_ACTIONS.length + AUDIT_FAMILIES.length + 1);
    for (const known of ['auth.login', 'auth.*', undefined]) {
      assert.ok(actionOptions(t, 'ru', known).every(isGroup), `${known} is offered already`);
    }
  });

  test('search finds an action by code or label, and a whole family by its name', () => {
    const en = actionOptions(tFor('en'), 'en');
    assert.deepEqual(search(en, 'auth.login'), ['auth.login', 'auth.login_failed']);
    assert.deepEqual(search(en, ' Failed LOGIN '), ['auth.login_failed']);
    assert.deepEqual(search(en, ''), values(en));
    const ky = actionOptions(tFor('ky'), 'ky');
    assert.deepEqual(search(ky, 'ийгиликсиз кирүү'), ['auth.login_failed']);
    const backups = search(ky, 'камдык көчүрмөлөр');
    assert.deepEqual(backups, ['backup.*', 'backup.create', 'backup.restore']);
    assert.deepEqual(search(ky, 'zzz'), []);
  });
});
