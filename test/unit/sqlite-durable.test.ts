// The SQLite driver owes a flush of the write-ahead log after every commit that wrote and after every
// autocommit write, and none after reads or rollbacks (ADR 0014). Counted through a real database.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { FlushGate } from '../../src/server/platform/db/sqlite-driver.ts';
import { DurableSqliteDialect, FLUSH_LATER } from '../../src/server/platform/db/sqlite-durable.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ukuk-durable-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function open() {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.db`);
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  const flushed: string[] = [];
  const db = new Kysely<{ t: { id: number; v: string } }>({
    dialect: new DurableSqliteDialect(
      { database: sqlite },
      `${file}-wal`,
      (q) => sqlite.prepare(q).readonly,
      async (wal) => {
        // Counted only: the real flush (WalLog) is the last test's.
        flushed.push(wal);
        await Promise.resolve();
      },
    ),
  });
  return { db, flushed, file };
}

test('a flush after each autocommit write and each commit that wrote; none after reads or rollbacks', async () => {
  const { db, flushed, file } = open();
  await sql`create table t (id integer primary key, v text not null)`.execute(db);
  assert.equal(flushed.length, 1, 'DDL outside a transaction is a write');
  await db.insertInto('t').values({ id: 1, v: 'a' }).execute();
  assert.equal(flushed.length, 2);
  assert.deepEqual(flushed, [`${file}-wal`, `${file}-wal`]);
  await db.selectFrom('t').selectAll().execute();
  await sql`with x as (select 1 as n) select n from x`.execute(db);
  assert.equal(flushed.length, 2, 'reads owe nothing');

  await db.transaction().execute(async (tx) => {
    await tx.insertInto('t').values({ id: 2, v: 'b' }).execute();
    await tx.updateTable('t').set({ v: 'c' }).where('id', '=', 1).execute();
    assert.equal(flushed.length, 2, 'nothing is flushed before the commit');
  });
  assert.equal(flushed.length, 3, 'one flush for the whole transaction');

  await db.transaction().execute(async (tx) => tx.selectFrom('t').selectAll().execute());
  assert.equal(flushed.length, 3, 'a read-only transaction owes nothing');

  await assert.rejects(
    db.transaction().execute(async (tx) => {
      await tx.insertInto('t').values({ id: 3, v: 'x' }).execute();
      throw new Error('stop');
    }),
    /stop/,
  );
  assert.equal(flushed.length, 3, 'a rollback owes nothing');
  assert.deepEqual(
    (await db.selectFrom('t').select('id').orderBy('id').execute()).map((r) => r.id),
    [1, 2],
  );
  await db.destroy();
});

test('the answer waits for the flush', async () => {
  const { db } = open();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const file = path.join(dir, 'gated.db');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  const gated = new Kysely<{ t: { id: number } }>({
    dialect: new DurableSqliteDialect(
      { database: sqlite },
      `${file}-wal`,
      (q) => sqlite.prepare(q).readonly,
      () => gate,
    ),
  });
  let done = false;
  const write = sql`create table t (id integer primary key)`.execute(gated).then(() => (done = true));
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(done, false, 'not acknowledged before the log is on disk');
  release();
  await write;
  assert.equal(done, true);
  await gated.destroy();
  await db.destroy();
});

test('the real log flush (descriptor kept open) works through writes, reads and close', async () => {
  const file = path.join(dir, 'real.db');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<{ t: { id: number } }>({
    dialect: new DurableSqliteDialect({ database: sqlite }, `${file}-wal`, (q) => sqlite.prepare(q).readonly),
  });
  await sql`create table t (id integer primary key)`.execute(db);
  await db.transaction().execute((tx) =>
    tx
      .insertInto('t')
      .values([{ id: 1 }, { id: 2 }])
      .execute(),
  );
  await db.insertInto('t').values({ id: 3 }).execute();
  assert.equal((await db.selectFrom('t').select('id').execute()).length, 3);
  assert.ok(fs.existsSync(`${file}-wal`));
  await db.destroy();
  // Closed cleanly: SQLite removed the log on close, and the data is in the database file.
  const again = new SQLite(file, { readonly: true });
  assert.equal((again.prepare('select count(*) as n from t').get() as { n: number }).n, 3);
  again.close();
});

test(
  'a flush-later commit answers before its flush; the next commit waits for it, and so do reads',
  { timeout: 10_000 },
  async () => {
    const file = path.join(dir, 'later.db');
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    const reader = new SQLite(file);
    const releases: (() => void)[] = [];
    const started: number[] = [];
    const gateOf = new FlushGate();
    const dialect = new DurableSqliteDialect(
      { database: sqlite },
      `${file}-wal`,
      (q) => sqlite.prepare(q).readonly,
      () => {
        started.push(started.length);
        return new Promise<void>((r) => releases.push(r));
      },
      { reader, gate: gateOf },
    );
    const db = new Kysely<{ t: { id: number } }>({ dialect });
    const ddl = sql`create table t (id integer primary key)`.execute(db);
    await new Promise((r) => setTimeout(r, 10));
    releases.shift()!();
    await ddl;

    // The batch's way: its own transaction, committed with FLUSH_LATER.
    await db.connection().execute(async (c) => {
      await sql`begin`.execute(c);
      await c.insertInto('t').values({ id: 1 }).execute();
      await sql.raw(FLUSH_LATER).execute(c);
    });
    assert.equal(started.length, 2, 'the commit answered with its flush under way');
    let durable = false;
    const flushed = dialect.lastFlush().then(() => (durable = true));
    // A read waits at the gate: nobody sees the commit before it is on disk.
    let read: number | null = null;
    const reading = gateOf
      .open()
      .then(() => (read = reader.prepare('select count(*) as n from t').get() as never));
    // The next commit may run its statements, but not commit, until the flush is done.
    let second = false;
    const next = db
      .transaction()
      .execute((tx) => tx.insertInto('t').values({ id: 2 }).execute())
      .then(() => (second = true));
    await new Promise((r) => setTimeout(r, 30));
    assert.deepEqual([durable, read, second, started.length], [false, null, false, 2]);
    releases.shift()!();
    await flushed;
    await reading;
    assert.deepEqual(read, { n: 1 }, 'the read saw the flushed commit, not the one waiting');
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(started.length, 3, 'the second commit ran only after the first flush');
    assert.equal(second, false, 'and answers only after its own');
    releases.shift()!();
    await next;
    await db.destroy();
    reader.close();
  },
);
