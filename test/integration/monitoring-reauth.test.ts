import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tr } from '../../src/server/platform/i18n.ts';
import {
  addUser,
  expireReauth,
  setupAdmin,
  startTestApp,
  type TestApp,
  type TestUser,
} from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { missionWorld, type MissionWorld } from '../helpers/monitoring.ts';

type Err = { error: { code: string; message: string; details?: { line: number; field: string }[] } };
type Mission = { coordinators: { userId: string; region: string | null }[] };

/**
 * Appointing a mission's coordinators is a role change (it decides who reads a region's reports) and
 * a sites CSV is a bulk action: both ask for a fresh re-authentication (password and 2FA code), so a
 * stolen session cannot hand a region to someone or fill a mission. A file or list that is wrong is
 * refused first, without a code: fixing it should not cost one each time.
 */
for (const backend of await backends()) {
  describe(`monitoring: re-authentication before appointing and importing (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let monitor: TestUser;
    let w: MissionWorld;

    const audits = async (action: string) =>
      Number(
        (
          await t.ctx.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', '=', action)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const coordinators = async () =>
      (await admin.client.get<Mission>(`/api/monitoring/missions/${w.missionId}`)).body.coordinators.map(
        (c) => ({
          userId: c.userId,
          region: c.region,
        }),
      );
    const siteCount = async () =>
      (await admin.client.get<{ items: unknown[] }>(`/api/monitoring/missions/${w.missionId}/sites`)).body
        .items.length;

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      monitor = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await expireReauth(t, admin);
    });
    after(async () => t?.close());

    test('appointing coordinators waits for a fresh re-authentication; until then nothing changes', async () => {
      const url = `/api/monitoring/missions/${w.missionId}/coordinators`;
      const before = await audits('monitoring.mission_coordinators');
      const was = await coordinators(); // the administrator who made the mission
      // A wrong list is refused for what it is, without asking for a code first.
      const wrong = await admin.client.put<Err>(url, {
        coordinators: [{ userId: monitor.id, region: 'KG-C' }],
      });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error.code, 'missions.coordinator_invalid');
      const stale = await admin.client.put<Err>(url, { coordinators: [{ userId: chuy.id, region: 'KG-C' }] });
      assert.equal(stale.status, 401);
      assert.equal(stale.body.error.code, 'auth.reauth_required');
      assert.equal(stale.body.error.message, tr('ky', 'errors:auth.reauth_required'), "the admin's Kyrgyz");
      assert.deepEqual(await coordinators(), was, 'nobody appointed');
      assert.equal(await audits('monitoring.mission_coordinators'), before);
      // Nor can the person about to be appointed do it for themselves.
      const self = await chuy.client.put<Err>(url, { coordinators: [{ userId: chuy.id, region: null }] });
      assert.equal(self.status, 404, 'not their mission: the same answer as a missing one');

      await admin.client.reauth(admin.password, admin.totpSecret);
      const ok = await admin.client.put<Mission>(url, {
        coordinators: [{ userId: chuy.id, region: 'KG-C' }],
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.deepEqual(await coordinators(), [{ userId: chuy.id, region: 'KG-C' }]);
      assert.equal(await audits('monitoring.mission_coordinators'), before + 1);
    });

    test("a sites CSV waits for a fresh re-authentication once it is sound; a region coordinator's too", async () => {
      const url = `/api/monitoring/missions/${w.missionId}/sites/import`;
      const head = 'code,name,region,district,place,lat,lon\n';
      const sites = await siteCount();
      const before = await audits('monitoring.sites_import');
      // The wrong file is answered line by line without a code.
      const bad = await chuy.client.post<Err>(url, { csv: head + 'R1,School 20,Atlantis,,,,\n' });
      assert.equal(bad.status, 400, JSON.stringify(bad.body));
      assert.equal(bad.body.error.code, 'sites.import_invalid');
      assert.deepEqual(
        bad.body.error.details?.map((d) => [d.line, d.field]),
        [[2, 'region']],
      );
      const stale = await chuy.client.post<Err>(url, { csv: head + 'R1,School 20,KG-C,,,,\n' });
      assert.equal(stale.status, 401);
      assert.equal(stale.body.error.code, 'auth.reauth_required');
      assert.equal(
        stale.body.error.message,
        tr('ru', 'errors:auth.reauth_required'),
        "the coordinator's Russian",
      );
      assert.equal(await siteCount(), sites, 'no site created');
      assert.equal(await audits('monitoring.sites_import'), before);

      await chuy.client.reauth(chuy.password, chuy.totpSecret);
      const ok = await chuy.client.post<{ created: number }>(url, { csv: head + 'R1,School 20,KG-C,,,,\n' });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.created, 1);
      assert.equal(await siteCount(), sites + 1);
      assert.equal(await audits('monitoring.sites_import'), before + 1);
    });
  });
}
