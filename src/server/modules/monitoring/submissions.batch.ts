import { sql } from 'kysely';
import { appendAuditMany, type AuditEntry } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { preparedRows } from '../../platform/db/prepared.ts';
import { FLUSH_LATER } from '../../platform/db/sqlite-durable.ts';
import type { SubmissionsTable } from '../../platform/db/schema.monitoring.ts';
import { queueCriticalAlert } from './alerts.job.ts';
import { CountBatch, type CountInput } from './submissions.counts.ts';

/**
 * Group commit for submissions (issue #5 speed: thousands of submissions a second). A commit costs
 * one flush to disk whatever it holds, so the submissions that arrive while one transaction is
 * committing are written together in the next one; on SQLite the next one is written while this one's
 * log is flushed (ADR 0014). Nobody is answered before the transaction holding their submission is
 * committed and on disk, so every 2xx is durable exactly as with one transaction each; each
 * submission still gets its own audit entry. The rows go in with a few multi-row inserts, and the
 * dashboard counters and audit entries of a batch are written once at its end, so a busy moment costs
 * fewer statements per submission, not more (on PostgreSQL every statement is a round trip).
 *
 * If a shared transaction fails, its submissions are retried one transaction each, so one bad
 * submission never takes the others down with it.
 */

// Every column of a new submission, in the order `PendingSubmission.values` gives them.
export const COLUMNS = [
  'id',
  'client_id',
  'source',
  'mission_id',
  'site_id',
  'observer_id',
  'form_id',
  'form_version_id',
  'form_kind',
  'region',
  'district',
  'critical',
  'status',
  'flag_translate',
  'flag_geolocate',
  'flag_verify',
  'flag_urgent',
  'submitted_at',
  'received_at',
  'answers',
  'dek',
  'locked_by',
  'locked_until',
  'violation_event_id',
  'case_id',
  'updated_at',
] as const satisfies readonly (keyof SubmissionsTable)[];

/** What one submission brings to a shared transaction; counted and audited only if its row went in. */
export interface PendingSubmission {
  id: string;
  values: unknown[];
  count: CountInput;
  audit: AuditEntry;
}

// A clientId already stored (a replay, or a double tap in the same batch) inserts nothing.
const insertSubmissions = preparedRows('submissions.insert', COLUMNS, (db, rows) =>
  db
    .insertInto('submissions')
    .values(rows as unknown as SubmissionsTable[])
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returning('id'),
);

const CLIENT_ID = COLUMNS.indexOf('client_id');

/**
 * Insert the rows; the ids of those that went in (a known clientId goes in nowhere). A clientId of an
 * erased report goes in nowhere either (ADR 0029): looked for after the insert, in the same transaction,
 * so that an erasure committed meanwhile is seen too; it is rare, and then its row is taken out again.
 */
async function insertRows(tx: Executor, items: PendingSubmission[]): Promise<Set<string>> {
  const rows = await insertSubmissions(
    tx,
    items.map((i) => i.values),
  );
  const stored = new Set(rows.map((r) => r.id));
  if (stored.size === 0) return stored;
  const mine = items.filter((i) => stored.has(i.id));
  const erased = await tx
    .selectFrom('erased_submissions')
    .select('client_id')
    .where(
      'client_id',
      'in',
      mine.map((i) => i.values[CLIENT_ID] as string),
    )
    .execute();
  if (erased.length === 0) return stored;
  const gone = new Set(erased.map((e) => e.client_id));
  const back = mine.filter((i) => gone.has(i.values[CLIENT_ID] as string)).map((i) => i.id);
  await tx.deleteFrom('submissions').where('id', 'in', back).execute();
  for (const id of back) stored.delete(id);
  return stored;
}

/** The batch's rows, counters and audit entries, in the caller's transaction. */
async function writeBatch(ctx: AppContext, tx: Executor, items: PendingSubmission[]): Promise<boolean[]> {
  const stored = await insertRows(tx, items);
  const counts = new CountBatch();
  const entries: AuditEntry[] = [];
  for (const i of items)
    if (stored.has(i.id)) {
      counts.add(i.count);
      entries.push(i.audit);
    }
  await counts.flush(tx);
  await appendAuditMany(tx, ctx.dbh.kind, entries);
  // Rare (a critical incident): its alert is queued with the row, so one never goes without the other.
  for (const i of items) if (i.count.critical && stored.has(i.id)) await queueCriticalAlert(ctx, tx, i.id);
  return items.map((i) => stored.has(i.id));
}

/**
 * One transaction for `items`: whether each one's row was stored, once it has committed, and `durable`,
 * which settles once that commit is on disk. On SQLite the commit answers before its flush
 * (FLUSH_LATER), so the next batch can be written meanwhile; nobody may be answered before `durable`.
 */
async function runShared(
  ctx: AppContext,
  items: PendingSubmission[],
): Promise<{ stored: boolean[]; durable: Promise<void> }> {
  if (ctx.dbh.kind !== 'sqlite') {
    const stored = await ctx.db.transaction().execute((tx) => writeBatch(ctx, tx, items));
    return { stored, durable: Promise.resolve() };
  }
  const stored = await ctx.db.connection().execute(async (db) => {
    await sql`begin`.execute(db);
    try {
      const out = await writeBatch(ctx, db, items);
      await sql.raw(FLUSH_LATER).execute(db);
      return out;
    } catch (e) {
      await sql`rollback`.execute(db).catch(() => undefined);
      throw e;
    }
  });
  // Taken at once: a later commit waits for this flush, so the last flush is this commit's.
  return { stored, durable: ctx.dbh.flushed() };
}

interface Job {
  item: PendingSubmission;
  resolve: (stored: boolean) => void;
  reject: (e: unknown) => void;
}

const MAX_BATCH = 256;

class Batcher {
  private queue: Job[] = [];
  private busy = false;

  constructor(private readonly ctx: AppContext) {}

  add(item: PendingSubmission): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.busy) void this.loop();
    });
  }

  private async loop(): Promise<void> {
    this.busy = true;
    try {
      while (this.queue.length) {
        // Let requests that arrived meanwhile reach the queue (I/O runs before `setImmediate`).
        await new Promise((r) => setImmediate(r));
        // Under a steady stream, now and then the log is copied out so that this batch starts it over.
        await this.ctx.dbh.restartLog();
        const batch = this.queue.splice(0, MAX_BATCH);
        let done: { stored: boolean[]; durable: Promise<void> };
        try {
          done = await runShared(
            this.ctx,
            batch.map((j) => j.item),
          );
        } catch (e) {
          if (batch.length === 1) batch[0]!.reject(e);
          else
            for (const j of batch) {
              try {
                const one = await runShared(this.ctx, [j.item]);
                await one.durable;
                j.resolve(one.stored[0]!);
              } catch (err) {
                j.reject(err);
              }
            }
          continue;
        }
        // Answered once on disk; meanwhile the loop goes on to the next batch, whose commit waits for
        // this flush (sqlite-durable.ts).
        done.durable.then(
          () => batch.forEach((j, i) => j.resolve(done.stored[i]!)),
          (e: unknown) => batch.forEach((j) => j.reject(e)),
        );
      }
    } finally {
      this.busy = false;
    }
  }
}

const batchers = new WeakMap<AppContext, Batcher>();

/**
 * Store a submission in a transaction shared with others arriving at the same moment; false when its
 * clientId was stored already (its row is not inserted, counted or audited).
 */
export function storeShared(ctx: AppContext, item: PendingSubmission): Promise<boolean> {
  let b = batchers.get(ctx);
  if (!b) {
    b = new Batcher(ctx);
    batchers.set(ctx, b);
  }
  return b.add(item);
}
