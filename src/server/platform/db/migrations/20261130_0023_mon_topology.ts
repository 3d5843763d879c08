import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * A counter that moves on every change to what decides where an observer may report: sites, missions,
 * their forms and the site assignments. Triggers keep it, so no writer can forget it: not a service,
 * not a cascade, not another process on the same SQLite file. A submission's place check caches its
 * answers against it (submissions.place.ts, issue #5: the check was a tenth of a submission's cost).
 */
const TABLES = ['sites', 'missions', 'mission_forms', 'site_observers'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mon_topology')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('mon_topology').values({ id: 1, generation: 0 }).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // Once per statement: an import of thousands of sites moves it once.
    await sql`create function mon_topology_bump() returns trigger language plpgsql as $$
      begin update mon_topology set generation = generation + 1 where id = 1; return null; end $$`.execute(
      db,
    );
    for (const t of TABLES)
      await sql
        .raw(
          `create trigger ${t}_topology after insert or update or delete or truncate on ${t} ` +
            'for each statement execute function mon_topology_bump()',
        )
        .execute(db);
    return;
  }
  // SQLite has row triggers only; rewriting the one row in a transaction that is writing anyway is cheap.
  for (const t of TABLES)
    for (const event of ['insert', 'update', 'delete'])
      await sql
        .raw(
          `create trigger ${t}_topology_${event} after ${event} on ${t} ` +
            'begin update mon_topology set generation = generation + 1 where id = 1; end',
        )
        .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const t of TABLES)
    if (pg) await sql.raw(`drop trigger if exists ${t}_topology on ${t}`).execute(db);
    else
      for (const event of ['insert', 'update', 'delete'])
        await sql.raw(`drop trigger if exists ${t}_topology_${event}`).execute(db);
  if (pg) await sql`drop function if exists mon_topology_bump()`.execute(db);
  await db.schema.dropTable('mon_topology').ifExists().execute();
}
