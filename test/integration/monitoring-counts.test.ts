import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CountBatch, type CountInput } from '../../src/server/modules/monitoring/submissions.counts.ts';
import * as counts0028 from '../../src/server/platform/db/migrations/20261201_0028_counts_follow_review.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

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

    let burst: { w: MissionWorld; obs: TestUser } | null = null;
    test('a burst through HTTP: each row, counter and audit entry once, duplicates included', async () => {
      const admin = await setupAdmin(t);
      const obs = await addUser(t, admin, 'monitor');
      const w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      burst = { w, obs };
      const n = async (table: 'submissions' | 'audit_log') =>
        Number(
          (
            await t.ctx.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .$if(table === 'audit_log', (q) =>
                q.where('action' as never, '=', 'monitoring.submission_create' as never),
              )
              .executeTakeFirstOrThrow()
          ).n,
        );
      const region = async () =>
        Number(
          (
            await t.ctx.db
              .selectFrom('mon_count_region')
              .select('submissions')
              .where('mission_id', '=', w.missionId)
              .where('region', '=', 'KG-C')
              .executeTakeFirst()
          )?.submissions ?? 0,
        );
      const before = [await n('submissions'), await n('audit_log'), await region()];
      // 87 distinct (64 + 16 + 4 + 3 × 1 rows if they share one batch), 13 of them sent twice at once.
      const bodies = Array.from({ length: 87 }, () => submission(w, 'C1', goodAnswers()));
      const sent = [...bodies, ...bodies.slice(0, 13)];
      const replies = await Promise.all(
        sent.map((b) => obs.client.post<{ id: string }>('/api/monitoring/submissions', b)),
      );
      assert.deepEqual(
        [...new Set(replies.map((r) => r.status))].sort(),
        [200, 201].slice(replies.some((r) => r.status === 200) ? 0 : 1),
      );
      assert.equal(replies.filter((r) => r.status === 201).length, 87);
      assert.equal(new Set(replies.map((r) => r.body.id)).size, 87);
      assert.deepEqual(
        [await n('submissions'), await n('audit_log'), await region()],
        before.map((b) => b + 87),
      );
    });

    test('a batch of more sites than one statement takes', async () => {
      const many = Array.from({ length: 2100 }, (_, i) => at(`s${i}`, 'KG-T'));
      await flush([...many, at('s7', 'KG-T')]);
      assert.deepEqual(await region('KG-T'), { received: 2100, submissions: 2101 });
      await flush(many.slice(0, 1500));
      assert.deepEqual(await region('KG-T'), { received: 2100, submissions: 3601 });
      assert.equal(await site('s7'), 3);
    });

    test('counting out: a pair leaves "received" only when its last checklist goes', async () => {
      await flush([at('r1', 'KG-O'), at('r1', 'KG-O'), at('r2', 'KG-O')]);
      const out = async (c: CountInput) =>
        t.ctx.db.transaction().execute(async (tx) => {
          const b = new CountBatch();
          b.add(c, -1);
          await b.flush(tx);
        });
      await out(at('r1', 'KG-O'));
      assert.deepEqual(await region('KG-O'), { received: 2, submissions: 2 });
      await out(at('r1', 'KG-O'));
      assert.deepEqual(await region('KG-O'), { received: 1, submissions: 1 });
      assert.equal(await site('r1'), 0);
      await flush([at('r1', 'KG-O')]);
      assert.deepEqual(await region('KG-O'), { received: 2, submissions: 2 });
    });

    test('the migration that makes counters follow the review rebuilds them from the submissions', async () => {
      // The burst's mission: 87 checklists from C1. Add a critical incident and a critical checklist,
      // reject one checklist behind the counters' back (as before this version), and scramble them.
      const { w, obs } = burst!;
      const incident = submission(w, 'C1', { what: 'Ballot stuffing', severity: 'high' }, w.incident);
      const post = (b: object) => obs.client.post<{ id: string }>('/api/monitoring/submissions', b);
      assert.equal((await post({ ...incident, submittedAt: '2026-11-30T09:15:00.000Z' })).status, 201);
      const critical = await post(submission(w, 'C1', goodAnswers({ violence: true })));
      assert.equal(critical.status, 201);
      await t.ctx.db
        .updateTable('submissions')
        .set({ status: 'rejected' })
        .where('id', '=', critical.body.id)
        .execute();
      const m = w.missionId;
      await t.ctx.db
        .updateTable('mon_count_region')
        .set({ received: 9, submissions: 0, incidents: 5, critical: 7 })
        .where('mission_id', '=', m)
        .execute();
      await t.ctx.db
        .updateTable('mon_count_hour')
        .set({ incidents: 3, critical: 3 })
        .where('mission_id', '=', m)
        .execute();
      await t.ctx.db.updateTable('mon_count_site_form').set({ n: 1 }).where('mission_id', '=', m).execute();
      await counts0028.up(t.ctx.db);
      const r = await t.ctx.db
        .selectFrom('mon_count_region')
        .selectAll()
        .where('mission_id', '=', m)
        .execute();
      assert.deepEqual(
        r.map((x) => [
          x.region,
          Number(x.received),
          Number(x.submissions),
          Number(x.incidents),
          Number(x.critical),
        ]),
        [['KG-C', 1, 88, 1, 1]],
      );
      const h = await t.ctx.db.selectFrom('mon_count_hour').selectAll().where('mission_id', '=', m).execute();
      assert.deepEqual(
        h.map((x) => [x.hour, Number(x.incidents), Number(x.critical)]),
        [['2026-11-30T09:00', 1, 1]],
      );
      const sf = await t.ctx.db
        .selectFrom('mon_count_site_form')
        .select('n')
        .where('mission_id', '=', m)
        .execute();
      assert.deepEqual(
        sf.map((x) => Number(x.n)),
        [87],
      );
    });
  });
}
