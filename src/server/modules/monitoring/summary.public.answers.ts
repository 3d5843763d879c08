import type { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import type * as S from './summary.schemas.ts';

type Answer = z.infer<typeof S.Summary>['answers'][number];

/**
 * The answers of a public results page move in steps (ADR 0039). Withholding counts from 1 to 4 hides
 * a small cell, not a change: a reader who opens the page before and after one visit to a prison
 * (the staff know when the monitors came) would read that one report's answers as the difference,
 * "ill-treatment reported: yes" included. So the page keeps the answers it last showed and replaces
 * them only once some answer count has moved by at least `step` (the publishing threshold): one
 * report moves each count by one at most, however often it is corrected or re-reviewed, so any two
 * answer sets the page ever shows differ by at least that many reports. Coverage and incidents stay
 * live: they say that a report came, not what it said.
 */
export async function steppedAnswers(
  ctx: AppContext,
  missionId: string,
  counts: 'received' | 'verified',
  live: Answer[],
  step: number,
): Promise<{ answers: Answer[]; asOf: string }> {
  const key = (db: AppContext['db']) =>
    db
      .selectFrom('mon_public_answers')
      .select(['version', 'answers', 'taken_at'])
      .where('mission_id', '=', missionId)
      .where('counts', '=', counts);
  let row = await key(ctx.db).executeTakeFirst();
  const now = new Date().toISOString();
  if (!row) {
    // The first visit publishes what there is; another node may have done it at the same moment.
    await ctx.db
      .insertInto('mon_public_answers')
      .values({ mission_id: missionId, counts, version: 1, answers: JSON.stringify(live), taken_at: now })
      .onConflict((oc) => oc.columns(['mission_id', 'counts']).doNothing())
      .execute();
    row = await key(ctx.db).executeTakeFirstOrThrow();
  } else if (largestChange(JSON.parse(row.answers) as Answer[], live) >= step) {
    // Only over the version this node read: two nodes stepping at once must not publish two sets a
    // report apart. The loser serves what the winner wrote.
    await ctx.db
      .updateTable('mon_public_answers')
      .set({ version: row.version + 1, answers: JSON.stringify(live), taken_at: now })
      .where('mission_id', '=', missionId)
      .where('counts', '=', counts)
      .where('version', '=', row.version)
      .execute();
    row = await key(ctx.db).executeTakeFirstOrThrow();
  }
  return { answers: JSON.parse(row.answers) as Answer[], asOf: row.taken_at };
}

/**
 * The most any one published count differs between two answer sets (a question missing from one side
 * counts as zeros there): each question's total and each of its values.
 */
export function largestChange(before: Answer[], after: Answer[]): number {
  const cells = (list: Answer[]) => {
    const m = new Map<string, number>();
    for (const a of list) {
      const q = `${a.formId}\u0000${a.field}`;
      m.set(`${q}\u0000*`, a.total);
      for (const c of a.counts) m.set(`${q}\u0000=${c.value}`, c.n);
    }
    return m;
  };
  const b = cells(before);
  const a = cells(after);
  let most = 0;
  for (const k of new Set([...b.keys(), ...a.keys()]))
    most = Math.max(most, Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0)));
  return most;
}
