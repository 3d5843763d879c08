import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locale } from '../../src/core/roles.ts';
import { tr } from '../../src/server/platform/i18n.ts';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import {
  missionWorld,
  sendPublicReport,
  type MissionWorld,
  useTestPublicForm,
} from '../helpers/monitoring.ts';

type Err = { error: { code: string; message: string } };

process.env.UKUK_PUBLIC_POW_BITS = '4';
process.env.UKUK_PUBLIC_MIN_FILL_MS = '0';
process.env.UKUK_PUBLIC_ANSWER_MS = '0';
process.env.UKUK_PUBLIC_RATE_IP_HOUR = '1000';
process.env.UKUK_PUBLIC_RATE_GLOBAL_MINUTE = '1000';

/**
 * Who reviews the anonymous public reports (monitoring.access.ts): administrators, and the coordinators
 * of a mission an administrator marked, each for the regions they coordinate there. A coordinator who
 * creates a mission of their own (and so coordinates all of it) gains nothing from that.
 */
for (const backend of await backends()) {
  describe(`public reports are reviewed by the missions an administrator chose (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let w: MissionWorld;
    const pub: Record<string, string> = {};

    async function publicReport(region: string): Promise<string> {
      const id = await sendPublicReport(t);
      // The test's form asks no place; the region stands for the one a reporter would pick.
      await t.ctx.db.updateTable('submissions').set({ region }).where('id', '=', id).execute();
      return id;
    }
    const sees = async (u: TestUser, id: string) =>
      (await u.client.get(`/api/monitoring/submissions/${id}`)).status;
    const setTriage = (u: TestUser, missionId: string, on: boolean, lang = 'en') =>
      u.client.request<Err & { publicReports?: boolean }>(
        'PATCH',
        `/api/monitoring/missions/${missionId}`,
        { publicReports: on },
        { 'accept-language': lang },
      );

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      await useTestPublicForm(t.ctx);
      w = await missionWorld(t.ctx, admin);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: admin.id, region: null },
          { userId: chuy.id, region: 'KG-C' },
        ],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      pub.C = await publicReport('KG-C');
      pub.N = await publicReport('KG-N');
    });
    after(async () => t?.close());

    test('a mission of one’s own does not open every region’s public reports', async () => {
      const m = await chuy.client.post<{ id: string }>('/api/monitoring/missions', {
        kind: 'election',
        title: 'Своя миссия',
      });
      assert.equal(m.status, 201, JSON.stringify(m.body));
      assert.equal(await sees(chuy, pub.C!), 404);
      assert.equal(await sees(chuy, pub.N!), 404);
      const list = await chuy.client.get<{ items: { id: string }[] }>('/api/monitoring/submissions');
      assert.equal(list.status, 200);
      assert.ok(!list.body.items.some((i) => i.id === pub.C || i.id === pub.N), 'listed anyway');
      // Nor can they mark their own mission: an administrator chooses, said in the user's language.
      const r = await setTriage(chuy, m.body.id, true);
      assert.equal(r.status, 403, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'missions.public_reports_admin');
      const { locale } = await t.ctx.db
        .selectFrom('users')
        .select('locale')
        .where('id', '=', chuy.id)
        .executeTakeFirstOrThrow();
      assert.equal(r.body.error.message, tr(locale as Locale, 'errors:missions.public_reports_admin'));
      const row = await t.ctx.db
        .selectFrom('missions')
        .select('public_reports')
        .where('id', '=', m.body.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.public_reports, 0);
      // Saving the settings form with the value unchanged is not a change of it.
      const same = await chuy.client.patch(`/api/monitoring/missions/${m.body.id}`, {
        title: 'Своя миссия 2',
        publicReports: false,
      });
      assert.equal(same.status, 200, JSON.stringify(same.body));
    });

    test('a marked mission’s region coordinator reviews that region’s public reports only', async () => {
      const on = await setTriage(admin, w.missionId, true);
      assert.equal(on.status, 200, JSON.stringify(on.body));
      assert.equal(on.body.publicReports, true);
      assert.equal(await sees(chuy, pub.C!), 200);
      assert.equal(await sees(chuy, pub.N!), 404);
      const lock = await chuy.client.post(`/api/monitoring/submissions/${pub.C}/lock`);
      assert.ok(lock.status < 300, JSON.stringify(lock.body));
      await chuy.client.delete(`/api/monitoring/submissions/${pub.C}/lock`);
      // Unmarked again: gone at once.
      assert.equal((await setTriage(admin, w.missionId, false)).status, 200);
      assert.equal(await sees(chuy, pub.C!), 404);
      // Administrators see every public report whatever is marked.
      assert.equal(await sees(admin, pub.N!), 200);
    });
  });
}
