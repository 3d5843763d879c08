import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { districtsOf } from '../../src/core/geo/regions.ts';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type Area = { area: string; expected: number; received: number };
type Summary = { byDistrict?: Area[]; unplaced?: number; byRegion: { region: string }[] };

const [ALAMUDUN, SOKULUK] = [districtsOf('KG-C')[0]!, districtsOf('KG-C')[1]!];
const AT_BASHY = districtsOf('KG-N')[0]!;

/**
 * The dashboard's district map (summary.districts.ts): expected and received checklists per district,
 * Bishkek as one unit, sites with no district counted apart; a region coordinator gets their
 * region's districts only, and the public summary has none.
 */
for (const backend of await backends()) {
  describe(`monitoring summary: by district (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let obs: TestUser;
    let w: MissionWorld;

    const addSite = async (code: string, region: string, district?: string) => {
      const r = await admin.client.post<{ id: string }>(`/api/monitoring/missions/${w.missionId}/sites`, {
        code,
        name: `Station ${code}`,
        region,
        ...(district ? { district } : {}),
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      w.sites[code] = r.body.id;
    };
    const send = async (code: string) => {
      const r = await obs.client.post('/api/monitoring/submissions', submission(w, code, goodAnswers()));
      assert.equal(r.status, 201, JSON.stringify(r.body));
    };
    const summary = async (u: TestUser) => {
      const r = await u.client.get<Summary>(`/api/monitoring/missions/${w.missionId}/summary`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await addSite('A1', 'KG-C', ALAMUDUN.id);
      await addSite('A2', 'KG-C', ALAMUDUN.id);
      await addSite('S1', 'KG-C', SOKULUK.id);
      await addSite('B1', 'KG-GB');
      await addSite('N2', 'KG-N', AT_BASHY.id);
      await addSite('X1', 'KG-C');
      for (const code of ['A1', 'A2', 'S1', 'B1', 'N2', 'X1']) await assign(admin, w.sites[code]!, [obs.id]);
      await reauthed(admin);
      const co = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: chuy.id, region: 'KG-C' }],
      });
      assert.equal(co.status, 200, JSON.stringify(co.body));
      await send('A1');
      await send('A1'); // a correction: the station still counts once
      await send('B1');
      await send('X1');
    });
    after(async () => t?.close());

    test('each district says what it expects and what came; Bishkek is one unit; sites with no district apart', async () => {
      const s = await summary(admin);
      assert.deepEqual(
        s.byDistrict,
        [
          { area: ALAMUDUN.id, expected: 2, received: 1 },
          { area: SOKULUK.id, expected: 1, received: 0 },
          { area: AT_BASHY.id, expected: 1, received: 0 },
          { area: 'KG-GB', expected: 1, received: 1 },
        ].sort((a, b) => a.area.localeCompare(b.area)),
      );
      // C1, C2, N1 of the world and X1 have no district.
      assert.equal(s.unplaced, 4);
    });

    test("a region coordinator gets their region's districts only", async () => {
      const s = await summary(chuy);
      assert.deepEqual(s.byDistrict!.map((a) => a.area).sort(), [ALAMUDUN.id, SOKULUK.id].sort());
      assert.equal(s.unplaced, 3, 'C1, C2 and X1 in Chuy');
    });

    test('a checklist taken off the mission: regions, districts and the missions list agree', async () => {
      const before = await summary(admin);
      const chuyBefore = before.byRegion.find((r) => r.region === 'KG-C') as unknown as { received: number };
      assert.equal(chuyBefore.received, 2, 'A1 and X1 in Chuy');
      const off = await admin.client.put(`/api/monitoring/missions/${w.missionId}/forms`, {
        formVersionIds: [w.incident],
      });
      assert.equal(off.status, 200, JSON.stringify(off.body));
      const s = await summary(admin);
      const regions = s.byRegion as unknown as { region: string; received: number; expected: number }[];
      assert.deepEqual(
        regions.filter((r) => r.received > 0 || r.expected > 0),
        [],
        'nothing is owed or counted once no checklist is asked for',
      );
      assert.ok(s.byDistrict!.every((a) => a.received === 0 && a.expected === 0));
      const list = await admin.client.get<{ items: { id: string; received: number }[] }>(
        '/api/monitoring/missions',
      );
      assert.equal(list.status, 200);
      assert.equal(list.body.items.find((m) => m.id === w.missionId)!.received, 0);
      const back = await admin.client.put(`/api/monitoring/missions/${w.missionId}/forms`, {
        formVersionIds: [w.checklist, w.incident],
      });
      assert.equal(back.status, 200, JSON.stringify(back.body));
      const again = await summary(admin);
      const chuy = again.byRegion.find((r) => r.region === 'KG-C') as unknown as { received: number };
      assert.equal(chuy.received, 2, 'the checklists count again with their form');
      const listed = await admin.client.get<{ items: { id: string; received: number }[] }>(
        '/api/monitoring/missions',
      );
      assert.equal(listed.body.items.find((m) => m.id === w.missionId)!.received, 3, 'A1, B1 and X1');
    });

    test('the public summary has no districts', async () => {
      const on = await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, { public: true });
      assert.equal(on.status, 200, JSON.stringify(on.body));
      const pub = await t.client().get<Summary>(`/api/public/monitoring/missions/${w.missionId}/summary`);
      assert.equal(pub.status, 200, JSON.stringify(pub.body));
      assert.equal(pub.body.byDistrict, undefined);
      assert.equal(pub.body.unplaced, undefined);
    });
  });
}
