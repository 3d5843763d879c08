import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { describeBrowser, freshCode, launch, login, openTab, type Tab } from './browser.ts';
import { staffWorldRoles, type Account, type RolesWorld } from './legal-setup.ts';
import { see, track } from './monitoring-setup.ts';
import { hasValue, plant, planted, T, type Ids } from './monitoring-xss-plant.ts';

/**
 * Stored XSS on the monitoring screens (issue #6 item 2, issue #5): the hostile texts of
 * monitoring-xss-plant.ts are stored through the real API, then each screen is opened in Chromium; the
 * text must be on screen as text, no payload may run, no markup may get in, no dialog may open.
 */
await describeBrowser('monitoring: stored text never executes on any monitoring screen', (backend) => {
  let w: RolesWorld;
  let browser: Browser;
  let tab: Tab;
  let ids: Ids;
  let observer: Account;
  const dialogs: string[] = [];

  /** Opens a screen, waits for what it must show literally, then checks nothing ran or got in. */
  async function screen(path: string | null, texts: string[], where = path ?? ''): Promise<void> {
    const { page } = tab;
    if (path) await page.goto(path);
    try {
      for (const text of texts) await see(page, page.getByText(text, { exact: false }).first());
    } catch (e) {
      // Text that became markup is not on screen as text: say what got in, not only what is missing.
      throw new Error(`${String(e)}\nOn ${where}: ${JSON.stringify(await planted(page))}`);
    }
    await page.waitForLoadState('networkidle');
    const found = await planted(page);
    assert.equal(found.flag, undefined, `a payload ran on ${where}`);
    assert.deepEqual(found.markup, [], `markup from stored text on ${where}`);
    assert.deepEqual(dialogs, [], `a dialog opened on ${where}`);
  }

  before(async () => {
    w = await staffWorldRoles(
      backend,
      [
        { role: 'coordinator', email: 'cholpon@example.org', name: T.coordinator },
        { role: 'monitor', email: 'asel@example.org', name: T.observer },
      ],
      // A quick proof of work and no minimum fill time: the anonymous report is sent by the test.
      { env: { UKUK_PUBLIC_POW_BITS: '8', UKUK_PUBLIC_MIN_FILL_MS: '0' } },
    );
    const [coordinator, obs] = w.people as [Account, Account];
    observer = obs;
    ids = await plant(w, coordinator, observer);
    browser = await launch();
    tab = track(await openTab(browser, w.server.url, { locale: 'en', bypassCSP: true }));
    tab.page.setDefaultTimeout(60_000);
    tab.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await login(tab.page, w.admin);
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('the check itself sees a payload that runs (so a pass below means something)', async () => {
    const { page } = tab;
    await page.goto('/monitoring');
    await see(page, page.getByTestId('new-mission'));
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), T.formTitle);
    await page.waitForFunction(() => (window as unknown as { __xss?: unknown }).__xss !== undefined);
    const found = await planted(page);
    assert.equal(found.flag, 1);
    assert.equal(found.markup.length, 1);
    await page.goto('/monitoring');
  });

  it('missions list, forms list and the form builder with its preview', async () => {
    const { page } = tab;
    await screen('/monitoring', [T.mission]);
    await screen('/monitoring/forms', [T.formTitle]);
    await screen(`/monitoring/forms/${ids.formId}`, [T.label, T.hint, T.option, T.formSection]);
    await hasValue(page, T.formTitle);
    await hasValue(page, T.hint);
    await hasValue(page, T.childLabel);
  });

  it('mission dashboard, sites, forms, coordinators and settings', async () => {
    const { page } = tab;
    await screen(`/monitoring/missions/${ids.missionId}`, [T.mission, T.label, T.option], 'dashboard');
    await see(page, page.getByText('Чүй облусу</a>', { exact: false }));
    await page.getByTestId('mission-tab-sites').click();
    await screen(null, [T.siteName, T.siteCode, T.sitePlace, T.observer], 'sites tab');
    await page.getByTestId('mission-tab-forms').click();
    await screen(null, [T.formTitle], 'forms tab');
    await page.getByTestId('mission-tab-coordinators').click();
    await hasValue(page, T.coordinator);
    await screen(null, [], 'coordinators tab');
    await page.getByTestId('mission-tab-settings').click();
    await hasValue(page, T.mission);
    await hasValue(page, T.description);
    await screen(null, [], 'settings tab');
  });

  it('review queue and the submission pages: answers, comments, lock, rejection reason, public report', async () => {
    await screen('/monitoring/review', [T.siteName, T.observer, T.formTitle, T.coordinator]);
    // The mission filter lists mission titles as options.
    await tab.page.getByTestId('review-mission').click();
    await screen(null, [T.mission], 'the review mission filter');
    await tab.page.keyboard.press('Escape');
    await screen(`/monitoring/submissions/${ids.commented}`, [
      T.formTitle,
      T.formSection,
      T.label,
      T.option,
      T.answerText,
      T.answerPlace,
      T.childLabel,
      T.childAnswer,
      T.comment.split('\n')[0]!,
      T.translation,
      T.coordinator,
    ]);
    await see(tab.page, tab.page.getByTestId('lock-banner').getByText(T.coordinator));
    await screen(`/monitoring/submissions/${ids.rejected}`, [T.reason, T.coordinator, T.answerText]);
    await screen(`/monitoring/submissions/${ids.publicReport}`, [T.publicText, T.publicPlace, T.publicLabel]);
  });

  it('the public incident form shows an administrator’s hostile labels as text, with no login', async () => {
    const anon = await openTab(browser, w.server.url, { locale: 'ky', width: 375, bypassCSP: true });
    anon.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    try {
      await anon.page.goto('/report');
      await see(anon.page, anon.page.getByRole('heading', { level: 1, name: T.publicTitle }));
      await see(anon.page, anon.page.getByText(T.publicLabel));
      await anon.page.waitForLoadState('networkidle');
      const found = await planted(anon.page);
      assert.equal(found.flag, undefined);
      assert.deepEqual(found.markup, []);
      assert.deepEqual(dialogs, []);
    } finally {
      await anon.context.close();
    }
  });

  it("the observer's field app shows hostile site names, form titles, labels, hints and options as text", async () => {
    const field = track(await openTab(browser, w.server.url, { locale: 'en', width: 375, bypassCSP: true }));
    field.page.setDefaultTimeout(60_000);
    field.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const { page } = field;
    try {
      await page.goto('/field');
      await page.getByTestId('field-login').click();
      await page.waitForURL('**/login?redirect=**');
      await page.locator('input[name=email]').fill(observer.email);
      await page.locator('input[name=password]').fill(observer.password);
      await page.locator('button[type=submit]').click();
      await page.waitForURL('**/login/totp**');
      await page.locator('input[name=code]').fill(await freshCode(observer.secret));
      await page.locator('button[type=submit]').click();
      await page.waitForURL((u) => u.pathname === '/field');
      const check = async (where: string, texts: string[]) => {
        for (const text of texts) await see(page, page.getByText(text, { exact: false }).first());
        const found = await planted(page);
        assert.equal(found.flag, undefined, `a payload ran on ${where}`);
        assert.deepEqual(found.markup, [], `markup from stored text on ${where}`);
        assert.deepEqual(dialogs, [], `a dialog opened on ${where}`);
      };
      await see(page, page.getByTestId(`field-form-${ids.versionId}`).first());
      await check('the field home', [T.siteName, T.formTitle]);
      await page.getByTestId(`field-form-${ids.versionId}`).first().click();
      await see(page, page.getByTestId('field-save'));
      await check('the field form', [T.formSection, T.label, T.hint, T.option]);
    } finally {
      await field.context.close();
    }
  });
});
