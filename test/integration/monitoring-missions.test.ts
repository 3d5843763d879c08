import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

type Field = { path: string; code: string; message: string };
type Err = { error: { code: string; message: string; fields?: Field[] } };
type Mission = {
  id: string;
  startsOn: string | null;
  endsOn: string | null;
  title: string;
  coordinators: { userId: string }[];
  namedExportApproval: boolean;
};
type People = { items: { id: string; name: string }[] };

/**
 * A mission's settings as QA found them: dates that can be cleared and never end before the start, a
 * coordinators pick list of exactly the people the server accepts, and a truthful "needs approval" for
 * an export with names. Through real HTTP, in the caller's language, with nothing written on a refusal.
 */
for (const backend of await backends()) {
  describe(`monitoring: mission dates, coordinators, export approval (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let coord: TestUser;
    let monitor: TestUser;
    let lawyer: TestUser;
    let offCoord: TestUser;
    let missionId: string;

    const count = async (table: 'missions' | 'audit_log') =>
      Number(
        (
          await t.ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const stored = () =>
      t.ctx.db
        .selectFrom('missions')
        .select(['starts_on', 'ends_on', 'title', 'updated_at'])
        .where('id', '=', missionId)
        .executeTakeFirstOrThrow();
    const patch = (u: TestUser, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      u.client.request<Mission & Err>('PATCH', `/api/monitoring/missions/${missionId}`, body, headers);

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t); // Kyrgyz
      coord = await addUser(t, admin, 'coordinator'); // Russian
      monitor = await addUser(t, admin, 'monitor');
      lawyer = await addUser(t, admin, 'lawyer');
      offCoord = await addUser(t, admin, 'coordinator');
      const off = await admin.client.patch(`/api/users/${offCoord.id}`, { status: 'disabled' });
      assert.equal(off.status, 200, JSON.stringify(off.body));
      const m = await admin.client.post<{ id: string }>('/api/monitoring/missions', {
        kind: 'election',
        title: 'Dates',
        startsOn: '2026-11-29',
        endsOn: '2026-11-30',
      });
      assert.equal(m.status, 201, JSON.stringify(m.body));
      missionId = m.body.id;
    });
    after(async () => t?.close());

    test('a new mission that ends before it starts is refused, naming "Ends on", and nothing is created', async () => {
      const before = [await count('missions'), await count('audit_log')];
      const body = { kind: 'trial', title: 'Backwards', startsOn: '2026-05-10', endsOn: '2026-05-09' };
      const ky = await admin.client.post<Err>('/api/monitoring/missions', body);
      assert.equal(ky.status, 400);
      assert.equal(ky.body.error.code, 'missions.dates_order');
      assert.equal(ky.body.error.message, 'Миссия башталганга чейин аяктай албайт.');
      assert.deepEqual(ky.body.error.fields, [
        { path: 'endsOn', code: 'before_start', message: 'Аягы: башталыш күнүнөн эрте боло албайт.' },
      ]);
      const ru = await coord.client.post<Err>('/api/monitoring/missions', body);
      assert.equal(ru.status, 400);
      assert.equal(ru.body.error.message, 'Миссия не может закончиться раньше, чем начнётся.');
      assert.equal(ru.body.error.fields?.[0]?.message, 'Окончание: не может быть раньше даты начала.');
      const en = await coord.client.request<Err>('POST', '/api/monitoring/missions', body, {
        'x-ukuk-locale': 'en',
      });
      assert.equal(en.body.error.fields?.[0]?.message, 'Ends on: cannot be earlier than the start date.');
      assert.deepEqual([await count('missions'), await count('audit_log')], before, 'nothing written');
      // Ending on the first day is a one-day mission, not a mistake.
      const oneDay = await admin.client.post('/api/monitoring/missions', { ...body, endsOn: body.startsOn });
      assert.equal(oneDay.status, 201, JSON.stringify(oneDay.body));
    });

    test('a change is checked against the stored other date, naming the field it changed', async () => {
      const before = [await stored(), await count('audit_log')];
      const end = await patch(admin, { endsOn: '2026-11-01', title: 'Renamed' });
      assert.equal(end.status, 400);
      assert.equal(end.body.error.code, 'missions.dates_order');
      assert.deepEqual(
        end.body.error.fields?.map((f) => `${f.path}:${f.code}`),
        ['endsOn:before_start'],
      );
      const start = await patch(admin, { startsOn: '2026-12-05' }, { 'x-ukuk-locale': 'ru' });
      assert.equal(start.status, 400);
      assert.deepEqual(start.body.error.fields, [
        { path: 'startsOn', code: 'after_end', message: 'Начало: не может быть позже даты окончания.' },
      ]);
      const both = await patch(
        admin,
        { startsOn: '2026-12-05', endsOn: '2026-12-04' },
        { 'x-ukuk-locale': 'en' },
      );
      assert.equal(both.status, 400);
      assert.equal(both.body.error.message, 'A mission cannot end before it starts.');
      assert.equal(both.body.error.fields?.[0]?.path, 'endsOn');
      assert.deepEqual(
        [await stored(), await count('audit_log')],
        before,
        'nothing changed, not even the title',
      );
    });

    test('an emptied date is cleared (null), and then the other date may move freely', async () => {
      const cleared = await patch(admin, { endsOn: null });
      assert.equal(cleared.status, 200, JSON.stringify(cleared.body));
      assert.equal(cleared.body.endsOn, null);
      assert.equal((await stored()).ends_on, null, 'stored, not only answered');
      const later = await patch(admin, { startsOn: '2027-01-10' });
      assert.equal(later.status, 200, JSON.stringify(later.body));
      const none = await patch(admin, { startsOn: null });
      assert.equal(none.status, 200);
      const got = await admin.client.get<Mission>(`/api/monitoring/missions/${missionId}`);
      assert.deepEqual([got.body.startsOn, got.body.endsOn], [null, null]);
    });

    test('the coordinators pick list holds exactly the people who may coordinate', async () => {
      const invited = await admin.client.post<{ id: string }>('/api/users', {
        email: 'not-yet@example.org',
        name: 'Not Yet',
        role: 'coordinator',
        locale: 'ru',
      });
      assert.equal(invited.status, 200, JSON.stringify(invited.body));
      const list = await admin.client.get<People>('/api/monitoring/coordinators');
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.items.map((p) => p.id).sort(), [admin.id, coord.id].sort());
      assert.deepEqual(Object.keys(list.body.items[0]!).sort(), ['id', 'name'], 'names only');
      assert.equal((await monitor.client.get('/api/monitoring/coordinators')).status, 403);
      // Everyone listed is accepted...
      await reauthed(admin);
      const ok = await admin.client.put<Mission>(`/api/monitoring/missions/${missionId}/coordinators`, {
        coordinators: list.body.items.map((p) => ({ userId: p.id, region: null })),
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      // ...and each one left out is refused with a message naming the row.
      for (const who of [monitor.id, lawyer.id, offCoord.id, invited.body.id]) {
        const r = await coord.client.put<Err>(`/api/monitoring/missions/${missionId}/coordinators`, {
          coordinators: [
            { userId: coord.id, region: null },
            { userId: who, region: 'KG-C' },
          ],
        });
        assert.equal(r.status, 400, who);
        assert.equal(
          r.body.error.message,
          'Этот человек не может быть координатором: он не активный координатор или администратор.',
        );
        assert.deepEqual(
          r.body.error.fields?.map((f) => f.path),
          ['coordinators.1.userId'],
        );
      }
      const now = await admin.client.get<Mission>(`/api/monitoring/missions/${missionId}`);
      assert.equal(now.body.coordinators.length, 2, 'a refusal changes nothing');
    });

    test('the mission says whether an export with names waits for approval, as the export does', async () => {
      const url = `/api/monitoring/missions/${missionId}/exports`;
      const flag = async (u: TestUser) =>
        (await u.client.get<Mission>(`/api/monitoring/missions/${missionId}`)).body.namedExportApproval;
      assert.equal(await flag(admin), false, 'the only administrator exports at once');
      assert.equal(await flag(coord), true, 'a coordinator always asks an administrator');
      await admin.client.reauth(admin.password, admin.totpSecret);
      const direct = await admin.client.post<{ jobId: string }>(url, { format: 'csv', redacted: false });
      assert.equal(direct.status, 202, JSON.stringify(direct.body));
      while (await t.ctx.jobs.runOnce());

      await addUser(t, admin, 'admin');
      assert.equal(await flag(admin), true, 'with a second administrator, four-eyes');
      const asked = await admin.client.post<Err>(url, { format: 'csv', redacted: false });
      assert.equal(asked.status, 409);
      assert.equal(asked.body.error.code, 'export.approval_requested');
    });
  });
}
