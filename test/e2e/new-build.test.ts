import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { describeBrowser, launch, login, openTab, type Tab } from './browser.ts';
import { fieldWorld, type World } from './field-world.ts';

/**
 * A tab opened before the server was updated asks for page chunks of the old build, which are gone:
 * the page loads itself again once and opens the screen (TanStack Router's lazyRouteComponent does it,
 * once per failing chunk; this test keeps it so across upgrades of the router).
 */
await describeBrowser('a tab left open across an update', (backend) => {
  let w: World;
  let browser: Browser;
  let tab: Tab;

  before(async () => {
    w = await fieldWorld(backend);
    browser = await launch();
    tab = await openTab(browser, w.server.url, { locale: 'en', width: 1280 });
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('a page chunk that is gone reloads the page once, and the screen opens', async () => {
    const { page } = tab;
    await login(page, { email: w.observer.email, password: w.observer.password, secret: w.observer.secret });
    let asked = 0;
    // The old build's chunk of the missions page is gone the first time it is asked for.
    await page.route('**/assets/MissionsPage-*.js', async (route) => {
      asked += 1;
      if (asked === 1) await route.fulfill({ status: 404, body: 'gone' });
      else await route.continue();
    });
    await page.goto('/');
    await page.getByTestId('user-menu').waitFor();
    const reloaded = page.waitForEvent('load');
    await page.evaluate(() => {
      window.history.pushState({}, '', '/monitoring');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await reloaded;
    await page.getByTestId('field-app-notice').waitFor();
    assert.equal(new URL(page.url()).pathname, '/monitoring');
    assert.ok(asked >= 2, `asked ${asked} times`);
    tab.problems.splice(
      0,
      tab.problems.length,
      ...tab.problems.filter((p) => !/404|MissionsPage|dynamically imported/i.test(p)),
    );
  });
});
