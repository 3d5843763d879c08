import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { resources } from '../../src/core/i18n/index.ts';
import {
  axeSerious,
  describeBrowser,
  hasHorizontalScroll,
  launch,
  login,
  openTab,
  realProblems,
  type Tab,
} from './browser.ts';
import { legalWorld, type LegalWorld } from './legal-setup.ts';

const TORTURE = '020111110000';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pdf = (size: number) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size), Buffer.from('\n%%EOF\n')]);

await describeBrowser('evidence of violations', (backend) => {
  let world: LegalWorld;
  let browser: Browser;
  let tab: Tab;
  let eventId = '';
  let personId = '';

  before(async () => {
    world = await legalWorld(backend);
    const api = await world.api(world.admin);
    const created = async (path: string, body: Record<string, unknown>) => {
      const r = await api.post<{ id: string }>(path, body);
      assert.equal(r.status, 201, `${path}: ${JSON.stringify(r.body)}`);
      return r.body.id;
    };
    personId = await created('/api/people', { names: [{ full: 'Нурбек Асанов' }], sex: 'male' });
    eventId = await created('/api/violations/events', { title: 'Beating in the Osh detention centre' });
    await created(`/api/violations/events/${eventId}/acts`, { victimId: personId, actType: TORTURE });
    browser = await launch();
    tab = await openTab(browser, world.server.url, { locale: 'en' });
    await login(tab.page, world.admin);
  });
  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('uploads a photo and a PDF to an act, shows the full SHA-256, downloads the same bytes, verifies', async () => {
    const { page } = tab;
    await page.goto(`/violations/${eventId}?tab=evidence`);
    await page.getByTestId('evidence-tab').waitFor();
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer();
    const report = pdf(200_000);
    const upload = page.getByTestId('evidence-upload');
    await upload.getByTestId('evidence-act').click();
    await page.getByRole('option').first().click();
    await upload.getByTestId('evidence-description').fill('Медициналык корутунду, 2025-03-04');
    await upload.locator('input[type=file]').setInputFiles([
      { name: 'injuries.jpg', mimeType: 'image/jpeg', buffer: photo },
      { name: 'Медициналык корутунду.pdf', mimeType: 'application/pdf', buffer: report },
    ]);
    // Several files are listed first, each prefilled with the description typed above.
    const rowTexts = upload.getByTestId('evidence-row-description');
    await rowTexts.nth(1).waitFor();
    assert.deepEqual(await rowTexts.evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value)), [
      'Медициналык корутунду, 2025-03-04',
      'Медициналык корутунду, 2025-03-04',
    ]);
    await upload.getByTestId('evidence-upload-all').click();
    await page.getByTestId('evidence-done').nth(1).waitFor();
    const items = page.getByTestId('evidence-item');
    await items.nth(1).waitFor();
    const byName = (name: string) =>
      items.filter({ has: page.getByTestId('evidence-name').getByText(name, { exact: true }) });
    const pdfItem = byName('Медициналык корутунду.pdf');
    const sha = pdfItem.getByTestId('evidence-sha256');
    assert.equal(await sha.getAttribute('data-sha256'), sha256(report));
    assert.equal((await sha.innerText()).trim(), sha256(report), 'the fingerprint is shown in full');
    assert.match(await pdfItem.innerText(), /Act: /);
    assert.match(await pdfItem.innerText(), /Медициналык корутунду, 2025-03-04/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      pdfItem.getByTestId('evidence-download').click(),
    ]);
    assert.ok(fs.readFileSync(await download.path()).equals(report), 'the download is byte-identical');

    await pdfItem.getByTestId('evidence-verify').click();
    await pdfItem.locator('[data-testid=evidence-verify-result][data-ok="1"]').waitFor();
    await pdfItem.locator('[data-testid=evidence-integrity][data-result=ok]').waitFor();

    // The photo gets a stripped thumbnail once the background job has made it.
    const photoItem = byName('injuries.jpg');
    assert.equal(await photoItem.getByTestId('evidence-sha256').getAttribute('data-sha256'), sha256(photo));
    for (let i = 0; i < 30 && (await photoItem.getByTestId('evidence-thumbnail').count()) === 0; i++) {
      await page.waitForTimeout(1000);
      await page.reload();
      await page.getByTestId('evidence-item').nth(1).waitFor();
    }
    const thumb = photoItem.getByTestId('evidence-thumbnail');
    await thumb.waitFor();
    // decode() waits for the image to arrive (it may still be loading when the element appears).
    assert.ok(
      await thumb.evaluate((img: HTMLImageElement) =>
        img.decode().then(
          () => img.naturalWidth > 0,
          () => false,
        ),
      ),
    );

    await page.getByTestId('evidence-verify-all').click();
    await page.locator('[data-testid=evidence-verify-all-result][data-bad="0"]').waitFor();
    await page.screenshot({ path: `/tmp/vstats-evidence-${backend}.png`, fullPage: true });
  });

  it('shows the custody log, and refuses a disguised file with a clear error', async () => {
    const { page } = tab;
    const pdfItem = page.getByTestId('evidence-item').filter({ hasText: 'Медициналык корутунду.pdf' });
    await pdfItem.getByTestId('evidence-custody').click();
    const log = page.getByTestId('custody-log');
    await log.waitFor();
    const actions = await log
      .getByTestId('custody-row')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    for (const a of ['upload', 'download', 'verify'])
      assert.ok(actions.includes(a), `${a} in ${actions.join(',')}`);
    await page.getByRole('dialog').getByRole('button', { name: resources.en.ui.common.close }).click();

    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      randomBytes(300),
    ]);
    await page
      .getByTestId('evidence-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: 'statement.pdf', mimeType: 'application/pdf', buffer: png });
    const alert = page.getByRole('alert').filter({ hasText: 'statement.pdf' });
    await alert.waitFor();
    assert.ok(
      (await alert.innerText()).includes(resources.en.errors.file.type_mismatch),
      await alert.innerText(),
    );
    assert.equal(await page.getByTestId('evidence-item').count(), 2, 'nothing was added');
    assert.deepEqual(
      realProblems(tab.problems).filter((p) => !/status of 400|status of 415|status of 422/.test(p)),
      [],
    );
  });

  it('gives each of several files its own description, and refuses a too long one by its name', async () => {
    const { page } = tab;
    const problemsBefore = tab.problems.length;
    const ev = resources.en.vstats.evidence;
    const upload = page.getByTestId('evidence-upload');
    const items = page.getByTestId('evidence-item');
    const before = await items.count();
    const jpeg = (background: string) =>
      sharp({ create: { width: 32, height: 32, channels: 3, background } })
        .jpeg()
        .toBuffer();
    const described = {
      'left-wrist.jpg': 'Bruises on the left wrist from handcuffs, 2025-03-04',
      'back.jpg': 'Baton marks across the back; photographed by the duty doctor',
    };
    await upload.locator('input[type=file]').setInputFiles([
      { name: 'left-wrist.jpg', mimeType: 'image/jpeg', buffer: await jpeg('#a33') },
      { name: 'back.jpg', mimeType: 'image/jpeg', buffer: await jpeg('#3a3') },
    ]);
    await upload.getByTestId('evidence-row').nth(1).waitFor();
    assert.equal(
      await upload.getByTestId('evidence-description').count(),
      0,
      'no shared field beside the rows',
    );
    const box = (name: string) =>
      upload.getByRole('textbox', { name: ev.descriptionFor.replace('{{name}}', name), exact: true });

    // One description over the limit: nothing is sent, and the error names that file.
    await box('left-wrist.jpg').fill('x'.repeat(2001));
    await box('back.jpg').fill(described['back.jpg']);
    await upload.getByTestId('evidence-upload-all').click();
    const summary = upload.getByTestId('evidence-rows-invalid');
    await summary.waitFor();
    assert.match(await summary.innerText(), /Nothing was uploaded\..*“left-wrist\.jpg”/s);
    assert.doesNotMatch(await summary.innerText(), /back\.jpg/);
    const badRow = upload.getByTestId('evidence-row').filter({ hasText: 'left-wrist.jpg' });
    assert.match(await badRow.innerText(), /“left-wrist\.jpg” is longer than 2,000 characters \(2,001 now\)/);
    assert.equal(await box('left-wrist.jpg').getAttribute('aria-invalid'), 'true');
    assert.equal(await box('back.jpg').getAttribute('aria-invalid'), null);
    assert.ok(await box('left-wrist.jpg').evaluate((e) => e === document.activeElement), 'focus on the fix');
    assert.equal(await page.getByTestId('evidence-progress').count(), 0, 'no upload started');
    assert.equal(await items.count(), before, 'nothing was added');

    await box('left-wrist.jpg').fill(described['left-wrist.jpg']);
    await summary.waitFor({ state: 'detached' });
    await upload.getByTestId('evidence-upload-all').click();
    await page.getByTestId('evidence-done').nth(1).waitFor();
    await upload.getByTestId('evidence-rows').waitFor({ state: 'detached' });

    const descriptionOf = async (name: string) => {
      const item = items.filter({ has: page.getByTestId('evidence-name').getByText(name, { exact: true }) });
      return (await item.getByTestId('evidence-description-text').innerText()).trim();
    };
    await items.nth(before + 1).waitFor();
    for (const [name, text] of Object.entries(described)) assert.equal(await descriptionOf(name), text);
    // What the server stored, not what the page kept in memory.
    await page.reload();
    await items.nth(before + 1).waitFor();
    for (const [name, text] of Object.entries(described)) assert.equal(await descriptionOf(name), text);
    assert.deepEqual(realProblems(tab.problems.slice(problemsBefore)), []);
  });

  it('keeps person-only evidence on the person page', async () => {
    const { page } = tab;
    await page.goto(`/people/${personId}`);
    const section = page.getByTestId('person-evidence');
    await section.waitFor();
    const bytes = pdf(5000);
    await section
      .locator('input[type=file]')
      .setInputFiles({ name: 'passport-copy.pdf', mimeType: 'application/pdf', buffer: bytes });
    const item = section.getByTestId('evidence-item').filter({ hasText: 'passport-copy.pdf' });
    await item.waitFor();
    assert.equal(await item.getByTestId('evidence-sha256').getAttribute('data-sha256'), sha256(bytes));
    await page.screenshot({ path: `/tmp/vstats-person-evidence-${backend}.png`, fullPage: true });
  });

  it('is accessible, and fits a 390 px phone', async () => {
    const scan = await openTab(browser, world.server.url, { locale: 'en' });
    await scan.context.addCookies(await tab.context.cookies());
    await scan.page.goto(`/violations/${eventId}?tab=evidence`);
    await scan.page.getByTestId('evidence-item').first().waitFor();
    assert.deepEqual(await axeSerious(scan.page), []);
    await scan.context.close();

    const phone = await openTab(browser, world.server.url, { locale: 'en', width: 390 });
    await phone.context.addCookies(await tab.context.cookies());
    await phone.page.goto(`/violations/${eventId}?tab=evidence`);
    await phone.page.getByTestId('evidence-item').first().waitFor();
    assert.equal(await hasHorizontalScroll(phone.page), false);
    await phone.page.screenshot({ path: `/tmp/vstats-evidence-phone-${backend}.png`, fullPage: true });
    await phone.context.close();
  });

  it('fits the per-file rows on a 375 px phone', async () => {
    const phone = await openTab(browser, world.server.url, { locale: 'en', width: 375 });
    await phone.context.addCookies(await tab.context.cookies());
    const { page } = phone;
    await page.goto(`/violations/${eventId}?tab=evidence`);
    await page.getByTestId('evidence-item').first().waitFor();
    const upload = page.getByTestId('evidence-upload');
    await upload.locator('input[type=file]').setInputFiles([
      {
        name: `${'Медициналык_корутунду_сол_колдун_билеги_'.repeat(3)}.pdf`,
        mimeType: 'application/pdf',
        buffer: pdf(100),
      },
      { name: 'back.pdf', mimeType: 'application/pdf', buffer: pdf(100) },
    ]);
    const rows = upload.getByTestId('evidence-row');
    await rows.nth(1).waitFor();
    await rows.first().getByTestId('evidence-row-description').fill('A long line '.repeat(40));
    assert.equal(await hasHorizontalScroll(page), false);
    assert.deepEqual(await axeSerious(page), []);
    // Inner overflow may be clipped instead of scrolling the page: every row must end inside the screen.
    for (const row of await rows.all()) {
      const b = await row.boundingBox();
      assert.ok(b && b.x >= 0 && b.x + b.width <= 375, `row at ${JSON.stringify(b)}`);
      for (const part of [
        row.getByTestId('evidence-row-remove'),
        row.getByTestId('evidence-row-description'),
      ]) {
        const p = await part.boundingBox();
        assert.ok(
          p && p.x + p.width <= b.x + b.width + 0.5,
          `${JSON.stringify(p)} inside ${JSON.stringify(b)}`,
        );
      }
    }
    await page.screenshot({ path: `/tmp/vstats-evidence-rows-phone-${backend}.png`, fullPage: true });
    await phone.context.close();
  });
});
