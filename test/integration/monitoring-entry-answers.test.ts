import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FormDefinition } from '../../src/core/forms/index.ts';
import {
  countEntryAnswers,
  scheduleEntryCounts,
} from '../../src/server/modules/monitoring/counts.entries.job.ts';
import { reauthed, setupAdmin, startTestApp, addUser, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import {
  assign,
  goodAnswers,
  missionWorld,
  publishTestForm,
  submission,
  type MissionWorld,
} from '../helpers/monitoring.ts';

type Answer = {
  kind: 'checklist' | 'incident';
  field: string;
  group?: { key: string; label: { en: string }; entries: number; reports: number };
  total: number | null;
  counts: { value: string; n: number | null }[];
};
type Summary = { answers: Answer[] };

const L = (en: string, ru = en, ky = en) => ({ ky, ru, en });
/** A visit checklist whose interviews are a repeat group: the dashboard counts each interview. */
const VISIT: FormDefinition = {
  title: L('Visit', 'Посещение', 'Баруу'),
  kind: 'checklist',
  sections: [
    {
      key: 'visit',
      title: L('Visit', 'Посещение', 'Баруу'),
      fields: [
        {
          key: 'access_granted',
          type: 'boolean',
          label: L('Access granted', 'Доступ дан', 'Кирүүгө уруксат'),
        },
        {
          key: 'interviews',
          type: 'repeat',
          label: L('Interviews', 'Беседы', 'Маектер'),
          fields: [
            { key: 'code', type: 'text', label: L('Code', 'Код', 'Код'), required: true },
            {
              key: 'sex',
              type: 'single_choice',
              label: L('Sex', 'Пол', 'Жынысы'),
              options: [
                { key: 'female', label: L('Female', 'Женщина', 'Аял') },
                { key: 'male', label: L('Male', 'Мужчина', 'Эркек') },
              ],
            },
            {
              key: 'ill_treatment',
              type: 'boolean',
              label: L('Ill-treatment', 'Жестокое обращение', 'Кордоо'),
            },
            {
              key: 'needs',
              type: 'multiple_choice',
              label: L('Needs', 'Нужды', 'Муктаждыктар'),
              options: [
                { key: 'doctor', label: L('Doctor', 'Врач', 'Дарыгер') },
                { key: 'lawyer', label: L('Lawyer', 'Адвокат', 'Адвокат') },
              ],
            },
          ],
        },
      ],
    },
  ],
};

/**
 * A repeat group's choice questions are counted on the dashboard once per entry ("ill-treatment in 2 of
 * 3 interviews", ADR 0038), as the reports' own are once per report: a rejected report takes its
 * entries out, the verified layer counts a verified report's, the public page never shows them, and
 * reports stored before are counted by a one-off job that may run again harmlessly.
 */
for (const backend of await backends()) {
  describe(`monitoring summary: a repeat group's entries (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    let visit: string;
    const sent: string[] = [];

    const send = async (answers: Record<string, unknown>) => {
      const r = await obs.client.post<{ id: string }>(
        '/api/monitoring/submissions',
        submission(w, 'C1', answers, visit),
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      sent.push(r.body.id);
      return r.body.id;
    };
    const summary = async (counts = 'received') => {
      const r = await admin.client.get<Summary>(
        `/api/monitoring/missions/${w.missionId}/summary?counts=${counts}`,
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };
    const figures = (s: Summary, field: string) => {
      const a = s.answers.find((x) => x.field === field);
      assert.ok(a, `${field} is on the dashboard`);
      return [a.total, Object.fromEntries(a.counts.map((c) => [c.value, c.n]))];
    };
    const transition = async (id: string, to: string) => {
      const r = await admin.client.post(`/api/monitoring/submissions/${id}/transition`, {
        to,
        reason: 'Checked',
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    };

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      visit = (await publishTestForm(t.ctx, VISIT)).versionId;
      const f = await admin.client.put(`/api/monitoring/missions/${w.missionId}/forms`, {
        formVersionIds: [w.checklist, w.incident, visit],
      });
      assert.equal(f.status, 200, JSON.stringify(f.body));
      await assign(admin, w.sites.C1!, [obs.id]);
      // Reports of the mission's other forms, which have no group: the recount leaves them unopened.
      for (const [answers, form] of [
        [goodAnswers(), w.checklist],
        [{ what: 'Queue outside', severity: 'low' }, w.incident],
      ] as const) {
        const r = await obs.client.post('/api/monitoring/submissions', submission(w, 'C1', answers, form));
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
      await send({
        access_granted: true,
        interviews: [
          { code: 'A1', sex: 'female', ill_treatment: true, needs: ['doctor', 'lawyer'] },
          { code: 'A2', sex: 'male', ill_treatment: true, needs: ['doctor'] },
          { code: 'A3', sex: 'female', ill_treatment: false },
        ],
      });
      await send({ access_granted: false, interviews: [{ code: 'B1', sex: 'male' }] });
      await send({ access_granted: true });
    });
    after(async () => t?.close());

    test('each entry is counted, under its group, beside the reports’ own questions', async () => {
      const s = await summary();
      assert.deepEqual(figures(s, 'access_granted'), [3, { true: 2, false: 1 }], 'per report');
      assert.deepEqual(figures(s, 'interviews.ill_treatment'), [3, { true: 2, false: 1 }], 'per interview');
      assert.deepEqual(figures(s, 'interviews.sex'), [4, { female: 2, male: 2 }]);
      // Multiple choice: each entry answering it once, each option it ticks once.
      assert.deepEqual(figures(s, 'interviews.needs'), [2, { doctor: 2, lawyer: 1 }]);
      const row = s.answers.find((a) => a.field === 'interviews.sex')!;
      assert.deepEqual(row.group && [row.group.key, row.group.label.en], ['interviews', 'Interviews']);
      // Four interviews in two of the three visit reports.
      assert.deepEqual(row.group && [row.group.entries, row.group.reports], [4, 2]);
      assert.equal(s.answers.find((a) => a.field === 'access_granted')!.group, undefined);
      // Free text is never counted, in an entry or out of it.
      assert.ok(!s.answers.some((a) => a.field === 'interviews.code' || a.field === 'interviews'));
    });

    test('a rejected report takes its entries out; taken back, they count again', async () => {
      await transition(sent[0]!, 'rejected');
      const s = await summary();
      assert.deepEqual(figures(s, 'interviews.sex'), [1, { female: 0, male: 1 }]);
      const g = s.answers.find((a) => a.field === 'interviews.sex')!.group!;
      assert.deepEqual([g.entries, g.reports], [1, 1]);
      await transition(sent[0]!, 'in_review');
      assert.deepEqual(figures(await summary(), 'interviews.sex'), [4, { female: 2, male: 2 }]);
    });

    test('verified figures count the entries of verified reports only', async () => {
      await transition(sent[1]!, 'in_review');
      await transition(sent[1]!, 'verified');
      const s = await summary('verified');
      assert.deepEqual(figures(s, 'interviews.sex'), [1, { female: 0, male: 1 }]);
      assert.deepEqual(figures(s, 'interviews.ill_treatment'), [0, { true: 0, false: 0 }]);
    });

    test('entries counted before the counters took them in are counted by the job, once', async () => {
      const received = await summary();
      const verified = await summary('verified');
      // As an installation upgraded from before: reports counted, their entries not.
      await t.ctx.db.deleteFrom('mon_count_answer').where('field', 'like', '%.%').execute();
      assert.deepEqual(figures(await summary(), 'interviews.sex'), [0, { female: 0, male: 0 }]);
      assert.equal(await countEntryAnswers(t.ctx), 3, 'the visit reports were opened, no other');
      assert.deepEqual(await summary(), received);
      assert.deepEqual(await summary('verified'), verified);
      // Again (a second node, a job run twice): the same figures, not twice the counts.
      await countEntryAnswers(t.ctx);
      assert.deepEqual(await summary(), received);
      assert.deepEqual(await summary('verified'), verified);
    });

    test('a region coordinator counts the entries of their region only', async () => {
      const naryn = await addUser(t, admin, 'coordinator');
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: naryn.id, region: 'KG-N' }],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      const r = await naryn.client.get<Summary>(`/api/monitoring/missions/${w.missionId}/summary`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      // Every interview was in Chuy: the rows are there, with nothing counted.
      assert.deepEqual(figures(r.body, 'interviews.sex'), [0, { female: 0, male: 0 }]);
    });

    test('the public page leaves the entries out (they are often people)', async () => {
      const on = await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, { public: true });
      assert.equal(on.status, 200, JSON.stringify(on.body));
      const pub = await t.client().get<Summary>(`/api/public/monitoring/missions/${w.missionId}/summary`);
      assert.equal(pub.status, 200, JSON.stringify(pub.body));
      assert.ok(pub.body.answers.some((a) => a.field === 'access_granted'));
      assert.deepEqual(
        pub.body.answers.filter((a) => a.field.includes('.') || a.group),
        [],
      );
    });

    test('the counting job is scheduled until it has finished once, then no more', async () => {
      const pending = async () =>
        Number(
          (
            await t.ctx.db
              .selectFrom('jobs')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('type', '=', 'monitoring.count_entry_answers')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const done = () =>
        t.ctx.db
          .selectFrom('settings')
          .select('value')
          .where('key', '=', 'monitoring.entry_answers_counted')
          .executeTakeFirst();
      const before = await summary();
      // As an installation upgraded with reports stored (migration 0045 marks an empty one counted):
      // until the job has run, the dashboard leaves the entries out rather than show them half counted.
      await t.ctx.db.deleteFrom('settings').where('key', '=', 'monitoring.entry_answers_counted').execute();
      const pendingSummary = await summary();
      assert.ok(!pendingSummary.answers.some((a) => a.group), 'no entries while they are not counted');
      assert.ok(pendingSummary.answers.some((a) => a.field === 'access_granted'));
      await scheduleEntryCounts(t.ctx);
      assert.equal(await pending(), 1, 'reports stored: the job is queued');
      for (let i = 0; i < 50 && !(await done()); i++) await t.ctx.jobs.runOnce();
      assert.equal((await done())?.value, '1', 'finished once');
      assert.deepEqual(await summary(), before, 'the figures unchanged');
      await scheduleEntryCounts(t.ctx, Date.now() + 3_600_000);
      assert.equal(await pending(), 1, 'an hour later nothing more is queued');
    });
  });
}
