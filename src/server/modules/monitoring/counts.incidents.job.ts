import { inTx, type AppContext } from '../../platform/context.ts';
import { recountAnswers } from './counts.answers.ts';
import { markOnceDone, scheduleOnce } from './counts.once.ts';

/**
 * Incident reports' answers are counted for the dashboard ("what happened", "who did it") since the
 * counters took them in (submissions.counts.ts); incidents stored before then were counted as incidents
 * only. This job counts every mission's incident answers afresh, until it has once finished (the setting
 * below), and may run again harmlessly: it replaces each mission's incident answer rows with a count of
 * the reports themselves (an observer's, not rejected: submissions.recount.ts), decrypted a page at a time.
 */
export const INCIDENT_COUNTS_JOB = 'monitoring.count_incident_answers';
const DONE = 'monitoring.incident_answers_counted';

export function registerIncidentCounts(ctx: AppContext): void {
  ctx.jobs.register(INCIDENT_COUNTS_JOB, async () => {
    await countIncidentAnswers(ctx);
    await markOnceDone(ctx, DONE);
  });
}

/** Checked at start and hourly until the counting has finished once (counts.once.ts). */
export const scheduleIncidentCounts = (ctx: AppContext, now = Date.now()): Promise<void> =>
  scheduleOnce(
    ctx,
    {
      job: INCIDENT_COUNTS_JOB,
      done: DONE,
      needed: async () =>
        !!(await ctx.db
          .selectFrom('submissions')
          .select('id')
          .where('form_kind', '=', 'incident')
          .limit(1)
          .executeTakeFirst()),
    },
    now,
  );

/** Count the incident answers of every mission afresh; returns the number of reports counted. */
export async function countIncidentAnswers(ctx: AppContext): Promise<number> {
  const missions = await ctx.db.selectFrom('missions').select('id').orderBy('id').execute();
  let n = 0;
  for (const m of missions) n += await inTx(ctx, (tx) => recountAnswers(ctx, tx, m.id, { kind: 'incident' }));
  return n;
}
