import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import {
  assign,
  CHECKLIST,
  goodAnswers,
  missionWorld,
  publishTestForm,
  submission,
  type MissionWorld,
} from '../helpers/monitoring.ts';

type Site = {
  code: string;
  expected: number;
  received: number;
  observers: unknown[];
  reports: number | null;
  lastReportAt: string | null;
};
type List = { items: Site[]; total: number };
type Err = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

/**
 * Election day: which stations still owe a checklist. The sites list says received of expected per
 * site and filters by reporting status, within the reader's part of the mission.
 */
for (const backend of await backends()) {
  describe(`monitoring sites: reporting status (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    let second: string;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      // C1 (Chuy) and N1 (Naryn) have an observer, C2 (Chuy) has none; two checklists and an incident form.
      w = await missionWorld(t.ctx, admin);
      second = (await publishTestForm(t.ctx, CHECKLIST)).versionId;
      const f = await admin.client.put(`/api/monitoring/missions/${w.missionId}/forms`, {
        formVersionIds: [w.checklist, second, w.incident],
      });
      assert.equal(f.status, 200, JSON.stringify(f.body));
      await assign(admin, w.sites.C1!, [obs.id]);
      await assign(admin, w.sites.N1!, [obs.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: chuy.id, region: 'KG-C' }],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
    });
    after(async () => t?.close());

    const sites = async (u: TestUser, query = '') => {
      const r = await u.client.get<List>(`/api/monitoring/missions/${w.missionId}/sites${query}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };
    const codes = async (u: TestUser, query: string) => (await sites(u, query)).items.map((s) => s.code);
    const send = async (code: string, form = w.checklist) => {
      const answers = form === w.incident ? { what: 'Observer sent away', severity: 'low' } : goodAnswers();
      const r = await obs.client.post('/api/monitoring/submissions', submission(w, code, answers, form));
      assert.equal(r.status, 201, JSON.stringify(r.body));
    };

    test('before any report: every staffed site is waiting, the unstaffed one expects nothing', async () => {
      const all = await sites(admin);
      assert.deepEqual(
        all.items.map((s) => [s.code, s.received, s.expected]),
        [
          ['C1', 0, 2],
          ['C2', 0, 0],
          ['N1', 0, 2],
        ],
      );
      assert.deepEqual(await codes(admin, '?status=waiting'), ['C1', 'N1']);
      assert.deepEqual(await codes(admin, '?status=unstaffed'), ['C2']);
      assert.deepEqual(await codes(admin, '?status=complete'), []);
    });

    test('a site leaves "waiting" once each checklist came; a correction or an incident does not count', async () => {
      await send('C1');
      await send('C1'); // a correction of the same checklist
      await send('C1', w.incident);
      let c1 = (await sites(admin, '?q=C1')).items[0]!;
      assert.deepEqual([c1.received, c1.expected], [1, 2], 'one of two checklists');
      assert.deepEqual(await codes(admin, '?status=waiting'), ['C1', 'N1']);
      await send('C1', second);
      c1 = (await sites(admin, '?q=C1')).items[0]!;
      assert.deepEqual([c1.received, c1.expected], [2, 2]);
      assert.deepEqual(await codes(admin, '?status=waiting'), ['N1']);
      const done = await sites(admin, '?status=complete');
      assert.deepEqual([done.items.map((s) => s.code), done.total], [['C1'], 1]);
      // The filters combine: waiting in Chuy is nobody now; in Naryn it is N1.
      assert.deepEqual(await codes(admin, '?status=waiting&region=KG-C'), []);
      assert.deepEqual(await codes(admin, '?status=waiting&region=KG-N'), ['N1']);
    });

    test('each site says how many reports came and when the last did, to reviewers only', async () => {
      const before = new Date().toISOString();
      await send('C1', w.incident);
      const all = await sites(admin);
      const at = (code: string) => all.items.find((s) => s.code === code)!;
      // Two checklists, a correction, two incidents: every report counts here, not only checklists.
      assert.equal(at('C1').reports, 5);
      assert.ok(at('C1').lastReportAt! >= before, `${at('C1').lastReportAt} is the latest report`);
      assert.deepEqual([at('N1').reports, at('N1').lastReportAt], [0, null]);
      assert.deepEqual([at('C2').reports, at('C2').lastReportAt], [0, null]);
      assert.equal((await sites(chuy, '?q=C1')).items[0]!.reports, 5, 'the region coordinator too');
      // "Quiet longest first": staffed sites that sent nothing (N1), then by their last report, then the rest.
      assert.deepEqual(await codes(admin, '?sort=quiet'), ['N1', 'C1', 'C2']);
      assert.deepEqual(await codes(admin, '?sort=code'), ['C1', 'C2', 'N1']);
      // An observer is told nothing of what others sent from their site.
      for (const s of (await sites(obs)).items) assert.deepEqual([s.reports, s.lastReportAt], [null, null]);
    });

    test('a region coordinator filters within their region only', async () => {
      assert.deepEqual(await codes(chuy, '?status=waiting'), [], 'N1 is another region');
      assert.deepEqual(await codes(chuy, '?status=unstaffed'), ['C2']);
      assert.deepEqual(await codes(chuy, '?status=waiting&region=KG-N'), []);
      assert.equal((await sites(chuy, '?status=waiting&region=KG-N')).total, 0);
    });

    test('an observer sees the status of their own sites, without who else observes', async () => {
      const mine = await sites(obs, '?status=waiting');
      assert.deepEqual(
        mine.items.map((s) => [s.code, s.observers.length]),
        [['N1', 0]],
      );
      assert.deepEqual(await codes(obs, '?status=unstaffed'), [], 'C2 is not theirs');
    });

    test('a taken-off checklist form no longer counts toward received or expected', async () => {
      const f = await admin.client.put(`/api/monitoring/missions/${w.missionId}/forms`, {
        formVersionIds: [w.checklist, w.incident],
      });
      assert.equal(f.status, 200, JSON.stringify(f.body));
      const c1 = (await sites(admin, '?q=C1')).items[0]!;
      assert.deepEqual([c1.received, c1.expected], [1, 1]);
      const status = await admin.client.get<{
        items: { code: string; expected: number; received: number }[];
      }>(`/api/monitoring/missions/${w.missionId}/sites-status`);
      assert.deepEqual(
        status.body.items.map((s) => [s.code, s.received, s.expected]),
        [
          ['C1', 1, 1],
          ['C2', 0, 0],
          ['N1', 0, 1],
        ],
      );
    });

    test('an unknown status answers 400 naming it, in the reader’s language', async () => {
      assert.equal((await chuy.client.patch('/api/me', { locale: 'ky' })).status, 200);
      for (const q of ['?status=late', '?status=', '?status=waiting&extra=1', '?sort=loud']) {
        const r = await chuy.client.get<Err>(`/api/monitoring/missions/${w.missionId}/sites${q}`);
        assert.equal(r.status, 400, q);
        assert.equal(r.body.error.code, 'validation.failed');
        assert.equal(r.body.error.message, 'Айрым талаалар туура эмес толтурулган.', 'in Kyrgyz');
      }
      const r = await chuy.client.get<Err>(`/api/monitoring/missions/${w.missionId}/sites?status=late`);
      assert.equal(r.body.error.fields?.[0]?.path, 'status');
      assert.equal(
        (await t.client().get(`/api/monitoring/missions/${w.missionId}/sites?status=waiting`)).status,
        401,
      );
    });
  });
}
