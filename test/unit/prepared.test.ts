// A prepared query is compiled once and must give, for any arguments, what the same query built anew
// gives: arguments in their places, constants kept, a wrong argument count refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { prepared } from '../../src/server/platform/db/prepared.ts';
import type { Executor } from '../../src/server/platform/db/db.ts';

test('a prepared query runs with new arguments each time, constants kept', async () => {
  const db = new Kysely<{ t: { id: number; kind: string; name: string } }>({
    dialect: new SqliteDialect({ database: new SQLite(':memory:') }),
  });
  await sql`create table t (id integer primary key, kind text not null, name text not null)`.execute(db);
  await db
    .insertInto('t')
    .values([
      { id: 1, kind: 'a', name: 'x' },
      { id: 2, kind: 'b', name: 'x' },
      { id: 3, kind: 'a', name: 'y' },
    ])
    .execute();
  const q = prepared('test.t', (d, p) =>
    (d as unknown as typeof db)
      .selectFrom('t')
      .select('id')
      .where('kind', '=', 'a') // a constant of the query, not an argument
      .where('name', '=', p(0))
      .where('id', '>=', p<number>(1))
      .orderBy('id'),
  );
  const run = (name: string, min: number) => q(db as unknown as Executor, [name, min]);
  assert.deepEqual(await run('x', 0), [{ id: 1 }]);
  assert.deepEqual(await run('y', 0), [{ id: 3 }]);
  assert.deepEqual(await run('y', 4), []);
  // An argument that looks like a stand-in is only a value.
  assert.deepEqual(await run('\u0000ukuk-param:0', 0), []);
  await assert.rejects(q(db as unknown as Executor, ['x']), /2 arguments expected/);
  await db.destroy();
});
