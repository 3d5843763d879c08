import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

type Err = { error: { code: string; fields?: { path: string; code: string }[] } };
type User = { id: string; email: string; name: string; role: string; status: string; totpEnabled: boolean };

for (const backend of await backends()) {
  describe(`user management (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
    });
    after(async () => t.close());

    test('invite → accept → forced enrolment → listed as active with 2FA', async () => {
      const u = await addUser(t, admin, 'lawyer');
      const list = await admin.client.get<{ items: User[] }>('/api/users');
      const row = list.body.items.find((x) => x.id === u.id)!;
      assert.equal(row.status, 'active');
      assert.equal(row.role, 'lawyer');
      assert.equal(row.totpEnabled, true);
      assert.equal(row.email, u.email);
    });

    test('an invitation link works once', async () => {
      const inv = await admin.client.post<{ inviteUrl: string }>('/api/users', {
        email: 'once@example.org',
        name: 'Once',
        role: 'viewer',
        locale: 'ky',
      });
      const token = inv.body.inviteUrl.split('/').pop()!;
      const c = t.client();
      assert.equal(
        (await c.post(`/api/invite/${token}`, { name: 'Once', password: 'Бир жолку узун сырсөз 7' })).status,
        200,
      );
      const again = await t
        .client()
        .post<Err>(`/api/invite/${token}`, { name: 'Twice', password: 'Бир жолку узун сырсөз 8' });
      assert.equal(again.status, 404);
      assert.equal(again.body.error.code, 'invite.not_found');
    });

    test('the same e-mail cannot be invited twice (case-insensitive)', async () => {
      const r = await admin.client.post<Err>('/api/users', {
        email: admin.email.toUpperCase(),
        name: 'Dup',
        role: 'viewer',
        locale: 'en',
      });
      assert.equal(r.status, 409);
      assert.equal(r.body.error.code, 'user.email_taken');
    });

    test('non-admins cannot list or change users', async () => {
      const lawyer = await addUser(t, admin, 'lawyer');
      assert.equal((await lawyer.client.get<Err>('/api/users')).status, 403);
      const r = await lawyer.client.patch<Err>(`/api/users/${admin.id}`, { role: 'viewer' });
      assert.equal(r.status, 403);
      assert.equal((await t.client().get<Err>('/api/users')).status, 401);
    });

    test('a role change needs re-authentication and is audited', async () => {
      const u = await addUser(t, admin, 'monitor');
      const first = await admin.client.patch<Err>(`/api/users/${u.id}`, { role: 'coordinator' });
      assert.equal(first.status, 401);
      assert.equal(first.body.error.code, 'auth.reauth_required');
      await admin.client.reauth(admin.password, admin.totpSecret, t.used);
      const ok = await admin.client.patch<User>(`/api/users/${u.id}`, { role: 'coordinator' });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.role, 'coordinator');
      const me = await u.client.get<{ role: string; capabilities: string[] }>('/api/me');
      assert.equal(me.body.role, 'coordinator');
      const audit = await admin.client.get<{
        items: { action: string; entityId: string; details: Record<string, unknown> }[];
      }>(`/api/audit?action=user.role_change&entityId=${u.id}`);
      assert.equal(audit.body.items.length, 1);
      assert.deepEqual(audit.body.items[0]!.details, { from: 'monitor', to: 'coordinator' });
    });

    test('deactivating a user ends their sessions and blocks login', async () => {
      const u = await addUser(t, admin, 'trainer');
      assert.equal((await u.client.get('/api/me')).status, 200);
      assert.equal((await admin.client.patch(`/api/users/${u.id}`, { status: 'disabled' })).status, 200);
      assert.equal((await u.client.get('/api/me')).status, 401);
      const c = t.client();
      assert.equal((await c.post('/api/auth/login', { email: u.email, password: u.password })).status, 401);
    });

    test('the admin cannot demote or disable themself, and the last admin is protected', async () => {
      const self = await admin.client.patch<Err>(`/api/users/${admin.id}`, { status: 'disabled' });
      assert.equal(self.status, 409);
      assert.equal(self.body.error.code, 'user.self_change');
    });

    test('reset 2FA forces enrolment again; end sessions logs the user out', async () => {
      const u = await addUser(t, admin, 'documenter');
      await admin.client.reauth(admin.password, admin.totpSecret, t.used);
      assert.equal((await admin.client.post(`/api/users/${u.id}/reset-2fa`)).status, 200);
      assert.equal((await u.client.get('/api/me')).status, 401);
      const c = t.client();
      const r = await c.post<{ next: string }>('/api/auth/login', { email: u.email, password: u.password });
      assert.equal(r.body.next, 'totp_enroll');
    });

    test('unknown or malformed user ids answer not found / validation, never 500', async () => {
      const missing = await admin.client.patch<Err>('/api/users/01934b5e-0000-7000-8000-000000000000', {
        status: 'disabled',
      });
      assert.equal(missing.status, 404);
      const bad = await admin.client.patch<Err>('/api/users/../../etc/passwd', { status: 'disabled' });
      assert.ok([400, 404].includes(bad.status));
      const wrongRole = await admin.client.post<Err>('/api/users', {
        email: 'r@example.org',
        name: 'R',
        role: 'superuser',
        locale: 'en',
      });
      assert.equal(wrongRole.status, 400);
      assert.equal(wrongRole.body.error.fields![0]!.path, 'role');
    });

    test('profile: language saved, sessions listed, one can be ended', async () => {
      const u = await addUser(t, admin, 'viewer');
      const p = await u.client.patch<{ locale: string }>('/api/me', { locale: 'ky' });
      assert.equal(p.body.locale, 'ky');
      const other = t.client();
      await other.login(u.email, u.password, u.totpSecret, t.used);
      const s = await u.client.get<{ items: { id: string; current: boolean }[] }>('/api/me/sessions');
      assert.equal(s.body.items.length, 2);
      const notMine = s.body.items.find((x) => !x.current)!;
      assert.equal((await u.client.delete(`/api/me/sessions/${notMine.id}`)).status, 200);
      assert.equal((await other.get('/api/me')).status, 401);
      const foreign = await admin.client.delete<Err>(
        `/api/me/sessions/${s.body.items.find((x) => x.current)!.id}`,
      );
      assert.equal(foreign.status, 404, "another user's session id is not found");
    });

    test('password change ends the other sessions', async () => {
      const u = await addUser(t, admin, 'viewer');
      const other = t.client();
      await other.login(u.email, u.password, u.totpSecret, t.used);
      const r = await u.client.post('/api/me/password', {
        currentPassword: u.password,
        newPassword: 'Жаңы абдан узун сырсөз 2026',
      });
      assert.equal(r.status, 200);
      assert.equal((await other.get('/api/me')).status, 401);
      assert.equal((await u.client.get('/api/me')).status, 200);
    });
  });
}
