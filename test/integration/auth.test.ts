import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN_PASSWORD,
  addUser,
  setupAdmin,
  startTestApp,
  type TestApp,
  type TestUser,
} from '../helpers/app.ts';
import { LOCALES } from '../../src/core/roles.ts';
import { tr } from '../../src/server/platform/i18n.ts';
import { backends } from '../helpers/db.ts';
import { totpFreshAsync as fresh, totpNow } from '../helpers/totp.ts';

type Err = {
  error: { code: string; message: string; fields?: { path: string; code: string; message: string }[] };
};

for (const backend of await backends()) {
  describe(`auth and sessions (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
    });
    after(async () => t.close());

    test('setup cannot run twice', async () => {
      const r = await t.client().post<Err>('/api/setup', {
        orgName: 'X',
        defaultLocale: 'en',
        adminName: 'Y',
        adminEmail: 'y@e.org',
        adminPassword: 'another-long-passphrase-1',
      });
      assert.equal(r.status, 409);
      assert.equal(r.body.error.code, 'setup.already_done');
    });

    test('login needs password then TOTP; /api/me answers only after both', async () => {
      const c = t.client();
      assert.equal((await c.get('/api/me')).status, 401);
      const a = await c.post<{ next: string }>('/api/auth/login', {
        email: admin.email.toUpperCase(),
        password: ADMIN_PASSWORD,
      });
      assert.equal(a.status, 200);
      assert.equal(a.body.next, 'totp');
      assert.equal((await c.get('/api/me')).status, 401, 'half-way session is not a login');
      const b = await c.post('/api/auth/totp', { code: await fresh(admin.totpSecret) });
      assert.equal(b.status, 200);
      const me = await c.get<{ email: string; role: string; capabilities: string[] }>('/api/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.email, admin.email);
      assert.ok(me.body.capabilities.includes('users.manage'));
    });

    test('wrong password and unknown account answer the same, in the asked language', async () => {
      const c = t.client();
      c.locale = 'ru';
      const wrong = await c.post<Err>('/api/auth/login', {
        email: admin.email,
        password: 'not-the-password-at-all',
      });
      const unknown = await c.post<Err>('/api/auth/login', {
        email: 'nobody@example.org',
        password: 'not-the-password-at-all',
      });
      assert.equal(wrong.status, 401);
      assert.deepEqual(wrong.body, unknown.body);
      assert.equal(wrong.body.error.message, 'Неверный e-mail или пароль.');
    });

    test('re-authentication with a wrong code or password says so, without naming which, and grants nothing', async () => {
      const u = await addUser(t, admin, 'viewer');
      const wrongCode = await u.client.post<Err>('/api/auth/reauth', {
        password: u.password,
        code: '000000',
      });
      const wrongPassword = await u.client.post<Err>('/api/auth/reauth', {
        password: 'not-the-password-at-all',
        code: await fresh(u.totpSecret),
      });
      assert.equal(wrongCode.status, 401);
      assert.deepEqual(wrongCode.body, wrongPassword.body);
      assert.equal(wrongCode.body.error.code, 'auth.reauth_invalid');
      // In the user's own language (their profile decides), and about what the dialog asks for.
      const said = wrongCode.body.error.message;
      assert.ok(
        LOCALES.some((l) => said === tr(l, 'errors:auth.reauth_invalid')),
        said,
      );
      assert.doesNotMatch(said, /e-mail|почта|reauth_invalid/i);
      assert.equal((await u.client.get('/api/me')).status, 200, 'the session itself is untouched');
      await u.client.reauth(u.password, u.totpSecret);
    });

    test('a replayed TOTP code is refused', async () => {
      const u = await addUser(t, admin, 'viewer');
      const c1 = t.client();
      await c1.post('/api/auth/login', { email: u.email, password: u.password });
      const code = await fresh(u.totpSecret);
      assert.equal((await c1.post('/api/auth/totp', { code })).status, 200);
      const c2 = t.client();
      await c2.post('/api/auth/login', { email: u.email, password: u.password });
      const r = await c2.post<Err>('/api/auth/totp', { code });
      assert.equal(r.status, 401);
      assert.equal(r.body.error.code, 'auth.totp_invalid');
    });

    test('session token changes at login (no fixation) and dies at logout', async () => {
      const u = await addUser(t, admin, 'viewer');
      const c = t.client();
      await c.post('/api/auth/login', { email: u.email, password: u.password });
      const before = c.cookieHeader();
      await c.post('/api/auth/totp', { code: await fresh(u.totpSecret) });
      assert.notEqual(c.cookieHeader(), before);
      const stolen = c.cookieHeader().match(/ukuk_session=([^;]+)/)![1]!;
      assert.equal((await c.post('/api/auth/logout')).status, 200);
      const thief = t.client();
      thief.setCookie('ukuk_session', stolen);
      assert.equal((await thief.get('/api/me')).status, 401);
    });

    test('log out everywhere ends every session of the user', async () => {
      const u = await addUser(t, admin, 'viewer');
      const other = t.client();
      await other.login(u.email, u.password, u.totpSecret, t.used);
      assert.equal((await other.get('/api/me')).status, 200);
      assert.equal((await u.client.post('/api/auth/logout-all')).status, 200);
      assert.equal((await other.get('/api/me')).status, 401);
      assert.equal((await u.client.get('/api/me')).status, 401);
    });

    test('recovery code works once', async () => {
      const u = await addUser(t, admin, 'trainer');
      const c = u.client;
      assert.equal(
        (await c.post('/api/me/recovery-codes')).status,
        401,
        'regenerating codes needs re-authentication',
      );
      await c.reauth(u.password, u.totpSecret, t.used);
      const codes = await c.post<{ recoveryCodes: string[] }>('/api/me/recovery-codes');
      assert.equal(codes.status, 200);
      const code = codes.body.recoveryCodes[0]!;
      const a = t.client();
      await a.post('/api/auth/login', { email: u.email, password: u.password });
      assert.equal((await a.post('/api/auth/totp', { recoveryCode: code.toLowerCase() })).status, 200);
      const b = t.client();
      await b.post('/api/auth/login', { email: u.email, password: u.password });
      assert.equal((await b.post('/api/auth/totp', { recoveryCode: code })).status, 401);
    });

    test('CSRF: state-changing requests without the token are refused', async () => {
      const c = t.client();
      await c.fetchCsrf();
      const r = await c.request<Err>(
        'POST',
        '/api/auth/login',
        { email: admin.email, password: ADMIN_PASSWORD },
        { 'x-csrf-token': 'forged' },
      );
      assert.equal(r.status, 403);
      assert.equal(r.body.error.code, 'auth.csrf_invalid');
      const r2 = await c.request<Err>(
        'POST',
        '/api/auth/login',
        { email: admin.email, password: ADMIN_PASSWORD },
        { 'x-csrf-token': '' },
      );
      assert.equal(r2.status, 403);
    });

    test('credential stuffing is slowed and locked, then the real user can log in again later', async () => {
      const victim = await addUser(t, admin, 'lawyer');
      const c = t.client();
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++)
        statuses.push(
          (await c.post('/api/auth/login', { email: victim.email, password: `guess-${i}-wrong-password` }))
            .status,
        );
      assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
      assert.ok(
        statuses.slice(5).every((s) => s === 429),
        `expected lockout, got ${statuses.join(',')}`,
      );
      const locked = await t
        .client()
        .post<Err & { error: { retryAfterSeconds: number } }>('/api/auth/login', {
          email: victim.email,
          password: victim.password,
        });
      assert.equal(locked.status, 429);
      assert.ok(locked.body.error.retryAfterSeconds > 0 && locked.body.error.retryAfterSeconds <= 15 * 60);
      // The lock is temporary: once it expires (simulated by moving the lock into the past) the user gets in.
      await t.ctx.db
        .updateTable('login_throttle')
        .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
        .execute();
      await t.client().login(victim.email, victim.password, victim.totpSecret, t.used);
    });

    test('failures sent all at once are each counted: none is lost to a race', async () => {
      await t.ctx.db.deleteFrom('login_throttle').execute();
      try {
        const statuses = await Promise.all(
          Array.from({ length: 25 }, async (_, i) => {
            const r = await t.client().post('/api/auth/login', {
              email: `burst-${i}@example.org`,
              password: `guess-${i}-wrong`,
            });
            return r.status;
          }),
        );
        assert.ok(
          statuses.every((s) => s === 401),
          statuses.join(','),
        );
        // Every refused password counted once on the address (a read, then a write, lost counts).
        const rows = await t.ctx.db.selectFrom('login_throttle').select('failures').execute();
        assert.ok(
          rows.some((r) => r.failures === 25),
          JSON.stringify(rows),
        );
      } finally {
        await t.ctx.db.deleteFrom('login_throttle').execute();
      }
    });

    test('bad input: malformed JSON, wrong types, unknown fields, huge bodies → 4xx with codes, no stack', async () => {
      const c = t.client();
      c.locale = 'ky';
      const bad = await c.request<Err>('POST', '/api/auth/login', '{"email": ', {});
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'validation.malformed_json');
      const types = await c.post<Err>('/api/auth/login', { email: 5, password: ['x'] });
      assert.equal(types.status, 400);
      assert.equal(types.body.error.code, 'validation.failed');
      assert.deepEqual(types.body.error.fields!.map((f) => f.path).sort(), ['email', 'password']);
      assert.match(types.body.error.fields!.find((f) => f.path === 'password')!.message, /^Сырсөз:/);
      const extra = await c.post<Err>('/api/auth/login', { email: 'a@b.org', password: 'x', isAdmin: true });
      assert.equal(extra.status, 400);
      assert.ok(extra.body.error.fields!.some((f) => f.path === 'isAdmin' && f.code === 'unknown_field'));
      const huge = await c.post<Err>('/api/auth/login', {
        email: 'a@b.org',
        password: 'x'.repeat(2 * 1024 * 1024),
      });
      assert.equal(huge.status, 413);
      const missing = await c.get<Err>('/api/nope');
      assert.equal(missing.status, 404);
      for (const r of [bad, types, extra, huge, missing])
        assert.doesNotMatch(JSON.stringify(r.body), /at .*\.ts:|node_modules|SELECT|INSERT/);
    });

    test('weak passwords are refused with a named field', async () => {
      const inv = await admin.client.post<{ inviteUrl: string }>('/api/users', {
        email: 'weak@example.org',
        name: 'Weak',
        role: 'viewer',
        locale: 'en',
      });
      const token = inv.body.inviteUrl.split('/').pop()!;
      const c = t.client();
      const short = await c.post<Err>(`/api/invite/${token}`, { name: 'Weak', password: 'short' });
      assert.equal(short.status, 400);
      assert.equal(short.body.error.fields![0]!.path, 'password');
      const common = await c.post<Err>(`/api/invite/${token}`, { name: 'Weak', password: 'qwertyuiop123' });
      assert.equal(common.status, 400);
      assert.equal(common.body.error.code, 'auth.password_too_common');
      assert.equal((await c.get(`/api/invite/${token}`)).status, 200, 'refused attempts change nothing');
    });

    test('security headers: strict CSP, no-store on API, cookie flags', async () => {
      const c = t.client();
      const r = await c.request('POST', '/api/auth/login', { email: admin.email, password: ADMIN_PASSWORD });
      const csp = r.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-eval|https?:/);
      assert.equal(r.headers.get('cache-control'), 'no-store');
      assert.equal(r.headers.get('x-frame-options'), 'SAMEORIGIN');
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(r.headers.get('cross-origin-opener-policy'), 'same-origin');
      assert.match(r.headers.get('permissions-policy') ?? '', /interest-cohort=\(\)/);
      // Error answers carry the same headers (they are set when the request arrives).
      const missing = await c.request('GET', '/api/no-such-route');
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('content-security-policy'), csp);
      assert.equal(missing.headers.get('cache-control'), 'no-store');
      const cookie = r.headers.getSetCookie().find((x) => x.startsWith('ukuk_session='))!;
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      assert.equal(totpNow(admin.totpSecret).length, 6);
    });
  });
}
