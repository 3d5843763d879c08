import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { api, ApiError, apiErrorOf, resetCsrf } from '../../src/web/api/client.ts';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  resetCsrf();
});

describe('ApiError from the server error body', () => {
  test('carries code, message, fields, details, params and the retry delay', () => {
    const e = apiErrorOf(400, {
      error: {
        code: 'forms.definition_invalid',
        message: 'Форма туура эмес',
        fields: [{ path: 'definition', code: 'custom', message: 'Туура эмес' }],
        details: [
          { path: 'sections.0.fields.1.options', code: 'options_required' },
          { line: 3, field: 'region', code: 'unknown_region' },
        ],
        params: { name: 'Айгүл', count: 2 },
        retryAfterSeconds: 7,
      },
    });
    assert.ok(e instanceof ApiError);
    assert.equal(e.status, 400);
    assert.equal(e.code, 'forms.definition_invalid');
    assert.equal(e.message, 'Форма туура эмес');
    assert.deepEqual(e.fields, [{ path: 'definition', message: 'Туура эмес' }]);
    assert.deepEqual(e.details, [
      { path: 'sections.0.fields.1.options', code: 'options_required' },
      { line: 3, field: 'region', code: 'unknown_region' },
    ]);
    assert.deepEqual(e.params, { name: 'Айгүл', count: 2 });
    assert.equal(e.retryAfterSeconds, 7);
  });

  test('details that are not a list of issues (an upload offset, a lock holder) give an empty list', () => {
    assert.deepEqual(
      apiErrorOf(409, { error: { code: 'uploads.offset_mismatch', details: { received: 5 } } }).details,
      [],
    );
  });

  test('malformed entries are dropped, not passed on with the wrong types', () => {
    const e = apiErrorOf(400, {
      error: {
        code: 'x',
        details: [null, 'text', { path: 'a' }, { code: 5 }, { code: 'ok', path: 1, line: '2', field: 'f' }],
        params: { a: 'b', o: { nested: true }, n: null },
        fields: [{ path: 'p' }, 'x'],
      },
    });
    assert.deepEqual(e.details, [{ code: 'ok', field: 'f' }]);
    assert.deepEqual(e.params, { a: 'b' });
    assert.deepEqual(e.fields, []);
  });

  test('a body that is not the server’s (a proxy page) falls back to the status', () => {
    const e = apiErrorOf(502, null, 'Bad Gateway', 30);
    assert.equal(e.code, 'http.502');
    assert.equal(e.message, 'Bad Gateway');
    assert.deepEqual(e.details, []);
    assert.deepEqual(e.params, {});
    assert.equal(e.retryAfterSeconds, 30);
  });

  test('api() rejects with the details of a refused write', async () => {
    const calls: string[] = [];
    globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : input.toString();
      calls.push(`${init?.method ?? 'GET'} ${url}`);
      if (url === '/api/auth/csrf') return Response.json({ token: 't' });
      return Response.json(
        { error: { code: 'sites.import_invalid', message: 'bad', details: [{ line: 2, code: 'required' }] } },
        { status: 400 },
      );
    };
    const err = await api
      .post('/api/monitoring/missions/m/sites/import', { csv: '' })
      .catch((e: unknown) => e);
    assert.ok(err instanceof ApiError);
    assert.equal(err.code, 'sites.import_invalid');
    assert.deepEqual(err.details, [{ line: 2, code: 'required' }]);
    assert.deepEqual(calls, ['GET /api/auth/csrf', 'POST /api/monitoring/missions/m/sites/import']);
  });
});
