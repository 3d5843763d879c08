// The bit sets of the facts in memory stay exact through growth, edits, restriction and removal:
// every list and statistics figure is an AND of them, with no check of the events afterwards.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Snap } from '../../src/server/modules/violations/facts.cells.ts';
import {
  countAnd,
  countBits,
  nonEmptyWords,
  popcount32,
  slotsOf,
} from '../../src/server/modules/violations/facts.bits.ts';
import { listInMemory } from '../../src/server/modules/violations/facts.list.ts';
import {
  dayNumber,
  FactsMemory,
  POST_ACT_TYPE,
  POST_REGION,
} from '../../src/server/modules/violations/facts.memory.ts';
import { codeFilter, dateOk, matchingSlots } from '../../src/server/modules/violations/facts.scan.ts';

const snap = (g: string, date: string | null, types: string[], r = 0): Snap => ({
  r,
  g,
  d: null,
  s: null,
  date,
  rel: [],
  acts: types.map((t) => ({ t, v: null, p: [], pr: [], R: [] })),
});
const id = (i: number) => `ev-${String(i).padStart(6, '0')}`;
const everyone = { restrictedVisible: new Set<number>() };

test('popcount and set enumeration agree with a plain count', () => {
  for (const x of [0, 1, 0x80000000, 0xffffffff, 0x12345678]) {
    assert.equal(popcount32(x), [...(x >>> 0).toString(2)].filter((b) => b === '1').length);
  }
  const w = new Uint32Array([0b1011, 0, 0x80000001]);
  assert.deepEqual([...slotsOf(w)], [0, 1, 3, 64, 95]);
  assert.equal(countBits(w), 5);
  assert.equal(countAnd(w, new Uint32Array([0b0011, 7]), nonEmptyWords(w)), 2);
});

test('dates compare as numbers the way the tables compare the text', () => {
  const mem = new FactsMemory();
  const c = codeFilter(mem, { from: '2022-03', to: '2022-06' });
  assert.equal(dateOk(c, dayNumber('2022-03')), true);
  assert.equal(dateOk(c, dayNumber('2022-06-30')), true);
  assert.equal(dateOk(c, dayNumber('2022')), false, 'a year alone sorts before March');
  assert.equal(dateOk(c, dayNumber('2022-07')), false);
  assert.equal(dateOk(c, dayNumber(null)), false, 'no date passes no date filter');
  const y = codeFilter(mem, { to: '2022' });
  assert.equal(dateOk(y, dayNumber('2022-12-31')), true);
  assert.equal(dateOk(y, dayNumber('2023')), false);
});

test('sets stay exact through growth, edits, restriction and removal', () => {
  const mem = new FactsMemory();
  // More slots than the first allocation (1,024), so every set grows while filled.
  for (let i = 0; i < 3000; i++)
    mem.set(
      id(i),
      0,
      snap(i % 3 === 0 ? 'KG-O' : 'KG-C', `20${10 + (i % 10)}`, ['A', i % 2 ? 'B' : 'A']),
      true,
    );
  const count = (f: Record<string, string>) => matchingSlots(mem, codeFilter(mem, f), everyone).length;
  assert.equal(count({ region: 'KG-O' }), 1000);
  assert.equal(count({ region: 'KG-O', actType: 'B' }), 500);
  assert.equal(count({ from: '2015', to: '2015' }), 300);
  // An edit moves the event: the old codes are cleared, not only the new ones set.
  mem.set(id(0), 0, snap('KG-C', '2015', ['B']));
  assert.equal(count({ region: 'KG-O' }), 999);
  assert.equal(count({ actType: 'A' }), 2999);
  assert.equal(count({ from: '2015', to: '2015' }), 301);
  // Restricted: gone for outsiders, back for a member.
  mem.set(id(3), 1, snap('KG-O', '2013', ['A']));
  assert.equal(count({ region: 'KG-O' }), 998);
  const slot = mem.slotOf.get(id(3))!;
  const member = { restrictedVisible: new Set([slot]) };
  assert.equal(matchingSlots(mem, codeFilter(mem, { region: 'KG-O' }), member).length, 999);
  // Removed: in no set, and a new event after it takes a new slot.
  mem.set(id(6), 0, null);
  assert.equal(count({ region: 'KG-O' }), 997);
  mem.set(id(5000), 0, snap('KG-O', '2019', ['Z']));
  assert.equal(count({ actType: 'Z' }), 1);
  assert.equal(count({ actType: 'never-seen' }), 0);
  assert.ok(mem.bits(POST_REGION, mem.codes.peek('KG-O')));
  // The list agrees: page newest id first, facets under the other filters.
  const list = listInMemory(mem, everyone, { region: 'KG-O', actType: 'B' }, 0, 3);
  assert.equal(list.total, 499);
  assert.deepEqual(list.ids, [id(2997), id(2991), id(2985)]);
  assert.deepEqual(
    list.region.map((r) => r.code),
    ['KG-C', 'KG-O'],
    'regions counted without the region filter',
  );
  const types = Object.fromEntries(list.actType.map((r) => [r.code, r.count]));
  assert.equal(types.A, 997, 'act types counted without the act-type filter');
  assert.equal(types.Z, 1);
  assert.equal(mem.codesOf(POST_ACT_TYPE).size, 3);
});

test('the newest events come first also when they arrived out of id order', () => {
  const mem = new FactsMemory();
  for (let i = 0; i < 100; i++) mem.set(id(i * 10), 0, snap('KG-O', null, ['A']), true);
  // Written on another node, read later from the log: below ids already held.
  mem.set(id(985), 0, snap('KG-O', null, ['A']));
  mem.set(id(5), 0, snap('KG-O', null, ['A']));
  mem.set(id(2000), 0, snap('KG-O', null, ['A']));
  assert.equal(mem.stragglers.length, 2);
  const page = (offset: number, limit: number) => listInMemory(mem, everyone, {}, offset, limit).ids;
  assert.deepEqual(page(0, 4), [id(2000), id(990), id(985), id(980)]);
  assert.deepEqual(page(100, 3), [id(10), id(5), id(0)]);
});
