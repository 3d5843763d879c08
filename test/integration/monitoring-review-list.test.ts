import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type L10n = { ky: string; ru: string; en: string };
type Row = { id: string; siteName: string | null; formKind: string; headline: L10n | null };
type List = { items: Row[]; total: number };
type Err = { error: { code: string; message: string; fields?: { path: string }[] } };

/**
 * The review list on election day: one station's reports (the sites tab's link), only the incidents
 * among thousands of checklists, and each incident saying what happened, so that the rows of one
 * station no longer look alike.
 */
for (const backend of await backends()) {
  describe(`monitoring: review list by site and kind, incidents by what happened (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    const sent: Record<string, string> = {};

    const send = async (name: string, site: string, answers: Record<string, unknown>, form?: string) => {
      const r = await obs.client.post<{ id: string }>(
        '/api/monitoring/submissions',
        submission(w, site, answers, form),
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      sent[name] = r.body.id;
    };
    const list = async (who: TestUser, q: string) => {
      const r = await who.client.get<List>(`/api/monitoring/submissions?missionId=${w.missionId}&${q}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
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
      await send('c1check', 'C1', goodAnswers());
      await send('c1high', 'C1', { what: 'Ballot box carried out', severity: 'high' }, w.incident);
      await send('c1plain', 'C1', { what: 'Queue outside' }, w.incident);
      await send('n1low', 'N1', { what: 'Observer sent away', severity: 'low' }, w.incident);
    });
    after(async () => t?.close());

    test('an incident row names what happened in every language; a checklist row names nothing', async () => {
      const rows = new Map((await list(admin, '')).items.map((r) => [r.id, r]));
      assert.deepEqual(rows.get(sent.c1high!)!.headline, { en: 'High', ru: 'Высокая', ky: 'Жогору' });
      assert.deepEqual(rows.get(sent.n1low!)!.headline, { en: 'Low', ru: 'Низкая', ky: 'Төмөн' });
      assert.equal(rows.get(sent.c1plain!)!.headline, null, 'no choice made: nothing to name');
      assert.equal(rows.get(sent.c1check!)!.headline, null, 'a checklist has no headline');
      // The observer's own list says the same of their own reports.
      const own = new Map((await list(obs, '')).items.map((r) => [r.id, r]));
      assert.deepEqual(own.get(sent.c1high!)!.headline?.en, 'High');
    });

    test('one site, one kind, or both; the counts agree with the rows', async () => {
      const c1 = await list(admin, `siteId=${w.sites.C1!}`);
      assert.deepEqual(
        new Set(c1.items.map((r) => r.id)),
        new Set([sent.c1check, sent.c1high, sent.c1plain]),
      );
      assert.equal(c1.total, 3);
      const incidents = await list(admin, 'formKind=incident');
      assert.deepEqual(
        new Set(incidents.items.map((r) => r.id)),
        new Set([sent.c1high, sent.c1plain, sent.n1low]),
      );
      assert.ok(incidents.items.every((r) => r.formKind === 'incident'));
      assert.deepEqual(
        (await list(admin, `siteId=${w.sites.C1!}&formKind=checklist`)).items.map((r) => r.id),
        [sent.c1check],
      );
      const counts = await admin.client.get<{ all: number; critical: number }>(
        `/api/monitoring/submissions/queues?missionId=${w.missionId}&formKind=incident`,
      );
      assert.deepEqual([counts.body.all, counts.body.critical], [3, 1]);
    });

    test("a region coordinator asking for another region's site gets nothing from it", async () => {
      const n1 = await list(chuy, `siteId=${w.sites.N1!}`);
      assert.deepEqual([n1.items, n1.total], [[], 0]);
      assert.equal((await list(chuy, 'formKind=incident')).total, 2, 'the two from Chuy only');
    });

    test('an unknown kind answers 400 naming the field, in the reader’s language', async () => {
      assert.equal((await chuy.client.patch('/api/me', { locale: 'ru' })).status, 200);
      for (const q of ['formKind=public', 'formKind=', 'formKind=INCIDENT']) {
        const r = await chuy.client.get<Err>(`/api/monitoring/submissions?${q}`);
        assert.equal(r.status, 400, q);
        assert.equal(r.body.error.code, 'validation.failed');
        assert.equal(r.body.error.fields?.[0]?.path, 'formKind');
        assert.match(r.body.error.message, /[а-я]/, 'in Russian');
      }
    });
  });
}
