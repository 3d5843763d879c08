import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type Sub = {
  id: string;
  status: string;
  flags: Record<string, boolean>;
  lock: unknown;
  assignee: unknown;
  comments: { body: string; name: string }[];
  history: { action: string; to: string | null; name: string | null; reason: string | null }[];
};
type List = { items: { id: string; lockedBy: string | null; assigneeName: string | null; flags: object }[] };

/**
 * An observer reads their own report back, but not its review (submissions.read.ts): the reviewers'
 * comments, who holds or is given it, its triage flags and who reviewed it stay with the reviewers —
 * the mission page keeps coordinators' names from observers too. A rejection's reason is theirs to see.
 */
for (const backend of await backends()) {
  describe(`an observer's own report without the review's internals (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let coord: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    let id: string;

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      coord = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: admin.id, region: null },
          { userId: coord.id, region: 'KG-C' },
        ],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      const s = await obs.client.post<{ id: string }>(
        '/api/monitoring/submissions',
        submission(w, 'C1', goodAnswers()),
      );
      assert.equal(s.status, 201, JSON.stringify(s.body));
      id = s.body.id;
      const steps: [string, string, unknown][] = [
        ['POST', `/api/monitoring/submissions/${id}/lock`, {}],
        ['POST', `/api/monitoring/submissions/${id}/comments`, { body: 'Позвонить ему, похоже на дубль' }],
        ['PATCH', `/api/monitoring/submissions/${id}/flags`, { verify: true, urgent: true }],
        ['PUT', `/api/monitoring/submissions/${id}/assignee`, { userId: coord.id }],
        ['POST', `/api/monitoring/submissions/${id}/transition`, { to: 'in_review' }],
        [
          'POST',
          `/api/monitoring/submissions/${id}/transition`,
          { to: 'rejected', reason: 'Нет фото протокола' },
        ],
        ['POST', `/api/monitoring/submissions/${id}/lock`, {}],
      ];
      for (const [method, path, body] of steps) {
        const r = await coord.client.request(method, path, body);
        assert.ok(r.status < 300, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      }
    });
    after(async () => t?.close());

    test('the reviewer sees the whole review', async () => {
      const r = await admin.client.get<Sub>(`/api/monitoring/submissions/${id}`);
      assert.equal(r.status, 200);
      assert.equal(r.body.comments.length, 1);
      assert.ok(r.body.lock && r.body.assignee);
      assert.equal(r.body.flags.urgent, true);
      assert.ok(r.body.history.some((h) => h.name === 'Test coordinator'));
    });

    test('the observer sees states, times and the rejection reason, and nobody’s name but their own', async () => {
      const r = await obs.client.get<Sub>(`/api/monitoring/submissions/${id}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.status, 'rejected');
      assert.deepEqual(r.body.comments, []);
      assert.equal(r.body.lock, null);
      assert.equal(r.body.assignee, null);
      assert.deepEqual(r.body.flags, { translate: false, geolocate: false, verify: false, urgent: false });
      assert.deepEqual(
        r.body.history.map((h) => [h.action, h.to, h.name]),
        [
          ['received', 'received', 'Test monitor'],
          ['transition', 'in_review', null],
          ['transition', 'rejected', null],
        ],
      );
      assert.equal(r.body.history.at(-1)!.reason, 'Нет фото протокола');
      const text = JSON.stringify(r.body);
      for (const secret of ['Test coordinator', 'дубль', coord.id])
        assert.ok(!text.includes(secret), `the observer's view holds ${secret}`);
      const list = await obs.client.get<List>('/api/monitoring/submissions');
      const item = list.body.items.find((i) => i.id === id)!;
      assert.equal(item.lockedBy, null);
      assert.equal(item.assigneeName, null);
      assert.ok(!JSON.stringify(list.body).includes('Test coordinator'));
    });
  });
}
