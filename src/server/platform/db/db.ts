import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, type CompiledQuery, type SqliteDatabase, type Transaction } from 'kysely';
import type { Database } from './schema.ts';
import { startCheckpointer } from './sqlite-checkpoint.ts';
import { FlushGate } from './sqlite-driver.ts';
import { DurableSqliteDialect } from './sqlite-durable.ts';

export type DbKind = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: DbKind;
  /** Path of the SQLite file (undefined on PostgreSQL). */
  file: string | undefined;
  /**
   * A read whose rows come back as arrays in the select's column order, for bulk reads such as an
   * export's pages: building an object per row was most of a page's cost. On SQLite it runs on the
   * reading connection, so it sees the last commit on disk, never another caller's open transaction.
   */
  arrays(query: CompiledQuery): Promise<unknown[][]>;
  /**
   * Resolves once the last commit is on disk (SQLite: after a `FLUSH_LATER` commit, sqlite-durable.ts;
   * PostgreSQL commits are durable when they answer).
   */
  flushed(): Promise<void>;
  /**
   * Called before a write transaction of a steady stream (the group commit of submissions): on
   * SQLite, once the write-ahead log has grown past `RESTART_FRAMES`, waits until the last commit is
   * on disk and the checkpoint worker has copied the whole log into the database, so that this
   * transaction starts the log over (sqlite-checkpoint.ts). Otherwise, and on PostgreSQL, at once.
   */
  restartLog(): Promise<void>;
  close(): Promise<void>;
}

// int8 (count(*), sums) comes back from pg as a string; SQLite gives numbers. Make both numbers.
pg.types.setTypeParser(20, (v) => Number(v));

export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'ukuk.db');
}

/** Open the database the configuration names: PostgreSQL when a URL is given, else SQLite in the data folder. */
export function openDb(opts: {
  dataDir: string;
  databaseUrl?: string | undefined;
  poolSize?: number;
  /** Tests shorten these (`RESTART_FRAMES`, the checkpoint worker's interval). */
  log?: { restartFrames?: number; checkpointMs?: number };
}): DbHandle {
  if (opts.databaseUrl) {
    // Idle connections are kept a minute (pg's default is 10 s): the dashboard refreshes every 30 s and
    // runs its queries side by side, and a summary that had to open its connections again (a new
    // PostgreSQL backend each, its catalog caches cold) took 150-170 ms instead of 30-40 (2,500 sites).
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      idleTimeoutMillis: 60_000,
    });
    // A pool error (e.g. the server restarted) must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const arrays = async (q: CompiledQuery) =>
      (await pool.query<unknown[]>({ text: q.sql, values: [...q.parameters], rowMode: 'array' })).rows;
    return {
      db,
      kind: 'postgres',
      file: undefined,
      arrays,
      flushed: () => Promise.resolve(),
      restartLog: () => Promise.resolve(),
      close: () => db.destroy(),
    };
  }
  fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const file = sqliteFile(opts.dataDir);
  const sqlite = new SQLite(file);
  // WAL, and a write acknowledged to the client survives a crash or power loss: SQLite writes the log
  // at COMMIT (NORMAL) and sqlite-durable.ts flushes it off the main thread before the caller goes on.
  // The CLI (user add, backup) may run beside a live server: wait for its write lock rather than fail,
  // with room for a busy small machine where a writer can be descheduled for seconds. Set first: the
  // pragmas below read the database, and a lock held elsewhere must not fail them at once.
  sqlite.pragma('busy_timeout = 15000');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  // Checkpoints run in a worker (sqlite-checkpoint.ts); this far limit (about 80 MB of log) only
  // applies should the worker fall behind.
  sqlite.pragma('wal_autocheckpoint = 20000');
  sqlite.pragma('foreign_keys = ON');
  // Deleted content (a shredded record's wrapped key, re-indexed search text) is overwritten, not left in free pages.
  sqlite.pragma('secure_delete = ON');
  withFunctions(sqlite);
  try {
    fs.chmodSync(file, 0o600);
  } catch {
    /* best effort on filesystems without modes */
  }
  const statements = statementCache(sqlite);
  const reader = openReader(file);
  const gate = new FlushGate();
  const dialect = new DurableSqliteDialect(
    { database: keepFirstError(sqlite, statements) },
    `${file}-wal`,
    (query) => statements(query).readonly,
    undefined,
    { reader: { close: () => reader.close(), prepare: statementCache(reader) }, gate },
  );
  const db = new Kysely<Database>({ dialect });
  const checkpoints = startCheckpointer(file, opts.log?.checkpointMs);
  const restartFrames = opts.log?.restartFrames ?? RESTART_FRAMES;
  let restarting: Promise<void> | null = null;
  // Copying ahead: a checkpoint asked for while the stream goes on, so that the stop below only waits
  // for what was written meanwhile (`copiedAhead` once it is done).
  let ahead: Promise<void> | null = null;
  let copiedAhead = false;
  let retryAt = 0;
  const raw = new Map<string, SQLite.Statement>();
  const arrays = async (q: CompiledQuery) => {
    // As the driver's reads (sqlite-driver.ts): checked right before the synchronous read.
    while (gate.closed) await gate.open();
    let stmt = raw.get(q.sql);
    if (!stmt) {
      if (raw.size >= 100) raw.clear();
      stmt = reader.prepare(q.sql).raw(true);
      raw.set(q.sql, stmt);
    }
    return stmt.all(...q.parameters) as unknown[][];
  };
  return {
    db,
    kind: 'sqlite',
    file,
    arrays,
    flushed: () => dialect.lastFlush(),
    restartLog: () => {
      if (checkpoints.logFrames() < restartFrames || performance.now() < retryAt) return Promise.resolve();
      // Most of the log is copied (and the database file flushed) while batches go on; the stream
      // then stops only for the rest: about 30 ms less than a stop for all of it, every 32 MB of log.
      if (!copiedAhead) {
        ahead ??= checkpoints.now(true).then(() => {
          ahead = null;
          copiedAhead = true;
        });
        return Promise.resolve();
      }
      return (restarting ??= (async () => {
        try {
          copiedAhead = false;
          await dialect.lastFlush().catch(() => undefined);
          // A long read elsewhere (an export process) can keep part of the log from being copied;
          // then the stream goes on as before, and does not wait for a checkpoint again for a second.
          if (!(await checkpoints.now())) retryAt = performance.now() + 1000;
        } finally {
          restarting = null;
        }
      })());
    },
    close: async () => {
      await checkpoints.stop();
      await db.destroy();
    },
  };
}

/**
 * The log's length (in 4 KB pages) past which a steady stream of writes pauses to start it over
 * (`DbHandle.restartLog`): about 32 MB, well below the automatic checkpoint's 20,000 pages, which would
 * otherwise do it on the main thread.
 */
const RESTART_FRAMES = 8192;

/** Functions our SQL uses, on every connection. */
function withFunctions(sqlite: SQLite.Database): void {
  // SQLite's lower() is ASCII-only; this one folds Cyrillic (incl. Ө Ү Ң) for case-insensitive queries.
  sqlite.function('ulower', { deterministic: true }, (s: unknown) =>
    typeof s === 'string' ? s.toLocaleLowerCase('ky') : s,
  );
}

/** The second connection, for plain reads outside transactions (sqlite-driver.ts); it cannot write. */
function openReader(file: string): SQLite.Database {
  const reader = new SQLite(file);
  reader.pragma('query_only = ON');
  reader.pragma('busy_timeout = 15000');
  withFunctions(reader);
  return reader;
}

const NO_OP = {
  reader: false,
  all: () => [],
  iterate: () => [][Symbol.iterator](),
  run: () => ({ changes: 0, lastInsertRowid: 0 }),
};

/**
 * On some errors (a full disk: SQLITE_FULL, I/O errors) SQLite rolls the transaction back by itself.
 * Kysely then issues ROLLBACK, which fails with "no transaction is active" and hides the real error;
 * skipping that ROLLBACK keeps the original error, so a full disk answers `system.storage_full`.
 */
function keepFirstError(
  sqlite: SQLite.Database,
  cached: (query: string) => SQLite.Statement,
): SqliteDatabase {
  return {
    close: () => sqlite.close(),
    prepare: (query: string) =>
      /^\s*rollback\s*$/i.test(query) && !sqlite.inTransaction ? NO_OP : cached(query),
  };
}

const STATEMENTS_KEPT = 2000;

/**
 * Kysely prepares every statement anew; on the hot paths (a submission makes ~10 small queries)
 * preparing cost more than running. Statements are kept by their SQL text, least recently used out
 * first. A statement still iterating (a streamed export) is busy and cannot be reused: a fresh one is
 * prepared for that call. SQLite re-prepares a kept statement by itself after a schema change.
 */
function statementCache(sqlite: SQLite.Database): (query: string) => SQLite.Statement {
  const kept = new Map<string, SQLite.Statement>();
  return (query) => {
    const hit = kept.get(query);
    if (hit) {
      if (hit.busy) return sqlite.prepare(query);
      kept.delete(query); // re-insert: Map order is the recency order
      kept.set(query, hit);
      return hit;
    }
    const stmt = sqlite.prepare(query);
    kept.set(query, stmt);
    if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
    return stmt;
  };
}
