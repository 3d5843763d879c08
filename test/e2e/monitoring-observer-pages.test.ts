import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  axeSerious,
  describeBrowser,
  hasHorizontalScroll,
  launch,
  login,
  openTab,
  settle,
  switchLanguage,
  type Tab,
} from './browser.ts';
import { fieldWorld, type World } from './field-world.ts';

/**
 * An observer on the staff pages (found by a walk-through in Kyrgyz): the mission showed a dashboard
 * that refused them and a count of "received" checklists that was always 0. Now they are sent to the
 * field app, see their own sites, and no error.
 */
await describeBrowser('monitoring: what an observer sees on the staff pages', (backend) => {
  let w: World;
  let browser: Browser;
  let tab: Tab;

  before(async () => {
    w = await fieldWorld(backend);
    browser = await launch();
    tab = await openTab(browser, w.server.url, { locale: 'ky', width: 375 });
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('the missions list and a mission point to the field app, with the observer’s own sites', async () => {
    const { page } = tab;
    await login(page, { email: w.observer.email, password: w.observer.password, secret: w.observer.secret });
    await switchLanguage(page, 'ky');
    await page.goto('/monitoring');
    const notice = page.getByTestId('field-app-notice');
    await notice.getByText('байкоочунун колдонмосунан жөнөтөсүз', { exact: false }).waitFor();
    await page.getByTestId('mission-link').first().click();
    await page.getByTestId('mission-tab-sites').waitFor();
    await page.getByTestId('field-app-notice').waitFor();
    assert.equal(await page.getByTestId('mission-tab-dashboard').count(), 0, 'no dashboard for an observer');
    await page.getByText('C-101', { exact: false }).first().waitFor();
    // Their site to read, nothing to manage.
    for (const id of ['sites-import', 'sites-add', 'assign-observers', 'site-observers'])
      assert.equal(await page.getByTestId(id).count(), 0, id);
    await settle(page);
    assert.equal(await page.getByRole('alert').filter({ hasText: 'укугуңуз жок' }).count(), 0);
    await page.screenshot({ path: '/tmp/mon-observer-mission-ky.png', fullPage: true });
    assert.equal(await hasHorizontalScroll(page), false);
    assert.deepEqual(await axeSerious(page), []);
    await page.getByTestId('field-app-notice').getByRole('link').click();
    await page.waitForURL((u) => u.pathname === '/field');
    await page.getByTestId(`field-form-${w.checklistVersion}`).waitFor();
  });
});
