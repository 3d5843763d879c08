import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { verifyAllFiles } from '../../src/server/platform/files/registry.ts';
import { FileStore } from '../../src/server/platform/files/store.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { fetchBytes, gpsJpeg, hasGpsIfd } from '../helpers/evidence.ts';
import {
  assign,
  goodAnswers,
  missionWorld,
  sendUpload,
  submission,
  type MissionWorld,
} from '../helpers/monitoring.ts';

/** A photo that does not compress: several 64 KiB pieces of the encrypted file. */
const noisyPng = () =>
  sharp({
    create: {
      width: 400,
      height: 300,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .png()
    .toBuffer();

/**
 * What the review page needs to show a report's media on a slow phone: a small copy of each photo
 * without its metadata, and byte ranges so a recording can be played from the middle.
 */
for (const backend of await backends()) {
  describe(`monitoring: thumbnails and byte ranges of a report's files (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    let camera: Buffer;
    let noisy: Buffer;
    let photoSub: string;
    let photoUp: string;
    let noisySub: string;
    let noisyUp: string;
    const url = (s: string, u: string) => `/api/monitoring/submissions/${s}/files/${u}`;
    const thumbOf = async (id: string) =>
      t.ctx.db
        .selectFrom('uploads')
        .select(['thumb_key', 'thumb_size'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      camera = await gpsJpeg('Asel at school 12');
      noisy = await noisyPng();
      assert.ok(noisy.length > 3 * 64 * 1024, `a file of several pieces (${noisy.length} bytes)`);
      photoUp = await sendUpload(obs.client, camera, 'участок.jpg');
      noisyUp = await sendUpload(obs.client, noisy, 'noise.png');
      const send = async (up: string) => {
        const r = await obs.client.post<{ id: string }>(
          '/api/monitoring/submissions',
          submission(w, 'C1', goodAnswers({ photo: up })),
        );
        assert.equal(r.status, 201, JSON.stringify(r.body));
        return r.body.id;
      };
      photoSub = await send(photoUp);
      noisySub = await send(noisyUp);
    });
    after(async () => t?.close());

    test('a photo gets a small copy without its GPS position; the original keeps everything', async () => {
      for (let i = 0; i < 100 && !(await thumbOf(photoUp)).thumb_key; i++) {
        await t.ctx.jobs.runOnce();
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok((await thumbOf(photoUp)).thumb_key, 'made by the job after the upload completed');
      const r = await fetchBytes(admin.client, `${url(photoSub, photoUp)}?variant=thumb`);
      assert.equal(r.status, 200, r.bytes.toString());
      assert.equal(r.headers.get('content-type'), 'image/jpeg');
      assert.equal(r.headers.get('cache-control'), 'private, no-store');
      assert.ok(r.headers.get('content-disposition')!.startsWith('inline;'));
      const meta = await sharp(r.bytes).metadata();
      assert.ok(Math.max(meta.width, meta.height) <= 320, `${meta.width}×${meta.height}`);
      assert.equal(hasGpsIfd(meta.exif), false, 'no GPS in the copy');
      assert.equal(r.bytes.includes(Buffer.from('Asel at school 12')), false, 'no EXIF text in the copy');
      assert.ok(r.bytes.length < camera.length);
      const full = await fetchBytes(admin.client, url(photoSub, photoUp));
      assert.ok(full.bytes.equals(camera), 'the original is untouched');
      // The observer reads their own photo's copy too; every opening is audited.
      assert.equal((await fetchBytes(obs.client, `${url(photoSub, photoUp)}?variant=thumb`)).status, 200);
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'monitoring.submission_file_read')
        .where('entity_id', '=', photoSub)
        .execute();
      assert.equal(audit.filter((a) => String(a.details).includes('"thumb"')).length, 2);
      // Another variant name is refused, not guessed.
      assert.equal((await fetchBytes(admin.client, `${url(photoSub, photoUp)}?variant=big`)).status, 400);
      let report = await verifyAllFiles(t.ctx);
      for (let i = 0; i < 50 && report.orphans.length; i++) {
        await new Promise((r) => setTimeout(r, 100));
        report = await verifyAllFiles(t.ctx);
      }
      assert.deepEqual(report.bad, []);
      assert.deepEqual(report.orphans, [], 'thumbnails are known to `ukuk files verify`');
    });

    test('a photo sent before thumbnails existed is shown whole, and its copy is made then', async () => {
      // As an installation that upgraded finds it: no copy, and no job ever queued for one.
      const key = `monitoring.upload_thumb:${noisyUp}`;
      for (let i = 0; i < 100 && !(await thumbOf(noisyUp)).thumb_key; i++) {
        await t.ctx.jobs.runOnce();
        await new Promise((r) => setTimeout(r, 50));
      }
      const made = await thumbOf(noisyUp);
      await t.ctx.db.updateTable('uploads').set({ thumb_key: null }).where('id', '=', noisyUp).execute();
      await t.ctx.db.deleteFrom('jobs').where('unique_key', '=', key).execute();
      const r = await fetchBytes(admin.client, `${url(noisySub, noisyUp)}?variant=thumb`);
      assert.equal(r.status, 200);
      assert.ok(r.bytes.equals(noisy));
      // The audit says what was served: the whole photo, not a copy.
      const reads = () =>
        t.ctx.db
          .selectFrom('audit_log')
          .select('details')
          .where('action', '=', 'monitoring.submission_file_read')
          .where('entity_id', '=', noisySub)
          .orderBy('seq', 'desc')
          .execute();
      assert.doesNotMatch(String((await reads())[0]!.details), /thumb/);
      const job = await t.ctx.db
        .selectFrom('jobs')
        .select('type')
        .where('unique_key', '=', key)
        .executeTakeFirst();
      assert.ok(job, 'queued');
      for (let i = 0; i < 100 && !(await thumbOf(noisyUp)).thumb_key; i++) {
        await t.ctx.jobs.runOnce();
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok((await thumbOf(noisyUp)).thumb_key, 'made now');
      // The copy made before the test pretended it away is no longer anyone's: remove it.
      if (made.thumb_key) await new FileStore(t.ctx.config.dataDir).remove(made.thumb_key);
      const small = await fetchBytes(admin.client, `${url(noisySub, noisyUp)}?variant=thumb`);
      assert.equal(small.headers.get('content-type'), 'image/jpeg');
      assert.ok(small.bytes.length < noisy.length / 4);
      assert.match(String((await reads())[0]!.details), /"variant":"thumb"/);
    });

    test('a range of bytes, across pieces, with 206 and Content-Range; an impossible one 416', async () => {
      const size = noisy.length;
      const whole = await fetchBytes(admin.client, url(noisySub, noisyUp));
      assert.equal(whole.headers.get('accept-ranges'), 'bytes');
      for (const [ask, start, end] of [
        [`bytes=70000-200000`, 70000, 200000],
        [`bytes=${size - 10}-`, size - 10, size - 1],
        [`bytes=-100`, size - 100, size - 1],
        [`bytes=0-0`, 0, 0],
      ] as const) {
        const r = await fetchBytes(admin.client, url(noisySub, noisyUp), { range: ask });
        assert.equal(r.status, 206, ask);
        assert.equal(r.headers.get('content-range'), `bytes ${start}-${end}/${size}`);
        assert.equal(Number(r.headers.get('content-length')), end - start + 1);
        assert.ok(r.bytes.equals(noisy.subarray(start, end + 1)), ask);
        assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      }
      const bad = await fetchBytes(admin.client, url(noisySub, noisyUp), { range: `bytes=${size}-` });
      assert.equal(bad.status, 416);
      assert.equal(bad.headers.get('content-range'), `bytes */${size}`);
      const several = await fetchBytes(admin.client, url(noisySub, noisyUp), { range: 'bytes=0-1,5-6' });
      assert.equal(several.status, 200, 'several ranges: the whole file');
      assert.ok(several.bytes.equals(noisy));
    });
  });
}
