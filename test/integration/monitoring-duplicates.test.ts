import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import KY from '../../src/core/i18n/locales/ky/errors.json' with { type: 'json' };
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type Err = { error: { code: string; message: string; fields?: { path: string }[] } };
type Brief = { id: string; site: string | null; status: string };
type View = {
  status: string;
  duplicateOf: { id: string; site: string | null; submittedAt: string | null } | null;
  duplicates: Brief[];
  history: { to: string | null; reason: string | null; refId: string | null }[];
};

const S = '/api/monitoring/submissions';

/**
 * A report rejected as the duplicate of another (review.duplicates.ts): the reviewer picks the
 * original among similar reports, the copy is listed on it, a copy's copies follow it to the
 * original, reopening unlinks it; every bad link is refused, named and translated, and changes nothing.
 */
for (const backend of await backends()) {
  describe(`monitoring: duplicates (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let obs: TestUser;
    let obs2: TestUser;
    let w: MissionWorld;
    let other: MissionWorld;
    let [a, b, c, n, x] = ['', '', '', '', ''];

    const send = async (world: MissionWorld, site: string) => {
      const r = await obs.client.post<{ id: string }>(S, submission(world, site, goodAnswers()));
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    };
    const view = async (id: string, who = admin) => (await who.client.get<View>(`${S}/${id}`)).body;
    const transitions = async () =>
      (
        await t.ctx.db
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'monitoring.submission_transition')
          .execute()
      ).length;

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      obs2 = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      other = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id, obs2.id]);
      await assign(admin, w.sites.N1!, [obs.id]);
      await assign(admin, other.sites.C1!, [obs.id]);
      await reauthed(admin);
      const co = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: chuy.id, region: 'KG-C' }],
      });
      assert.equal(co.status, 200, JSON.stringify(co.body));
      [a, b, c] = [await send(w, 'C1'), await send(w, 'C1'), await send(w, 'C1')];
      n = await send(w, 'N1');
      // The same site five days earlier: another incident.
      const early = await obs.client.post<{ id: string }>(S, {
        ...submission(w, 'C1', goodAnswers()),
        submittedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
      });
      assert.equal(early.status, 201, JSON.stringify(early.body));
      x = await send(other, 'C1');
    });
    after(async () => t.close());

    test('similar reports: the same site and kind of form within two days, only what the reviewer sees', async () => {
      const r = await chuy.client.get<{ items: Brief[] }>(`${S}/${b}/similar`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.items.map((i) => i.id).sort(), [a, c].sort());
      assert.match(r.body.items[0]!.site!, /^C1 · School 1$/);
      // Naryn is not the coordinator's region: as if it did not exist.
      assert.equal((await chuy.client.get<Err>(`${S}/${n}/similar`)).status, 404);
      assert.equal((await obs.client.get<Err>(`${S}/${b}/similar`)).status, 403);
    });

    test('bad links answer 400 naming the field, in the reader’s language, and change nothing', async () => {
      assert.equal((await chuy.client.patch('/api/me', { locale: 'ky' })).status, 200);
      const before = await transitions();
      const cases: [string, object, string][] = [
        [c, { to: 'rejected', duplicateOf: c }, 'submissions.duplicate_self'],
        [c, { to: 'rejected', duplicateOf: n }, 'submissions.duplicate_not_found'],
        [c, { to: 'rejected', duplicateOf: randomUUID() }, 'submissions.duplicate_not_found'],
        [c, { to: 'in_review', duplicateOf: a }, 'submissions.duplicate_not_rejected'],
        [c, { to: 'rejected', duplicateOf: 'not-a-uuid' }, 'validation.failed'],
      ];
      for (const [id, body, code] of cases) {
        const r = await chuy.client.post<Err>(`${S}/${id}/transition`, body);
        assert.equal(r.status, 400, `${JSON.stringify(body)}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.error.code, code);
        const [ns, key] = code.split('.') as [string, string];
        assert.equal(
          r.body.error.message,
          (KY as unknown as Record<string, Record<string, string>>)[ns]![key],
          'in Kyrgyz',
        );
        assert.ok(
          r.body.error.fields?.some((f) => f.path.endsWith('duplicateOf')),
          code,
        );
      }
      // Another mission's report, though the administrator reviews both.
      const r = await admin.client.post<Err>(`${S}/${c}/transition`, { to: 'rejected', duplicateOf: x });
      assert.equal(r.body.error.code, 'submissions.duplicate_other_mission');
      // A batch naming an original the reviewer does not review is refused whole, at the field.
      await chuy.client.reauth(chuy.password, chuy.totpSecret);
      const bulk = await chuy.client.post<Err>(`${S}/transition`, {
        ids: [c],
        to: 'rejected',
        duplicateOf: n,
      });
      assert.equal(bulk.body.error.code, 'submissions.duplicate_not_found');
      assert.equal((await view(c)).status, 'received');
      assert.equal(await transitions(), before);
    });

    test('a duplicate is rejected without a reason and listed on the report it repeats', async () => {
      const r = await chuy.client.post<View>(`${S}/${b}/transition`, { to: 'rejected', duplicateOf: a });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.status, 'rejected');
      assert.equal(r.body.duplicateOf?.id, a);
      assert.match(r.body.duplicateOf.site!, /^C1 /);
      assert.ok(r.body.duplicateOf.submittedAt);
      assert.equal(r.body.history.at(-1)!.refId, a);
      assert.deepEqual(
        (await view(a)).duplicates.map((d) => d.id),
        [b],
      );
      // A duplicate cannot be an original: the link stays one step long.
      const chain = await chuy.client.post<Err>(`${S}/${c}/transition`, { to: 'rejected', duplicateOf: b });
      assert.equal(chain.body.error.code, 'submissions.duplicate_chain');
      // Nor is it offered as one.
      const sim = await chuy.client.get<{ items: Brief[] }>(`${S}/${c}/similar`);
      assert.deepEqual(
        sim.body.items.map((i) => i.id),
        [a],
      );
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'monitoring.submission_transition')
        .where('entity_id', '=', b)
        .executeTakeFirstOrThrow();
      assert.match(String(audit.details), new RegExp(a));
    });

    test('the observer sees the rejection and, the original being their own report, its link', async () => {
      const mine = await view(b, obs);
      assert.equal(mine.status, 'rejected');
      assert.equal(mine.duplicateOf, null);
      assert.deepEqual(mine.duplicates, []);
      const refs = mine.history.flatMap((h) => (h.refId ? [[h.to, h.refId]] : []));
      assert.deepEqual(refs, [['rejected', a]]);
      assert.equal((await obs.client.get(`${S}/${a}`)).status, 200);
      // The original lists none of its copies to its observer.
      assert.deepEqual((await view(a, obs)).duplicates, []);
    });

    test('an original that becomes a duplicate hands its copies on; reopening unlinks', async () => {
      const r = await chuy.client.post<View>(`${S}/${a}/transition`, { to: 'rejected', duplicateOf: c });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual((await view(c)).duplicates.map((d) => d.id).sort(), [a, b].sort());
      assert.equal((await view(b)).duplicateOf?.id, c);
      const back = await chuy.client.post<View>(`${S}/${b}/transition`, { to: 'in_review' });
      assert.equal(back.status, 200, JSON.stringify(back.body));
      assert.equal(back.body.duplicateOf, null);
      assert.deepEqual(
        (await view(c)).duplicates.map((d) => d.id),
        [a],
      );
      // The review list counts each report's copies.
      const list = await chuy.client.get<{ items: { id: string; copies: number }[] }>(
        `${S}?missionId=${w.missionId}`,
      );
      const copies = Object.fromEntries(list.body.items.map((i) => [i.id, i.copies]));
      assert.deepEqual([copies[c], copies[a], copies[b]], [1, 0, 0]);
    });

    test('a selection is marked as copies of one report; the original in it is skipped, named', async () => {
      const [o, p, q] = [await send(w, 'C1'), await send(w, 'C1'), await send(w, 'C1')];
      const r = await chuy.client.post<{ done: string[]; skipped: { id: string; code: string }[] }>(
        `${S}/transition`,
        { ids: [p, q, o], to: 'rejected', duplicateOf: o },
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.done.sort(), [p, q].sort());
      assert.deepEqual(r.body.skipped, [{ id: o, code: 'submissions.duplicate_self' }]);
      assert.deepEqual((await view(o)).duplicates.map((d) => d.id).sort(), [p, q].sort());
      // A copy cannot be the original of a batch.
      const chain = await chuy.client.post<Err>(`${S}/transition`, {
        ids: [o],
        to: 'rejected',
        duplicateOf: p,
      });
      assert.equal(chain.body.error.code, 'submissions.duplicate_chain');
      assert.equal((await view(o)).status, 'received');
    });

    test("a copy of another observer's report tells its observer nothing of that report", async () => {
      const original = await send(w, 'C1');
      const r = await obs2.client.post<{ id: string }>(S, submission(w, 'C1', goodAnswers()));
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const theirs = r.body.id;
      const mark = await chuy.client.post<View>(`${S}/${theirs}/transition`, {
        to: 'rejected',
        duplicateOf: original,
      });
      assert.equal(mark.status, 200, JSON.stringify(mark.body));
      assert.equal(mark.body.duplicateOf?.id, original);
      const seen = await view(theirs, obs2);
      assert.equal(seen.status, 'rejected');
      assert.equal(seen.duplicateOf, null);
      assert.ok(
        seen.history.every((h) => h.refId === null),
        JSON.stringify(seen.history),
      );
      assert.ok(!JSON.stringify(seen).includes(original), 'the other report is not named anywhere');
      assert.equal((await obs2.client.get(`${S}/${original}`)).status, 404);
    });

    test('two reviewers marking two reports as copies of each other at once: one wins, no cycle', async () => {
      for (let i = 0; i < 5; i++) {
        const [x, y] = [await send(w, 'C1'), await send(w, 'C1')];
        const [r1, r2] = await Promise.all([
          chuy.client.post<Err>(`${S}/${x}/transition`, { to: 'rejected', duplicateOf: y }),
          admin.client.post<Err>(`${S}/${y}/transition`, { to: 'rejected', duplicateOf: x }),
        ]);
        assert.deepEqual(
          [r1.status, r2.status].sort(),
          [200, 400],
          `${JSON.stringify(r1.body)} ${JSON.stringify(r2.body)}`,
        );
        const lost = r1.status === 400 ? r1 : r2;
        assert.equal(lost.body.error.code, 'submissions.duplicate_chain');
        const [vx, vy] = [await view(x), await view(y)];
        assert.ok(!(vx.duplicateOf && vy.duplicateOf), 'a cycle');
      }
    });
  });
}
