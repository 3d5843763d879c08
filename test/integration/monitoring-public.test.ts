import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isVisible, validateAnswers, type FormDefinition } from '../../src/core/forms/index.ts';
import {
  issueChallenge,
  leadingZeroBits,
  proofDigest,
  solve,
} from '../../src/server/modules/monitoring/public.antispam.ts';
import { envelope } from '../../src/server/platform/context.ts';
import { tr } from '../../src/server/platform/i18n.ts';
import { setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { INCIDENT, publishTestForm } from '../helpers/monitoring.ts';

type Err = { error: { code: string; message: string } };
type Form = { formVersionId: string; definition: FormDefinition; challenge: { token: string; bits: number } };

// Low difficulty and no fill time, so the tests are quick; one test raises the fill time.
process.env.UKUK_PUBLIC_POW_BITS = '6';
process.env.UKUK_PUBLIC_MIN_FILL_MS = '0';
process.env.UKUK_PUBLIC_RATE_IP_HOUR = '1000';
process.env.UKUK_PUBLIC_RATE_GLOBAL_MINUTE = '1000';

/** Valid answers for whatever the public form asks (the shipped template or the test's own form). */
function fillAnswers(def: FormDefinition, text: string): Record<string, unknown> {
  const a: Record<string, unknown> = {};
  for (const s of def.sections) {
    if (!isVisible(s.visibleIf, a)) continue;
    for (const f of s.fields) {
      if (!f.required || !isVisible(f.visibleIf, a)) continue;
      const opt = f.options?.[0]?.key;
      const v: unknown = {
        text,
        long_text: text,
        number: f.constraint?.min ?? 1,
        boolean: false,
        single_choice: opt,
        multiple_choice: opt ? [opt] : undefined,
        date: '2026-11-28',
        datetime: '2026-11-28T10:00:00+06:00',
        location: { region: 'KG-C' },
      }[f.type as string];
      if (v !== undefined) a[f.key] = v;
    }
  }
  // A free-text answer carries the marker even when no text field is required.
  for (const s of def.sections)
    for (const f of s.fields)
      if ((f.type === 'long_text' || f.type === 'text') && !(f.key in a) && isVisible(f.visibleIf, a)) {
        a[f.key] = text;
        return a;
      }
  return a;
}

for (const backend of await backends()) {
  describe(`public incident form, no login (${backend})`, () => {
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
    async function form(): Promise<Form> {
      const r = await t.client().get<Form>('/api/public/reports/form');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    }
    /** A report as the browser sends it: proof of work solved for a fresh challenge. */
    async function report(over: Record<string, unknown> = {}, text = `Окуя ${++n}`) {
      const f = await form();
      const answers = fillAnswers(f.definition, text);
      assert.deepEqual(validateAnswers(f.definition, answers), []);
      return {
        formVersionId: f.formVersionId,
        answers,
        challenge: f.challenge.token,
        nonce: solve(f.challenge.token, f.challenge.bits),
        ...over,
      };
    }
    // The clock hours in which reports were sent: the per-address window is the clock hour, so one
    // sent by an earlier test in the previous hour does not count against this hour's limit.
    const sentHours = new Set<number>();
    const send = (body: unknown, locale = 'ru') => {
      sentHours.add(new Date().getUTCHours());
      const c = t.client();
      c.locale = locale;
      return c.post<Err | { received: true }>('/api/public/reports', body);
    };

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      // The shipped template when the forms module imported it; else a form of our own under its key.
      const probe = await t.client().get('/api/public/reports/form');
      if (probe.status === 404) {
        const { formId } = await publishTestForm(t.ctx, INCIDENT);
        await t.ctx.db
          .updateTable('forms')
          .set({ key: 'public_incident' })
          .where('id', '=', formId)
          .execute();
      }
    });
    after(async () => t?.close());

    test('accepted, duplicate, honeypot, replay and too-fast reports all get the same 202', async () => {
      const first = await report();
      const a = await send(first);
      assert.equal(a.status, 202);
      assert.deepEqual(a.body, { received: true });
      assert.equal(await stored(), 1);

      const dup = await report({}, `Окуя ${n}`); // the same answers again, fresh challenge
      const b = await send(dup);
      assert.equal(b.status, 202);
      assert.deepEqual(b.body, a.body);
      const replay = await send({ ...first, answers: (await report()).answers });
      assert.equal(replay.status, 202);
      assert.deepEqual(replay.body, a.body);
      const honey = await send(await report({ website: 'http://spam.example' }));
      assert.equal(honey.status, 202);
      assert.deepEqual(honey.body, a.body);
      process.env.UKUK_PUBLIC_MIN_FILL_MS = '60000';
      try {
        const fast = await send(await report());
        assert.equal(fast.status, 202);
        assert.deepEqual(fast.body, a.body);
      } finally {
        process.env.UKUK_PUBLIC_MIN_FILL_MS = '0';
      }
      assert.equal(await stored(), 1, 'only the first report is stored');
      assert.deepEqual(
        new Set([...a.headers.keys()].filter((h) => !['date', 'x-request-id'].includes(h))),
        new Set([...b.headers.keys()].filter((h) => !['date', 'x-request-id'].includes(h))),
        'same headers',
      );
    });

    test('the stored report waits in the review queue flagged to verify, with no address anywhere', async () => {
      const row = await t.ctx.db
        .selectFrom('submissions')
        .selectAll()
        .where('source', '=', 'public')
        .executeTakeFirstOrThrow();
      assert.equal(row.flag_verify, 1);
      assert.equal(row.status, 'received');
      assert.equal(row.observer_id, null);
      assert.equal(row.mission_id, null);
      const text = JSON.stringify(row);
      assert.ok(!text.includes('127.0.0.1'), 'no IP in the submission');
      assert.ok(!text.includes('Окуя 1'), 'answers encrypted');
      for (const table of ['audit_log', 'rate_limits', 'public_marks', 'jobs'] as const) {
        const rows = await t.ctx.db.selectFrom(table).selectAll().execute();
        assert.ok(!JSON.stringify(rows).includes('127.0.0.1'), `no IP in ${table}`);
      }
    });

    test('a public report reads with no mission kind; filed under a mission, with that mission’s kind', async () => {
      type View = {
        missionId: string | null;
        site: unknown;
        missionKind: string | null;
        missionTitle: string | null;
      };
      const row = await t.ctx.db
        .selectFrom('submissions')
        .select('id')
        .where('source', '=', 'public')
        .executeTakeFirstOrThrow();
      const url = `/api/monitoring/submissions/${row.id}`;
      const plain = await admin.client.get<View>(url);
      assert.equal(plain.status, 200, JSON.stringify(plain.body));
      assert.equal(plain.body.missionKind, null);
      assert.equal(plain.body.missionTitle, null);
      assert.equal(plain.body.site, null);
      const m = await admin.client.post<{ id: string }>('/api/monitoring/missions', {
        kind: 'trial',
        title: 'Соттук процесстерге байкоо 2026',
      });
      assert.equal(m.status, 201, JSON.stringify(m.body));
      // No route files a public report under a mission yet; the column allows it, and such a report has
      // no site to take the kind from.
      const file = (missionId: string | null) =>
        t.ctx.db.updateTable('submissions').set({ mission_id: missionId }).where('id', '=', row.id).execute();
      await file(m.body.id);
      try {
        const filed = await admin.client.get<View>(url);
        assert.equal(filed.status, 200, JSON.stringify(filed.body));
        assert.equal(filed.body.missionId, m.body.id);
        assert.equal(filed.body.site, null);
        assert.equal(filed.body.missionKind, 'trial');
        assert.equal(filed.body.missionTitle, 'Соттук процесстерге байкоо 2026');
      } finally {
        await file(null);
      }
    });

    test('over the rate limit (per address or overall) the answer stays 202 and nothing is stored', async () => {
      const before = await stored();
      const hourBefore = new Date().getUTCHours();
      process.env.UKUK_PUBLIC_RATE_IP_HOUR = '1';
      try {
        for (let i = 0; i < 3; i++) {
          const r = await send(await report());
          assert.equal(r.status, 202);
          assert.deepEqual(r.body, { received: true });
        }
      } finally {
        process.env.UKUK_PUBLIC_RATE_IP_HOUR = '1000';
      }
      // The window is the clock hour: crossing it mid-test, or since the suite's first report (then the
      // earlier reports no longer fill the window), may let one through.
      if (new Date().getUTCHours() === hourBefore && sentHours.size === 1)
        assert.equal(await stored(), before, 'per-address limit');
      const minuteBefore = new Date().getUTCMinutes();
      process.env.UKUK_PUBLIC_RATE_GLOBAL_MINUTE = '1';
      try {
        for (let i = 0; i < 3; i++) assert.equal((await send(await report())).status, 202);
      } finally {
        process.env.UKUK_PUBLIC_RATE_GLOBAL_MINUTE = '1000';
      }
      if (new Date().getUTCMinutes() === minuteBefore)
        assert.ok((await stored()) <= before + 1, 'global limit');
    });

    test('malformed requests get a translated 400 and store nothing', async () => {
      const before = await stored();
      const good = await report();
      let bad = 0;
      while (leadingZeroBits(proofDigest(good.challenge, String(bad))) >= 6) bad += 1;
      const wrongNonce = await send({ ...good, nonce: String(bad) }, 'ky');
      assert.equal(wrongNonce.status, 400);
      assert.equal((wrongNonce.body as Err).error.code, 'public_report.proof_invalid');
      assert.equal((wrongNonce.body as Err).error.message, tr('ky', 'errors:public_report.proof_invalid'));
      const forged = await send({ ...good, challenge: good.challenge.replace(/\.(\d+)\./, '.1.') });
      assert.equal((forged.body as Err).error.code, 'public_report.challenge_invalid');
      const old = issueChallenge(
        envelope(t.ctx).deriveKey('ukuk public report challenge v1'),
        6,
        Date.now() - 31 * 60_000,
      );
      const expired = await send({ ...good, challenge: old.token, nonce: solve(old.token, 6) }, 'ru');
      assert.equal(expired.status, 400);
      assert.equal((expired.body as Err).error.code, 'public_report.challenge_expired');
      assert.equal((expired.body as Err).error.message, tr('ru', 'errors:public_report.challenge_expired'));
      const noNonce = await send({ ...good, nonce: undefined });
      assert.equal(noNonce.status, 400);
      assert.equal((noNonce.body as Err).error.code, 'validation.failed');
      const c = t.client();
      const badJson = await c.request<Err>('POST', '/api/public/reports', '{"answers":', {});
      assert.equal(badJson.status, 400);
      const big = await send({ ...good, answers: { x: 'я'.repeat(70_000) } });
      assert.equal(big.status, 413);
      const missing = await send({ ...(await report()), answers: {} }, 'en');
      assert.equal(missing.status, 400);
      assert.equal((missing.body as Err).error.code, 'submissions.answer_invalid');
      assert.equal(await stored(), before);
      // The challenge of a report refused for its answers is still good once corrected.
      const fixed = await send({ ...good });
      assert.equal(fixed.status, 202);
      assert.equal(await stored(), before + 1);
    });
  });
}
