import type { AppContext } from '../../platform/context.ts';

/**
 * A counting job that must finish once per installation (counters that later versions keep, filled in
 * for what was stored before). Checked at start and hourly until the setting `done` exists. Not while
 * the keys are sealed (answers cannot be read then, and a job failing its attempts would wait for
 * nothing); a job that died all the same is followed by the next hour's (the unique key is per hour).
 * `needed` false (nothing stored before, a new installation) marks it done without running it.
 */
export async function scheduleOnce(
  ctx: AppContext,
  o: { job: string; done: string; needed: () => Promise<boolean> },
  now = Date.now(),
): Promise<void> {
  const done = await ctx.db.selectFrom('settings').select('key').where('key', '=', o.done).executeTakeFirst();
  if (done || ctx.keyring.sealed) return;
  if (!(await o.needed())) return void (await markOnceDone(ctx, o.done));
  const hour = new Date(now).toISOString().slice(0, 13);
  await ctx.jobs.enqueue(ctx.db, o.job, {}, { uniqueKey: `${o.job}:${hour}` });
}

export const markOnceDone = (ctx: AppContext, key: string) =>
  ctx.db
    .insertInto('settings')
    .values({ key, value: '1', updated_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
