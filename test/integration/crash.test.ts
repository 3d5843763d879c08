import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Client } from '../helpers/client.ts';
import { backends } from '../helpers/db.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { totpFreshAsync } from '../helpers/totp.ts';

// Short form in `npm test`; `UKUK_CRASH_ROUNDS=20` (see `npm run crash`) for the long one.
const ROUNDS = Number(process.env.UKUK_CRASH_ROUNDS ?? 3);

for (const backend of await backends()) {
  describe(`crash durability: SIGKILL during writes (${backend})`, () => {
    test(`${ROUNDS} rounds: every acknowledged write survives and the audit chain verifies`, async () => {
      const first = await startServer({ backend });
      let srv: RunningServer = first;
      const { dataDir, databaseUrl } = srv;
      const c = new Client(srv.url);
      assert.equal(
        (
          await c.post('/api/setup', {
            orgName: 'Crash',
            defaultLocale: 'en',
            adminName: 'Admin',
            adminEmail: 'crash@example.org',
            adminPassword: 'Талас 2026 кулады!',
          })
        ).status,
        200,
      );
      const info = await c.get<{ secret: string }>('/api/auth/totp/enroll');
      assert.equal(
        (await c.post('/api/auth/totp/enroll', { code: await totpFreshAsync(info.body.secret) })).status,
        200,
      );
      const acked = new Set<string>();
      let n = 0;
      try {
        for (let round = 0; round < ROUNDS; round++) {
          const base = `${srv.url}`;
          c.baseUrl = base;
          // Writers keep going until the process dies under them; only 2xx answers count as acknowledged.
          const writers = Array.from({ length: 4 }, async () => {
            for (;;) {
              n += 1;
              try {
                const r = await c.post<{ id: string }>('/api/users', {
                  email: `u${n}@example.org`,
                  name: `User ${n}`,
                  role: 'viewer',
                  locale: 'en',
                });
                if (r.status === 200) acked.add(r.body.id);
              } catch {
                return;
              }
            }
          });
          await new Promise((r) => setTimeout(r, 150 + Math.random() * 600));
          await srv.kill();
          await Promise.all(writers);
          srv = await startServer({ backend, dataDir, databaseUrl });
        }
        c.baseUrl = srv.url;
        const users = await c.get<{ items: { id: string }[] }>('/api/users');
        assert.equal(users.status, 200);
        const present = new Set(users.body.items.map((u) => u.id));
        const lost = [...acked].filter((id) => !present.has(id));
        assert.ok(acked.size > 0, 'some writes were acknowledged');
        assert.deepEqual(lost, [], `${lost.length} of ${acked.size} acknowledged writes lost`);
        const v = await c.post<{ ok: boolean; checked: number }>('/api/audit/verify');
        assert.equal(v.body.ok, true);
      } finally {
        await srv.stop();
        await first.cleanup();
      }
    });
  });
}
