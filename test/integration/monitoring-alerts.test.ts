import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type Notice = { kind: string; entityId: string; params: Record<string, unknown>; readAt: string | null };
type Notices = { items: Notice[]; unread: number };

const SECRET_NOTE = 'ALERT-NOTE-7d1c';

for (const backend of await backends()) {
  describe(`monitoring: a critical report alerts the coordinators who may review it (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let naryn: TestUser;
    let obs: TestUser;
    let w: MissionWorld;

    const runJobs = async () => {
      while (await t.ctx.jobs.runOnce()) {
        /* every due job */
      }
    };
    const critical = async (u: TestUser) => {
      const r = await u.client.get<Notices>('/api/notifications');
      assert.equal(r.status, 200);
      return r.body.items.filter((n) => n.kind === 'monitoring.critical');
    };
    const send = async (answers: Record<string, unknown>, clientId?: string) => {
      const body = { ...submission(w, 'C1', answers), ...(clientId ? { clientId } : {}) };
      const r = await obs.client.post<{ id: string }>('/api/monitoring/submissions', body);
      assert.ok(r.status === 201 || r.status === 200, JSON.stringify(r.body));
      return { id: r.body.id, clientId: body.clientId, status: r.status };
    };

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      naryn = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: chuy.id, region: 'KG-C' },
          { userId: naryn.id, region: 'KG-N' },
        ],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
    });
    after(async () => t.close());

    test('an ordinary report alerts nobody', async () => {
      await send(goodAnswers());
      await runJobs();
      assert.deepEqual(await critical(chuy), []);
      assert.deepEqual(await critical(admin), []);
    });

    test("a critical report: the region's coordinator gets one notice that opens it; a replay adds none", async () => {
      const first = await send(goodAnswers({ violence: true, notes: SECRET_NOTE }));
      assert.equal(first.status, 201);
      const replay = await send(goodAnswers({ violence: true, notes: SECRET_NOTE }), first.clientId);
      assert.equal(replay.status, 200);
      assert.equal(replay.id, first.id);
      await runJobs();
      await runJobs();
      const mine = await critical(chuy);
      assert.equal(mine.length, 1);
      assert.equal(mine[0]!.entityId, first.id);
      assert.deepEqual(mine[0]!.params, { submissionId: first.id, region: 'KG-C', site: 'C1' });
      assert.equal(mine[0]!.readAt, null);
      // The notice carries codes, never an answer.
      const raw = await t.ctx.db.selectFrom('notifications').select('params').execute();
      assert.ok(raw.every((r) => !r.params.includes(SECRET_NOTE)));
      const open = await chuy.client.get(`/api/monitoring/submissions/${first.id}`);
      assert.equal(open.status, 200);
      const jobs = await t.ctx.db
        .selectFrom('jobs')
        .select('id')
        .where('type', '=', 'monitoring.critical_alert')
        .execute();
      assert.equal(jobs.length, 1, 'one alert job per report, replays included');
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select('entity_id')
        .where('action', '=', 'monitoring.critical_alerted')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.entity_id),
        [first.id],
      );
    });

    test('nobody outside the region is alerted: not the other region, not the observer', async () => {
      assert.deepEqual(await critical(naryn), []);
      assert.deepEqual(await critical(obs), []);
      // The administrator is not a coordinator of this mission, and the region has one.
      assert.deepEqual(await critical(admin), []);
      const other = (await critical(chuy))[0]!.entityId;
      assert.equal((await naryn.client.get(`/api/monitoring/submissions/${other}`)).status, 404);
    });

    test('a region nobody coordinates alerts the administrators', async () => {
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: naryn.id, region: 'KG-N' }],
      });
      assert.equal(c.status, 200);
      const r = await send(goodAnswers({ violence: true }));
      await runJobs();
      const notices = await critical(admin);
      assert.deepEqual(
        notices.map((n) => n.entityId),
        [r.id],
      );
      assert.equal((await critical(chuy)).length, 1, 'the former coordinator gets nothing new');
      assert.deepEqual(await critical(naryn), []);
    });
  });
}
