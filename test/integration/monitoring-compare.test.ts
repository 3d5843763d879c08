import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FormDefinition } from '../../src/core/forms/types.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import {
  assign,
  missionWorld,
  publishTestForm,
  submission,
  type MissionWorld,
} from '../helpers/monitoring.ts';

type Err = {
  error: { code: string; message: string; details?: { path: string; code: string; params?: unknown }[] };
};
type Sub = { id: string; flags: Record<string, boolean>; answers: Record<string, unknown> };

const L = (en: string, ru: string, ky: string) => ({ en, ru, ky });

/** Counts that are checked (the observer confirmed them) and a closing that must follow the opening. */
const COUNTING: FormDefinition = {
  title: L('Counting', 'Подсчёт', 'Эсептөө'),
  kind: 'checklist',
  sections: [
    {
      key: 'count',
      title: L('Counting', 'Подсчёт', 'Эсептөө'),
      fields: [
        { key: 'opened_at', type: 'datetime', label: L('Opened at', 'Время открытия', 'Ачылган убакыт') },
        {
          key: 'closed_at',
          type: 'datetime',
          label: L('Closed at', 'Время закрытия', 'Жабылган убакыт'),
          constraint: { compare: [{ op: 'gt', field: 'opened_at', refuse: true }] },
        },
        {
          key: 'issued',
          type: 'number',
          label: L('Ballots issued', 'Выдано бюллетеней', 'Берилген бюллетендер'),
        },
        {
          key: 'in_box',
          type: 'number',
          label: L('Ballots in the box', 'Бюллетеней в урне', 'Урнадагы бюллетендер'),
          constraint: { compare: [{ op: 'lte', field: 'issued' }] },
        },
      ],
    },
  ],
};

for (const backend of await backends()) {
  describe(`monitoring: answers compared with earlier answers (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    let form: string;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      form = (await publishTestForm(t.ctx, COUNTING)).versionId;
      const r = await admin.client.put(`/api/monitoring/missions/${w.missionId}/forms`, {
        formVersionIds: [w.checklist, w.incident, form],
      });
      assert.equal(r.status, 200);
      await assign(admin, w.sites.C1!, [obs.id]);
    });
    after(async () => t.close());

    const stored = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('submissions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const send = (answers: Record<string, unknown>) =>
      obs.client.post<{ id: string } & Err>(
        '/api/monitoring/submissions',
        submission(w, 'C1', answers, form),
      );

    test('counts that do not add up are stored, and wait in the "to verify" queue', async () => {
      const odd = await send({ issued: 400, in_box: 431 });
      assert.equal(odd.status, 201, JSON.stringify(odd.body));
      const fine = await send({ issued: 400, in_box: 400 });
      assert.equal(fine.status, 201);
      const a = await admin.client.get<Sub>(`/api/monitoring/submissions/${odd.body.id}`);
      const b = await admin.client.get<Sub>(`/api/monitoring/submissions/${fine.body.id}`);
      assert.equal(a.body.flags.verify, true);
      assert.equal(b.body.flags.verify, false);
      assert.deepEqual(a.body.answers, { issued: 400, in_box: 431 });
      const queue = await admin.client.get<{ items: { id: string }[] }>(
        `/api/monitoring/submissions?missionId=${w.missionId}&queue=verify`,
      );
      assert.equal(queue.status, 200);
      const ids = queue.body.items.map((i) => i.id);
      assert.ok(ids.includes(odd.body.id) && !ids.includes(fine.body.id), JSON.stringify(ids));
    });

    test('a closing before the opening is refused naming both questions; nothing is stored', async () => {
      const before = await stored();
      const answers = { opened_at: '2026-11-30T08:00:00+06:00', closed_at: '2026-11-30T07:30:00+06:00' };
      const r = await send(answers);
      assert.equal(r.status, 400);
      assert.equal(r.body.error.code, 'submissions.answer_invalid');
      assert.match(
        r.body.error.message,
        /Время закрытия: должно быть позже ответа на вопрос «Время открытия»/,
      );
      assert.deepEqual(r.body.error.details, [
        { path: 'closed_at', code: 'compare', params: { op: 'gt', other: 'opened_at' } },
      ]);
      const en = await obs.client.request<Err>(
        'POST',
        '/api/monitoring/submissions',
        submission(w, 'C1', answers, form),
        { 'x-ukuk-locale': 'en' },
      );
      assert.match(en.body.error.message, /Closed at: must be later than the answer to “Opened at”/);
      // The same instant written in another offset is not later either.
      const utc = await send({ ...answers, closed_at: '2026-11-30T02:00:00Z' });
      assert.equal(utc.status, 400);
      assert.equal(await stored(), before);
      const ok = await send({ ...answers, closed_at: '2026-11-30T20:00:00+06:00' });
      assert.equal(ok.status, 201);
    });
  });
}
