import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseCsv } from '../../src/core/csv.ts';
import {
  addUser,
  expireReauth,
  reauthed,
  setupAdmin,
  startTestApp,
  type TestApp,
  type TestUser,
} from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, missionWorld, type MissionWorld } from '../helpers/monitoring.ts';

type Err = { error: { code: string } };
type Site = { code: string; name: string; visits: number; observers: { userId: string }[] };

/**
 * The sites list downloaded as a CSV in the import's own columns, so a coordinator edits it in a
 * spreadsheet and imports it back. It names the observers by address: reviewers only, their regions
 * only, after re-authentication, audited.
 */
for (const backend of await backends()) {
  describe(`monitoring: the sites CSV to edit and import back (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    const path = () => `/api/monitoring/missions/${w.missionId}/sites.csv`;
    const sites = async () =>
      (await admin.client.get<{ items: Site[] }>(`/api/monitoring/missions/${w.missionId}/sites`)).body.items;

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: chuy.id, region: 'KG-C' }],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      // A name a spreadsheet would take for a formula, and one with a comma and quotes.
      const r = await admin.client.patch(`/api/monitoring/sites/${w.sites.C2}`, { name: '=Школа "2", Кант' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    });
    after(async () => t?.close());

    test('only after re-authentication; then every column the import reads, regions as codes', async () => {
      await expireReauth(t, admin); // the set-up's re-authentication (appointing, importing) ran out
      const stale = await admin.client.get<Err>(path());
      assert.equal(stale.status, 401);
      assert.equal(stale.body.error.code, 'auth.reauth_required');
      await admin.client.reauth(admin.password, admin.totpSecret);
      const r = await admin.client.get<string>(path());
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(
        r.headers.get('content-disposition') ?? '',
        /attachment; filename="sites-\d{4}-\d{2}-\d{2}\.csv"/,
      );
      assert.equal(r.headers.get('cache-control'), 'no-store');
      const rows = parseCsv(r.body);
      assert.deepEqual(rows[0], [
        'code',
        'name',
        'region',
        'district',
        'place',
        'lat',
        'lon',
        'observers',
        'visits',
      ]);
      assert.deepEqual(rows.slice(1), [
        ['C1', 'School 1', 'KG-C', '', 'Kant', '42.89', '74.85', obs.email, '1'],
        ['C2', `'=Школа "2", Кант`, 'KG-C', '', '', '', '', '', '1'],
        ['N1', 'School 3', 'KG-N', '', '', '', '', '', '1'],
      ]);
      const entry = await t.ctx.db
        .selectFrom('audit_log')
        .select(['details', 'actor_id'])
        .where('action', '=', 'monitoring.sites_export')
        .where('entity_id', '=', w.missionId)
        .executeTakeFirstOrThrow();
      assert.equal(entry.actor_id, admin.id);
      assert.match(String(entry.details), /"sites":3/);
      assert.doesNotMatch(String(entry.details), /@/, 'no address in the audit log');
    });

    test('edited in a spreadsheet and imported back: the one change is made, nothing else moves', async () => {
      const csv = (await admin.client.get<string>(path())).body;
      const before = await sites();
      // What a coordinator does: correct one station's name, save, import.
      const edited = csv.replace('\r\nN1,School 3,', '\r\nN1,School 3 (new building),');
      assert.notEqual(edited, csv);
      await reauthed(admin);
      const imp = await admin.client.post<{ created: number; updated: number }>(
        `/api/monitoring/missions/${w.missionId}/sites/import`,
        { csv: edited },
      );
      assert.equal(imp.status, 200, JSON.stringify(imp.body));
      assert.deepEqual([imp.body.created, imp.body.updated], [0, 3]);
      const after = await sites();
      assert.deepEqual(
        after.map((s) => [s.code, s.visits, s.observers.map((o) => o.userId)]),
        [
          ['C1', 1, [obs.id]],
          ['C2', 1, []],
          ['N1', 1, []],
        ],
      );
      assert.equal(after.find((s) => s.code === 'N1')!.name, 'School 3 (new building)');
      // The apostrophe that disarmed a formula-looking name in the spreadsheet is not imported with it.
      assert.equal(after.find((s) => s.code === 'C2')!.name, '=Школа "2", Кант');
      assert.equal(before.find((s) => s.code === 'C2')!.name, '=Школа "2", Кант');
    });

    test('a region coordinator gets their region only; an observer or a stranger nothing', async () => {
      // Naryn's observer is on N1: their address is not in the Chüy coordinator's file.
      const naryn = await addUser(t, admin, 'monitor');
      await assign(admin, w.sites.N1!, [naryn.id]);
      await chuy.client.reauth(chuy.password, chuy.totpSecret);
      const mine = await chuy.client.get<string>(path());
      assert.equal(mine.status, 200);
      assert.deepEqual(
        parseCsv(mine.body)
          .slice(1)
          .map((r) => [r[0], r[7]]),
        [
          ['C1', obs.email],
          ['C2', ''],
        ],
        'appointed by an administrator for Chüy: its observers’ addresses',
      );
      assert.doesNotMatch(mine.body, new RegExp(naryn.email.replace('.', '\\.')));
      await obs.client.reauth(obs.password, obs.totpSecret);
      assert.equal((await obs.client.get(path())).status, 403);
      const lawyer = await addUser(t, admin, 'lawyer');
      assert.equal((await lawyer.client.get(path())).status, 403);
      assert.equal((await t.client().get(path())).status, 401);
      await admin.client.reauth(admin.password, admin.totpSecret);
      const unknown = await admin.client.get<Err>(
        '/api/monitoring/missions/01900000-0000-7000-8000-000000000000/sites.csv',
      );
      assert.equal(unknown.status, 404);
    });

    test('a coordinator no administrator appointed gets no addresses; a disabled observer is not written', async () => {
      // A coordinator makes a mission and puts an observer of the organisation on its site (ADR 0025).
      const self = await addUser(t, admin, 'coordinator');
      const m = await self.client.post<{ id: string }>('/api/monitoring/missions', {
        kind: 'detention',
        title: 'My own visits',
      });
      assert.equal(m.status, 201, JSON.stringify(m.body));
      await reauthed(self);
      const imp = await self.client.post(`/api/monitoring/missions/${m.body.id}/sites/import`, {
        csv: `code,name,region,district,place,lat,lon,observers,visits\nX1,IVS,KG-C,,,,,${obs.email},2\n`,
      });
      assert.equal(imp.status, 200, JSON.stringify(imp.body));
      await self.client.reauth(self.password, self.totpSecret);
      const own = await self.client.get<string>(`/api/monitoring/missions/${m.body.id}/sites.csv`);
      assert.equal(own.status, 200);
      assert.deepEqual(parseCsv(own.body).slice(1), [['X1', 'IVS', 'KG-C', '', '', '', '', '', '2']]);
      const entry = await t.ctx.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'monitoring.sites_export')
        .where('entity_id', '=', m.body.id)
        .executeTakeFirstOrThrow();
      assert.match(String(entry.details), /"users":\[\]/);
      // The administrator's file leaves out an account that can no longer observe, and imports back
      // without refusing the address or unassigning anyone.
      assert.equal((await admin.client.patch(`/api/users/${obs.id}`, { status: 'disabled' })).status, 200);
      await admin.client.reauth(admin.password, admin.totpSecret);
      const csv = (await admin.client.get<string>(path())).body;
      assert.equal(parseCsv(csv)[1]![7], '', 'C1: its one observer is disabled');
      assert.doesNotMatch(csv, new RegExp(obs.email.replace('.', '\\.')));
      await reauthed(admin);
      const back = await admin.client.post(`/api/monitoring/missions/${w.missionId}/sites/import`, { csv });
      assert.equal(back.status, 200, JSON.stringify(back.body));
      assert.deepEqual(
        (await sites()).find((s) => s.code === 'C1')!.observers.map((o) => o.userId),
        [obs.id],
      );
    });
  });
}
