import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tr } from '../../src/server/platform/i18n.ts';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { missionWorld, assign, type MissionWorld } from '../helpers/monitoring.ts';

type Issue = { line: number; field: string; code: string };
type Err = {
  error: { code: string; message: string; details?: Issue[]; fields?: { path: string; code: string }[] };
};
type Imported = {
  created: number;
  updated: number;
  assigned: number;
  sameName: { name: string; lines: number[] }[];
  sameAsSite: { line: number; name: string; code: string }[];
};
type Sites = { items: { code: string; observers: { userId: string }[] }[] };

const HEAD = 'code,name,region,district,place,lat,lon,observers\n';

/**
 * Observers assigned from the sites CSV (issue #5: an election has hundreds of stations; one dialog per
 * station does not scale). The eighth column lists e-mails; they replace the site's observers, an empty
 * cell leaves them alone, and an address without an account that may observe refuses the whole file.
 */
for (const backend of await backends()) {
  describe(`monitoring: observers from the sites CSV (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let lawyer: TestUser;
    let obs: TestUser;
    let obs2: TestUser;
    let off: TestUser;
    let w: MissionWorld;

    const post = async (u: TestUser, csv: string) => {
      await reauthed(u);
      return u.client.post<Imported & Err>(`/api/monitoring/missions/${w.missionId}/sites/import`, { csv });
    };
    const observersOf = async () => {
      const r = await admin.client.get<Sites>(`/api/monitoring/missions/${w.missionId}/sites`);
      return Object.fromEntries(r.body.items.map((s) => [s.code, s.observers.map((o) => o.userId).sort()]));
    };
    const links = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('site_observers')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      lawyer = await addUser(t, admin, 'lawyer');
      obs = await addUser(t, admin, 'monitor');
      obs2 = await addUser(t, admin, 'monitor');
      off = await addUser(t, admin, 'monitor');
      assert.equal((await admin.client.patch(`/api/users/${off.id}`, { status: 'disabled' })).status, 200);
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await reauthed(admin);
      const co = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: chuy.id, region: 'KG-C' }],
      });
      assert.equal(co.status, 200, JSON.stringify(co.body));
    });
    after(async () => t?.close());

    test('e-mails set the observers of new and existing sites; an empty cell keeps them', async () => {
      const r = await post(
        chuy,
        HEAD +
          `X1,School 10,KG-C,,,,,${obs.email} ${obs2.email}\n` +
          `X2,School 11,Chuy,,,,,"${obs2.email.toUpperCase()}; ${obs2.email}"\n` +
          'C1,School 1,KG-C,,Kant,,,\n',
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body, { created: 2, updated: 1, assigned: 2, sameName: [], sameAsSite: [] });
      const now = await observersOf();
      assert.deepEqual(now.X1, [obs.id, obs2.id].sort());
      assert.deepEqual(now.X2, [obs2.id], 'case and repeats do not matter');
      assert.deepEqual(now.C1, [obs.id], 'an empty cell leaves the observers as they were');
      // The observers' field app sees the new stations at once.
      const a = await obs2.client.get<{ siteId: string }[]>('/api/monitoring/assignments');
      assert.equal(new Set(a.body.map((x) => x.siteId)).size, 2);
      const entry = await t.ctx.db
        .selectFrom('audit_log')
        .select(['actor_id', 'details'])
        .where('action', '=', 'monitoring.sites_import')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(entry.actor_id, chuy.id);
      assert.deepEqual(JSON.parse(entry.details), { created: 2, updated: 1, assigned: 2 });
    });

    test('listed observers replace those of the site', async () => {
      const r = await post(admin, HEAD + `X1,School 10,KG-C,,,,,${obs2.email}\n`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual((await observersOf()).X1, [obs2.id]);
    });

    test('an address that may not observe refuses the whole file, line by line, and changes nothing', async () => {
      const before = [await observersOf(), await links()];
      const many = Array.from({ length: 21 }, (_, i) => `o${i}@example.org`).join(' ');
      const r = await post(
        admin,
        HEAD +
          `Y1,New school,KG-C,,,,,nobody@example.org\n` +
          `X1,School 10,KG-C,,,,,${lawyer.email}\n` +
          `X2,School 11,KG-C,,,,,${off.email}\n` +
          `Y2,Other school,KG-C,,,,,not-an-address\n` +
          `Y3,Big school,KG-C,,,,,"${many}"\n` +
          `Y4,Fine school,KG-C,,,,,${obs.email}\n`,
      );
      assert.equal(r.status, 400);
      assert.equal(r.body.error.code, 'sites.import_invalid');
      assert.deepEqual(
        r.body.error.details!.map((d) => `${d.line}:${d.field}:${d.code}`),
        [
          '2:observers:unknown_observer',
          '3:observers:unknown_observer',
          '4:observers:unknown_observer',
          '5:observers:unknown_observer',
          '6:observers:too_long',
        ],
        'no account, a lawyer, a disabled observer, not an address, too many',
      );
      assert.deepEqual([await observersOf(), await links()], before);
    });

    test("issues name the file's own lines, blank lines and multi-line cells included", async () => {
      const before = await links();
      const r = await post(
        admin,
        '\n' +
          HEAD +
          'B1,Fine school,KG-C,,,,,\n' +
          '\n' +
          ' , \n' +
          'B2,,KG-C,,,,,\n' +
          'B3,"Two-line\nname",KG-C,,,99,,\n' +
          'B4,School,Atlantis,,,,,\r\n' +
          '\r\n' +
          'B5,School,KG-C,Nowhere,,,,\n' +
          'B6,School,KG-C,,,42.87,,\n',
      );
      assert.equal(r.status, 400);
      // File lines: 1 blank, 2 header, 3 B1, 4 blank, 5 blank cells, 6 B2, 7-8 B3, 9 B4, 10 blank, 11 B5,
      // 12 B6 (a latitude without its longitude).
      assert.deepEqual(
        r.body.error.details!.map((d) => `${d.line}:${d.field}:${d.code}`),
        [
          '6:name:required',
          '7:lat:invalid_number',
          '9:region:unknown_region',
          '11:district:unknown_district',
          '12:lon:point_half',
        ],
      );
      assert.equal(await links(), before);
    });

    test('districts: by code or by name in any of the three languages; the hint and the refusal say so', async () => {
      const before = await links();
      const bad = await post(
        admin,
        HEAD +
          'D1,School,KG-C,Аламүдүн району,,,,\n' +
          // A district of another region, and a name no district has.
          'D2,School,KG-C,Ала-Букинский район,,,,\n' +
          'D3,School,KG-C,Alamedin,,,,\n',
      );
      assert.equal(bad.status, 400);
      assert.deepEqual(
        bad.body.error.details!.map((d) => `${d.line}:${d.field}:${d.code}`),
        ['3:district:unknown_district', '4:district:unknown_district'],
      );
      assert.equal(await links(), before);
      const sites = async () =>
        (
          await admin.client.get<{ items: { code: string; district: string | null }[] }>(
            `/api/monitoring/missions/${w.missionId}/sites`,
          )
        ).body.items;
      assert.ok(
        !(await sites()).some((x) => x.code.startsWith('D')),
        'nothing of the refused file was stored',
      );
      const ok = await post(
        admin,
        HEAD +
          'D1,School,KG-C,Alamudun,,,,\n' +
          'D2,School,KG-C,1091691731,,,,\n' +
          'D3,School,Chuy,Аламүдүн,,,,\n' +
          'D4,School,Чуйская область,Московский район,,,,\n' +
          'D5,School,KG-N,Нарынский район,,,,\n' +
          'D6,School,KG-N,Нарын,,,,\n' +
          'D7,School,KG-Y,г. Каракол,,,,\n' +
          // The former name of a renamed raion (Kara-Buura, Aitmatov since 2023).
          'D8,School,KG-T,Кара-Бууринский район,,,,\n' +
          'D9,School,KG-J,ала-бука району,,,,\n',
      );
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      const got = Object.fromEntries(
        (await sites()).filter((x) => x.code.startsWith('D')).map((x) => [x.code, x.district]),
      );
      assert.deepEqual(got, {
        D1: '1091691655',
        D2: '1091691731',
        D3: '1091691655',
        D4: '1091691579',
        D5: '1091691221',
        D6: '1091692087',
        D7: '1091691853',
        D8: '1091690357',
        D9: '1091690903',
      });
      for (const [lng, words] of [
        ['en', ['Kyrgyz, Russian or English', 'Аламудунский район', 'code']],
        ['ru', ['кыргызском, русском или английском', 'Аламүдүн району', 'код']],
        ['ky', ['кыргызча, орусча, англисче', 'Аламудунский район', 'код']],
      ] as const) {
        const hint = tr(lng, 'monitoring:sites.importHint', { header: HEAD });
        for (const w of words) assert.ok(hint.includes(w), `${lng} hint: ${hint}`);
        const m = tr(lng, 'monitoring:sites.issue.unknown_district');
        assert.ok(/код|code|кодун/.test(m), `${lng} refusal: ${m}`);
        assert.doesNotMatch(
          `${hint} ${m}`,
          /латин|латын|Latin/,
          `${lng}: names need not be in Latin letters`,
        );
      }
    });

    test("regions as spreadsheets write them; a city's own district is kept as the start of the place", async () => {
      const r = await post(
        admin,
        HEAD +
          'R1,SIZO-1,г. Бишкек,Первомайский район,ул. Молодая Гвардия,,,\n' +
          'R2,Osh court,Osh city,,,,,\n' +
          'R3,IVS Kara-Suu,Ошская обл.,Карасуйский район,,,,\n' +
          'R4,Colony 47,Chuy Region,,,,,\n' +
          'R5,IVS Jalal-Abad,Djalal-Abad,,,,,\n' +
          'R6,IVS Karakol,Issyk-Kul Region,,,,,\n' +
          'R7,IVS Osh,Ош шаары,Ленинский район,,,,\n',
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const list = await admin.client.get<{
        items: { code: string; region: string; district: string | null; place: string | null }[];
      }>(`/api/monitoring/missions/${w.missionId}/sites`);
      const got = Object.fromEntries(
        list.body.items
          .filter((x) => /^R\d$/.test(x.code))
          .map((x) => [x.code, [x.region, x.district, x.place]]),
      );
      assert.deepEqual(got, {
        R1: ['KG-GB', null, 'Первомайский район, ул. Молодая Гвардия'],
        R2: ['KG-GO', null, null],
        R3: ['KG-O', '1091690751', null],
        R4: ['KG-C', null, null],
        R5: ['KG-J', null, null],
        R6: ['KG-Y', null, null],
        R7: ['KG-GO', null, 'Ленинский район'],
      });
      // "Osh" with no word for its kind is the city; a region that is neither is still refused, and a
      // district of the map given for a city means the line was meant for an oblast: refused, not filed
      // under the city's coordinator.
      const bad = await post(
        admin,
        HEAD +
          'R8,School,г. Нарын,,,,,\n' +
          'R9,IVS Kara-Suu,Ош,Карасуйский район,,,,\n' +
          'R0,School,Бишкек,1091691655,,,,\n',
      );
      assert.equal(bad.status, 400);
      assert.deepEqual(
        bad.body.error.details!.map((d) => `${d.line}:${d.field}:${d.code}`),
        ['2:region:unknown_region', '3:district:district_other_region', '4:district:district_other_region'],
      );
      assert.match(tr('ru', 'monitoring:sites.issue.district_other_region'), /Ошская обл\./);
    });

    test('a region coordinator cannot place a station, or observers, outside their region', async () => {
      const before = await links();
      const r = await post(chuy, HEAD + `N9,Naryn school,KG-N,,,,,${obs.email}\n`);
      assert.equal(r.status, 400);
      assert.deepEqual(
        r.body.error.details!.map((d) => `${d.line}:${d.field}:${d.code}`),
        ['2:region:region_not_yours'],
      );
      assert.equal(await links(), before);
      assert.equal((await post(obs, HEAD + `Z1,Z,KG-C,,,,,${obs.email}\n`)).status, 403);
      // One site by hand: refused as someone else's region (the coordinator's own language), not as "no access".
      const one = await chuy.client.post<Err>(`/api/monitoring/missions/${w.missionId}/sites`, {
        code: 'N8',
        name: 'Naryn school 8',
        region: 'KG-N',
      });
      assert.equal(one.status, 403);
      assert.equal(one.body.error.code, 'sites.region_not_yours');
      assert.match(one.body.error.message, /не входит в вашу часть миссии/);
    });

    test('a site by hand or an edit with half a point is refused, naming the missing coordinate', async () => {
      const url = `/api/monitoring/missions/${w.missionId}/sites`;
      const half = await admin.client.post<Err>(url, {
        code: 'P1',
        name: 'Point school',
        region: 'KG-C',
        lat: 42.87,
      });
      assert.equal(half.status, 400);
      assert.equal(half.body.error.code, 'sites.point_half');
      assert.deepEqual(
        half.body.error.fields!.map((f) => `${f.path}:${f.code}`),
        ['lon:required'],
      );
      const whole = await admin.client.post<{ id: string }>(url, {
        code: 'P1',
        name: 'Point school',
        region: 'KG-C',
        lat: 42.87,
        lon: 74.59,
      });
      assert.equal(whole.status, 201);
      // Taking one coordinate away from a site that has both leaves half a point: refused, nothing changed.
      const edit = await admin.client.patch<Err>(`/api/monitoring/sites/${whole.body.id}`, { lat: null });
      assert.equal(edit.status, 400);
      assert.deepEqual(
        edit.body.error.fields!.map((f) => `${f.path}:${f.code}`),
        ['lat:required'],
      );
      const both = await admin.client.patch(`/api/monitoring/sites/${whole.body.id}`, {
        lat: null,
        lon: null,
      });
      assert.equal(both.status, 200);
    });
  });
}
