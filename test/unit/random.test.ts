// The random pool hands each byte out once: GCM nonces and ids drawn from it never repeat or overlap.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomChunk, randomKey } from '../../src/core/random.ts';
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

test('a key has a buffer of its own, differs from the next, and leaves no copy in the pool', () => {
  const a = randomKey(32);
  const b = randomKey(32);
  assert.equal(a.length, 32);
  assert.notEqual(a.toString('hex'), b.toString('hex'));
  assert.notEqual(a.toString('hex'), '0'.repeat(64));
  // Not a view of the pool: the whole underlying memory is the key's.
  assert.equal(a.buffer.byteLength, 32);
  // Between two draws from the same pool lies the key's place in it, wiped (retried across a refill).
  for (let i = 0; ; i++) {
    const before = randomChunk(1);
    const key = randomKey(32);
    const after = randomChunk(1);
    if (before.buffer !== after.buffer && i < 3) continue;
    assert.equal(after.byteOffset, before.byteOffset + 33);
    const place = new Uint8Array(after.buffer, before.byteOffset + 1, 32);
    assert.deepEqual([...place], new Array(32).fill(0));
    assert.notEqual(key.toString('hex'), '0'.repeat(64));
    break;
  }
});
