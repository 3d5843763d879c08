import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startTestApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

type Line = Record<string, unknown>;

/**
 * At `info` (production's default) each request is one access line when it ends — id, method, path,
 * status, time — built from plain values outside the redacting logger (ADR 0014, 2026-12-04): so the
 * path's tokens and the query's values must still be gone, and no name, address or cookie may appear.
 */
for (const backend of await backends()) {
  describe(`request log at info (${backend})`, () => {
    test('one line per request, tokens, query values, names and cookies left out', async () => {
      const raw: string[] = [];
      const t = await startTestApp(backend, {}, (line) => void raw.push(line));
      const c = t.client();
      try {
        const setup = await c.post('/api/setup', {
          orgName: 'Log',
          defaultLocale: 'ky',
          adminName: 'Zqx Adminname',
          adminEmail: 'zqxmail@example.org',
          adminPassword: 'Ысык-Көл 2026 жайы!',
        });
        assert.equal(setup.status, 200);
        const invite = await c.get('/api/invite/ZqxInviteToken');
        assert.ok(invite.status >= 400 && invite.status < 500, String(invite.status));
        const search = await c.get('/api/people?q=ZqxSearchedName');
        assert.ok(search.status < 500, String(search.status));

        const lines = raw
          .join('')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Line);
        const done = lines.filter((l) => l.msg === 'request completed');
        assert.deepEqual(
          done.map((l) => [l.method, l.url, l.statusCode]),
          [
            ['GET', '/api/auth/csrf', 200],
            ['POST', '/api/setup', 200],
            ['GET', '/api/invite/[Redacted]', invite.status],
            ['GET', '/api/people?q=…', search.status],
          ],
        );
        for (const l of done) {
          assert.equal(typeof l.reqId, 'string');
          assert.equal(typeof l.responseTime, 'number');
          // Nothing else of the request is logged at info: one line per request, not two.
          assert.equal(lines.filter((m) => m.reqId === l.reqId).length, 1, JSON.stringify(l));
        }
        assert.equal(lines.filter((l) => l.msg === 'incoming request').length, 0);
        const text = raw.join('');
        for (const secret of ['Zqx', 'zqxmail', 'ukuk_session', 'ukuk_csrf', 'Көл'])
          assert.ok(!text.includes(secret), `"${secret}" is in the log`);
      } finally {
        await t.close();
      }
    });
  });
}
