import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { FileStore } from '../../src/server/platform/files/store.ts';
import { tr } from '../../src/server/platform/i18n.ts';
import { scheduleMonitoringCleanup } from '../../src/server/modules/monitoring/cleanup.job.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import {
  assign,
  goodAnswers,
  missionWorld,
  putPiece,
  submission,
  type MissionWorld,
} from '../helpers/monitoring.ts';

type Err = { error: { code: string; message: string } };
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

for (const backend of await backends()) {
  describe(`monitoring cleanup job (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    let store: FileStore;
    before(async () => {
      t = await startTestApp(backend);
      store = new FileStore(t.ctx.config.dataDir);
      admin = await setupAdmin(t);
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      const r = await obs.client.post('/api/monitoring/submissions', submission(w, 'C1', goodAnswers()));
      assert.equal(r.status, 201, JSON.stringify(r.body));
    });
    after(async () => t?.close());

    /** Schedule the hourly job as the server does and let the test app's worker run what is due. */
    async function runCleanup(hoursLater = 0): Promise<void> {
      await scheduleMonitoringCleanup(t.ctx, Date.now() + hoursLater * HOUR);
      while (await t.ctx.jobs.runOnce());
    }

    const put = async (id: string, offset: number, body: Buffer): Promise<number> =>
      (await putPiece(obs.client, id, offset, body)).status;

    /** An upload with its first piece stored; `complete` sends the rest too. */
    async function upload(complete: boolean): Promise<string> {
      const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1500, 7)]);
      const u = await obs.client.post<{ id: string }>('/api/monitoring/uploads', {
        clientId: randomUUID(),
        size: jpeg.length,
        sha256: createHash('sha256').update(jpeg).digest('hex'),
        name: 'photo.jpg',
      });
      assert.equal(u.status, 201, JSON.stringify(u.body));
      assert.equal(await put(u.body.id, 0, jpeg.subarray(0, 1000)), 200);
      if (complete) assert.equal(await put(u.body.id, 1000, jpeg.subarray(1000)), 200);
      return u.body.id;
    }

    const pieceFiles = async (id: string) =>
      (
        await t.ctx.db.selectFrom('upload_parts').select('storage_key').where('upload_id', '=', id).execute()
      ).map((p) => store.pathOf(p.storage_key));
    const uploadRow = (id: string) =>
      t.ctx.db.selectFrom('uploads').select(['id', 'complete']).where('id', '=', id).executeTakeFirst();
    const auditDetails = async (action: string) =>
      (await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', action).execute()).map(
        (a) => JSON.parse(a.details) as Record<string, unknown>,
      );

    test('an upload idle past the limit goes with its encrypted pieces; recent and complete ones stay', async () => {
      const abandoned = await upload(false);
      const recent = await upload(false);
      const done = await upload(true);
      const files = await pieceFiles(abandoned);
      assert.equal(files.length, 1);
      assert.ok(fs.existsSync(files[0]!));
      // 49 hours without a new piece (the default limit is 48); the complete one is just as old.
      for (const id of [abandoned, done])
        await t.ctx.db
          .updateTable('uploads')
          .set({ updated_at: ago(49 * HOUR) })
          .where('id', '=', id)
          .execute();
      await t.ctx.db
        .updateTable('uploads')
        .set({ updated_at: ago(47 * HOUR) })
        .where('id', '=', recent)
        .execute();
      await runCleanup();
      assert.equal(await uploadRow(abandoned), undefined);
      assert.equal(fs.existsSync(files[0]!), false, 'the piece file is deleted');
      assert.equal(
        (
          await t.ctx.db
            .selectFrom('upload_parts')
            .select('upload_id')
            .where('upload_id', '=', abandoned)
            .execute()
        ).length,
        0,
      );
      assert.equal((await uploadRow(recent))?.complete, 0);
      assert.ok((await pieceFiles(recent)).every((f) => fs.existsSync(f)));
      assert.equal((await uploadRow(done))?.complete, 1);
      assert.deepEqual(await auditDetails('monitoring.uploads_purged'), [{ count: 1, pieces: 1 }]);
      // The field app asking about the deleted upload learns it is gone (and starts a new one).
      const gone = await obs.client.get<Err>(`/api/monitoring/uploads/${abandoned}`);
      assert.equal(gone.status, 404);
    });

    test('an export file older than the limit is deleted and the export answers 410 expired', async () => {
      await admin.client.reauth(admin.password, admin.totpSecret);
      const make = async () => {
        const r = await admin.client.post<{ jobId: string }>(
          `/api/monitoring/missions/${w.missionId}/exports`,
          {
            format: 'csv',
          },
        );
        assert.equal(r.status, 202, JSON.stringify(r.body));
        while (await t.ctx.jobs.runOnce());
        return r.body.jobId;
      };
      const old = await make();
      const fresh = await make();
      const row = () =>
        t.ctx.db
          .selectFrom('mon_exports')
          .select(['status', 'storage_key'])
          .where('id', '=', old)
          .executeTakeFirstOrThrow();
      const before = await row();
      assert.equal(before.status, 'done');
      const file = store.pathOf(before.storage_key!);
      assert.ok(fs.existsSync(file));
      const dl = (id: string) =>
        fetch(`${admin.client.baseUrl}/api/monitoring/exports/${id}/download`, {
          headers: { cookie: admin.client.cookieHeader() },
        });
      assert.equal((await dl(old)).status, 200);
      await t.ctx.db
        .updateTable('mon_exports')
        .set({ updated_at: ago(8 * 24 * HOUR) })
        .where('id', '=', old)
        .execute();
      // The job runs once per clock hour for the whole cluster: scheduling it again this hour does nothing.
      await runCleanup();
      assert.equal((await row()).status, 'done');
      await runCleanup(1);
      assert.deepEqual(await row(), { status: 'expired', storage_key: null });
      assert.equal(fs.existsSync(file), false, 'the export file is deleted');
      const res = await dl(old);
      assert.equal(res.status, 410);
      const body = (await res.json()) as Err;
      assert.equal(body.error.code, 'mon_export.expired');
      assert.equal(body.error.message, tr('ky', 'errors:mon_export.expired'));
      const s = await admin.client.get<{ status: string }>(`/api/monitoring/exports/${old}`);
      assert.equal(s.status, 200);
      assert.equal(s.body.status, 'expired');
      assert.equal((await dl(fresh)).status, 200, 'a recent export stays');
      assert.deepEqual(await auditDetails('monitoring.exports_expired'), [{ count: 1 }]);
    });

    test('a file lost from disk answers the same 410, not a broken download', async () => {
      const r = await t.ctx.db
        .selectFrom('mon_exports')
        .select(['id', 'storage_key'])
        .where('status', '=', 'done')
        .executeTakeFirstOrThrow();
      fs.rmSync(store.pathOf(r.storage_key!));
      const res = await fetch(`${admin.client.baseUrl}/api/monitoring/exports/${r.id}/download`, {
        headers: { cookie: admin.client.cookieHeader(), 'accept-language': 'ru' },
      });
      assert.equal(res.status, 410);
      assert.equal(((await res.json()) as Err).error.code, 'mon_export.expired');
    });
  });
}
