import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ACCOUNT_POLICY, IP_POLICY } from '../../src/server/platform/auth/throttle.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

/**
 * Guesses sent all at once. A lock that is checked before any attempt of the burst has been counted
 * lets the whole burst be checked; here each attempt is counted before its password is looked at.
 */
for (const backend of await backends()) {
  describe(`login bursts (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
    });
    after(async () => t.close());
    beforeEach(async () => {
      await t.ctx.db.deleteFrom('login_throttle').execute();
    });

    const burst = (n: number, body: (i: number) => { email: string; password: string }) =>
      Promise.all(
        Array.from({ length: n }, async (_, i) => (await t.client().post('/api/auth/login', body(i))).status),
      );
    const tally = (statuses: number[]) => ({
      checked: statuses.filter((s) => s === 401).length,
      refused: statuses.filter((s) => s === 429).length,
    });
    const expireLocks = () =>
      t.ctx.db
        .updateTable('login_throttle')
        .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
        .execute();

    test('100 guesses at once from one address: only the free ones are checked, the rest refused', async () => {
      const got = tally(await burst(100, (i) => ({ email: `b${i}@example.org`, password: `x-${i}` })));
      assert.deepEqual(got, { checked: IP_POLICY.free, refused: 100 - IP_POLICY.free });
    });

    test('100 guesses at once on one account: five are checked, and the real user gets in after the lock', async () => {
      const victim = await addUser(t, admin, 'lawyer');
      await t.ctx.db.deleteFrom('login_throttle').execute();
      const got = tally(await burst(100, (i) => ({ email: victim.email, password: `guess-${i}-wrong` })));
      assert.deepEqual(got, { checked: ACCOUNT_POLICY.free, refused: 100 - ACCOUNT_POLICY.free });
      // Even the right password waits for the lock: the attacker cannot tell a hit by the answer.
      const during = await t
        .client()
        .post('/api/auth/login', { email: victim.email, password: victim.password });
      assert.equal(during.status, 429);
      await expireLocks();
      await t.client().login(victim.email, victim.password, victim.totpSecret, t.used);
    });

    test('after a lock ends, a new burst gets one attempt checked and a longer lock', async () => {
      const email = 'probation@example.org';
      await burst(ACCOUNT_POLICY.free, () => ({ email, password: 'wrong-one' }));
      const first = await t.ctx.db.selectFrom('login_throttle').select(['key', 'locked_until']).execute();
      const firstLock = Math.max(
        ...first.map((r) => Date.parse(r.locked_until ?? '')).filter(Number.isFinite),
      );
      assert.ok(firstLock > Date.now(), 'locked after the free attempts');
      await expireLocks();
      const got = tally(await burst(20, () => ({ email, password: 'wrong-again' })));
      assert.deepEqual(got, { checked: 1, refused: 19 });
      const rows = await t.ctx.db
        .selectFrom('login_throttle')
        .select(['key', 'failures', 'locked_until'])
        .execute();
      const acct = rows.find((r) => r.key.startsWith('acct:') && r.failures === ACCOUNT_POLICY.free + 1);
      assert.ok(acct?.locked_until, JSON.stringify(rows));
      // The second lock is twice the first: 60 s instead of 30 s (a few seconds of slack for slow runs).
      const left = Date.parse(acct.locked_until) - Date.now();
      assert.ok(left > 1.5 * ACCOUNT_POLICY.baseLockMs, `lock left ${left} ms`);
    });

    test('colleagues signing in from one office address never lock it', async () => {
      // More right passwords than the address's free failures; each attempt is counted, then refunded.
      for (let i = 0; i < IP_POLICY.free + 5; i++) {
        const r = await t.client().post<{ next: string }>('/api/auth/login', {
          email: admin.email,
          password: admin.password,
        });
        assert.equal(r.status, 200, `sign-in ${i + 1}`);
      }
      const rows = await t.ctx.db.selectFrom('login_throttle').select(['failures', 'locked_until']).execute();
      assert.ok(
        rows.every((r) => r.failures === 0 && r.locked_until === null),
        JSON.stringify(rows),
      );
    });

    test('a wrong code after the right password still counts against the account', async () => {
      const victim = await addUser(t, admin, 'lawyer');
      await t.ctx.db.deleteFrom('login_throttle').execute();
      const statuses: number[] = [];
      for (let i = 0; i < ACCOUNT_POLICY.free + 2; i++) {
        const c = t.client();
        const pw = await c.post('/api/auth/login', { email: victim.email, password: victim.password });
        if (pw.status !== 200) {
          statuses.push(pw.status);
          continue;
        }
        statuses.push((await c.post('/api/auth/totp', { code: '000000' })).status);
      }
      assert.deepEqual(statuses.slice(0, ACCOUNT_POLICY.free), Array(ACCOUNT_POLICY.free).fill(401));
      assert.ok(
        statuses.slice(ACCOUNT_POLICY.free).every((s) => s === 429),
        statuses.join(','),
      );
    });
  });
}
