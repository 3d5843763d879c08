import { appendAuditMany, type AuditEntry } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/db.ts';
import { CountBatch, type CountInput } from './submissions.counts.ts';

/**
 * Group commit for submissions (issue #5 speed: thousands of submissions a second on SQLite with
 * `synchronous = FULL`). A commit costs one flush to disk whatever it holds, so the submissions that
 * arrive while one transaction is committing are written together in the next one. Nobody is answered
 * before the transaction holding their submission has committed, so every 2xx is durable exactly as
 * with one transaction each; each submission still gets its own audit entry. The dashboard counters
 * and the audit entries of a batch are written once at its end (one upsert per counter, one insert of
 * all entries), so a busy moment costs fewer statements per submission, not more.
 *
 * If a shared transaction fails, its submissions are retried one transaction each, so one bad
 * submission never takes the others down with it.
 */
export type Work<T> = (tx: Tx, audit: (e: AuditEntry) => void, count: (c: CountInput) => void) => Promise<T>;

/** One transaction for `works`, in order; their counters and audit entries are written at the end. */
async function runShared(ctx: AppContext, works: Work<unknown>[]): Promise<unknown[]> {
  return ctx.db.transaction().execute(async (tx) => {
    const entries: AuditEntry[] = [];
    const counts = new CountBatch();
    const out: unknown[] = [];
    for (const w of works)
      out.push(
        await w(
          tx,
          (e) => entries.push(e),
          (c) => counts.add(c),
        ),
      );
    await counts.flush(tx);
    await appendAuditMany(tx, ctx.dbh.kind, entries);
    return out;
  });
}

interface Job {
  work: Work<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

const MAX_BATCH = 256;

class Batcher {
  private queue: Job[] = [];
  private busy = false;

  constructor(private readonly ctx: AppContext) {}

  add<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.busy) void this.loop();
    });
  }

  private async loop(): Promise<void> {
    this.busy = true;
    try {
      while (this.queue.length) {
        // Let requests that arrived meanwhile reach the queue (I/O runs before `setImmediate`).
        await new Promise((r) => setImmediate(r));
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const results = await runShared(
            this.ctx,
            batch.map((j) => j.work),
          );
          batch.forEach((j, i) => j.resolve(results[i]));
        } catch (e) {
          if (batch.length === 1) batch[0]!.reject(e);
          else
            for (const j of batch) {
              try {
                j.resolve((await runShared(this.ctx, [j.work]))[0]);
              } catch (err) {
                j.reject(err);
              }
            }
        }
      }
    } finally {
      this.busy = false;
    }
  }
}

const batchers = new WeakMap<AppContext, Batcher>();

/** Run `work` in a transaction shared with other submissions arriving at the same moment. */
export function inSharedTx<T>(ctx: AppContext, work: Work<T>): Promise<T> {
  let b = batchers.get(ctx);
  if (!b) {
    b = new Batcher(ctx);
    batchers.set(ctx, b);
  }
  return b.add(work);
}
