import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Db, DbKind, Executor } from '../db/db.ts';
import type { EnqueueOptions, JobHandler, JobLogger, JobQueueOptions, ManagedJobQueue } from './jobs.ts';
import { errorLabel, retryDelay } from './retry.ts';
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

const iso = (ms: number) => new Date(ms).toISOString();
const RELEASE = { locked_by: null, locked_until: null };

/** The queue behind `createJobQueue`: one job at a time per instance, claimed under a renewed lease. */
export class SqlJobQueue implements ManagedJobQueue {
  private readonly db: Db;
  private readonly kind: DbKind;
  private readonly log: JobLogger;
  private readonly workerId: string;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly backoff: { baseMs: number; maxMs: number };
  private readonly clock: () => number;
  private readonly handlers = new Map<string, JobHandler>();
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(opts: JobQueueOptions) {
    this.db = opts.db;
    this.kind = opts.kind;
    this.log = opts.log;
    this.workerId = opts.workerId ?? `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    this.pollMs = opts.pollMs ?? 1000;
    this.leaseMs = opts.leaseMs ?? 5 * 60_000;
    this.backoff = opts.backoff ?? { baseMs: 10_000, maxMs: 3_600_000 };
    this.clock = opts.clock ?? Date.now;
  }

  register(type: string, handler: JobHandler): void {
    if (this.handlers.has(type)) throw new Error(`jobs: a handler for "${type}" is already registered`);
    this.handlers.set(type, handler);
  }

  async enqueue(exec: Executor, type: string, payload: unknown, opts: EnqueueOptions = {}): Promise<string> {
    const maxAttempts = opts.maxAttempts ?? 5;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw new RangeError('jobs: maxAttempts must be a positive integer');
    }
    const now = iso(this.clock());
    return insertJob(exec, {
      type,
      payload: JSON.stringify(payload) ?? 'null',
      runAt: opts.runAt ? opts.runAt.toISOString() : now,
      maxAttempts,
      uniqueKey: opts.uniqueKey ?? null,
      now,
    });
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.pollLoop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  async runOnce(): Promise<boolean> {
    const now = this.clock();
    const job = await claimJob(this.db, this.kind, {
      types: [...this.handlers.keys()],
      workerId: this.workerId,
      now: iso(now),
      lockedUntil: iso(now + this.leaseMs),
    });
    if (!job) return false;
    await this.execute(job);
    return true;
  }

  cancel(id: string): Promise<boolean> {
    return cancelJob(this.db, id, iso(this.clock()));
  }

  stats(): Promise<Record<JobState, number>> {
    return countByState(this.db);
  }

  private async pollLoop(): Promise<void> {
    while (!this.stopping) {
      let ran = false;
      try {
        ran = await this.runOnce();
      } catch (e) {
        // The database may be briefly unavailable; keep polling rather than kill the worker.
        this.log.error({ error: errorLabel(e) }, 'job poll failed');
      }
      if (!ran && !this.stopping) await this.sleep(this.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async execute(job: JobRow): Promise<void> {
    const ref: ClaimRef = { id: job.id, workerId: this.workerId, attempt: job.attempts };
    if (job.attempts > job.max_attempts) {
      // Its last attempt's worker died mid-run: running it again would exceed max_attempts.
      const now = iso(this.clock());
      await updateClaimed(this.db, ref, {
        state: 'dead',
        last_error: 'LeaseExpired',
        ...RELEASE,
        updated_at: now,
      });
      this.log.warn({ jobId: job.id, type: job.type }, 'job dead after its lease expired');
      return;
    }
    const failure = await this.runHandler(job, ref);
    const now = this.clock();
    const outcome = failure
      ? this.failedValues(job, failure, now)
      : { state: 'done', run_at: job.run_at, last_error: null };
    const kept = await updateClaimed(this.db, ref, { ...outcome, ...RELEASE, updated_at: iso(now) });
    const logged = { jobId: job.id, type: job.type, attempt: job.attempts };
    if (failure) this.log.warn({ ...logged, error: failure }, 'job attempt failed');
    if (!kept) this.log.warn(logged, 'job lease lost before the attempt was recorded');
  }

  /** Run the job's handler while renewing its lease; the error label on failure, else undefined. */
  private async runHandler(job: JobRow, ref: ClaimRef): Promise<string | undefined> {
    const heartbeat = setInterval(
      () => {
        updateClaimed(this.db, ref, { locked_until: iso(this.clock() + this.leaseMs) }).catch((e: unknown) =>
          this.log.warn({ jobId: job.id, error: errorLabel(e) }, 'job lease renewal failed'),
        );
      },
      Math.max(10, Math.floor(this.leaseMs / 3)),
    );
    heartbeat.unref();
    try {
      const handler = this.handlers.get(job.type);
      if (!handler) throw new Error('no handler');
      await handler(JSON.parse(job.payload) as unknown, { jobId: job.id, attempt: job.attempts });
      return undefined;
    } catch (e) {
      return errorLabel(e);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private failedValues(
    job: JobRow,
    label: string,
    now: number,
  ): Pick<JobRow, 'state' | 'run_at' | 'last_error'> {
    if (job.attempts >= job.max_attempts) return { state: 'dead', run_at: job.run_at, last_error: label };
    return { state: 'failed', run_at: iso(now + retryDelay(job.attempts, this.backoff)), last_error: label };
  }
}
