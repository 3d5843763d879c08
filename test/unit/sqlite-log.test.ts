// Under a steady stream of commits the write-ahead log starts over now and then instead of growing
// until the main thread's automatic checkpoint copies it (sqlite-checkpoint.ts, ADR 0014). Through a
// real database: each transaction begins right after the last commit, as the group commit's do.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { openDb, type DbHandle } from '../../src/server/platform/db/db.ts';
import { startCheckpointer } from '../../src/server/platform/db/sqlite-checkpoint.ts';
import { FLUSH_LATER } from '../../src/server/platform/db/sqlite-durable.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ukuk-log-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

type T = { t: { id: number; v: string } };
const FRAME = 4096 + 24;

/** One write transaction that begins right after the last commit; the log's frames seen inside it. */
async function write(db: Kysely<T>, wal: string, id: number): Promise<number> {
  return db.connection().execute(async (c) => {
    await sql`begin`.execute(c);
    await c
      .insertInto('t')
      .values({ id, v: `${'x'.repeat(16_000)}${id}` })
      .execute();
    // Looked at inside the transaction, once its snapshot is taken: looking between two
    // transactions would give the checkpoint worker a gap a steady stream does not have.
    const frames = walFrames(wal);
    await sql.raw(FLUSH_LATER).execute(c);
    return frames;
  });
}

async function open(name: string) {
  const dbh = openDb({ dataDir: path.join(dir, name), log: { restartFrames: 200, checkpointMs: 20 } });
  // Closed even when an assertion fails: an open database would keep the test process alive.
  after(() => dbh.close());
  const db = dbh.db as unknown as Kysely<T>;
  await sql`create table t (id integer primary key, v text not null)`.execute(db);
  return { dbh, db, wal: `${dbh.file}-wal` };
}

/** The stream's writer: each write asks `restartLog` first, as the group commit does. */
function stream(dbh: DbHandle, db: Kysely<T>, wal: string) {
  const seen = { restarts: 0, longest: 0, last: 0 };
  const step = async (id: number) => {
    await dbh.restartLog();
    const frames = await write(db, wal, id);
    // The log's frame count falls only when it starts over.
    if (frames < seen.last) seen.restarts += 1;
    seen.last = frames;
    seen.longest = Math.max(seen.longest, frames);
  };
  return { seen, step };
}

const count = async (db: Kysely<T>) =>
  Number(
    (
      await db
        .selectFrom('t')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('a steady stream of commits keeps the log short, and every row is kept', async () => {
  const { dbh, db, wal } = await open('steady');
  // Four pages a row: 600 rows write about 2,400 frames (10 MB) of log in all.
  const { seen, step } = stream(dbh, db, wal);
  for (let i = 0; i < 600; i++) await step(i);
  await dbh.flushed();
  assert.equal(await count(db), 600);
  assert.ok(seen.restarts >= 2, `the log started over ${seen.restarts} times`);
  // 200 frames, plus what was written between two reports of the checkpoint worker.
  assert.ok(seen.longest < 1200, `the log reached ${seen.longest} frames`);
});

test('a long read elsewhere holds the log back without stopping the stream; once it ends the log starts over', async () => {
  const { dbh, db, wal } = await open('pinned');
  // Another process's long read (an export): its snapshot keeps the log from being copied past it.
  await db.insertInto('t').values({ id: -1, v: 'first' }).execute();
  const other = new SQLite(dbh.file ?? '', { readonly: true });
  other.exec('begin');
  other.prepare('select count(*) from t').get();
  const { seen, step } = stream(dbh, db, wal);
  for (let i = 0; i < 300; i++) await step(i);
  assert.equal(seen.restarts, 0, 'the log cannot start over under a reader');
  assert.ok(seen.last > 1000, `the log holds ${seen.last} frames`);
  assert.deepEqual(
    other.prepare('select count(*) as n from t').get(),
    { n: 1 },
    'the reader still sees its snapshot',
  );
  other.exec('commit');
  other.close();
  // Once the read is over, the stream starts the log over again (within a second or two).
  let i = 300;
  while (seen.restarts === 0 && i < 5000) await step(i++);
  assert.equal(seen.restarts, 1, 'the log started over once the read ended');
  await dbh.flushed();
  assert.equal(await count(db), i + 1);
});

/** Frames in use in the log: its size says nothing once it has started over (it is reused). */
function walFrames(file: string): number {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size < 32) return 0;
    const head = Buffer.alloc(32);
    fs.readSync(fd, head, 0, 32, 0);
    const salt = head.readUInt32BE(16);
    // Count the frames after the header whose salt matches the header's (older ones are leftovers).
    const frame = Buffer.alloc(24);
    let n = 0;
    for (let at = 32; at + FRAME <= size; at += FRAME) {
      fs.readSync(fd, frame, 0, 24, at);
      if (frame.readUInt32BE(8) !== salt) break;
      n += 1;
    }
    return n;
  } finally {
    fs.closeSync(fd);
  }
}

test('copying ahead leaves the reported length alone; only a checkpoint for a restart clears it', async () => {
  // db.ts asks for a checkpoint ahead while writes go on: the log does not start over from it, so
  // clearing its length then would keep the stream from ever stopping to start it over.
  const file = path.join(dir, 'ahead.db');
  const w = new SQLite(file);
  w.pragma('journal_mode = WAL');
  w.pragma('wal_autocheckpoint = 0');
  w.exec('create table t (id integer primary key, v text not null)');
  for (let i = 0; i < 20; i++) w.prepare('insert into t values (?, ?)').run(i, 'x'.repeat(16_000));
  const cp = startCheckpointer(file, 60_000);
  try {
    assert.equal(await cp.now(true), true, 'the whole log was copied');
    assert.ok(cp.logFrames() > 50, `the log's length is still reported (${cp.logFrames()} frames)`);
    assert.equal(await cp.now(), true);
    assert.equal(cp.logFrames(), 0, 'a checkpoint for a restart says the log starts over');
  } finally {
    await cp.stop();
    w.close();
  }
});
