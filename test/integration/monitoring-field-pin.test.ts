import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, missionWorld, type MissionWorld } from '../helpers/monitoring.ts';

type Err = { error: { code: string; message: string } };
type Assignment = { missionId: string; siteId: string; fieldPin: boolean };

/**
 * A mission may require its observers' phones to be locked with a PIN (ADR 0031): the field app learns
 * it with the assignments. Whoever runs the mission may ask for it; only an administrator may stop
 * asking, so a coordinator cannot quietly lower the protection an administrator set.
 */
for (const backend of await backends()) {
  describe(`monitoring: a mission requires the PIN lock on phones (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let coord: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    let own = '';

    const audits = async () =>
      (
        await t.ctx.db
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'monitoring.mission_update')
          .execute()
      ).length;
    const stored = async (id: string) =>
      (
        await t.ctx.db
          .selectFrom('missions')
          .select('field_pin')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).field_pin;

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      coord = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      // A mission the coordinator runs whole (they created it).
      const m = await coord.client.post<{ id: string }>('/api/monitoring/missions', {
        kind: 'election',
        title: 'Коордтун миссиясы',
      });
      assert.equal(m.status, 201, JSON.stringify(m.body));
      own = m.body.id;
    });
    after(async () => t?.close());

    test('off by default; the observer downloads it with each assignment once it is on', async () => {
      const before = await obs.client.get<Assignment[]>('/api/monitoring/assignments');
      assert.equal(before.status, 200);
      assert.ok(before.body.length > 0);
      assert.ok(before.body.every((a) => a.fieldPin === false));
      const on = await admin.client.patch<{ fieldPin: boolean }>(`/api/monitoring/missions/${w.missionId}`, {
        fieldPin: true,
      });
      assert.equal(on.status, 200, JSON.stringify(on.body));
      assert.equal(on.body.fieldPin, true);
      const after = await obs.client.get<Assignment[]>('/api/monitoring/assignments');
      assert.ok(after.body.every((a) => a.missionId === w.missionId && a.fieldPin === true));
    });

    test('a coordinator may ask for it but not stop asking: refused in their language, nothing changed', async () => {
      const on = await coord.client.patch<{ fieldPin: boolean }>(`/api/monitoring/missions/${own}`, {
        fieldPin: true,
      });
      assert.equal(on.status, 200, JSON.stringify(on.body));
      assert.equal(await stored(own), 1);
      assert.equal((await coord.client.patch('/api/me', { locale: 'ky' })).status, 200);
      const n = await audits();
      const off = await coord.client.patch<Err>(`/api/monitoring/missions/${own}`, {
        title: 'Башка ат',
        fieldPin: false,
      });
      assert.equal(off.status, 403, JSON.stringify(off.body));
      assert.equal(off.body.error.code, 'missions.field_pin_admin');
      assert.match(off.body.error.message, /администратор гана/);
      assert.equal(await stored(own), 1);
      assert.equal(await audits(), n, 'nothing audited: nothing changed');
      const m = await coord.client.get<{ title: string }>(`/api/monitoring/missions/${own}`);
      assert.equal(m.body.title, 'Коордтун миссиясы');
      // Saving the settings with the requirement left on is no attempt to turn it off.
      const same = await coord.client.patch(`/api/monitoring/missions/${own}`, { fieldPin: true });
      assert.equal(same.status, 200);
      // An administrator may turn it off.
      const adminOff = await admin.client.patch<{ fieldPin: boolean }>(`/api/monitoring/missions/${own}`, {
        fieldPin: false,
      });
      assert.equal(adminOff.status, 200, JSON.stringify(adminOff.body));
      assert.equal(await stored(own), 0);
    });

    test('not a yes or no: a clear 400', async () => {
      const r = await admin.client.patch<Err>(`/api/monitoring/missions/${w.missionId}`, { fieldPin: 'yes' });
      assert.equal(r.status, 400);
      assert.equal(r.body.error.code, 'validation.failed');
      assert.equal(await stored(w.missionId), 1);
    });
  });
}
