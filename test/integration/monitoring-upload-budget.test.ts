import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { MAX_OPEN_UPLOADS } from '../../src/server/modules/monitoring/uploads.budget.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

type Err = { error: { code: string; message: string; params?: Record<string, unknown> } };
const MB = 1024 * 1024;

/**
 * One observer's account must not fill the server's disk for everyone: before, only the abandon
 * cleanup (48 hours) bounded how many unfinished uploads, of up to 50 MB each, an account could open.
 */
for (const backend of await backends()) {
  describe(`monitoring uploads: one account's budget (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let obs: TestUser;
    let other: TestUser;
    before(async () => {
      // 60 MB a day, uploads of up to 50 MB: two big files do not fit.
      t = await startTestApp(backend, { UKUK_UPLOAD_DAILY_MB: '60' });
      admin = await setupAdmin(t);
      obs = await addUser(t, admin, 'monitor'); // Russian
      other = await addUser(t, admin, 'monitor');
    });
    after(async () => t?.close());

    const announce = (who: TestUser, size: number, clientId = randomUUID()) =>
      who.client.post<Err & { id: string }>('/api/monitoring/uploads', {
        clientId,
        size,
        sha256: createHash('sha256').update(clientId).digest('hex'),
      });
    const count = async (who: TestUser) =>
      Number(
        (
          await t.ctx.db
            .selectFrom('uploads')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('user_id', '=', who.id)
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('at most 20 unfinished uploads; the 21st is refused in the observer language and stores nothing', async () => {
      const first = randomUUID();
      assert.equal((await announce(obs, 1000, first)).status, 201);
      for (let i = 1; i < MAX_OPEN_UPLOADS; i++) assert.equal((await announce(obs, 1000)).status, 201);
      const r = await announce(obs, 1000);
      assert.equal(r.status, 429, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'uploads.too_many_open');
      assert.match(r.body.error.message, /уже отправляются 20 файлов/);
      // Its value, for a client that words the message itself (the field app's outbox).
      assert.deepEqual(r.body.error.params, { max: MAX_OPEN_UPLOADS });
      assert.equal(await count(obs), MAX_OPEN_UPLOADS);
      // Resuming one of them still works: the same client id is not a new upload.
      const again = await announce(obs, 1000, first);
      assert.equal(again.status, 200, JSON.stringify(again.body));
      // Another account is not held back by this one.
      assert.equal((await announce(other, 1000)).status, 201);
    });

    test('the bytes announced in 24 hours are capped; older ones no longer count', async () => {
      await t.ctx.db.deleteFrom('uploads').where('user_id', '=', obs.id).execute();
      assert.equal((await announce(obs, 40 * MB)).status, 201);
      const r = await announce(obs, 30 * MB);
      assert.equal(r.status, 429, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'uploads.daily_limit');
      assert.match(r.body.error.message, /60 МБ/);
      assert.equal(await count(obs), 1);
      assert.equal((await announce(obs, 19 * MB)).status, 201, 'what still fits is taken');
      // A day later (and finished), yesterday's uploads leave the budget.
      await t.ctx.db
        .updateTable('uploads')
        .set({ created_at: new Date(Date.now() - 25 * 3_600_000).toISOString(), complete: 1 })
        .where('user_id', '=', obs.id)
        .execute();
      assert.equal((await announce(obs, 30 * MB)).status, 201);
    });
  });
}
