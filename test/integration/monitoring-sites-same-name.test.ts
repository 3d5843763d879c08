import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { missionWorld, type MissionWorld } from '../helpers/monitoring.ts';

type Imported = {
  created: number;
  updated: number;
  sameName: { name: string; lines: number[] }[];
  sameAsSite: { line: number; name: string; code: string }[];
};

const HEAD = 'code,name,region,district,place,lat,lon\n';

/**
 * A sites CSV that may list one station twice (issue #5: expected counts must be right on election
 * day). Two lines of one name in one district, or a new line named like a site the mission already
 * has there, are imported all the same (two schools of one name exist) and pointed out by line.
 */
for (const backend of await backends()) {
  describe(`monitoring: one site twice in a sites CSV (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let w: MissionWorld;

    const post = async (csv: string) => {
      await reauthed(admin);
      const r = await admin.client.post<Imported>(`/api/monitoring/missions/${w.missionId}/sites/import`, {
        csv,
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      // C1 "School 1" and C2 "School 2" in Chuy (no district), N1 "School 3" in Naryn.
      w = await missionWorld(t.ctx, admin);
    });
    after(async () => t?.close());

    test('one name twice in one district is imported and pointed out; in two districts it is not', async () => {
      const r = await post(
        HEAD +
          'Q1,Школа №5,KG-C,Аламудун району,,,\n' +
          'Q2,Школа №7,KG-C,,,,\n' +
          'Q3,школа  №5,KG-C,Аламудун району,,,\n' +
          'Q4,Школа №5,KG-C,Ысык-Ата району,,,\n',
      );
      assert.equal(r.created, 4);
      // Case and doubled spaces do not make another name; another district does.
      assert.deepEqual(r.sameName, [{ name: 'Школа №5', lines: [2, 4] }]);
      assert.deepEqual(r.sameAsSite, [], 'none of them was in the mission before');
    });

    test("a new line named like a site the mission has there is pointed out with that site's code", async () => {
      const r = await post(
        HEAD +
          // A list typed again with C1's code mistyped: School 1 would be in twice.
          'C-1,school  1,KG-C,,Kant,,\n' +
          // Another region's School 1 is another school.
          'N9,School 1,KG-N,,,,\n' +
          // C1 itself, updated under its own code: not a new site.
          'C1,School 1,KG-C,,Kant,,\n',
      );
      assert.equal(r.created, 2);
      assert.equal(r.updated, 1);
      assert.deepEqual(r.sameAsSite, [], 'C1 is in the file itself: the file says what it is now');
      const again = await post(HEAD + 'C-02,School 2,KG-C,,,,\nN10,School 3,KG-N,,,,\n');
      assert.deepEqual(again.sameAsSite, [
        { line: 2, name: 'School 2', code: 'C2' },
        { line: 3, name: 'School 3', code: 'N1' },
      ]);
    });

    test('a site the file renames is not matched by its old name', async () => {
      await post(HEAD + 'T1,Лицей 1,KG-T,,,,\n');
      const r = await post(HEAD + 'T1,Лицей 11,KG-T,,,,\nT2,Лицей 1,KG-T,,,,\n');
      assert.equal(r.created, 1);
      assert.deepEqual(r.sameAsSite, []);
      assert.deepEqual(r.sameName, []);
    });
  });
}
