import fs from 'node:fs';
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';

/**
 * The encrypted container of a backup file (see docs/adr, "Backup file format"):
 *
 *   "UKUKBACKUP" | u8 version | u32 header length | header JSON (clear: KDF parameters, salt, key check)
 *   then chunks: u32 ciphertext length | AES-256-GCM ciphertext | 16-byte tag
 *
 * Each chunk carries at most `chunkSize` plaintext bytes. Its nonce is its index, and its associated data
 * binds the header hash, the index and a "final" flag, so that a flipped bit, reordered or dropped chunks
 * and a file cut anywhere (even exactly between chunks) are all detected. Memory use is one chunk.
 */

/** An error whose message can be shown as is (wrong passphrase, damaged file, refused target). */
export class BackupError extends Error {}

/** First bytes of every backup file. */
export const MAGIC = Buffer.from('UKUKBACKUP', 'ascii');
/** Container format version, the byte after the magic; bumped on any incompatible change. */
export const FORMAT_VERSION = 1;
/** Shortest accepted backup passphrase, in characters (code points). */
export const MIN_PASSPHRASE_LENGTH = 12;
const DEFAULT_CHUNK = 1024 * 1024;
const TAG_LEN = 16;
const MAX_HEADER = 4096;
/** Argon2id cost for the backup key: ≥ 64 MiB and 3 passes (issue #2), like the seal passphrase. */
const KDF = { m: 65536, t: 3, p: 1 } as const;

interface Header {
  kdf: { alg: 'argon2id'; m: number; t: number; p: number; salt: string };
  cipher: 'aes-256-gcm';
  chunkSize: number;
  check: string;
}

/** The derived encryption key of one backup file, with the header it is bound to. */
export interface BackupKey {
  enc: Buffer;
  header: Buffer;
  headerHash: Buffer;
  chunkSize: number;
}

async function deriveKeys(passphrase: string, kdf: Header['kdf']): Promise<{ enc: Buffer; check: Buffer }> {
  const master = Buffer.from(
    await hashRaw(passphrase, {
      salt: Buffer.from(kdf.salt, 'base64'),
      memoryCost: kdf.m,
      timeCost: kdf.t,
      parallelism: kdf.p,
      outputLen: 32,
      algorithm: 2,
    }),
  );
  // Separate subkeys: the clear check value must say nothing about the encryption key.
  const enc = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'ukuk backup v1 enc', 32));
  const check = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'ukuk backup v1 check', 16));
  master.fill(0);
  return { enc, check };
}

function encodeHeader(h: Header): Buffer {
  const json = Buffer.from(JSON.stringify(h), 'utf8');
  const pre = Buffer.alloc(MAGIC.length + 5);
  MAGIC.copy(pre);
  pre.writeUInt8(FORMAT_VERSION, MAGIC.length);
  pre.writeUInt32BE(json.length, MAGIC.length + 1);
  return Buffer.concat([pre, json]);
}

/** Derive a fresh key (random salt) for a new backup; `chunkSize` is only lowered by tests. */
export async function newBackupKey(passphrase: string, chunkSize = DEFAULT_CHUNK): Promise<BackupKey> {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new BackupError(`The backup passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`);
  }
  const kdf = { alg: 'argon2id' as const, ...KDF, salt: randomBytes(16).toString('base64') };
  const { enc, check } = await deriveKeys(passphrase, kdf);
  const header = encodeHeader({ kdf, cipher: 'aes-256-gcm', chunkSize, check: check.toString('base64') });
  return { enc, header, headerHash: createHash('sha256').update(header).digest(), chunkSize };
}

function damaged(why: string): BackupError {
  return new BackupError(`The backup file is damaged or not a Ukuk backup (${why}).`);
}

function parseHeader(json: Buffer): Header {
  let h: Header;
  try {
    h = JSON.parse(json.toString('utf8')) as Header;
  } catch {
    throw damaged('unreadable header');
  }
  const k = h?.kdf;
  // Bounds keep a forged header from making us allocate gigabytes before the passphrase is checked.
  const ok =
    k?.alg === 'argon2id' &&
    Number.isInteger(k.m) &&
    k.m >= KDF.m &&
    k.m <= 4 * 1024 * 1024 &&
    Number.isInteger(k.t) &&
    k.t >= 1 &&
    k.t <= 64 &&
    Number.isInteger(k.p) &&
    k.p >= 1 &&
    k.p <= 16 &&
    typeof k.salt === 'string' &&
    typeof h.check === 'string' &&
    h.cipher === 'aes-256-gcm' &&
    Number.isInteger(h.chunkSize) &&
    h.chunkSize >= 1024 &&
    h.chunkSize <= 64 * 1024 * 1024;
  if (!ok) throw damaged('unsupported header');
  return h;
}

/** Read the clear header of an open backup file and derive its key; throws on a wrong passphrase. */
export async function openBackupKey(
  fh: fs.promises.FileHandle,
  passphrase: string,
): Promise<{ key: BackupKey; dataStart: number }> {
  const pre = Buffer.alloc(MAGIC.length + 5);
  const { bytesRead } = await fh.read(pre, 0, pre.length, 0);
  if (bytesRead < pre.length || !pre.subarray(0, MAGIC.length).equals(MAGIC))
    throw damaged('no Ukuk backup header');
  const version = pre.readUInt8(MAGIC.length);
  if (version !== FORMAT_VERSION)
    throw new BackupError(`Unsupported backup format version ${version}; use a newer Ukuk.`);
  const len = pre.readUInt32BE(MAGIC.length + 1);
  if (len > MAX_HEADER) throw damaged('header too long');
  const json = Buffer.alloc(len);
  if ((await fh.read(json, 0, len, pre.length)).bytesRead < len) throw damaged('truncated header');
  const h = parseHeader(json);
  const { enc, check } = await deriveKeys(passphrase, h.kdf);
  const stored = Buffer.from(h.check, 'base64');
  if (stored.length !== check.length || !timingSafeEqual(stored, check)) {
    throw new BackupError('Wrong backup passphrase (or the header of the backup file is damaged).');
  }
  const header = Buffer.concat([pre, json]);
  return {
    key: { enc, header, headerHash: createHash('sha256').update(header).digest(), chunkSize: h.chunkSize },
    dataStart: header.length,
  };
}

function nonce(index: number): Buffer {
  const n = Buffer.alloc(12);
  n.writeBigUInt64BE(BigInt(index), 4);
  return n;
}

function aad(key: BackupKey, index: number, final: boolean): Buffer {
  const tail = Buffer.alloc(9);
  tail.writeBigUInt64BE(BigInt(index), 0);
  tail.writeUInt8(final ? 1 : 0, 8);
  return Buffer.concat([key.headerHash, tail]);
}

/**
 * Writes plaintext into sealed chunks. The key is unique to the file (random salt), so the chunk index is
 * a safe nonce. Call `close()` to seal the final chunk; without it the file reads as truncated.
 */
export class ChunkWriter {
  private buf: Buffer;
  private used = 0;
  private index = 0;
  private written = 0;

  constructor(
    private readonly fh: fs.promises.FileHandle,
    private readonly key: BackupKey,
  ) {
    this.buf = Buffer.alloc(key.chunkSize);
  }

  /** Create the file (never overwriting) and write the clear header. */
  static async create(file: string, key: BackupKey): Promise<ChunkWriter> {
    const fh = await fs.promises.open(file, 'wx', 0o600);
    const w = new ChunkWriter(fh, key);
    await w.raw(key.header);
    return w;
  }

  get bytesWritten(): number {
    return this.written;
  }

  async write(data: Buffer): Promise<void> {
    let off = 0;
    while (off < data.length) {
      const n = Math.min(data.length - off, this.buf.length - this.used);
      data.copy(this.buf, this.used, off, off + n);
      this.used += n;
      off += n;
      if (this.used === this.buf.length) await this.flush(false);
    }
  }

  /** Seal the final chunk (possibly empty), sync and close the file. */
  async close(): Promise<void> {
    await this.flush(true);
    await this.fh.sync();
    await this.fh.close();
  }

  /** Close without finishing (after an error); the caller removes the file. */
  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }

  private async flush(final: boolean): Promise<void> {
    const c = createCipheriv('aes-256-gcm', this.key.enc, nonce(this.index));
    c.setAAD(aad(this.key, this.index, final));
    const ct = Buffer.concat([c.update(this.buf.subarray(0, this.used)), c.final()]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(ct.length);
    await this.raw(Buffer.concat([len, ct, c.getAuthTag()]));
    this.index += 1;
    this.used = 0;
  }

  private async raw(b: Buffer): Promise<void> {
    let off = 0;
    while (off < b.length) off += (await this.fh.write(b, off, b.length - off)).bytesWritten;
    this.written += b.length;
  }
}

/** Reads and authenticates chunks in order; `read(n)` returns exactly n bytes, or null at the clean end. */
export class ChunkReader {
  private plain: Buffer = Buffer.alloc(0);
  private pos = 0;
  private index = 0;
  private done = false;

  constructor(
    private readonly fh: fs.promises.FileHandle,
    private readonly key: BackupKey,
    private filePos: number,
  ) {}

  async read(n: number): Promise<Buffer | null> {
    const parts: Buffer[] = [];
    let need = n;
    while (need > 0) {
      if (this.pos === this.plain.length) {
        if (this.done) {
          if (need === n) return null;
          throw damaged('the data ends inside a record');
        }
        await this.nextChunk();
        continue;
      }
      const take = Math.min(need, this.plain.length - this.pos);
      parts.push(this.plain.subarray(this.pos, this.pos + take));
      this.pos += take;
      need -= take;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  private async exact(n: number): Promise<Buffer> {
    const b = Buffer.alloc(n);
    const { bytesRead } = await this.fh.read(b, 0, n, this.filePos);
    if (bytesRead < n) throw new BackupError('The backup file is truncated (it ends before its last block).');
    this.filePos += n;
    return b;
  }

  private async nextChunk(): Promise<void> {
    const len = (await this.exact(4)).readUInt32BE(0);
    if (len > this.key.chunkSize) throw damaged(`block ${this.index} has a bad length`);
    const body = await this.exact(len + TAG_LEN);
    // The writer seals full chunks as they fill and always ends with a shorter (possibly empty) final one.
    const final = len < this.key.chunkSize;
    const plain = this.tryOpen(body.subarray(0, len), body.subarray(len), final);
    if (!plain) throw damaged(`block ${this.index} fails authentication`);
    this.plain = plain;
    this.pos = 0;
    this.index += 1;
    this.done = final;
    if (final && (await this.fh.read(Buffer.alloc(1), 0, 1, this.filePos)).bytesRead > 0)
      throw damaged('data after the last block');
  }

  private tryOpen(ct: Buffer, tag: Buffer, final: boolean): Buffer | null {
    try {
      const d = createDecipheriv('aes-256-gcm', this.key.enc, nonce(this.index));
      d.setAAD(aad(this.key, this.index, final));
      d.setAuthTag(tag);
      return Buffer.concat([d.update(ct), d.final()]);
    } catch {
      return null;
    }
  }
}
