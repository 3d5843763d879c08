import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { validateAnswers, type FormDefinition } from '../../src/core/forms/index.ts';
import { solve } from '../../src/server/modules/monitoring/public.antispam.ts';
import {
  receivePublicReport,
  type PublicOutcome,
  type PublicReportBody,
  type PublicTiming,
} from '../../src/server/modules/monitoring/public.service.ts';
import { setupAdmin, startTestApp, type TestApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

type Form = { formVersionId: string; definition: FormDefinition; challenge: { token: string; bits: number } };
const ANSWER_MS = 400;

process.env.UKUK_PUBLIC_POW_BITS = '4';
process.env.UKUK_PUBLIC_MIN_FILL_MS = '0';
process.env.UKUK_PUBLIC_RATE_IP_HOUR = '1000';
process.env.UKUK_PUBLIC_RATE_GLOBAL_MINUTE = '1000';
process.env.UKUK_PUBLIC_ANSWER_MS = String(ANSWER_MS);

for (const backend of await backends()) {
  describe(`public report: the answer does not depend on earlier reports (${backend})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend);
      await setupAdmin(t);
    });
    after(async () => t?.close());

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

    /** The shipped public form filled as a person would, with a solved fresh challenge. */
    async function report(what: string, over: Partial<PublicReportBody> = {}): Promise<PublicReportBody> {
      const r = await t.client().get<Form>('/api/public/reports/form');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const def = r.body.definition;
      const choice = (key: string) =>
        def.sections.flatMap((s) => s.fields).find((f) => f.key === key)!.options![0]!.key;
      const answers = {
        what_kind: choice('what_kind'),
        what_happened: what,
        where: { region: 'KG-C' },
        happened_on: '2026-11-28',
      };
      assert.deepEqual(validateAnswers(def, answers), []);
      return {
        formVersionId: r.body.formVersionId,
        answers,
        challenge: r.body.challenge.token,
        nonce: solve(r.body.challenge.token, r.body.challenge.bits),
        ...over,
      };
    }

    test('every outcome waits for the same deadline after arrival, through the same path', async () => {
      const waits: number[] = [];
      let arrived = 0;
      const timing: PublicTiming = {
        sleepUntil: async (deadline) => void waits.push(deadline - arrived),
      };
      const send = async (body: PublicReportBody, ip = '198.51.100.7'): Promise<PublicOutcome> => {
        arrived = Date.now();
        return receivePublicReport(t.ctx, body, ip, 'ky', arrived, timing);
      };
      const first = await report('Шайлоо участогунда бюллетендер ташталды');
      const before = await stored();
      const outcomes = [
        await send(first),
        // Someone else sends the very same report: it is not stored again, and nothing else changes.
        await send(await report('Шайлоо участогунда бюллетендер ташталды'), '203.0.113.9'),
        await send(first), // the same challenge again
        await send(await report('Бот', { website: 'http://spam.example' })),
        await send(await report('Дагы бир окуя')),
      ];
      assert.deepEqual(outcomes, ['stored', 'duplicate', 'replay', 'honeypot', 'stored']);
      assert.equal(await stored(), before + 2);
      assert.deepEqual(waits, [ANSWER_MS, ANSWER_MS, ANSWER_MS, ANSWER_MS, ANSWER_MS]);
    });

    test('over HTTP a stored report and a duplicate of it answer alike, neither before the deadline', async () => {
      const c = t.client();
      await c.fetchCsrf();
      const post = async (body: PublicReportBody) => {
        const started = performance.now();
        const res = await fetch(`${t.url}/api/public/reports`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'accept-language': 'ru',
            cookie: c.cookieHeader(),
            'x-csrf-token': c.csrf!,
          },
          body: JSON.stringify(body),
        });
        const elapsed = performance.now() - started;
        const headers = [...res.headers.keys()].filter((h) => h !== 'date').sort();
        return { status: res.status, body: await res.text(), headers, elapsed };
      };
      const text = 'Наблюдателя не пустили на участок';
      const before = await stored();
      const a = await post(await report(text));
      const b = await post(await report(text));
      assert.equal(await stored(), before + 1, 'the second one is a duplicate');
      assert.deepEqual([a.status, a.body, a.headers], [b.status, b.body, b.headers]);
      assert.equal(a.status, 202);
      // A lower bound only (the server holds both answers until the deadline); no comparison of speeds.
      assert.ok(a.elapsed >= ANSWER_MS - 5, `stored answered after ${a.elapsed} ms`);
      assert.ok(b.elapsed >= ANSWER_MS - 5, `duplicate answered after ${b.elapsed} ms`);
    });
  });
}
