import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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
import { missionWorld, type MissionWorld } from '../helpers/monitoring.ts';
import { totpFreshAsync } from '../helpers/totp.ts';

type Issue = { line: number; field: string; code: string };
type Err = { error: { code: string; message: string; details?: Issue[] } };
type Invited = { items: { id: string; email: string; name: string; role: string; inviteUrl: string }[] };
type Users = {
  items: { id: string; email: string; role: string; status: string; phone: string | null; locale: string }[];
};

const HEAD = 'email,name,role,language,phone\n';

/**
 * Inviting a list of people at once (an election's observers): all or nothing, every wrong line named in
 * the reader's language, re-authentication first, each account audited like a single invitation; and
 * the invited can be placed on stations before they have set up their account.
 */
for (const backend of await backends()) {
  describe(`users: invite from a list (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let coord: TestUser;
    let w: MissionWorld;

    const post = (u: TestUser, csv: string) => u.client.post<Invited & Err>('/api/users/import', { csv });
    const count = async (table: 'users' | 'audit_log') =>
      Number(
        (
          await t.ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      coord = await addUser(t, admin, 'coordinator');
      w = await missionWorld(t.ctx, admin);
    });
    after(async () => t?.close());

    test('a wrong list names every bad line in Kyrgyz and invites nobody', async () => {
      const before = [await count('users'), await count('audit_log')];
      const many = HEAD + Array.from({ length: 501 }, (_, i) => `p${i}@example.org,P ${i}\n`).join('');
      const r = await post(
        admin,
        HEAD +
          ',Без почты\n' +
          'not-an-address,Бирөө\n' +
          'twice@example.org,Биринчи\n' +
          'TWICE@example.org,Экинчи\n' +
          `${admin.email.toUpperCase()},Админ\n` +
          'noname@example.org,\n' +
          // «Наблюдатель» is the viewer's name in Russian: names of roles are not accepted, codes are.
          'role@example.org,Роль,наблюдатель\n' +
          'boss@example.org,Башчы,admin\n' +
          'lang@example.org,Тил,,de\n' +
          'phone@example.org,Телефон,monitor,ky,12ab\n' +
          'cols@example.org,Мамыча,monitor,ky,,extra\n',
      );
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'user.import_invalid');
      assert.equal(
        r.body.error.message,
        'Тизме импорттолгон жок: айрым саптар туура эмес. Эч ким чакырылган жок.',
      );
      assert.deepEqual(
        r.body.error.details!.map((d) => `${d.line}:${d.field}:${d.code}`),
        [
          '2:email:required',
          '3:email:invalid_email',
          '5:email:duplicate',
          '6:email:email_taken',
          '7:name:required',
          '8:role:unknown_role',
          '9:role:admin_not_in_list',
          '10:language:unknown_language',
          '11:phone:invalid_phone',
          '12:line:columns',
        ],
      );
      const big = await post(admin, many);
      assert.equal(big.status, 400);
      assert.deepEqual(big.body.error.details, [{ line: 1, field: 'line', code: 'over_limit' }]);
      const empty = await post(admin, HEAD);
      assert.deepEqual(empty.body.error.details, [{ line: 1, field: 'line', code: 'required' }]);
      assert.deepEqual([await count('users'), await count('audit_log')], before, 'nothing written');
    });

    test("issues name the file's own lines when blank lines come before them", async () => {
      const before = await count('users');
      const r = await post(
        admin,
        '\n' + HEAD + '\n' + 'ok@example.org,Жакшы\n' + '\n\n' + 'bad-address,Жаман\n',
      );
      assert.equal(r.status, 400);
      assert.deepEqual(r.body.error.details, [{ line: 7, field: 'email', code: 'invalid_email' }]);
      assert.equal(await count('users'), before);
    });

    test('only an administrator, and only after re-authenticating', async () => {
      const csv = HEAD + 'x@example.org,X\n';
      assert.equal((await post(coord, csv)).status, 403);
      assert.equal((await t.client().post('/api/users/import', { csv })).status, 401);
      const before = await count('users');
      await expireReauth(t, admin); // the set-up's re-authentication (appointing, importing) ran out
      const r = await post(admin, csv);
      assert.equal(r.status, 401);
      assert.equal(r.body.error.code, 'auth.reauth_required');
      assert.equal(await count('users'), before, 'nobody invited before re-authentication');
    });

    test('everyone on a good list is invited, audited, and can accept their own link', async () => {
      await admin.client.reauth(admin.password, admin.totpSecret);
      const r = await post(
        admin,
        '\uFEFF' +
          HEAD.replaceAll(',', ';') +
          'asel@example.org;Асель Токтогулова;;Русский;+996 (555) 11-22-33\n' +
          'Bakyt@Example.org;Бакыт Осмонов;monitor;ky;\n' +
          'nurlan@example.org;"Нурлан ""Нуке"" Садыков";coordinator;;\n',
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(
        r.body.items.map((i) => [i.email, i.name, i.role]),
        [
          ['asel@example.org', 'Асель Токтогулова', 'monitor'],
          ['bakyt@example.org', 'Бакыт Осмонов', 'monitor'],
          ['nurlan@example.org', 'Нурлан "Нуке" Садыков', 'coordinator'],
        ],
      );
      const users = (await admin.client.get<Users>('/api/users')).body.items;
      const asel = users.find((u) => u.email === 'asel@example.org')!;
      assert.equal(asel.status, 'invited');
      assert.equal(asel.locale, 'ru', 'a language by its name');
      assert.equal(asel.phone, '+996 (555) 11-22-33');
      assert.equal(
        users.find((u) => u.email === 'nurlan@example.org')!.locale,
        'ky',
        "the organisation's language",
      );

      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select(['action', 'actor_id', 'entity_id', 'details'])
        .where('action', 'in', ['user.invite', 'user.import'])
        .orderBy('seq')
        .execute();
      const mine = audit.filter(
        (a) => r.body.items.some((i) => i.id === a.entity_id) || a.action === 'user.import',
      );
      assert.deepEqual(
        mine.map((a) => a.action),
        ['user.invite', 'user.invite', 'user.invite', 'user.import'],
      );
      assert.ok(mine.every((a) => a.actor_id === admin.id));
      assert.deepEqual(JSON.parse(mine[3]!.details), { invited: 3 });
      // Details only: the ids are random hex and may well hold a "555".
      assert.doesNotMatch(
        JSON.stringify(mine.map((a) => a.details)),
        /asel|Асель|555/,
        'no e-mail, name or number in the log',
      );

      // Each link is that person's own: it opens their account, and only once.
      const c = t.client();
      const token = r.body.items[0]!.inviteUrl.split('/').pop()!;
      const acc = await c.post(`/api/invite/${token}`, {
        name: 'Асель Т.',
        password: 'Көлдүн жээгиндеги узун сырсөз 7',
      });
      assert.equal(acc.status, 200, JSON.stringify(acc.body));
      const info = await c.get<{ secret: string }>('/api/auth/totp/enroll');
      assert.equal(
        (await c.post('/api/auth/totp/enroll', { code: await totpFreshAsync(info.body.secret) })).status,
        200,
      );
      const me = await c.get<{ email: string; role: string; phone: string | null }>('/api/me');
      assert.deepEqual(
        [me.body.email, me.body.role, me.body.phone],
        ['asel@example.org', 'monitor', '+996 (555) 11-22-33'],
      );
      const again = await post(admin, HEAD + 'asel@example.org,Асель\n');
      assert.deepEqual(again.body.error.details, [{ line: 2, field: 'email', code: 'email_taken' }]);
    });

    test('an invited observer can be placed on a station and sees it after accepting', async () => {
      const r = await post(admin, HEAD + 'dinara@example.org,Динара\n');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const [dinara] = r.body.items;
      const list = await admin.client.get<{ items: { id: string; invited: boolean }[] }>(
        '/api/monitoring/observers',
      );
      assert.equal(list.body.items.find((o) => o.id === dinara!.id)?.invited, true);
      await reauthed(admin);
      const imp = await admin.client.post(`/api/monitoring/missions/${w.missionId}/sites/import`, {
        csv: `code,name,region,district,place,lat,lon,observers\nC1,School 1,KG-C,,,,,${dinara!.email}\n`,
      });
      assert.equal(imp.status, 200, JSON.stringify(imp.body));
      // Not a coordinator, though: that needs an account in use.
      await reauthed(admin);
      const co = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: dinara!.id, region: null }],
      });
      assert.equal(co.status, 400);
      const c = t.client();
      const token = dinara!.inviteUrl.split('/').pop()!;
      assert.equal(
        (await c.post(`/api/invite/${token}`, { name: 'Динара', password: 'Тоо башындагы узун сырсөз 2026' }))
          .status,
        200,
      );
      const info = await c.get<{ secret: string }>('/api/auth/totp/enroll');
      await c.post('/api/auth/totp/enroll', { code: await totpFreshAsync(info.body.secret) });
      const a = await c.get<{ siteId: string }[]>('/api/monitoring/assignments');
      assert.equal(a.status, 200);
      assert.deepEqual([...new Set(a.body.map((x) => x.siteId))], [w.sites.C1]);
    });
  });
}
