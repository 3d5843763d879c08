import fs from 'node:fs/promises';
import {
  SqliteDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDatabase,
} from 'kysely';
import { FlushGate, PlainConnection, RoutingDriver } from './sqlite-driver.ts';

/**
 * SQLite with `synchronous = NORMAL` and the write-ahead log flushed to disk (fdatasync, in libuv's
 * thread pool) after every commit, before the caller goes on (ADR 0014).
 *
 * Why: with `synchronous = FULL` SQLite calls fsync inside COMMIT, and better-sqlite3 runs COMMIT on
 * the main thread, so the whole server stood still for every flush (6 ms on a quiet disk, 35 ms on a
 * busy one) — on election day most of the time. With NORMAL, COMMIT only writes the log; the flush
 * that follows runs off the main thread while the server goes on parsing and checking requests.
 *
 * Durability is what FULL gave: nothing is acknowledged before the log frames of its transaction are
 * on disk (the transaction's promise resolves only after the flush), and a frame on disk is a
 * committed transaction after a power loss (SQLite's recovery replays every complete commit in the
 * log). fsync applies to the file, not to the descriptor, so flushing through a descriptor of our own
 * covers what SQLite wrote through its own. Checkpoints still flush inside SQLite, as before.
 *
 * A flush is owed after a COMMIT of a transaction that wrote and after any write outside a transaction
 * (autocommit; SQLite itself says whether a statement writes); a ROLLBACK owes nothing. A commit
 * answers after its flush, except a `FLUSH_LATER` one (below), and every commit first waits for the
 * flush of the one before, so at most one commit is ever off disk; plain reads run on a second
 * connection (sqlite-driver.ts) and wait at the gate until the flush is done, so nobody ever sees a
 * commit that is not yet on disk.
 */
export class DurableSqliteDialect extends SqliteDialect {
  /** The flush of the last commit (see `FLUSH_LATER`). */
  private readonly flushes = { last: Promise.resolve() };

  constructor(
    private readonly conf: { database: SqliteDatabase },
    private readonly walFile: string,
    private readonly readonly: (sql: string) => boolean,
    /** Tests count the flushes through this. */
    private readonly flushLog?: (walFile: string) => Promise<void>,
    /** A second connection for plain reads (sqlite-driver.ts), and the gate they wait at. */
    private readonly reading?: { reader: SqliteDatabase; gate: FlushGate },
  ) {
    super(conf);
  }

  /** Resolves once the last commit is on disk; rejects if its flush failed. */
  lastFlush(): Promise<void> {
    return this.flushes.last;
  }

  override createDriver(): Driver {
    const log = new WalLog(this.walFile, this.flushLog);
    const flushes = this.flushes;
    const gate = this.reading?.gate ?? new FlushGate();
    return new RoutingDriver({
      writer: this.conf.database,
      writerConnection: durable(
        new PlainConnection(this.conf.database),
        () => log.flush(),
        this.readonly,
        gate,
        flushes,
      ),
      reader: this.reading?.reader,
      readonly: this.readonly,
      gate,
      onDestroy: async () => {
        await flushes.last.catch(() => undefined);
        await log.close();
      },
    });
  }
}

/**
 * The write-ahead log, kept open: one thread-pool task per flush instead of three (open, sync,
 * close), which matters when the pool is busy (thumbnails, file reads). SQLite deletes the log only
 * when its last connection closes, and ours stays open until `destroy`, so the descriptor always
 * names the live log.
 */
class WalLog {
  private handle: Promise<fs.FileHandle> | null = null;

  constructor(
    private readonly file: string,
    private readonly custom: ((walFile: string) => Promise<void>) | undefined,
  ) {}

  async flush(): Promise<void> {
    if (this.custom) return this.custom(this.file);
    this.handle ??= fs.open(this.file, 'r');
    let h: fs.FileHandle;
    try {
      h = await this.handle;
    } catch (e) {
      this.handle = null;
      // No log file: nothing was written through it.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    await h.datasync();
  }

  async close(): Promise<void> {
    const h = await this.handle?.catch(() => null);
    this.handle = null;
    await h?.close();
  }
}

/**
 * A COMMIT that answers as soon as it has run, before its flush: the group commit of submissions
 * (submissions.batch.ts) uses it so that the next batch's statements run while this one is flushed,
 * and it waits for `DurableSqliteDialect.lastFlush()` before answering anyone. Everything else holds:
 * the next commit (or autocommit write) waits until this flush is done, so there is never more than
 * one commit not yet on disk, and reads wait at the gate until it is (ADR 0014).
 */
export const FLUSH_LATER = 'commit -- ukuk: flush later';

const ROLLBACK = /^\s*rollback\s*$/i;
const COMMIT = /^\s*(commit|end)\b/i;
const BEGIN = /^\s*begin\b/i;

function durable(
  inner: DatabaseConnection,
  sync: () => Promise<void>,
  readonly: (sql: string) => boolean,
  gate: FlushGate,
  flushes: { last: Promise<void> },
): DatabaseConnection {
  let inTx = false;
  let owed = false;
  // A commit or autocommit write, then its flush; readers on the other connection wait meanwhile.
  // `wait` false (FLUSH_LATER) answers once the statement has run; the caller waits for the flush.
  async function flushed<R>(q: CompiledQuery, wait = true): Promise<QueryResult<R>> {
    // One commit off disk at a time: wait for the flush of the one before.
    await flushes.last.catch(() => undefined);
    let r: QueryResult<R> | undefined;
    let ran!: () => void;
    const committed = new Promise<void>((resolve) => (ran = resolve));
    const flush = gate.hold(async () => {
      try {
        r = await inner.executeQuery<R>(q);
      } finally {
        ran();
      }
      await sync();
    });
    flushes.last = flush;
    // Whoever waits for it sees a failure; nobody waiting must not make it an unhandled rejection.
    flush.catch(() => undefined);
    if (wait) await flush;
    else await committed;
    // The statement itself failed: its error.
    if (r === undefined) await flush;
    return r!;
  }
  return {
    async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
      const { sql } = q;
      if (BEGIN.test(sql)) {
        const r = await inner.executeQuery<R>(q);
        inTx = true;
        return r;
      }
      if (ROLLBACK.test(sql)) {
        inTx = false;
        owed = false;
        return inner.executeQuery<R>(q);
      }
      if (COMMIT.test(sql)) {
        inTx = false;
        if (!owed) return inner.executeQuery<R>(q);
        owed = false;
        return flushed(q, sql !== FLUSH_LATER);
      }
      // Asked before running: a CREATE TABLE cannot even be prepared once its table exists.
      if (readonly(sql)) return inner.executeQuery<R>(q);
      if (!inTx) return flushed(q);
      owed = true;
      return inner.executeQuery<R>(q);
    },
    streamQuery<R>(q: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
      return inner.streamQuery<R>(q, chunkSize);
    },
  };
}
