import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { countIncidentAnswers } from '../../src/server/modules/monitoring/counts.incidents.job.ts';
import { countVerified } from '../../src/server/modules/monitoring/counts.verified.job.ts';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type Counts = 'received' | 'verified';
type Answer = { field: string; kind: string; counts: { value: string; n: number | null }[] };
type Summary = {
  counts: Counts;
  verifiedPending?: boolean;
  received: number | null;
  incidents: { total: number | null; critical: number | null };
  overTime: { n: number | null }[];
  answers: Answer[];
};
type Err = { error: { code: string; message: string; fields?: { path: string }[] } };

const S = '/api/monitoring/submissions';

/**
 * A mission may publish figures from verified reports only (ADR 0035): incidents and answers then count
 * the reports a coordinator verified or published, while coverage (checklists received) still counts
 * every report that arrived. The counters follow every change of state and every correction, and the
 * job that counts reports verified before the counters did gives the same figures.
 */
for (const backend of await backends()) {
  describe(`monitoring public figures from verified reports (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let coord: TestUser;
    let obs: TestUser;
    let naryn: TestUser;
    let w: MissionWorld;
    const incidents: string[] = [];
    const mine = (counts?: Counts) =>
      admin.client.get<Summary>(
        `/api/monitoring/missions/${w.missionId}/summary${counts ? `?counts=${counts}` : ''}`,
      );
    const count = (s: Summary, field: string, value: string) =>
      s.answers.find((a) => a.field === field)?.counts.find((c) => c.value === value)?.n;
    const move = async (id: string, ...to: string[]) => {
      for (const step of to) {
        const r = await admin.client.post(`${S}/${id}/transition`, {
          to: step,
          ...(step === 'rejected' ? { reason: 'Could not be confirmed' } : {}),
        });
        assert.equal(r.status, 200, `${step}: ${JSON.stringify(r.body)}`);
      }
    };

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      coord = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      naryn = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await assign(admin, w.sites.N1!, [naryn.id]);
      await assign(admin, w.sites.C2!, [obs.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: coord.id, region: 'KG-C' }],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      const pub = await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, { public: true });
      assert.equal(pub.status, 200, JSON.stringify(pub.body));
      // Nine incidents (three serious, so critical) and two checklists nobody will verify.
      for (const severity of ['high', 'high', 'high', 'low', 'low', 'low', 'low', 'low', 'low']) {
        const r = await obs.client.post<{ id: string }>(
          S,
          submission(w, 'C1', { what: 'Seen at the gate', severity }, w.incident),
        );
        assert.equal(r.status, 201, JSON.stringify(r.body));
        incidents.push(r.body.id);
      }
      for (const site of ['C1', 'C2'])
        assert.equal((await obs.client.post(S, submission(w, site, goodAnswers()))).status, 201);
    });
    after(async () => t?.close());

    test('by default the public page counts every report not rejected, and says so', async () => {
      const m = await admin.client.get<{ publicCounts: Counts }>(`/api/monitoring/missions/${w.missionId}`);
      assert.equal(m.body.publicCounts, 'received');
      const p = await t.client().get<Summary>(`/api/public/monitoring/missions/${w.missionId}/summary`);
      assert.equal(p.status, 200, JSON.stringify(p.body));
      assert.equal(p.body.counts, 'received');
      assert.deepEqual(p.body.incidents, { total: 9, critical: null }, 'three critical are withheld');
      const v = await mine('verified');
      assert.equal(v.body.counts, 'verified');
      assert.deepEqual(v.body.incidents, { total: 0, critical: 0 }, 'nothing verified yet');
      assert.equal(count(v.body, 'queue', 'short'), 0);
      assert.equal(v.body.received, 2, 'coverage counts what arrived, verified or not');
    });

    test('verifying, publishing, rejecting and correcting move the verified figures', async () => {
      // Eight verified (one of them then published), one of those rejected after all.
      for (const id of incidents.slice(0, 8)) await move(id, 'in_review', 'verified');
      await move(incidents[0]!, 'published');
      await move(incidents[7]!, 'rejected');
      let v = (await mine('verified')).body;
      assert.deepEqual(v.incidents, { total: 7, critical: 3 });
      assert.deepEqual([count(v, 'severity', 'high'), count(v, 'severity', 'low')], [3, 4]);
      assert.equal(
        v.overTime.reduce((s, h) => s + (h.n ?? 0), 0),
        7,
        'over time too',
      );
      // A verified report corrected to serious: counted out and in again, in both layers.
      const fix = await coord.client.patch(`${S}/${incidents[3]!}/answers`, {
        changes: { severity: 'high' },
        reason: 'Confirmed by phone with the observer',
      });
      assert.equal(fix.status, 200, JSON.stringify(fix.body));
      v = (await mine('verified')).body;
      assert.deepEqual(v.incidents, { total: 7, critical: 4 });
      assert.deepEqual([count(v, 'severity', 'high'), count(v, 'severity', 'low')], [4, 3]);
      // Taken back into review: out of the verified figures, still among those received.
      await move(incidents[4]!, 'in_review');
      v = (await mine('verified')).body;
      assert.deepEqual(v.incidents, { total: 6, critical: 4 });
      const all = (await mine()).body;
      assert.equal(all.counts, 'received');
      assert.deepEqual(all.incidents, { total: 8, critical: 4 });
      assert.deepEqual([count(all, 'severity', 'high'), count(all, 'severity', 'low')], [4, 4]);
    });

    test('the mission publishes verified figures only: the public page counts and says so', async () => {
      const r = await admin.client.patch<{ publicCounts: Counts }>(
        `/api/monitoring/missions/${w.missionId}`,
        {
          publicCounts: 'verified',
        },
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.publicCounts, 'verified');
      const p = await t.client().get<Summary>(`/api/public/monitoring/missions/${w.missionId}/summary`);
      assert.equal(p.body.counts, 'verified');
      assert.deepEqual(p.body.incidents, { total: 6, critical: null });
      // Two checklists arrived (withheld as a small count), and none is verified: no answer to show.
      assert.equal(p.body.received, null);
      const queue = p.body.answers.find((a) => a.field === 'queue');
      assert.ok(queue && queue.counts.every((c) => c.n === 0), JSON.stringify(queue));
      const entry = await t.ctx.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'monitoring.mission_update')
        .where('entity_id', '=', w.missionId)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.match(String(entry.details), /publicCounts/);
    });

    test('the job that counts earlier verified reports gives the same figures', async () => {
      const before = (await mine('verified')).body;
      const all = (await mine()).body;
      // As before migration 0042: verified reports, but no verified figures.
      await t.ctx.db
        .updateTable('mon_count_region')
        .set({ verified_incidents: 0, verified_critical: 0 })
        .execute();
      await t.ctx.db
        .updateTable('mon_count_hour')
        .set({ verified_incidents: 0, verified_critical: 0 })
        .execute();
      await t.ctx.db.updateTable('mon_count_answer').set({ verified: 0 }).execute();
      assert.equal((await mine('verified')).body.incidents.total, 0);
      assert.equal(await countVerified(t.ctx), 6, 'six verified or published reports');
      assert.deepEqual((await mine('verified')).body, before);
      // Run again: the same, not doubled; the figures of every report are not touched.
      await countVerified(t.ctx);
      assert.deepEqual((await mine('verified')).body, before);
      assert.deepEqual((await mine()).body, all);
      // The incident answers' job replaces answer rows whole: it counts the verified column with them.
      await countIncidentAnswers(t.ctx);
      assert.deepEqual((await mine('verified')).body, before);
      assert.deepEqual((await mine()).body, all);
    });

    test('a batch, a verified checklist and two reviewers at once count right', async () => {
      const before = (await mine('verified')).body;
      // Two incidents moved as a batch (after a fresh re-authentication, as every batch).
      const two: string[] = [];
      for (let i = 0; i < 2; i++) {
        const r = await obs.client.post<{ id: string }>(
          S,
          submission(w, 'C1', { what: 'Seen at the gate', severity: 'low' }, w.incident),
        );
        two.push(r.body.id);
      }
      await admin.client.reauth(admin.password, admin.totpSecret);
      for (const to of ['in_review', 'verified']) {
        const b = await admin.client.post<{ done: string[] }>(`${S}/transition`, { ids: two, to });
        assert.deepEqual(b.body.done, two, JSON.stringify(b.body));
      }
      // A critical checklist (violence) verified: its answers count, it is no incident.
      const c = await obs.client.post<{ id: string }>(
        S,
        submission(w, 'C1', goodAnswers({ violence: true })),
      );
      await move(c.body.id, 'in_review', 'verified');
      // Two reviewers verify the same report at the same moment: it moves, and is counted, once.
      const one = await obs.client.post<{ id: string }>(
        S,
        submission(w, 'C1', { what: 'Seen at the gate', severity: 'low' }, w.incident),
      );
      await move(one.body.id, 'in_review');
      const tries = await Promise.all(
        [admin, coord, admin, coord].map((u) =>
          u.client.post(`${S}/${one.body.id}/transition`, { to: 'verified' }),
        ),
      );
      assert.deepEqual(
        tries.map((r) => r.status).sort(),
        [200, 409, 409, 409],
        JSON.stringify(tries.map((r) => r.body)),
      );
      const v = (await mine('verified')).body;
      assert.equal(v.incidents.total, before.incidents.total! + 3);
      assert.equal(v.incidents.critical, before.incidents.critical);
      assert.equal(count(v, 'violence', 'true'), 1);
      assert.equal(count(v, 'queue', 'short'), 1);
      // The job agrees with what the reviews counted.
      await countVerified(t.ctx);
      assert.deepEqual((await mine('verified')).body, v);
    });

    test('a region’s coordinator sees the verified figures of their region only', async () => {
      const r = await naryn.client.post<{ id: string }>(
        S,
        submission(w, 'N1', { what: 'Seen in Naryn', severity: 'high' }, w.incident),
      );
      await move(r.body.id, 'in_review', 'verified');
      const all = (await mine('verified')).body;
      const chuy = (
        await coord.client.get<Summary>(`/api/monitoring/missions/${w.missionId}/summary?counts=verified`)
      ).body;
      assert.equal(chuy.counts, 'verified');
      assert.equal(chuy.incidents.total, all.incidents.total! - 1, 'the Naryn report is not theirs');
      assert.equal(chuy.incidents.critical, all.incidents.critical! - 1);
    });

    test('while earlier verified reports are being counted, the page cannot switch to them', async () => {
      // As after an upgrade of an installation with verified reports: the job has not run yet.
      await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, { publicCounts: 'received' });
      await t.ctx.db.deleteFrom('settings').where('key', '=', 'monitoring.verified_counted').execute();
      assert.equal((await mine('verified')).body.verifiedPending, true);
      assert.equal((await mine()).body.verifiedPending, false);
      const r = await admin.client.request<Err>(
        'PATCH',
        `/api/monitoring/missions/${w.missionId}`,
        { publicCounts: 'verified' },
        { 'x-ukuk-locale': 'ky' },
      );
      assert.equal(r.status, 409, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'missions.verified_counting');
      assert.match(r.body.error.message, /эсептелип жатат/);
      const m = await admin.client.get<{ publicCounts: Counts }>(`/api/monitoring/missions/${w.missionId}`);
      assert.equal(m.body.publicCounts, 'received', 'nothing changed');
      // The refusal started the counting at once; when it is done, the switch is accepted.
      while (await t.ctx.jobs.runOnce());
      assert.equal((await mine('verified')).body.verifiedPending, false);
      const ok = await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, {
        publicCounts: 'verified',
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
    });

    test('bad values and the wrong people change nothing', async () => {
      const bad = await admin.client.request<Err>(
        'PATCH',
        `/api/monitoring/missions/${w.missionId}`,
        { publicCounts: 'everything' },
        { 'x-ukuk-locale': 'ru' },
      );
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /[а-я]/, 'in the caller’s language');
      assert.ok(
        bad.body.error.fields?.some((f) => f.path === 'publicCounts'),
        JSON.stringify(bad.body),
      );
      const q = await admin.client.get<Err>(`/api/monitoring/missions/${w.missionId}/summary?counts=all`);
      assert.equal(q.status, 400);
      // A region's coordinator does not decide what the whole mission publishes; an observer sees nothing.
      const byCoord = await coord.client.patch(`/api/monitoring/missions/${w.missionId}`, {
        publicCounts: 'received',
      });
      assert.equal(byCoord.status, 403, JSON.stringify(byCoord.body));
      const byObs = await obs.client.patch(`/api/monitoring/missions/${w.missionId}`, {
        publicCounts: 'received',
      });
      assert.ok([403, 404].includes(byObs.status), String(byObs.status));
      assert.equal(
        (await obs.client.get(`/api/monitoring/missions/${w.missionId}/summary?counts=verified`)).status,
        403,
      );
      const m = await admin.client.get<{ publicCounts: Counts }>(`/api/monitoring/missions/${w.missionId}`);
      assert.equal(m.body.publicCounts, 'verified');
    });
  });
}
