import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { uuidv7 } from '../../src/core/ids.ts';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, missionWorld, type MissionWorld } from '../helpers/monitoring.ts';

type Err = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };
type Msg = { id: string; text: string; region: string | null; recipients: number; read: number };
type FieldMsg = { id: string; missionId: string; text: string; read: boolean };

/**
 * Coordinators' messages to observers (ADR 0033), seen by an attacker: who may read, send, withdraw or
 * mark read what; whether an answer tells anyone that a message or mission exists; odd input; and
 * whether the text ever leaves its ciphertext (the database, the audit, the log).
 */
for (const backend of await backends()) {
  describe(`monitoring: messages to observers, attacks (${backend})`, () => {
    let t: TestApp;
    const logs: string[] = [];
    let admin: TestUser;
    /** Coordinators of mission A: the whole of it, KG-C, KG-C (to be demoted). */
    let whole: TestUser;
    let chuy: TestUser;
    let demoted: TestUser;
    /** A coordinator of mission B only. */
    let stranger: TestUser;
    /** A coordinator by role who is only an observer in mission A (site N1). */
    let coordObs: TestUser;
    /** Observers of A: C1, C2, N1, and one on C2 to be deactivated. */
    let obsC: TestUser;
    let obsC2: TestUser;
    let obsN: TestUser;
    let leaver: TestUser;
    /** Observers of mission B and of a draft mission D. */
    let obsB: TestUser;
    let obsDraft: TestUser;
    let a: MissionWorld;
    let b: MissionWorld;
    let draftId = '';
    // Every text sent carries this marker: it must never be found outside a ciphertext.
    const MARK = `ZQX${randomUUID().replaceAll('-', '')}`;
    const m = (s: string) => `${s} ${MARK}`;
    const ids = { toAll: '', toC: '', toN: '', chuyOwn: '', inB: '', inDraft: '' };

    const send = (u: TestUser, missionId: string, body: unknown) =>
      u.client.post<{ id: string } & Err>(`/api/monitoring/missions/${missionId}/messages`, body);
    const list = (u: TestUser, missionId: string) =>
      u.client.get<{ items: Msg[] } & Err>(`/api/monitoring/missions/${missionId}/messages`);
    const inbox = (u: TestUser) => u.client.get<{ items: FieldMsg[] } & Err>('/api/monitoring/messages');
    const readIds = (u: TestUser, body: unknown) =>
      u.client.post<{ read: number } & Err>('/api/monitoring/messages/read', body);
    const withdraw = (u: TestUser, id: string) =>
      u.client.post<Err>(`/api/monitoring/messages/${id}/withdraw`);
    const stored = async () => (await t.ctx.db.selectFrom('mission_messages').select('id').execute()).length;
    const reads = async () =>
      await t.ctx.db.selectFrom('mission_message_reads').selectAll().orderBy('message_id').execute();
    const withdrawnAt = async (id: string) =>
      (
        await t.ctx.db
          .selectFrom('mission_messages')
          .select('withdrawn_at')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).withdrawn_at;
    const ok201 = async (r: Promise<{ status: number; body: { id: string } }>) => {
      const x = await r;
      assert.equal(x.status, 201, JSON.stringify(x.body));
      return x.body.id;
    };

    before(async () => {
      t = await startTestApp(backend, {}, (line) => logs.push(line));
      admin = await setupAdmin(t);
      whole = await addUser(t, admin, 'coordinator');
      chuy = await addUser(t, admin, 'coordinator');
      demoted = await addUser(t, admin, 'coordinator');
      stranger = await addUser(t, admin, 'coordinator');
      coordObs = await addUser(t, admin, 'coordinator');
      obsC = await addUser(t, admin, 'monitor');
      obsC2 = await addUser(t, admin, 'monitor');
      obsN = await addUser(t, admin, 'monitor');
      leaver = await addUser(t, admin, 'monitor');
      obsB = await addUser(t, admin, 'monitor');
      obsDraft = await addUser(t, admin, 'monitor');

      a = await missionWorld(t.ctx, admin);
      await assign(admin, a.sites.C1!, [obsC.id]);
      await assign(admin, a.sites.C2!, [obsC2.id, leaver.id]);
      await assign(admin, a.sites.N1!, [obsN.id, coordObs.id]);
      await reauthed(admin);
      const ca = await admin.client.put(`/api/monitoring/missions/${a.missionId}/coordinators`, {
        coordinators: [
          { userId: whole.id, region: null },
          { userId: chuy.id, region: 'KG-C' },
          { userId: demoted.id, region: 'KG-C' },
        ],
      });
      assert.equal(ca.status, 200, JSON.stringify(ca.body));

      b = await missionWorld(t.ctx, admin);
      await assign(admin, b.sites.C1!, [obsB.id]);
      await reauthed(admin);
      const cb = await admin.client.put(`/api/monitoring/missions/${b.missionId}/coordinators`, {
        coordinators: [{ userId: stranger.id, region: null }],
      });
      assert.equal(cb.status, 200, JSON.stringify(cb.body));

      // A draft mission with one observer.
      const d = await admin.client.post<{ id: string }>('/api/monitoring/missions', {
        kind: 'election',
        title: 'Draft election',
      });
      assert.equal(d.status, 201, JSON.stringify(d.body));
      draftId = d.body.id;
      await reauthed(admin);
      const imp = await admin.client.post(`/api/monitoring/missions/${draftId}/sites/import`, {
        csv: 'code,name,region,district,place,lat,lon\nD1,School D,KG-C,,,,\n',
      });
      assert.equal(imp.status, 200, JSON.stringify(imp.body));
      const ds = await admin.client.get<{ items: { id: string }[] }>(
        `/api/monitoring/missions/${draftId}/sites`,
      );
      await assign(admin, ds.body.items[0]!.id, [obsDraft.id]);

      ids.toAll = await ok201(send(admin, a.missionId, { text: m('to all'), region: null }));
      ids.toC = await ok201(send(admin, a.missionId, { text: m('to Chuy'), region: 'KG-C' }));
      ids.toN = await ok201(send(whole, a.missionId, { text: m('to Naryn'), region: 'KG-N' }));
      ids.chuyOwn = await ok201(send(chuy, a.missionId, { text: m('Chuy own'), region: 'KG-C' }));
      ids.inB = await ok201(send(stranger, b.missionId, { text: m('mission B'), region: null }));
      ids.inDraft = await ok201(send(admin, draftId, { text: m('draft'), region: null }));
    });
    after(async () => t?.close());

    test('a coordinator of another mission: every answer is that of a mission or message that does not exist', async () => {
      const ghost = uuidv7();
      const l = await list(stranger, a.missionId);
      const lg = await list(stranger, ghost);
      assert.deepEqual([l.status, l.body.error.code], [404, 'missions.not_found']);
      assert.deepEqual([lg.status, lg.body.error.code], [l.status, l.body.error.code]);

      const before = await stored();
      const s = await send(stranger, a.missionId, { text: m('intrusion'), region: null });
      const sg = await send(stranger, ghost, { text: m('intrusion'), region: null });
      assert.deepEqual([s.status, s.body.error.code], [404, 'missions.not_found']);
      assert.deepEqual([sg.status, sg.body.error.code], [s.status, s.body.error.code]);
      // Even a region they would "own" elsewhere: no region_not_yours that would say the mission exists.
      const sr = await send(stranger, a.missionId, { text: m('intrusion'), region: 'KG-C' });
      assert.deepEqual([sr.status, sr.body.error.code], [404, 'missions.not_found']);
      assert.equal(await stored(), before, 'nothing stored');

      for (const id of [ids.toAll, ids.toC, ids.toN]) {
        const w = await withdraw(stranger, id);
        assert.deepEqual([w.status, w.body.error.code], [404, 'messages.not_found'], id);
        assert.equal(await withdrawnAt(id), null);
      }
      const wg = await withdraw(stranger, ghost);
      assert.deepEqual([wg.status, wg.body.error.code], [404, 'messages.not_found']);
      // And the other way: mission A's whole-mission coordinator does not reach mission B.
      const wb = await withdraw(whole, ids.inB);
      assert.deepEqual([wb.status, wb.body.error.code], [404, 'messages.not_found']);
      assert.equal(await withdrawnAt(ids.inB), null);
      assert.equal((await list(whole, b.missionId)).status, 404);
    });

    test('a region coordinator: nothing of other regions is listed, withdrawn or sent; own region only', async () => {
      const l = await list(chuy, a.missionId);
      assert.equal(l.status, 200);
      assert.deepEqual(l.body.items.map((x) => x.id).sort(), [ids.toAll, ids.toC, ids.chuyOwn].sort());
      assert.ok(!JSON.stringify(l.body).includes('to Naryn'));

      // Another region's message: exactly like a missing one.
      const wn = await withdraw(chuy, ids.toN);
      const wg = await withdraw(chuy, uuidv7());
      assert.deepEqual([wn.status, wn.body.error.code], [wg.status, wg.body.error.code]);
      assert.equal(await withdrawnAt(ids.toN), null);
      // Their region's message by someone else, and the one to everybody: seen, not theirs to withdraw.
      for (const id of [ids.toC, ids.toAll]) {
        const w = await withdraw(chuy, id);
        assert.deepEqual([w.status, w.body.error.code], [403, 'auth.forbidden']);
        assert.equal(await withdrawnAt(id), null);
      }
      // A coordinator is not an addressee: their "Got it" counts nothing.
      const r = await readIds(chuy, { ids: [ids.toAll, ids.toC] });
      assert.deepEqual([r.status, r.body.read], [200, 0]);
      assert.equal((await inbox(chuy)).body.items.length, 0);
    });

    test('a region coordinator sees "read by n of m" for messages to everybody only over their own regions', async () => {
      // Mission-wide, "to all" reaches 5 observers (C1, C2 ×2, N1 ×2); Chuy (KG-C) has 3 of them. Sites,
      // summaries and tallies never tell a region coordinator how many observers other regions have.
      const l = await list(chuy, a.missionId);
      const all = l.body.items.find((x) => x.id === ids.toAll)!;
      const w = (await list(whole, a.missionId)).body.items.find((x) => x.id === ids.toAll)!;
      assert.equal(w.recipients, 5, 'the whole-mission coordinator counts everybody');
      assert.equal(
        all.recipients,
        3,
        `a KG-C coordinator is told the mission has ${all.recipients} observers in all regions`,
      );
    });

    test('observers of another mission, another region, or a draft mission receive and mark nothing', async () => {
      const nB = await inbox(obsB);
      assert.deepEqual(
        nB.body.items.map((x) => x.id),
        [ids.inB],
      );
      const nC = await inbox(obsC);
      assert.deepEqual(nC.body.items.map((x) => x.id).sort(), [ids.toAll, ids.toC, ids.chuyOwn].sort());
      assert.equal((await inbox(obsDraft)).body.items.length, 0, 'draft missions reach no phone');

      const before = await reads();
      const rB = await readIds(obsB, { ids: [ids.toAll, ids.toC, ids.toN, ids.inDraft] });
      assert.deepEqual([rB.status, rB.body.read], [200, 0]);
      const rC = await readIds(obsC, { ids: [ids.toN, ids.inB, ids.inDraft] });
      assert.deepEqual([rC.status, rC.body.read], [200, 0]);
      // Unknown ids are passed over like those of others: the count says nothing more.
      const rG = await readIds(obsC, { ids: [uuidv7(), randomUUID()] });
      assert.deepEqual([rG.status, rG.body.read], [200, 0]);
      assert.deepEqual(await reads(), before, 'no read row for any of them');
    });

    test('observers neither list, send nor withdraw: refused at the gate, the same for any id', async () => {
      for (const u of [obsC, obsB]) {
        for (const id of [ids.toAll, ids.toN, ids.inB, uuidv7()]) {
          const w = await withdraw(u, id);
          assert.deepEqual([w.status, w.body.error.code], [403, 'auth.forbidden']);
        }
        for (const mission of [a.missionId, b.missionId, uuidv7()]) {
          assert.equal((await list(u, mission)).status, 403);
          assert.equal((await send(u, mission, { text: 'x', region: null })).status, 403);
        }
      }
      assert.equal(await withdrawnAt(ids.toAll), null);
    });

    test('a coordinator who is only an observer of the mission learns no more than a stranger', async () => {
      const l = await list(coordObs, a.missionId);
      assert.deepEqual([l.status, l.body.error.code], [404, 'missions.not_found']);
      const s = await send(coordObs, a.missionId, { text: m('as observer'), region: 'KG-N' });
      assert.deepEqual([s.status, s.body.error.code], [404, 'missions.not_found']);
      // As an observer they receive Naryn's and everybody's messages on their phone.
      assert.deepEqual(
        (await inbox(coordObs)).body.items.map((x) => x.id).sort(),
        [ids.toAll, ids.toN].sort(),
      );
      const ghost = await withdraw(coordObs, uuidv7());
      assert.deepEqual([ghost.status, ghost.body.error.code], [404, 'messages.not_found']);
      // A message of the mission they observe, not addressed to them (KG-C): must answer as the ghost.
      const w = await withdraw(coordObs, ids.toC);
      assert.equal(await withdrawnAt(ids.toC), null);
      assert.deepEqual(
        [w.status, w.body.error.code],
        [ghost.status, ghost.body.error.code],
        'a different code tells that this id is a message of a mission they observe',
      );
    });

    test('a coordinator demoted to observer, or removed from the mission, loses the messages at once', async () => {
      assert.equal((await list(demoted, a.missionId)).status, 200);
      await t.ctx.db.updateTable('users').set({ role: 'monitor' }).where('id', '=', demoted.id).execute();
      const before = await stored();
      assert.equal((await list(demoted, a.missionId)).status, 403);
      assert.equal((await send(demoted, a.missionId, { text: m('x'), region: 'KG-C' })).status, 403);
      assert.equal((await withdraw(demoted, ids.toC)).status, 403);
      assert.equal((await inbox(demoted)).body.items.length, 0, 'not an observer of anything');
      assert.equal((await readIds(demoted, { ids: [ids.toC] })).body.read, 0);
      await t.ctx.db.updateTable('users').set({ role: 'viewer' }).where('id', '=', demoted.id).execute();
      assert.equal((await inbox(demoted)).status, 403);
      assert.equal((await readIds(demoted, { ids: [ids.toC] })).status, 403);

      // Back to coordinator, but no longer in the mission's coordinators: like a stranger.
      await t.ctx.db.updateTable('users').set({ role: 'coordinator' }).where('id', '=', demoted.id).execute();
      await reauthed(admin);
      const cs = await admin.client.put(`/api/monitoring/missions/${a.missionId}/coordinators`, {
        coordinators: [
          { userId: whole.id, region: null },
          { userId: chuy.id, region: 'KG-C' },
        ],
      });
      assert.equal(cs.status, 200, JSON.stringify(cs.body));
      const l = await list(demoted, a.missionId);
      assert.deepEqual([l.status, l.body.error.code], [404, 'missions.not_found']);
      const w = await withdraw(demoted, ids.toC);
      assert.deepEqual([w.status, w.body.error.code], [404, 'messages.not_found']);
      assert.equal(await stored(), before);
      assert.equal(await withdrawnAt(ids.toC), null);
    });

    test('a deactivated observer or coordinator gets nothing: 401 everywhere', async () => {
      assert.equal((await inbox(leaver)).body.items.length, 3);
      const addressedTo = async () =>
        (await list(admin, a.missionId)).body.items.find((x) => x.id === ids.toAll)!.recipients;
      const before = await addressedTo();
      for (const u of [leaver, whole]) {
        const p = await admin.client.patch(`/api/users/${u.id}`, { status: 'disabled' });
        assert.equal(p.status, 200, JSON.stringify(p.body));
      }
      assert.equal(await addressedTo(), before - 1, 'a disabled observer is no longer counted as addressed');
      assert.equal((await inbox(leaver)).status, 401);
      assert.equal((await readIds(leaver, { ids: [ids.toAll] })).status, 401);
      assert.equal((await list(whole, a.missionId)).status, 401);
      assert.equal((await send(whole, a.missionId, { text: m('x'), region: null })).status, 401);
      assert.equal((await withdraw(whole, ids.toAll)).status, 401);
      assert.equal(await withdrawnAt(ids.toAll), null);
      assert.ok(!(await reads()).some((r) => r.user_id === leaver.id));
    });

    test('"Got it": odd id lists are refused whole or counted once', async () => {
      const before = await reads();
      for (const body of [
        { ids: [] },
        { ids: Array.from({ length: 101 }, () => uuidv7()) },
        { ids: [ids.toAll.toUpperCase()] },
        { ids: [`${ids.toAll}' or '1'='1`] },
        { ids: ids.toAll },
        { ids: [ids.toAll], extra: 1 },
        { ids: [null] },
        { ids: [{ id: ids.toAll }] },
        {},
      ]) {
        const r = await readIds(obsC, body);
        assert.equal(r.status, 400, JSON.stringify(body).slice(0, 80));
        assert.equal(r.body.error.code, 'validation.failed');
      }
      assert.deepEqual(await reads(), before, 'nothing stored by a refused call');

      // 100 times the same id, and 99 unknown ones with one of theirs: one read each, once.
      const dup = await readIds(obsC, { ids: Array.from({ length: 100 }, () => ids.toAll) });
      assert.deepEqual([dup.status, dup.body.read], [200, 1]);
      const mixed = await readIds(obsC, { ids: [...Array.from({ length: 99 }, () => uuidv7()), ids.toC] });
      assert.deepEqual([mixed.status, mixed.body.read], [200, 1]);
      const mine = (await reads()).filter((r) => r.user_id === obsC.id);
      assert.deepEqual(mine.map((r) => r.message_id).sort(), [ids.toAll, ids.toC].sort());
    });

    test('odd ids in paths: a 400 before any lookup, never a database error', async () => {
      for (const bad of [
        'nope',
        ids.toAll.toUpperCase(),
        `${ids.toAll}'--`,
        '%27%20or%201%3D1--',
        '..%2F..%2Fusers',
      ]) {
        const w = await withdraw(chuy, bad);
        assert.equal(w.status, 400, bad);
        const l = await list(chuy, bad);
        assert.equal(l.status, 400, bad);
        const s = await send(chuy, bad, { text: 'x', region: 'KG-C' });
        assert.equal(s.status, 400, bad);
        for (const r of [w, l, s]) assert.doesNotMatch(JSON.stringify(r.body), /SELECT|sqlite|syntax/i);
      }
    });

    test('odd texts: controls refused, SQL stored as text, length counted after trimming, huge bodies refused', async () => {
      const before = await stored();
      for (const text of [
        `a\u0000b ${MARK}`,
        `a\u001b[31mb ${MARK}`,
        `a\u0007b ${MARK}`,
        `a\u007fb ${MARK}`,
        `a\u000bb ${MARK}`,
        ' \n\t ',
        'x'.repeat(1001),
      ]) {
        const r = await send(chuy, a.missionId, { text, region: 'KG-C' });
        assert.equal(r.status, 400, JSON.stringify(text.slice(0, 20)));
        assert.ok(r.body.error.fields!.some((f) => f.path === 'text'));
      }
      for (const body of [
        { text: 42, region: 'KG-C' },
        { text: ['a'], region: 'KG-C' },
        { text: 'a', region: 'kg-c' },
        { text: 'a', region: "KG-C' OR '1'='1" },
        { text: 'a', region: ['KG-C'] },
        { text: 'a', region: '' },
        { text: 'a', region: 'KG-C', missionId: b.missionId },
        { text: 'a', region: 'KG-C', authorId: admin.id },
      ]) {
        const r = await send(chuy, a.missionId, body);
        assert.equal(r.status, 400, JSON.stringify(body));
      }
      const huge = await send(chuy, a.missionId, { text: 'x'.repeat(3 * 1024 * 1024), region: 'KG-C' });
      assert.equal(huge.status, 413);
      assert.equal(await stored(), before, 'nothing stored');

      // SQL in the text is only text; 1,000 characters between spaces and line breaks fit.
      const inj = `'); DELETE FROM mission_messages; -- ${MARK}`;
      const id = await ok201(send(chuy, a.missionId, { text: inj, region: 'KG-C' }));
      const long = await ok201(
        send(chuy, a.missionId, { text: `  \n${'я'.repeat(1000)}\n  `, region: 'KG-C' }),
      );
      const items = (await list(chuy, a.missionId)).body.items;
      assert.equal(items.find((x) => x.id === id)!.text, inj);
      assert.equal(items.find((x) => x.id === long)!.text, 'я'.repeat(1000));
      assert.equal(await stored(), before + 2);
      for (const x of [id, long]) assert.equal((await withdraw(chuy, x)).status, 200);
    });

    test('C1 control characters (U+0080–U+009F) are refused like C0 ones', async () => {
      const before = await stored();
      for (const text of [`a\u009b31mb ${MARK}`, `a\u0085b ${MARK}`, `a\u0090b ${MARK}`]) {
        const r = await send(chuy, a.missionId, { text, region: 'KG-C' });
        assert.equal(r.status, 400, `${JSON.stringify(text)} accepted as a message`);
      }
      assert.equal(await stored(), before);
    });

    test('an observer moved to another region stops receiving the old one at once, and is counted there no more', async () => {
      await readIds(obsC2, { ids: [ids.toC] });
      const count = async () => (await list(admin, a.missionId)).body.items.find((x) => x.id === ids.toC)!;
      const was = await count();
      // The deactivated `leaver` cannot be put back on C2: the site is emptied, and both leave KG-C
      // (a disabled account was not counted among the recipients anyway).
      await assign(admin, a.sites.C2!, []);
      await assign(admin, a.sites.N1!, [obsN.id, coordObs.id, obsC2.id]);
      const got = (await inbox(obsC2)).body.items.map((x) => x.id);
      assert.deepEqual(got.sort(), [ids.toAll, ids.toN].sort());
      const r = await readIds(obsC2, { ids: [ids.toC, ids.chuyOwn] });
      assert.equal(r.body.read, 0, 'no "Got it" for a region they left');
      const now = await count();
      assert.deepEqual([now.read, now.recipients], [was.read - 1, was.recipients - 1]);
    });

    test('withdrawing: a repeat changes nothing and is not audited twice; the audit names no text', async () => {
      assert.equal((await withdraw(admin, ids.toN)).status, 200);
      assert.equal((await withdraw(admin, ids.toN)).status, 200);
      const audits = await t.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'monitoring.message_withdraw')
        .execute();
      assert.equal(audits.filter((x) => JSON.stringify(x).includes(ids.toN)).length, 1);
      assert.ok(!(await inbox(obsN)).body.items.some((x) => x.id === ids.toN));
      const before = (await list(admin, a.missionId)).body.items.find((x) => x.id === ids.toN)!;
      assert.equal(before.text.includes('to Naryn'), true, 'coordinators still see what was withdrawn');
    });

    test('closed mission: a region coordinator is refused, and phones get nothing of it', async () => {
      const c = await admin.client.patch(`/api/monitoring/missions/${b.missionId}`, { status: 'closed' });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      const before = await stored();
      const s = await send(stranger, b.missionId, { text: m('late'), region: 'KG-C' });
      assert.deepEqual([s.status, s.body.error.code], [409, 'messages.mission_closed']);
      assert.equal(await stored(), before);
      assert.deepEqual((await inbox(obsB)).body.items, []);
    });

    test('the text is nowhere in clear: no table, no file of the data folder, no log line', async () => {
      assert.ok(MARK.length > 20);
      const tables = await t.ctx.db.introspection.getTables();
      assert.ok(tables.some((x) => x.name === 'mission_messages'));
      for (const table of tables) {
        const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(
          t.ctx.db,
        );
        const text = JSON.stringify(rows.rows, (_k, v: unknown) =>
          Buffer.isBuffer(v)
            ? v.toString('utf8')
            : v instanceof Uint8Array
              ? Buffer.from(v).toString('utf8')
              : v,
        );
        assert.ok(!text.includes(MARK), `text in clear in table ${table.name}`);
      }
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', 'in', ['monitoring.message_send', 'monitoring.message_withdraw'])
        .execute();
      assert.ok(audit.length >= 6);
      assert.doesNotMatch(JSON.stringify(audit), /to all|to Chuy|to Naryn|Chuy own|DELETE FROM/);

      const walk = (dir: string): string[] =>
        fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      const files = walk(t.ctx.config.dataDir);
      assert.ok(files.length > 0);
      for (const f of files) assert.ok(!fs.readFileSync(f).includes(MARK), `text in clear in ${f}`);

      assert.ok(logs.length > 0, 'the log was captured');
      for (const line of logs) assert.ok(!line.includes(MARK), `text in the log: ${line.slice(0, 200)}`);
    });
  });
}
