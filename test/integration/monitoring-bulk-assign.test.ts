import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  addUser,
  expireReauth,
  reauthed,
  setupAdmin,
  startTestApp,
  type TestApp,
  type TestUser,
} from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type Result = { done: string[]; skipped: { id: string; code: string }[] };
type Err = { error: { code: string; message: string; fields?: { path: string }[] } };
type Sub = { assignee: { id: string } | null; history: { action: string; refId: string | null }[] };
type Notice = { kind: string; params: Record<string, unknown> };
type People = { items: { id: string; name: string; count: number }[] };

const ASSIGN = '/api/monitoring/submissions/assign';
const REVIEWERS = '/api/monitoring/submissions/reviewers';

/**
 * A selection of reports given to one reviewer (election day: a coordinator hands part of the stream
 * to a colleague). Per report the single path's rules hold — only someone who may review that report,
 * someone else's lock, history and audit — and the assignee gets one bell notice for the batch.
 */
for (const backend of await backends()) {
  describe(`monitoring: giving several reports to one reviewer (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let chuy2: TestUser;
    let naryn: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    /** Three Chuy reports and one from Naryn. */
    let c: [string, string, string, string, string] = ['', '', '', '', ''];
    let n1 = '';

    const send = async (site: string) => {
      const r = await obs.client.post<{ id: string }>(
        '/api/monitoring/submissions',
        submission(w, site, goodAnswers()),
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    };
    const view = async (id: string) =>
      (await admin.client.get<Sub>(`/api/monitoring/submissions/${id}`)).body;
    const notices = async (u: TestUser) =>
      (await u.client.get<{ items: Notice[] }>('/api/notifications')).body.items.filter((x) =>
        x.kind.startsWith('monitoring.assigned'),
      );
    const audits = async () =>
      (
        await t.ctx.db
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'monitoring.submission_assign')
          .execute()
      ).length;

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      chuy2 = await addUser(t, admin, 'coordinator');
      naryn = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await assign(admin, w.sites.N1!, [obs.id]);
      await reauthed(admin);
      const co = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: chuy.id, region: 'KG-C' },
          { userId: chuy2.id, region: 'KG-C' },
          { userId: naryn.id, region: 'KG-N' },
        ],
      });
      assert.equal(co.status, 200, JSON.stringify(co.body));
      c = [await send('C1'), await send('C1'), await send('C1'), await send('C1'), await send('C1')];
      n1 = await send('N1');
    });
    after(async () => t?.close());

    test('the pick list: who may review any of the selection, with how many each may take', async () => {
      const all = await admin.client.post<People>(REVIEWERS, { ids: [c[0], c[1], n1] });
      assert.equal(all.status, 200, JSON.stringify(all.body));
      const count = Object.fromEntries(all.body.items.map((p) => [p.id, p.count]));
      assert.deepEqual(count, { [admin.id]: 3, [chuy.id]: 2, [chuy2.id]: 2, [naryn.id]: 1 });
      // A coordinator's list leaves out what they cannot see (the Naryn report): no Naryn coordinator.
      const mine = await chuy.client.post<People>(REVIEWERS, { ids: [c[0], n1, randomUUID()] });
      assert.deepEqual(Object.fromEntries(mine.body.items.map((p) => [p.id, p.count])), {
        [admin.id]: 1,
        [chuy.id]: 1,
        [chuy2.id]: 1,
      });
    });

    test('bad batches answer 400 in the reader’s language and change nothing', async () => {
      assert.equal((await chuy.client.patch('/api/me', { locale: 'ky' })).status, 200);
      const before = await audits();
      for (const body of [
        { ids: [], userId: chuy2.id },
        { ids: Array.from({ length: 101 }, () => randomUUID()), userId: chuy2.id },
        { ids: [c[0]], userId: 'not-a-uuid' },
        { ids: [c[0]] },
        { ids: [c[0]], userId: chuy2.id, note: 1 },
      ]) {
        const r = await chuy.client.post<Err>(ASSIGN, body);
        assert.equal(r.status, 400, JSON.stringify(body).slice(0, 80));
        assert.equal(r.body.error.code, 'validation.failed');
        assert.equal(r.body.error.message, 'Айрым талаалар туура эмес толтурулган.', 'in Kyrgyz');
      }
      const r = await chuy.client.post<Err>(REVIEWERS, { ids: [] });
      assert.equal(r.status, 400);
      assert.equal(await audits(), before);
      assert.equal((await view(c[0])).assignee, null);
    });

    test('a batch asks for a fresh re-authentication first (a bulk action); until then nothing changes', async () => {
      const before = await audits();
      await expireReauth(t, admin); // the set-up's re-authentication (appointing, importing) ran out
      const r = await admin.client.post<Err>(ASSIGN, { ids: [c[0]], userId: chuy2.id });
      assert.equal(r.status, 401);
      assert.equal(r.body.error.code, 'auth.reauth_required');
      assert.equal(await audits(), before);
      assert.equal((await view(c[0])).assignee, null);
      // The pick list changes nothing: no re-authentication for it.
      assert.equal((await admin.client.post(REVIEWERS, { ids: [c[0]] })).status, 200);
      await admin.client.reauth(admin.password, admin.totpSecret);
      await chuy.client.reauth(chuy.password, chuy.totpSecret);
    });

    test('given to a Chuy coordinator: the Naryn report is skipped, one notice for the batch', async () => {
      const before = await audits();
      const r = await admin.client.post<Result>(ASSIGN, { ids: [c[0], c[1], n1, c[0]], userId: chuy2.id });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.done, [c[0], c[1]], 'each once, in the order given');
      assert.deepEqual(r.body.skipped, [{ id: n1, code: 'submissions.assignee_invalid' }]);
      for (const id of [c[0], c[1]]) {
        const v = await view(id);
        assert.equal(v.assignee?.id, chuy2.id);
        assert.deepEqual(
          v.history.filter((h) => h.action === 'assign').map((h) => h.refId),
          [chuy2.id],
        );
      }
      assert.equal((await view(n1)).assignee, null);
      assert.equal(await audits(), before + 2);
      const got = await notices(chuy2);
      assert.deepEqual(
        got.map((x) => [x.kind, x.params.count]),
        [['monitoring.assigned_many', 2]],
      );
      assert.deepEqual(await notices(chuy), [], 'nobody else is told');
      // Giving the same again changes nothing and tells nobody again.
      const again = await admin.client.post<Result>(ASSIGN, { ids: [c[0]], userId: chuy2.id });
      assert.deepEqual(again.body, { done: [c[0]], skipped: [] });
      assert.equal(await audits(), before + 2);
      assert.equal((await notices(chuy2)).length, 1);
      // The next batch while that notice is unread (a large selection goes 100 at a time) adds to it.
      const more = await admin.client.post<Result>(ASSIGN, { ids: [c[3], c[4]], userId: chuy2.id });
      assert.deepEqual(more.body, { done: [c[3], c[4]], skipped: [] });
      assert.deepEqual(
        (await notices(chuy2)).map((x) => [x.kind, x.params.count]),
        [['monitoring.assigned_many', 4]],
      );
    });

    test('someone else’s lock keeps a report as it is; a single report gets the single notice', async () => {
      assert.equal((await chuy.client.post(`/api/monitoring/submissions/${c[2]}/lock`)).status, 200);
      const r = await admin.client.post<Result>(ASSIGN, { ids: [c[2]], userId: chuy2.id });
      assert.deepEqual(r.body, { done: [], skipped: [{ id: c[2], code: 'submissions.locked' }] });
      // The holder may take it themselves (no notice to oneself).
      const own = await chuy.client.post<Result>(ASSIGN, { ids: [c[2]], userId: chuy.id });
      assert.deepEqual(own.body, { done: [c[2]], skipped: [] });
      assert.deepEqual(await notices(chuy), []);
      assert.equal((await chuy.client.delete(`/api/monitoring/submissions/${c[2]}/lock`)).status, 200);
      const one = await admin.client.post<Result>(ASSIGN, { ids: [n1], userId: naryn.id });
      assert.deepEqual(one.body, { done: [n1], skipped: [] });
      assert.deepEqual(
        (await notices(naryn)).map((x) => [x.kind, x.params.submissionId]),
        [['monitoring.assigned', n1]],
      );
    });

    test('taken off together; a coordinator cannot reach the other region’s report', async () => {
      const r = await chuy.client.post<Result>(ASSIGN, { ids: [c[0], c[1], n1], userId: null });
      assert.deepEqual(r.body, { done: [c[0], c[1]], skipped: [{ id: n1, code: 'submissions.not_found' }] });
      assert.equal((await view(c[0])).assignee, null);
      assert.equal((await view(n1)).assignee?.id, naryn.id, 'the Naryn report keeps its assignee');
    });

    test('an observer and someone with no session are refused', async () => {
      assert.equal((await obs.client.post(ASSIGN, { ids: [c[0]], userId: obs.id })).status, 403);
      assert.equal((await obs.client.post(REVIEWERS, { ids: [c[0]] })).status, 403);
      assert.equal((await t.client().post(ASSIGN, { ids: [c[0]], userId: null })).status, 401);
      assert.equal((await view(c[0])).assignee, null);
    });
  });
}
