// The SQLite driver reads on a second connection (ADR 0014, amendment): a plain read does not wait
// for another caller's open transaction, never sees a commit before its log is on disk, and a
// transaction still reads its own writes. Through real databases.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { openDb } from '../../src/server/platform/db/db.ts';
import { FlushGate } from '../../src/server/platform/db/sqlite-driver.ts';
import { DurableSqliteDialect } from '../../src/server/platform/db/sqlite-durable.ts';

const require = createRequire(import.meta.url);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ukuk-reader-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

type T = { t: { id: number; v: string } };

test('a plain read runs while another caller holds a write transaction, and sees the committed state', async () => {
  const dbh = openDb({ dataDir: path.join(dir, 'a') });
  const db = dbh.db as unknown as Kysely<T>;
  await sql`create table t (id integer primary key, v text not null)`.execute(db);
  await db.insertInto('t').values({ id: 1, v: 'before' }).execute();
  let release!: () => void;
  const hold = new Promise<void>((r) => (release = r));
  const tx = db.transaction().execute(async (trx) => {
    await trx.updateTable('t').set({ v: 'inside' }).where('id', '=', 1).execute();
    assert.equal(
      (await trx.selectFrom('t').select('v').where('id', '=', 1).executeTakeFirstOrThrow()).v,
      'inside',
      'a transaction reads its own write',
    );
    await hold;
  });
  // Before the reading connection, this read waited for the transaction (and this test hung).
  const seen = await Promise.race([
    db.selectFrom('t').select('v').where('id', '=', 1).executeTakeFirstOrThrow(),
    new Promise<never>((_, rej) =>
      setTimeout(() => rej(new Error('the read waited for the transaction')), 2000),
    ),
  ]);
  assert.equal(seen.v, 'before', 'an open transaction is not visible');
  const rows = await dbh.arrays(sql`select v from t`.compile(db));
  assert.deepEqual(rows, [['before']]);
  release();
  await tx;
  assert.equal((await db.selectFrom('t').select('v').executeTakeFirstOrThrow()).v, 'inside');
  await dbh.close();
});

test('a read waits while a commit is flushed, then sees it', async () => {
  const file = path.join(dir, 'gated.db');
  const writer = new SQLite(file);
  writer.pragma('journal_mode = WAL');
  const reader = new SQLite(file);
  reader.pragma('query_only = ON');
  // Once `held` is on, each flush waits until `release` is called.
  const flushes: { held: boolean; release: () => void } = { held: false, release: () => undefined };
  const db = new Kysely<T>({
    dialect: new DurableSqliteDialect(
      { database: writer },
      `${file}-wal`,
      (q) => writer.prepare(q).readonly,
      () => (flushes.held ? new Promise<void>((r) => (flushes.release = r)) : Promise.resolve()),
      { reader, gate: new FlushGate() },
    ),
  });
  await sql`create table t (id integer primary key, v text not null)`.execute(db);
  flushes.held = true;
  const write = db.insertInto('t').values({ id: 1, v: 'x' }).execute();
  await new Promise((r) => setTimeout(r, 20));
  let read = false;
  const reading = db
    .selectFrom('t')
    .selectAll()
    .execute()
    .then((rows) => {
      read = true;
      return rows;
    });
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(read, false, 'no read of a commit whose log is not on disk yet');
  flushes.release();
  await write;
  assert.equal((await reading).length, 1, 'after the flush the read sees the row');
  await db.destroy();
});

test('reads of one turn share a snapshot that a commit ends: a read after a commit sees it', async () => {
  const file = path.join(dir, 'shared.db');
  const writer = new SQLite(file);
  writer.pragma('journal_mode = WAL');
  const reader = new SQLite(file);
  reader.pragma('query_only = ON');
  const db = new Kysely<T>({
    // Flushes that settle at once: the whole write runs within this turn of the event loop, so only
    // the gate closing can end the snapshot the first read began.
    dialect: new DurableSqliteDialect(
      { database: writer },
      `${file}-wal`,
      (q) => writer.prepare(q).readonly,
      () => Promise.resolve(),
      { reader, gate: new FlushGate() },
    ),
  });
  await sql`create table t (id integer primary key, v text not null)`.execute(db);
  await new Promise((r) => setImmediate(r));
  assert.equal((await db.selectFrom('t').selectAll().execute()).length, 0);
  assert.ok(reader.inTransaction, 'the read began the turn’s shared read transaction');
  await db.insertInto('t').values({ id: 1, v: 'x' }).execute();
  assert.equal(reader.inTransaction, false, 'the commit ended it');
  assert.equal((await db.selectFrom('t').selectAll().execute()).length, 1, 'the next read sees the commit');

  // Another process's write (the CLI) is seen from the next turn on.
  const other = new SQLite(file);
  other.prepare("insert into t (id, v) values (2, 'y')").run();
  await new Promise((r) => setImmediate(r));
  assert.equal(reader.inTransaction, false, 'the snapshot ended with its turn');
  assert.equal((await db.selectFrom('t').selectAll().execute()).length, 2);

  // A transaction SQLite ended by itself (as after an I/O error) is not ended twice: no throw from
  // the turn's end, and the next turn reads as before.
  reader.exec('commit');
  await new Promise((r) => setImmediate(r));
  assert.equal((await db.selectFrom('t').selectAll().execute()).length, 2);
  other.close();
  await db.destroy();
});

test('a transaction that reads, then writes, is not refused when another process wrote meanwhile', async () => {
  // The CLI beside a running server (ukuk setup, user add): a transaction began "deferred" read a
  // snapshot, another process committed, and its first write then failed at once with "database is
  // locked" (SQLITE_BUSY_SNAPSHOT: the busy timeout never applies to it). A write transaction takes
  // the write lock when it begins, so the other process waits for it instead.
  const dataDir = path.join(dir, 'two-processes');
  const dbh = openDb({ dataDir });
  const db = dbh.db as unknown as Kysely<T>;
  await sql`create table t (id integer primary key, v text not null)`.execute(db);
  await db.insertInto('t').values({ id: 1, v: 'first' }).execute();
  let other: Promise<{ code: number | null; stderr: string }> | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      await trx.selectFrom('t').selectAll().execute();
      other = otherProcessWrites(dbh.file!);
      // Long enough for the other process to have committed, were it not made to wait.
      await new Promise((r) => setTimeout(r, 700));
      await trx.insertInto('t').values({ id: 2, v: 'mine' }).execute();
    });
    const done = await other!;
    assert.equal(done.code, 0, done.stderr);
    const rows = await db.selectFrom('t').select('v').orderBy('id').execute();
    assert.deepEqual(
      rows.map((r) => r.v),
      ['first', 'mine', 'theirs'],
    );
  } finally {
    await other;
    await dbh.close();
  }
});

test('a read-only transaction (a backup) does not stop another process writing meanwhile', async () => {
  const dbh = openDb({ dataDir: path.join(dir, 'read-only') });
  const db = dbh.db as unknown as Kysely<T>;
  await sql`create table t (id integer primary key, v text not null)`.execute(db);
  await db.insertInto('t').values({ id: 1, v: 'first' }).execute();
  try {
    await db
      .transaction()
      .setAccessMode('read only')
      .execute(async (trx) => {
        await trx.selectFrom('t').selectAll().execute();
        // The other process would wait for the whole transaction were it holding the write lock.
        const done = await otherProcessWrites(dbh.file!);
        assert.equal(done.code, 0, done.stderr);
        const seen = await trx.selectFrom('t').select('v').execute();
        assert.deepEqual(seen, [{ v: 'first' }], 'the snapshot stays as it began');
      });
  } finally {
    await dbh.close();
  }
});

function otherProcessWrites(file: string): Promise<{ code: number | null; stderr: string }> {
  const script = `
    const SQLite = require(${JSON.stringify(require.resolve('better-sqlite3'))});
    const db = new SQLite(process.argv[1]);
    db.pragma('busy_timeout = 15000');
    db.prepare("insert into t (id, v) values (3, 'theirs')").run();
    db.close();`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, file], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}
