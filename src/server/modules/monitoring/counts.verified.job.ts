import { sql } from 'kysely';
import { envelope, inTx, type AppContext } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/db.ts';
import { markOnceDone, scheduleOnce } from './counts.once.ts';
import { CountBatch } from './submissions.counts.ts';
import { countedValues, publishedVersion } from './submissions.forms.ts';
import { countInput, VERIFIED_STATES } from './submissions.recount.ts';

/**
 * The verified layer of the counters (ADR 0035) is kept as reports enter and leave verified / published
 * since migration 0042; reports verified before then are counted in by this job, once per installation
 * (counts.once.ts). It may run again harmlessly: it sets each mission's verified figures to zero and
 * counts its verified reports afresh, decrypted a page at a time.
 */
export const VERIFIED_COUNTS_JOB = 'monitoring.count_verified';
/** Written when the job has finished, or once no verified report was found (below). */
const DONE = 'monitoring.verified_counted';

/**
 * Whether the verified figures are complete. Until the job has run they may be too low: a mission
 * cannot switch its public page to them meanwhile (missions.service.ts), and the dashboard says so.
 * With no verified report at all there is nothing to count (a new installation): that is written down
 * the first time it is seen, since a report verified from then on is counted as it is verified.
 */
export async function verifiedCounted(db: Executor): Promise<boolean> {
  if (await db.selectFrom('settings').select('key').where('key', '=', DONE).executeTakeFirst()) return true;
  if (await anyVerified(db)) return false;
  await db
    .insertInto('settings')
    .values({ key: DONE, value: '1', updated_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return true;
}

const anyVerified = async (db: Executor) =>
  !!(await db
    .selectFrom('submissions')
    .select('id')
    .where('source', '=', 'observer')
    .where('status', 'in', VERIFIED_STATES)
    .limit(1)
    .executeTakeFirst());
const PAGE = 500;

export function registerVerifiedCounts(ctx: AppContext): void {
  ctx.jobs.register(VERIFIED_COUNTS_JOB, async () => {
    await countVerified(ctx);
    await markOnceDone(ctx, DONE);
  });
}

export const scheduleVerifiedCounts = (ctx: AppContext, now = Date.now()): Promise<void> =>
  scheduleOnce(
    ctx,
    {
      job: VERIFIED_COUNTS_JOB,
      done: DONE,
      needed: () => anyVerified(ctx.db),
    },
    now,
  );

/**
 * Count the verified layer afresh of every mission that has verified reports; returns the number of
 * reports counted. Missions without any are left alone: their verified figures are kept at zero by the
 * reviews themselves, and each mission visited locks the counters (a stall for arriving reports).
 */
export async function countVerified(ctx: AppContext): Promise<number> {
  const missions = await ctx.db
    .selectFrom('submissions')
    .select('mission_id as id')
    .distinct()
    .where('source', '=', 'observer')
    .where('status', 'in', VERIFIED_STATES)
    .where('mission_id', 'is not', null)
    .execute();
  let n = 0;
  // In one order on every node (the counters' row locks).
  for (const id of missions.map((m) => m.id!).sort())
    n += await inTx(ctx, (tx) => recountMission(ctx, tx, id));
  return n;
}

async function recountMission(ctx: AppContext, tx: Tx, missionId: string): Promise<number> {
  // A review meanwhile writes its counters after this commits, and so is counted once (PostgreSQL's
  // writers wait on the locks; SQLite has one writer at a time anyway).
  if (ctx.dbh.kind === 'postgres')
    await sql`lock table mon_count_region, mon_count_hour, mon_count_answer in share row exclusive mode`.execute(
      tx,
    );
  const zero = { verified_incidents: 0, verified_critical: 0 };
  await tx.updateTable('mon_count_region').set(zero).where('mission_id', '=', missionId).execute();
  await tx.updateTable('mon_count_hour').set(zero).where('mission_id', '=', missionId).execute();
  await tx.updateTable('mon_count_answer').set({ verified: 0 }).where('mission_id', '=', missionId).execute();
  let after = '';
  let counted = 0;
  for (;;) {
    const rows = await tx
      .selectFrom('submissions')
      .selectAll()
      .where('mission_id', '=', missionId)
      .where('source', '=', 'observer')
      .where('status', 'in', VERIFIED_STATES)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    const batch = new CountBatch('verified');
    for (const r of rows) {
      const v = await publishedVersion(tx, r.form_version_id);
      const key = envelope(ctx).openRecordKey('submissions', r.id, r.dek);
      const answers = JSON.parse(key.decrypt('answers', r.answers)) as Record<string, unknown>;
      batch.add(countInput(r, v ? countedValues(v, answers) : []));
      counted += 1;
    }
    await batch.flush(tx);
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  return counted;
}
