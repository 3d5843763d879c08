import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { runCli } from '../helpers/cli.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import {
  axeSerious,
  describeBrowser,
  hasHorizontalScroll,
  launch,
  login,
  loginWithRecoveryCode,
  logout,
  openTab,
  reauth,
  realProblems,
  submitPassword,
  switchLanguage,
  type Tab,
} from './browser.ts';

const OLD_PASSWORD = 'Naryn valley snow leopard 31';
const NEW_PASSWORD = 'apricots from Batken, July 2025';

function sessionRows(page: Page) {
  return page.getByTestId('session-row');
}

/** The other device's session row: the one without the "This device" badge. */
function otherSession(page: Page) {
  return sessionRows(page).filter({ hasNot: page.getByText('This device', { exact: true }) });
}

await describeBrowser('profile: password, recovery codes and sessions', (backend) => {
  let server: RunningServer;
  let browser: Browser;
  let tab: Tab;
  let recoveryCodes: string[] = [];
  // Per backend: the suites run side by side, and this one changes the password.
  const user = { email: 'lawyer@example.org', name: 'Nurlan Lawyer', password: OLD_PASSWORD, secret: '' };

  before(async () => {
    server = await startServer({ backend });
    // The accounts come from the CLI while the server runs, as an operator would create them.
    const files = fs.mkdtempSync(path.join(server.dataDir, 'cli-'));
    const pw = path.join(files, 'password');
    fs.writeFileSync(pw, 'Tokmok bridge at dawn 1987 z');
    const env = { UKUK_DATA_DIR: server.dataDir, DATABASE_URL: server.databaseUrl };
    const setup = await runCli(
      ['setup', '--org', 'Ukuk Test NGO', '--admin-email', 'admin@example.org', '--admin-password-file', pw],
      env,
    );
    assert.equal(setup.code, 0, setup.stderr);
    fs.writeFileSync(pw, user.password);
    const add = await runCli(
      [
        'user',
        'add',
        '--email',
        user.email,
        '--role',
        'lawyer',
        '--name',
        user.name,
        '--locale',
        'en',
        '--password-file',
        pw,
        '--json',
      ],
      env,
    );
    assert.equal(add.code, 0, add.stderr);
    user.secret = (JSON.parse(add.stdout) as { totpSecret: string }).totpSecret;
    fs.rmSync(files, { recursive: true, force: true });
    browser = await launch();
    tab = await openTab(browser, server.url, { locale: 'en' });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('changes the password: the old one stops working, the new one logs in', async () => {
    const { page } = tab;
    await login(page, user);
    await page.goto('/profile');
    await page.locator('input[name=currentPassword]').fill(user.password);
    await page.locator('input[name=newPassword]').fill(NEW_PASSWORD);
    await page.locator('input[name=repeatPassword]').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').getByText('Your password has been changed.', { exact: false }).waitFor();

    await logout(page);
    await submitPassword(page, user);
    await page.getByRole('alert').getByText('The e-mail or password is wrong.').waitFor();
    user.password = NEW_PASSWORD;
    await login(page, user);
    assert.deepEqual(realProblems(tab.problems), []);
  });

  it('creates new recovery codes after re-authentication, and one of them logs in', async () => {
    const { page } = tab;
    await page.goto('/profile');
    await page.getByRole('button', { name: 'Create new recovery codes' }).click();
    await reauth(page, user);
    const list = page.getByTestId('recovery-codes');
    await list.waitFor();
    recoveryCodes = (await list.locator('[role=listitem]').allInnerTexts()).map((c) => c.trim());
    assert.equal(recoveryCodes.length, 10);
    await page.getByTestId('recovery-saved').click();
    await list.waitFor({ state: 'hidden' });

    await logout(page);
    await loginWithRecoveryCode(page, user, recoveryCodes[0]!);
    // A used code is spent.
    const again = await openTab(browser, server.url, { locale: 'en' });
    await submitPassword(again.page, user);
    await again.page.getByTestId('use-recovery').click();
    await again.page.locator('input[name=recoveryCode]').fill(recoveryCodes[0]!);
    await again.page.locator('button[type=submit]').click();
    await again.page.getByRole('alert').waitFor();
    await again.context.close();
  });

  it('ends another device’s session from the sessions list', async () => {
    const other = await openTab(browser, server.url, { locale: 'en' });
    await loginWithRecoveryCode(other.page, user, recoveryCodes[1]!);

    const { page } = tab;
    await page.goto('/profile');
    await otherSession(page).waitFor();
    assert.equal(await sessionRows(page).count(), 2);
    await otherSession(page).getByRole('button', { name: 'Log out' }).click();
    await otherSession(page).waitFor({ state: 'detached' });
    assert.equal(await sessionRows(page).count(), 1);

    await other.page.goto('/profile');
    await other.page.waitForURL('**/login**');
    await other.context.close();
  });

  it('turns reminder e-mails off in Kyrgyz; the choice survives a reload, and the page says mail is not set up', async () => {
    const { page } = tab;
    await page.goto('/profile');
    await switchLanguage(page, 'ky');
    const card = page.getByTestId('email-alerts');
    await card.getByText('Электрондук почта аркылуу эскертүүлөр').waitFor();
    // This server has no SMTP: the card says so instead of promising e-mails.
    await card
      .getByTestId('email-off')
      .getByText('Бул сервер азырынча электрондук кат жөнөтпөйт', { exact: false })
      .waitFor();
    const reminders = card.getByRole('switch', {
      name: 'Сот отурумдары жана мөөнөттөр тууралуу эскертүүлөр',
    });
    assert.equal(await reminders.isChecked(), true, 'on until chosen otherwise');
    // A lawyer reviews no field reports: no switch for critical incidents.
    assert.equal(await card.getByRole('switch').count(), 1);
    await reminders.click();
    await card.getByRole('status').getByText('Сакталды').waitFor();
    await page.reload();
    await card.getByRole('switch').first().waitFor({ state: 'attached' });
    assert.equal(await reminders.isChecked(), false, 'kept after a reload');
    assert.deepEqual(await axeSerious(page), []);
    await page.setViewportSize({ width: 375, height: 800 });
    await card.screenshot({ path: '/tmp/profile-email-alerts-ky.png' });
    assert.equal(await hasHorizontalScroll(page), false);
    await page.setViewportSize({ width: 1280, height: 800 });
    await reminders.click();
    await card.getByRole('status').waitFor();
    assert.equal(await reminders.isChecked(), true);
    await switchLanguage(page, 'en');
    assert.deepEqual(realProblems(tab.problems), []);
  });

  it('sets a phone number in Kyrgyz: a wrong one is refused under the field, a right one survives a reload', async () => {
    const { page } = tab;
    await page.goto('/profile');
    await switchLanguage(page, 'ky');
    // The language was switched from the header after the page opened: the form shows it, unchanged.
    // The header hands the saved profile to this page a moment after the server has it: wait for it.
    const language = page.getByLabel('Интерфейстин тили', { exact: true }).first();
    for (let i = 0; i < 50 && (await language.inputValue()) !== 'Кыргызча'; i++) {
      await page.waitForTimeout(100);
    }
    assert.equal(await language.inputValue(), 'Кыргызча');
    const phone = page.getByRole('textbox', { name: 'Телефон номери' });
    await phone.fill('чалыңыз');
    await page.getByRole('button', { name: 'Сактоо' }).first().click();
    await page.getByText('Телефон: формат туура эмес.').waitFor();
    assert.equal(await phone.getAttribute('aria-invalid'), 'true');
    await phone.fill('+996 555 12 34 56');
    await page.getByRole('button', { name: 'Сактоо' }).first().click();
    await page.getByRole('status').getByText('Сакталды').first().waitFor();
    await page.reload();
    await phone.waitFor();
    assert.equal(await phone.inputValue(), '+996 555 12 34 56');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ky', 'saving kept the language');
    assert.deepEqual(await axeSerious(page), []);
    // Emptied, it is removed.
    await phone.fill('');
    await page.getByRole('button', { name: 'Сактоо' }).first().click();
    await page.getByRole('status').getByText('Сакталды').first().waitFor();
    await page.reload();
    await phone.waitFor();
    assert.equal(await phone.inputValue(), '');
    await switchLanguage(page, 'en');
    // The refused number's 400 is this test's own; nothing else may go wrong.
    assert.deepEqual(
      realProblems(tab.problems).filter((p) => !/status of 400/.test(p)),
      [],
    );
    tab.problems.length = 0;
  });

  it('logs out everywhere, this device included', async () => {
    const other = await openTab(browser, server.url, { locale: 'en' });
    await loginWithRecoveryCode(other.page, user, recoveryCodes[2]!);

    const { page } = tab;
    await page.goto('/profile');
    await otherSession(page).waitFor();
    await page.getByRole('button', { name: 'Log out everywhere' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log out on all devices?' });
    await dialog.getByRole('button', { name: 'Log out everywhere' }).click();
    await page.waitForURL('**/login**');

    await other.page.goto('/profile');
    await other.page.waitForURL('**/login**');
    await other.context.close();
    assert.deepEqual(realProblems(tab.problems), []);
  });
});
