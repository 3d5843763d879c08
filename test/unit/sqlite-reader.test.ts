// The SQLite driver reads on a second connection (ADR 0014, amendment): a plain read does not wait
// for another caller's open transaction, never sees a commit before its log is on disk, and a
// transaction still reads its own writes. Through real databases.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { openDb } from '../../src/server/platform/db/db.ts';
import { FlushGate } from '../../src/server/platform/db/sqlite-driver.ts';
import { DurableSqliteDialect } from '../../src/server/platform/db/sqlite-durable.ts';

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
