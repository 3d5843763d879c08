import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Db, DbKind, Executor } from '../db/db.ts';
import {
  cancelJob,
  claimJob,
  countByState,
  insertJob,
  updateClaimed,
  type ClaimRef,
  type JobRow,
  type JobState,
} from './store.ts';

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
  const { db, kind, log } = opts;
  const workerId = opts.workerId ?? `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const pollMs = opts.pollMs ?? 1000;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const backoff = opts.backoff ?? { baseMs: 10_000, maxMs: 3_600_000 };
  const clock = opts.clock ?? Date.now;
  const iso = (ms: number) => new Date(ms).toISOString();
  const handlers = new Map<string, JobHandler>();
  let loop: Promise<void> | undefined;
  let stopping = false;
  let wake: (() => void) | undefined;

  async function execute(job: JobRow): Promise<void> {
    const ref: ClaimRef = { id: job.id, workerId, attempt: job.attempts };
    const release = { locked_by: null, locked_until: null };
    if (job.attempts > job.max_attempts) {
      // Its last attempt's worker died mid-run: running it again would exceed max_attempts.
      await updateClaimed(db, ref, {
        state: 'dead',
        last_error: 'LeaseExpired',
        ...release,
        updated_at: iso(clock()),
      });
      log.warn({ jobId: job.id, type: job.type }, 'job dead after its lease expired');
      return;
    }
    const heartbeat = setInterval(
      () => {
        updateClaimed(db, ref, { locked_until: iso(clock() + leaseMs) }).catch((e: unknown) =>
          log.warn({ jobId: job.id, error: errorLabel(e) }, 'job lease renewal failed'),
        );
      },
      Math.max(10, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    let failure: { error: unknown } | undefined;
    try {
      const handler = handlers.get(job.type);
      if (!handler) throw new Error('no handler');
      await handler(JSON.parse(job.payload) as unknown, { jobId: job.id, attempt: job.attempts });
    } catch (error) {
      failure = { error };
    } finally {
      clearInterval(heartbeat);
    }
    const now = clock();
    const kept = failure
      ? await updateClaimed(db, ref, {
          ...failedValues(job, errorLabel(failure.error), now),
          ...release,
          updated_at: iso(now),
        })
      : await updateClaimed(db, ref, { state: 'done', last_error: null, ...release, updated_at: iso(now) });
    if (failure)
      log.warn(
        { jobId: job.id, type: job.type, attempt: job.attempts, error: errorLabel(failure.error) },
        'job attempt failed',
      );
    if (!kept) log.warn({ jobId: job.id, type: job.type }, 'job lease lost before the attempt was recorded');
  }

  function failedValues(
    job: JobRow,
    label: string,
    now: number,
  ): Pick<JobRow, 'state' | 'run_at' | 'last_error'> {
    if (job.attempts >= job.max_attempts) return { state: 'dead', run_at: job.run_at, last_error: label };
    return { state: 'failed', run_at: iso(now + retryDelay(job.attempts, backoff)), last_error: label };
  }

  async function runOnce(): Promise<boolean> {
    const now = clock();
    const job = await claimJob(db, kind, {
      types: [...handlers.keys()],
      workerId,
      now: iso(now),
      lockedUntil: iso(now + leaseMs),
    });
    if (!job) return false;
    await execute(job);
    return true;
  }

  async function pollLoop(): Promise<void> {
    while (!stopping) {
      let ran = false;
      try {
        ran = await runOnce();
      } catch (e) {
        // The database may be briefly unavailable; keep polling rather than kill the worker.
        log.error({ error: errorLabel(e) }, 'job poll failed');
      }
      if (!ran && !stopping)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
    }
  }

  return {
    register(type, handler) {
      if (handlers.has(type)) throw new Error(`jobs: a handler for "${type}" is already registered`);
      handlers.set(type, handler);
    },
    async enqueue(exec, type, payload, o = {}) {
      const maxAttempts = o.maxAttempts ?? 5;
      if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
        throw new RangeError('jobs: maxAttempts must be a positive integer');
      const now = iso(clock());
      const runAt = o.runAt ? o.runAt.toISOString() : now;
      const json = JSON.stringify(payload) ?? 'null';
      return insertJob(exec, {
        type,
        payload: json,
        runAt,
        maxAttempts,
        uniqueKey: o.uniqueKey ?? null,
        now,
      });
    },
    start() {
      if (loop) return;
      stopping = false;
      loop = pollLoop();
    },
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      loop = undefined;
    },
    runOnce,
    cancel: (id) => cancelJob(db, id, iso(clock())),
    stats: () => countByState(db),
  };
}

/** Delay before retry number `attempt` (1-based): exponential, capped, with jitter so retries spread out. */
export function retryDelay(
  attempt: number,
  backoff: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const nominal = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal * (1 + 0.25 * random()));
}

/**
 * What is stored in `last_error`: the error's name and code only. Messages are dropped because they
 * may quote personal data (a name in a validation message, a row in a database error).
 */
export function errorLabel(e: unknown): string {
  if (!(e instanceof Error)) return 'NonError';
  const clean = (s: string) => s.replace(/[^\w.:-]/g, '').slice(0, 64);
  const name = clean(e.name) || 'Error';
  const code: unknown = (e as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number' ? `${name}:${clean(String(code))}` : name;
}
