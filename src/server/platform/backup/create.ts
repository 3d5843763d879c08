import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { auditNow } from '../context.ts';
import { checkValue, readKeyFile, sameCheck } from '../crypto/keyring.ts';
import type { Executor, Tx } from '../db/db.ts';
import { filesDir, FILE_PIECE, walkFiles } from './files.ts';
import { BackupError, ChunkWriter, newBackupKey } from './format.ts';
import { RecordType, RecordWriter, type EndRecord, type Manifest } from './records.ts';
import { appliedMigrations, assertAllTablesKnown, DATA_TABLES, tableRows } from './tables.ts';

export interface CreateOptions {
  /** Where to write the backup; must not exist yet. */
  out: string;
  passphrase: string;
  /** The key file of this installation (key-file mode), see `keyFilePath` in runtime.ts. */
  keyFile: string;
}

/** What a backup run wrote, for the command's report. */
export interface BackupSummary extends EndRecord {
  file: string;
  bytes: number;
}

// A stale key file is caught here, not at restore time when it is too late.
function kekMatches(kek: Buffer, check: string): boolean {
  return sameCheck(checkValue(kek), check);
}

/** The key material the backup must carry: the KEK in key-file mode, nothing in passphrase mode. */
async function keyMaterial(
  db: Executor,
  keyFile: string,
): Promise<{ mode: Manifest['sealMode']; kek: Buffer | null }> {
  const ring = await db.selectFrom('keyring').selectAll().where('id', '=', 'main').executeTakeFirst();
  if (!ring) throw new BackupError('Ukuk is not set up yet: there is nothing to back up.');
  if (ring.mode === 'passphrase') return { mode: 'passphrase', kek: null };
  const kek = readKeyFile(keyFile);
  if (!kek || !kekMatches(kek, ring.kek_check)) {
    throw new BackupError(
      `The key file ${keyFile} is missing or does not match this database; a backup without it could never be read.`,
    );
  }
  return { mode: 'keyfile', kek };
}

/** One consistent read of the whole database: REPEATABLE READ on PostgreSQL, a WAL read snapshot on SQLite. */
async function inSnapshot<T>(ctx: AppContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  // Read only on both: on SQLite it also keeps the snapshot from holding the write lock (sqlite-driver.ts).
  const b = ctx.db.transaction().setAccessMode('read only');
  return (ctx.dbh.kind === 'postgres' ? b.setIsolationLevel('repeatable read') : b).execute(fn);
}

async function writeTables(
  ctx: AppContext,
  rw: RecordWriter,
  keyFile: string,
): Promise<Record<string, number>> {
  return inSnapshot(ctx, async (tx) => {
    // The key material is read inside the snapshot so that it belongs to exactly these rows.
    const { mode, kek } = await keyMaterial(tx, keyFile);
    const manifest: Manifest = {
      app: 'ukuk',
      createdAt: new Date().toISOString(),
      source: ctx.dbh.kind,
      migrations: await appliedMigrations(tx),
      sealMode: mode,
      keyFile: kek ? kek.toString('base64') : null,
      tables: DATA_TABLES,
    };
    await rw.json(RecordType.manifest, manifest);
    const rows: Record<string, number> = {};
    for (const table of DATA_TABLES) {
      await rw.json(RecordType.table, { name: table });
      rows[table] = 0;
      for await (const row of tableRows(tx, table)) {
        await rw.json(RecordType.row, row);
        rows[table] += 1;
      }
    }
    return rows;
  });
}

/**
 * Files are read after the snapshot: uploads are immutable, so a file newer than the snapshot is at worst
 * an unreferenced extra; one deleted (crypto-shredded) meanwhile is simply skipped.
 */
async function writeFiles(rw: RecordWriter, root: string): Promise<{ files: number; fileBytes: number }> {
  let files = 0;
  let fileBytes = 0;
  const buf = Buffer.alloc(FILE_PIECE);
  for await (const rel of walkFiles(root)) {
    let fh: fs.promises.FileHandle;
    try {
      fh = await fs.promises.open(path.join(root, ...rel.split('/')), 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    try {
      await rw.json(RecordType.file, { path: rel });
      const hash = createHash('sha256');
      let size = 0;
      for (;;) {
        const { bytesRead } = await fh.read(buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        const piece = buf.subarray(0, bytesRead);
        hash.update(piece);
        size += bytesRead;
        await rw.write(RecordType.data, piece);
      }
      await rw.json(RecordType.fileEnd, { size, sha256: hash.digest('hex') });
      files += 1;
      fileBytes += size;
    } finally {
      await fh.close();
    }
  }
  return { files, fileBytes };
}

/** Refuse an output that exists, or that lies inside the uploads folder (it would back itself up). */
function checkOut(ctx: AppContext, out: string): void {
  if (fs.existsSync(out)) throw new BackupError(`${out} already exists; choose a new file name.`);
  const files = filesDir(ctx.config.dataDir);
  if (out === files || out.startsWith(files + path.sep))
    throw new BackupError("Do not write the backup inside the data folder's files/ folder.");
}

/**
 * Write one encrypted backup file: the database (every `data` table, one consistent snapshot), the
 * uploaded files and the key material. Works while the server runs. A `backup.create` audit entry is
 * committed first, so the backup contains the record of its own making.
 */
export async function createBackup(ctx: AppContext, opts: CreateOptions): Promise<BackupSummary> {
  const out = path.resolve(opts.out);
  checkOut(ctx, out);
  const key = await newBackupKey(opts.passphrase);
  await keyMaterial(ctx.db, opts.keyFile);
  await assertAllTablesKnown(ctx.db, ctx.dbh.kind);
  await auditNow(ctx, { actorId: null, action: 'backup.create', details: { via: 'cli' } });
  // Written under a temporary name and renamed at the end: a half-written backup never looks complete.
  const tmp = `${out}.${randomBytes(4).toString('hex')}.partial`;
  const w = await ChunkWriter.create(tmp, key);
  try {
    const rw = new RecordWriter(w);
    const rows = await writeTables(ctx, rw, opts.keyFile);
    const f = await writeFiles(rw, filesDir(ctx.config.dataDir));
    const end: EndRecord = { rows, ...f };
    await rw.json(RecordType.end, end);
    await w.close();
    if (fs.existsSync(out))
      throw new BackupError(`${out} appeared while the backup was written; it was left alone.`);
    await fs.promises.rename(tmp, out);
    return { ...end, file: out, bytes: w.bytesWritten };
  } catch (e) {
    await w.abort();
    await fs.promises.rm(tmp, { force: true });
    throw e;
  } finally {
    key.enc.fill(0);
  }
}
