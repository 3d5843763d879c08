import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
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
import {
  fieldLogin,
  fieldWorld,
  phoneStore,
  settled,
  stored,
  untilStored,
  type World,
} from './field-world.ts';

const PIN = '482916';

async function shot(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.screenshot({ path: `/tmp/field-${name}.png`, fullPage: true });
  assert.equal(await hasHorizontalScroll(page), false, `${name} scrolls sideways at 375 px`);
  assert.deepEqual(await axeSerious(page), [], `${name}: accessibility`);
}

async function saveChecklist(page: Page, w: World, note: string): Promise<void> {
  await page.getByTestId(`field-form-${w.checklistVersion}`).click();
  await page.getByTestId('q-opened').locator('label').first().click();
  await settled(page);
  await page.getByTestId('q-queue-short').check({ force: true });
  await page.getByTestId('q-notes').fill(note);
  await page.getByTestId('field-save').click();
  await page.getByTestId('field-incident').waitFor();
}

/** Every name of an IndexedDB database this origin holds. */
const databases = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

/**
 * The field app's PIN lock (ADR 0031), as an observer uses it at phone width in Kyrgyz: set a PIN, a
 * locked app shows nothing of the reports (also offline and after a reload), wrong PINs count down,
 * the right one opens and sends; after ten wrong ones the phone is erased and the session ended.
 */
await describeBrowser('field app: PIN lock', (backend) => {
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

  it('the observer sets a PIN: too short and not repeated the same are said in Kyrgyz', async () => {
    const { page } = tab;
    await fieldLogin(page, w);
    const card = page.getByTestId('field-pin-card');
    await card.getByText('PIN-код аларды жабык сактайт', { exact: false }).waitFor();
    await card.getByTestId('field-pin-set').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('field-pin-new').fill('1234');
    await dialog.getByTestId('field-pin-save').click();
    await dialog.getByText('Кеминде 6 сан же белги.', { exact: true }).waitFor();
    await dialog.getByTestId('field-pin-new').fill(PIN);
    await dialog.getByTestId('field-pin-again').fill('482917');
    await dialog.getByText('Эки PIN-код бирдей эмес.', { exact: true }).waitFor();
    await settle(page);
    await dialog.screenshot({ path: '/tmp/field-pin-set-ky.png' });
    await dialog.getByTestId('field-pin-again').fill(PIN);
    await dialog.getByTestId('field-pin-save').click();
    await dialog.waitFor({ state: 'detached' });
    await card.getByTestId('field-lock-now').waitFor();
    await card.getByText('Колдонмо PIN-код менен кулпуланат', { exact: false }).waitFor();
    // The usable key is no longer stored on the phone; only its PIN-wrapped form is.
    const rows = (await phoneStore(page, 'meta')).keys;
    assert.ok(rows.includes('pinLock'), JSON.stringify(rows));
    assert.ok(!rows.includes('deviceKey'), JSON.stringify(rows));
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'pin-home-ky');
  });

  it('turning the PIN off asks for it; a mission that requires one starts no report until it is set', async () => {
    const { page } = tab;
    const card = page.getByTestId('field-pin-card');
    await card.getByTestId('field-pin-remove').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('field-pin-current').fill('000000');
    await dialog.getByTestId('field-pin-remove-confirm').click();
    await dialog.getByText('9 аракет калды', { exact: false }).waitFor();
    await dialog.getByTestId('field-pin-current').fill(PIN);
    await dialog.getByTestId('field-pin-remove-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await card.getByTestId('field-pin-set').waitFor();
    // An administrator now requires the lock in the mission's settings, in Kyrgyz; the phone learns it
    // with its next download.
    const office = await openTab(browser, w.server.url, { locale: 'ky' });
    try {
      await login(office.page, w.admin);
      await switchLanguage(office.page, 'ky');
      await office.page.goto(`/monitoring/missions/${w.missionId}`);
      await office.page.getByTestId('mission-tab-settings').click();
      const require = office.page.getByTestId('mission-field-pin');
      await office.page.getByText('Байкоочулардын телефондору PIN-код менен кулпуланышы керек').waitFor();
      await require.check();
      await office.page.getByTestId('mission-settings-save').click();
      await office.page.getByRole('status').getByText('Сакталды.').waitFor();
      await settle(office.page);
      await office.page.screenshot({ path: '/tmp/field-pin-mission-setting-ky.png', fullPage: true });
    } finally {
      await office.context.close();
    }
    const m = await w.admin$.get<{ fieldPin: boolean }>(`/api/monitoring/missions/${w.missionId}`);
    assert.equal(m.body.fieldPin, true);
    await page.getByTestId('field-download').click();
    await card.getByText('Баштоо үчүн PIN-код коюңуз', { exact: true }).waitFor();
    const form = page.getByTestId(`field-form-${w.checklistVersion}`);
    await page.waitForFunction(
      (id) => (document.querySelector(`[data-testid="field-form-${id}"]`) as HTMLButtonElement)?.disabled,
      w.checklistVersion,
    );
    assert.equal(await page.getByTestId('field-incident').isDisabled(), true, 'the red button waits too');
    // The card comes first, above the red button, which it explains to a screen reader too.
    const top = async (id: string) => (await page.getByTestId(id).boundingBox())!.y;
    assert.ok((await top('field-pin-card')) < (await top('field-incident')));
    assert.equal(
      await page.getByTestId('field-incident').getAttribute('aria-describedby'),
      'field-pin-card-text',
    );
    await shot(page, 'pin-required-ky');
    // Nor does a report open by its address.
    const assigned = await page.request.get('/api/monitoring/assignments');
    const siteId = ((await assigned.json()) as { siteId: string }[])[0]!.siteId;
    await page.goto(`/field/report/${w.checklistVersion}/${siteId}`);
    await page
      .getByTestId('field-form-unavailable')
      .getByText('Миссияңыз бул телефонду PIN-код менен кулпулоону талап кылат', { exact: false })
      .waitFor();
    assert.equal(await page.getByTestId('field-save').count(), 0);
    await page.getByTestId('field-back').click();
    await card.getByTestId('field-pin-set').click();
    await dialog.getByTestId('field-pin-new').fill(PIN);
    await dialog.getByTestId('field-pin-again').fill(PIN);
    await dialog.getByTestId('field-pin-save').click();
    await dialog.waitFor({ state: 'detached' });
    await form.and(page.locator(':enabled')).waitFor();
    // Set, it stays: there is no way to turn it off while the mission requires it.
    await card.getByTestId('field-pin-kept').waitFor();
    assert.equal(await card.getByTestId('field-pin-remove').count(), 0);
  });

  it('offline, locked and reloaded, nothing shows until the right PIN; then the report is sent', async () => {
    const { page, context } = tab;
    await context.setOffline(true);
    await page.getByTestId('field-online').filter({ hasText: 'Байланыш жок' }).waitFor();
    await saveChecklist(page, w, 'Saved behind a PIN');
    await page.getByTestId('field-waiting').filter({ hasText: '1' }).waitFor();
    await page.getByTestId('field-lock-now').click();
    await page.getByTestId('field-unlock-pin').waitFor();
    assert.equal(await page.getByTestId('field-incident').isVisible(), false, 'the home screen is hidden');
    await page.reload();
    await page.getByTestId('field-unlock-pin').waitFor();
    await page.goto('/field/outbox');
    await page.getByTestId('field-unlock-pin').waitFor();
    assert.equal(await page.getByTestId('outbox-item').count(), 0, 'no report shows behind the lock');
    await page.getByTestId('field-unlock-pin').fill('000000');
    await page.getByTestId('field-unlock').click();
    await page
      .getByTestId('field-unlock-wrong')
      .getByText('PIN-код туура эмес. Бул телефондогунун баары өчүрүлгөнгө чейин 9 аракет калды.')
      .waitFor();
    await shot(page, 'pin-locked-ky');
    await page.getByTestId('field-unlock-pin').fill(PIN);
    await page.getByTestId('field-unlock').click();
    await page.getByTestId('outbox-item').first().waitFor();
    assert.equal((await stored(w)).length, 0);
    await context.setOffline(false);
    await untilStored(w, 1);
  });

  it('unused for five minutes, the app locks by itself', async () => {
    const { page } = tab;
    await page.clock.install();
    await page.goto('/field');
    await page.getByTestId('field-unlock-pin').fill(PIN);
    await page.getByTestId('field-unlock').click();
    await page.getByTestId('field-incident').waitFor();
    // Put down half-way through a report.
    await page.getByTestId(`field-form-${w.checklistVersion}`).click();
    await page.getByTestId('q-notes').fill('Half-typed before the lock');
    await page.clock.fastForward('04:00');
    assert.equal(await page.getByTestId('field-unlock-pin').count(), 0, 'not yet after four minutes');
    await page.clock.fastForward('01:30');
    await page.getByTestId('field-unlock-pin').waitFor();
    assert.equal(await page.getByTestId('q-notes').isVisible(), false, 'the report is hidden');
    // Unlocked again, the report is as it was left.
    await page.getByTestId('field-unlock-pin').fill(PIN);
    await page.getByTestId('field-unlock').click();
    await page.getByTestId('q-notes').waitFor();
    assert.equal(await page.getByTestId('q-notes').inputValue(), 'Half-typed before the lock');
    await page.getByTestId('field-back').click();
    await page.getByTestId('field-lock-now').click();
    await page.getByTestId('field-unlock-pin').waitFor();
  });

  it('after ten wrong PINs the phone is erased and the session ended', async () => {
    const { page } = tab;
    // Ten tries again: the right PIN set the count back to none.
    for (let i = 1; i < 10; i++) {
      await page.getByTestId('field-unlock-pin').fill(`wrong-${i}`);
      await page.getByTestId('field-unlock').click();
      await page
        .getByTestId('field-unlock-wrong')
        .getByText(`${10 - i} аракет калды`, { exact: false })
        .waitFor();
    }
    await page.getByTestId('field-unlock-pin').fill('wrong-10');
    await page.getByTestId('field-unlock').click();
    await page.waitForURL('**/login?redirect=**');
    assert.deepEqual(await databases(page), [], 'the field database is gone');
    const me = await page.request.get('/api/me');
    assert.equal(me.status(), 401, 'the session ended with the wipe');
    assert.equal((await stored(w)).length, 1, 'what was sent is safe on the server');
  });
});
