import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { resources } from '../../src/core/i18n/index.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import {
  axeSerious,
  completeSetup,
  describeBrowser,
  hasHorizontalScroll,
  launch,
  login,
  openTab,
  realProblems,
  switchLanguage,
  type Admin,
  type Tab,
} from './browser.ts';

const SHOTS = process.env.UKUK_SHOTS ?? os.tmpdir();
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pdf = (size: number) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size), Buffer.from('\n%%EOF\n')]);

async function newCase(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const csrf = ((await (await fetch('/api/auth/csrf')).json()) as { token: string }).token;
    const res = await fetch('/api/cases', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ type: 'criminal_defence', title: 'Documents in the browser' }),
    });
    return ((await res.json()) as { id: string }).id;
  });
}

await describeBrowser('case documents', (backend) => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Admin;
  let tab: Tab;
  let caseId = '';

  before(async () => {
    server = await startServer({ backend });
    browser = await launch();
    tab = await openTab(browser, server.url, { locale: 'en' });
    admin = await completeSetup(tab);
    caseId = await newCase(tab.page);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('uploads with the picker, shows the SHA-256, verifies and downloads the very same bytes', async () => {
    const { page } = tab;
    await page.goto(`/cases/${caseId}?tab=documents`);
    await page.getByTestId('documents-tab').waitFor();
    const bytes = pdf(300_000);
    await page
      .getByTestId('upload-zone')
      .locator('input[type=file]')
      .setInputFiles({ name: 'Айыптоо корутундусу.pdf', mimeType: 'application/pdf', buffer: bytes });
    await page.getByTestId('upload-done').waitFor();
    const doc = page.getByTestId('document').first();
    await doc.waitFor();
    assert.equal(await doc.getByTestId('document-name').innerText(), 'Айыптоо корутундусу.pdf');
    assert.equal(await doc.getByTestId('sha256').getAttribute('data-sha256'), sha256(bytes));

    await doc.getByTestId('document-verify').click();
    await doc.locator('[data-testid=verify-result][data-ok="1"]').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      doc.getByTestId('document-download').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'Айыптоо корутундусу.pdf');
    const saved = await download.path();
    assert.ok(fs.readFileSync(saved).equals(bytes), 'the download is byte-identical');
    await page.screenshot({ path: path.join(SHOTS, `ukuk-documents-${backend}.png`), fullPage: true });
  });

  it('adds a new version and lists both; a file that is not what its name says is refused clearly', async () => {
    const { page } = tab;
    const doc = page.getByTestId('document').first();
    await doc
      .locator('input[type=file]')
      .setInputFiles({ name: 'Айыптоо корутундусу v2.pdf', mimeType: 'application/pdf', buffer: pdf(2000) });
    await doc.getByTestId('document-versions-toggle').waitFor();
    await doc.getByTestId('document-versions-toggle').click();
    await doc.getByTestId('document-version').nth(1).waitFor();
    assert.equal(await doc.getByTestId('document-version').count(), 2);

    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      randomBytes(300),
    ]);
    await page
      .getByTestId('upload-zone')
      .locator('input[type=file]')
      .setInputFiles({ name: 'photo.pdf', mimeType: 'application/pdf', buffer: png });
    const alert = page.getByRole('alert').filter({ hasText: resources.en.errors.file.type_mismatch });
    await alert.waitFor();
    assert.match(await alert.innerText(), /photo\.pdf/);
    assert.equal(await page.getByTestId('document').count(), 1, 'nothing was added');
    await page.screenshot({
      path: path.join(SHOTS, `ukuk-documents-versions-${backend}.png`),
      fullPage: true,
    });
    assert.deepEqual(
      realProblems(tab.problems).filter((p) => !/status of 400/.test(p)),
      [],
    );
  });

  it('is accessible, and usable on a 375 px phone in Kyrgyz', async () => {
    const scan = await openTab(browser, server.url, { locale: 'en' });
    await scan.context.addCookies(await tab.context.cookies());
    await scan.page.goto(`/cases/${caseId}?tab=documents`);
    await scan.page.getByTestId('document').first().waitFor();
    assert.deepEqual(await axeSerious(scan.page), []);
    await scan.context.close();

    const phone = await openTab(browser, server.url, { locale: 'ky', width: 375 });
    await login(phone.page, admin);
    await phone.page.goto(`/cases/${caseId}?tab=documents`);
    await phone.page.getByTestId('document').first().waitFor();
    await switchLanguage(phone.page, 'ky');
    assert.ok(
      (await phone.page.getByTestId('upload-zone').innerText()).includes(
        resources.ky.documents.upload.choose,
      ),
    );
    assert.equal(await hasHorizontalScroll(phone.page), false);
    await phone.page.screenshot({
      path: path.join(SHOTS, `ukuk-documents-phone-ky-${backend}.png`),
      fullPage: true,
    });
    await phone.context.close();
  });
});
