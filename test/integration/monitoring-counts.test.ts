import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CountBatch, type CountInput } from '../../src/server/modules/monitoring/submissions.counts.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

/**
 * The dashboard counters of a group commit (submissions.batch.ts): a site's checklists are written in
 * one statement per batch, and "received" counts a site × checklist pair once, whichever batch first
 * brought it and however many checklists followed.
 */
const at = (siteId: string, region: string): CountInput => ({
  missionId: 'm1',
  siteId,
  formId: 'f1',
  kind: 'checklist',
  region,
  critical: false,
  submittedAt: '2026-11-30T08:00:00.000Z',
  values: [],
});

for (const backend of await backends()) {
  describe(`monitoring counters of a batch (${backend})`, () => {
    let t: TestApp;
    before(async () => (t = await startTestApp(backend)));
    after(() => t.close());

    async function flush(inputs: CountInput[]) {
      await t.ctx.db.transaction().execute(async (tx) => {
        const b = new CountBatch();
        for (const c of inputs) b.add(c);
        await b.flush(tx);
      });
    }
    const region = async (r: string) =>
      t.ctx.db
        .selectFrom('mon_count_region')
        .select(['received', 'submissions'])
        .where('mission_id', '=', 'm1')
        .where('region', '=', r)
        .executeTakeFirstOrThrow();
    const site = async (s: string) =>
      Number(
        (
          await t.ctx.db
            .selectFrom('mon_count_site_form')
            .select('n')
            .where('site_id', '=', s)
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('new and repeated sites across batches: each pair received once, every checklist counted', async () => {
      await flush([at('a', 'KG-C'), at('b', 'KG-C'), at('a', 'KG-C'), at('x', 'KG-N')]);
      assert.deepEqual(await region('KG-C'), { received: 2, submissions: 3 });
      await flush([at('a', 'KG-C'), at('c', 'KG-C'), at('x', 'KG-N'), at('y', 'KG-N')]);
      assert.deepEqual(await region('KG-C'), { received: 3, submissions: 5 });
      assert.deepEqual(await region('KG-N'), { received: 2, submissions: 3 });
      assert.deepEqual([await site('a'), await site('b'), await site('c'), await site('x')], [3, 1, 1, 2]);
    });

    test('a batch of more sites than one statement takes', async () => {
      const many = Array.from({ length: 2100 }, (_, i) => at(`s${i}`, 'KG-T'));
      await flush([...many, at('s7', 'KG-T')]);
      assert.deepEqual(await region('KG-T'), { received: 2100, submissions: 2101 });
      await flush(many.slice(0, 1500));
      assert.deepEqual(await region('KG-T'), { received: 2100, submissions: 3601 });
      assert.equal(await site('s7'), 3);
    });
  });
}
