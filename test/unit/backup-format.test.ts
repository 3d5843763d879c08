import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  ChunkReader,
  ChunkWriter,
  MAGIC,
  newBackupKey,
  openBackupKey,
} from '../../src/server/platform/backup/format.ts';
import { safeTarget } from '../../src/server/platform/backup/files.ts';
import { tempDir } from '../helpers/db.ts';

const PASS = 'a long enough backup passphrase';
const CHUNK = 1024;

/** Offsets of every chunk (length prefix included) after the header. */
function chunkOffsets(buf: Buffer): Array<{ start: number; end: number }> {
  let pos = MAGIC.length + 5 + buf.readUInt32BE(MAGIC.length + 1);
  const out: Array<{ start: number; end: number }> = [];
  while (pos < buf.length) {
    const end = pos + 4 + buf.readUInt32BE(pos) + 16;
    out.push({ start: pos, end });
    pos = end;
  }
  return out;
}

/** Read `n` plaintext bytes (in 100-byte steps, across chunk boundaries) and expect the clean end. */
async function readAll(file: string, n: number, pass = PASS): Promise<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const { key, dataStart } = await openBackupKey(fh, pass);
    const r = new ChunkReader(fh, key, dataStart);
    const parts: Buffer[] = [];
    for (let left = n; left > 0; left -= 100) parts.push((await r.read(Math.min(100, left)))!);
    assert.equal(await r.read(1), null, 'clean end');
    return Buffer.concat(parts);
  } finally {
    await fh.close();
  }
}

describe('backup container format', () => {
  let dir: string;
  let file: string;
  let good: Buffer;
  // 5 full chunks and a partial one; 100-byte reads fall across chunk boundaries.
  const plain = randomBytes(CHUNK * 5 + 300);

  before(async () => {
    dir = tempDir('ukuk-bkfmt-');
    file = path.join(dir, 'good.ukuk');
    const w = await ChunkWriter.create(file, await newBackupKey(PASS, CHUNK));
    await w.write(plain.subarray(0, 1000));
    await w.write(plain.subarray(1000));
    await w.close();
    good = fs.readFileSync(file);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const variant = (name: string, bytes: Buffer) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, bytes);
    return f;
  };

  test('round trip, header in clear, content not', async () => {
    assert.ok(good.subarray(0, MAGIC.length).equals(MAGIC));
    assert.match(good.toString('latin1', 0, 200), /"alg":"argon2id","m":65536,"t":3/);
    assert.equal(good.indexOf(plain.subarray(0, 32)), -1);
    assert.deepEqual(await readAll(file, plain.length), plain);
  });

  test('reading past the end of the data is reported as damage', async () => {
    await assert.rejects(readAll(file, plain.length + 50), /ends inside a record/);
  });

  test('wrong passphrase is named as such', async () => {
    await assert.rejects(readAll(file, plain.length, 'another passphrase!'), /Wrong backup passphrase/);
  });

  test('passphrases shorter than 12 characters are refused', async () => {
    await assert.rejects(newBackupKey('elevenchars'), /at least 12/);
    await newBackupKey('twelve chars');
  });

  test('truncation anywhere is detected, also exactly between chunks', async () => {
    const chunks = chunkOffsets(good);
    assert.equal(chunks.length, 6);
    for (const cut of [chunks[5]!.start, chunks[3]!.start, chunks[2]!.start + 7, good.length - 1]) {
      await assert.rejects(readAll(variant(`cut${cut}`, good.subarray(0, cut)), plain.length), /truncated/);
    }
  });

  test('reordered, dropped or duplicated chunks are detected', async () => {
    const c = chunkOffsets(good).map((o) => good.subarray(o.start, o.end));
    const head = good.subarray(0, chunkOffsets(good)[0]!.start);
    const swapped = Buffer.concat([head, c[1]!, c[0]!, ...c.slice(2)]);
    const dropped = Buffer.concat([head, c[0]!, ...c.slice(2)]);
    const dup = Buffer.concat([head, ...c, c[5]!]);
    await assert.rejects(readAll(variant('swap', swapped), plain.length), /block 0 fails authentication/);
    await assert.rejects(readAll(variant('drop', dropped), plain.length), /block 1 fails authentication/);
    await assert.rejects(readAll(variant('dup', dup), plain.length), /after the last block/);
  });

  test('a flipped bit in any chunk or in the header is detected', async () => {
    for (const at of [chunkOffsets(good)[0]!.start + 10, Math.floor(good.length / 2), good.length - 3]) {
      const b = Buffer.from(good);
      b[at]! ^= 0x01;
      await assert.rejects(
        readAll(variant(`flip${at}`, b), plain.length),
        /fails authentication|bad length|truncated/,
      );
    }
    // A header edit that still parses (a bigger chunk size) breaks every chunk's associated data.
    const edited = Buffer.from(
      good.toString('latin1').replace('"chunkSize":1024', '"chunkSize":2048'),
      'latin1',
    );
    await assert.rejects(readAll(variant('hdr', edited), plain.length), /fails authentication/);
  });

  test('restored file names cannot leave the files folder', () => {
    const root = path.resolve('/data/files');
    assert.equal(safeTarget(root, 'a/b.bin'), path.join(root, 'a', 'b.bin'));
    for (const bad of ['../x', 'a/../../x', '/etc/passwd', '', 'a//b', './a', 'a\\..\\b']) {
      assert.throws(() => safeTarget(root, bad), /bad file name/);
    }
  });
});
