import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { MATRIX } from '../access/matrix.ts';

// Payloads that have broken other systems: SQL, markup, traversal, Unicode edge cases, Kyrgyz letters.
const NASTY = [
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '\u202Eexe.pdf',
  'e\u0301\u0301\u0301',
  'ӨҮҢ өүң Ё',
  '\u0000',
  '{{constructor.constructor("x")()}}',
  '__proto__',
  'x'.repeat(100_000),
];

const jsonValue = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'grapheme' }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 5 }),
);
const body = fc.oneof(
  fc.dictionary(
    fc.oneof(
      fc.constantFrom('email', 'password', 'code', 'name', 'role', 'locale', '__proto__', 'constructor'),
      fc.string(),
    ),
    jsonValue,
    { maxKeys: 6 },
  ),
  jsonValue,
  fc.letrec((tie) => ({
    deep: fc.oneof({ depthSize: 'small' }, fc.constant({}), fc.record({ a: tie('deep') })),
  })).deep,
);

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

for (const backend of await backends()) {
  describe(`fuzzing every route (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
    });
    after(async () => t.close());

    test('random, malformed and hostile input never gives a 5xx or a stack trace', async () => {
      const failures: string[] = [];
      const routes = MATRIX.filter((r) => !r.effects);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routes),
          body,
          fc.constantFrom(...NASTY),
          async (row, payload, param) => {
            const [method = 'GET', path = '/'] = row.route.split(' ');
            const url = path
              .replace(':id', encodeURIComponent(param))
              .replace(':token', encodeURIComponent(param));
            const q = `?limit=${encodeURIComponent(param)}&action=${encodeURIComponent(param)}`;
            const r = await admin.client.request(
              method,
              url + (method === 'GET' ? q : ''),
              UNSAFE.has(method) ? payload : undefined,
            );
            const text = JSON.stringify(r.body);
            if (r.status >= 500 || /node_modules|\.ts:\d+|SQLITE_|syntax error at/.test(text))
              failures.push(`${row.route} → ${r.status} ${text.slice(0, 200)}`);
            return true;
          },
        ),
        { numRuns: 300 },
      );
      assert.deepEqual(failures, []);
    });

    test('invalid UTF-8 and wrong content types are refused cleanly', async () => {
      const c = admin.client;
      await c.fetchCsrf();
      const headers = {
        cookie: c.cookieHeader(),
        'x-csrf-token': c.csrf!,
        'content-type': 'application/json',
      };
      const raw = await fetch(`${t.url}/api/me`, {
        method: 'PATCH',
        headers,
        body: Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      });
      assert.ok(raw.status < 500, `invalid UTF-8 → ${raw.status}`);
      const xml = await fetch(`${t.url}/api/me`, {
        method: 'PATCH',
        headers: { ...headers, 'content-type': 'application/xml' },
        body: '<a/>',
      });
      assert.equal(xml.status, 415);
      assert.equal(
        ((await xml.json()) as { error: { code: string } }).error.code,
        'validation.unsupported_media_type',
      );
      assert.equal((await c.get('/api/me')).status, 200);
    });
  });
}
