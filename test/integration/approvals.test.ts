import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

type Err = { error: { code: string } };
type Approval = { id: string; targetId: string; targetName: string; requestedByName: string; mine: boolean };

for (const backend of await backends()) {
  describe(`four-eyes: granting the administrator role (${backend})`, () => {
    let t: TestApp;
    let a: TestUser;
    let b: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      a = await setupAdmin(t);
      // With one admin there is no second pair of eyes: the grant applies at once, and says so.
      const second = await addUser(t, a, 'viewer');
      await a.client.reauth(a.password, a.totpSecret);
      const r = await a.client.patch<{ role: string; pendingApprovalId: string | null }>(
        `/api/users/${second.id}`,
        { role: 'admin' },
      );
      assert.equal(r.body.role, 'admin');
      assert.equal(r.body.pendingApprovalId, null);
      b = second;
    });
    after(async () => t.close());

    test('with two admins a grant waits; the requester cannot approve it; another admin can', async () => {
      const target = await addUser(t, a, 'lawyer');
      const r = await a.client.patch<{ role: string; pendingApprovalId: string }>(`/api/users/${target.id}`, {
        role: 'admin',
      });
      assert.equal(r.status, 200);
      assert.equal(r.body.role, 'lawyer', 'not applied yet');
      assert.ok(r.body.pendingApprovalId);
      const own = await a.client.post<Err>(`/api/approvals/${r.body.pendingApprovalId}/approve`);
      assert.equal(own.status, 409);
      assert.equal(own.body.error.code, 'approval.own_request');
      const list = await b.client.get<{ items: Approval[] }>('/api/approvals');
      const item = list.body.items.find((i) => i.id === r.body.pendingApprovalId)!;
      assert.equal(item.targetName, 'Test lawyer');
      assert.equal(item.mine, false);
      const needReauth = await b.client.post<Err>(`/api/approvals/${item.id}/approve`);
      assert.equal(needReauth.body.error.code, 'auth.reauth_required');
      await b.client.reauth(b.password, b.totpSecret);
      assert.equal((await b.client.post(`/api/approvals/${item.id}/approve`)).status, 200);
      const me = await target.client.get<{ role: string }>('/api/me');
      assert.equal(me.body.role, 'admin');
      const again = await b.client.post<Err>(`/api/approvals/${item.id}/approve`);
      assert.equal(again.status, 404, 'decided once');
      const audit = await a.client.get<{ items: { action: string; details: Record<string, unknown> }[] }>(
        `/api/audit?entityId=${target.id}&action=user.role_change`,
      );
      assert.equal(audit.body.items[0]!.details.approvedBy, b.id);
    });

    test('inviting an administrator: re-auth, invited as viewer until approved; a rejection keeps it so', async () => {
      const inv = await a.client.post<{ id: string; pendingApprovalId: string }>('/api/users', {
        email: 'new-admin@example.org',
        name: 'New Admin',
        role: 'admin',
        locale: 'ky',
      });
      assert.equal(inv.status, 200);
      assert.ok(inv.body.pendingApprovalId);
      const users = await b.client.get<{ items: { id: string; role: string }[] }>('/api/users');
      assert.equal(users.body.items.find((u) => u.id === inv.body.id)!.role, 'viewer');
      assert.equal((await b.client.post(`/api/approvals/${inv.body.pendingApprovalId}/reject`)).status, 200);
      const after = await b.client.get<{ items: { id: string; role: string }[] }>('/api/users');
      assert.equal(after.body.items.find((u) => u.id === inv.body.id)!.role, 'viewer');
      assert.equal((await a.client.get<{ items: Approval[] }>('/api/approvals')).body.items.length, 0);
    });

    test('non-admins cannot see or decide approvals', async () => {
      const lawyer = await addUser(t, a, 'lawyer');
      assert.equal((await lawyer.client.get('/api/approvals')).status, 403);
      assert.equal(
        (await lawyer.client.post('/api/approvals/01934b5e-0000-7000-8000-000000000000/approve')).status,
        403,
      );
    });
  });
}
