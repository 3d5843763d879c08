import { sql } from 'kysely';
import { envelope, inTx, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/db.ts';
import { markOnceDone, scheduleOnce } from './counts.once.ts';
import { countedValues, publishedVersion } from './submissions.forms.ts';
import { VERIFIED_STATES } from './submissions.recount.ts';

/**
 * Incident reports' answers are counted for the dashboard ("what happened", "who did it") since the
 * counters took them in (submissions.counts.ts); incidents stored before then were counted as incidents
 * only. This job counts every mission's incident answers afresh, until it has once finished (the setting
 * below), and may run again harmlessly: it replaces each mission's incident answer rows with a count of
 * the reports themselves (an observer's, not rejected: submissions.recount.ts), decrypted a page at a time.
 */
export const INCIDENT_COUNTS_JOB = 'monitoring.count_incident_answers';
const DONE = 'monitoring.incident_answers_counted';
const PAGE = 500;

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
  for (const m of missions) n += await inTx(ctx, (tx) => recountMission(ctx, tx, m.id));
  return n;
}

async function recountMission(ctx: AppContext, tx: Tx, missionId: string): Promise<number> {
  // A report arriving meanwhile writes its counters after this commits, and so is counted once:
  // PostgreSQL's writers wait on the lock (SQLite has one writer at a time anyway).
  if (ctx.dbh.kind === 'postgres')
    await sql`lock table mon_count_answer in share row exclusive mode`.execute(tx);
  const forms = await tx
    .selectFrom('submissions')
    .select('form_id')
    .distinct()
    .where('mission_id', '=', missionId)
    .where('form_kind', '=', 'incident')
    .execute();
  if (forms.length === 0) return 0;
  await tx
    .deleteFrom('mon_count_answer')
    .where('mission_id', '=', missionId)
    .where(
      'form_id',
      'in',
      forms.map((f) => f.form_id),
    )
    .execute();
  const sums = new Map<
    string,
    { region: string; form_id: string; field: string; value: string; n: number; verified: number }
  >();
  let after = '';
  let counted = 0;
  for (;;) {
    const rows = await tx
      .selectFrom('submissions')
      .select(['id', 'dek', 'answers', 'form_id', 'form_version_id', 'region', 'status'])
      .where('mission_id', '=', missionId)
      .where('form_kind', '=', 'incident')
      .where('source', '=', 'observer')
      .where('status', '<>', 'rejected')
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      const v = await publishedVersion(tx, r.form_version_id);
      if (!v) continue;
      const key = envelope(ctx).openRecordKey('submissions', r.id, r.dek);
      const answers = JSON.parse(key.decrypt('answers', r.answers)) as Record<string, unknown>;
      const region = r.region ?? '';
      // The rows are replaced whole: the verified layer (ADR 0035) is counted again with them.
      const verified = VERIFIED_STATES.includes(r.status) ? 1 : 0;
      for (const [field, value] of countedValues(v, answers)) {
        const k = [region, r.form_id, field, value].join('\u0001');
        const e = sums.get(k);
        if (e) {
          e.n += 1;
          e.verified += verified;
        } else sums.set(k, { region, form_id: r.form_id, field, value, n: 1, verified });
      }
      counted += 1;
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  const values = [...sums.values()].map((e) => ({ mission_id: missionId, ...e }));
  // In slices: a statement's bound parameters are limited (SQLite 32,766).
  for (let i = 0; i < values.length; i += 1000)
    await tx
      .insertInto('mon_count_answer')
      .values(values.slice(i, i + 1000))
      .execute();
  return counted;
}
