import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { runCli } from '../helpers/cli.ts';
import { createPgDatabase, tempDir } from '../helpers/db.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { describeBrowser, launch, login, openTab, reauth, realProblems, type Tab } from './browser.ts';

const PASSWORD = 'four eyes see more than two 2026';

interface Person {
  email: string;
  name: string;
  password: string;
  secret: string;
}

function row(page: Page, email: string) {
  return page.locator(`[data-testid=user-row][data-email="${email}"]`);
}

function approvalFor(page: Page, name: string) {
  return page.getByTestId('approval-item').filter({ hasText: name });
}

async function userAction(page: Page, email: string, action: string): Promise<void> {
  await row(page, email).getByTestId('user-actions').click();
  await page.getByTestId(`user-action-${action}`).click();
}

/** The confirm button is the last button of the open dialog. */
async function confirmDialog(page: Page): Promise<void> {
  await page.getByRole('dialog').locator('button').last().click();
}

await describeBrowser('four-eyes approval of the administrator role', (backend) => {
  let server: RunningServer;
  let browser: Browser;
  let dir: string;
  let dropPg: (() => Promise<void>) | undefined;
  let adminA: Person;
  let adminB: Person;
  let tabA: Tab;
  let tabB: Tab;
  const viewer = { email: 'bakyt@example.org', name: 'Bakyt Viewer' };
  const invitee = { email: 'cholpon@example.org', name: 'Cholpon Newcomer' };

  before(async () => {
    dir = tempDir('ukuk-approvals-');
    const pwFile = path.join(dir, 'pw');
    fs.writeFileSync(pwFile, `${PASSWORD}\n`);
    let databaseUrl: string | undefined;
    if (backend === 'postgres') {
      const pg = await createPgDatabase();
      databaseUrl = pg.url;
      dropPg = () => pg.drop();
    }
    const env = { UKUK_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: databaseUrl };
    const cli = async (args: string[]) => {
      const r = await runCli([...args, '--json'], env);
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout) as { totpSecret: string };
    };
    const a = { email: 'aigerim@example.org', name: 'Aigerim Admin', password: PASSWORD };
    const b = { email: 'bolot@example.org', name: 'Bolot Admin', password: PASSWORD };
    const setup = await cli([
      'setup',
      '--org',
      'Ukuk Test NGO',
      '--admin-email',
      a.email,
      '--admin-name',
      a.name,
      '--admin-password-file',
      pwFile,
      '--locale',
      'en',
    ]);
    adminA = { ...a, secret: setup.totpSecret };
    const second = await cli([
      'user',
      'add',
      '--email',
      b.email,
      '--name',
      b.name,
      '--role',
      'admin',
      '--password-file',
      pwFile,
      '--locale',
      'en',
    ]);
    adminB = { ...b, secret: second.totpSecret };
    await cli([
      'user',
      'add',
      '--email',
      viewer.email,
      '--name',
      viewer.name,
      '--role',
      'viewer',
      '--password-file',
      pwFile,
      '--locale',
      'en',
    ]);
    server = await startServer({ backend, dataDir: env.UKUK_DATA_DIR, databaseUrl });
    browser = await launch();
    tabA = await openTab(browser, server.url, { locale: 'en' });
    tabB = await openTab(browser, server.url, { locale: 'en' });
    await login(tabA.page, adminA);
    await login(tabB.page, adminB);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await dropPg?.();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('admin A asks to make a viewer an administrator: the role waits for a second admin', async () => {
    const { page } = tabA;
    await page.goto('/admin/users');
    await row(page, viewer.email).getByText('Viewer', { exact: true }).waitFor();
    assert.equal(await page.getByTestId('approvals-card').count(), 0, 'no card without pending approvals');
    await userAction(page, viewer.email, 'role');
    await page.getByTestId('role-select').click();
    await page.getByRole('option', { name: 'Administrator' }).click();
    await page.getByTestId('four-eyes-hint').waitFor();
    await confirmDialog(page);
    await reauth(page, adminA);

    const notice = page.getByTestId('approval-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /Waiting for another administrator to approve/);
    assert.match(await notice.innerText(), new RegExp(viewer.name));
    const item = approvalFor(page, viewer.name);
    await item.waitFor();
    assert.match(
      await item.innerText(),
      new RegExp(`${adminA.name} asks to make ${viewer.name} an administrator`),
    );
    await item.getByText('Waiting for another administrator', { exact: true }).waitFor();
    await item.getByTestId('approval-withdraw').waitFor();
    assert.equal(await item.getByTestId('approval-approve').count(), 0, 'no approving one’s own request');
    // Not applied yet: still a viewer, marked as pending.
    await row(page, viewer.email).getByTestId('admin-pending-badge').waitFor();
    await row(page, viewer.email).getByText('Viewer', { exact: true }).waitFor();
    assert.deepEqual(realProblems(tabA.problems), []);
  });

  it('admin B approves after re-authentication and the role becomes administrator', async () => {
    const { page } = tabB;
    await page.goto('/admin/users');
    const item = approvalFor(page, viewer.name);
    await item.waitFor();
    assert.equal(await item.getByTestId('approval-withdraw').count(), 0);
    await item.getByTestId('approval-approve').click();
    await reauth(page, adminB);
    await page.getByTestId('approvals-card').waitFor({ state: 'detached' });
    await row(page, viewer.email).getByText('Administrator', { exact: true }).waitFor();
    assert.equal(await row(page, viewer.email).getByTestId('admin-pending-badge').count(), 0);

    // Admin A sees the result too.
    await tabA.page.reload();
    await row(tabA.page, viewer.email).getByText('Administrator', { exact: true }).waitFor();
    assert.equal(await tabA.page.getByTestId('approvals-card').count(), 0);
    assert.deepEqual(realProblems(tabB.problems), []);
  });

  it('inviting an administrator invites a viewer until approved; the requester can withdraw', async () => {
    const { page } = tabA;
    await page.getByTestId('invite-user').click();
    await page.locator('input[name=inviteEmail]').fill(invitee.email);
    await page.locator('input[name=inviteName]').fill(invitee.name);
    await page.getByTestId('invite-role').click();
    await page.getByRole('option', { name: 'Administrator' }).click();
    await page.getByRole('dialog').getByTestId('four-eyes-hint').waitFor();
    await page.getByRole('dialog').locator('button[type=submit]').click();
    // Re-authenticated minutes ago, so no prompt now; the link comes with the "viewer until approved" note.
    await page.getByTestId('invite-url').waitFor();
    assert.match(await page.getByTestId('invite-pending').innerText(), /viewer/);
    await page.keyboard.press('Escape');
    await row(page, invitee.email).getByTestId('admin-pending-badge').waitFor();
    await row(page, invitee.email).getByText('Viewer', { exact: true }).waitFor();

    await approvalFor(page, invitee.name).getByTestId('approval-withdraw').click();
    await page.getByTestId('approvals-card').waitFor({ state: 'detached' });
    assert.equal(await row(page, invitee.email).getByTestId('admin-pending-badge').count(), 0);
    await row(page, invitee.email).getByText('Viewer', { exact: true }).waitFor();
    assert.deepEqual(realProblems(tabA.problems), []);
  });
});
