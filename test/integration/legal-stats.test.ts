import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rebuildCaseStats } from '../../src/server/modules/cases/cases.stats.facts.ts';
import { liveFigures, yearFigures } from '../../src/server/modules/cases/cases.stats.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

// The statistics of a year are read from derived counts (cases.stats.facts.ts, ADR 0009). Every input
// is changed here through the API, and after each change the counts of the built years must equal the
// figures computed from the live tables, and the answer must show the expected numbers.

type Row = { value: string; people: number };
interface Stats {
  people: number;
  victims: number;
  cases: number;
  casesOpened: number;
  casesClosed: number;
  byType: Row[];
  bySex: Row[];
  byAgeGroup: Row[];
  byRegion: Row[];
  byVulnerability: Row[];
  byOutcome: Row[];
}
const Y1 = 2016;
const Y2 = 2017;
const of = (rows: Row[], value: string) => rows.find((r) => r.value === value)?.people ?? 0;

for (const backend of await backends()) {
  describe(`legal aid: statistics kept by every write (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let lawyer: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      lawyer = await addUser(t, admin, 'lawyer');
    });
    after(async () => t.close());

    async function stats(year: number): Promise<Stats> {
      const r = await admin.client.get<Stats>(`/api/cases/stats?year=${year}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    }
    /** The derived counts of both years equal the live figures (and both years are built). */
    async function consistent(): Promise<void> {
      for (const year of [Y1, Y2]) {
        const built = await t.ctx.db
          .selectFrom('case_stat_years')
          .select('year')
          .where('year', '=', year)
          .executeTakeFirst();
        assert.ok(built, `year ${year} is built`);
        const key = (f: { dim: string; value: string; n: number }) => `${f.dim}|${f.value}|${f.n}`;
        assert.deepEqual(
          (await yearFigures(t.ctx.db, year)).map(key).sort(),
          (await liveFigures(t.ctx.db, year)).map(key).sort(),
          `year ${year}`,
        );
      }
    }
    async function person(extra: Record<string, unknown>): Promise<string> {
      const r = await lawyer.client.post<{ id: string }>('/api/people', {
        names: [{ full: `Stat ${Math.random().toString(36).slice(2, 8)}` }],
        ...extra,
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    }
    async function newCase(body: Record<string, unknown>): Promise<string> {
      const r = await lawyer.client.post<{ id: string }>('/api/cases', {
        type: 'criminal_defence',
        title: 'Дело',
        ...body,
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    }
    const ok = (r: { status: number; body: unknown }) => assert.equal(r.status, 200, JSON.stringify(r.body));

    test('every change of an input moves the figures, and the counts equal the live figures', async () => {
      // The first request builds the (empty) years.
      assert.equal((await stats(Y1)).people, 0);
      assert.equal((await stats(Y2)).people, 0);
      await consistent();

      const p1 = await person({
        sex: 'female',
        ageGroup: 'adult_18_29',
        region: 'KG-C',
        vulnerabilities: ['woman'],
      });
      const p2 = await person({ sex: 'male', ageGroup: 'adult_30_59', region: 'KG-O' });
      const p3 = await person({ sex: 'male' });
      // Case A, open from Y1 on: counts in Y1 and Y2.
      const a = await newCase({ openedOn: `${Y1}-02-01`, people: [{ personId: p1, role: 'client' }] });
      let s = await stats(Y1);
      assert.deepEqual([s.people, s.cases, s.casesOpened, s.victims], [1, 1, 1, 0]);
      assert.equal(of(s.byRegion, 'KG-C'), 1);
      assert.equal((await stats(Y2)).people, 1);
      await consistent();

      // Case B, victim representation: its client is a victim; a witness is not counted at all.
      const b = await newCase({
        type: 'victim_representation',
        openedOn: `${Y1}-03-01`,
        people: [
          { personId: p2, role: 'client' },
          { personId: p3, role: 'witness' },
        ],
      });
      s = await stats(Y1);
      assert.deepEqual([s.people, s.victims, s.cases], [2, 1, 2]);
      await consistent();

      // A victim added to case A, then removed again.
      const added = await lawyer.client.post<{ people: { id: string; personId: string; role: string }[] }>(
        `/api/cases/${a}/people`,
        { personId: p3, role: 'victim' },
      );
      ok(added);
      s = await stats(Y1);
      assert.deepEqual([s.people, s.victims], [3, 2]);
      await consistent();
      const link = added.body.people.find((x) => x.personId === p3 && x.role === 'victim')!;
      ok(await lawyer.client.delete(`/api/cases/${a}/people/${link.id}`));
      s = await stats(Y1);
      assert.deepEqual([s.people, s.victims], [2, 1]);
      await consistent();

      // The type of case A changes.
      ok(await lawyer.client.patch(`/api/cases/${a}`, { type: 'civil' }));
      s = await stats(Y1);
      assert.equal(of(s.byType, 'civil'), 1);
      assert.equal(of(s.byType, 'criminal_defence'), 0);
      await consistent();

      // Bad input changes nothing.
      const bad = await lawyer.client.post(`/api/cases/${a}/close`, {
        closingCode: 'no.such_code',
        outcomeSummary: 'x',
        closedOn: `${Y1}-06-30`,
      });
      assert.equal(bad.status, 400);
      assert.deepEqual(await stats(Y1), s);
      await consistent();

      // Case A closed in Y1: an outcome in Y1, and no longer open in Y2.
      ok(
        await lawyer.client.post(`/api/cases/${a}/close`, {
          closingCode: 'general.settled',
          outcomeSummary: 'Мировое соглашение',
          closedOn: `${Y1}-06-30`,
        }),
      );
      s = await stats(Y1);
      assert.equal(of(s.byOutcome, 'general.settled'), 1);
      assert.equal(s.casesClosed, 1);
      let s2 = await stats(Y2);
      assert.deepEqual([s2.people, s2.cases], [1, 1]);
      await consistent();

      // Reopened: open in Y2 again, no outcome.
      ok(await lawyer.client.post(`/api/cases/${a}/reopen`, { reason: 'Новые обстоятельства' }));
      s = await stats(Y1);
      assert.deepEqual([s.casesClosed, s.byOutcome.length], [0, 0]);
      s2 = await stats(Y2);
      assert.deepEqual([s2.people, s2.cases], [2, 2]);
      await consistent();

      // The person's sex, age group, region and vulnerabilities change.
      ok(
        await lawyer.client.patch(`/api/people/${p1}`, {
          sex: 'male',
          ageGroup: 'older_60',
          region: null,
          vulnerabilities: ['hrd', 'disability'],
        }),
      );
      s = await stats(Y1);
      assert.deepEqual(
        [of(s.bySex, 'female'), of(s.byAgeGroup, 'older_60'), of(s.byRegion, 'unknown')],
        [0, 1, 1],
      );
      assert.deepEqual(
        [of(s.byVulnerability, 'woman'), of(s.byVulnerability, 'hrd'), of(s.byVulnerability, 'disability')],
        [0, 1, 1],
      );
      await consistent();

      // A duplicate of p2 who is client in case A: merged, the two count once.
      const dup = await person({ sex: 'male', vulnerabilities: ['migrant'] });
      ok(await lawyer.client.post(`/api/cases/${a}/people`, { personId: dup, role: 'client' }));
      assert.equal((await stats(Y1)).people, 3);
      await consistent();
      await lawyer.client.reauth(lawyer.password, lawyer.totpSecret);
      ok(await lawyer.client.post(`/api/people/${p2}/merge`, { otherId: dup }));
      s = await stats(Y1);
      assert.equal(s.people, 2);
      assert.equal(of(s.byVulnerability, 'migrant'), 1);
      await consistent();
      assert.ok(b);
    });

    test('a rebuild and a lost derived table give the same figures; a future year is not built', async () => {
      const before1 = await stats(Y1);
      assert.deepEqual(await rebuildCaseStats(t.ctx.db, [Y1, Y2]), [Y1, Y2]);
      assert.deepEqual(await stats(Y1), before1);
      await consistent();
      // As after a restore (derived tables are not in backups): the next request builds the year again.
      for (const table of ['case_stat_counts', 'case_stat_facts', 'case_stat_years'] as const)
        await t.ctx.db.deleteFrom(table).execute();
      assert.deepEqual(await stats(Y1), before1);
      await stats(Y2);
      await consistent();
      const future = new Date().getUTCFullYear() + 2;
      const f = await stats(future);
      assert.equal(f.people, 2, 'the open cases of Y1 are still open then');
      const built = await t.ctx.db.selectFrom('case_stat_years').select('year').execute();
      assert.ok(!built.some((r) => r.year === future));
    });

    test('the figures are aggregates: no ids or names, and the year is validated', async () => {
      const r = await admin.client.get<Stats>(`/api/cases/stats?year=${Y1}`);
      assert.doesNotMatch(JSON.stringify(r.body), /[0-9a-f]{8}-[0-9a-f]{4}-/);
      assert.equal((await admin.client.get(`/api/cases/stats?year=3000`)).status, 400);
    });
  });
}
