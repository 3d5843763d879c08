import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.ts';

describe('behind HTTPS (UKUK_HTTPS=1)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('sqlite', { UKUK_HTTPS: '1' });
  });
  after(async () => t.close());

  test('HSTS is sent and cookies are __Host-, Secure, HttpOnly, SameSite=Strict', async () => {
    const c = t.client();
    const r = await c.request('GET', '/api/auth/csrf');
    assert.match(r.headers.get('strict-transport-security') ?? '', /max-age=\d{7,}; includeSubDomains/);
    const cookie = r.headers.getSetCookie().find((x) => x.startsWith('__Host-ukuk_csrf='));
    assert.ok(cookie, 'the CSRF cookie uses the __Host- prefix');
    for (const flag of [/; Secure/i, /; HttpOnly/i, /SameSite=Strict/i, /Path=\//])
      assert.match(cookie, flag);
    assert.doesNotMatch(cookie, /Domain=/i);
    assert.match(r.headers.get('content-security-policy') ?? '', /upgrade-insecure-requests/);
  });

  test('without HTTPS there is no HSTS (it would lock a plain-HTTP install out)', async () => {
    const plain = await startTestApp('sqlite');
    try {
      const r = await plain.client().request('GET', '/api/health');
      assert.equal(r.headers.get('strict-transport-security'), null);
    } finally {
      await plain.close();
    }
  });
});
