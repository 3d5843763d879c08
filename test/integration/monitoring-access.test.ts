import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type Err = { error: { code: string } };
type List = { items: { id: string; region: string | null }[]; total: number };

for (const backend of await backends()) {
  describe(`monitoring: who sees what (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let outsider: TestUser;
    let obs: TestUser;
    let obs2: TestUser;
    let w: MissionWorld;
    let mine: string;
    let theirs: string;
    let caseId: string;
    let eventId: string;
    let personId: string;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      outsider = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      obs2 = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await assign(admin, w.sites.N1!, [obs2.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: admin.id, region: null },
          { userId: chuy.id, region: 'KG-C' },
        ],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      mine = (
        await obs.client.post<{ id: string }>(
          '/api/monitoring/submissions',
          submission(w, 'C1', goodAnswers()),
        )
      ).body.id;
      theirs = (
        await obs2.client.post<{ id: string }>(
          '/api/monitoring/submissions',
          submission(w, 'N1', goodAnswers()),
        )
      ).body.id;
      personId = (
        await admin.client.post<{ id: string }>('/api/people', { names: [{ full: 'Асель Токтогулова' }] })
      ).body.id;
      caseId = (await admin.client.post<{ id: string }>('/api/cases', { type: 'consultation', title: 'Иш' }))
        .body.id;
      eventId = (await admin.client.post<{ id: string }>('/api/violations/events', { title: 'Окуя' })).body
        .id;
      assert.ok(personId && caseId && eventId);
    });
    after(async () => t.close());

    test('an observer reads only their own submissions', async () => {
      assert.equal((await obs.client.get(`/api/monitoring/submissions/${mine}`)).status, 200);
      const other = await obs.client.get<Err>(`/api/monitoring/submissions/${theirs}`);
      assert.equal(other.status, 404);
      assert.equal(other.body.error.code, 'submissions.not_found');
      const list = await obs.client.get<List>('/api/monitoring/submissions');
      assert.deepEqual(
        list.body.items.map((i) => i.id),
        [mine],
      );
      const filtered = await obs.client.get<List>(
        `/api/monitoring/submissions?region=KG-N&missionId=${w.missionId}`,
      );
      assert.equal(filtered.body.total, 0);
      // Sites: only the assigned one; no summary, no review.
      const sites = await obs.client.get<List>(`/api/monitoring/missions/${w.missionId}/sites`);
      assert.deepEqual(
        sites.body.items.map((s) => s.id),
        [w.sites.C1],
      );
      assert.equal((await obs.client.get(`/api/monitoring/missions/${w.missionId}/summary`)).status, 403);
      assert.equal((await obs.client.post(`/api/monitoring/submissions/${mine}/lock`)).status, 403);
      // A mission they are not assigned to does not exist for them.
      const m2 = await admin.client.post<{ id: string }>('/api/monitoring/missions', {
        kind: 'trial',
        title: 'Other',
      });
      assert.equal((await obs.client.get(`/api/monitoring/missions/${m2.body.id}`)).status, 404);
      const ml = await obs.client.get<{ items: { id: string; sites: number; received: number }[] }>(
        '/api/monitoring/missions',
      );
      // Their own site and checklist, not the mission's (the other observer's is in another region).
      assert.deepEqual(
        ml.body.items.map((m) => [m.id, m.sites, m.received]),
        [[w.missionId, 1, 1]],
      );
    });

    test('an observer reaches no legal or violation record', async () => {
      for (const path of [
        '/api/cases',
        `/api/cases/${caseId}`,
        '/api/people',
        `/api/people/${personId}`,
        '/api/violations/events',
        `/api/violations/events/${eventId}`,
      ]) {
        const r = await obs.client.get<Err>(path);
        assert.equal(r.status, 403, path);
        assert.equal(r.body.error.code, 'auth.forbidden');
      }
      // Nor through monitoring: making records needs those rights.
      assert.equal((await obs.client.post(`/api/monitoring/submissions/${mine}/to-violation`)).status, 403);
      assert.equal((await obs.client.post(`/api/monitoring/submissions/${mine}/to-case`, {})).status, 403);
    });

    test('a region coordinator sees their region only', async () => {
      const list = await chuy.client.get<List>(`/api/monitoring/submissions?missionId=${w.missionId}`);
      assert.deepEqual(
        list.body.items.map((i) => i.id),
        [mine],
      );
      assert.equal((await chuy.client.get(`/api/monitoring/submissions/${theirs}`)).status, 404);
      assert.equal((await chuy.client.post(`/api/monitoring/submissions/${theirs}/lock`)).status, 404);
      const sites = await chuy.client.get<List>(`/api/monitoring/missions/${w.missionId}/sites`);
      assert.ok(sites.body.items.length > 0);
      assert.ok(sites.body.items.every((s) => s.region === 'KG-C'));
      const sum = await chuy.client.get<{ byRegion: { region: string }[]; received: number }>(
        `/api/monitoring/missions/${w.missionId}/summary`,
      );
      assert.deepEqual(
        sum.body.byRegion.map((r) => r.region),
        ['KG-C'],
      );
      assert.equal(sum.body.received, 1);
      const status = await chuy.client.get<{ items: { region: string }[] }>(
        `/api/monitoring/missions/${w.missionId}/sites-status`,
      );
      assert.ok(status.body.items.every((s) => s.region === 'KG-C'));
      // Their region's sites may change; another region's may not; the mission itself is not theirs.
      const here = await chuy.client.post(`/api/monitoring/missions/${w.missionId}/sites`, {
        code: 'C9',
        name: 'New school',
        region: 'KG-C',
      });
      assert.equal(here.status, 201);
      const there = await chuy.client.post<Err>(`/api/monitoring/missions/${w.missionId}/sites`, {
        code: 'N9',
        name: 'Far school',
        region: 'KG-N',
      });
      assert.equal(there.status, 403);
      assert.equal(
        (await chuy.client.patch(`/api/monitoring/sites/${w.sites.N1}`, { name: 'x' })).status,
        404,
      );
      assert.equal(
        (await chuy.client.patch(`/api/monitoring/missions/${w.missionId}`, { title: 'x' })).status,
        403,
      );
      await reauthed(chuy);
      const imp = await chuy.client.post<Err>(`/api/monitoring/missions/${w.missionId}/sites/import`, {
        csv: 'code,name,region\nN7,Naryn school,KG-N\n',
      });
      assert.equal(imp.status, 400);
    });

    test('a code taken in another region is refused like any taken code, and the try is logged', async () => {
      const denied = async () =>
        (
          await t.ctx.db
            .selectFrom('audit_log')
            .select(['actor_id', 'entity_id'])
            .where('action', '=', 'monitoring.access_denied')
            .where('entity_type', '=', 'site')
            .execute()
        ).map((r) => [r.actor_id, r.entity_id]);
      const before = await denied();
      const add = (code: string) =>
        chuy.client.post<Err>(`/api/monitoring/missions/${w.missionId}/sites`, {
          code,
          name: 'Another school',
          region: 'KG-C',
        });
      // Their own region's code: the ordinary answer, nothing logged.
      const own = await add('C2');
      assert.equal(own.status, 409);
      assert.equal(own.body.error.code, 'sites.code_taken');
      assert.deepEqual(await denied(), before);
      // Naryn's: the same answer, and the look outside their region is logged.
      const far = await add('N1');
      assert.equal(far.status, 409);
      assert.equal(far.body.error.code, 'sites.code_taken');
      const renamed = await chuy.client.patch<Err>(`/api/monitoring/sites/${w.sites.C2}`, { code: 'N1' });
      assert.equal(renamed.status, 409);
      assert.deepEqual(await denied(), [...before, [chuy.id, w.sites.N1], [chuy.id, w.sites.N1]]);
    });

    test('a coordinator of no part of the mission sees nothing of it', async () => {
      assert.equal((await outsider.client.get(`/api/monitoring/missions/${w.missionId}`)).status, 404);
      assert.equal(
        (await outsider.client.get(`/api/monitoring/missions/${w.missionId}/summary`)).status,
        404,
      );
      assert.equal((await outsider.client.get(`/api/monitoring/submissions/${mine}`)).status, 404);
      const list = await outsider.client.get<List>('/api/monitoring/submissions');
      assert.equal(list.body.total, 0);
      const ml = await outsider.client.get<List>('/api/monitoring/missions');
      assert.equal(ml.body.items.length, 0);
    });
  });
}
