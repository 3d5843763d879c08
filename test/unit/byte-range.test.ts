import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseRange, sliceBytes } from '../../src/server/platform/files/range.ts';

async function collect(source: AsyncIterable<Buffer>): Promise<string> {
  const out: Buffer[] = [];
  for await (const b of source) out.push(b);
  return Buffer.concat(out).toString();
}

async function* pieces(text: string, size: number, closed: { yes: boolean }): AsyncGenerator<Buffer> {
  try {
    for (let i = 0; i < text.length; i += size) yield Buffer.from(text.slice(i, i + size));
  } finally {
    closed.yes = true;
  }
}

describe('byte ranges of stored files', () => {
  test('single ranges, open ends and suffixes; whatever else means the whole file', () => {
    assert.deepEqual(parseRange('bytes=0-99', 1000), { start: 0, end: 99 });
    assert.deepEqual(parseRange('bytes=900-', 1000), { start: 900, end: 999 });
    assert.deepEqual(parseRange('bytes=-100', 1000), { start: 900, end: 999 });
    assert.deepEqual(parseRange('bytes=-5000', 1000), { start: 0, end: 999 });
    assert.deepEqual(parseRange('bytes=990-5000', 1000), { start: 990, end: 999 }, 'cut at the end');
    assert.equal(parseRange(undefined, 1000), 'whole');
    assert.equal(parseRange('bytes=0-1,5-9', 1000), 'whole', 'several ranges');
    assert.equal(parseRange('items=0-1', 1000), 'whole');
    assert.equal(parseRange('bytes=-', 1000), 'whole');
    assert.equal(parseRange('bytes=50-10', 1000), 'whole', 'backwards: ignored');
    assert.equal(parseRange('bytes=1000-', 1000), 'unsatisfiable');
    assert.equal(parseRange('bytes=-0', 1000), 'unsatisfiable');
    assert.equal(parseRange('bytes=0-', 0), 'unsatisfiable');
  });

  test('cuts across pieces and stops reading once the range is complete', async () => {
    const text = 'abcdefghijklmnopqrstuvwxyz';
    const closed = { yes: false };
    assert.equal(await collect(sliceBytes(pieces(text, 5, closed), { start: 3, end: 12 })), 'defghijklm');
    assert.equal(closed.yes, true);
    const all = { yes: false };
    assert.equal(await collect(sliceBytes(pieces(text, 5, all), { start: 0, end: 25 })), text);
    assert.equal(await collect(sliceBytes(pieces(text, 7, all), { start: 25, end: 25 })), 'z');
    assert.equal(await collect(sliceBytes(pieces(text, 4, all), { start: 4, end: 7 })), 'efgh');
  });
});
