import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, missionWorld, type MissionWorld } from '../helpers/monitoring.ts';

type Column = { hour: string; n: number | null; critical: number | null };
type PublicSummary = { overTime: Column[]; overTimeStep: string };

const DAY_MS = 86_400_000;

/**
 * The public page's incidents over time for a mission of days (ADR 0034): grouped by Bishkek day before
 * small counts are withheld, so that days with enough incidents show even though each of their hours
 * held one or two; only the grouped columns are sent, never the hours (which could be subtracted).
 */
for (const backend of await backends()) {
  describe(`monitoring public summary: incidents by day (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    // Two days of the mission, at noon in Bishkek (06:00 UTC), four days apart.
    const noon = (daysAgo: number) => {
      const d = new Date(Date.now() - daysAgo * DAY_MS);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 6);
    };
    const dayA = noon(5);
    const dayB = noon(1);

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      // The chart covers the mission from two days before it starts: start it a week ago.
      const back = await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, {
        startsOn: new Date(Date.now() - 7 * DAY_MS).toISOString().slice(0, 10),
      });
      assert.equal(back.status, 200, JSON.stringify(back.body));
      await assign(admin, w.sites.C1!, [obs.id]);
      const pub = await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, { public: true });
      assert.equal(pub.status, 200, JSON.stringify(pub.body));
      // Day A: six incidents, one an hour; day B: seven, in pairs and ones. No hour reaches five.
      const times = [0, 1, 2, 3, 4, 5]
        .map((h) => dayA + h * 3_600_000)
        .concat([0, 0, 1, 1, 2, 3, 4].map((h) => dayB + h * 3_600_000));
      for (const at of times) {
        const r = await obs.client.post('/api/monitoring/submissions', {
          clientId: randomUUID(),
          formVersionId: w.incident,
          siteId: w.sites.C1!,
          answers: { what: 'incident', severity: 'low' },
          submittedAt: new Date(at).toISOString(),
        });
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
    });
    after(async () => t?.close());

    test('a day with enough incidents shows, though each of its hours would be withheld', async () => {
      const r = await t.client().get<PublicSummary>(`/api/public/monitoring/missions/${w.missionId}/summary`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.overTimeStep, 'day');
      // Each column starts at midnight in Bishkek (18:00 UTC the day before).
      assert.ok(
        r.body.overTime.every((c) => new Date(c.hour).getUTCHours() === 18),
        JSON.stringify(r.body),
      );
      assert.deepEqual(
        r.body.overTime.map((c) => c.n),
        [6, 7],
      );
      // The reviewers get the hours themselves, as counted.
      const own = await admin.client.get<{ overTime: Column[] }>(
        `/api/monitoring/missions/${w.missionId}/summary`,
      );
      assert.equal(own.body.overTime.length, 11);
      assert.ok(
        own.body.overTime.every((h) => (h.n ?? 0) < 5),
        'no hour alone would have been shown',
      );
    });
  });
}
