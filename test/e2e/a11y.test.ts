import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server.ts';
import {
  axeSerious,
  completeSetup,
  describeBrowser,
  hasHorizontalScroll,
  launch,
  login,
  logout,
  openTab,
  type Admin,
  type Tab,
} from './browser.ts';

const PAGES: { path: string; ready: (p: Page) => Promise<unknown> }[] = [
  { path: '/', ready: (p) => p.getByTestId('user-menu').waitFor() },
  { path: '/admin/users', ready: (p) => p.getByTestId('user-row').first().waitFor() },
  { path: '/admin/audit', ready: (p) => p.getByTestId('audit-row').first().waitFor() },
  { path: '/profile', ready: (p) => p.getByTestId('session-row').first().waitFor() },
  { path: '/cases', ready: (p) => p.getByTestId('cases-empty').waitFor() },
  { path: '/stats', ready: (p) => p.getByTestId('stats-empty').or(p.getByTestId('stats-people')).waitFor() },
  { path: '/people', ready: (p) => p.getByTestId('people-empty').waitFor() },
  { path: '/people/new', ready: (p) => p.getByTestId('person-form').waitFor() },
  { path: '/intake', ready: (p) => p.getByTestId('intake-filter').waitFor() },
  { path: '/intake/new', ready: (p) => p.getByTestId('intake-person-search').waitFor() },
  {
    path: '/violations/stats',
    ready: (p) => p.getByTestId('vstats-empty').or(p.getByTestId('vstats-events')).waitFor(),
  },
  { path: '/violations/publications', ready: (p) => p.getByTestId('publications-empty').waitFor() },
  { path: '/violations', ready: (p) => p.getByTestId('events-empty').waitFor() },
  { path: '/violations/new', ready: (p) => p.getByTestId('flow-what').waitFor() },
];

// Markup and layout do not depend on the database: SQLite only.
await describeBrowser(
  'accessibility and phone layout',
  () => {
    let server: RunningServer;
    let browser: Browser;
    let tab: Tab;
    let admin: Admin;

    before(async () => {
      server = await startServer();
      browser = await launch();
      tab = await openTab(browser, server.url, { locale: 'ky' });
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('has no serious or critical axe violations on setup, app pages and login', async () => {
      const { page } = tab;
      await page.goto('/setup');
      await page.locator('input[name=orgName]').waitFor();
      assert.deepEqual(await axeSerious(page), [], 'setup');
      admin = await completeSetup(tab);
      for (const { path: p, ready } of PAGES) {
        await page.goto(p);
        await ready(page);
        assert.deepEqual(await axeSerious(page), [], p);
      }
      await logout(page);
      await page.locator('input[name=email]').waitFor();
      assert.deepEqual(await axeSerious(page), [], 'login');
    });

    it('fits a 375 px phone screen without horizontal scrolling', async () => {
      const phone = await openTab(browser, server.url, { locale: 'ru', width: 375 });
      const { page } = phone;
      await page.goto('/login');
      await page.locator('input[name=email]').waitFor();
      assert.equal(await hasHorizontalScroll(page), false, '/login');
      await login(page, admin);
      for (const { path: p, ready } of PAGES) {
        await page.goto(p);
        await ready(page);
        await page.screenshot({
          path: path.join(os.tmpdir(), `ukuk-375${p.replace(/\//g, '_')}.png`),
          fullPage: true,
        });
        assert.equal(await hasHorizontalScroll(page), false, p);
      }
      await phone.context.close();
    });
  },
  { postgres: false },
);
