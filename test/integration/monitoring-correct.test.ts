import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tr } from '../../src/server/platform/i18n.ts';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type Err = { error: { code: string; message: string; fields?: { path: string }[] } };
type Change = { key: string; from: unknown; to: unknown };
type View = {
  answers: Record<string, unknown>;
  critical: boolean;
  history: {
    action: string;
    name: string | null;
    reason: string | null;
    refId: string | null;
    changes?: Change[];
  }[];
};
type Summary = {
  answers: { field: string; counts: { value: string; n: number }[] }[];
  incidents: { total: number; critical: number };
};

const S = '/api/monitoring/submissions';

/**
 * A reviewer corrects a report's answers (review.correct.ts): the observer confirmed other figures on
 * the phone. The result keeps its form's rules (400 naming the field, in the user's language, nothing
 * changed); evidence and places cannot be corrected here; the history keeps before and after, which the
 * observer sees too (not who or why); the dashboard's answer counts follow; others cannot.
 */
for (const backend of await backends()) {
  describe(`monitoring: correcting a report's answers (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let coord: TestUser;
    let obs: TestUser;
    let other: TestUser;
    let w: MissionWorld;
    let id = '';
    const view = async (who: TestUser = admin) => (await who.client.get<View>(`${S}/${id}`)).body;
    const summary = async () =>
      (await admin.client.get<Summary>(`/api/monitoring/missions/${w.missionId}/summary`)).body;
    const count = (s: Summary, field: string, value: string) =>
      s.answers.find((a) => a.field === field)?.counts.find((c) => c.value === value)?.n ?? 0;

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      coord = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      other = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: coord.id, region: null }],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      const r = await obs.client.post<{ id: string }>(S, submission(w, 'C1', goodAnswers(), w.checklist));
      assert.equal(r.status, 201, JSON.stringify(r.body));
      id = r.body.id;
    });
    after(async () => t?.close());

    test('a coordinator corrects answers; history, observer and dashboard follow', async () => {
      const s0 = await summary();
      assert.equal(count(s0, 'queue', 'short'), 1);
      const r = await coord.client.patch<View>(`${S}/${id}/answers`, {
        changes: { queue: 'long', voters: 1530, problems: null, violence: true },
        reason: 'Confirmed by phone with the observer',
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.answers, { opened: true, queue: 'long', voters: 1530, violence: true });
      assert.equal(r.body.critical, true, 'violence makes the checklist critical');
      const entry = r.body.history.find((h) => h.action === 'correct')!;
      assert.equal(entry.reason, 'Confirmed by phone with the observer');
      assert.deepEqual(entry.changes, [
        { key: 'queue', from: 'short', to: 'long' },
        { key: 'voters', from: 120, to: 1530 },
        { key: 'problems', from: ['ink'], to: null },
        { key: 'violence', from: null, to: true },
      ]);
      const s1 = await summary();
      assert.deepEqual(
        [count(s1, 'queue', 'short'), count(s1, 'queue', 'long'), count(s1, 'problems', 'ink')],
        [0, 1, 0],
      );
      // The observer sees the corrected answers and what changed, not who or why.
      const mine = await view(obs);
      assert.equal(mine.answers.voters, 1530);
      const seen = mine.history.find((h) => h.action === 'correct')!;
      assert.deepEqual([seen.name, seen.reason], [null, null]);
      assert.equal(seen.changes?.length, 4);
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'monitoring.submission_correct')
        .where('entity_id', '=', id)
        .executeTakeFirstOrThrow();
      assert.ok(!String(audit.details).includes('1530'), 'the audit names questions, not answers');
    });

    test('a correction that breaks the form, or touches evidence, is refused and changes nothing', async () => {
      const before = await view();
      const bad = async (changes: Record<string, unknown>, code: string, locale = 'ky') => {
        const r = await coord.client.request<Err>(
          'PATCH',
          `${S}/${id}/answers`,
          { changes, reason: 'typo' },
          { 'x-ukuk-locale': locale },
        );
        assert.equal(r.status, 400, JSON.stringify(changes));
        assert.equal(r.body.error.code, code, JSON.stringify(r.body));
        return r.body.error.message;
      };
      // A required answer removed, a wrong type, an option not in the list, a hidden question answered.
      const msg = await bad({ queue: null }, 'submissions.correction_invalid');
      assert.ok(msg.startsWith(tr('ky', 'errors:submissions.correction_invalid', { issue: '' }).trim()), msg);
      assert.match(msg, /Кезек/, 'names the question in Kyrgyz');
      await bad({ voters: 'many' }, 'submissions.correction_invalid', 'ru');
      await bad({ queue: 'medium' }, 'submissions.correction_invalid', 'en');
      await bad({ late_reason: 'traffic' }, 'submissions.correction_invalid');
      // Evidence, and questions the form does not have.
      const ev = await bad(
        { photo: ['00000000-0000-7000-8000-000000000000'] },
        'submissions.not_correctable',
        'en',
      );
      assert.equal(ev, tr('en', 'errors:submissions.not_correctable', { field: 'Photo' }));
      await bad({ nonsense: 1 }, 'submissions.not_correctable');
      // A key that names an object's prototype is refused like any unknown question.
      const proto = await coord.client.patch<Err>(`${S}/${id}/answers`, {
        changes: JSON.parse('{"__proto__": {"voters": 7}, "constructor": 1}') as Record<string, unknown>,
        reason: 'x',
      });
      assert.equal(proto.status, 400, JSON.stringify(proto.body));
      // No reason, or nothing to change: the request itself is refused.
      for (const body of [
        { changes: { voters: 1 } },
        { changes: { voters: 1 }, reason: '  ' },
        { changes: {}, reason: 'x' },
      ]) {
        const r = await coord.client.patch<Err>(`${S}/${id}/answers`, body);
        assert.equal(r.status, 400, JSON.stringify(body));
        assert.equal(r.body.error.code, 'validation.failed');
      }
      assert.deepEqual(await view(), before);
    });

    test('answering "not on time" needs its reason; a hidden answer goes with the change that hides it', async () => {
      const late = await coord.client.patch<View>(`${S}/${id}/answers`, {
        changes: { opened: false, late_reason: 'The key was lost' },
        reason: 'Observer called back',
      });
      assert.equal(late.status, 200, JSON.stringify(late.body));
      assert.equal(late.body.answers.late_reason, 'The key was lost');
      // Back to "on time": the reason for lateness must go in the same correction.
      const stale = await coord.client.patch<Err>(`${S}/${id}/answers`, {
        changes: { opened: true },
        reason: 'Misheard',
      });
      assert.equal(stale.status, 400);
      const ok = await coord.client.patch<View>(`${S}/${id}/answers`, {
        changes: { opened: true, late_reason: null },
        reason: 'Misheard',
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.answers.late_reason, undefined);
      // The same answers again: nothing to record.
      const n = (await view()).history.length;
      const again = await coord.client.patch<View>(`${S}/${id}/answers`, {
        changes: { opened: true },
        reason: 'again',
      });
      assert.equal(again.status, 200);
      assert.equal(again.body.history.length, n);
    });

    test('observers cannot correct, not even their own report; a lock held by another refuses', async () => {
      for (const who of [obs, other]) {
        const r = await who.client.patch<Err>(`${S}/${id}/answers`, { changes: { voters: 1 }, reason: 'x' });
        assert.equal(r.status, 403, JSON.stringify(r.body));
      }
      assert.equal((await admin.client.post(`${S}/${id}/lock`)).status, 200);
      const r = await coord.client.patch<Err>(`${S}/${id}/answers`, { changes: { voters: 1 }, reason: 'x' });
      assert.equal(r.status, 409);
      assert.equal(r.body.error.code, 'submissions.locked');
      assert.notEqual((await view()).answers.voters, 1);
    });
  });
}
