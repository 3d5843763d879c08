import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import {
  assign,
  goodAnswers,
  missionWorld,
  PHOTO_FORM,
  publishTestForm,
  sendUpload,
  submission,
  type MissionWorld,
} from '../helpers/monitoring.ts';

type Err = { error: { code: string; message: string } };
type Summary = { received: number };

const S = '/api/monitoring/submissions';

/**
 * What an erasure leaves (review.erase.ts, ADR 0029 amended): a phone that never got its answer sends
 * the erased report again and is answered with its old id, storing nothing; a photo that another report
 * of the same observer names stays with that report.
 */
for (const backend of await backends()) {
  describe(`monitoring: an erased report does not come back (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let obs: TestUser;
    let other: TestUser;
    let w: MissionWorld;
    let photoForm = '';
    const rows = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('submissions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const rejectAndErase = async (id: string) => {
      const r = await admin.client.post(`${S}/${id}/transition`, {
        to: 'rejected',
        reason: 'sent by mistake',
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const e = await admin.client.post<{ status: string }>(`${S}/${id}/erase`);
      assert.equal(e.status, 200, JSON.stringify(e.body));
      assert.equal(e.body.status, 'erased', 'a sole administrator erases at once');
    };
    const received = async () =>
      (await admin.client.get<Summary>(`/api/monitoring/missions/${w.missionId}/summary`)).body.received;

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      obs = await addUser(t, admin, 'monitor');
      other = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      photoForm = (await publishTestForm(t.ctx, PHOTO_FORM)).versionId;
      const f = await admin.client.put(`/api/monitoring/missions/${w.missionId}/forms`, {
        formVersionIds: [w.checklist, w.incident, photoForm],
      });
      assert.equal(f.status, 200, JSON.stringify(f.body));
      await assign(admin, w.sites.C1!, [obs.id, other.id]);
      await admin.client.reauth(admin.password, admin.totpSecret);
    });
    after(async () => t?.close());

    test('the same clientId sent again after the erasure answers the old id and stores nothing', async () => {
      const body = submission(w, 'C1', goodAnswers(), w.checklist);
      const first = await obs.client.post<{ id: string }>(S, body);
      assert.equal(first.status, 201, JSON.stringify(first.body));
      const id = first.body.id;
      const countedBefore = await received();
      await rejectAndErase(id);
      const before = await rows();
      // The phone never got its answer and sends the report again, and again.
      for (let i = 0; i < 2; i++) {
        const again = await obs.client.post<{ id: string }>(S, body);
        assert.equal(again.status, 200, JSON.stringify(again.body));
        assert.equal(again.body.id, id);
      }
      assert.equal(await rows(), before);
      assert.equal((await admin.client.get(`${S}/${id}`)).status, 404);
      assert.equal((await obs.client.get(`${S}/${id}`)).status, 404);
      assert.equal(await received(), countedBefore - 1, 'the erased report is not counted again');
      // Someone else's phone with the same clientId is refused, as for a stored report.
      const stolen = await other.client.post<Err>(S, body);
      assert.equal(stolen.status, 409);
      assert.equal(stolen.body.error.code, 'submissions.client_id_taken');
      // What is kept says nothing of the report: its clientId, id, observer and when.
      const kept = await t.ctx.db.selectFrom('erased_submissions').selectAll().execute();
      assert.deepEqual(
        kept.map((k) => [k.client_id, k.submission_id, k.observer_id]),
        [[body.clientId, id, obs.id]],
      );
      assert.deepEqual(Object.keys(kept[0]!).sort(), [
        'client_id',
        'erased_at',
        'observer_id',
        'submission_id',
      ]);
    });

    test('a resend among new reports arriving at once stores only the new ones', async () => {
      const old = submission(w, 'C1', goodAnswers(), w.checklist);
      const id = (await obs.client.post<{ id: string }>(S, old)).body.id;
      await rejectAndErase(id);
      const before = await rows();
      // Sent together, so that the resend shares a transaction with new reports (submissions.batch.ts).
      const fresh = Array.from({ length: 12 }, () => submission(w, 'C1', goodAnswers(), w.checklist));
      const answers = await Promise.all([
        ...fresh.map((b) => obs.client.post<{ id: string }>(S, b)),
        obs.client.post<{ id: string }>(S, old),
        obs.client.post<{ id: string }>(S, old),
      ]);
      assert.deepEqual(
        answers.map((a) => a.status),
        [...fresh.map(() => 201), 200, 200],
      );
      assert.equal(answers.at(-1)!.body.id, id);
      assert.equal(await rows(), before + fresh.length);
      assert.equal(
        (
          await t.ctx.db
            .selectFrom('submissions')
            .select('id')
            .where('client_id', '=', old.clientId)
            .execute()
        ).length,
        0,
      );
    });

    test('a photo another report of the observer names stays with that report', async () => {
      const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#225588' } })
        .png()
        .toBuffer();
      const photo = await sendUpload(obs.client, bytes, 'banner.png');
      const keep = await obs.client.post<{ id: string }>(
        S,
        submission(w, 'C1', { what: 'the banner at the gate', photo }, photoForm),
      );
      const drop = await obs.client.post<{ id: string }>(
        S,
        submission(w, 'C1', { what: 'the same banner, sent twice', photo }, photoForm),
      );
      assert.equal(keep.status, 201, JSON.stringify(keep.body));
      assert.equal(drop.status, 201, JSON.stringify(drop.body));
      await rejectAndErase(drop.body.id);
      while (await t.ctx.jobs.runOnce());
      const file = await admin.client.get(`${S}/${keep.body.id}/files/${photo}`);
      assert.equal(file.status, 200, 'the kept report still opens its photo');
      // Once the last report naming it is erased, the photo goes too.
      await rejectAndErase(keep.body.id);
      const left = await t.ctx.db.selectFrom('uploads').select('id').where('id', '=', photo).execute();
      assert.deepEqual(left, []);
    });
  });
}
