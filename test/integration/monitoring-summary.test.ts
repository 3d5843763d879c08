import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type Row = { region: string; expected: number | null; received: number | null; unstaffed?: number };
type Summary = { expected: number; received: number; unstaffed?: number; byRegion: Row[] };
type SitesStatus = { items: { code: string; expected: number; received: number }[] };

for (const backend of await backends()) {
  describe(`monitoring summary: expected counts only staffed sites (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let obs: TestUser;
    let obs2: TestUser;
    let w: MissionWorld;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      obs2 = await addUser(t, admin, 'monitor');
      // Sites: C1 and C2 in Chuy, N1 in Naryn. Only C1 has an observer (two, who both count once).
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id, obs2.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: chuy.id, region: 'KG-C' }],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      const r = await obs.client.post('/api/monitoring/submissions', submission(w, 'C1', goodAnswers()));
      assert.equal(r.status, 201, JSON.stringify(r.body));
    });
    after(async () => t?.close());

    const summary = async (u: TestUser = admin) => {
      const s = await u.client.get<Summary>(`/api/monitoring/missions/${w.missionId}/summary`);
      assert.equal(s.status, 200, JSON.stringify(s.body));
      return s.body;
    };
    const sitesStatus = async () => {
      const s = await admin.client.get<SitesStatus>(`/api/monitoring/missions/${w.missionId}/sites-status`);
      assert.equal(s.status, 200, JSON.stringify(s.body));
      return Object.fromEntries(s.body.items.map((i) => [i.code, [i.expected, i.received]]));
    };

    test('sites without an observer are not expected; they are reported as unstaffed', async () => {
      const s = await summary();
      assert.equal(s.expected, 1);
      assert.equal(s.received, 1);
      assert.equal(s.unstaffed, 2);
      assert.deepEqual(s.byRegion, [
        { region: 'KG-C', expected: 1, received: 1, unstaffed: 1 },
        { region: 'KG-N', expected: 0, received: 0, unstaffed: 1 },
      ]);
      assert.deepEqual(await sitesStatus(), { C1: [1, 1], C2: [0, 0], N1: [0, 0] });
    });

    test('an observer’s sites count their own checklists: nobody learns of another’s report', async () => {
      type Sites = { items: { code: string; received: number; expected: number }[]; total: number };
      const list = async (u: TestUser, query = '') => {
        const r = await u.client.get<Sites>(`/api/monitoring/missions/${w.missionId}/sites${query}`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        return r.body;
      };
      // obs sent C1's checklist; obs2 is on C1 too and sent nothing.
      assert.deepEqual(
        (await list(obs)).items.map((i) => [i.code, i.received, i.expected]),
        [['C1', 1, 1]],
      );
      assert.deepEqual(
        (await list(obs2)).items.map((i) => [i.code, i.received, i.expected]),
        [['C1', 0, 1]],
      );
      // Nor from the status filter.
      assert.deepEqual(
        [(await list(obs2, '?status=complete')).total, (await list(obs2, '?status=waiting')).total],
        [0, 1],
      );
      assert.deepEqual(
        [(await list(obs, '?status=complete')).total, (await list(obs, '?status=waiting')).total],
        [1, 0],
      );
      assert.equal((await list(obs, '?status=unstaffed')).total, 0);
      // The coordinators' list counts the site's checklist, whoever sent it.
      assert.equal((await list(admin, '?status=complete')).items[0]?.code, 'C1');
    });

    test('assigning and removing observers moves a site between expected and unstaffed', async () => {
      await assign(admin, w.sites.N1!, [obs2.id]);
      let s = await summary();
      assert.deepEqual([s.expected, s.unstaffed], [2, 1]);
      assert.deepEqual(
        s.byRegion.find((r) => r.region === 'KG-N'),
        { region: 'KG-N', expected: 1, received: 0, unstaffed: 0 },
      );
      assert.deepEqual((await sitesStatus()).N1, [1, 0]);
      await assign(admin, w.sites.N1!, []);
      s = await summary();
      assert.deepEqual([s.expected, s.unstaffed], [1, 2]);
    });

    test('a region coordinator sees their region’s staffing only', async () => {
      const s = await summary(chuy);
      assert.deepEqual(s.byRegion, [{ region: 'KG-C', expected: 1, received: 1, unstaffed: 1 }]);
      assert.deepEqual([s.expected, s.unstaffed], [1, 1]);
    });

    test('the public summary does not say where observers are missing', async () => {
      const p = await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, { public: true });
      assert.equal(p.status, 200, JSON.stringify(p.body));
      const pub = await t.client().get<Summary>(`/api/public/monitoring/missions/${w.missionId}/summary`);
      assert.equal(pub.status, 200, JSON.stringify(pub.body));
      // One checklist expected, one received: small, withheld in the headline as everywhere.
      assert.equal(pub.body.expected, null);
      assert.equal(pub.body.received, null);
      assert.equal('unstaffed' in pub.body, false);
      assert.ok(pub.body.byRegion.every((r) => !('unstaffed' in r)));
      // Every region is listed. Naryn has a site but nobody was sent there: it reads exactly like
      // Batken, where there is no site at all, and like Chuy, whose one checklist is withheld: a
      // received 0 is withheld too, or the regions nobody reports from would be the only ones with a figure.
      const row = (code: string) => pub.body.byRegion.find((r) => r.region === code);
      assert.equal(pub.body.byRegion.length, 9);
      assert.deepEqual(row('KG-N'), { region: 'KG-N', expected: null, received: null });
      assert.deepEqual(row('KG-B'), { region: 'KG-B', expected: null, received: null });
      assert.deepEqual(row('KG-C'), { region: 'KG-C', expected: null, received: null });
      // The public page's heading: what the mission is, not who works on it.
      const m = (pub.body as Summary & { mission: Record<string, unknown> }).mission;
      assert.deepEqual(Object.keys(m).sort(), ['endsOn', 'kind', 'startsOn', 'status', 'title']);
      assert.equal(m.kind, 'election');
    });

    test('a checklist from a site nobody is assigned to is expected too: coverage never passes 100 %', async () => {
      // A coordinator on the spot reports for C2, which has no observer; twice, as a correction.
      for (let i = 0; i < 2; i++) {
        const r = await admin.client.post('/api/monitoring/submissions', submission(w, 'C2', goodAnswers()));
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
      const s = await summary();
      assert.deepEqual(
        s.byRegion.find((r) => r.region === 'KG-C'),
        { region: 'KG-C', expected: 2, received: 2, unstaffed: 1 },
      );
      assert.deepEqual([s.expected, s.received, s.unstaffed], [2, 2, 2]);
      assert.deepEqual(await sitesStatus(), { C1: [1, 1], C2: [1, 1], N1: [0, 0] });
      const c = await summary(chuy);
      assert.deepEqual([c.expected, c.received], [2, 2]);
    });

    test('the public figures are reused for a few seconds; unpublishing takes the page down at once', async () => {
      // A mission of its own: its public figures have never been read, so the first read builds them.
      const w2 = await missionWorld(t.ctx, admin);
      await assign(admin, w2.sites.C1!, [obs.id]);
      const p = await admin.client.patch(`/api/monitoring/missions/${w2.missionId}`, { public: true });
      assert.equal(p.status, 200, JSON.stringify(p.body));
      const read = () => t.client().get<Summary>(`/api/public/monitoring/missions/${w2.missionId}/summary`);
      const first = await read();
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.equal(first.body.received, 0);
      const r = await obs.client.post('/api/monitoring/submissions', submission(w2, 'C1', goodAnswers()));
      assert.equal(r.status, 201, JSON.stringify(r.body));
      // Reviewers see it at once; the anonymous page within seconds (PUBLIC_FIGURES_TTL_MS).
      const inner = await admin.client.get<Summary>(`/api/monitoring/missions/${w2.missionId}/summary`);
      assert.equal(inner.body.received, 1);
      assert.equal((await read()).body.received, 0);
      const off = await admin.client.patch(`/api/monitoring/missions/${w2.missionId}`, { public: false });
      assert.equal(off.status, 200, JSON.stringify(off.body));
      assert.equal((await read()).status, 404);
    });

    test('incidents over time come by the hour as instants, whatever the browser’s time zone', async () => {
      const at = '2026-11-30T08:41:07.000Z';
      const r = await obs.client.post('/api/monitoring/submissions', {
        ...submission(w, 'C1', { what: 'Ballot box carried out', severity: 'high' }, w.incident),
        submittedAt: at,
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const s = (await summary()) as Summary & { overTime: { hour: string; n: number; critical: number }[] };
      assert.deepEqual(s.overTime, [{ hour: '2026-11-30T08:00:00Z', n: 1, critical: 1 }]);
      // With an offset, so that no browser reads it as its own local time.
      assert.equal(new Date(s.overTime[0]!.hour).toISOString(), '2026-11-30T08:00:00.000Z');
    });

    test('a rejected report leaves every figure; taken back into review it counts again', async () => {
      type Full = Summary & {
        incidents: { total: number; critical: number };
        overTime: { hour: string; n: number; critical: number }[];
        answers: { field: string; kind: string; total: number; counts: { value: string; n: number }[] }[];
      };
      const full = async () => (await summary()) as Full;
      const opened = (s: Full) => s.answers.find((a) => a.field === 'opened')!;
      const before = await full();
      // Choice questions are counted, a checklist's and an incident report's alike; free text is not.
      assert.ok(before.answers.every((a) => a.field !== 'what'));
      assert.ok(before.answers.some((a) => a.field === 'severity' && a.kind === 'incident'));
      const incident = await obs.client.post<{ id: string }>('/api/monitoring/submissions', {
        ...submission(w, 'C1', { what: 'Observer pushed out', severity: 'high' }, w.incident),
        submittedAt: '2026-11-30T10:05:00.000Z',
      });
      const checklist = await admin.client.post<{ id: string }>(
        '/api/monitoring/submissions',
        submission(w, 'N1', goodAnswers({ opened: false })),
      );
      assert.deepEqual([incident.status, checklist.status], [201, 201]);
      const mid = await full();
      assert.deepEqual(mid.incidents, { total: 2, critical: 2 });
      assert.equal(mid.received, before.received + 1);
      assert.equal(opened(mid).total, opened(before).total + 1);
      const move = async (id: string, to: string) => {
        const r = await admin.client.post(`/api/monitoring/submissions/${id}/transition`, {
          to,
          ...(to === 'rejected' ? { reason: 'Duplicate of an earlier report' } : {}),
        });
        assert.equal(r.status, 200, JSON.stringify(r.body));
      };
      await move(incident.body.id, 'rejected');
      await move(checklist.body.id, 'rejected');
      const out = await full();
      assert.deepEqual(out.incidents, before.incidents);
      assert.deepEqual(out.overTime, before.overTime, 'its hour is empty again');
      assert.deepEqual([out.expected, out.received], [before.expected, before.received]);
      assert.deepEqual(opened(out), opened(before));
      assert.deepEqual((await sitesStatus()).N1, [0, 0], 'the station counts as not visited');
      await move(incident.body.id, 'in_review');
      await move(checklist.body.id, 'in_review');
      const back = await full();
      assert.deepEqual(
        [back.incidents, back.received, opened(back)],
        [mid.incidents, mid.received, opened(mid)],
      );
    });

    test('a critical checklist is not an incident: only critical incidents are counted as such', async () => {
      const s0 = (await summary()) as Summary & { incidents: { total: number; critical: number } };
      // The test checklist marks a report of violence as critical.
      const r = await obs.client.post<{ id: string }>(
        '/api/monitoring/submissions',
        submission(w, 'C1', goodAnswers({ violence: true })),
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const v = await admin.client.get<{ critical: boolean }>(`/api/monitoring/submissions/${r.body.id}`);
      assert.equal(v.body.critical, true);
      const s1 = (await summary()) as typeof s0;
      assert.deepEqual(s1.incidents, s0.incidents);
    });

    test('a phone clock reset to 1970 (or set to 2099) counts, but does not stretch the chart', async () => {
      type Full = Summary & {
        incidents: { total: number };
        overTime: { hour: string }[];
        overTimeOutside: number;
      };
      const before = (await summary()) as Full;
      for (const at of ['1970-01-01T00:00:05.000Z', '2099-06-01T12:00:00.000Z']) {
        const r = await obs.client.post('/api/monitoring/submissions', {
          ...submission(w, 'C1', { what: 'Clock', severity: 'low' }, w.incident),
          submittedAt: at,
        });
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
      const s = (await summary()) as Full;
      assert.equal(s.incidents.total, before.incidents.total + 2);
      assert.equal(s.overTimeOutside, before.overTimeOutside + 2);
      assert.deepEqual(s.overTime, before.overTime);
      // The public page says nothing of it (and never had the field).
      const pub = await t.client().get(`/api/public/monitoring/missions/${w.missionId}/summary`);
      assert.equal(pub.status, 200, JSON.stringify(pub.body));
      assert.ok(!('overTimeOutside' in pub.body));
    });
  });
}
