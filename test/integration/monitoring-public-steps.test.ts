import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { randomUUID } from 'node:crypto';
import { PUBLIC_FIGURES_TTL_MS } from '../../src/server/modules/monitoring/summary.public.ts';
import { largestChange, steppedAnswers } from '../../src/server/modules/monitoring/summary.public.answers.ts';
import { setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type L10n = { ky: string; ru: string; en: string };
type Answer = {
  formId: string;
  kind: 'checklist';
  field: string;
  label: L10n;
  total: number;
  counts: { value: string; label: L10n; n: number }[];
};
type Public = {
  answers: { field: string; total: number | null; counts: { value: string; n: number | null }[] }[];
  answersAsOf: string;
};
const L = (x: string): L10n => ({ ky: x, ru: x, en: x });

/** One boolean question's counts, as the summary gives them. */
const asked = (yes: number, no: number, field = 'opened'): Answer => ({
  formId: '00000000-0000-4000-8000-000000000001',
  kind: 'checklist',
  field,
  label: L(field),
  total: yes + no,
  counts: [
    { value: 'true', label: L('Yes'), n: yes },
    { value: 'false', label: L('No'), n: no },
  ],
});

for (const backend of await backends()) {
  describe(`monitoring public answers move in steps (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let w: MissionWorld;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      w = await missionWorld(t.ctx, admin);
      const p = await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, { public: true });
      assert.equal(p.status, 200, JSON.stringify(p.body));
    });
    after(async () => t?.close());

    const send = async (n: number, opened: boolean) => {
      for (let i = 0; i < n; i++) {
        const r = await admin.client.post(
          '/api/monitoring/submissions',
          submission(w, 'C1', goodAnswers({ opened })),
        );
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
    };
    const published = async () => {
      const r = await t.client().get<Public>(`/api/public/monitoring/missions/${w.missionId}/summary`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };
    const opened = (p: Public) => p.answers.find((a) => a.field === 'opened')!;

    test('one report more leaves the public answers as they were; five more replace them', async () => {
      await send(6, true);
      const first = await published();
      assert.equal(opened(first).total, 6);
      assert.ok(Date.parse(first.answersAsOf) > 0);
      // One visit's report: the page a reader reloads after it must not show its answers as a change.
      await send(1, false);
      const inside = await admin.client.get<{ answers: Answer[] }>(
        `/api/monitoring/missions/${w.missionId}/summary`,
      );
      assert.equal(
        inside.body.answers.find((a) => a.field === 'opened')!.total,
        7,
        'reviewers see it at once',
      );
      await sleep(PUBLIC_FIGURES_TTL_MS + 200);
      const later = await published();
      assert.deepEqual(later.answers, first.answers);
      assert.equal(later.answersAsOf, first.answersAsOf);
      // Four more: "not opened" has moved by five since the page last changed, so it moves on.
      await send(4, false);
      await sleep(PUBLIC_FIGURES_TTL_MS + 200);
      const moved = await published();
      assert.equal(opened(moved).total, 11);
      assert.deepEqual(
        opened(moved).counts.map((c) => [c.value, c.n]),
        [
          ['true', 6],
          ['false', 5],
        ],
      );
      assert.ok(moved.answersAsOf > first.answersAsOf);
    });

    test('a step needs one count to move by five: corrections that swap answers do not add up', async () => {
      const m = randomUUID();
      const s = (live: Answer[]) => steppedAnswers(t.ctx, m, 'received', live, 5);
      const first = await s([asked(10, 0)]);
      assert.deepEqual(first.answers, [asked(10, 0)]);
      // Four reports corrected from yes to no: each count moved by four.
      assert.deepEqual((await s([asked(6, 4)])).answers, [asked(10, 0)]);
      // A new question (a new form version) counts from zero: three answers are not yet a step.
      assert.deepEqual((await s([asked(6, 4), asked(3, 0, 'sealed')])).answers, [asked(10, 0)]);
      // The fifth correction: "no" moved by five.
      const fifth = await s([asked(5, 5), asked(3, 0, 'sealed')]);
      assert.deepEqual(fifth.answers, [asked(5, 5), asked(3, 0, 'sealed')]);
      assert.ok(fifth.asOf >= first.asOf);
      // Verified figures keep their own steps.
      const v = await steppedAnswers(t.ctx, m, 'verified', [asked(1, 0)], 5);
      assert.deepEqual(v.answers, [asked(1, 0)]);
    });

    test('two app nodes stepping at once publish one set, never two a report apart', async () => {
      const m = randomUUID();
      await steppedAnswers(t.ctx, m, 'received', [asked(10, 0)], 5);
      // Two nodes read the same published set and each sees a step: their live figures differ by one.
      const [a, b] = await Promise.all([
        steppedAnswers(t.ctx, m, 'received', [asked(16, 0)], 5),
        steppedAnswers(t.ctx, m, 'received', [asked(17, 0)], 5),
      ]);
      assert.deepEqual(a.answers, b.answers);
      const rows = await t.ctx.db
        .selectFrom('mon_public_answers')
        .select(['version'])
        .where('mission_id', '=', m)
        .execute();
      assert.deepEqual(
        rows.map((r) => Number(r.version)),
        [2],
      );
    });

    test('largestChange compares every count, a missing question as zeros', () => {
      assert.equal(largestChange([asked(3, 2)], [asked(3, 2)]), 0);
      assert.equal(largestChange([asked(3, 2)], [asked(2, 3)]), 1);
      assert.equal(largestChange([], [asked(4, 0)]), 4);
      assert.equal(largestChange([asked(4, 0)], []), 4);
      assert.equal(largestChange([asked(0, 0)], [asked(5, 0)]), 5);
    });
  });
}
