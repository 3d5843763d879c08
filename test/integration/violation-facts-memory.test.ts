import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { changesSince, cursorNow, logFactChanges } from '../../src/server/modules/violations/facts.log.ts';
import { rebuildViolationFacts } from '../../src/server/modules/violations/facts.store.ts';
import { filteredEvents } from '../../src/server/modules/violations/violations.repo.ts';
import { computeStats, specsOf } from '../../src/server/modules/violations/stats.service.ts';
import { createLogger } from '../../src/server/platform/logger.ts';
import { closeContext, createContext } from '../../src/server/runtime.ts';
import type { AppContext } from '../../src/server/platform/context.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { actorOf, ensureVioTerms, VC } from '../helpers/violations.ts';

// The statistics engine in memory (ADR 0016) learns of changes from the facts' change log. These
// tests hold the log to its promise: a reader never misses a committed change, also when PostgreSQL
// commits transactions out of their order, and a second app node on the same database counts what
// the first one wrote.

for (const backend of await backends()) {
  describe(`violations: statistics in memory follow the change log (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let doc: TestUser;
    const actor = actorOf;
    before(async () => {
      t = await startTestApp(backend);
      await ensureVioTerms(t.ctx);
      admin = await setupAdmin(t);
      doc = await addUser(t, admin, 'documenter');
    });
    after(async () => t.close());

    test('the cursor reads each committed change, and a rebuild says "everything"', async () => {
      const c0 = await cursorNow(t.ctx.db);
      await t.ctx.db.transaction().execute((tx) => logFactChanges(tx, ['ev-a', 'ev-b']));
      // PostgreSQL may answer more than asked (entries of transactions that were open anywhere on the
      // server at the last read), never less: the assertions look at these entries only.
      const mine = (ids: string[]) => ids.filter((x) => x.startsWith('ev-')).sort();
      const r1 = await changesSince(t.ctx.db, c0);
      assert.deepEqual(mine(r1.ids), ['ev-a', 'ev-b']);
      const r2 = await changesSince(t.ctx.db, r1.next);
      assert.deepEqual(mine(r2.ids), [], 'nothing is read twice once its writer has ended');
      await rebuildViolationFacts(t.ctx.db);
      assert.ok((await changesSince(t.ctx.db, r2.next)).ids.includes('*'));
    });

    if (backend === 'postgres')
      test('a transaction that commits after a later one is still read (PostgreSQL)', async () => {
        const db = t.ctx.db;
        const c0 = await cursorNow(db);
        let release!: () => void;
        const gate = new Promise<void>((r) => (release = r));
        let written!: () => void;
        const wrote = new Promise<void>((r) => (written = r));
        const slow = db.transaction().execute(async (tx) => {
          await logFactChanges(tx, ['ev-slow']);
          written();
          await gate;
        });
        await wrote;
        await db.transaction().execute((tx) => logFactChanges(tx, ['ev-fast']));
        const mine = (ids: string[]) => ids.filter((x) => x.startsWith('ev-'));
        const r1 = await changesSince(db, c0);
        assert.deepEqual(mine(r1.ids), ['ev-fast'], 'the open transaction is not visible yet');
        release();
        await slow;
        const r2 = await changesSince(db, r1.next);
        assert.deepEqual(mine(r2.ids), ['ev-slow'], 'committed later with an earlier seq: read now, once');
      });

    async function stats(ctx: AppContext) {
      const specs = specsOf({ by: ['actType', 'region'] });
      const fast = await computeStats(ctx, { actor: actor(doc) }, {}, specs, 'en');
      const ref = await computeStats(ctx, { actor: actor(doc), live: true }, {}, specs, 'en');
      assert.deepEqual(fast, ref);
      return fast;
    }

    test('the list under two filters shows the newest events first, as the tables order them', async () => {
      const person = await doc.client.post<{ id: string }>('/api/people', { names: [{ full: 'Тизме' }] });
      assert.equal(person.status, 201);
      const made: string[] = [];
      for (const title of ['first', 'second', 'third']) {
        const ev = await doc.client.post<{ id: string }>('/api/violations/events', {
          title,
          startDate: '2014-02-01',
          region: 'KG-T',
        });
        assert.equal(ev.status, 201);
        made.push(ev.body.id);
        const act = await doc.client.post(`/api/violations/events/${ev.body.id}/acts`, {
          victimId: person.body.id,
          actType: VC.actB,
        });
        assert.equal(act.status, 201);
      }
      // Edits in turn: each is read again from the log and listed again under its region, so the
      // region's candidates hold repeats that must count once.
      for (const id of [made[0], made[1], made[0], made[2], made[1]]) {
        const r = await doc.client.patch(`/api/violations/events/${id}`, { title: `edited ${id}` });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        await stats(t.ctx);
      }
      // The date is no posting list: the region's list drives the walk.
      const byRegion = await doc.client.get<{ total: number }>(
        `/api/violations/events?${new URLSearchParams({ region: 'KG-T', from: '2014' }).toString()}`,
      );
      assert.equal(byRegion.body.total, 3);
      const counted = await computeStats(
        t.ctx,
        { actor: actor(doc) },
        { region: 'KG-T', from: '2014' },
        specsOf({ by: ['region'] }),
        'en',
      );
      assert.equal(counted.events, 3);
      const f = { region: 'KG-T', actType: VC.actB };
      const r = await doc.client.get<{ total: number; items: { id: string }[] }>(
        `/api/violations/events?${new URLSearchParams(f).toString()}`,
      );
      assert.equal(r.status, 200);
      const live = await filteredEvents(t.ctx.db, actor(doc), f)
        .select('e.id')
        .orderBy('e.id', 'desc')
        .execute();
      assert.equal(live.length, 3);
      assert.equal(r.body.total, 3);
      assert.deepEqual(
        r.body.items.map((i) => i.id),
        live.map((x) => x.id),
      );
    });

    test('a second app node on the same database counts what the first one wrote', async () => {
      // SQLite is one node by design (one writer process); the second context shares its file here
      // only to exercise the same path.
      const nodeB = await createContext(t.ctx.config, createLogger('silent'));
      try {
        const before = await stats(nodeB);
        const person = await doc.client.post<{ id: string }>('/api/people', {
          names: [{ full: 'Эки түйүн' }],
        });
        assert.equal(person.status, 201);
        const ev = await doc.client.post<{ id: string }>('/api/violations/events', {
          title: 'Node A writes',
          startDate: '2012-04-01',
          region: 'KG-N',
        });
        assert.equal(ev.status, 201);
        const act = await doc.client.post<{ id: string }>(`/api/violations/events/${ev.body.id}/acts`, {
          victimId: person.body.id,
          actType: VC.actA,
        });
        assert.equal(act.status, 201);
        const mid = await stats(nodeB);
        assert.equal(mid.events, before.events + 1);
        assert.equal(mid.acts, before.acts + 1);
        assert.equal(mid.victims, before.victims + 1);
        const del = await doc.client.delete(`/api/violations/acts/${act.body.id}`);
        assert.equal(del.status, 200, JSON.stringify(del.body));
        const end = await stats(nodeB);
        assert.equal(end.acts, before.acts);
        assert.equal(end.events, before.events + 1, 'the event stays, without acts');
      } finally {
        await closeContext(nodeB);
      }
    });
    test('a grant or removal on a restricted event counts at once, on every node', async () => {
      // Who may see a restricted event is held in memory beside the facts and read from the same log:
      // a removed member must stop counting it with the next request, on any node.
      const other = await addUser(t, admin, 'documenter');
      const nodeB = await createContext(t.ctx.config, createLogger('silent'));
      const seen = async (ctx: AppContext, q: Record<string, string>) => {
        const specs = specsOf({ by: ['region'] });
        const a = { actor: actor(other) };
        const fast = await computeStats(ctx, a, q, specs, 'en');
        assert.deepEqual(fast, await computeStats(ctx, { ...a, live: true }, q, specs, 'en'));
        const list = await other.client.get<{ total: number }>(
          `/api/violations/events?${new URLSearchParams({ ...q, violationStatus: VC.top })}`,
        );
        assert.equal(list.status, 200);
        return { stats: fast.events, list: list.body.total };
      };
      try {
        const q = { region: 'KG-T' };
        const before = await seen(nodeB, q);
        const ev = await doc.client.post<{ id: string }>('/api/violations/events', {
          title: 'Жабык окуя',
          region: 'KG-T',
          violationStatus: VC.top,
          restricted: true,
        });
        assert.equal(ev.status, 201);
        assert.deepEqual(await seen(nodeB, q), before, 'an outsider does not count it');
        const put = await doc.client.put(`/api/violations/events/${ev.body.id}/members`, {
          userId: other.id,
          role: 'grant',
        });
        assert.equal(put.status, 200, JSON.stringify(put.body));
        assert.deepEqual(await seen(nodeB, q), { stats: before.stats + 1, list: before.list + 1 });
        const del = await doc.client.delete(`/api/violations/events/${ev.body.id}/members/${other.id}`);
        assert.equal(del.status, 200, JSON.stringify(del.body));
        assert.deepEqual(await seen(nodeB, q), before, 'removed: not counted any more');
        assert.deepEqual(await seen(t.ctx, q), before);
      } finally {
        await closeContext(nodeB);
      }
    });
  });
}
