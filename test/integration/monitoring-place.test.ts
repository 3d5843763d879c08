import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type Err = { error: { code: string } };

/**
 * Whether an observer may send for a site is cached on SQLite (submissions.place.ts). Every change
 * that decides it must take effect on the very next submission, whoever makes it: these tests warm
 * the cache with accepted submissions, change one thing, and send again.
 */
for (const backend of await backends()) {
  describe(`monitoring: the site check follows every change at once (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let obs: TestUser;
    let w: MissionWorld;

    const send = (site = 'C1', form?: string) =>
      obs.client.post<{ id: string } & Err>(
        '/api/monitoring/submissions',
        submission(w, site, goodAnswers(), form ?? w.checklist),
      );
    async function accepted(site = 'C1') {
      for (let i = 0; i < 3; i++) {
        const r = await send(site);
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
    }
    async function refused(site = 'C1', form?: string) {
      const r = await send(site, form);
      assert.equal(r.status, 403, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'submissions.not_assigned');
    }

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
    });
    after(() => t.close());

    test('an observer taken off a site is refused at once, and accepted again when put back', async () => {
      await accepted();
      const generation = async () =>
        Number(
          (await t.ctx.db.selectFrom('mon_topology').select('generation').executeTakeFirstOrThrow())
            .generation,
        );
      const before = await generation();
      await assign(admin, w.sites.C1!, []);
      // The triggers of migration 0023 moved the counter, on both databases.
      assert.ok((await generation()) > before);
      await refused();
      await assign(admin, w.sites.C1!, [obs.id]);
      await accepted();
    });

    test('a closed mission, or a form taken out of it, refuses at once', async () => {
      await accepted();
      const closed = await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, {
        status: 'closed',
      });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      await refused();
      const open = await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, { status: 'active' });
      assert.equal(open.status, 200, JSON.stringify(open.body));
      await accepted();
      const forms = await admin.client.put(`/api/monitoring/missions/${w.missionId}/forms`, {
        formVersionIds: [w.incident],
      });
      assert.equal(forms.status, 200, JSON.stringify(forms.body));
      await refused();
      const back = await admin.client.put(`/api/monitoring/missions/${w.missionId}/forms`, {
        formVersionIds: [w.checklist, w.incident],
      });
      assert.equal(back.status, 200, JSON.stringify(back.body));
      await accepted();
    });

    test('a site moved to another region files the next submission there', async () => {
      await accepted();
      const moved = await admin.client.patch(`/api/monitoring/sites/${w.sites.C1}`, { region: 'KG-N' });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      const r = await send();
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const s = await admin.client.get<{ region: string | null }>(`/api/monitoring/submissions/${r.body.id}`);
      assert.equal(s.status, 200);
      assert.equal(s.body.region, 'KG-N');
      const back = await admin.client.patch(`/api/monitoring/sites/${w.sites.C1}`, { region: 'KG-C' });
      assert.equal(back.status, 200, JSON.stringify(back.body));
    });

    test('a refusal is not remembered: an observer newly put on a site is accepted at once', async () => {
      await refused('C2');
      await refused('C2');
      await assign(admin, w.sites.C2!, [obs.id]);
      await accepted('C2');
    });

    test('a change made by another process on the same database refuses at once', async (s) => {
      if (!t.ctx.dbh.file) return s.skip('SQLite only: PostgreSQL is not cached');
      await accepted();
      // As a command-line tool would: its own connection, outside the server.
      const other = new Database(t.ctx.dbh.file);
      try {
        other.prepare('delete from site_observers where user_id = ?').run(obs.id);
      } finally {
        other.close();
      }
      await refused();
      await assign(admin, w.sites.C1!, [obs.id]);
      await accepted();
    });
  });
}
