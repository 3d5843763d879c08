import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, missionWorld, type MissionWorld } from '../helpers/monitoring.ts';

type Err = { error: { code: string } };
type Contacts = {
  items: { userId: string; name: string; phone: string | null }[];
  phones: 'shown' | 'not_appointed';
};
type Mission = { coordinators: { userId: string; region: string | null; appointed: boolean }[] };

const PHONE = '+996 (555) 71-20-93';

/**
 * Observers' phone numbers reach only coordinators an administrator stands behind (ADR 0025). Any
 * coordinator may create a mission and so coordinate all of it; before this rule they could assign any
 * observer in the country to a site of that mission and read the observer's number. Now a coordinator
 * sees numbers only through a grant an administrator made, directly or through a whole-mission
 * coordinator an administrator appointed; elsewhere they see the names and are told whom to ask.
 */
for (const backend of await backends()) {
  describe(`monitoring: phone numbers only for appointed coordinators (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let rogue: TestUser;
    let deputy: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    let own: string;
    let ownSite: string;

    const contacts = (u: TestUser, site: string) =>
      u.client.get<Contacts & Err>(`/api/monitoring/sites/${site}/contacts`);
    const setCoordinators = async (
      u: TestUser,
      mission: string,
      list: { userId: string; region: string | null }[],
    ) => {
      await reauthed(u);
      return u.client.put<Mission & Err>(`/api/monitoring/missions/${mission}/coordinators`, {
        coordinators: list,
      });
    };
    const appointed = async (u: TestUser, mission: string) =>
      Object.fromEntries(
        (await u.client.get<Mission>(`/api/monitoring/missions/${mission}`)).body.coordinators.map((c) => [
          `${c.userId}:${c.region ?? '*'}`,
          c.appointed,
        ]),
      );

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      rogue = await addUser(t, admin, 'coordinator');
      deputy = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      assert.equal((await obs.client.patch('/api/me', { phone: PHONE })).status, 200);
      // The observer works in an administrator's mission in Naryn.
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.N1!, [obs.id]);
      // The rogue coordinator makes a mission of their own and puts the observer on a site of it.
      const m = await rogue.client.post<{ id: string }>('/api/monitoring/missions', {
        kind: 'election',
        title: 'A mission of my own',
      });
      assert.equal(m.status, 201, JSON.stringify(m.body));
      own = m.body.id;
      const s = await rogue.client.post<{ id: string }>(`/api/monitoring/missions/${own}/sites`, {
        code: 'X1',
        name: 'Anywhere',
        region: 'KG-O',
      });
      assert.equal(s.status, 201, JSON.stringify(s.body));
      ownSite = s.body.id;
      const a = await rogue.client.put(`/api/monitoring/sites/${ownSite}/observers`, { userIds: [obs.id] });
      assert.equal(a.status, 200, JSON.stringify(a.body));
    });
    after(async () => t?.close());

    test('a coordinator of a mission they made themselves sees names, not numbers, and is told why', async () => {
      const r = await contacts(rogue, ownSite);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(
        r.body.items.map((c) => [c.userId, c.phone]),
        [[obs.id, null]],
      );
      assert.equal(r.body.phones, 'not_appointed');
      assert.doesNotMatch(JSON.stringify(r.body), /71-20-93/);
      const entry = await t.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'monitoring.site_contacts')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(String(entry.details)), { users: [] }, 'no number was shown');
      assert.deepEqual(await appointed(rogue, own), { [`${rogue.id}:*`]: false });
    });

    test('what an unappointed coordinator grants is unappointed too', async () => {
      const r = await setCoordinators(rogue, own, [
        { userId: rogue.id, region: null },
        { userId: deputy.id, region: 'KG-O' },
      ]);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal((await contacts(deputy, ownSite)).body.phones, 'not_appointed');
      assert.equal((await contacts(deputy, ownSite)).body.items[0]?.phone, null);
    });

    test('once an administrator appoints them, the numbers show; their own later saves keep it', async () => {
      const r = await setCoordinators(admin, own, [{ userId: rogue.id, region: null }]);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(await appointed(admin, own), { [`${rogue.id}:*`]: true });
      const c = await contacts(rogue, ownSite);
      assert.equal(c.body.phones, 'shown');
      assert.equal(c.body.items[0]?.phone, PHONE);
      // Now appointed for the whole mission, what they grant is appointed; their own row stays so.
      const again = await setCoordinators(rogue, own, [
        { userId: rogue.id, region: null },
        { userId: deputy.id, region: 'KG-O' },
      ]);
      assert.equal(again.status, 200, JSON.stringify(again.body));
      assert.deepEqual(await appointed(rogue, own), { [`${rogue.id}:*`]: true, [`${deputy.id}:KG-O`]: true });
      assert.equal((await contacts(deputy, ownSite)).body.items[0]?.phone, PHONE);
    });

    test('an appointed region coordinator sees their region only; an appointment is per grant', async () => {
      // In the administrator's mission the rogue coordinates Naryn: the numbers of Naryn's sites show.
      const co = await setCoordinators(admin, w.missionId, [{ userId: rogue.id, region: 'KG-N' }]);
      assert.equal(co.status, 200, JSON.stringify(co.body));
      const c = await contacts(rogue, w.sites.N1!);
      assert.equal(c.status, 200, JSON.stringify(c.body));
      assert.equal(c.body.phones, 'shown');
      assert.equal(c.body.items[0]?.phone, PHONE);
      assert.equal((await contacts(rogue, w.sites.C1!)).status, 404, 'Chuy is outside their part');
      // Taken off their own mission by the administrator, the appointment there is gone with the grant.
      const off = await setCoordinators(admin, own, [{ userId: deputy.id, region: 'KG-O' }]);
      assert.equal(off.status, 200, JSON.stringify(off.body));
      assert.equal((await contacts(rogue, ownSite)).status, 404, 'no longer on the mission');
    });
  });
}
