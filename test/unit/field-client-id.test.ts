import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UUID_RE } from '../../src/core/ids.ts';
import { Uuid } from '../../src/core/schemas/common.ts';
import { newClientId } from '../../src/web/features/field/clientId.ts';

test('client ids are UUIDv7 the server accepts, carrying the time they were made', () => {
  const at = Date.UTC(2026, 11, 1, 6, 30, 15, 123);
  const id = newClientId(at);
  assert.match(id, UUID_RE);
  assert.equal(id[14], '7', 'version 7');
  assert.ok('89ab'.includes(id[19]!), 'RFC 9562 variant');
  assert.equal(Uuid.safeParse(id).success, true);
  assert.equal(parseInt(id.replace(/-/g, '').slice(0, 12), 16), at);
});

test('client ids grow with time (index-friendly) and never repeat within a millisecond', () => {
  const t = Date.UTC(2026, 11, 1);
  const ids = Array.from({ length: 20_000 }, (_, i) => newClientId(t + Math.floor(i / 1000)));
  assert.equal(new Set(ids).size, ids.length);
  const ms = ids.map((id) => id.slice(0, 13));
  assert.deepEqual([...ms].sort(), ms, 'ordered by the millisecond they were made');
  assert.ok(newClientId(t + 1) > newClientId(t));
});
