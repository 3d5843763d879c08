import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RecordKey } from '../crypto/envelope.ts';

/**
 * The encrypted file store under `<dataDir>/files/`. Every stored file belongs to one record and is
 * encrypted under that record's data key (deleting the record's key shreds the file too).
 *
 * Format (version 1), all integers big-endian:
 *   header   "UKUKFILE" | u8 version (1) | u8 0 | u32 chunk size (64 KiB)
 *   chunks   u32 length | u8 flags (1 = final) | envelope `[v1][iv12][tag16][ct]` (aead.ts)
 * Each chunk has its own random nonce and is sealed with the associated data
 * `<table>:<id>:<field>:<index>:<final|more>`, so a chunk moved to another file, another position,
 * a file cut after any chunk, data appended after the final chunk, or a flipped flag all fail to
 * decrypt. Every non-final chunk holds exactly `chunk size` bytes of plaintext.
 */
export const CHUNK_SIZE = 64 * 1024;
const MAGIC = Buffer.from('UKUKFILE', 'latin1');
const VERSION = 1;
const HEADER_LEN = MAGIC.length + 6;
const ENVELOPE_OVERHEAD = 29;
const STORAGE_KEY = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;
const STALE_TEMP_MS = 24 * 3_600_000;

/** Why a stored file could not be read back as it was written. */
export type IntegrityProblem = 'missing' | 'damaged' | 'mismatch';

export class FileIntegrityError extends Error {
  constructor(readonly problem: IntegrityProblem) {
    super(`stored file ${problem}`);
  }
}

export interface StoredFile {
  storageKey: string;
  size: number;
  sha256: string;
}

const chunkAad = (field: string, index: number, final: boolean) =>
  `${field}:${index}:${final ? 'final' : 'more'}`;

/** The folder of stored files inside a data folder (the backup carries it). */
export function filesRoot(dataDir: string): string {
  return path.join(dataDir, 'files');
}

const sweptTemp = new Set<string>();

export class FileStore {
  readonly root: string;
  /** Files being written; a sibling of `files/` so that backups never carry half-written uploads. */
  readonly tempDir: string;

  constructor(dataDir: string) {
    this.root = filesRoot(dataDir);
    this.tempDir = path.join(dataDir, 'files-incoming');
  }

  /** Absolute path of a stored file; refuses anything that is not a storage key this store made. */
  pathOf(storageKey: string): string {
    if (!STORAGE_KEY.test(storageKey)) throw new FileIntegrityError('missing');
    return path.join(this.root, ...storageKey.split('/'));
  }

  /**
   * Encrypt a stream into a new stored file and return where it is, its size and the SHA-256 of the
   * plaintext. Crash-safe: written under a temporary name, flushed to disk, then renamed into place
   * (and the folder flushed), so a stored file is either complete or absent. `maxBytes` is checked
   * as data arrives (`tooLarge` makes the error); any failure removes the temporary file and rethrows.
   */
  async write(
    key: RecordKey,
    field: string,
    source: AsyncIterable<Buffer>,
    opts: { maxBytes: number; tooLarge: () => Error },
  ): Promise<StoredFile> {
    await this.prepareTemp();
    const hex = randomBytes(16).toString('hex');
    const storageKey = `${hex.slice(0, 2)}/${hex}`;
    const temp = path.join(this.tempDir, `${hex}.part`);
    const fh = await fs.promises.open(temp, 'wx', 0o600);
    let closed = false;
    try {
      const header = Buffer.alloc(HEADER_LEN);
      MAGIC.copy(header, 0);
      header.writeUInt8(VERSION, MAGIC.length);
      header.writeUInt32BE(CHUNK_SIZE, MAGIC.length + 2);
      await fh.write(header);
      const hash = createHash('sha256');
      let size = 0;
      let index = 0;
      let pending: Buffer[] = [];
      let pendingLen = 0;
      const flush = async (chunk: Buffer, final: boolean) => {
        const box = key.encryptBytes(chunkAad(field, index, final), chunk);
        const head = Buffer.alloc(5);
        head.writeUInt32BE(box.length, 0);
        head.writeUInt8(final ? 1 : 0, 4);
        await fh.write(Buffer.concat([head, box]));
        index += 1;
      };
      for await (const data of source) {
        size += data.length;
        if (size > opts.maxBytes) throw opts.tooLarge();
        hash.update(data);
        pending.push(data);
        pendingLen += data.length;
        // Keep at least one byte back: only the end of the stream knows which chunk is final.
        if (pendingLen > CHUNK_SIZE) {
          let all = Buffer.concat(pending);
          while (all.length > CHUNK_SIZE) {
            await flush(all.subarray(0, CHUNK_SIZE), false);
            all = all.subarray(CHUNK_SIZE);
          }
          pending = [all];
          pendingLen = all.length;
        }
      }
      await flush(Buffer.concat(pending), true);
      await fh.sync();
      await fh.close();
      closed = true;
      const target = this.pathOf(storageKey);
      await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await fs.promises.rename(temp, target);
      await syncDir(path.dirname(target));
      return { storageKey, size, sha256: hash.digest('hex') };
    } catch (e) {
      if (!closed) await fh.close().catch(() => undefined);
      await fs.promises.rm(temp, { force: true });
      throw e;
    }
  }

  /**
   * The plaintext of a stored file, chunk by chunk; each chunk is authenticated before it is given out,
   * and a missing, cut, reordered or altered file throws `FileIntegrityError`.
   */
  async *read(key: RecordKey, field: string, storageKey: string): AsyncGenerator<Buffer> {
    let fh: fs.promises.FileHandle;
    try {
      fh = await fs.promises.open(this.pathOf(storageKey), 'r');
    } catch (e) {
      if (e instanceof FileIntegrityError || (e as NodeJS.ErrnoException).code === 'ENOENT')
        throw new FileIntegrityError('missing');
      throw e;
    }
    try {
      const header = await readExactly(fh, HEADER_LEN);
      if (!header?.subarray(0, MAGIC.length).equals(MAGIC) || header[MAGIC.length] !== VERSION)
        throw new FileIntegrityError('damaged');
      const chunkSize = header.readUInt32BE(MAGIC.length + 2);
      if (chunkSize !== CHUNK_SIZE) throw new FileIntegrityError('damaged');
      for (let index = 0; ; index += 1) {
        const head = await readExactly(fh, 5);
        if (!head) throw new FileIntegrityError('damaged'); // cut before the final chunk
        const len = head.readUInt32BE(0);
        const final = head[4] === 1;
        if (head[4]! > 1 || len < ENVELOPE_OVERHEAD || len > chunkSize + ENVELOPE_OVERHEAD)
          throw new FileIntegrityError('damaged');
        const box = await readExactly(fh, len);
        if (!box) throw new FileIntegrityError('damaged');
        let plain: Buffer;
        try {
          plain = key.decryptBytes(chunkAad(field, index, final), box);
        } catch {
          throw new FileIntegrityError('damaged');
        }
        if (!final && plain.length !== chunkSize) throw new FileIntegrityError('damaged');
        yield plain;
        if (final) {
          if (await readExactly(fh, 1)) throw new FileIntegrityError('damaged'); // appended data
          return;
        }
      }
    } finally {
      await fh.close();
    }
  }

  /** Read the whole file back and compare the SHA-256 of its plaintext with the one recorded at upload. */
  async verify(
    key: RecordKey,
    field: string,
    storageKey: string,
    expected: { sha256: string; size: number },
  ): Promise<{ ok: true; sha256: string } | { ok: false; problem: IntegrityProblem; sha256: string | null }> {
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of this.read(key, field, storageKey)) {
        hash.update(chunk);
        size += chunk.length;
      }
    } catch (e) {
      if (e instanceof FileIntegrityError) return { ok: false, problem: e.problem, sha256: null };
      throw e;
    }
    const sha256 = hash.digest('hex');
    if (sha256 !== expected.sha256 || size !== expected.size)
      return { ok: false, problem: 'mismatch', sha256 };
    return { ok: true, sha256 };
  }

  /** Remove a stored file (after a failed insert, or when its record is deleted). */
  async remove(storageKey: string): Promise<void> {
    await fs.promises.rm(this.pathOf(storageKey), { force: true });
  }

  /** Storage keys of every file in the store (for the orphan report of `ukuk files verify`). */
  async listKeys(): Promise<string[]> {
    const out: string[] = [];
    let dirs: fs.Dirent[];
    try {
      dirs = await fs.promises.readdir(this.root, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return out;
      throw e;
    }
    for (const d of dirs.filter((x) => x.isDirectory())) {
      for (const f of await fs.promises.readdir(path.join(this.root, d.name)))
        if (STORAGE_KEY.test(`${d.name}/${f}`)) out.push(`${d.name}/${f}`);
    }
    return out.sort();
  }

  /** Create the temporary folder; once per process, drop uploads a crash left half-written. */
  private async prepareTemp(): Promise<void> {
    await fs.promises.mkdir(this.tempDir, { recursive: true, mode: 0o700 });
    if (sweptTemp.has(this.tempDir)) return;
    sweptTemp.add(this.tempDir);
    const now = Date.now();
    for (const f of await fs.promises.readdir(this.tempDir)) {
      const p = path.join(this.tempDir, f);
      const st = await fs.promises.stat(p).catch(() => null);
      if (st && now - st.mtimeMs > STALE_TEMP_MS) await fs.promises.rm(p, { force: true });
    }
  }
}

async function readExactly(fh: fs.promises.FileHandle, n: number): Promise<Buffer | null> {
  const buf = Buffer.alloc(n);
  let got = 0;
  while (got < n) {
    const { bytesRead } = await fh.read(buf, got, n - got, null);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  if (got === 0) return null;
  if (got < n) throw new FileIntegrityError('damaged');
  return buf;
}

/** Flush a folder's entries (the rename) to disk; not every platform can open a folder. */
async function syncDir(dir: string): Promise<void> {
  let fh: fs.promises.FileHandle | undefined;
  try {
    fh = await fs.promises.open(dir, 'r');
    await fh.sync();
  } catch {
    /* best effort where folders cannot be opened */
  } finally {
    await fh?.close().catch(() => undefined);
  }
}
