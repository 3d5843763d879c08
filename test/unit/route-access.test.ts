import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { installRouteAccess } from '../../src/server/platform/http/route-access.ts';

test('an API route without an access rule cannot be registered', async () => {
  const app = Fastify();
  installRouteAccess(app);
  app.get('/api/fine', { config: { access: 'public' } }, async () => ({}));
  assert.throws(() => app.get('/api/forgotten', async () => ({})), /no valid access rule/);
  assert.throws(
    () => app.get('/api/typo', { config: { access: 'users.mange' as never } }, async () => ({})),
    /no valid access rule/,
  );
  app.get('/not-api', async () => ({}));
  await app.close();
});
