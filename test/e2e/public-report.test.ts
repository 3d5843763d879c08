import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { FormDefinition } from '../../src/core/forms/types.ts';
import { regionName } from '../../src/core/geo/regions.ts';
import { openDb } from '../../src/server/platform/db/db.ts';
import { runCli } from '../helpers/cli.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { describeBrowser, hasHorizontalScroll, launch, openTab, realProblems } from './browser.ts';

const TEMPLATE = path.resolve(
  import.meta.dirname,
  '../../src/server/modules/monitoring/templates/public_incident.json',
);

await describeBrowser(
  'public incident form: no login, proof of work in the browser, one thank-you',
  (backend) => {
    let server: RunningServer;
    let browser: Browser;
    before(async () => {
      // A low difficulty and no minimum fill time keep the test quick; the rules are those of production.
      server = await startServer({
        backend,
        // A challenge that lives 4 s: the report below takes longer, as a person's often does.
        env: {
          UKUK_PUBLIC_POW_BITS: '10',
          UKUK_PUBLIC_MIN_FILL_MS: '0',
          UKUK_PUBLIC_CHALLENGE_TTL_MS: '4000',
        },
      });
      const pw = path.join(fs.mkdtempSync(path.join(server.dataDir, 'cli-')), 'password');
      fs.writeFileSync(pw, 'Tokmok bridge at dawn 1987 z');
      const env = { UKUK_DATA_DIR: server.dataDir, DATABASE_URL: server.databaseUrl };
      const setup = await runCli(
        [
          'setup',
          '--org',
          'Ukuk Test NGO',
          '--admin-email',
          'admin@example.org',
          '--admin-password-file',
          pw,
        ],
        env,
      );
      assert.equal(setup.code, 0, setup.stderr);
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('a person on a phone reports an incident and gets a thank-you; it is stored once, flagged to verify', async () => {
      const raw = JSON.parse(fs.readFileSync(TEMPLATE, 'utf8')) as {
        definition?: FormDefinition;
      } & FormDefinition;
      const def = raw.definition ?? raw;
      const field = (key: string) => def.sections.flatMap((s) => s.fields).find((f) => f.key === key)!;
      const tab = await openTab(browser, server.url, { locale: 'en', width: 375 });
      const { page } = tab;
      await page.goto('/report');
      await page.getByRole('heading', { level: 1, name: def.title.en }).waitFor();
      // Sent empty: refused beside each question, in words that do not repeat the question.
      await page.getByRole('button', { name: 'Send the report' }).click();
      const required = page.getByText('This answer is required.', { exact: true });
      await required.first().waitFor();
      assert.equal(await required.count(), 4);
      // The first question refused takes the focus (above the screen on a phone, it is scrolled to).
      await page.waitForFunction(() => {
        const a = document.activeElement;
        const first = document
          .querySelector('.mantine-InputWrapper-error')
          ?.closest('.mantine-InputWrapper-root');
        return !!a && ['INPUT', 'TEXTAREA'].includes(a.tagName) && !!first?.contains(a);
      });
      await page.getByRole('radio', { name: field('what_kind').options![0]!.label.en }).check();
      // Answered, a question's message goes at once; the others stay until they are answered.
      await page.waitForFunction(
        () => document.body.innerText.split('This answer is required.').length - 1 === 3,
      );
      await page.getByLabel(field('what_happened').label.en).fill('Бюллетендер сатылып жатты, мектеп №5');
      await page.getByTestId('where-region').click();
      await page.getByRole('option', { name: regionName('KG-C', 'en') }).click();
      await page.getByLabel(field('happened_on').label.en).fill('2026-11-28');
      assert.equal(await hasHorizontalScroll(page), false, 'fits 375 px');
      // "You may contact me" asks for how: left empty, it is refused beside the contact question.
      await page
        .getByRole('radiogroup', { name: field('contact_consent').label.en })
        .getByRole('radio', { name: 'Yes' })
        .check();
      await page.getByRole('button', { name: 'Send the report' }).click();
      await required.first().waitFor();
      assert.equal(await required.count(), 1);
      await page.getByLabel(field('contact').label.en).fill('@witness_kg');
      // The challenge fetched with the form has expired by now: the page gets a fresh one and sends.
      await page.waitForTimeout(4_500);
      await page.getByRole('button', { name: 'Send the report' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
      // The one 400 is the expired challenge's answer, which the page recovered from; nothing else.
      const expired = (p: string) => /status of 400/.test(p);
      assert.equal(tab.problems.filter(expired).length, 1);
      assert.deepEqual(realProblems(tab.problems.filter((p) => !expired(p))), []);
      const db = openDb({ dataDir: server.dataDir, databaseUrl: server.databaseUrl });
      try {
        const rows = await db.db
          .selectFrom('submissions')
          .selectAll()
          .where('source', '=', 'public')
          .execute();
        assert.equal(rows.length, 1);
        assert.equal(rows[0]!.flag_verify, 1);
        assert.equal(rows[0]!.region, 'KG-C');
        assert.ok(!JSON.stringify(rows[0]).includes('127.0.0.1'));
      } finally {
        await db.close();
      }
      await tab.context.close();
    });
  },
);
