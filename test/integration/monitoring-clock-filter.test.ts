import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type List = { items: { id: string }[]; total: number };

/**
 * The dashboard leaves incidents whose phone gave a time outside the mission off its chart ("3
 * incidents are not on the chart"); the review list's `clock=outside` lists exactly those reports, by
 * the chart's own hours (submissions.clock.ts), each mission by its own dates.
 */
for (const backend of await backends()) {
  describe(`monitoring review: reports whose phone clock was outside the mission (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let obs: TestUser;
    let other: TestUser;
    let w: MissionWorld;
    let later: MissionWorld;
    const ids: Record<string, string> = {};

    const send = async (name: string, m: MissionWorld, at: string, incident = true) => {
      const body = incident
        ? submission(m, 'C1', { what: name, severity: 'low' }, m.incident)
        : submission(m, 'C1', goodAnswers());
      const r = await obs.client.post<{ id: string }>('/api/monitoring/submissions', {
        ...body,
        submittedAt: at,
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      ids[r.body.id] = name;
    };
    const list = async (query: string, u: TestUser = admin) => {
      const r = await u.client.get<List>(`/api/monitoring/submissions?${query}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body.items.map((i) => ids[i.id] ?? i.id).sort();
    };

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      obs = await addUser(t, admin, 'monitor');
      other = await addUser(t, admin, 'monitor');
      // Starts 2026-11-29: its chart runs from 2026-11-27 00:00 UTC to the coming hour.
      w = await missionWorld(t.ctx, admin);
      // A second mission starting a week later: its chart begins on 2026-12-03.
      later = await missionWorld(t.ctx, admin);
      const p = await admin.client.patch(`/api/monitoring/missions/${later.missionId}`, {
        startsOn: '2026-12-05',
      });
      assert.equal(p.status, 200, JSON.stringify(p.body));
      await assign(admin, w.sites.C1!, [obs.id]);
      await assign(admin, later.sites.C1!, [obs.id]);
      await send('now', w, new Date().toISOString());
      await send('1970', w, '1970-01-01T00:00:05.000Z');
      await send('2099', w, '2099-06-01T12:00:00.000Z');
      await send('first hour', w, '2026-11-27T00:30:00.000Z');
      await send('just before', w, '2026-11-26T23:59:59.999Z');
      await send('checklist 1970', w, '1970-01-01T00:00:05.000Z', false);
      // Inside the first mission's dates, before the second's.
      await send('later, too early', later, '2026-11-28T10:00:00.000Z');
      await send('later, now', later, new Date().toISOString());
    });
    after(async () => t?.close());

    test('the incidents left off the chart, exactly: the dashboard’s count, the list and the tab counts agree', async () => {
      const q = `missionId=${w.missionId}&formKind=incident&clock=outside`;
      assert.deepEqual(await list(q), ['1970', '2099', 'just before']);
      const s = await admin.client.get<{ overTimeOutside: number }>(
        `/api/monitoring/missions/${w.missionId}/summary`,
      );
      assert.equal(s.body.overTimeOutside, 3);
      const counts = await admin.client.get<{ all: number }>(`/api/monitoring/submissions/queues?${q}`);
      assert.equal(counts.status, 200, JSON.stringify(counts.body));
      assert.equal(counts.body.all, 3);
      // Checklists with a wrong clock are listed too when no kind is chosen.
      assert.deepEqual(await list(`missionId=${w.missionId}&clock=outside`), [
        '1970',
        '2099',
        'checklist 1970',
        'just before',
      ]);
    });

    test('without a mission, each report is measured against its own mission’s dates', async () => {
      assert.deepEqual(await list('formKind=incident&clock=outside'), [
        '1970',
        '2099',
        'just before',
        'later, too early',
      ]);
      assert.deepEqual(await list(`missionId=${later.missionId}&clock=outside`), ['later, too early']);
    });

    test('an observer sees only their own; a bad value is refused and lists nothing', async () => {
      assert.deepEqual(await list('clock=outside', other), []);
      assert.equal((await list('clock=outside&formKind=incident', obs)).length, 4);
      const bad = await admin.client.get<{ error: { code: string } }>(
        '/api/monitoring/submissions?clock=inside',
      );
      assert.equal(bad.status, 400, JSON.stringify(bad.body));
    });
  });
}
