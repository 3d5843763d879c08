import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type Result = { done: string[]; skipped: { id: string; code: string }[] };
type Err = { error: { code: string; message: string; fields?: { path: string }[] } };
type View = {
  status: string;
  history: { to: string | null; userId: string | null; reason: string | null }[];
};

const BULK = '/api/monitoring/submissions/transition';
const MATCHING = '/api/monitoring/submissions/matching';
const REASON = 'Дубликат: участок уже отчитался.';

/**
 * Several reports moved to one state at once (the review queue's selection). Each report keeps every
 * rule of the single-report path: the reviewer's region, someone else's lock, the allowed moves,
 * history and audit; what cannot move is skipped and named, and changes nothing.
 */
for (const backend of await backends()) {
  describe(`monitoring: moving several reports at once (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let chuy2: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    /** Four Chuy reports and one from Naryn (not the coordinator's region). */
    let c: [string, string, string, string] = ['', '', '', ''];
    let naryn = '';

    const send = async (site: string) => {
      const r = await obs.client.post<{ id: string }>(
        '/api/monitoring/submissions',
        submission(w, site, goodAnswers()),
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    };
    const status = async (id: string) =>
      (await admin.client.get<View>(`/api/monitoring/submissions/${id}`)).body.status;
    const audits = async () =>
      (
        await t.ctx.db
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'monitoring.submission_transition')
          .execute()
      ).length;

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      chuy2 = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await assign(admin, w.sites.N1!, [obs.id]);
      await reauthed(admin);
      const co = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: chuy.id, region: 'KG-C' },
          { userId: chuy2.id, region: 'KG-C' },
        ],
      });
      assert.equal(co.status, 200, JSON.stringify(co.body));
      c = [await send('C1'), await send('C1'), await send('C1'), await send('C1')];
      naryn = await send('N1');
    });
    after(async () => t.close());

    test('bad batches answer 400 in the reader’s language and change nothing', async () => {
      assert.equal((await chuy.client.patch('/api/me', { locale: 'ky' })).status, 200);
      const before = await audits();
      const tooMany = Array.from({ length: 101 }, () => randomUUID());
      for (const body of [
        { ids: [], to: 'in_review' },
        { ids: tooMany, to: 'in_review' },
        { ids: ['not-a-uuid'], to: 'in_review' },
        { ids: [c[0]], to: 'archived' },
        { ids: [c[0]], to: 'in_review', also: 1 },
      ]) {
        const r = await chuy.client.post<Err>(BULK, body);
        assert.equal(r.status, 400, JSON.stringify(body).slice(0, 80));
        assert.equal(r.body.error.code, 'validation.failed');
        assert.match(r.body.error.message, /[өүңӨҮҢ]|[а-я]/, 'in Kyrgyz');
      }
      // Rejecting needs a reason, for a batch as for one report: refused before anything moves.
      const noReason = await chuy.client.post<Err>(BULK, { ids: c, to: 'rejected' });
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.error.code, 'submissions.reason_required');
      assert.equal(noReason.body.error.fields?.[0]?.path, 'reason');
      assert.equal(await audits(), before);
      for (const id of c) assert.equal(await status(id), 'received');
    });

    test('a batch asks for a fresh re-authentication first (a bulk action); until then nothing moves', async () => {
      const before = await audits();
      const r = await chuy.client.post<Err>(BULK, { ids: [c[0]], to: 'in_review' });
      assert.equal(r.status, 401);
      assert.equal(r.body.error.code, 'auth.reauth_required');
      assert.equal(await audits(), before);
      assert.equal(await status(c[0]), 'received');
      await chuy.client.reauth(chuy.password, chuy.totpSecret);
    });

    test('a coordinator takes a page into review: their region moves, the other region is "not found"', async () => {
      const r = await chuy.client.post<Result>(BULK, {
        ids: [c[0], c[1], c[2], naryn, c[0]],
        to: 'in_review',
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.done, [c[0], c[1], c[2]], 'each once, in the order given');
      assert.deepEqual(r.body.skipped, [{ id: naryn, code: 'submissions.not_found' }]);
      assert.equal(await status(naryn), 'received');
      const v = await admin.client.get<View>(`/api/monitoring/submissions/${c[1]}`);
      const last = v.body.history.at(-1)!;
      assert.deepEqual([last.to, last.userId], ['in_review', chuy.id]);
    });

    test('a report another reviewer holds, or one that cannot make the move, is skipped and named', async () => {
      // chuy2 opens c[1]: their lock keeps it out of anyone else's batch.
      assert.equal((await chuy2.client.post(`/api/monitoring/submissions/${c[1]}/lock`)).status, 200);
      type Rows = { items: { id: string; lockedBy: string | null; lockedByMe: boolean }[] };
      const row = async (u: TestUser) =>
        (await u.client.get<Rows>('/api/monitoring/submissions')).body.items.find((i) => i.id === c[1])!;
      assert.equal((await row(chuy2)).lockedByMe, true, 'the list tells a reviewer their own lock');
      const seen = await row(chuy);
      assert.equal(seen.lockedByMe, false);
      assert.ok(seen.lockedBy, 'and names the holder to others');
      const before = await audits();
      // c[3] is still "received": it cannot jump to "verified".
      const r = await chuy.client.post<Result>(BULK, { ids: [c[0], c[1], c[2], c[3]], to: 'verified' });
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.done, [c[0], c[2]]);
      assert.deepEqual(r.body.skipped, [
        { id: c[1], code: 'submissions.locked' },
        { id: c[3], code: 'submissions.transition_invalid' },
      ]);
      assert.equal(await status(c[1]), 'in_review');
      assert.equal(await status(c[3]), 'received');
      assert.equal(await audits(), before + 2, 'one audit entry per report moved, none for the skipped');
      assert.equal((await chuy2.client.delete(`/api/monitoring/submissions/${c[1]}/lock`)).status, 200);
    });

    test('a batch rejection carries its reason into every report’s history', async () => {
      const r = await chuy.client.post<Result>(BULK, { ids: [c[1], c[3]], to: 'rejected', reason: REASON });
      assert.deepEqual(r.body, { done: [c[1], c[3]], skipped: [] });
      for (const id of [c[1], c[3]]) {
        const v = (await admin.client.get<View>(`/api/monitoring/submissions/${id}`)).body;
        assert.equal(v.status, 'rejected');
        assert.equal(v.history.at(-1)!.reason, REASON);
      }
      // The reason is stored encrypted, like a single rejection's.
      const raw = await t.ctx.db.selectFrom('submission_history').select('reason_enc').execute();
      assert.ok(raw.every((h) => !h.reason_enc?.includes('Дубликат')));
    });

    test('"every match" gives the ids of the list’s filter, in its order, inside the reviewer’s region', async () => {
      type Matching = { ids: string[]; total: number };
      const all = await chuy.client.get<Matching>(`${MATCHING}?missionId=${w.missionId}`);
      assert.equal(all.status, 200, JSON.stringify(all.body));
      const list = await chuy.client.get<{ items: { id: string }[]; total: number }>(
        `/api/monitoring/submissions?missionId=${w.missionId}`,
      );
      assert.deepEqual(
        all.body.ids,
        list.body.items.map((r) => r.id),
        'the same reports, in the same order',
      );
      assert.deepEqual([...all.body.ids].sort(), [...c].sort(), 'Chuy only: the Naryn report is not there');
      assert.equal(all.body.total, 4);
      const rejected = await chuy.client.get<Matching>(`${MATCHING}?status=rejected`);
      assert.deepEqual([...rejected.body.ids].sort(), [c[1], c[3]].sort());
      const naryn = await chuy.client.get<Matching>(`${MATCHING}?region=KG-N`);
      assert.deepEqual(naryn.body, { ids: [], total: 0 });
      // The admin sees both regions.
      assert.equal((await admin.client.get<Matching>(MATCHING)).body.total, 5);
      // A page makes no sense here; a bad filter is refused like the list's.
      for (const bad of ['?page=2', '?status=archived', '?region=Chuy'])
        assert.equal((await chuy.client.get(`${MATCHING}${bad}`)).status, 400, bad);
      assert.equal((await obs.client.get(MATCHING)).status, 403);
      assert.equal((await t.client().get(MATCHING)).status, 401);
    });

    test('an observer, and someone with no session, cannot move anything', async () => {
      const o = await obs.client.post<Err>(BULK, { ids: [c[0]], to: 'published' });
      assert.equal(o.status, 403);
      const anon = await t.client().post<Err>(BULK, { ids: [c[0]], to: 'published' });
      assert.equal(anon.status, 401);
      assert.equal(await status(c[0]), 'verified');
    });

    test('a batch only moves forward: a published report is not unpublished, a rejected one not reopened', async () => {
      assert.deepEqual((await chuy.client.post<Result>(BULK, { ids: [c[0]], to: 'published' })).body, {
        done: [c[0]],
        skipped: [],
      });
      const before = await audits();
      const back = await chuy.client.post<Result>(BULK, { ids: [c[0], c[2]], to: 'verified' });
      assert.deepEqual(back.body.done, []);
      assert.deepEqual(back.body.skipped, [
        { id: c[0], code: 'submissions.transition_invalid' },
        { id: c[2], code: 'submissions.transition_invalid' },
      ]);
      const reopen = await chuy.client.post<Result>(BULK, { ids: [c[1]], to: 'in_review' });
      assert.deepEqual(reopen.body.skipped, [{ id: c[1], code: 'submissions.transition_invalid' }]);
      assert.equal(await audits(), before);
      assert.deepEqual([await status(c[0]), await status(c[1])], ['published', 'rejected']);
      // On the report's own page, stepping back is still there.
      const one = await chuy.client.post(`/api/monitoring/submissions/${c[0]}/transition`, {
        to: 'verified',
      });
      assert.equal(one.status, 200, JSON.stringify(one.body));
      assert.equal(await status(c[0]), 'verified');
    });
  });
}
