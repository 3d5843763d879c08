import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type Sub = {
  assignee: { id: string; name: string } | null;
  history: { action: string; refId: string | null; refName: string | null; userId: string | null }[];
};
type Err = { error: { code: string; message: string; fields?: { path: string }[] } };
type Row = { id: string; assigneeName: string | null };
type Notice = { kind: string; entityId: string; params: Record<string, unknown> };

const SECRET = 'ASSIGN-NOTE-4b2e';

for (const backend of await backends()) {
  describe(`monitoring: a report is given to one reviewer (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let chuy2: TestUser;
    let naryn: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    let id: string;

    const view = async (u: TestUser) => {
      const r = await u.client.get<Sub>(`/api/monitoring/submissions/${id}`);
      assert.equal(r.status, 200);
      return r.body;
    };
    const give = (u: TestUser, userId: string | null) =>
      u.client.put<Sub & Err>(`/api/monitoring/submissions/${id}/assignee`, { userId });
    const mine = async (u: TestUser) => {
      const r = await u.client.get<{ items: Row[] }>('/api/monitoring/submissions?assignee=me');
      assert.equal(r.status, 200);
      return r.body.items.map((i) => i.id);
    };
    const notices = async (u: TestUser) => {
      const r = await u.client.get<{ items: Notice[] }>('/api/notifications');
      return r.body.items.filter((n) => n.kind === 'monitoring.assigned');
    };

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      chuy2 = await addUser(t, admin, 'coordinator');
      naryn = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: chuy.id, region: 'KG-C' },
          { userId: chuy2.id, region: 'KG-C' },
          { userId: naryn.id, region: 'KG-N' },
        ],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      const r = await obs.client.post<{ id: string }>(
        '/api/monitoring/submissions',
        submission(w, 'C1', goodAnswers({ notes: SECRET })),
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      id = r.body.id;
    });
    after(async () => t.close());

    test('the pick list holds exactly who may review the report', async () => {
      const r = await chuy.client.get<{ items: { id: string; name: string }[] }>(
        `/api/monitoring/submissions/${id}/reviewers`,
      );
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.items.map((i) => i.id).sort(), [admin.id, chuy.id, chuy2.id].sort());
      assert.ok(r.body.items.every((i) => i.name.length > 0));
      // Not a reviewer of this report: the same answers as for a report that does not exist.
      assert.equal((await naryn.client.get(`/api/monitoring/submissions/${id}/reviewers`)).status, 404);
      assert.equal((await obs.client.get(`/api/monitoring/submissions/${id}/reviewers`)).status, 403);
    });

    test('given to a fellow coordinator: shown, in history and audit, in their queue and bell', async () => {
      const r = await give(chuy, chuy2.id);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.assignee?.id, chuy2.id);
      assert.equal(r.body.assignee?.name, 'Test coordinator');
      const last = r.body.history.at(-1)!;
      assert.deepEqual(
        { action: last.action, refId: last.refId, refName: last.refName, by: last.userId },
        { action: 'assign', refId: chuy2.id, refName: 'Test coordinator', by: chuy.id },
      );
      assert.deepEqual(await mine(chuy2), [id]);
      assert.deepEqual(await mine(chuy), []);
      const list = await chuy.client.get<{ items: Row[] }>('/api/monitoring/submissions');
      assert.equal(list.body.items.find((i) => i.id === id)?.assigneeName, 'Test coordinator');
      const bell = await notices(chuy2);
      assert.equal(bell.length, 1);
      assert.deepEqual(
        { entity: bell[0]!.entityId, site: bell[0]!.params.site, region: bell[0]!.params.region },
        { entity: id, site: 'C1', region: 'KG-C' },
      );
      assert.deepEqual(await notices(chuy), [], 'the one who gave it is not told');
      const raw = await t.ctx.db.selectFrom('notifications').select('params').execute();
      assert.ok(
        raw.every((n) => !n.params.includes(SECRET)),
        'no answer in a notice',
      );
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select(['actor_id', 'entity_id'])
        .where('action', '=', 'monitoring.submission_assign')
        .execute();
      assert.deepEqual(audit, [{ actor_id: chuy.id, entity_id: id }]);
    });

    test('nobody outside the report can be given it: 400 naming the field, translated, nothing changed', async () => {
      assert.equal((await chuy.client.patch('/api/me', { locale: 'ky' })).status, 200);
      for (const who of [naryn.id, obs.id, '01a22f01-0000-7000-8000-000000000000']) {
        const r = await give(chuy, who);
        assert.equal(r.status, 400, JSON.stringify(r.body));
        assert.equal(r.body.error.code, 'submissions.assignee_invalid');
        assert.deepEqual(
          r.body.error.fields?.map((f) => f.path),
          ['userId'],
        );
        assert.match(r.body.error.message, /Бул адам бул билдирүүнү текшере албайт/);
      }
      assert.equal(
        (await chuy.client.put(`/api/monitoring/submissions/${id}/assignee`, { userId: 'x' })).status,
        400,
      );
      assert.equal((await chuy.client.put(`/api/monitoring/submissions/${id}/assignee`, {})).status, 400);
      assert.equal((await view(chuy)).assignee?.id, chuy2.id, 'unchanged');
      assert.equal((await chuy.client.patch('/api/me', { locale: 'en' })).status, 200);
    });

    test('an observer, another region and a held lock are refused', async () => {
      assert.equal((await give(obs, obs.id)).status, 403);
      assert.equal((await give(naryn, naryn.id)).status, 404);
      assert.equal((await chuy2.client.post(`/api/monitoring/submissions/${id}/lock`)).status, 200);
      const r = await give(chuy, chuy.id);
      assert.equal(r.status, 409);
      assert.equal(r.body.error.code, 'submissions.locked');
      assert.equal((await chuy2.client.delete(`/api/monitoring/submissions/${id}/lock`)).status, 200);
      assert.equal((await view(admin)).assignee?.id, chuy2.id);
    });

    test('taken by oneself (no notice), then given to nobody', async () => {
      const before = (await notices(chuy)).length;
      const took = await give(chuy, chuy.id);
      assert.equal(took.status, 200);
      assert.equal(took.body.assignee?.id, chuy.id);
      assert.equal((await notices(chuy)).length, before);
      assert.deepEqual(await mine(chuy), [id]);
      assert.deepEqual(await mine(chuy2), []);
      const none = await give(admin, null);
      assert.equal(none.status, 200);
      assert.equal(none.body.assignee, null);
      const last = none.body.history.at(-1)!;
      assert.deepEqual({ action: last.action, refId: last.refId }, { action: 'unassign', refId: chuy.id });
      assert.deepEqual(await mine(chuy), []);
      // Giving it to nobody again changes nothing and writes nothing.
      const n = (await view(admin)).history.length;
      assert.equal((await give(admin, null)).status, 200);
      assert.equal((await view(admin)).history.length, n);
    });
  });
}
