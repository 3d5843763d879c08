import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { runCli } from '../helpers/cli.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import {
  axeSerious,
  completeSetup,
  confirmRecoverySaved,
  describeBrowser,
  enrolTotp,
  launch,
  login,
  logout,
  openTab,
  reauth,
  realProblems,
  submitPassword,
  switchLanguage,
  textOf,
  type Admin,
  type Tab,
} from './browser.ts';

const member = {
  email: 'nurlan@example.org',
  name: 'Nurlan Member',
  password: 'a long and private passphrase 7',
};

function row(page: Page, email: string) {
  return page.locator(`[data-testid=user-row][data-email="${email}"]`);
}

async function userAction(page: Page, email: string, action: string): Promise<void> {
  await row(page, email).getByTestId('user-actions').click();
  await page.getByTestId(`user-action-${action}`).click();
}

/** The confirm button is the last button of the open dialog. */
async function confirmDialog(page: Page): Promise<void> {
  await page.getByRole('dialog').locator('button').last().click();
}

await describeBrowser('user management', (backend) => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Admin;
  let adminTab: Tab;
  let memberTab: Tab;
  let memberSecret = '';

  before(async () => {
    server = await startServer({ backend });
    browser = await launch();
    adminTab = await openTab(browser, server.url, { locale: 'en' });
    admin = await completeSetup(adminTab);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('invites a user who sets a password, enrols 2FA and logs in', async () => {
    const { page } = adminTab;
    await page.goto('/admin/users');
    await page.getByTestId('invite-user').click();
    await page.locator('input[name=inviteEmail]').fill(member.email);
    await page.locator('input[name=inviteName]').fill(member.name);
    await page.getByRole('dialog').locator('button[type=submit]').click();
    const link = (await page.getByTestId('invite-url').innerText()).trim();
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/invite\/[\w-]+$/);
    await page.keyboard.press('Escape');
    await row(page, member.email).getByText('Invited').waitFor();

    memberTab = await openTab(browser, server.url, { locale: 'ru' });
    const m = memberTab.page;
    await m.goto(link);
    await m.getByRole('heading', { level: 1, name: 'Принять приглашение' }).waitFor();
    assert.equal(await m.locator('input[name=name]').inputValue(), member.name);
    await m.locator('input[name=password]').fill(member.password);
    await m.locator('button[type=submit]').click();
    await m.waitForURL('**/enroll**');
    const enrolled = await enrolTotp(m);
    memberSecret = enrolled.secret;
    assert.equal(enrolled.recoveryCodes.length, 10);
    await confirmRecoverySaved(m);
    await m.getByTestId('user-menu').waitFor();
    await logout(m);
    await login(m, { ...member, secret: memberSecret });
    assert.deepEqual(realProblems(memberTab.problems), []);
  });

  it('changes the role after re-authentication', async () => {
    const { page } = adminTab;
    await page.goto('/admin/users');
    await row(page, member.email).getByText('Active').waitFor();
    await userAction(page, member.email, 'role');
    await page.getByTestId('role-select').click();
    await page.getByRole('option', { name: 'Lawyer' }).click();
    await confirmDialog(page);
    await reauth(page, admin);
    await row(page, member.email).getByText('Lawyer').waitFor();
  });

  it('sets the phone number of a member: a wrong one is refused under the field, a right one is listed', async () => {
    const { page } = adminTab;
    await userAction(page, member.email, 'phone');
    const dialog = page.getByRole('dialog');
    const input = dialog.getByTestId('user-phone');
    await input.fill('ask at the office');
    await confirmDialog(page);
    await dialog.getByText('Phone: the format is not valid.').first().waitFor();
    assert.equal(await row(page, member.email).getByTestId('user-phone-shown').count(), 0);
    await input.fill('+996 700 123 456');
    await confirmDialog(page);
    await dialog.waitFor({ state: 'detached' });
    await row(page, member.email)
      .getByTestId('user-phone-shown')
      .getByText('Phone: +996 700 123 456')
      .waitFor();
    assert.deepEqual(await axeSerious(page), []);
    // The refused number's 400 is this test's own.
    adminTab.problems.splice(
      0,
      adminTab.problems.length,
      ...realProblems(adminTab.problems).filter((p) => !/status of 400/.test(p)),
    );
  });

  it('invites a list of observers in Kyrgyz: a wrong line is named, then everyone gets a link to hand over', async () => {
    const { page } = adminTab;
    await switchLanguage(page, 'ky');
    await page.getByTestId('users-import-open').click();
    const dialog = page.getByRole('dialog');
    const csv = dialog.getByTestId('users-csv');
    await csv.fill(
      'email,name,role,language,phone\nasel@example.org,Асель Токтогулова\nnot-an-address,Бирөө\n',
    );
    await dialog.getByTestId('users-import-submit').click();
    await dialog
      .getByTestId('users-import-errors')
      .getByText('3-сап, электрондук почта: электрондук почтанын дареги эмес')
      .waitFor();
    assert.equal(await row(page, 'asel@example.org').count(), 0, 'nobody invited from a wrong list');
    await csv.fill(
      'email,name,role,language,phone\nasel@example.org,Асель Токтогулова,,ky,+996 555 11 22 33\n' +
        'bakyt@example.org,Бакыт Осмонов,monitor,ru\n',
    );
    await dialog.getByTestId('users-import-submit').click();
    // A bulk action asks for the password and code again unless they were given in the last minutes.
    const reauthDialog = page.locator('input[name=reauthPassword]');
    const result = dialog.getByTestId('users-import-result');
    await Promise.race([reauthDialog.waitFor(), result.waitFor()]);
    if (await reauthDialog.count()) await reauth(page, admin);
    await result.getByText('2 адам чакырылды.', { exact: false }).waitFor();
    assert.equal(await dialog.getByTestId('users-import-links').locator('tbody tr').count(), 2);
    assert.deepEqual(await axeSerious(page), []);
    const downloading = page.waitForEvent('download');
    await dialog.getByTestId('users-import-download').click();
    const file = await downloading;
    assert.equal(file.suggestedFilename(), 'invitations.csv');
    const text = await textOf(file);
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0], 'email,name,role,link');
    assert.match(
      lines[1]!,
      /^asel@example\.org,Асель Токтогулова,monitor,http:\/\/127\.0\.0\.1:\d+\/invite\/[\w-]+$/,
    );
    assert.equal(lines.length, 3);
    await dialog.getByTestId('users-import-close').click();
    await row(page, 'bakyt@example.org').getByText('Чакырылган').waitFor();
    await switchLanguage(page, 'en');
    adminTab.problems.splice(
      0,
      adminTab.problems.length,
      ...realProblems(adminTab.problems).filter((p) => !/status of 40[01]/.test(p)),
    );
  });

  it('deactivates the user, who can then no longer log in', async () => {
    const { page } = adminTab;
    await userAction(page, member.email, 'disable');
    await confirmDialog(page);
    await row(page, member.email).getByText('Deactivated').waitFor();

    const m = memberTab.page;
    await m.context().clearCookies();
    await submitPassword(m, member);
    await m.getByRole('alert').waitFor();
    assert.match(m.url(), /\/login/);
  });

  it('shows the logins in the audit log and verifies the chain', async () => {
    const { page } = adminTab;
    await page.goto('/admin/audit?action=auth.login');
    await page.getByTestId('audit-row').first().waitFor();
    const rows = await page.getByTestId('audit-row').allInnerTexts();
    assert.ok(rows.length >= 3, `expected admin and member logins, got ${rows.length}`);
    assert.ok(rows.every((r) => r.includes('Logged in')));
    assert.ok(rows.some((r) => r.includes(member.name)));
    // The picker shows the deep link's action by its label, finds an action by its code or its
    // label, and offers a whole family.
    const picker = page.getByTestId('audit-filter-action');
    assert.equal(await picker.inputValue(), 'Logged in');
    await picker.fill('auth.logout');
    await page.getByRole('option', { name: 'Logged out', exact: true }).waitFor();
    await picker.fill('sign-in');
    await page.getByRole('option', { name: 'Sign-in and sessions: all actions' }).click();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/action=auth\.\*/);
    await page.getByTestId('audit-row').first().waitFor();
    assert.ok((await page.getByTestId('audit-row').count()) >= rows.length);
    await page.goto('/admin/audit?action=no.such.action');
    await page.getByText('No audit entries match these filters.').waitFor();
    // An old bookmark's action is shown as it is, not dropped from the filter.
    assert.equal(await picker.inputValue(), 'no.such.action');
    await page.getByTestId('verify-chain').click();
    await page.getByText('The chain is intact').waitFor();
    assert.deepEqual(realProblems(adminTab.problems), []);
  });

  it('the panic button seals the system for every tab until it is unsealed on the server', async () => {
    const { page } = adminTab;
    await page.goto('/');
    await page.getByTestId('seal-button').click();
    await page.getByRole('dialog').getByText('Seal the whole system?').waitFor();
    await confirmDialog(page);
    await page.getByRole('heading', { level: 1, name: 'The system is sealed' }).waitFor();
    // Key-file mode: the sealed screen points to the server command, there is no passphrase form.
    await page.getByText('ukuk unseal', { exact: true }).waitFor();
    assert.equal(await page.locator('input[name=passphrase]').count(), 0);

    const other = await openTab(browser, server.url, { locale: 'ru' });
    await other.page.goto('/login');
    await other.page.getByRole('heading', { level: 1, name: 'Система запечатана' }).waitFor();

    const r = await runCli(['unseal'], { UKUK_DATA_DIR: server.dataDir, DATABASE_URL: server.databaseUrl });
    assert.equal(r.code, 0, r.stderr);
    await waitUnsealed(server.url);
    // Every session ended with the seal: the admin is back at the login page.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await other.context.close();
  });
});

/** The running server notices a CLI unseal within about a second. */
async function waitUnsealed(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const health = (await (await fetch(`${url}/api/health`)).json()) as { sealed: boolean };
    if (!health.sealed) {
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server is still sealed 10 s after `ukuk unseal`');
}
