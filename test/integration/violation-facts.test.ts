import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rebuildViolationFacts } from '../../src/server/modules/violations/facts.store.ts';
import { computeStats, specsOf } from '../../src/server/modules/violations/stats.service.ts';
import { filteredEvents, type EventFilter } from '../../src/server/modules/violations/violations.repo.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { actorOf, ensureVioTerms, VC } from '../helpers/violations.ts';

// The event list's facets and the statistics read derived tables kept by every write (ADR 0011).
// Every input is changed here through the API; after each change, the answers of the API equal the
// live reference queries (the old definitions, kept in stats.repo.ts / filteredEvents), for several
// filters and units, and the stored facts equal a rebuild from scratch. Restricted events never
// show in an outsider's figures.

type Facets = { region: Row[]; violationStatus: Row[]; actType: Row[] };
type Row = { code: string; count: number };
type List = { total: number; facets: Facets; items: { id: string }[] };

const FILTERS: EventFilter[] = [
  {},
  { region: 'KG-O' },
  { actType: VC.actA },
  { perpetratorType: VC.top },
  { reliability: VC.second },
  { violationStatus: VC.top },
  { from: '2010', to: '2011-06' },
  { region: 'KG-O', actType: VC.actB },
  { actType: VC.actA, perpetratorType: VC.top, from: '2010' },
  { region: 'KG-C', district: '1091691655' },
  { violationStatus: VC.top, reliability: VC.second },
  { region: 'KG-O', from: '2010', to: '2010' },
];
const qs = (f: EventFilter) =>
  new URLSearchParams(Object.entries(f).filter(([, v]) => v !== undefined) as [string, string][]).toString();
const sortRows = (rows: Row[]) => [...rows].sort((a, b) => a.code.localeCompare(b.code));

for (const backend of await backends()) {
  describe(`violations: list facets and statistics kept by every write (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let doc: TestUser;
    let outsider: TestUser;
    const actor = actorOf;
    before(async () => {
      t = await startTestApp(backend);
      await ensureVioTerms(t.ctx);
      admin = await setupAdmin(t);
      doc = await addUser(t, admin, 'documenter');
      outsider = await addUser(t, admin, 'documenter');
    });
    after(async () => t.close());

    /** Facets from the live tables, as the list counted them before the derived tables. */
    async function liveFacets(u: TestUser, f: EventFilter) {
      const count = async (g: EventFilter) =>
        Number(
          (
            await filteredEvents(t.ctx.db, actor(u), g)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirst()
          )?.n ?? 0,
        );
      const group = async (g: EventFilter, col: 'e.region' | 'e.violation_status') =>
        (
          await filteredEvents(t.ctx.db, actor(u), g)
            .select([col, (eb) => eb.fn.countAll<number>().as('n')])
            .groupBy(col)
            .execute()
        )
          .map((r) => ({
            code: (r as Record<string, unknown>)[col.slice(2)] as string | null,
            count: Number(r.n),
          }))
          .filter((r): r is Row => r.code !== null);
      const acts = (
        await filteredEvents(t.ctx.db, actor(u), { ...f, actType: undefined })
          .innerJoin('vio_acts as xa', 'xa.event_id', 'e.id')
          .select(['xa.act_type as code', (eb) => eb.fn.count<number>('e.id').distinct().as('n')])
          .groupBy('xa.act_type')
          .execute()
      ).map((r) => ({ code: r.code, count: Number(r.n) }));
      // The first page: newest event id first, as the list orders it.
      const ids = (
        await filteredEvents(t.ctx.db, actor(u), f).select('e.id').orderBy('e.id', 'desc').limit(50).execute()
      ).map((r) => r.id);
      return {
        ids,
        total: await count(f),
        region: sortRows(await group({ ...f, region: undefined }, 'e.region')),
        violationStatus: sortRows(await group({ ...f, violationStatus: undefined }, 'e.violation_status')),
        actType: sortRows(acts),
      };
    }

    /** For each filter: the API's list facets and statistics equal the live reference. */
    async function consistent(u: TestUser, label: string) {
      for (const f of FILTERS) {
        const r = await u.client.get<List>(`/api/violations/events?${qs(f)}`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        const live = await liveFacets(u, f);
        assert.deepEqual(
          {
            ids: r.body.items.map((i) => i.id),
            total: r.body.total,
            region: sortRows(r.body.facets.region),
            violationStatus: sortRows(r.body.facets.violationStatus),
            actType: sortRows(r.body.facets.actType),
          },
          live,
          `${label}: facets ${qs(f)}`,
        );
        for (const q of [
          { by: ['actType', 'right', 'perpetratorType', 'region', 'district', 'period'] as const },
          {
            by: ['actType', 'region', 'period', 'sex'] as const,
            unit: 'acts' as const,
            period: 'month' as const,
          },
          { by: ['actType', 'perpetratorType', 'right', 'district'] as const, unit: 'events' as const },
          { by: ['actType', 'vulnerability', 'ageGroup'] as const, unit: 'victims' as const, level: 1 },
          { by: ['actType'] as const, unit: 'acts' as const, level: 1 },
        ]) {
          const specs = specsOf({ ...q, by: [...q.by] });
          const fast = await computeStats(t.ctx, { actor: actor(u) }, f, specs, 'en');
          const ref = await computeStats(t.ctx, { actor: actor(u), live: true }, f, specs, 'en');
          assert.deepEqual(fast, ref, `${label}: stats ${qs(f)} ${JSON.stringify(q)}`);
        }
      }
      // The facts kept by the writes equal a rebuild from scratch.
      const snapshot = async () => ({
        events: (await t.ctx.db.selectFrom('vio_fact_events').selectAll().orderBy('event_id').execute()).map(
          (e) => JSON.stringify(e),
        ),
        tags: (
          await t.ctx.db.selectFrom('vio_fact_tags').selectAll().orderBy('tag').orderBy('event_id').execute()
        ).map((x) => `${x.tag}|${x.event_id}`),
      });
      const kept = await snapshot();
      await rebuildViolationFacts(t.ctx.db);
      assert.deepEqual(kept, await snapshot(), `${label}: kept facts equal a rebuild`);
    }

    async function person(extra: Record<string, unknown> = {}): Promise<string> {
      const r = await doc.client.post<{ id: string }>('/api/people', {
        names: [{ full: `Факт ${Math.random().toString(36).slice(2, 8)}` }],
        ...extra,
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    }
    async function ok(p: Promise<{ status: number; body: unknown }>, status = 200) {
      const r = await p;
      assert.equal(r.status, status, JSON.stringify(r.body));
      return r.body as { id: string };
    }

    test('every write keeps the facets and statistics equal to the live reference', async () => {
      const v1 = await person({ sex: 'female', ageGroup: 'adult_18_29', vulnerabilities: ['woman'] });
      const v2 = await person({ sex: 'male' });
      const perp = await person();
      const e1 = (
        await ok(
          doc.client.post('/api/violations/events', {
            title: 'Окуя 1',
            startDate: '2010-03-05',
            region: 'KG-O',
            violationStatus: VC.top,
          }),
          201,
        )
      ).id;
      const a1 = (
        await ok(
          doc.client.post(`/api/violations/events/${e1}/acts`, { victimId: v1, actType: VC.actA }),
          201,
        )
      ).id;
      await consistent(doc, 'event and act');
      const a2 = (
        await ok(
          doc.client.post(`/api/violations/events/${e1}/acts`, {
            victimId: v2,
            actType: VC.actB,
            rights: [{ scheme: 'esf_rights_typology', code: VC.top }],
          }),
          201,
        )
      ).id;
      await ok(
        doc.client.post(`/api/violations/acts/${a2}/involvements`, {
          perpetratorId: perp,
          perpetratorType: VC.top,
        }),
        201,
      );
      await ok(doc.client.post(`/api/violations/events/${e1}/information`, { reliability: VC.second }), 201);
      const e2 = (
        await ok(
          doc.client.post('/api/violations/events', {
            title: 'Окуя 2',
            startDate: '2011',
            region: 'KG-C',
            district: '1091691655',
          }),
          201,
        )
      ).id;
      await ok(doc.client.post(`/api/violations/events/${e2}/acts`, { victimId: v1, actType: VC.actA }), 201);
      await consistent(doc, 'involvement, information, second event');
      await ok(
        doc.client.patch(`/api/violations/events/${e1}`, {
          region: 'KG-GB',
          startDate: '2011-07',
          violationStatus: VC.second,
        }),
      );
      await ok(
        doc.client.patch(`/api/violations/acts/${a1}`, {
          actType: VC.actC,
          rights: [{ scheme: 'esf_rights_typology', code: VC.second }],
        }),
      );
      await consistent(doc, 'event and act edits');
      await ok(doc.client.patch(`/api/people/${v2}`, { kind: 'group', groupSize: 12 }));
      await consistent(doc, 'victim became a group');
      await doc.client.reauth(doc.password, doc.totpSecret);
      await ok(doc.client.post(`/api/people/${v1}/merge`, { otherId: v2 }));
      await consistent(doc, 'merge');
      await ok(doc.client.delete(`/api/violations/acts/${a2}`));
      await consistent(doc, 'act deleted');
    });

    test('restricted events never enter an outsider’s facets or statistics', async () => {
      const before = await outsider.client.get<List>(`/api/violations/events?actType=${VC.actC}`);
      const beforeStats = await outsider.client.get<Record<string, unknown>>(
        '/api/violations/stats?by=actType,region,district,period',
      );
      const v = await person();
      const e = (
        await ok(
          doc.client.post('/api/violations/events', {
            title: 'Жабык',
            startDate: '2012-01-02',
            region: 'KG-N',
            restricted: true,
          }),
          201,
        )
      ).id;
      await ok(doc.client.post(`/api/violations/events/${e}/acts`, { victimId: v, actType: VC.actC }), 201);
      const after = await outsider.client.get<List>(`/api/violations/events?actType=${VC.actC}`);
      assert.deepEqual(after.body, before.body);
      const afterStats = await outsider.client.get<Record<string, unknown>>(
        '/api/violations/stats?by=actType,region,district,period',
      );
      assert.deepEqual(afterStats.body, beforeStats.body);
      for (const q of ['region=KG-N', 'from=2012&to=2012', `actType=${VC.actC}&region=KG-N`]) {
        const s = await outsider.client.get<{ events: number; acts: number; victims: number }>(
          `/api/violations/stats?${q}`,
        );
        assert.equal(s.body.events, 0, q);
        assert.equal(s.body.acts, 0, q);
      }
      // The member sees it, and both views equal the live reference.
      const mine = await doc.client.get<{ events: number }>('/api/violations/stats?region=KG-N');
      assert.equal(mine.body.events, 1);
      await consistent(doc, 'member');
      await consistent(outsider, 'outsider');
    });

    test('search: hidden matches never take the places of visible ones (rule before the limit)', async () => {
      for (let i = 0; i < 101; i++)
        await ok(
          doc.client.post('/api/violations/events', { title: `Жашырылган кубулуш ${i}`, restricted: true }),
          201,
        );
      const open = (await ok(outsider.client.post('/api/violations/events', { title: 'Ачык кубулуш' }), 201))
        .id;
      const r = await outsider.client.get<List>(`/api/violations/events?q=${encodeURIComponent('кубулуш')}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(
        r.body.items.map((x) => x.id),
        [open],
      );
      assert.equal(r.body.total, 1);
      const mine = await doc.client.get<List>(`/api/violations/events?q=${encodeURIComponent('кубулуш')}`);
      assert.equal(mine.body.total, 100, 'the member sees the best 100 of their 102 matches');
    });
  });
}
