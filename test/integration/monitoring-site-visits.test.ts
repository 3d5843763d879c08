import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { CHECKLIST, INCIDENT, goodAnswers, missionWorld, publishTestForm } from '../helpers/monitoring.ts';

type Site = { id: string; code: string; visits: number; received: number; expected: number };
type List = { items: Site[]; total: number };
type Region = { region: string; expected: number; received: number };
type Summary = { expected: number; received: number; byRegion: Region[] };
type Issue = { line: number; field: string; code: string };
type Err = {
  error: { code: string; message: string; details?: Issue[]; fields?: { path: string; code: string }[] };
};
const S = '/api/monitoring/submissions';

/**
 * Planned visits (ADR 0037): a detention-visit mission goes back to each institution, so a site expects
 * every checklist form once per planned visit. Coverage counts at most that many checklists per form,
 * in the sites list, its status filter, the per-site map, the dashboard and the missions list alike.
 */
for (const backend of await backends()) {
  describe(`monitoring: planned visits per site (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let naryn: TestUser;
    let obs: TestUser;
    let missionId: string;
    let checklist: string;
    let incident: string;
    const ids: Record<string, string> = {};
    const sent: string[] = [];

    const site = async (code: string) => {
      const r = await admin.client.get<List>(`/api/monitoring/missions/${missionId}/sites?q=${code}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body.items.find((s) => s.code === code)!;
    };
    const codes = async (query: string) =>
      (await admin.client.get<List>(`/api/monitoring/missions/${missionId}/sites${query}`)).body.items.map(
        (s) => s.code,
      );
    const summary = async () =>
      (await admin.client.get<Summary>(`/api/monitoring/missions/${missionId}/summary`)).body;
    const send = async (code: string, form = checklist) => {
      const r = await obs.client.post<{ id: string }>(S, {
        clientId: randomUUID(),
        formVersionId: form,
        siteId: ids[code],
        answers: form === incident ? { what: 'Beaten', severity: 'low' } : goodAnswers(),
        submittedAt: new Date().toISOString(),
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      sent.push(r.body.id);
    };
    const importCsv = async (u: TestUser, csv: string) => {
      await reauthed(u);
      return u.client.post<Err & { created: number; updated: number }>(
        `/api/monitoring/missions/${missionId}/sites/import`,
        { csv },
      );
    };

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      naryn = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      checklist = (await publishTestForm(t.ctx, CHECKLIST)).versionId;
      incident = (await publishTestForm(t.ctx, INCIDENT)).versionId;
      const m = await admin.client.post<{ id: string }>('/api/monitoring/missions', {
        kind: 'detention',
        title: 'Detention visits 2026',
        startsOn: '2026-11-01',
      });
      assert.equal(m.status, 201, JSON.stringify(m.body));
      missionId = m.body.id;
      const f = await admin.client.put(`/api/monitoring/missions/${missionId}/forms`, {
        formVersionIds: [checklist, incident],
      });
      assert.equal(f.status, 200, JSON.stringify(f.body));
      // P1 is visited three times (a pre-trial centre), P2 once (an empty cell), P3 nobody is sent to yet.
      const imp = await importCsv(
        admin,
        'code,name,region,district,place,lat,lon,observers,visits\n' +
          `P1,SIZO-1,KG-C,,,,,${obs.email},3\n` +
          `P2,IVS Naryn,KG-N,,,,,${obs.email},\n` +
          'P3,IVS Talas,KG-T,,,,,,2\n',
      );
      assert.equal(imp.status, 200, JSON.stringify(imp.body));
      const st = await admin.client.patch(`/api/monitoring/missions/${missionId}`, { status: 'active' });
      assert.equal(st.status, 200, JSON.stringify(st.body));
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${missionId}/coordinators`, {
        coordinators: [{ userId: naryn.id, region: 'KG-N' }],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      const list = await admin.client.get<List>(`/api/monitoring/missions/${missionId}/sites`);
      for (const s of list.body.items) ids[s.code] = s.id;
    });
    after(async () => t?.close());

    test('the CSV plans visits; a staffed site expects each checklist form once per visit', async () => {
      const all = (await admin.client.get<List>(`/api/monitoring/missions/${missionId}/sites`)).body.items;
      assert.deepEqual(
        all.map((s) => [s.code, s.visits, s.received, s.expected]),
        [
          ['P1', 3, 0, 3],
          ['P2', 1, 0, 1],
          ['P3', 2, 0, 0],
        ],
      );
      const s = await summary();
      assert.deepEqual([s.expected, s.received], [4, 0]);
      // The observer's phone downloads the plan with the assignments.
      const mine = await obs.client.get<{ siteId: string; visits: number }[]>('/api/monitoring/assignments');
      assert.equal(mine.status, 200, JSON.stringify(mine.body));
      assert.deepEqual(
        [...new Set(mine.body.map((x) => `${x.siteId === ids.P1 ? 'P1' : 'P2'}:${x.visits}`))].sort(),
        ['P1:3', 'P2:1'],
      );
    });

    test('each visit counts until the plan is met; a visit beyond it is a report, not more coverage', async () => {
      await send('P1');
      await send('P1');
      await send('P1', incident);
      assert.deepEqual([(await site('P1')).received, (await site('P1')).expected], [2, 3]);
      assert.deepEqual(await codes('?status=waiting'), ['P1', 'P2']);
      await send('P1');
      await send('P1'); // a fourth visit where three were planned
      assert.deepEqual([(await site('P1')).received, (await site('P1')).expected], [3, 3]);
      assert.deepEqual(await codes('?status=complete'), ['P1']);
      assert.deepEqual(await codes('?status=waiting'), ['P2']);
      const s = await summary();
      assert.deepEqual([s.expected, s.received], [4, 3]);
      assert.deepEqual(
        s.byRegion.find((r) => r.region === 'KG-C'),
        { region: 'KG-C', expected: 3, received: 3, unstaffed: 0 },
      );
      const map = await admin.client.get<{ items: { code: string; expected: number; received: number }[] }>(
        `/api/monitoring/missions/${missionId}/sites-status`,
      );
      assert.deepEqual(
        map.body.items.map((x) => [x.code, x.received, x.expected]),
        [
          ['P1', 3, 3],
          ['P2', 0, 1],
          ['P3', 0, 0],
        ],
      );
      const missions = await admin.client.get<{ items: { id: string; received: number }[] }>(
        '/api/monitoring/missions',
      );
      assert.equal(
        missions.body.items.find((m) => m.id === missionId)?.received,
        3,
        'the missions list agrees',
      );
    });

    test('a rejected visit leaves the count; the plan is met again only by another visit', async () => {
      // sent: two checklists, an incident, two more checklists. Four came, one is rejected: three stand.
      const first = await admin.client.post(`${S}/${sent[0]!}/transition`, {
        to: 'rejected',
        reason: 'Sent twice',
      });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.deepEqual([(await site('P1')).received, (await site('P1')).expected], [3, 3]);
      const r = await admin.client.post(`${S}/${sent[3]!}/transition`, {
        to: 'rejected',
        reason: 'Wrong site',
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual([(await site('P1')).received, (await site('P1')).expected], [2, 3]);
      assert.deepEqual(await codes('?status=waiting'), ['P1', 'P2']);
    });

    test('a change of plan by hand is audited; the figures follow it at once', async () => {
      const r = await admin.client.patch<Site>(`/api/monitoring/sites/${ids.P1}`, { visits: 2 });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual([r.body.visits, r.body.received, r.body.expected], [2, 2, 2]);
      assert.deepEqual(await codes('?status=complete'), ['P1']);
      const entry = await t.ctx.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'monitoring.site_update')
        .where('entity_id', '=', ids.P1!)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.match(String(entry.details), /visits/);
      // A site added by hand plans one visit unless told otherwise.
      const add = await admin.client.post<{ id: string }>(`/api/monitoring/missions/${missionId}/sites`, {
        code: 'P4',
        name: 'Colony 47',
        region: 'KG-C',
        visits: 4,
      });
      assert.equal(add.status, 201, JSON.stringify(add.body));
      const one = await admin.client.post<{ id: string }>(`/api/monitoring/missions/${missionId}/sites`, {
        code: 'P5',
        name: 'IVS Kant',
        region: 'KG-C',
      });
      assert.equal(one.status, 201, JSON.stringify(one.body));
      assert.deepEqual([(await site('P4')).visits, (await site('P5')).visits], [4, 1]);
    });

    test('a bad plan answers 400 naming visits, in the reader’s language, and changes nothing', async () => {
      assert.equal((await admin.client.patch('/api/me', { locale: 'ru' })).status, 200);
      for (const visits of [0, 101, 2.5, -1, '3', null]) {
        const r = await admin.client.patch<Err>(`/api/monitoring/sites/${ids.P1}`, { visits });
        assert.equal(r.status, 400, JSON.stringify(visits));
        assert.equal(r.body.error.code, 'validation.failed');
        assert.equal(r.body.error.fields?.[0]?.path, 'visits');
        assert.match(r.body.error.message, /[А-Яа-я]/, 'in Russian');
      }
      assert.equal((await site('P1')).visits, 2);
      // A file with one bad cell is refused whole, every bad line named; nothing changes.
      const bad = await importCsv(
        admin,
        'code,name,region,district,place,lat,lon,observers,visits\n' +
          'P1,SIZO-1,KG-C,,,,,,5\n' +
          'P6,Colony 3,KG-C,,,,,,0\n' +
          'P7,Colony 8,KG-C,,,,,,two\n' +
          'P8,Colony 16,KG-C,,,,,,101\n' +
          'P9,Colony 19,KG-C,,,,,,1.5\n',
      );
      assert.equal(bad.status, 400, JSON.stringify(bad.body));
      assert.equal(bad.body.error.code, 'sites.import_invalid');
      assert.deepEqual(
        bad.body.error.details,
        [3, 4, 5, 6].map((line) => ({ line, field: 'visits', code: 'invalid_visits' })),
      );
      assert.equal((await site('P1')).visits, 2, 'the good line of a refused file is not stored');
      assert.equal((await codes('?q=P6')).length, 0);
      assert.equal((await admin.client.patch('/api/me', { locale: 'en' })).status, 200);
    });

    test('re-importing a list: an empty visits cell keeps the plan, an eight-column file too', async () => {
      let r = await importCsv(admin, 'code,name,region\nP1,SIZO-1 (Bishkek),KG-C\n');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      r = await importCsv(
        admin,
        'code,name,region,district,place,lat,lon,observers,visits\nP2,IVS,KG-N,,,,,,\n',
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual([(await site('P1')).visits, (await site('P2')).visits], [2, 1]);
      r = await importCsv(
        admin,
        'code,name,region,district,place,lat,lon,observers,visits\nP2,IVS,KG-N,,,,,,6\n',
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual([(await site('P2')).visits, (await site('P2')).expected], [6, 6]);
    });

    test('an election-day station is visited once: a plan of more is refused by hand and in the CSV', async () => {
      const election = await missionWorld(t.ctx, admin);
      const patch = await admin.client.patch<Err>(`/api/monitoring/sites/${election.sites.C1}`, {
        visits: 3,
      });
      assert.equal(patch.status, 400, JSON.stringify(patch.body));
      assert.equal(patch.body.error.code, 'sites.visits_election');
      assert.equal(patch.body.error.fields?.[0]?.path, 'visits');
      const one = await admin.client.patch<Site>(`/api/monitoring/sites/${election.sites.C1}`, { visits: 1 });
      assert.equal(one.status, 200, JSON.stringify(one.body));
      const add = await admin.client.post<Err>(`/api/monitoring/missions/${election.missionId}/sites`, {
        code: 'E9',
        name: 'School 9',
        region: 'KG-C',
        visits: 2,
      });
      assert.equal(add.body.error.code, 'sites.visits_election');
      await reauthed(admin);
      const csv = await admin.client.post<Err>(
        `/api/monitoring/missions/${election.missionId}/sites/import`,
        {
          csv: 'code,name,region,district,place,lat,lon,observers,visits\nC1,School 1,KG-C,,,,,,1\nE8,School 8,KG-C,,,,,,2\n',
        },
      );
      assert.equal(csv.status, 400, JSON.stringify(csv.body));
      assert.deepEqual(csv.body.error.details, [{ line: 3, field: 'visits', code: 'visits_election' }]);
      const list = await admin.client.get<List>(`/api/monitoring/missions/${election.missionId}/sites`);
      assert.deepEqual(
        list.body.items.map((x) => [x.code, x.visits]),
        [
          ['C1', 1],
          ['C2', 1],
          ['N1', 1],
        ],
      );
    });

    test('only reviewers of the site’s region plan its visits', async () => {
      // The Naryn coordinator plans Naryn's sites, not Chuy's; an observer plans nothing.
      const own = await naryn.client.patch<Site>(`/api/monitoring/sites/${ids.P2}`, { visits: 4 });
      assert.equal(own.status, 200, JSON.stringify(own.body));
      const other = await naryn.client.patch<Err>(`/api/monitoring/sites/${ids.P1}`, { visits: 9 });
      assert.equal(other.status, 404, JSON.stringify(other.body));
      const csv = await importCsv(
        naryn,
        'code,name,region,district,place,lat,lon,observers,visits\nP1,X,KG-C,,,,,,9\n',
      );
      assert.equal(csv.status, 400, JSON.stringify(csv.body));
      assert.deepEqual(csv.body.error.details?.[0], { line: 2, field: 'region', code: 'region_not_yours' });
      const o = await obs.client.patch<Err>(`/api/monitoring/sites/${ids.P2}`, { visits: 1 });
      assert.ok([403, 404].includes(o.status), `observer: ${o.status}`);
      assert.deepEqual([(await site('P1')).visits, (await site('P2')).visits], [2, 4]);
    });

    test('a visit where nobody was sent is expected as it came, in the site’s row and its region’s', async () => {
      // A mobile team (the administrator) visits P3 (Talas, two visits planned, no observer) once.
      const r = await admin.client.post(S, {
        clientId: randomUUID(),
        formVersionId: checklist,
        siteId: ids.P3,
        answers: goodAnswers(),
        submittedAt: new Date().toISOString(),
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const p3 = await site('P3');
      assert.deepEqual([p3.visits, p3.received, p3.expected], [2, 1, 1]);
      const talas = (await summary()).byRegion.find((x) => x.region === 'KG-T');
      assert.deepEqual(talas, { region: 'KG-T', expected: 1, received: 1, unstaffed: 1 });
      // Neither owing nor complete: it is listed among the sites nobody observes.
      assert.deepEqual(await codes('?status=unstaffed&region=KG-T'), ['P3']);
      assert.equal((await codes('?status=waiting')).includes('P3'), false);
    });
  });
}
