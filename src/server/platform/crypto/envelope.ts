import { createHmac, hkdfSync } from 'node:crypto';
import { randomKey } from '../../../core/random.ts';
import { normalizeText } from '../../../core/text.ts';
import { open, seal } from './aead.ts';

/** A record's own data key, unwrapped: encrypts and decrypts that record's fields. */
export class RecordKey {
  constructor(
    private readonly dek: Buffer,
    private readonly table: string,
    private readonly id: string,
  ) {}

  encrypt(field: string, value: string): string;
  encrypt(field: string, value: string | null): string | null;
  encrypt(field: string, value: string | null): string | null {
    if (value === null) return null;
    return seal(this.dek, Buffer.from(value, 'utf8'), this.aad(field)).toString('base64');
  }

  decrypt(field: string, value: string): string;
  decrypt(field: string, value: string | null): string | null;
  decrypt(field: string, value: string | null): string | null {
    if (value === null) return null;
    return open(this.dek, Buffer.from(value, 'base64'), this.aad(field)).toString('utf8');
  }

  encryptBytes(field: string, value: Buffer): Buffer {
    return seal(this.dek, value, this.aad(field));
  }

  decryptBytes(field: string, value: Buffer): Buffer {
    return open(this.dek, value, this.aad(field));
  }

  private aad(field: string): string {
    return `${this.table}:${this.id}:${field}`;
  }
}

/**
 * Envelope encryption over a key-encryption key (KEK). Each record gets a random data key (DEK), stored
 * wrapped by the KEK beside the record; destroying the wrapped DEK shreds the record's ciphertexts.
 */
export class Envelope {
  private readonly bidxKey: Buffer;

  constructor(private readonly kek: Buffer) {
    this.bidxKey = Buffer.from(hkdfSync('sha256', kek, Buffer.alloc(0), 'ukuk blind index v1', 32));
  }

  /** A fresh data key for a new record, and its wrapped form to store in the record's `dek` column. */
  newRecordKey(table: string, id: string): { key: RecordKey; wrapped: string } {
    const dek = randomKey(32);
    const wrapped = seal(this.kek, dek, `dek:${table}:${id}`).toString('base64');
    return { key: new RecordKey(dek, table, id), wrapped };
  }

  openRecordKey(table: string, id: string, wrapped: string): RecordKey {
    const dek = open(this.kek, Buffer.from(wrapped, 'base64'), `dek:${table}:${id}`);
    return new RecordKey(dek, table, id);
  }

  /**
   * Unwrap a record's data key into `into` at `at` (32 bytes), for a worker thread that decrypts
   * records without ever holding the KEK (export rendering, ADR 0015); the temporary copy is wiped.
   */
  unwrapInto(table: string, id: string, wrapped: string, into: Uint8Array, at: number): void {
    const dek = open(this.kek, Buffer.from(wrapped, 'base64'), `dek:${table}:${id}`);
    into.set(dek, at);
    dek.fill(0);
  }

  /**
   * Keyed blind index: equality lookups on encrypted values without storing plaintext. `purpose`
   * separates index spaces so that the same name gives different tokens in different columns.
   */
  blindIndex(purpose: string, value: string): string {
    return createHmac('sha256', this.bidxKey)
      .update(`${purpose}\u0000${normalizeText(value)}`)
      .digest('hex');
  }

  /** A key for one purpose (e.g. backups of files), derived so that the KEK itself is never reused. */
  deriveKey(info: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.kek, Buffer.alloc(0), info, 32));
  }
}
