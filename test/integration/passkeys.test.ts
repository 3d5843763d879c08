import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { SoftPasskey } from '../helpers/webauthn.ts';

type Err = { error: { code: string } };

for (const backend of await backends()) {
  describe(`passkeys as the second factor (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let user: TestUser;
    let key: SoftPasskey;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      user = await addUser(t, admin, 'lawyer');
      key = new SoftPasskey('127.0.0.1', t.url);
    });
    after(async () => t.close());

    test('adding a passkey needs re-authentication', async () => {
      const r = await user.client.post<Err>('/api/me/passkeys/options');
      assert.equal(r.status, 401);
      assert.equal(r.body.error.code, 'auth.reauth_required');
    });

    test('register a passkey, then log in with password + passkey instead of a code', async () => {
      await user.client.reauth(user.password, user.totpSecret);
      const opts = await user.client.post<{ challenge: string }>('/api/me/passkeys/options');
      assert.equal(opts.status, 200);
      const reg = await user.client.post('/api/me/passkeys', {
        name: 'Ноутбук',
        credential: key.register(opts.body),
      });
      assert.equal(reg.status, 200, JSON.stringify(reg.body));
      const list = await user.client.get<{ items: { name: string }[] }>('/api/me/passkeys');
      assert.deepEqual(
        list.body.items.map((i) => i.name),
        ['Ноутбук'],
      );

      const c = t.client();
      const login = await c.post<{ next: string; passkey: boolean }>('/api/auth/login', {
        email: user.email,
        password: user.password,
      });
      assert.deepEqual(login.body, { next: 'totp', passkey: true });
      const o = await c.post<{ challenge: string }>('/api/auth/passkey/options');
      assert.equal(o.status, 200);
      const done = await c.post('/api/auth/passkey', { credential: key.authenticate(o.body) });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal((await c.get('/api/me')).status, 200);
    });

    test('a replayed assertion, a wrong origin and a passkey without a password step are refused', async () => {
      const c = t.client();
      await c.post('/api/auth/login', { email: user.email, password: user.password });
      const o = await c.post<{ challenge: string }>('/api/auth/passkey/options');
      const assertion = key.authenticate(o.body);
      const wrongOrigin = await c.post<Err>('/api/auth/passkey', {
        credential: key.authenticate(o.body, { origin: 'https://evil.example' }),
      });
      assert.equal(wrongOrigin.status, 401);
      assert.equal(wrongOrigin.body.error.code, 'auth.passkey_invalid');
      const replay = await c.post<Err>('/api/auth/passkey', { credential: assertion });
      assert.equal(replay.status, 401, 'the challenge was used up by the failed attempt');
      assert.equal((await c.get('/api/me')).status, 401);
      const fresh = t.client();
      const noPassword = await fresh.post<Err>('/api/auth/passkey/options');
      assert.equal(noPassword.status, 401);
    });

    test("another user's passkey cannot stand in", async () => {
      const other = await addUser(t, admin, 'viewer');
      const c = t.client();
      await c.post('/api/auth/login', { email: other.email, password: other.password });
      const o = await c.post<Err>('/api/auth/passkey/options');
      assert.equal(o.status, 401, 'no passkey registered for this user');
      assert.equal(o.body.error.code, 'auth.passkey_invalid');
    });

    test('removing a passkey is audited', async () => {
      await user.client.reauth(user.password, user.totpSecret);
      const list = await user.client.get<{ items: { id: string }[] }>('/api/me/passkeys');
      assert.equal((await user.client.delete(`/api/me/passkeys/${list.body.items[0]!.id}`)).status, 200);
      const audit = await admin.client.get<{ items: { action: string }[] }>(
        '/api/audit?action=user.passkey_*',
      );
      assert.deepEqual(
        audit.body.items.map((i) => i.action),
        ['user.passkey_remove', 'user.passkey_add'],
      );
    });
  });
}
