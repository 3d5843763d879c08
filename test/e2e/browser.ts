import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Download,
  type Page,
} from 'playwright-core';
import { backends, type Backend } from '../helpers/db.ts';
import { totpFreshAsync } from '../helpers/totp.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const AXE_PATH = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

/** Debian's Chromium; Playwright's own browser download is never used. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Why the browser suites cannot run on this machine (no Chromium), or false when they can. With
 * UKUK_TEST_BROWSER=required (CI) a missing browser is an error, never a quiet skip.
 */
export const browserSkip: string | false = (() => {
  if (fs.existsSync(CHROMIUM_PATH)) {
    return false;
  }
  const why = `Chromium not found at ${CHROMIUM_PATH}`;
  if (process.env.UKUK_TEST_BROWSER === 'required') {
    throw new Error(`${why}, but UKUK_TEST_BROWSER=required: install it (apt-get install chromium)`);
  }
  console.warn(
    `\n*** ${why}: browser (e2e) tests are SKIPPED. Install it with apt-get install chromium ***\n`,
  );
  return why;
})();

/**
 * One browser suite per backend — SQLite, and PostgreSQL when reachable (`postgres: false` keeps a
 * suite on SQLite only). The backends run side by side: most of a suite's time is spent waiting for
 * the next TOTP window, not on the CPU. Tests inside one backend's suite run in order.
 */
export async function describeBrowser(
  name: string,
  fn: (backend: Backend) => void,
  opts: { postgres?: boolean } = {},
): Promise<void> {
  if (browserSkip) {
    // A skipped test (not only a skipped suite) so the run's summary counts it as skipped.
    it(name, { skip: browserSkip }, () => {});
    return;
  }
  const list: Backend[] = opts.postgres === false ? ['sqlite'] : await backends();
  describe(name, { concurrency: true }, () => {
    for (const backend of list) {
      describe(backend, { concurrency: 1 }, () => fn(backend));
    }
  });
}

/** Starts one headless Chromium for a test file. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations seen so far; a clean page has none. */
  problems: string[];
}

/** A fresh, isolated browser profile (own cookies and storage) with the given language. */
export async function openTab(
  browser: Browser,
  baseURL: string,
  opts: { locale?: string; width?: number; bypassCSP?: boolean } = {},
): Promise<Tab> {
  const locale = opts.locale ?? 'en';
  const context = await browser.newContext({
    baseURL,
    locale,
    extraHTTPHeaders: { 'Accept-Language': locale },
    viewport: { width: opts.width ?? 1280, height: 900 },
    // Only the axe scan needs this: addScriptTag injects an inline script, which our CSP forbids.
    bypassCSP: opts.bypassCSP ?? false,
  });
  const page = await context.newPage();
  // Generous: CI runs on 2 cores, and the browser suites share them with the servers they drive.
  page.setDefaultTimeout(30_000);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') {
      problems.push(m.text());
    }
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  return { context, page, problems };
}

/**
 * A TOTP code for a step this account has not used yet. The server refuses replayed steps and
 * accepts ±1 step, so after three codes in one 30 s window this waits for the next window.
 */
export function freshCode(secret: string): Promise<string> {
  return totpFreshAsync(secret);
}

/** Fills the 6-digit code from the on-screen enrolment secret and returns the secret. */
export async function enrolTotp(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  const secretEl = page.getByTestId('totp-secret');
  await secretEl.waitFor();
  const secret = (await secretEl.innerText()).replace(/\s/g, '');
  await page.locator('img[src^="data:image/svg+xml;base64,"]').waitFor();
  const code = await freshCode(secret);
  const input = page.locator('input[name=code]');
  await input.fill(code);
  // Under load a late re-render can clear the field: make sure the code is there before submitting.
  if ((await input.inputValue()) !== code) await input.fill(code);
  await page.locator('button[type=submit]').click();
  const codes = page.getByTestId('recovery-codes');
  await codes.waitFor();
  const recoveryCodes = (await codes.locator('[role=listitem]').allInnerTexts()).map((c) => c.trim());
  return { secret, recoveryCodes };
}

/** Clicks "I have saved them" on the recovery-codes screen. */
export async function confirmRecoverySaved(page: Page): Promise<void> {
  await page.getByTestId('recovery-saved').click();
}

export interface Admin {
  email: string;
  password: string;
  name: string;
  secret: string;
  /** The ten one-time codes shown at enrolment. */
  recoveryCodes: string[];
}

/** Runs the first-run wizard in the given tab, enrols 2FA and lands on the dashboard. */
export async function completeSetup(
  tab: Tab,
  opts: { orgName?: string; locale?: 'ky' | 'ru' | 'en' } = {},
): Promise<Admin> {
  const { page } = tab;
  const admin = {
    email: 'admin@example.org',
    password: 'correct horse battery staple 42',
    name: 'Aigerim Admin',
  };
  await page.goto('/');
  await page.waitForURL('**/setup');
  await page.locator('input[name=orgName]').fill(opts.orgName ?? 'Ukuk Test NGO');
  if (opts.locale) {
    await page.locator(`input[type=radio][value=${opts.locale}]`).check({ force: true });
  }
  await page.locator('button[type=submit]').click();
  await page.locator('input[name=adminName]').fill(admin.name);
  await page.locator('input[name=adminEmail]').fill(admin.email);
  await page.locator('input[name=adminPassword]').fill(admin.password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL('**/enroll**');
  const { secret, recoveryCodes } = await enrolTotp(page);
  await confirmRecoverySaved(page);
  await page.waitForURL((u) => u.pathname === '/');
  return { ...admin, secret, recoveryCodes };
}

/** Fills the login form (step one) and submits it. */
export async function submitPassword(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name=email]').fill(who.email);
  await page.locator('input[name=password]').fill(who.password);
  await page.locator('button[type=submit]').click();
}

/** Logs in with password + TOTP from a logged-out tab and waits for the app shell. */
export async function login(
  page: Page,
  who: { email: string; password: string; secret: string },
): Promise<void> {
  await submitPassword(page, who);
  await page.waitForURL('**/login/totp**');
  await page.locator('input[name=code]').fill(await freshCode(who.secret));
  await page.locator('button[type=submit]').click();
  await page.getByTestId('user-menu').waitFor();
}

/**
 * Logs in with password + a one-time recovery code (no TOTP window to wait for) and waits for the
 * app shell.
 */
export async function loginWithRecoveryCode(
  page: Page,
  who: { email: string; password: string },
  recoveryCode: string,
): Promise<void> {
  await submitPassword(page, who);
  await page.waitForURL('**/login/totp**');
  await page.getByTestId('use-recovery').click();
  await page.locator('input[name=recoveryCode]').fill(recoveryCode);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Opens the user menu and logs out. */
export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.waitForURL('**/login**');
}

/** Answers the re-authentication dialog (password + a fresh code) when the server asks for it. */
export async function reauth(page: Page, who: { password: string; secret: string }): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ has: page.locator('input[name=reauthPassword]') });
  await dialog.waitFor();
  await dialog.locator('input[name=reauthPassword]').fill(who.password);
  await dialog.locator('input[name=reauthCode]').fill(await freshCode(who.secret));
  await dialog.locator('button[type=submit]').click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Console problems that matter: expected 401s from "am I logged in?" probes are not errors. */
export function realProblems(problems: string[]): string[] {
  return problems.filter(
    (p) => !/Failed to load resource: the server responded with a status of 401/.test(p),
  );
}

/**
 * Picks a language from the header switcher. Logged in, it also waits until the profile holds the
 * choice: the app saves it in the background, and a page load before that save lands would bring
 * back the profile's old language (CI once failed on exactly that race).
 */
export async function switchLanguage(page: Page, lng: 'ky' | 'ru' | 'en'): Promise<void> {
  await page.getByTestId('language-switch').first().click();
  await page.getByTestId(`language-${lng}`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lng);
  for (let i = 0; i < 100; i++) {
    const saved = await page.evaluate(async () => {
      const r = await fetch('/api/me', { headers: { Accept: 'application/json' } });
      return r.ok ? ((await r.json()) as { locale: string }).locale : null;
    });
    // null: not logged in, so there is no profile to wait for.
    if (saved === null || saved === lng) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`the profile never saved the language ${lng}`);
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

let axeCode: string | undefined;
const axeSource = () => (axeCode ??= fs.readFileSync(AXE_PATH, 'utf8'));

/** Runs axe-core on the page; returns the serious and critical violations only. */

export async function axeSerious(page: Page): Promise<string[]> {
  // A dialog still fading in has its text at part opacity: axe would measure that contrast.
  await settle(page);
  // Evaluated through the DevTools protocol, which the page's CSP does not govern: a script tag
  // would need the CSP bypassed, and then a page that breaks its own CSP would go unnoticed.
  await page.evaluate(axeSource());
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document) => Promise<unknown> } };
    return w.axe.run(document);
  });
  return (result as AxeResult).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
}

/**
 * Waits (at most 2 s) until the page's finite CSS transitions and animations have ended: a screenshot
 * taken right after a resize, a drawer or a popover caught the screen half-drawn. Spinners (infinite)
 * are not waited for.
 */
export async function settle(page: Page): Promise<void> {
  await page
    .evaluate(() =>
      Promise.race([
        Promise.all(
          document
            .getAnimations()
            .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
            .map((a) => a.finished.catch(() => undefined)),
        ),
        new Promise((r) => setTimeout(r, 2000)),
      ]),
    )
    .catch(() => undefined);
}

/** True when the document is wider than the viewport (a horizontal scrollbar on phones). */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/**
 * The app at `http://localhost:<port>`, for WebAuthn: the server takes the relying-party ID from the
 * Host header (UKUK_PUBLIC_URL unset), and an RP ID must be a domain name — "localhost", which over
 * plain HTTP is also a secure context — never an IP address such as 127.0.0.1.
 */
export function localhostUrl(port: number): string {
  return `http://localhost:${port}`;
}

export interface VirtualAuthenticator {
  cdp: CDPSession;
  authenticatorId: string;
}

/** Chromium's virtual authenticator (CTAP2, built in, user verified) for this tab's page. */
export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

/**
 * Picks an option of a Mantine Select or MultiSelect found by its test id. A click while the select's
 * dialog is still opening can miss (one CI run waited 30 s for an option whose list never opened), so
 * the select is clicked again while its list is not open; an open list is waited for as before.
 */
export async function chooseOption(page: Page, testId: string, option: string | RegExp): Promise<void> {
  const select = page.getByTestId(testId);
  const wanted = page.getByRole('option', { name: option });
  await select.waitFor({ state: 'visible' });
  for (let attempt = 1; attempt <= 5; attempt++) {
    await select.click();
    const shown = await wanted.waitFor({ state: 'visible', timeout: 3000 }).then(
      () => true,
      () => false,
    );
    // Shown, or the list is open and only slow: no second click, which would close it.
    if (shown || (await page.getByRole('listbox').isVisible())) break;
  }
  await wanted.click();
}

/** The text of a file the page downloaded (UTF-8). */
export async function textOf(file: Download): Promise<string> {
  const stream = await file.createReadStream();
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts).toString('utf8');
}
