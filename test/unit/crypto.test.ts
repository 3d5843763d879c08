import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { open, seal } from '../../src/server/platform/crypto/aead.ts';
import { Envelope } from '../../src/server/platform/crypto/envelope.ts';

describe('envelope encryption', () => {
  const env = new Envelope(randomBytes(32));

  test('a field decrypts only in its own table, row and column', () => {
    const { key, wrapped } = env.newRecordKey('people', 'id-1');
    const ct = key.encrypt('name', 'Айгүл Исмаилова');
    assert.equal(env.openRecordKey('people', 'id-1', wrapped).decrypt('name', ct), 'Айгүл Исмаилова');
    assert.throws(() => key.decrypt('alias', ct), /authentication failed/);
    assert.throws(() => env.openRecordKey('people', 'id-2', wrapped), /authentication failed/);
    assert.throws(() => env.openRecordKey('cases', 'id-1', wrapped), /authentication failed/);
  });

  test('ciphertext does not contain the plaintext and differs each time', () => {
    const { key } = env.newRecordKey('people', 'x');
    const a = key.encrypt('name', 'MARKER-PLAIN');
    const b = key.encrypt('name', 'MARKER-PLAIN');
    assert.notEqual(a, b);
    assert.ok(!Buffer.from(a, 'base64').includes('MARKER'));
  });

  test('a flipped bit is detected', () => {
    const k = randomBytes(32);
    const box = seal(k, Buffer.from('testimony'), 'aad');
    box[box.length - 1]! ^= 1;
    assert.throws(() => open(k, box, 'aad'));
  });

  test('another KEK cannot unwrap a data key (crypto-shredding: no KEK, no data)', () => {
    const { wrapped } = env.newRecordKey('people', 'id-1');
    assert.throws(() => new Envelope(randomBytes(32)).openRecordKey('people', 'id-1', wrapped));
  });

  test('blind index: normalised, keyed and purpose-separated', () => {
    assert.equal(env.blindIndex('p', 'ЁЛКА Өмүр'), env.blindIndex('p', 'елка өмүр'));
    assert.notEqual(env.blindIndex('p', 'өмүр'), env.blindIndex('p', 'омур'));
    assert.notEqual(env.blindIndex('p', 'x'), env.blindIndex('q', 'x'));
    assert.notEqual(env.blindIndex('p', 'x'), new Envelope(randomBytes(32)).blindIndex('p', 'x'));
  });

  test('round trip holds for any text (property)', () => {
    const { key } = env.newRecordKey('t', 'i');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => key.decrypt('f', key.encrypt('f', s)) === s),
      { numRuns: 200 },
    );
  });
});
