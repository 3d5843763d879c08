import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

const QUEUES = '/api/monitoring/submissions/queues';
type Counts = Record<'all' | 'mine' | 'translate' | 'geolocate' | 'verify' | 'urgent' | 'critical', number>;
type Err = { error: { code: string; message: string } };

/**
 * The numbers beside the review tabs: each is what its tab lists under the same filter, for whoever
 * asks (a region's coordinator counts only their region), and never for an observer.
 */
for (const backend of await backends()) {
  describe(`monitoring: review queue counts (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let obs: TestUser;
    let w: MissionWorld;

    const send = async (site: string, answers: Record<string, unknown>) => {
      const r = await obs.client.post<{ id: string }>(
        '/api/monitoring/submissions',
        submission(w, site, answers),
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    };
    /** What the list itself says each tab holds: the counts must agree with it. */
    const listed = async (who: TestUser, filter: string) => {
      const tab = async (q: string) =>
        (await who.client.get<{ total: number }>(`/api/monitoring/submissions?${filter}${q}`)).body.total;
      return {
        all: await tab(''),
        mine: await tab('&assignee=me'),
        translate: await tab('&queue=translate'),
        geolocate: await tab('&queue=geolocate'),
        verify: await tab('&queue=verify'),
        urgent: await tab('&queue=urgent'),
        critical: await tab('&critical=1'),
      };
    };

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await assign(admin, w.sites.N1!, [obs.id]);
      await reauthed(admin);
      const co = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: chuy.id, region: 'KG-C' }],
      });
      assert.equal(co.status, 200, JSON.stringify(co.body));
      const c1 = await send('C1', goodAnswers({ violence: true }));
      const c2 = await send('C1', goodAnswers());
      await send('C1', goodAnswers());
      const n1 = await send('N1', goodAnswers({ violence: true }));
      const flag = async (id: string, flags: Record<string, boolean>) =>
        assert.equal(
          (await admin.client.patch(`/api/monitoring/submissions/${id}/flags`, flags)).status,
          200,
        );
      await flag(c1, { translate: true, urgent: true });
      await flag(c2, { translate: true, verify: true });
      await flag(n1, { translate: true, geolocate: true });
      const given = await admin.client.put(`/api/monitoring/submissions/${c2}/assignee`, { userId: chuy.id });
      assert.equal(given.status, 200, JSON.stringify(given.body));
      const rej = await admin.client.post(`/api/monitoring/submissions/${n1}/transition`, {
        to: 'rejected',
        reason: 'Not at a polling station',
      });
      assert.equal(rej.status, 200, JSON.stringify(rej.body));
    });
    after(async () => t.close());

    test('an administrator counts every queue, and each count is what the tab lists', async () => {
      const all = await admin.client.get<Counts>(`${QUEUES}?missionId=${w.missionId}`);
      assert.equal(all.status, 200, JSON.stringify(all.body));
      // A critical report starts in the urgent queue: both of them are counted there.
      assert.deepEqual(all.body, {
        all: 4,
        mine: 0,
        translate: 3,
        geolocate: 1,
        verify: 1,
        urgent: 2,
        critical: 2,
      });
      assert.deepEqual(all.body, await listed(admin, `missionId=${w.missionId}`));
      // The other filters narrow every count alike.
      const received = await admin.client.get<Counts>(`${QUEUES}?missionId=${w.missionId}&status=received`);
      assert.deepEqual(received.body, {
        all: 3,
        mine: 0,
        translate: 2,
        geolocate: 0,
        verify: 1,
        urgent: 1,
        critical: 1,
      });
      assert.deepEqual(received.body, await listed(admin, `missionId=${w.missionId}&status=received`));
    });

    test("a region's coordinator counts only their region, and their own assignments as mine", async () => {
      const r = await chuy.client.get<Counts>(`${QUEUES}?missionId=${w.missionId}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body, {
        all: 3,
        mine: 1,
        translate: 2,
        geolocate: 0,
        verify: 1,
        urgent: 1,
        critical: 1,
      });
      assert.deepEqual(r.body, await listed(chuy, `missionId=${w.missionId}`));
      // Asking for another region gives nothing away: zero everywhere.
      const naryn = await chuy.client.get<Counts>(`${QUEUES}?region=KG-N`);
      assert.deepEqual(naryn.body, {
        all: 0,
        mine: 0,
        translate: 0,
        geolocate: 0,
        verify: 0,
        urgent: 0,
        critical: 0,
      });
    });

    test('an observer is refused (their reports show no flags), and a bad filter is a clear 400', async () => {
      const r = await obs.client.get<Err>(`${QUEUES}?missionId=${w.missionId}`);
      assert.equal(r.status, 403);
      assert.equal((await chuy.client.patch('/api/me', { locale: 'ru' })).status, 200);
      for (const q of ['region=Chuy', 'missionId=nope', 'queue=translate', 'page=2', 'status=lost']) {
        const bad = await chuy.client.get<Err>(`${QUEUES}?${q}`);
        assert.equal(bad.status, 400, q);
        assert.equal(bad.body.error.code, 'validation.failed');
        assert.match(bad.body.error.message, /[а-я]/, `in Russian: ${q}`);
      }
    });
  });
}
