import { inTx, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { recountAnswers } from './counts.answers.ts';
import { markOnceDone, scheduleOnce } from './counts.once.ts';

/**
 * A repeat group's answers are counted per entry for the dashboard since ADR 0038 ("ill-treatment
 * reported in 7 of 30 interviews"); reports stored before then were counted without their entries.
 * This job counts every mission's entries afresh, until it has once finished (the setting below), and
 * may run again harmlessly: it replaces each mission's entry rows (`group.child`) with a count of the
 * reports themselves. It holds each mission's answer counters while it reads that mission's reports
 * (counts.answers.ts), so it runs once, at the first start after the upgrade.
 */
export const ENTRY_COUNTS_JOB = 'monitoring.count_entry_answers';
const DONE = 'monitoring.entry_answers_counted';

/**
 * Whether the entries of the reports stored before ADR 0038 have been counted (or there were none:
 * migration 0045). Until then the dashboard leaves entries out: a rejection meanwhile would take out
 * entries never counted, and the figures would read low or below zero.
 */
export async function entriesCounted(db: Executor): Promise<boolean> {
  return !!(await db.selectFrom('settings').select('key').where('key', '=', DONE).executeTakeFirst());
}

export function registerEntryCounts(ctx: AppContext): void {
  ctx.jobs.register(ENTRY_COUNTS_JOB, async () => {
    await countEntryAnswers(ctx);
    await markOnceDone(ctx, DONE);
  });
}

/** Checked at start and hourly until the counting has finished once (counts.once.ts). */
export const scheduleEntryCounts = (ctx: AppContext, now = Date.now()): Promise<void> =>
  scheduleOnce(
    ctx,
    {
      job: ENTRY_COUNTS_JOB,
      done: DONE,
      needed: async () =>
        !!(await ctx.db
          .selectFrom('submissions')
          .select('id')
          .where('source', '=', 'observer')
          .where('mission_id', 'is not', null)
          .limit(1)
          .executeTakeFirst()),
    },
    now,
  );

/** Count the entries of every mission afresh; returns the number of reports opened. */
export async function countEntryAnswers(ctx: AppContext): Promise<number> {
  const missions = await ctx.db.selectFrom('missions').select('id').orderBy('id').execute();
  let n = 0;
  for (const m of missions) n += await inTx(ctx, (tx) => recountAnswers(ctx, tx, m.id, { kind: 'entries' }));
  return n;
}
