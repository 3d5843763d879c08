// The random pool hands each byte out once: GCM nonces and ids drawn from it never repeat or overlap.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomChunk } from '../../src/core/random.ts';
import { UUID_RE, uuidv7 } from '../../src/core/ids.ts';

test('draws never share bytes, across refills, and a draw written over leaves the next one alone', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 20_000; i++) {
    const b = randomChunk(12);
    assert.equal(b.length, 12);
    const hex = b.toString('hex');
    assert.ok(!seen.has(hex), 'a 12-byte nonce repeated');
    seen.add(hex);
    b.fill(0); // callers may write over their chunk (uuidv7 does)
  }
  const a = randomChunk(16);
  const c = randomChunk(16);
  assert.notEqual(a.toString('hex'), c.toString('hex'));
  assert.notEqual(c.toString('hex'), '0'.repeat(32));
  assert.throws(() => randomChunk(257), RangeError);
});

test('ids stay valid, unique and ordered', () => {
  const ids = Array.from({ length: 50_000 }, () => uuidv7());
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids.slice(0, 1000)) assert.match(id, UUID_RE);
  assert.deepEqual([...ids].sort(), ids);
});
