import { BackupError } from './format.ts';
import type { FileSink } from './files.ts';
import {
  parseJson,
  RecordType,
  type BackupRecord,
  type EndRecord,
  type Manifest,
  type RecordReader,
} from './records.ts';
import { batchSize, DATA_TABLES, type Row, type TableName } from './tables.ts';

/** Where replayed content goes: nowhere but checks (verification pass) or into the target (restore pass). */
export interface ReplaySink {
  manifest(m: Manifest): Promise<void>;
  rows(table: TableName, rows: Row[]): Promise<void>;
  openFile(rel: string): Promise<FileSink>;
}

function damaged(why: string): BackupError {
  return new BackupError(`The backup file is damaged (${why}).`);
}

function checkManifest(m: Manifest): Manifest {
  const ok =
    m?.app === 'ukuk' &&
    Array.isArray(m.migrations) &&
    m.migrations.every((x) => typeof x === 'string') &&
    Array.isArray(m.tables) &&
    (m.sealMode === 'keyfile' || m.sealMode === 'passphrase') &&
    (m.sealMode === 'passphrase' || typeof m.keyFile === 'string');
  if (!ok) throw damaged('bad manifest');
  const unknown = m.tables.filter((t) => !(DATA_TABLES as string[]).includes(t));
  if (unknown.length)
    throw new BackupError(
      `The backup has tables this version of Ukuk does not know (${unknown.join(', ')}); restore it with a newer Ukuk.`,
    );
  return m;
}

/**
 * Walks the records of a backup in their required order (manifest, tables with rows, files with data,
 * end) and hands them to a sink, checking row and file counts against the end record. Anything out of
 * order is reported as damage: the content is authenticated, so only a foreign or buggy writer gets here.
 */
class Replayer {
  private table: TableName | null = null;
  private batch: Row[] = [];
  private readonly seen = new Set<string>();
  private readonly rows: Record<string, number> = {};
  private file: { rel: string; sink: FileSink } | null = null;
  private files = 0;
  private fileBytes = 0;

  constructor(private readonly sink: ReplaySink) {}

  async run(reader: RecordReader): Promise<{ manifest: Manifest; end: EndRecord }> {
    const first = await reader.next();
    if (!first || first.type !== RecordType.manifest) throw damaged('no manifest');
    const manifest = checkManifest(parseJson<Manifest>(first));
    await this.sink.manifest(manifest);
    try {
      for (;;) {
        const rec = await reader.next();
        if (!rec) throw damaged('it ends before its end record');
        if (rec.type === RecordType.end) {
          const end = parseJson<EndRecord>(rec);
          await this.end(end, manifest);
          if (await reader.next()) throw damaged('records after the end record');
          return { manifest, end };
        }
        await this.record(rec, manifest);
      }
    } catch (e) {
      await this.file?.sink.abort();
      throw e;
    }
  }

  private async record(rec: BackupRecord, m: Manifest): Promise<void> {
    switch (rec.type) {
      case RecordType.table: {
        await this.flush();
        const { name } = parseJson<{ name: string }>(rec);
        if (!m.tables.includes(name) || this.seen.has(name) || this.file)
          throw damaged(`unexpected table ${name}`);
        this.seen.add(name);
        this.table = name as TableName;
        this.rows[name] = 0;
        return;
      }
      case RecordType.row: {
        if (!this.table) throw damaged('a row outside a table');
        this.batch.push(parseJson<Row>(rec));
        this.rows[this.table]! += 1;
        if (this.batch.length >= batchSize(this.batch[0]!)) await this.flush();
        return;
      }
      case RecordType.file:
        return this.openFile(parseJson<{ path: string }>(rec).path);
      case RecordType.data:
        if (!this.file) throw damaged('file data outside a file');
        return this.file.sink.write(rec.body);
      case RecordType.fileEnd:
        return this.closeFile(parseJson<{ size: number; sha256: string }>(rec));
      default:
        throw damaged(`unknown record type ${rec.type}`);
    }
  }

  private async flush(): Promise<void> {
    if (this.table && this.batch.length) await this.sink.rows(this.table, this.batch);
    this.batch = [];
  }

  private async openFile(rel: string): Promise<void> {
    await this.flush();
    this.table = null;
    if (this.file || typeof rel !== 'string') throw damaged('unexpected file record');
    this.file = { rel, sink: await this.sink.openFile(rel) };
  }

  private async closeFile(expected: { size: number; sha256: string }): Promise<void> {
    if (!this.file) throw damaged('file end outside a file');
    const { rel, sink } = this.file;
    this.file = null;
    await sink.finish(expected, rel);
    this.files += 1;
    this.fileBytes += expected.size;
  }

  private async end(e: EndRecord, m: Manifest): Promise<void> {
    await this.flush();
    if (this.file) throw damaged('the last file is incomplete');
    const tablesOk =
      this.seen.size === m.tables.length &&
      this.seen.size === Object.keys(e.rows ?? {}).length &&
      [...this.seen].every((t) => e.rows[t] === this.rows[t]);
    if (!tablesOk || e.files !== this.files || e.fileBytes !== this.fileBytes)
      throw damaged('counts do not match');
  }
}

/** Replay a whole backup into a sink; returns its manifest and its (checked) end record. */
export async function replay(
  reader: RecordReader,
  sink: ReplaySink,
): Promise<{ manifest: Manifest; end: EndRecord }> {
  return new Replayer(sink).run(reader);
}
