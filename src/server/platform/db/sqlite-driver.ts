import {
  CompiledQuery,
  SelectQueryNode,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDatabase,
  type TransactionSettings,
} from 'kysely';

/**
 * The SQLite driver: one connection writes, a second one reads (ADR 0014, amendment).
 *
 * Why: with one connection every query waited for whatever transaction was open. On election day a
 * batch of submissions holds its transaction for several milliseconds more than half of the time,
 * so each request's session lookup and assignment check queued behind it, two or three times per
 * request. SQLite in WAL mode lets a second connection read the last committed state while the
 * writer works, so plain reads no longer wait for writes.
 *
 * The rules:
 * - A transaction, a `db.connection()` scope that writes or begins, and every write take the writer
 *   (one at a time, as before) and keep it until released; reads inside a transaction stay on the
 *   writer and see its own changes.
 * - A plain SELECT outside a transaction runs on the reader, which is `query_only`.
 * - The reader never sees a commit before its log is on disk: while a commit's flush is under way
 *   (sqlite-durable.ts), reads wait for it. Without this a reader could act on a write that a power
 *   loss then takes back (a replay answered with the id of a submission that is gone).
 */

/** Reads wait on this while a commit's log flush is under way. */
export class FlushGate {
  private pending: Promise<void> | null = null;
  private readonly closing: (() => void)[] = [];

  /** Called as the gate closes, before the commit runs (the readers' shared snapshot ends there). */
  onClose(fn: () => void): void {
    this.closing.push(fn);
  }

  /** True while a commit's flush is under way; read it right before reading, with no await between. */
  get closed(): boolean {
    return this.pending !== null;
  }

  /**
   * Run `work` (a commit or an autocommit write, then its flush) with the gate closed. Its first step
   * runs synchronously, before any read can, and the gate is closed before anything else runs.
   */
  async hold(work: () => Promise<void>): Promise<void> {
    for (const fn of this.closing) fn();
    const p = work();
    const settled = p.then(
      () => undefined,
      () => undefined,
    );
    this.pending = settled;
    try {
      await p;
    } finally {
      if (this.pending === settled) this.pending = null;
    }
  }

  /** Resolves when no flush is under way. */
  async open(): Promise<void> {
    while (this.pending) await this.pending;
  }
}

/** Kysely's connection over one better-sqlite3 database (the same as Kysely's own). */
export class PlainConnection implements DatabaseConnection {
  constructor(private readonly db: SqliteDatabase) {}

  executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.db.prepare(q.sql);
    if (stmt.reader) return Promise.resolve({ rows: stmt.all(q.parameters) as R[] });
    const { changes, lastInsertRowid } = stmt.run(q.parameters);
    return Promise.resolve({
      numAffectedRows: changes == null ? undefined : BigInt(changes),
      insertId: lastInsertRowid == null ? undefined : BigInt(lastInsertRowid),
      rows: [],
    });
  }

  async *streamQuery<R>(q: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(q.query))
      throw new Error('Sqlite driver only supports streaming of select queries');
    for (const row of this.db.prepare(q.sql).iterate(q.parameters)) yield { rows: [row as R] };
  }
}

/**
 * The plain reads of one turn of the event loop share one read transaction on the reader.
 *
 * Why: a statement outside a transaction begins and ends one of its own, and on a virtual machine
 * that costs more than most of our reads: taking and releasing the database file's shared lock and a
 * stat, three system calls, 8 µs where the read itself takes under 1 µs (measured on the 2-core
 * machines this runs on). Every request made two or three such reads (its session, then what its
 * handler checks), so on election day they were a tenth of the main thread's time.
 *
 * Why it reads nothing stale: the shared transaction ends when the gate closes for a commit, before
 * the commit runs (reads wait at the gate meanwhile, then begin a new one), so a read never sees an
 * older state than the last commit on disk; and it ends before the next turn of the event loop, so a
 * write by another process (the CLI) is seen from the next turn, and the checkpoint worker is never
 * held back for longer than a turn.
 */
class SharedSnapshot {
  private open = false;
  private readonly conn: PlainConnection;

  constructor(
    private readonly db: SqliteDatabase,
    gate: FlushGate,
  ) {
    this.conn = new PlainConnection(db);
    gate.onClose(() => this.end());
  }

  /** Runs `q` at once (synchronously), in the turn's read transaction. */
  executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.open) {
      this.db.prepare('begin').run([]);
      this.open = true;
      setImmediate(() => this.end());
    }
    return this.conn.executeQuery<R>(q);
  }

  end(): void {
    if (!this.open) return;
    this.open = false;
    try {
      this.db.prepare('commit').run([]);
    } catch {
      // SQLite already ended it (after an I/O error in a read): nothing is left to end, and this runs
      // from `setImmediate`, where a throw would stop the server.
    }
  }
}

class Mutex {
  private held: Promise<void> | null = null;
  private release: (() => void) | null = null;

  async lock(): Promise<void> {
    while (this.held) await this.held;
    this.held = new Promise((r) => (this.release = r));
  }

  unlock(): void {
    const r = this.release;
    this.held = null;
    this.release = null;
    r?.();
  }
}

// Savepoint names come from code, never from a request; anything else is a bug worth stopping at.
function savepointName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad savepoint name: ${name}`);
  return name;
}

// Only these go to the reader: SQLite calls BEGIN, COMMIT and some PRAGMAs "read-only" too.
const SELECT = /^\s*(select|with)\b/i;

export interface RoutingOptions {
  writer: SqliteDatabase;
  /** The writer's connection, wrapped so that commits are flushed (sqlite-durable.ts). */
  writerConnection: DatabaseConnection;
  /** The reading connection; without it every query takes the writer, as Kysely's driver does. */
  reader?: SqliteDatabase;
  readonly: (sql: string) => boolean;
  gate: FlushGate;
  onDestroy: () => Promise<void>;
}

/** What Kysely holds between acquire and release: bound to the writer only once it needs it. */
class Lease implements DatabaseConnection {
  bound = false;

  constructor(private readonly driver: RoutingDriver) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.bound && this.driver.readable(q.sql)) return this.driver.read<R>(q);
    await this.bind();
    return this.driver.writer.executeQuery<R>(q);
  }

  async *streamQuery<R>(q: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    // A statement still iterating must not see the reader's next snapshot: streams hold the writer.
    await this.bind();
    yield* this.driver.writer.streamQuery<R>(q, chunkSize);
  }

  async bind(): Promise<void> {
    if (this.bound) return;
    await this.driver.mutex.lock();
    this.bound = true;
  }
}

export class RoutingDriver implements Driver {
  readonly mutex = new Mutex();
  readonly writer: DatabaseConnection;
  private readonly reader: SharedSnapshot | null;

  constructor(private readonly opts: RoutingOptions) {
    this.writer = opts.writerConnection;
    this.reader = opts.reader ? new SharedSnapshot(opts.reader, opts.gate) : null;
  }

  async init(): Promise<void> {}

  readable(sql: string): boolean {
    return this.reader !== null && SELECT.test(sql) && this.opts.readonly(sql);
  }

  async read<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    // Checked right before the read, which runs synchronously: a commit that began while this one
    // waited closes the gate again.
    while (this.opts.gate.closed) await this.opts.gate.open();
    return this.reader!.executeQuery<R>(q);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Lease(this);
  }

  async beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await (c as Lease).bind();
    // A transaction that may write takes the write lock as it begins (IMMEDIATE), waiting
    // (busy_timeout) for another process (the CLI beside a running server) to finish. A deferred one
    // that read, then wrote after that process committed, failed at once with "database is locked"
    // (SQLITE_BUSY_SNAPSHOT: no busy timeout applies to it). A read-only one (a backup, an audit
    // check) stays deferred: it must not stop the other process's writes for as long as it reads.
    // In this process transactions already run one at a time on the writer.
    const begin = settings.accessMode === 'read only' ? 'begin' : 'begin immediate';
    await this.writer.executeQuery(CompiledQuery.raw(begin));
  }

  async commitTransaction(): Promise<void> {
    await this.writer.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(): Promise<void> {
    await this.writer.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(_c: DatabaseConnection, name: string): Promise<void> {
    await this.writer.executeQuery(CompiledQuery.raw(`savepoint ${savepointName(name)}`));
  }

  async rollbackToSavepoint(_c: DatabaseConnection, name: string): Promise<void> {
    await this.writer.executeQuery(CompiledQuery.raw(`rollback to ${savepointName(name)}`));
  }

  async releaseSavepoint(_c: DatabaseConnection, name: string): Promise<void> {
    await this.writer.executeQuery(CompiledQuery.raw(`release ${savepointName(name)}`));
  }

  async releaseConnection(c: DatabaseConnection): Promise<void> {
    const lease = c as Lease;
    if (!lease.bound) return;
    lease.bound = false;
    this.mutex.unlock();
  }

  async destroy(): Promise<void> {
    await this.opts.onDestroy();
    this.reader?.end();
    this.opts.writer.close();
    this.opts.reader?.close();
  }
}
