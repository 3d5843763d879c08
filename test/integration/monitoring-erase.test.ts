import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { tr } from '../../src/server/platform/i18n.ts';
import {
  addUser,
  expireReauth,
  reauthed,
  setupAdmin,
  startTestApp,
  type TestApp,
  type TestUser,
} from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { filesUnder } from '../helpers/scan.ts';
import {
  assign,
  goodAnswers,
  missionWorld,
  PHOTO_FORM,
  publishTestForm,
  sendPublicReport,
  sendUpload,
  submission,
  type MissionWorld,
  useTestPublicForm,
} from '../helpers/monitoring.ts';

process.env.UKUK_PUBLIC_POW_BITS = '4';
process.env.UKUK_PUBLIC_MIN_FILL_MS = '0';
process.env.UKUK_PUBLIC_ANSWER_MS = '0';

type Err = { error: { code: string; message: string } };
type Erased = { status: 'erased' | 'requested' };
type Pending = { items: { id: string; kind: string; targetId: string; targetName: string }[] };

const S = '/api/monitoring/submissions';
const MARKER = 'ERASE-MARKER-8841';

/**
 * Erasing a rejected report for good (review.erase.ts, ADR 0029): administrators only, after
 * re-authentication, with a second administrator's approval, which erases it; its answers,
 * translations, comments, history and files go; a report that is not rejected stays.
 */
for (const backend of await backends()) {
  describe(`monitoring: erasing a report (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let second: TestUser;
    let coord: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    let photoForm = '';
    const count = async (table: 'submissions' | 'submission_history' | 'uploads', id?: string) => {
      let q = t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
      if (id && table === 'submissions') q = q.where('id', '=', id);
      if (id && table === 'submission_history') q = q.where('submission_id', '=', id);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    const reject = async (id: string) => {
      const r = await admin.client.post(`${S}/${id}/transition`, { to: 'rejected', reason: 'spam' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    };

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      coord = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      // The public form answers the INCIDENT test form (sendPublicReport), in this mission.
      await useTestPublicForm(t.ctx);
      w = await missionWorld(t.ctx, admin);
      const on = await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, { publicReports: true });
      assert.equal(on.status, 200, JSON.stringify(on.body));
      photoForm = (await publishTestForm(t.ctx, PHOTO_FORM)).versionId;
      const f = await admin.client.put(`/api/monitoring/missions/${w.missionId}/forms`, {
        formVersionIds: [w.checklist, w.incident, photoForm],
      });
      assert.equal(f.status, 200, JSON.stringify(f.body));
      await assign(admin, w.sites.C1!, [obs.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: coord.id, region: null }],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
    });
    after(async () => t?.close());

    test('alone, an administrator erases a rejected public report after re-authenticating', async () => {
      const id = await sendPublicReport(t);
      await expireReauth(t, admin); // the set-up's re-authentication (appointing, importing) ran out
      const stale = await admin.client.post<Err>(`${S}/${id}/erase`);
      assert.equal(stale.status, 401);
      assert.equal(stale.body.error.code, 'auth.reauth_required');
      await admin.client.reauth(admin.password, admin.totpSecret);
      // Not rejected yet: refused in the user's language, and nothing goes.
      // In the language the app is switched to (Russian here), which wins over the account's.
      const early = await admin.client.request<Err>(
        'POST',
        `${S}/${id}/erase`,
        {},
        { 'x-ukuk-locale': 'ru' },
      );
      assert.equal(early.status, 409);
      assert.equal(early.body.error.message, tr('ru', 'errors:submissions.erase_not_rejected'));
      assert.equal(await count('submissions', id), 1);
      await reject(id);
      const tr1 = await admin.client.put(`${S}/${id}/translations/en`, { text: `${MARKER} translated` });
      assert.equal(tr1.status, 200, JSON.stringify(tr1.body));
      assert.equal((await admin.client.post(`${S}/${id}/comments`, { body: `${MARKER} note` })).status, 200);
      const gone = await admin.client.post<Erased>(`${S}/${id}/erase`);
      assert.equal(gone.status, 200, JSON.stringify(gone.body));
      assert.equal(gone.body.status, 'erased');
      assert.equal((await admin.client.get(`${S}/${id}`)).status, 404);
      assert.equal(await count('submissions', id), 0);
      assert.equal(await count('submission_history', id), 0);
      for (const table of ['submission_translations', 'submission_comments'] as const) {
        const left = await t.ctx.db
          .selectFrom(table)
          .select('submission_id')
          .where('submission_id', '=', id)
          .execute();
        assert.deepEqual(left, [], table);
      }
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'monitoring.submission_erase')
        .where('entity_id', '=', id)
        .execute();
      assert.equal(audit.length, 1);
      assert.ok(!String(audit[0]!.details).includes(MARKER));
      // Erasing again: the report is not there any more.
      assert.equal((await admin.client.post(`${S}/${id}/erase`)).status, 404);
    });

    test('with two administrators the second one approves, and approving erases it with its photo', async () => {
      // The administrator re-authenticated in the test before: it holds for ten minutes.
      second = await addUser(t, admin, 'admin');
      const photo = await sendUpload(
        obs.client,
        await sharp({ create: { width: 40, height: 30, channels: 3, background: '#884422' } })
          .png()
          .toBuffer(),
        'face.png',
      );
      const s = await obs.client.post<{ id: string }>(
        S,
        submission(w, 'C1', { what: `${MARKER} names a witness`, photo }, photoForm),
      );
      assert.equal(s.status, 201, JSON.stringify(s.body));
      const id = s.body.id;
      // A copy rejected as repeating it keeps its rejection, without the link to a report that is gone.
      const copy = await obs.client.post<{ id: string }>(S, submission(w, 'C1', goodAnswers(), w.checklist));
      assert.equal(copy.status, 201);
      const dup = await admin.client.post(`${S}/${copy.body.id}/transition`, {
        to: 'rejected',
        duplicateOf: id,
      });
      assert.equal(dup.status, 200, JSON.stringify(dup.body));
      await reject(id);
      // The photo and its small copy (made by a job) are on disk.
      while (await t.ctx.jobs.runOnce());
      const stored = await t.ctx.db
        .selectFrom('uploads')
        .select(['storage_key', 'thumb_key'])
        .where('id', '=', photo)
        .executeTakeFirstOrThrow();
      const onDisk = () => filesUnder(path.join(t.ctx.config.dataDir, 'files')).map((f) => path.basename(f));
      const keys = [stored.storage_key!, stored.thumb_key!].map((k) => path.basename(k));
      assert.ok(
        keys.every((k) => onDisk().includes(k)),
        'the photo and its thumbnail are stored',
      );
      const uploadsBefore = await count('uploads');
      // Others may not: a coordinator and an observer are refused before anything is looked up.
      assert.equal((await coord.client.post<Err>(`${S}/${id}/erase`)).status, 403);
      assert.equal((await obs.client.post<Err>(`${S}/${id}/erase`)).status, 403);
      const asked = await admin.client.post<Erased>(`${S}/${id}/erase`);
      assert.equal(asked.status, 200, JSON.stringify(asked.body));
      assert.equal(asked.body.status, 'requested');
      assert.equal(await count('submissions', id), 1, 'nothing goes before the approval');
      const pending = (await second.client.get<Pending>('/api/approvals')).body.items.filter(
        (a) => a.kind === 'monitoring.erase',
      );
      assert.deepEqual(
        pending.map((a) => a.targetId),
        [id],
      );
      // The requester cannot approve their own request.
      assert.notEqual((await admin.client.post(`/api/approvals/${pending[0]!.id}/approve`)).status, 200);
      assert.equal(await count('submissions', id), 1);
      await second.client.reauth(second.password, second.totpSecret);
      const ok = await second.client.post(`/api/approvals/${pending[0]!.id}/approve`);
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(await count('submissions', id), 0);
      assert.equal(await count('uploads'), uploadsBefore - 1);
      const left = await t.ctx.db
        .selectFrom('submissions')
        .select(['status', 'duplicate_of'])
        .where('id', '=', copy.body.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(left, { status: 'rejected', duplicate_of: null });
      // The photo's ciphertext leaves the disk once the job after the commit has run.
      while (await t.ctx.jobs.runOnce());
      assert.deepEqual(
        keys.filter((k) => onDisk().includes(k)),
        [],
      );
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select(['actor_id', 'details'])
        .where('action', '=', 'monitoring.submission_erase')
        .where('entity_id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(audit.actor_id, admin.id);
      assert.match(String(audit.details), new RegExp(`"approvedBy":"${second.id}"`));
      assert.match(String(audit.details), /"files":1/);
    });

    test('a report taken back out of "rejected" before the approval is not erased', async () => {
      const r = await obs.client.post<{ id: string }>(S, submission(w, 'C1', goodAnswers(), w.checklist));
      const id = r.body.id;
      await reject(id);
      assert.equal((await admin.client.post<Erased>(`${S}/${id}/erase`)).body.status, 'requested');
      const back = await coord.client.post(`${S}/${id}/transition`, { to: 'in_review' });
      assert.equal(back.status, 200, JSON.stringify(back.body));
      const pending = (await second.client.get<Pending>('/api/approvals')).body.items.find(
        (a) => a.kind === 'monitoring.erase' && a.targetId === id,
      )!;
      const refused = await second.client.post<Err>(`/api/approvals/${pending.id}/approve`);
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, 'submissions.erase_not_rejected');
      assert.equal(await count('submissions', id), 1);
    });

    test('a critical incident goes with the alerts about it in people’s bells', async () => {
      const r = await obs.client.post<{ id: string }>(
        S,
        submission(w, 'C1', { what: `${MARKER} beaten`, severity: 'high' }, w.incident),
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const id = r.body.id;
      while (await t.ctx.jobs.runOnce());
      const alerts = () =>
        t.ctx.db
          .selectFrom('notifications')
          .select('user_id')
          .where('entity_type', '=', 'submission')
          .where('entity_id', '=', id)
          .execute();
      assert.ok((await alerts()).length > 0, 'the critical incident alerted its reviewers');
      await reject(id);
      assert.equal((await admin.client.post<Erased>(`${S}/${id}/erase`)).body.status, 'requested');
      const pending = (await second.client.get<Pending>('/api/approvals')).body.items.find(
        (a) => a.kind === 'monitoring.erase' && a.targetId === id,
      )!;
      assert.equal((await second.client.post(`/api/approvals/${pending.id}/approve`)).status, 200);
      assert.equal(await count('submissions', id), 0);
      assert.deepEqual(await alerts(), []);
    });
  });
}
