import { BackupError, type ChunkReader, type ChunkWriter } from './format.ts';

/**
 * The plaintext inside the encrypted container is a sequence of records: u8 type | u32 length | body.
 * Order: one manifest, then per table a table record followed by its rows (JSON objects, one per record,
 * i.e. JSON lines with a length prefix), then per file a file record, its data pieces and a file-end
 * record, and last an end record with counts. Bodies are JSON except file data, which is raw bytes.
 */
export const RecordType = {
  manifest: 0x4d, // 'M'
  table: 0x54, // 'T'
  row: 0x52, // 'R'
  file: 0x46, // 'F'
  data: 0x44, // 'D'
  fileEnd: 0x45, // 'E'
  end: 0x5a, // 'Z'
} as const;
/** One of the record type bytes. */
export type RecordTypeCode = (typeof RecordType)[keyof typeof RecordType];

/** Largest record body accepted when reading; bounds memory even for a (authenticated but) odd file. */
const MAX_RECORD = 64 * 1024 * 1024;

/** What a backup holds besides the rows and files; written first, read before anything is restored. */
export interface Manifest {
  app: 'ukuk';
  createdAt: string;
  /** The database the backup was taken from (informational: the format is the same for both). */
  source: 'sqlite' | 'postgres';
  /** Kysely migrations applied at the source, in order; the restore migrates to exactly this point first. */
  migrations: string[];
  sealMode: 'keyfile' | 'passphrase';
  /** Base64 key-encryption key from the key file (key-file mode only); null in passphrase mode. */
  keyFile: string | null;
  tables: string[];
}

/** The last record: counts that the reader checks against what it saw. */
export interface EndRecord {
  rows: Record<string, number>;
  files: number;
  fileBytes: number;
}

/** Writes length-prefixed records into the encrypted chunk stream. */
export class RecordWriter {
  constructor(private readonly w: ChunkWriter) {}

  async write(type: RecordTypeCode, body: Buffer): Promise<void> {
    const pre = Buffer.alloc(5);
    pre.writeUInt8(type, 0);
    pre.writeUInt32BE(body.length, 1);
    await this.w.write(pre);
    await this.w.write(body);
  }

  async json(type: RecordTypeCode, value: unknown): Promise<void> {
    await this.write(type, Buffer.from(JSON.stringify(value), 'utf8'));
  }
}

/** A record as read: its type byte and body. */
export interface BackupRecord {
  type: number;
  body: Buffer;
}

/** Reads the records back, bounding the size of each. */
export class RecordReader {
  constructor(private readonly r: ChunkReader) {}

  /** The next record, or null at the clean end of the plaintext. */
  async next(): Promise<BackupRecord | null> {
    const pre = await this.r.read(5);
    if (!pre) return null;
    const len = pre.readUInt32BE(1);
    if (len > MAX_RECORD) throw new BackupError('The backup file is damaged (record too large).');
    const body = len === 0 ? Buffer.alloc(0) : await this.r.read(len);
    if (!body) throw new BackupError('The backup file is damaged (the data ends inside a record).');
    return { type: pre.readUInt8(0), body };
  }
}

/** Parse a JSON record body; a malformed one means a damaged or foreign file. */
export function parseJson<T>(rec: BackupRecord): T {
  try {
    return JSON.parse(rec.body.toString('utf8')) as T;
  } catch {
    throw new BackupError('The backup file is damaged (unreadable record).');
  }
}
