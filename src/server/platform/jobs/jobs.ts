import type { Db, DbKind, Executor } from '../db/db.ts';
import type { JobState } from './store.ts';
import { SqlJobQueue } from './queue.ts';

export type { JobState } from './store.ts';

/**
 * Background jobs in the `jobs` table, the same code on SQLite and PostgreSQL. A job is claimed
 * atomically with a lease (`locked_until`); a worker that dies loses its lease and the job runs again,
 * so handlers must be idempotent (at-least-once delivery, but never twice at the same time).
 */

export interface EnqueueOptions {
  /** Earliest time to run (default: now). */
  runAt?: Date;
  /**
   * De-duplication key: while a job with this key exists (in any state), enqueueing again returns that
   * job's id instead of adding another. Make it specific, e.g. `reindex:case:<id>:<version>`.
   */
  uniqueKey?: string;
  /** Attempts before the job is `dead` (default 5). */
  maxAttempts?: number;
}

export type JobHandler = (payload: unknown, info: { jobId: string; attempt: number }) => Promise<void>;

export interface JobQueue {
  /** Handle jobs of `type` on this node; only registered types are claimed. */
  register(type: string, handler: JobHandler): void;
  /**
   * Add a job, as part of the caller's transaction when `exec` is one (the job then exists only if the
   * transaction commits). **The payload is stored in clear, in the database and possibly in logs of
   * failures: it must never contain sensitive plaintext** (names, contacts, narratives…). Put record ids
   * in it and let the handler load and decrypt what it needs.
   */
  enqueue(exec: Executor, type: string, payload: unknown, opts?: EnqueueOptions): Promise<string>;
  /** Poll for jobs until `stop()`. */
  start(): void;
  /** Stop polling; resolves once the job that is running (if any) has finished. */
  stop(): Promise<void>;
  /** Claim and run at most one due job; true when one was claimed. */
  runOnce(): Promise<boolean>;
}

/**
 * The queue with its admin operations. Kept apart from `JobQueue` so that code typed against the
 * original interface (and stand-ins for it) stays valid.
 */
export interface ManagedJobQueue extends JobQueue {
  /** Cancel a queued or failed (waiting to retry) job; false when it is running, finished or unknown. */
  cancel(id: string): Promise<boolean>;
  /** Number of jobs per state, for the admin page. */
  stats(): Promise<Record<JobState, number>>;
}

/** The logger methods the queue uses (a pino logger fits). It logs ids, types and error names only. */
export interface JobLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobQueueOptions {
  db: Db;
  kind: DbKind;
  log: JobLogger;
  /** Unique per queue instance (default: host, pid and a random suffix). */
  workerId?: string;
  /** Pause between polls when no job is due (default 1000 ms). */
  pollMs?: number;
  /** How long a claim holds before another worker may take the job (default 5 min; renewed while running). */
  leaseMs?: number;
  /** Retry delay: baseMs·2^(attempt−1), at most maxMs, plus up to 25 % jitter (default 10 s … 1 h). */
  backoff?: { baseMs: number; maxMs: number };
  /** Current time in ms; tests move it forward instead of sleeping. */
  clock?: () => number;
}

/** A job queue over the given database. */
export function createJobQueue(opts: JobQueueOptions): ManagedJobQueue {
  return new SqlJobQueue(opts);
}

export { errorLabel, retryDelay } from './retry.ts';
