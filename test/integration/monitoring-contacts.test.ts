import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, missionWorld, type MissionWorld } from '../helpers/monitoring.ts';
import { scanForMarkers } from '../helpers/scan.ts';

type Err = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };
type Contacts = { items: { userId: string; name: string; phone: string | null; staff?: boolean }[] };
type Me = { phone: string | null; name: string };

/** Digits no other test data contains: the at-rest scan looks for them. */
const OBS_PHONE = '+996 (557) 31-86-42';
const OBS_DIGITS = '557318642';
const OBS2_PHONE = '0700 914 263';

/**
 * Observers' phone numbers (issue #5: on election day a coordinator calls the observer of a station that
 * has not reported). A person sets their own number, an administrator may set anyone's; a reviewer gets
 * the numbers of one site's observers only inside their part of the mission, each look-up audited;
 * the number is contact data, encrypted at rest and never written to the audit log.
 */
for (const backend of await backends()) {
  describe(`monitoring: reaching a site's observers by phone (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let obs: TestUser;
    let obs2: TestUser;
    let w: MissionWorld;

    const contacts = (u: TestUser, site: string) =>
      u.client.get<Contacts & Err>(`/api/monitoring/sites/${site}/contacts`);
    const audits = async (action: string) =>
      t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      obs2 = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id, obs2.id]);
      await assign(admin, w.sites.N1!, [obs.id]);
      await reauthed(admin);
      const co = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: chuy.id, region: 'KG-C' }],
      });
      assert.equal(co.status, 200, JSON.stringify(co.body));
    });
    after(async () => t?.close());

    test('a person sets and removes their own number; the audit log says only that it changed', async () => {
      const before = (await audits('user.profile_update')).length;
      const r = await obs.client.patch<Me>('/api/me', { phone: `  ${OBS_PHONE}  ` });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.phone, OBS_PHONE, 'trimmed, as typed');
      assert.equal((await obs.client.get<Me>('/api/me')).body.phone, OBS_PHONE);
      const entries = await audits('user.profile_update');
      assert.equal(entries.length, before + 1);
      assert.deepEqual(
        JSON.parse(String(entries.at(-1)!.details)),
        { fields: ['phone'] },
        'the field, not the number',
      );
      // Removing it, then setting it again.
      assert.equal((await obs.client.patch<Me>('/api/me', { phone: null })).body.phone, null);
      assert.equal((await obs.client.patch<Me>('/api/me', { phone: OBS_PHONE })).body.phone, OBS_PHONE);
    });

    test('a bad number answers 400 in the reader’s language, naming the field, and changes nothing', async () => {
      assert.equal((await obs.client.patch('/api/me', { locale: 'ky' })).status, 200);
      for (const phone of [
        'abc',
        '12345',
        '+996 555 123 456 789 0123',
        '555<b>1234</b>',
        '',
        '++996555123456',
        5,
      ]) {
        const r = await obs.client.patch<Err>('/api/me', { phone });
        assert.equal(r.status, 400, JSON.stringify(phone));
        assert.equal(r.body.error.code, 'validation.failed');
        assert.equal(r.body.error.message, 'Айрым талаалар туура эмес толтурулган.', 'in Kyrgyz');
        assert.equal(r.body.error.fields?.[0]?.path, 'phone');
        assert.match(r.body.error.fields?.[0]?.message ?? '', /^Телефон/, 'the field named in Kyrgyz');
      }
      assert.equal((await obs.client.get<Me>('/api/me')).body.phone, OBS_PHONE, 'unchanged');
    });

    test('an administrator sets another person’s number; it shows in the users list', async () => {
      const before = (await audits('user.phone_change')).length;
      const r = await admin.client.patch<{ phone: string | null } & Err>(`/api/users/${obs2.id}`, {
        phone: OBS2_PHONE,
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.phone, OBS2_PHONE);
      const list = await admin.client.get<{ items: { id: string; phone: string | null }[] }>('/api/users');
      assert.equal(list.body.items.find((u) => u.id === obs2.id)?.phone, OBS2_PHONE);
      const bad = await admin.client.patch<Err>(`/api/users/${obs2.id}`, { phone: 'call me' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.fields?.[0]?.path, 'phone');
      const entries = await audits('user.phone_change');
      assert.equal(entries.length, before + 1, 'the refused change wrote nothing');
      assert.deepEqual(JSON.parse(String(entries.at(-1)!.details)), { set: true });
      // Someone without the users right cannot set anyone's number.
      const no = await chuy.client.patch(`/api/users/${obs2.id}`, { phone: '0555 000 111' });
      assert.equal(no.status, 403);
    });

    test('a region coordinator gets the numbers of a site in their region; the look-up is audited', async () => {
      const r = await contacts(chuy, w.sites.C1!);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const byId = Object.fromEntries(r.body.items.map((c) => [c.userId, c.phone]));
      assert.deepEqual(byId, { [obs.id]: OBS_PHONE, [obs2.id]: OBS2_PHONE });
      const entry = (await audits('monitoring.site_contacts')).at(-1)!;
      assert.equal(entry.actor_id, chuy.id);
      assert.equal(entry.entity_id, w.sites.C1);
      const shown = (JSON.parse(String(entry.details)) as { users: string[] }).users;
      assert.deepEqual(shown.sort(), [obs.id, obs2.id].sort());
      // Ids only: the numbers (as typed or as digits) are nowhere in the entry.
      assert.doesNotMatch(JSON.stringify(entry), /557318642|31-86-42|914 263/, 'no number in the audit log');
      // The sites list itself never carries numbers.
      const list = await chuy.client.get(`/api/monitoring/missions/${w.missionId}/sites`);
      assert.doesNotMatch(JSON.stringify(list.body), new RegExp(OBS_DIGITS));
    });

    test('a staff member placed on a site: the region coordinator gets their name, only administrators their number or address', async () => {
      // A region coordinator may put any account that can observe on their sites: without the rule,
      // placing colleagues there one by one would hand them every staff member's number.
      const staffer = await addUser(t, admin, 'coordinator');
      assert.equal((await staffer.client.patch('/api/me', { phone: '0555 271 828' })).status, 200);
      const put = await chuy.client.put(`/api/monitoring/sites/${w.sites.C1}/observers`, {
        userIds: [obs.id, obs2.id, staffer.id],
      });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      try {
        const r = await contacts(chuy, w.sites.C1!);
        const them = r.body.items.find((c) => c.userId === staffer.id) as {
          phone: string | null;
          staff: boolean;
        };
        assert.deepEqual([them.phone, them.staff], [null, true]);
        assert.equal(r.body.items.find((c) => c.userId === obs.id)?.phone, OBS_PHONE, 'observers as before');
        const entry = (await audits('monitoring.site_contacts')).at(-1)!;
        assert.ok(!String(entry.details).includes(staffer.id), 'not among the numbers shown');
        const byAdmin = await contacts(admin, w.sites.C1!);
        assert.equal(byAdmin.body.items.find((c) => c.userId === staffer.id)?.phone, '0555 271 828');
        // The sites file leaves the site's observers cell empty ("keep them") rather than name them.
        await chuy.client.reauth(chuy.password, chuy.totpSecret);
        const csv = await chuy.client.get<string>(`/api/monitoring/missions/${w.missionId}/sites.csv`);
        assert.equal(csv.status, 200);
        const line = String(csv.body)
          .split('\n')
          .find((l) => l.startsWith('C1,'));
        assert.ok(line && !line.includes('@'), line);
      } finally {
        await assign(admin, w.sites.C1!, [obs.id, obs2.id]);
      }
    });

    test('outside one’s part of the mission the site does not exist; observers and strangers are refused', async () => {
      const before = (await audits('monitoring.site_contacts')).length;
      const naryn = await contacts(chuy, w.sites.N1!);
      assert.equal(naryn.status, 404);
      assert.equal(naryn.body.error.code, 'sites.not_found');
      assert.equal((await contacts(chuy, randomUUID())).status, 404);
      assert.equal((await contacts(obs, w.sites.C1!)).status, 403, 'an observer of the site');
      assert.equal((await t.client().get(`/api/monitoring/sites/${w.sites.C1}/contacts`)).status, 401);
      assert.equal((await audits('monitoring.site_contacts')).length, before, 'refusals write nothing');
      // The administrator sees every region.
      const all = await contacts(admin, w.sites.N1!);
      assert.deepEqual(
        all.body.items.map((c) => c.phone),
        [OBS_PHONE],
      );
    });

    test('a disabled observer keeps their name on the site but not their number', async () => {
      const off = await admin.client.patch(`/api/users/${obs2.id}`, { status: 'disabled' });
      assert.equal(off.status, 200, JSON.stringify(off.body));
      const r = await contacts(chuy, w.sites.C1!);
      const two = r.body.items.find((c) => c.userId === obs2.id);
      assert.ok(two, 'still listed');
      assert.equal(two.phone, null);
      await admin.client.patch(`/api/users/${obs2.id}`, { status: 'active' });
    });

    test('the numbers are encrypted at rest', async () => {
      const report = scanForMarkers({
        dataDir: t.ctx.config.dataDir,
        databaseUrl: t.ctx.config.databaseUrl,
        markers: [OBS_PHONE, OBS_DIGITS, '557) 31-86', OBS2_PHONE, '914 263'],
      });
      assert.deepEqual(report.hits, []);
    });
  });
}
