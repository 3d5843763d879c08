import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { runCli } from '../helpers/cli.ts';
import { createPgDatabase, tempDir } from '../helpers/db.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { describeBrowser, launch, login, openTab, type Tab } from './browser.ts';

const PASSPHRASE = 'Ысык-Көлдүн жээгинде 2026-жылы күз';
const admin = {
  email: 'boss@example.org',
  password: 'Жалал-Абад 2026 күзү жакшы',
  name: 'Айгерим Токтосунова',
};

// Literal Kyrgyz (the admin's language from `setup --locale ky`), so a missing translation fails.
const KY = {
  sealed: 'Система мөөрлөнгөн',
  wrongPassphrase: 'Купуя сөз айкашы туура эмес.',
  login: 'Кирүү',
  dashboard: 'Башкы бет',
  sealConfirmTitle: 'Бүт системаны мөөрлөйсүзбү?',
};

await describeBrowser('sealed (passphrase) mode: unseal in the browser, seal again', (backend) => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let tab: Tab;
  let secret = '';
  let dropPg: (() => Promise<void>) | undefined;

  before(async () => {
    dir = tempDir('ukuk-e2e-seal-');
    fs.writeFileSync(path.join(dir, 'password'), admin.password);
    fs.writeFileSync(path.join(dir, 'passphrase'), PASSPHRASE);
    const dataDir = path.join(dir, 'data');
    let databaseUrl: string | undefined;
    if (backend === 'postgres') {
      const pg = await createPgDatabase();
      databaseUrl = pg.url;
      dropPg = () => pg.drop();
    }
    const setup = await runCli(
      [
        'setup',
        '--org',
        'Бир Дүйнө',
        '--admin-email',
        admin.email,
        '--admin-name',
        admin.name,
        '--admin-password-file',
        path.join(dir, 'password'),
        '--locale',
        'ky',
        '--sealed',
        '--passphrase-file',
        path.join(dir, 'passphrase'),
        '--json',
      ],
      { UKUK_DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    );
    assert.equal(setup.code, 0, setup.stderr);
    secret = (JSON.parse(setup.stdout) as { totpSecret: string }).totpSecret;
    server = await startServer({ backend, dataDir, databaseUrl });
    browser = await launch();
    tab = await openTab(browser, server.url, { locale: 'ky' });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await dropPg?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts sealed; a wrong passphrase is refused in Kyrgyz, the right one opens the login page', async () => {
    const { page } = tab;
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: KY.sealed }).waitFor();
    await page.locator('input[name=passphrase]').fill('бул туура эмес купуя сөз');
    await page.locator('button[type=submit]').click();
    // Said under the field itself, which is marked invalid for screen readers.
    await page.getByRole('alert').getByText(KY.wrongPassphrase, { exact: true }).waitFor();
    const field = page.locator('input[name=passphrase]');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    // Still sealed, and the field can simply be corrected.
    await field.fill(PASSPHRASE);
    await page.locator('button[type=submit]').click();
    await page.getByRole('heading', { level: 1, name: KY.login }).waitFor();
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { sealed: boolean };
    assert.equal(health.sealed, false);
  });

  it('"Seal now" seals again and ends the session; unsealing leads back to the login page', async () => {
    const { page } = tab;
    await login(page, { ...admin, secret });
    await page.getByRole('heading', { level: 1, name: KY.dashboard }).waitFor();
    await page.getByTestId('seal-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(KY.sealConfirmTitle).waitFor();
    await dialog.locator('button').last().click();
    await page.getByRole('heading', { level: 1, name: KY.sealed }).waitFor();
    await page.locator('input[name=passphrase]').fill(PASSPHRASE);
    await page.locator('button[type=submit]').click();
    await page.getByRole('heading', { level: 1, name: KY.login }).waitFor();
    // The seal ended the session: the dashboard is no longer reachable without logging in.
    await page.goto('/');
    await page.waitForURL('**/login**');
  });
});
