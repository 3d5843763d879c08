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
const EVIDENCE_NAME = '<svg onload="window.__xss=5">photo';

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
    let eventId = '';
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
      // A violation record whose every free-text field is hostile (issue #4 screens).
      const event = await api.post<{ id: string }>('/api/violations/events', {
        title: CASE_TITLE,
        description: NAME,
        place: AGENT,
      });
      assert.equal(event.status, 201);
      eventId = event.body.id;
      const act = await api.post(`/api/violations/events/${eventId}/acts`, {
        victimId: personId,
        actType: '020111110000',
        place: AGENT,
        consequences: NAME,
      });
      assert.equal(act.status, 201, JSON.stringify(act.body));
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

    it('the violation list and event page show hostile titles, places and consequences as text', async () => {
      const { page } = tab;
      const screens: [string, () => Promise<unknown>][] = [
        ['/violations', () => page.getByTestId('event-row').getByText(CASE_TITLE).waitFor()],
        [`/violations/${eventId}`, () => page.getByTestId('event-fields').getByText(AGENT).waitFor()],
        [`/violations/${eventId}?tab=acts`, () => page.getByTestId('act-card').getByText(NAME).waitFor()],
        [
          `/violations/${eventId}?tab=people`,
          () => page.getByTestId('event-person').getByText(PERSON).waitFor(),
        ],
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
        assert.equal(injected, 0, `markup from a violation record rendered on ${path}`);
      }
      assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
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

    it('evidence, violation roles and statistics show hostile file names and descriptions as text', async () => {
      const { page } = tab;
      await page.goto('/');
      await page.getByTestId('user-menu').waitFor();
      // A file whose name and description are markup, uploaded through the real API from the page.
      const status = await page.evaluate(
        async ({ id, name, description }) => {
          const csrf = ((await (await fetch('/api/auth/csrf')).json()) as { token: string }).token;
          const form = new FormData();
          form.append('description', description);
          form.append('file', new File(['%PDF-1.4\nhostile\n%%EOF\n'], name, { type: 'application/pdf' }));
          const r = await fetch(`/api/violations/events/${id}/evidence`, {
            method: 'POST',
            headers: { 'x-csrf-token': csrf },
            body: form,
          });
          return r.status;
        },
        { id: eventId, name: `${EVIDENCE_NAME}.pdf`, description: AGENT },
      );
      assert.equal(status, 201);
      const screens: [string, () => Promise<unknown>][] = [
        [
          `/violations/${eventId}?tab=evidence`,
          () => page.getByTestId('evidence-description-text').getByText(AGENT).waitFor(),
        ],
        [
          `/people/${personId}`,
          () => page.getByTestId('person-violation-link').getByText(CASE_TITLE).waitFor(),
        ],
        ['/violations/stats', () => page.getByTestId('vstats-events').waitFor()],
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
        assert.equal(injected, 0, `markup from stored text rendered on ${path}`);
      }
      await page.goto(`/violations/${eventId}?tab=evidence`);
      // The server may tidy a file name, but whatever it keeps is shown as text.
      await page.getByTestId('evidence-name').getByText('photo.pdf', { exact: false }).waitFor();
      assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
      assert.deepEqual(dialogs, []);
    });
  },
  { postgres: false },
);
