import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, missionWorld, type MissionWorld } from '../helpers/monitoring.ts';

type Err = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };
type Msg = {
  id: string;
  text: string;
  region: string | null;
  recipients: number;
  read: number;
  withdrawnAt: string | null;
  canWithdraw: boolean;
  author: { name: string };
};
type FieldMsg = { id: string; missionId: string; missionTitle: string; text: string; read: boolean };

/**
 * Coordinators' messages to observers (ADR 0033): addressed to the whole mission or one region, read by
 * exactly those observers on their phones, counted as read when they tap "Got it", withdrawn by their
 * author or a whole-mission coordinator, and encrypted at rest.
 */
for (const backend of await backends()) {
  describe(`monitoring: messages to observers (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let obsC: TestUser;
    let obsN: TestUser;
    let w: MissionWorld;
    let toAll = '';
    let toNaryn = '';

    const send = (u: TestUser, body: unknown) =>
      u.client.post<{ id: string; recipients: number } & Err>(
        `/api/monitoring/missions/${w.missionId}/messages`,
        body,
      );
    const list = async (u: TestUser) =>
      (await u.client.get<{ items: Msg[] }>(`/api/monitoring/missions/${w.missionId}/messages`)).body.items;
    const inbox = async (u: TestUser) =>
      (await u.client.get<{ items: FieldMsg[] }>('/api/monitoring/messages')).body.items;
    const stored = async () => (await t.ctx.db.selectFrom('mission_messages').selectAll().execute()).length;

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      obsC = await addUser(t, admin, 'monitor');
      obsN = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obsC.id]);
      await assign(admin, w.sites.N1!, [obsN.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: chuy.id, region: 'KG-C' }],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
    });
    after(async () => t?.close());

    test('to everybody and to one region: each observer receives exactly what is addressed to them', async () => {
      const a = await send(admin, {
        text: 'Голосование продлено до 21:00.\nОтправьте чек-лист подсчёта.',
        region: null,
      });
      assert.equal(a.status, 201, JSON.stringify(a.body));
      toAll = a.body.id;
      const n = await send(admin, { text: 'Нарын: дорога на участок 3 закрыта', region: 'KG-N' });
      assert.equal(n.status, 201, JSON.stringify(n.body));
      toNaryn = n.body.id;
      // The sender is told how many observers it reaches: everybody (two), Naryn's one.
      assert.deepEqual([a.body.recipients, n.body.recipients], [2, 1]);

      const c = await inbox(obsC);
      assert.deepEqual(
        c.map((m) => m.id),
        [toAll],
      );
      assert.equal(c[0]!.text, 'Голосование продлено до 21:00.\nОтправьте чек-лист подсчёта.');
      assert.equal(c[0]!.missionTitle, 'Test election');
      assert.equal(c[0]!.read, false);
      const nn = await inbox(obsN);
      assert.deepEqual(
        nn.map((m) => m.id),
        [toNaryn, toAll],
        'newest first',
      );

      // At rest the text is ciphertext; the audit names the message and region, never the text.
      const rows = await t.ctx.db.selectFrom('mission_messages').select(['body_enc']).execute();
      for (const r of rows) assert.doesNotMatch(r.body_enc, /Нарын|Голосование/);
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'monitoring.message_send')
        .execute();
      assert.equal(audit.length, 2);
      assert.doesNotMatch(JSON.stringify(audit), /Нарын|Голосование/);
    });

    test('"Got it" is counted once per observer, only for messages addressed to them', async () => {
      const r = await obsC.client.post<{ read: number }>('/api/monitoring/messages/read', {
        ids: [toAll, toNaryn],
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.read, 1, 'the Naryn message is not theirs');
      const again = await obsC.client.post<{ read: number }>('/api/monitoring/messages/read', {
        ids: [toAll],
      });
      assert.equal(again.status, 200);
      assert.equal((await inbox(obsC))[0]!.read, true);
      const byId = new Map((await list(admin)).map((m) => [m.id, m]));
      assert.deepEqual([byId.get(toAll)!.read, byId.get(toAll)!.recipients], [1, 2]);
      assert.deepEqual([byId.get(toNaryn)!.read, byId.get(toNaryn)!.recipients], [0, 1]);
      const bad = await obsC.client.post<Err>('/api/monitoring/messages/read', { ids: ['nope'] });
      assert.equal(bad.status, 400);
    });

    test('a region coordinator addresses only their region, in their language, and withdraws only their own', async () => {
      const before = await stored();
      const all = await send(chuy, { text: 'Всем', region: null });
      assert.equal(all.status, 403, JSON.stringify(all.body));
      assert.equal(all.body.error.code, 'messages.region_not_yours');
      assert.match(all.body.error.message, /только часть регионов/);
      const other = await send(chuy, { text: 'Нарыну', region: 'KG-N' });
      assert.equal(other.status, 403);
      assert.equal(await stored(), before, 'nothing stored');

      const own = await send(chuy, { text: 'Чуй: проверьте урны', region: 'KG-C' });
      assert.equal(own.status, 201);
      const seen = await list(chuy);
      assert.deepEqual(
        seen.map((m) => m.id).sort(),
        [own.body.id, toAll].sort(),
        'the whole-mission message and their own; not Naryn',
      );
      assert.equal(seen.find((m) => m.id === toAll)!.canWithdraw, false);
      assert.equal(seen.find((m) => m.id === own.body.id)!.canWithdraw, true);
      const notTheirs = await chuy.client.post<Err>(`/api/monitoring/messages/${toAll}/withdraw`);
      assert.equal(notTheirs.status, 403);
      const outside = await chuy.client.post<Err>(`/api/monitoring/messages/${toNaryn}/withdraw`);
      assert.equal(outside.status, 404);
      assert.equal(outside.body.error.code, 'messages.not_found');

      assert.ok((await inbox(obsC)).some((m) => m.id === own.body.id));
      const wd = await chuy.client.post(`/api/monitoring/messages/${own.body.id}/withdraw`);
      assert.equal(wd.status, 200);
      assert.ok(!(await inbox(obsC)).some((m) => m.id === own.body.id), 'the phone no longer receives it');
      const after = (await list(chuy)).find((m) => m.id === own.body.id)!;
      assert.ok(after.withdrawnAt);
      assert.equal(after.canWithdraw, false);
      const audits = await t.ctx.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'monitoring.message_withdraw')
        .execute();
      assert.equal(audits.length, 1);
    });

    test('observers neither read the list nor send', async () => {
      const r = await obsC.client.get<Err>(`/api/monitoring/missions/${w.missionId}/messages`);
      assert.equal(r.status, 403);
      const s = await send(obsC, { text: 'x', region: null });
      assert.equal(s.status, 403);
    });

    test('bad input: a clear 400 naming the field, nothing stored', async () => {
      const before = await stored();
      for (const [body, field] of [
        [{ text: '   ', region: null }, 'text'],
        [{ text: 'x'.repeat(1001), region: null }, 'text'],
        [{ text: 'ok', region: 'KG-X' }, 'region'],
        [{ text: 'ok' }, 'region'],
        [{ text: 'ok', region: null, extra: 1 }, 'extra'],
      ] as const) {
        const r = await send(admin, body);
        assert.equal(r.status, 400, JSON.stringify(body));
        assert.equal(r.body.error.code, 'validation.failed');
        const named = r.body.error.fields!.find((f) => f.path === field);
        assert.ok(named, `${field} named: ${JSON.stringify(r.body.error.fields)}`);
        // In the administrator's language, Kyrgyz (setupAdmin).
        assert.match(named.message, /[а-яөүң]{3}/i, named.message);
      }
      assert.equal(await stored(), before);
    });

    test('an observer taken off the mission stops receiving; a closed mission sends nothing', async () => {
      await assign(admin, w.sites.C1!, []);
      assert.deepEqual(await inbox(obsC), []);
      const m = (await list(admin)).find((x) => x.id === toAll)!;
      assert.deepEqual([m.read, m.recipients], [0, 1], 'the one who left is counted out of both');

      const closed = await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, {
        status: 'closed',
      });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      assert.deepEqual(await inbox(obsN), [], 'phones keep only active missions');
      const before = await stored();
      const r = await send(admin, { text: 'late', region: null });
      assert.equal(r.status, 409);
      assert.equal(r.body.error.code, 'messages.mission_closed');
      assert.equal(await stored(), before);
    });

    test('a message to a region nobody observes in is sent, and the sender is told it reaches nobody yet', async () => {
      // A mission of its own (this one is closed by now).
      const other = await missionWorld(t.ctx, admin);
      const b = await admin.client.post<{ recipients: number }>(
        `/api/monitoring/missions/${other.missionId}/messages`,
        { text: 'Баткен: участки открываются в 8:00', region: 'KG-B' },
      );
      assert.equal(b.status, 201, JSON.stringify(b.body));
      assert.equal(b.body.recipients, 0);
    });
  });
}
