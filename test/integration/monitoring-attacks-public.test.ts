import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { solve } from '../../src/server/modules/monitoring/public.antispam.ts';
import { setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { INCIDENT, publishTestForm } from '../helpers/monitoring.ts';

type Err = { error: { code: string; message: string } };
type Form = { formVersionId: string; challenge: { token: string; bits: number } };

process.env.UKUK_PUBLIC_POW_BITS = '4';
process.env.UKUK_PUBLIC_MIN_FILL_MS = '0';
process.env.UKUK_PUBLIC_ANSWER_MS = '0';
process.env.UKUK_PUBLIC_RATE_GLOBAL_MINUTE = '1000';

/**
 * The anonymous side of monitoring attacked (issue #5: rate limited, size limited, a reporter never
 * learns whether others reported). monitoring-public.test.ts covers the ordinary refusals; these are
 * the tricks: a forged client address, a look at the headers, reading reports back, unpublished figures.
 */
for (const backend of await backends()) {
  describe(`public monitoring endpoints under attack (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let n = 0;
    const stored = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('submissions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('source', '=', 'public')
            .executeTakeFirstOrThrow()
        ).n,
      );
    async function report(what = `Окуя ${++n} ${randomUUID()}`) {
      const f = (await t.client().get<Form>('/api/public/reports/form')).body;
      return {
        formVersionId: f.formVersionId,
        answers: { what, severity: 'low' },
        challenge: f.challenge.token,
        nonce: solve(f.challenge.token, f.challenge.bits),
      };
    }
    const send = (body: unknown, headers: Record<string, string> = {}) =>
      t.client().request<Err | { received: true }>('POST', '/api/public/reports', body, headers);

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      // The test's own incident form stands in for the shipped one (its answers are known here).
      await t.ctx.db.updateTable('forms').set({ key: null }).where('key', '=', 'public_incident').execute();
      const { formId } = await publishTestForm(t.ctx, INCIDENT);
      await t.ctx.db.updateTable('forms').set({ key: 'public_incident' }).where('id', '=', formId).execute();
    });
    after(async () => t?.close());

    test('a forged X-Forwarded-For does not buy a fresh per-address allowance', async () => {
      process.env.UKUK_PUBLIC_RATE_IP_HOUR = '2';
      try {
        const before = await stored();
        for (let i = 0; i < 4; i++) {
          const r = await send(await report(), { 'x-forwarded-for': `203.0.113.${i + 1}` });
          assert.equal(r.status, 202);
        }
        assert.equal(await stored(), before + 2);
      } finally {
        process.env.UKUK_PUBLIC_RATE_IP_HOUR = '1000';
        await t.ctx.db.deleteFrom('rate_limits').execute();
      }
    });

    test('behind the proxy, only the address the proxy saw counts, not what the client wrote', async () => {
      // UKUK_TRUST_PROXY=1 as the README deploys it: the proxy appends the address it saw; anything
      // before it in X-Forwarded-For was written by the client and must not choose the rate-limit key.
      const p = await startTestApp(backend, { UKUK_TRUST_PROXY: '1' });
      process.env.UKUK_PUBLIC_RATE_IP_HOUR = '2';
      try {
        await setupAdmin(p);
        const { formId } = await publishTestForm(p.ctx, INCIDENT);
        await p.ctx.db.updateTable('forms').set({ key: null }).where('key', '=', 'public_incident').execute();
        await p.ctx.db
          .updateTable('forms')
          .set({ key: 'public_incident' })
          .where('id', '=', formId)
          .execute();
        for (let i = 0; i < 4; i++) {
          const f = (await p.client().get<Form>('/api/public/reports/form')).body;
          const body = {
            formVersionId: f.formVersionId,
            answers: { what: `Через прокси ${i}`, severity: 'low' },
            challenge: f.challenge.token,
            nonce: solve(f.challenge.token, f.challenge.bits),
          };
          // A forged hop first, then the address the proxy appended (the test connects as the proxy).
          const r = await p.client().request('POST', '/api/public/reports', body, {
            'x-forwarded-for': `203.0.113.${i + 1}, 198.51.100.7`,
          });
          assert.equal(r.status, 202);
        }
        // All four came from 198.51.100.7: two stored, whatever the forged hops said.
        const n = await p.ctx.db
          .selectFrom('submissions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        assert.equal(Number(n.n), 2);
      } finally {
        process.env.UKUK_PUBLIC_RATE_IP_HOUR = '1000';
        await p.close();
      }
    });

    test('the same report sent by someone else gets a byte-identical answer', async () => {
      const first = await report('Одна и та же история');
      const a = await send(first);
      const b = await send({ ...(await report('Одна и та же история')) });
      const strip = (h: Headers) =>
        [...h.entries()].filter(([k]) => !['date', 'x-request-id', 'set-cookie'].includes(k)).sort();
      assert.equal(a.status, 202);
      assert.deepEqual([b.status, b.body, strip(b.headers)], [a.status, a.body, strip(a.headers)]);
      const rows = await t.ctx.db
        .selectFrom('submissions')
        .select('id')
        .where('source', '=', 'public')
        .execute();
      assert.equal(new Set(rows.map((r) => r.id)).size, rows.length);
    });

    test('prototype keys in a public report are refused; nothing stored, nothing polluted', async () => {
      const before = await stored();
      const good = await report();
      const raw = JSON.stringify(good).replace('"answers":{', '"answers":{"__proto__":{"polluted":"yes"},');
      const r = await t.client().request<Err>('POST', '/api/public/reports', raw);
      assert.equal(r.status, 400);
      assert.ok(r.body.error.message);
      const c = JSON.stringify(good).replace(
        '"answers":{',
        '"answers":{"constructor":{"prototype":{"x":1}},',
      );
      assert.equal((await t.client().request<Err>('POST', '/api/public/reports', c)).status, 400);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(await stored(), before);
      // The form of an observer mission is not the public form.
      const other = (await publishTestForm(t.ctx, INCIDENT)).versionId;
      const wrong = await send({ ...(await report()), formVersionId: other });
      assert.equal(wrong.status, 404);
      assert.equal(await stored(), before);
    });

    test('a public report cannot be read back, with or without its id', async () => {
      await send(await report());
      const row = await t.ctx.db
        .selectFrom('submissions')
        .select('id')
        .where('source', '=', 'public')
        .executeTakeFirstOrThrow();
      for (const path of [
        `/api/public/reports/${row.id}`,
        '/api/public/reports',
        `/api/monitoring/submissions/${row.id}`,
      ]) {
        const r = await t.client().get<Err>(path);
        assert.ok([401, 404].includes(r.status), `${path}: ${r.status}`);
        assert.ok(!JSON.stringify(r.body).includes('Окуя'), path);
      }
    });

    test('figures of a mission not made public answer exactly like a mission that does not exist', async () => {
      const m = await admin.client.post<{ id: string }>('/api/monitoring/missions', {
        kind: 'election',
        title: 'Тайная миссия',
      });
      const id = m.body.id;
      const at = (x: string) => t.client().get<Err>(`/api/public/monitoring/missions/${x}/summary`);
      const none = await at(randomUUID());
      assert.equal(none.status, 404);
      const draft = await at(id); // a draft, not public
      await admin.client.patch(`/api/monitoring/missions/${id}`, { public: true });
      const draftPublic = await at(id); // public, but still a draft
      await admin.client.patch(`/api/monitoring/missions/${id}`, { public: false, status: 'active' });
      const active = await at(id); // active, not public
      for (const r of [draft, draftPublic, active]) {
        assert.equal(r.status, none.status);
        assert.deepEqual(r.body, none.body);
        assert.ok(!JSON.stringify(r.body).includes('Тайная'));
      }
    });
  });
}
