import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDb, type DbHandle } from '../../src/server/platform/db/db.ts';
import { migrateToLatest } from '../../src/server/platform/db/migrate.ts';

export type Backend = 'sqlite' | 'postgres';

const PG_ADMIN_URL = process.env.UKUK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let pgAvailable: boolean | undefined;

/** Is a PostgreSQL server reachable for tests? Required (a failure, not a skip) when UKUK_TEST_PG=required. */
export async function postgresAvailable(): Promise<boolean> {
  if (pgAvailable !== undefined) return pgAvailable;
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    pgAvailable = true;
  } catch {
    pgAvailable = false;
  }
  if (!pgAvailable && process.env.UKUK_TEST_PG === 'required') {
    throw new Error(`PostgreSQL is required for this test run but ${PG_ADMIN_URL} is not reachable`);
  }
  if (!pgAvailable) console.warn('\n*** PostgreSQL not reachable: PostgreSQL tests are SKIPPED ***\n');
  return pgAvailable;
}

/** The backends to run integration tests on: SQLite always, PostgreSQL when reachable. */
export async function backends(): Promise<Backend[]> {
  return (await postgresAvailable()) ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A fresh, empty PostgreSQL database for one test; returns its URL and a function that drops it. */
export async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ukuk_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    drop: () => dropPgDatabase(name),
  };
}

/**
 * DROP DATABASE makes PostgreSQL run a checkpoint over the whole cluster, and a checkpoint fails while
 * any database's files cannot be written (the disk-full test fills a tablespace on purpose). A database
 * left behind is not a test failure, so the drop is retried and, if it still fails, only reported.
 */
async function dropPgDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const a = new pg.Client({ connectionString: PG_ADMIN_URL });
    try {
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (err) {
      if (attempt >= 5) {
        console.warn(`test database ${name} not dropped: ${(err as Error).message}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    } finally {
      await a.end().catch(() => undefined);
    }
  }
}

export function tempDir(prefix = 'ukuk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A migrated database on the given backend, with a cleanup function. */
export async function testDb(
  backend: Backend,
): Promise<{ dbh: DbHandle; dataDir: string; databaseUrl?: string; cleanup(): Promise<void> }> {
  const dataDir = tempDir();
  if (backend === 'postgres') {
    const pgdb = await createPgDatabase();
    const dbh = openDb({ dataDir, databaseUrl: pgdb.url, poolSize: 5 });
    await migrateToLatest(dbh.db);
    return {
      dbh,
      dataDir,
      databaseUrl: pgdb.url,
      async cleanup() {
        await dbh.close();
        await pgdb.drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const dbh = openDb({ dataDir });
  await migrateToLatest(dbh.db);
  return {
    dbh,
    dataDir,
    async cleanup() {
      await dbh.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
