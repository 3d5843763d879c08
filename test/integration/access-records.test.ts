import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { RECORD_MATRIX, RELATIONS, type RecordCell, type Relation } from '../access/records.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

function judge(cell: RecordCell, status: number, code: string | undefined): boolean {
  if (cell === 'OK') return status >= 200 && status < 300;
  if (cell === 404) return status === 404 && /\.not_found$/.test(code ?? '');
  return status === 403 && code === 'auth.forbidden';
}

for (const backend of await backends()) {
  describe(`record-level access matrix (${backend})`, () => {
    let t: TestApp;
    const who = new Map<Relation, TestUser>();
    const target = new Map<Relation, { id: string; person: string }>();
    let spare: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      const admin = await setupAdmin(t);
      const lead = await addUser(t, admin, 'lawyer');
      const team = await addUser(t, admin, 'lawyer');
      const grant = await addUser(t, admin, 'coordinator');
      const colleague = await addUser(t, admin, 'lawyer');
      spare = await addUser(t, admin, 'lawyer');
      const make = async (restricted: boolean) => {
        const p = await lead.client.post<{ id: string }>('/api/people', {
          names: [{ full: 'Клиент Тестов' }],
        });
        const c = await lead.client.post<{ id: string }>('/api/cases', {
          type: 'civil',
          title: 'Record matrix',
          restricted,
          people: [{ personId: p.body.id, role: 'client' }],
        });
        assert.equal(c.status, 201);
        for (const [u, role] of [
          [team, 'co_counsel'],
          [grant, 'grant'],
        ] as const)
          assert.equal(
            (await lead.client.post(`/api/cases/${c.body.id}/members`, { userId: u.id, role })).status,
            200,
          );
        return { id: c.body.id, person: p.body.id };
      };
      const open = await make(false);
      const restricted = await make(true);
      const users: Record<Relation, TestUser> = {
        own: lead,
        team,
        grant,
        colleague,
        admin,
        'r-admin': admin,
        'r-colleague': colleague,
      };
      for (const r of RELATIONS) {
        who.set(r, users[r]);
        target.set(r, r.startsWith('r-') ? restricted : open);
      }
    });
    after(async () => t.close());

    test('every cell of test/access/records.ts holds', async () => {
      const bad: string[] = [];
      for (const row of RECORD_MATRIX) {
        for (const rel of RELATIONS) {
          const [method = 'GET', raw = ''] = row.route.split(' ');
          const rec = target.get(rel)!;
          const path = raw.replace(':id', rec.id).replace(':person', rec.person);
          const body: unknown = row.body
            ? JSON.parse(JSON.stringify(row.body).replace('":user"', `"${spare.id}"`))
            : method === 'GET'
              ? undefined
              : {};
          const r = await who.get(rel)!.client.request<{ error?: { code: string } }>(method, path, body);
          if (!judge(row.cells[rel], r.status, r.body?.error?.code))
            bad.push(
              `${row.route} as ${rel}: expected ${row.cells[rel]}, got ${r.status} ${r.body?.error?.code ?? ''}`,
            );
        }
      }
      assert.deepEqual(bad, []);
    });

    test('a hidden case answers exactly like a missing one', async () => {
      const c = who.get('colleague')!.client;
      const hidden = await c.get(`/api/cases/${target.get('colleague')!.id}`);
      const missing = await c.get(`/api/cases/${crypto.randomUUID()}`);
      assert.equal(hidden.status, missing.status);
      assert.deepEqual(hidden.body, missing.body);
    });
  });
}
