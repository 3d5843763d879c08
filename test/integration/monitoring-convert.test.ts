import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type Link = 'violation_event_id' | 'case_id';

for (const backend of await backends()) {
  describe(`monitoring: to violation / to case is atomic and happens once (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
    });
    after(async () => t.close());

    const report = async (what: string) => {
      const r = await obs.client.post<{ id: string }>(
        '/api/monitoring/submissions',
        submission(w, 'C1', { what, severity: 'high' }, w.incident),
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    };
    const count = async (table: 'vio_events' | 'cases') =>
      Number(
        (
          await t.ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const audits = async (action: string, entityId?: string) =>
      Number(
        (
          await t.ctx.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', '=', action)
            .$if(entityId !== undefined, (q) => q.where('entity_id', '=', entityId!))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const history = async (id: string) =>
      (
        await t.ctx.db
          .selectFrom('submission_history')
          .select('action')
          .where('submission_id', '=', id)
          .execute()
      ).map((h) => h.action);

    /** A trigger that refuses to link this one submission: the step after the record was made fails. */
    async function breakLink(id: string, column: Link): Promise<() => Promise<void>> {
      const name = `fail_${column}`;
      if (backend === 'sqlite') {
        await sql
          .raw(
            `CREATE TRIGGER ${name} BEFORE UPDATE OF ${column} ON submissions WHEN NEW.id = '${id}' ` +
              `BEGIN SELECT RAISE(ABORT, 'forced link failure'); END`,
          )
          .execute(t.ctx.db);
        return async () => void (await sql.raw(`DROP TRIGGER ${name}`).execute(t.ctx.db));
      }
      await sql
        .raw(
          `CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'forced link failure'; END $$ LANGUAGE plpgsql`,
        )
        .execute(t.ctx.db);
      await sql
        .raw(
          `CREATE TRIGGER ${name} BEFORE UPDATE OF ${column} ON submissions FOR EACH ROW ` +
            `WHEN (NEW.id = '${id}') EXECUTE FUNCTION ${name}()`,
        )
        .execute(t.ctx.db);
      return async () => {
        await sql.raw(`DROP TRIGGER ${name} ON submissions`).execute(t.ctx.db);
        await sql.raw(`DROP FUNCTION ${name}()`).execute(t.ctx.db);
      };
    }

    test('a failure after the event is made leaves no event; the retry makes exactly one', async () => {
      const id = await report('Ballot box taken away');
      const events = await count('vio_events');
      const created = await audits('violation.event_create');
      const repair = await breakLink(id, 'violation_event_id');
      try {
        const r = await admin.client.post(`/api/monitoring/submissions/${id}/to-violation`);
        assert.equal(r.status, 500, JSON.stringify(r.body));
      } finally {
        await repair();
      }
      assert.equal(await count('vio_events'), events, 'no orphan event');
      assert.equal(
        await audits('violation.event_create'),
        created,
        'no audit of an event that does not exist',
      );
      assert.deepEqual(await history(id), []);
      const ok = await admin.client.post<{ eventId: string }>(
        `/api/monitoring/submissions/${id}/to-violation`,
      );
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(await count('vio_events'), events + 1);
      assert.deepEqual(await history(id), ['to_violation']);
      const linked = await t.ctx.db
        .selectFrom('submissions')
        .select('violation_event_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(linked.violation_event_id, ok.body.eventId);
    });

    test('a case from a report is restricted unless asked otherwise, of the type asked for', async () => {
      const one = await report('Beaten in the police car');
      const a = await admin.client.post<{ caseId: string }>(`/api/monitoring/submissions/${one}/to-case`, {
        type: 'victim_representation',
      });
      assert.equal(a.status, 200, JSON.stringify(a.body));
      const ca = await admin.client.get<{ type: string; restricted: boolean }>(`/api/cases/${a.body.caseId}`);
      assert.deepEqual([ca.body.type, ca.body.restricted], ['victim_representation', true]);
      const two = await report('Ballots carried out of the station');
      const b = await admin.client.post<{ caseId: string }>(`/api/monitoring/submissions/${two}/to-case`, {
        type: 'administrative',
        restricted: false,
      });
      const cb = await admin.client.get<{ type: string; restricted: boolean }>(`/api/cases/${b.body.caseId}`);
      assert.deepEqual([cb.body.type, cb.body.restricted], ['administrative', false]);
      const three = await report('Threatened at the gate');
      const bad = await admin.client.post<{ error: { code: string } }>(
        `/api/monitoring/submissions/${three}/to-case`,
        { type: 'no_such_type' },
      );
      assert.equal(bad.status, 400, JSON.stringify(bad.body));
      const still = await admin.client.get<{ caseId: string | null }>(`/api/monitoring/submissions/${three}`);
      assert.equal(still.body.caseId, null, 'a refused type makes no case');
    });

    test('a violation record from a report is restricted unless asked otherwise', async () => {
      const one = await report('Beaten at the station');
      const a = await admin.client.post<{ eventId: string }>(
        `/api/monitoring/submissions/${one}/to-violation`,
      );
      assert.equal(a.status, 200, JSON.stringify(a.body));
      const ea = await admin.client.get<{ restricted: boolean }>(`/api/violations/events/${a.body.eventId}`);
      assert.equal(ea.body.restricted, true);
      const two = await report('Crowd dispersed');
      const b = await admin.client.post<{ eventId: string }>(
        `/api/monitoring/submissions/${two}/to-violation`,
        {
          restricted: false,
        },
      );
      const eb = await admin.client.get<{ restricted: boolean }>(`/api/violations/events/${b.body.eventId}`);
      assert.equal(eb.body.restricted, false);
      const three = await report('Threatened at the door');
      const bad = await admin.client.post<{ error: { code: string } }>(
        `/api/monitoring/submissions/${three}/to-violation`,
        { restricted: 'yes' },
      );
      assert.equal(bad.status, 400, JSON.stringify(bad.body));
      const still = await admin.client.get<{ violationEventId: string | null }>(
        `/api/monitoring/submissions/${three}`,
      );
      assert.equal(still.body.violationEventId, null, 'a refused request makes no record');
    });

    test('a failure after the case is made leaves no case; the retry makes exactly one', async () => {
      const id = await report('Detained without a lawyer');
      const cases = await count('cases');
      const repair = await breakLink(id, 'case_id');
      try {
        const r = await admin.client.post(`/api/monitoring/submissions/${id}/to-case`, {});
        assert.equal(r.status, 500, JSON.stringify(r.body));
      } finally {
        await repair();
      }
      assert.equal(await count('cases'), cases, 'no orphan case');
      const ok = await admin.client.post<{ caseId: string }>(`/api/monitoring/submissions/${id}/to-case`, {});
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(await count('cases'), cases + 1);
      assert.equal((await admin.client.get(`/api/cases/${ok.body.caseId}`)).status, 200);
    });

    test('double clicks, sequential or at the same time, make one event and one case', async () => {
      const id = await report('Observers pushed out');
      const events = await count('vio_events');
      const cases = await count('cases');
      const path = `/api/monitoring/submissions/${id}`;
      const both = await Promise.all([
        admin.client.post<{ eventId: string }>(`${path}/to-violation`),
        admin.client.post<{ eventId: string }>(`${path}/to-violation`),
      ]);
      assert.deepEqual(
        both.map((r) => r.status),
        [200, 200],
      );
      assert.equal(both[0].body.eventId, both[1].body.eventId);
      const third = await admin.client.post<{ eventId: string }>(`${path}/to-violation`);
      assert.equal(third.body.eventId, both[0].body.eventId);
      assert.equal(await count('vio_events'), events + 1);
      const cs = await Promise.all([
        admin.client.post<{ caseId: string }>(`${path}/to-case`, {}),
        admin.client.post<{ caseId: string }>(`${path}/to-case`, {}),
      ]);
      assert.equal(cs[0].status, 200, JSON.stringify(cs[0].body));
      assert.equal(cs[0].body.caseId, cs[1].body.caseId);
      assert.equal(await count('cases'), cases + 1);
      assert.deepEqual((await history(id)).sort(), ['to_case', 'to_violation']);
      assert.equal(await audits('monitoring.submission_to_violation', id), 1);
      assert.equal(await audits('monitoring.submission_to_case', id), 1);
    });

    test('the case and the record made from one report are linked, whichever came first', async () => {
      const links = async (caseId: string) =>
        (await admin.client.get<{ links: { kind: string; targetId: string }[] }>(`/api/cases/${caseId}`)).body
          .links;
      for (const order of ['violation first', 'case first']) {
        const id = await report(`Voters carried in by bus (${order})`);
        const path = `/api/monitoring/submissions/${id}`;
        const steps = [
          () => admin.client.post<{ eventId: string }>(`${path}/to-violation`),
          () => admin.client.post<{ caseId: string }>(`${path}/to-case`, {}),
        ];
        if (order === 'case first') steps.reverse();
        for (const step of steps) assert.equal((await step()).status, 200, order);
        const row = await t.ctx.db
          .selectFrom('submissions')
          .select(['violation_event_id', 'case_id'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        assert.deepEqual(
          await links(row.case_id!),
          [{ kind: 'violation_event', targetId: row.violation_event_id }],
          order,
        );
        assert.equal(await audits('case.link_add', row.case_id!), 1, `${order}: audited once`);
      }
    });

    test('a reviewer who may not edit the case gets the record alone, with no link and no error', async () => {
      // Inviting an administrator is a dangerous action: it asks for the password and code again.
      await admin.client.reauth(admin.password, admin.totpSecret);
      const other = await addUser(t, admin, 'admin');
      const id = await report('Observer struck');
      const path = `/api/monitoring/submissions/${id}`;
      const c = await admin.client.post<{ caseId: string }>(`${path}/to-case`, {});
      assert.equal(c.status, 200, JSON.stringify(c.body));
      const denied = await audits('case.access_denied');
      // The second administrator is not on the case's team: they may see it, not change it.
      const v = await other.client.post<{ eventId: string }>(`${path}/to-violation`);
      assert.equal(v.status, 200, JSON.stringify(v.body));
      const got = await admin.client.get<{ links: unknown[] }>(`/api/cases/${c.body.caseId}`);
      assert.deepEqual(got.body.links, []);
      assert.equal(await audits('case.access_denied'), denied, 'no refusal logged for a link not asked for');
    });
  });
}
