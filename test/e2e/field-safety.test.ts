import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { describeBrowser, hasHorizontalScroll, launch, openTab, type Tab } from './browser.ts';
import { MAX_OPEN_UPLOADS } from '../../src/server/modules/monitoring/uploads.budget.ts';
import {
  attachStationPhoto,
  fieldLogin,
  fieldWorld,
  offlineReady,
  settled,
  signIn,
  type World,
} from './field-world.ts';

/**
 * What a field observer must never lose or leave behind (found by a walk-through at phone width, in
 * Kyrgyz): a tap on Save that answered a question instead, a decimal quietly turned into ten times
 * itself, an entry removed by one stray tap, and a session left open by a logout without connection.
 */
await describeBrowser('field app: taps, numbers and leaving without a connection', (backend) => {
  let w: World;
  let browser: Browser;
  let tab: Tab;

  before(async () => {
    w = await fieldWorld(backend);
    browser = await launch();
    // A short screen: the form scrolls under the save bar.
    tab = await openTab(browser, w.server.url, { locale: 'ky', width: 375 });
    await tab.page.setViewportSize({ width: 375, height: 560 });
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('before anything is saved the home screen says there are no reports, not "everything sent"', async () => {
    const { page } = tab;
    await fieldLogin(page, w);
    await page
      .getByTestId('field-waiting')
      .filter({ hasText: 'Бул телефондо жөнөтүлө элек билдирүү жок.' })
      .waitFor();
    // "Update" says when it last fetched the sites and forms.
    await page
      .getByTestId('field-downloaded-at')
      .filter({ hasText: /^Жаңыланды: .*\d\d:\d\d/ })
      .waitFor();
  });

  it('the save bar takes every tap on it, whatever question scrolls underneath', async () => {
    const { page } = tab;
    await page.getByTestId(`field-form-${w.checklistVersion}`).click();
    await page.getByTestId('field-save').waitFor();
    await settled(page);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < height; y += 40) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      const stolen = await page.evaluate(() => {
        const save = document.querySelector('[data-testid="field-save"]')!;
        const bar = save.getBoundingClientRect();
        return [0.1, 0.5, 0.9]
          .map((x) => document.elementFromPoint(bar.left + bar.width * x, bar.top + bar.height / 2))
          .filter((el) => !el || !save.contains(el))
          .map((el) => el?.outerHTML.slice(0, 120) ?? 'nothing');
      });
      assert.deepEqual(stolen, [], `scrolled to ${y}`);
    }
  });

  it('"7,5" where a whole number is asked stays 7,5 and is refused, never stored as 75', async () => {
    const { page } = tab;
    const voters = page.getByTestId('q-voters');
    await voters.fill('');
    await voters.pressSequentially('7,5');
    assert.equal(await voters.inputValue(), '7,5');
    await page.getByTestId('field-save').click();
    await page.getByTestId('field-invalid').waitFor();
    await page.getByText('Бүтүн сан керек.', { exact: true }).first().waitFor();
    // The same text arriving at once (an Android keyboard's commit, autofill, voice): still 7.5, refused.
    await voters.fill('');
    await voters.fill('7,5');
    assert.equal(await voters.inputValue(), '7,5');
    await page.getByText('Бүтүн сан керек.', { exact: true }).first().waitFor();
    await voters.fill('75');
    assert.equal(await voters.inputValue(), '75');
  });

  it('an entry with answers is removed only after asking', async () => {
    const { page } = tab;
    await page.goto('/field');
    await page.getByTestId(`field-form-${w.visitVersion}`).first().click();
    // The group names its entries ("Complaint"), in Kyrgyz word order.
    // The progress line counts the group once an entry holds an answer, not when it is added.
    const answered = async () =>
      Number((await page.getByTestId('field-progress-text').innerText()).split(' ')[0]);
    const before = await answered();
    await page.getByTestId('add-complaints').filter({ hasText: 'Даттануу кошуу' }).click();
    await page.getByText('Даттануу №1', { exact: true }).waitFor();
    assert.equal(await answered(), before, 'an empty entry is no answer');
    await page.getByTestId('q-complaints[0].complainant').fill('Айгүл');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="field-progress-text"]')?.textContent?.startsWith(`${n} `),
      before + 1,
    );
    await page.getByTestId('remove-complaints[0]').click();
    const confirm = page.getByTestId('remove-confirm-complaints[0]');
    await confirm.getByText('«Даттануу №1» жооптору менен кошо алып саласызбы?').waitFor();
    await confirm.getByRole('button', { name: 'Калтыруу' }).click();
    assert.equal(await page.getByTestId('q-complaints[0].complainant').inputValue(), 'Айгүл');
    await page.getByTestId('remove-complaints[0]').click();
    await page.getByTestId('remove-yes-complaints[0]').click();
    assert.equal(await page.getByTestId('q-complaints[0].complainant').count(), 0);
    // An empty entry goes at once: there is nothing to lose.
    await page.getByTestId('add-complaints').click();
    await page.getByTestId('remove-complaints[0]').click();
    assert.equal(await page.getByTestId('q-complaints[0].complainant').count(), 0);
  });

  it('with the session over, the outbox says so and how to log in, and sends once logged in again', async () => {
    const { page, context } = tab;
    // The browser was closed (the session cookie went with it); the app opens from the phone's copy.
    await context.clearCookies();
    await page.goto('/field');
    await page.getByTestId('field-session-ended').waitFor();
    await saveChecklistWithPhoto(page, w.checklistVersion);
    // Not a "send now" that does nothing: the reason, and the way back.
    await page.getByTestId('field-session-ended').getByText('Сеансыңыз бүттү').waitFor();
    assert.equal(await page.getByTestId('outbox-send-now').isDisabled(), true);
    const sent = () => page.locator('[data-testid="outbox-item"][data-status="sent"]').count();
    const before = await sent();
    await page.getByTestId('field-session-login').click();
    await signIn(page, w);
    await page.getByTestId('field-open-outbox').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="outbox-item"][data-status="sent"]').length > n,
      before,
    );
    assert.equal(await page.getByTestId('field-session-ended').count(), 0);
  });

  it('a photo the server will not take yet keeps its report waiting, and the outbox says why in the language on screen', async () => {
    const { page } = tab;
    // The account already has as many unfinished uploads as the server allows (another phone, say).
    const other = await w.api(w.observer);
    for (let i = 0; i < MAX_OPEN_UPLOADS; i++) {
      const clientId = randomUUID();
      const r = await other.post('/api/monitoring/uploads', {
        clientId,
        size: 1000,
        sha256: createHash('sha256').update(clientId).digest('hex'),
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
    await page.goto('/field');
    await saveChecklistWithPhoto(page, w.checklistVersion);
    const why = page.getByTestId('outbox-waiting-why');
    await why.filter({ hasText: 'Бул эсептен 20 файл жөнөтүлүп жатат' }).waitFor();
    // Waiting ones come first (the report sent after the session test is below it).
    assert.equal(await page.getByTestId('outbox-item').first().getAttribute('data-status'), 'queued');
    // Worded again from the code and its values, not the Kyrgyz text the server sent.
    await page.locator('label', { hasText: /^RU$/ }).click();
    await why.filter({ hasText: 'С этой учётной записи уже отправляются 20 файлов' }).waitFor();
    await page.screenshot({ path: '/tmp/field-upload-limit-ru.png', fullPage: true });
    assert.equal(await hasHorizontalScroll(page), false);
    await page.locator('label', { hasText: /^KY$/ }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ky');
  });

  it('wiping the phone with no connection ends the session as soon as it is back online', async () => {
    const { page, context } = tab;
    await page.goto('/field');
    await page.getByTestId('field-wipe').waitFor();
    await context.setOffline(true);
    await page.getByTestId('field-wipe').click();
    await page.getByTestId('field-confirm').click();
    // Said plainly, on this page: the login page cannot load without the app's offline copy.
    await page.getByTestId('field-left-offline').getByText('Бул телефондон чыктыңыз').waitFor();
    // Not a dead end: it says what comes next.
    await page
      .getByTestId('field-left-offline')
      .getByText('Телефон интернетке кайра туташканда кирүү бети өзү ачылат.')
      .waitFor();
    await page.screenshot({ path: '/tmp/field-left-offline-ky.png', fullPage: true });
    assert.equal(await hasHorizontalScroll(page), false);
    const dbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    assert.ok(!dbs.includes('ukuk-field'), JSON.stringify(dbs));
    // The server has not heard of it yet: the device remembers that it owes the logout.
    assert.equal(await page.evaluate(() => localStorage.getItem('ukuk.logoutPending')), '1');
    await context.setOffline(false);
    await page.waitForURL('**/login**');
    await page.locator('input[name=email]').waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('ukuk.logoutPending')), null);
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    assert.equal(me, 401, 'the old session is over');
  });

  it('after a wipe made offline, the next login brings the offline copy back', async () => {
    const { page, context } = tab;
    // The wiped worker outlived the wipe in the open tab, came back without its files, and the
    // next offline start of the app failed ("This site can't be reached").
    await fieldLogin(page, w);
    // Not before the home screen says the phone is ready: the worker installed under its new address
    // must hold every file, not some of them (going offline mid-install made the reload hang).
    await offlineReady(page);
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByTestId(`field-form-${w.checklistVersion}`).waitFor();
    } finally {
      // Bounded: after a navigation that never ended, Chromium once left this call unanswered for good.
      await Promise.race([context.setOffline(false), new Promise((r) => setTimeout(r, 10_000))]);
    }
  });
});

/** The station's checklist, answered as far as it must be, with a photo, saved; then the outbox. */
async function saveChecklistWithPhoto(page: Tab['page'], version: string): Promise<void> {
  await page.getByTestId(`field-form-${version}`).click();
  await page.getByTestId('q-opened').locator('label').first().click();
  await settled(page);
  await page.getByTestId('q-queue-short').check({ force: true });
  await attachStationPhoto(page);
  await page.getByTestId('field-save').click();
  await page.getByTestId('field-open-outbox').click();
}
