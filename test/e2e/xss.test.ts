import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { Client } from '../helpers/client.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { totpFreshAsync } from '../helpers/totp.ts';
import { completeSetup, describeBrowser, launch, openTab, type Admin, type Tab } from './browser.ts';

// Stored text that would run if any screen rendered it as HTML.
const ORG = '<img src=x onerror="window.__xss=1">Org';
const NAME = '<script>window.__xss=2</script>"><svg onload="window.__xss=3">';
const AGENT = '<img src=y onerror="window.__xss=4">Agent';
const CASE_TITLE = '<img src=x onerror=alert(1)>';
const PERSON = '<img src=x onerror=alert(2)>Person';

await describeBrowser(
  'stored text never executes on any screen',
  (backend) => {
    let server: RunningServer;
    let browser: Browser;
    let tab: Tab;
    let admin: Admin;
    let caseId = '';
    let personId = '';
    let intakeId = '';
    const dialogs: string[] = [];
    before(async () => {
      server = await startServer({ backend });
      browser = await launch();
      tab = await openTab(browser, server.url);
      tab.page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      admin = await completeSetup(tab, { orgName: ORG });
      // A second session with a hostile user agent, and a user with a hostile name, via the real API.
      const api = new Client(server.url);
      const a = await api.request<{ next: string }>(
        'POST',
        '/api/auth/login',
        { email: admin.email, password: admin.password },
        { 'user-agent': AGENT },
      );
      assert.equal(a.status, 200);
      assert.equal(
        (
          await api.request(
            'POST',
            '/api/auth/totp',
            { code: await totpFreshAsync(admin.secret) },
            { 'user-agent': AGENT },
          )
        ).status,
        200,
      );
      assert.equal(
        (
          await api.post('/api/users', {
            email: 'hostile@example.org',
            name: NAME,
            role: 'viewer',
            locale: 'en',
          })
        ).status,
        200,
      );
      assert.equal((await api.patch('/api/me', { name: NAME })).status, 200);
      const kase = await api.post<{ id: string }>('/api/cases', { type: 'civil', title: CASE_TITLE });
      assert.equal(kase.status, 201);
      caseId = kase.body.id;
      const person = await api.post<{ id: string }>('/api/people', {
        names: [{ full: PERSON }],
        aliases: [NAME],
        notes: AGENT,
      });
      assert.equal(person.status, 201);
      personId = person.body.id;
      const intake = await api.post<{ id: string }>('/api/intakes', { personId });
      assert.equal(intake.status, 201);
      intakeId = intake.body.id;
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('dashboard, users, audit log and profile show the text as text', async () => {
      const { page } = tab;
      for (const path of ['/', '/admin/users', '/admin/audit', '/profile']) {
        await page.goto(path);
        await page.getByTestId('user-menu').waitFor();
        await page.waitForLoadState('networkidle');
        assert.equal(
          await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
          undefined,
          `script ran on ${path}`,
        );
        // The CSP would stop the handlers even if markup got in, so also check no markup got in at all.
        const injected = await page.evaluate(
          () =>
            document.querySelectorAll('img[src="x"], img[src="y"], svg[onload], [onerror], script:not([src])')
              .length,
        );
        assert.equal(injected, 0, `markup from stored text rendered on ${path}`);
      }
      await page.goto('/admin/users');
      await page.getByText('<script>window.__xss=2</script>', { exact: false }).first().waitFor();
      assert.deepEqual(dialogs, []);
    });

    it('the case list and the case page show a hostile case title as text', async () => {
      const { page } = tab;
      for (const path of ['/cases', `/cases/${caseId}`, `/cases/${caseId}?tab=timeline`]) {
        await page.goto(path);
        await page.getByText(CASE_TITLE).first().waitFor();
        await page.waitForLoadState('networkidle');
        const injected = await page.evaluate(
          () => document.querySelectorAll('img[src="x"], [onerror], script:not([src])').length,
        );
        assert.equal(injected, 0, `markup from a case title rendered on ${path}`);
      }
      assert.deepEqual(dialogs, []);
    });

    it('the people list, a profile, the duplicate check and the intake show a hostile name as text', async () => {
      const { page } = tab;
      const screens: [string, () => Promise<unknown>][] = [
        ['/people', () => page.getByText(PERSON).first().waitFor()],
        [`/people/${personId}`, () => page.getByRole('heading', { level: 1, name: PERSON }).waitFor()],
        ['/intake', () => page.getByText(PERSON).first().waitFor()],
        [`/intake/${intakeId}`, () => page.getByTestId('intake-person').getByText(PERSON).waitFor()],
      ];
      for (const [path, ready] of screens) {
        await page.goto(path);
        await ready();
        await page.waitForLoadState('networkidle');
        const injected = await page.evaluate(
          () =>
            document.querySelectorAll('img[src="x"], img[src="y"], svg[onload], [onerror], script:not([src])')
              .length,
        );
        assert.equal(injected, 0, `markup from a person's name rendered on ${path}`);
      }
      await page.goto('/people/new');
      await page.getByTestId('person-name').fill(PERSON);
      await page.getByTestId('duplicate-warning').getByText(PERSON).waitFor();
      assert.equal(await page.evaluate(() => document.querySelectorAll('img[src="x"], [onerror]').length), 0);
      assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
      assert.deepEqual(dialogs, []);
    });
  },
  { postgres: false },
);
