import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  countIncidentAnswers,
  scheduleIncidentCounts,
} from '../../src/server/modules/monitoring/counts.incidents.job.ts';
import { setupAdmin, startTestApp, addUser, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type Answer = {
  formId: string;
  kind: 'checklist' | 'incident';
  field: string;
  total: number | null;
  counts: { value: string; n: number | null }[];
};
type Summary = { answers: Answer[]; incidents: { total: number } };

/**
 * The dashboard counts what the incident reports say (their choice questions: what happened, how
 * serious), as it counts checklists' answers: once per report, a rejected one counted out. Incidents
 * stored before the counters took them in are counted by a one-off job, which may run again harmlessly.
 */
for (const backend of await backends()) {
  describe(`monitoring summary: incident reports' answers (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    const sent: string[] = [];

    const send = async (answers: Record<string, unknown>, form?: string) => {
      const r = await obs.client.post<{ id: string }>(
        '/api/monitoring/submissions',
        submission(w, 'C1', answers, form),
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      sent.push(r.body.id);
      return r.body.id;
    };
    const summary = async () => {
      const r = await admin.client.get<Summary>(`/api/monitoring/missions/${w.missionId}/summary`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };
    const severity = (s: Summary) => {
      const a = s.answers.find((x) => x.kind === 'incident' && x.field === 'severity')!;
      return [a.total, Object.fromEntries(a.counts.map((c) => [c.value, c.n]))];
    };

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await send({ what: 'Ballot box carried out', severity: 'high' }, w.incident);
      await send({ what: 'Observer pushed', severity: 'high' }, w.incident);
      await send({ what: 'Queue outside', severity: 'low' }, w.incident);
      await send({ what: 'No severity given' }, w.incident);
      await send(goodAnswers());
    });
    after(async () => t?.close());

    test('each incident counted once by its answer, apart from the checklists’ answers', async () => {
      const s = await summary();
      assert.deepEqual(severity(s), [3, { low: 1, high: 2 }]);
      assert.ok(
        s.answers.some((a) => a.kind === 'checklist'),
        'the checklist’s answers are still there',
      );
      const kinds = s.answers.map((a) => a.kind);
      assert.deepEqual(kinds, [...kinds].sort(), 'checklists first');
      assert.equal(s.incidents.total, 4);
    });

    test('a rejected incident is counted out, and in again when taken back', async () => {
      const id = sent[0]!;
      const rej = await admin.client.post(`/api/monitoring/submissions/${id}/transition`, {
        to: 'rejected',
        reason: 'Same incident reported twice',
      });
      assert.equal(rej.status, 200, JSON.stringify(rej.body));
      assert.deepEqual(severity(await summary()), [2, { low: 1, high: 1 }]);
      const back = await admin.client.post(`/api/monitoring/submissions/${id}/transition`, {
        to: 'in_review',
        reason: 'Not a duplicate after all',
      });
      assert.equal(back.status, 200, JSON.stringify(back.body));
      assert.deepEqual(severity(await summary()), [3, { low: 1, high: 2 }]);
    });

    test('incidents counted before the counters took their answers are counted by the job, once', async () => {
      const before = await summary();
      // As an installation upgraded from before: incidents counted, their answers not.
      const form = await t.ctx.db
        .selectFrom('submissions')
        .select('form_id')
        .where('id', '=', sent[0]!)
        .executeTakeFirstOrThrow();
      await t.ctx.db.deleteFrom('mon_count_answer').where('form_id', '=', form.form_id).execute();
      assert.deepEqual(severity(await summary()), [0, { low: 0, high: 0 }]);
      assert.equal(await countIncidentAnswers(t.ctx), 4);
      assert.deepEqual(await summary(), before);
      // Again (a second node, a job run twice): the same figures, not twice the counts.
      await countIncidentAnswers(t.ctx);
      assert.deepEqual(await summary(), before);
    });

    test('the public page publishes checklists’ answers only, never what incident reports say', async () => {
      const on = await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, { public: true });
      assert.equal(on.status, 200, JSON.stringify(on.body));
      const pub = await t.client().get<Summary>(`/api/public/monitoring/missions/${w.missionId}/summary`);
      assert.equal(pub.status, 200, JSON.stringify(pub.body));
      assert.ok(pub.body.answers.length > 0);
      assert.deepEqual([...new Set(pub.body.answers.map((a) => a.kind))], ['checklist']);
    });

    test('the counting job is scheduled until it has finished once, then no more', async () => {
      const pending = async () =>
        Number(
          (
            await t.ctx.db
              .selectFrom('jobs')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('type', '=', 'monitoring.count_incident_answers')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const done = () =>
        t.ctx.db
          .selectFrom('settings')
          .select('value')
          .where('key', '=', 'monitoring.incident_answers_counted')
          .executeTakeFirst();
      await scheduleIncidentCounts(t.ctx);
      assert.equal(await pending(), 1, 'incidents stored: the job is queued');
      for (let i = 0; i < 50 && !(await done()); i++) await t.ctx.jobs.runOnce();
      assert.equal((await done())?.value, '1', 'finished once');
      await scheduleIncidentCounts(t.ctx, Date.now() + 3_600_000);
      assert.equal(await pending(), 1, 'an hour later nothing more is queued');
    });
  });
}
