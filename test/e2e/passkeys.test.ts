import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server.ts';
import {
  addVirtualAuthenticator,
  completeSetup,
  describeBrowser,
  launch,
  localhostUrl,
  logout,
  openTab,
  reauth,
  realProblems,
  submitPassword,
  type Admin,
  type Tab,
  type VirtualAuthenticator,
} from './browser.ts';

await describeBrowser('passkeys (WebAuthn) with Chromium’s virtual authenticator', (backend) => {
  let server: RunningServer;
  let browser: Browser;
  let tab: Tab;
  let admin: Admin;
  let authenticator: VirtualAuthenticator;

  const credentials = async () =>
    (
      await authenticator.cdp.send('WebAuthn.getCredentials', {
        authenticatorId: authenticator.authenticatorId,
      })
    ).credentials;

  before(async () => {
    server = await startServer({ backend });
    browser = await launch();
    // WebAuthn binds a passkey to a domain name: open the app as localhost, not 127.0.0.1.
    tab = await openTab(browser, localhostUrl(server.port), { locale: 'en' });
    admin = await completeSetup(tab);
    authenticator = await addVirtualAuthenticator(tab.page);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a named passkey in the profile after re-authentication', async () => {
    const { page } = tab;
    await page.goto('/profile');
    await page.getByTestId('passkeys-empty').getByText('You have no passkeys yet.').waitFor();
    await page.getByTestId('passkey-add').click();
    const dialog = page.getByRole('dialog', { name: 'Add a passkey' });
    await dialog.locator('input[name=passkeyName]').fill('Work laptop');
    await dialog.locator('button[type=submit]').click();
    await reauth(page, admin);
    await page.getByText('Passkey “Work laptop” added.', { exact: false }).waitFor();
    const row = page.locator('[data-testid=passkey-row][data-name="Work laptop"]');
    await row.getByText('Not used yet').waitFor();
    await row.getByText(/^Added: /).waitFor();

    const stored = await credentials();
    assert.equal(stored.length, 1);
    // The server derived the relying party from the Host header (UKUK_PUBLIC_URL is unset).
    assert.equal(stored[0]!.rpId, 'localhost');
  });

  it('refuses to register the same authenticator twice, with a clear message', async () => {
    const { page } = tab;
    await page.getByTestId('passkey-add').click();
    const dialog = page.getByRole('dialog', { name: 'Add a passkey' });
    await dialog.locator('input[name=passkeyName]').fill('Same laptop again');
    await dialog.locator('button[type=submit]').click();
    await dialog.getByText('This device already holds a passkey for your account.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.getByTestId('passkey-row').count(), 1);
  });

  it('logs in with password, then the passkey instead of a code; a cancelled prompt is a calm note', async () => {
    const { page } = tab;
    await logout(page);
    await submitPassword(page, admin);
    await page.waitForURL('**/login/totp**');
    const button = page.getByRole('button', { name: 'Use a passkey instead' });

    // No matching credential on the authenticator: the browser answers NotAllowedError, as when a
    // person closes the dialog.
    const saved = await credentials();
    await authenticator.cdp.send('WebAuthn.clearCredentials', {
      authenticatorId: authenticator.authenticatorId,
    });
    await button.click();
    const note = page.getByTestId('passkey-cancelled');
    await note.getByText('The passkey request was cancelled.', { exact: false }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0, 'a cancel is not shown as an error');
    assert.match(page.url(), /\/login\/totp/);

    for (const credential of saved) {
      await authenticator.cdp.send('WebAuthn.addCredential', {
        authenticatorId: authenticator.authenticatorId,
        credential,
      });
    }
    await button.click();
    await page.getByTestId('user-menu').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    assert.ok((await credentials())[0]!.signCount > saved[0]!.signCount, 'the authenticator signed');
  });

  it('shows when the passkey was last used and removes it after confirmation and re-authentication', async () => {
    const { page } = tab;
    await page.goto('/profile');
    const row = page.locator('[data-testid=passkey-row][data-name="Work laptop"]');
    await row.getByText(/^Last used: /).waitFor();
    await row.getByRole('button', { name: 'Remove the passkey “Work laptop”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove the passkey “Work laptop”?' });
    await dialog.getByRole('button', { name: 'Remove passkey' }).click();
    await reauth(page, admin);
    await page.getByTestId('passkeys-empty').waitFor();
    await page.getByText('The passkey was removed.').waitFor();

    await logout(page);
    await submitPassword(page, admin);
    await page.locator('input[name=code]').waitFor();
    assert.equal(await page.getByTestId('passkey-login').count(), 0, 'no passkey left to offer');
    assert.deepEqual(realProblems(tab.problems), []);
  });
});
