import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { tr } from '../../src/server/platform/i18n.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { missionWorld, sendPublicReport, useTestPublicForm } from '../helpers/monitoring.ts';

process.env.UKUK_PUBLIC_POW_BITS = '4';
process.env.UKUK_PUBLIC_MIN_FILL_MS = '0';
process.env.UKUK_PUBLIC_ANSWER_MS = '0';

type Err = { error: { code: string; message: string; fields?: { path: string }[] } };
type Outcome = { status: 'erased' | 'requested'; done: string[]; skipped: { id: string; code: string }[] };
type Pending = { items: { id: string; kind: string; count?: number }[] };
type List = { items: { id: string }[]; total: number };

const S = '/api/monitoring/submissions';
const ERASE = `${S}/erase`;

/**
 * Erasing a selection of rejected reports under one decision (review.erase-many.ts, ADR 0029 amended):
 * a flood of spam on the public form. The rules of one report hold for each; reports that may not go are
 * named with their reason and stay; with two administrators one approval erases the whole selection.
 */
for (const backend of await backends()) {
  describe(`monitoring: erasing a selection (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let coord: TestUser;
    let obs: TestUser;
    const exists = async (ids: string[]) =>
      (await t.ctx.db.selectFrom('submissions').select('id').where('id', 'in', ids).execute())
        .map((r) => r.id)
        .sort();
    const rejected = async (n: number) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push(await sendPublicReport(t));
      const r = await admin.client.post(`${S}/transition`, { ids, to: 'rejected', reason: 'spam flood' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return ids;
    };

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      coord = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      await useTestPublicForm(t.ctx);
      const w = await missionWorld(t.ctx, admin);
      const on = await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, { publicReports: true });
      assert.equal(on.status, 200, JSON.stringify(on.body));
      await admin.client.reauth(admin.password, admin.totpSecret);
    });
    after(async () => t?.close());

    test('alone, an administrator erases the rejected reports of a selection; the rest stay, named', async () => {
      const spam = await rejected(2);
      const open = await sendPublicReport(t);
      const stranger = randomUUID();
      const before = await t.ctx.db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      // Others may not, and bad input is refused whole, in the user's language, with nothing erased.
      assert.equal((await coord.client.post(ERASE, { ids: spam })).status, 403);
      assert.equal((await obs.client.post(ERASE, { ids: spam })).status, 403);
      for (const bad of [
        { ids: [] },
        { ids: ['not-an-id'] },
        { ids: Array.from({ length: 1001 }, randomUUID) },
      ]) {
        const r = await admin.client.request<Err>('POST', ERASE, bad, { 'x-ukuk-locale': 'ky' });
        assert.equal(r.status, 400, JSON.stringify(bad).slice(0, 80));
        assert.equal(r.body.error.message, tr('ky', 'errors:validation.failed'));
      }
      assert.deepEqual(await exists([...spam, open]), [...spam, open].sort());

      const r = await admin.client.post<Outcome>(ERASE, { ids: [...spam, open, stranger, spam[0]] });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.status, 'erased');
      assert.deepEqual([...r.body.done].sort(), [...spam].sort());
      assert.deepEqual(
        r.body.skipped.map((s) => [s.id, s.code]),
        [
          [open, 'submissions.erase_not_rejected'],
          [stranger, 'submissions.not_found'],
        ],
      );
      assert.deepEqual(await exists([...spam, open]), [open]);
      const after = await t.ctx.db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n) - 2);
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select('entity_id')
        .where('action', '=', 'monitoring.submission_erase')
        .where('entity_id', 'in', spam)
        .execute();
      assert.equal(audit.length, 2);
    });

    test('with two administrators one approval erases the selection; the approver can list it first', async () => {
      const second = await addUser(t, admin, 'admin');
      const spam = await rejected(3);
      const open = await sendPublicReport(t);
      const asked = await admin.client.post<Outcome>(ERASE, { ids: [...spam, open] });
      assert.equal(asked.status, 200, JSON.stringify(asked.body));
      assert.equal(asked.body.status, 'requested');
      assert.deepEqual([...asked.body.done].sort(), [...spam].sort());
      assert.deepEqual(asked.body.skipped, [{ id: open, code: 'submissions.erase_not_rejected' }]);
      assert.deepEqual(await exists(spam), [...spam].sort(), 'nothing goes before the approval');

      const request = (await second.client.get<Pending>('/api/approvals')).body.items.find(
        (a) => a.kind === 'monitoring.erase_many',
      )!;
      assert.equal(request.count, 3);
      // The approver reads the request's reports in the review list; nobody else may ask for that view.
      const listed = await second.client.get<List>(`${S}?erasing=${request.id}`);
      assert.equal(listed.status, 200, JSON.stringify(listed.body));
      assert.deepEqual(listed.body.items.map((i) => i.id).sort(), [...spam].sort());
      assert.equal(listed.body.total, 3);
      assert.equal((await coord.client.get(`${S}?erasing=${request.id}`)).status, 403);
      const none = await second.client.get<List>(`${S}?erasing=${randomUUID()}`);
      assert.deepEqual([none.body.total, none.body.items], [0, []]);

      // One report is reviewed again meanwhile: it stays, the others go together.
      const back = await admin.client.post(`${S}/${spam[0]}/transition`, { to: 'in_review' });
      assert.equal(back.status, 200, JSON.stringify(back.body));
      assert.notEqual((await admin.client.post(`/api/approvals/${request.id}/approve`)).status, 200);
      assert.equal((await exists(spam)).length, 3, 'the requester cannot approve their own request');
      await second.client.reauth(second.password, second.totpSecret);
      const ok = await second.client.post(`/api/approvals/${request.id}/approve`);
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.deepEqual(await exists(spam), [spam[0]]);
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select(['actor_id', 'details'])
        .where('action', '=', 'monitoring.submission_erase')
        .where('entity_id', 'in', spam)
        .execute();
      assert.equal(audit.length, 2);
      for (const a of audit) {
        assert.equal(a.actor_id, admin.id);
        assert.match(String(a.details), new RegExp(`"approvedBy":"${second.id}"`));
      }
      // A decided request names nothing any more.
      const gone = await second.client.get<List>(`${S}?erasing=${request.id}`);
      assert.equal(gone.body.total, 0);
    });
  });
}
