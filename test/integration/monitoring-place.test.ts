import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { districtsOf } from '../../src/core/geo/regions.ts';
import KY from '../../src/core/i18n/locales/ky/errors.json' with { type: 'json' };
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import {
  assign,
  goodAnswers,
  missionWorld,
  sendPublicReport,
  submission,
  type MissionWorld,
  useTestPublicForm,
} from '../helpers/monitoring.ts';

type Err = { error: { code: string; message: string; fields?: { path: string }[] } };
type View = {
  placeRegions: string[];
  region: string | null;
  district: string | null;
  flags: { geolocate: boolean };
  history: { action: string; refId: string | null; userId: string | null }[];
};

process.env.UKUK_PUBLIC_POW_BITS = '4';
process.env.UKUK_PUBLIC_MIN_FILL_MS = '0';
process.env.UKUK_PUBLIC_ANSWER_MS = '0';
process.env.UKUK_PUBLIC_RATE_IP_HOUR = '1000';
process.env.UKUK_PUBLIC_RATE_GLOBAL_MINUTE = '1000';

const S = '/api/monitoring/submissions';
const [CHUY_DISTRICT, NARYN_DISTRICT] = [districtsOf('KG-C')[0]!.id, districtsOf('KG-N')[0]!.id];

/**
 * Geolocating a report (review.place.ts): a public report that came without a region is placed by a
 * coordinator of the whole mission, which hands it to the region's coordinator; a region coordinator
 * places only inside their regions; an observer's report keeps its site's place; every bad place is
 * refused at its field, in the reader's language, and changes nothing.
 */
for (const backend of await backends()) {
  describe(`monitoring: placing a report (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let whole: TestUser;
    let chuy: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    let [lost, observed] = ['', ''];

    async function publicReport(): Promise<string> {
      const id = await sendPublicReport(t);
      const row = await t.ctx.db
        .selectFrom('submissions')
        .select(['region', 'flag_geolocate'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.region, null, 'the test form asks no place');
      assert.equal(row.flag_geolocate, 1, 'a report that says nowhere where waits to be placed');
      return id;
    }
    const place = (u: TestUser, id: string, body: object) =>
      u.client.put<View & Err>(`${S}/${id}/place`, body);
    const row = (id: string) =>
      t.ctx.db
        .selectFrom('submissions')
        .select(['region', 'district', 'flag_geolocate', 'updated_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const placings = async () =>
      (
        await t.ctx.db
          .selectFrom('audit_log')
          .select('details')
          .where('action', '=', 'monitoring.submission_place')
          .execute()
      ).map((a) => String(a.details));

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      whole = await addUser(t, admin, 'coordinator');
      chuy = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      await useTestPublicForm(t.ctx);
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: whole.id, region: null },
          { userId: chuy.id, region: 'KG-C' },
        ],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      const on = await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, { publicReports: true });
      assert.equal(on.status, 200, JSON.stringify(on.body));
      lost = await publicReport();
      const o = await obs.client.post<{ id: string }>(S, submission(w, 'C1', goodAnswers()));
      assert.equal(o.status, 201, JSON.stringify(o.body));
      observed = o.body.id;
    });
    after(async () => t?.close());

    test('bad places are refused at their field, in Kyrgyz, and change nothing', async () => {
      assert.equal((await whole.client.patch('/api/me', { locale: 'ky' })).status, 200);
      const was = await row(lost);
      const cases: [string, object, number, string, string][] = [
        [lost, { region: 'KG-X', district: null }, 400, 'submissions.place_region', 'region'],
        [lost, { region: 'KG-C', district: NARYN_DISTRICT }, 400, 'submissions.place_district', 'district'],
        [lost, { region: 'KG-C', district: 'Аламүдүн' }, 400, 'submissions.place_district', 'district'],
        [observed, { region: 'KG-N' }, 409, 'submissions.place_has_site', 'region'],
      ];
      for (const [id, body, status, code, field] of cases) {
        const r = await place(whole, id, body);
        assert.equal(r.status, status, `${JSON.stringify(body)}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.error.code, code);
        const key = code.split('.')[1]!;
        assert.equal(r.body.error.message, (KY.submissions as Record<string, string>)[key], 'in Kyrgyz');
        assert.ok(
          r.body.error.fields?.some((f) => f.path.endsWith(field)),
          code,
        );
      }
      const junk = await place(whole, lost, { region: 'KG-C', gps: [42.8, 74.6] });
      assert.equal(junk.status, 400);
      assert.equal(junk.body.error.code, 'validation.failed');
      assert.deepEqual(await row(lost), was);
      assert.equal((await row(observed)).region, 'KG-C');
      assert.deepEqual(await placings(), []);
      // Seeing the report is not reviewing it: the observer is refused, the other region's coordinator
      // does not even learn that it exists.
      assert.equal((await place(obs, observed, { region: 'KG-C' })).status, 403);
      assert.equal((await place(chuy, lost, { region: 'KG-C' })).status, 404);
    });

    test('a coordinator of the whole mission places a public report: its region’s coordinator has it now', async () => {
      assert.equal((await whole.client.get<View>(`${S}/${lost}`)).body.flags.geolocate, true);
      assert.equal((await chuy.client.get(`${S}/${lost}`)).status, 404);
      const r = await place(whole, lost, { region: 'KG-C', district: CHUY_DISTRICT });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual([r.body.region, r.body.district], ['KG-C', CHUY_DISTRICT]);
      assert.equal(r.body.flags.geolocate, false, 'placing it answers "needs a location"');
      const last = r.body.history.at(-1)!;
      assert.deepEqual([last.action, last.refId, last.userId], ['place', CHUY_DISTRICT, whole.id]);
      const audit = await placings();
      assert.equal(audit.length, 1);
      assert.match(audit[0]!, /"fromRegion":null/);
      assert.match(audit[0]!, new RegExp(`"district":"${CHUY_DISTRICT}"`));
      // The Chüy coordinator sees it now, in their queue, and filtered by their region.
      const seen = await chuy.client.get<View>(`${S}/${lost}`);
      assert.equal(seen.status, 200);
      // The page offers the places each may choose: the region coordinator, their region only.
      assert.deepEqual(seen.body.placeRegions, ['KG-C']);
      assert.equal(r.body.placeRegions.length, 9);
      assert.deepEqual((await whole.client.get<View>(`${S}/${observed}`)).body.placeRegions, []);
      assert.deepEqual((await obs.client.get<View>(`${S}/${observed}`)).body.placeRegions, []);
      const list = await chuy.client.get<{ items: { id: string }[] }>(`${S}?region=KG-C`);
      assert.ok(list.body.items.some((i) => i.id === lost));
      // The same place again writes nothing.
      const again = await place(whole, lost, { region: 'KG-C', district: CHUY_DISTRICT });
      assert.equal(again.status, 200);
      assert.equal((await placings()).length, 1);
    });

    test('a region coordinator places inside their region only; a lock held by another refuses', async () => {
      const out = await place(chuy, lost, { region: 'KG-N', district: null });
      assert.equal(out.status, 400, JSON.stringify(out.body));
      assert.equal(out.body.error.code, 'submissions.place_not_yours');
      assert.equal((await row(lost)).region, 'KG-C');
      // Within their region: the district is taken back to "not known".
      const inside = await place(chuy, lost, { region: 'KG-C', district: null });
      assert.equal(inside.status, 200, JSON.stringify(inside.body));
      assert.equal(inside.body.district, null);
      assert.equal(inside.body.history.at(-1)!.refId, 'KG-C');
      // While the coordinator of the whole mission holds the lock, the region coordinator waits.
      assert.equal((await whole.client.post(`${S}/${lost}/lock`, {})).status, 200);
      const locked = await place(chuy, lost, { region: 'KG-C', district: CHUY_DISTRICT });
      assert.equal(locked.status, 409);
      assert.equal(locked.body.error.code, 'submissions.locked');
      assert.equal((await row(lost)).district, null);
      assert.equal((await whole.client.delete(`${S}/${lost}/lock`)).status, 200);
      // Sent to Naryn by the whole mission's coordinator, it leaves the Chüy coordinator's sight.
      const away = await place(whole, lost, { region: 'KG-N', district: NARYN_DISTRICT });
      assert.equal(away.status, 200, JSON.stringify(away.body));
      assert.equal((await chuy.client.get(`${S}/${lost}`)).status, 404);
      assert.equal((await placings()).length, 3);
    });
  });
}
