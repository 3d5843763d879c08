import fs from 'node:fs';
import path from 'node:path';
import { Migrator, sql, type MigrationProvider } from 'kysely';
import { appendAudit } from '../audit/audit.ts';
import { writeKeyFile } from '../crypto/keyring.ts';
import { openDb, sqliteFile, type Db, type DbKind } from '../db/db.ts';
import { allMigrations } from '../db/migrate.ts';
import { FileSink, filesDir, safeTarget } from './files.ts';
import { BackupError, ChunkReader, openBackupKey, type BackupKey } from './format.ts';
import { RecordReader, type EndRecord, type Manifest } from './records.ts';
import { replay, type ReplaySink } from './replay.ts';
import { insertRows } from './tables.ts';

export interface RestoreOptions {
  file: string;
  passphrase: string;
  /** The target data folder: must be empty or absent. */
  dataDir: string;
  /** The target PostgreSQL database (must have no tables); SQLite in `dataDir` when undefined. */
  databaseUrl: string | undefined;
  /** Where the key file goes (key-file mode); must not exist. */
  keyFile: string;
}

export interface RestoreSummary extends EndRecord {
  manifest: Omit<Manifest, 'keyFile'>;
  keyFile: string | null;
}

const NOTHING_WRITTEN = 'Nothing was written.';

function isEmptyDir(dir: string): boolean {
  try {
    return fs.readdirSync(dir).length === 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw new BackupError(`Cannot read the data folder ${dir}: ${(e as Error).message}`);
  }
}

/** Refuse (before reading the backup) any target that already holds something. */
async function assertEmptyTarget(opts: RestoreOptions): Promise<void> {
  if (!isEmptyDir(opts.dataDir))
    throw new BackupError(
      `The data folder ${opts.dataDir} is not empty: restore only into an empty folder. ${NOTHING_WRITTEN}`,
    );
  if (!opts.databaseUrl) return;
  const dbh = openDb({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl, poolSize: 1 });
  let tables: number;
  try {
    const r = await sql<{
      n: number;
    }>`select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`.execute(
      dbh.db,
    );
    tables = r.rows[0]?.n ?? 0;
  } catch (e) {
    throw new BackupError(`Cannot reach the database at DATABASE_URL: ${(e as Error).message}`);
  } finally {
    await dbh.close();
  }
  if (tables > 0)
    throw new BackupError(
      `The database at DATABASE_URL is not empty (${tables} tables): restore only into an empty database. ${NOTHING_WRITTEN}`,
    );
}

/** The backup must come from this version of Ukuk or an older one: its migrations a prefix of ours. */
function assertCompatible(m: Manifest): void {
  const known = Object.keys(allMigrations()).sort();
  if (!m.migrations.length) throw new BackupError('The backup file is damaged (no schema version).');
  const unknown = m.migrations.filter((x) => !known.includes(x));
  if (unknown.length)
    throw new BackupError(
      `The backup was made by a newer Ukuk (schema ${unknown.join(', ')}); upgrade Ukuk first. ${NOTHING_WRITTEN}`,
    );
  if (m.migrations.some((x, i) => known[i] !== x))
    throw new BackupError(`The backup's schema history does not match this Ukuk. ${NOTHING_WRITTEN}`);
}

// Migrations run on the restore's own connection inside its transaction (PostgreSQL and SQLite both have
// transactional DDL), so a failed restore leaves no half-created schema behind.
async function migrate(db: Db, to: { name: string } | 'latest'): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => allMigrations() };
  const m = new Migrator({ db, provider, disableTransactions: true });
  const { error } = to === 'latest' ? await m.migrateToLatest() : await m.migrateTo(to.name);
  if (error)
    throw new Error(
      `Migration failed during restore: ${error instanceof Error ? error.message : 'unknown error'}`,
    );
}

const verifySink: ReplaySink = {
  manifest: async () => undefined,
  rows: async () => undefined,
  openFile: async (rel) => {
    safeTarget(path.resolve('/restore-check'), rel);
    return FileSink.open(null);
  },
};

function restoreSink(db: Db, root: string): ReplaySink {
  return {
    // Rows are loaded into the schema they were dumped from; later migrations then upgrade them.
    manifest: async (m) => migrate(db, { name: m.migrations[m.migrations.length - 1]! }),
    rows: async (table, rows) => insertRows(db, table, rows),
    openFile: async (rel) => FileSink.open(safeTarget(root, rel)),
  };
}

/** Runtime state after the rows: new epoch (no node holds a key yet); passphrase mode starts sealed. */
async function finish(db: Db, kind: DbKind, m: Manifest): Promise<void> {
  const now = new Date().toISOString();
  await db
    .updateTable('system_state')
    .set((eb) => ({
      epoch: eb('epoch', '+', 1),
      updated_at: now,
      ...(m.sealMode === 'passphrase' ? { sealed: 1 } : {}),
    }))
    .where('id', '=', 'main')
    .execute();
  await migrate(db, 'latest');
  await appendAudit(db, kind, {
    actorId: null,
    action: 'backup.restore',
    details: { via: 'cli', source: m.source, backupCreatedAt: m.createdAt },
  });
}

/** Remove what a failed restore created; the target was verified empty, so all of it is ours. */
function cleanup(opts: RestoreOptions, kind: DbKind, wroteKey: boolean, createdDir: boolean): void {
  if (wroteKey) fs.rmSync(opts.keyFile, { force: true });
  fs.rmSync(filesDir(opts.dataDir), { recursive: true, force: true });
  if (kind === 'sqlite')
    for (const s of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(sqliteFile(opts.dataDir) + s, { force: true });
  if (createdDir && isEmptyDir(opts.dataDir)) fs.rmSync(opts.dataDir, { recursive: true, force: true });
}

/** Second pass: load everything in one transaction, write files and key file, commit last. */
async function apply(
  opts: RestoreOptions,
  manifest: Manifest,
  reader: () => RecordReader,
): Promise<EndRecord> {
  const createdDir = !fs.existsSync(opts.dataDir);
  const dbh = openDb({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl, poolSize: 1 });
  let wroteKey = false;
  try {
    const end = await dbh.db.connection().execute(async (conn) => {
      await sql`begin`.execute(conn);
      try {
        const { end } = await replay(reader(), restoreSink(conn, filesDir(opts.dataDir)));
        await finish(conn, dbh.kind, manifest);
        if (manifest.keyFile) {
          writeKeyFile(opts.keyFile, Buffer.from(manifest.keyFile, 'base64'));
          wroteKey = true;
        }
        await sql`commit`.execute(conn);
        return end;
      } catch (e) {
        await sql`rollback`.execute(conn).catch(() => undefined);
        throw e;
      }
    });
    await dbh.close();
    return end;
  } catch (e) {
    await dbh.close().catch(() => undefined);
    cleanup(opts, dbh.kind, wroteKey, createdDir);
    throw e;
  }
}

async function openFile(file: string): Promise<fs.promises.FileHandle> {
  try {
    return await fs.promises.open(file, 'r');
  } catch {
    throw new BackupError(`Cannot read the backup file ${file}.`);
  }
}

async function verifyThenApply(
  opts: RestoreOptions,
  fh: fs.promises.FileHandle,
  key: BackupKey,
  start: number,
): Promise<RestoreSummary> {
  const reader = () => new RecordReader(new ChunkReader(fh, key, start));
  // First pass: authenticate every chunk and check the structure before writing anything, so a wrong
  // passphrase, a truncated or a damaged file leaves the target exactly as it was.
  const { manifest } = await replay(reader(), verifySink);
  assertCompatible(manifest);
  if (manifest.keyFile && fs.existsSync(opts.keyFile))
    throw new BackupError(`A key file already exists at ${opts.keyFile}. ${NOTHING_WRITTEN}`);
  const end = await apply(opts, manifest, reader);
  const { keyFile, ...rest } = manifest;
  return { ...end, manifest: rest, keyFile: keyFile ? opts.keyFile : null };
}

/**
 * Restore a backup into an empty target (SQLite data folder or PostgreSQL database, whichever the
 * backup came from). Two passes over the file: verify all of it, then load it in one transaction.
 */
export async function restoreBackup(opts: RestoreOptions): Promise<RestoreSummary> {
  await assertEmptyTarget(opts);
  const fh = await openFile(opts.file);
  try {
    const { key, dataStart } = await openBackupKey(fh, opts.passphrase);
    try {
      return await verifyThenApply(opts, fh, key, dataStart);
    } finally {
      key.enc.fill(0);
    }
  } finally {
    await fh.close();
  }
}
