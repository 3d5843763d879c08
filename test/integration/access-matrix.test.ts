import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { Client } from '../helpers/client.ts';
import { backends } from '../helpers/db.ts';
import { MATRIX, ROLES_ORDER, type Cell } from '../access/matrix.ts';

const DENIED = new Set(['auth.unauthenticated', 'auth.forbidden', 'auth.enrollment_required']);
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function concrete(path: string): string {
  return path
    .replace(':token', 'x'.repeat(43))
    .replace(':kind', 'violation_event')
    .replace(':scheme', 'case_type')
    .replace(/:\w+/g, '01934b5e-0000-7000-8000-000000000001');
}

async function call(c: Client, route: string) {
  const [method = 'GET', path = '/'] = route.split(' ');
  const r = await c.request<{ error?: { code: string } }>(
    method,
    concrete(path),
    UNSAFE.has(method) ? {} : undefined,
  );
  return { status: r.status, code: r.body && typeof r.body === 'object' ? r.body.error?.code : undefined };
}

function judge(cell: Cell, got: { status: number; code: string | undefined }): boolean {
  if (cell === 'OK') return !(got.code && DENIED.has(got.code)) && got.status !== 403;
  if (cell === 401) return got.status === 401 && !!got.code && DENIED.has(got.code);
  return got.status === 403 && got.code === 'auth.forbidden';
}

for (const backend of await backends()) {
  describe(`access matrix (${backend})`, () => {
    let t: TestApp;
    const users = new Map<string, TestUser>();
    before(async () => {
      t = await startTestApp(backend);
      const admin = await setupAdmin(t);
      users.set('admin', admin);
      for (const role of ROLES_ORDER.filter((r) => r !== 'admin'))
        users.set(role, await addUser(t, admin, role));
    });
    after(async () => t.close());

    test('every route in the OpenAPI document has a row, and every row a route', async () => {
      const doc = await t
        .client()
        .get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
      const routes = Object.entries(doc.body.paths).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
      );
      const table = MATRIX.map((r) => r.route);
      assert.deepEqual(
        routes.filter((r) => !table.includes(r)),
        [],
        'routes without an access decision in test/access/matrix.ts',
      );
      assert.deepEqual(
        table.filter(
          (r) =>
            !routes.includes(r) && !r.startsWith('GET /api/openapi.json') && !r.startsWith('GET /api/docs'),
        ),
        [],
        'rows for routes that do not exist',
      );
    });

    test('no session and a forged session cookie get exactly the anon column', async () => {
      const bad: string[] = [];
      for (const row of MATRIX) {
        const anon = new Client(t.url);
        const forged = new Client(t.url);
        forged.setCookie('ukuk_session', 'forged-or-expired-session-token-0000000000');
        for (const c of [anon, forged]) {
          const got = await call(c, row.route);
          if (!judge(row.anon, got))
            bad.push(`${row.route} anon: expected ${row.anon}, got ${got.status} ${got.code}`);
        }
      }
      assert.deepEqual(bad, []);
    });

    test('each role gets exactly its column', async () => {
      const bad: string[] = [];
      for (const row of MATRIX) {
        for (const role of ROLES_ORDER) {
          const cell = row.roles[role];
          if (row.effects && cell === 'OK') continue;
          const got = await call(users.get(role)!.client, row.route);
          if (!judge(cell, got))
            bad.push(`${row.route} ${role}: expected ${cell}, got ${got.status} ${got.code}`);
        }
      }
      assert.deepEqual(bad, []);
    });

    test('a wrong CSRF token is refused on every state-changing route, even with a valid session', async () => {
      const admin = users.get('admin')!;
      const bad: string[] = [];
      for (const row of MATRIX.filter((r) => UNSAFE.has(r.route.split(' ')[0]!))) {
        const [method = 'POST', path = '/'] = row.route.split(' ');
        const r = await admin.client.request<{ error?: { code: string } }>(
          method,
          concrete(path),
          {},
          { 'x-csrf-token': 'wrong' },
        );
        if (r.status !== 403 || r.body.error?.code !== 'auth.csrf_invalid')
          bad.push(`${row.route}: ${r.status}`);
      }
      assert.deepEqual(bad, []);
      assert.equal((await admin.client.get('/api/me')).status, 200, 'the admin is still logged in');
    });
  });
}
