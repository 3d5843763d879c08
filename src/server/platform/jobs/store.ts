import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Db, DbKind, Executor } from '../db/db.ts';
import type { Database, JobsTable } from '../db/schema.ts';
import { uuidv7 } from '../../../core/ids.ts';

/** A row of the `jobs` table. */
export type JobRow = Selectable<JobsTable>;

/**
 * queued: waiting to run; active: claimed by a worker until `locked_until`; failed: an attempt failed
 * and a retry is scheduled at `run_at`; done: finished; dead: gave up (attempts used up, or cancelled).
 */
export type JobState = 'queued' | 'active' | 'done' | 'failed' | 'dead';
export const JOB_STATES: readonly JobState[] = ['queued', 'active', 'done', 'failed', 'dead'];

/** Insert a job unless its unique key exists; returns the id of the new or the existing job. */
export async function insertJob(
  exec: Executor,
  job: {
    type: string;
    payload: string;
    runAt: string;
    maxAttempts: number;
    uniqueKey: string | null;
    now: string;
  },
): Promise<string> {
  const inserted = await exec
    .insertInto('jobs')
    .values({
      id: uuidv7(),
      type: job.type,
      payload: job.payload,
      state: 'queued',
      run_at: job.runAt,
      attempts: 0,
      max_attempts: job.maxAttempts,
      unique_key: job.uniqueKey,
      created_at: job.now,
      updated_at: job.now,
    })
    // ON CONFLICT rather than read-then-insert: two concurrent enqueues of one key cannot both insert.
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await exec
    .selectFrom('jobs')
    .select('id')
    .where('unique_key', '=', job.uniqueKey)
    .executeTakeFirstOrThrow();
  return existing.id;
}

/** Due jobs of the given types, and active jobs whose worker's lease ran out (it crashed or hung). */
function claimable(types: readonly string[], now: string) {
  return (eb: ExpressionBuilder<Database, 'jobs'>) =>
    eb.and([
      eb('type', 'in', types),
      eb.or([
        eb.and([eb('state', 'in', ['queued', 'failed']), eb('run_at', '<=', now)]),
        eb.and([eb('state', '=', 'active'), eb('locked_until', '<', now)]),
      ]),
    ]);
}

/**
 * Claim the next job atomically in one statement. On PostgreSQL the inner SELECT takes a row lock with
 * SKIP LOCKED, so concurrent claimers on other nodes pass over a row being claimed instead of taking it
 * too; SQLite runs one writer at a time, so the single statement is atomic there. The outer WHERE
 * re-checks claimability as a second guard.
 */
export async function claimJob(
  db: Db,
  kind: DbKind,
  claim: { types: readonly string[]; workerId: string; now: string; lockedUntil: string },
): Promise<JobRow | undefined> {
  if (claim.types.length === 0) return undefined;
  const next = db
    .selectFrom('jobs')
    .select('id')
    .where(claimable(claim.types, claim.now))
    .orderBy('run_at')
    .orderBy('id')
    .limit(1)
    .$if(kind === 'postgres', (qb) => qb.forUpdate().skipLocked());
  return db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'active',
      attempts: eb('attempts', '+', 1),
      locked_by: claim.workerId,
      locked_until: claim.lockedUntil,
      updated_at: claim.now,
    }))
    .where('id', '=', next)
    .where(claimable(claim.types, claim.now))
    .returningAll()
    .executeTakeFirst();
}

/** Identifies one claim of one job: the worker and the attempt number (a fencing token). */
export interface ClaimRef {
  id: string;
  workerId: string;
  attempt: number;
}

/** Change a job this worker still holds; false when the lease was lost to another worker. */
export async function updateClaimed(
  db: Db,
  ref: ClaimRef,
  values: Partial<
    Pick<JobRow, 'state' | 'run_at' | 'last_error' | 'locked_by' | 'locked_until' | 'updated_at'>
  >,
): Promise<boolean> {
  const res = await db
    .updateTable('jobs')
    .set(values)
    .where('id', '=', ref.id)
    .where('locked_by', '=', ref.workerId)
    .where('attempts', '=', ref.attempt)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}

/** Cancel a job that is not running; true when it was cancelled. */
export async function cancelJob(db: Db, id: string, now: string): Promise<boolean> {
  const res = await db
    .updateTable('jobs')
    .set({ state: 'dead', last_error: 'Cancelled', updated_at: now })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'failed'])
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}

/** Number of jobs in each state (every state present, zero when empty). */
export async function countByState(db: Db): Promise<Record<JobState, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select((eb) => ['state', eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
  const out = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  for (const r of rows)
    if ((JOB_STATES as readonly string[]).includes(r.state)) out[r.state as JobState] = Number(r.n);
  return out;
}
