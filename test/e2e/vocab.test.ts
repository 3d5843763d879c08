import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  describeBrowser,
  hasHorizontalScroll,
  launch,
  login,
  openTab,
  realProblems,
  type Tab,
} from './browser.ts';
import { legalWorld, type LegalWorld } from './legal-setup.ts';

const TORTURE = '020111110000'; // esf_types_of_acts: Torture / Пытки / Кыйноо
const INFANTICIDE = '010102010000'; // esf_types_of_acts: Infanticide / Детоубийство / Ымыркайды өлтүрүү
const shot = (name: string) => `/tmp/vocab-${name}.png`;

/** The options the open picker offers whose label ends with `label` (the breadcrumb comes first). */
function option(page: Page, label: string) {
  return page.getByRole('option', { name: new RegExp(`${label}$`) });
}

await describeBrowser('vocabularies: review and pickers', (backend) => {
  let world: LegalWorld;
  let browser: Browser;
  let admin: Tab;

  before(async () => {
    world = await legalWorld(backend);
    browser = await launch();
    admin = await openTab(browser, world.server.url, { locale: 'en' });
    await login(admin.page, world.admin);
  });
  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('an administrator finds the HURIDOCS lists and reviews a Kyrgyz label', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Vocabularies', exact: true }).click();
    await page.waitForURL('**/admin/vocab');
    await page.getByTestId('huridocs-credit').waitFor();
    assert.match(await page.getByTestId('huridocs-credit').innerText(), /HURIDOCS Events Standard Formats/);
    await page.getByTestId('vocab-scheme-filter').fill('acts');
    await page.getByRole('link', { name: 'Types of acts', exact: true }).click();
    await page.waitForURL('**/admin/vocab/esf_types_of_acts');
    await page.screenshot({ path: shot(`${backend}-desktop`), fullPage: false });

    await page.getByTestId('vocab-filter-kyDraft').click();
    await page.getByTestId('vocab-term-search').fill('кыйноо');
    const card = page.getByTestId(`vocab-term-${TORTURE}`);
    await card.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog');
    assert.equal(await dialog.getByTestId('vocab-edit-ky').inputValue(), 'Кыйноо');
    await dialog.getByTestId('vocab-edit-ky-reviewed').check();
    await dialog.getByTestId('vocab-edit-save').click();
    await dialog.waitFor({ state: 'hidden' });
    // Reviewed now: it leaves the "Kyrgyz draft" filter, and the server says so.
    await card.waitFor({ state: 'detached' });
    const api = await world.api(world.admin);
    const acts = await api.get<{ terms: { code: string; kyStatus: string; labels: { ky: string } }[] }>(
      '/api/vocab/esf_types_of_acts',
    );
    const torture = acts.body.terms.find((x) => x.code === TORTURE)!;
    assert.equal(torture.kyStatus, 'reviewed');
    assert.equal(torture.labels.ky, 'Кыйноо');
  });

  it('an administrator approves a Russian draft as it is, from the "Russian draft" filter', async () => {
    const { page } = admin;
    await page.getByTestId('vocab-filter-ruDraft').click();
    await page.getByTestId('vocab-term-search').fill('детоубийство');
    const card = page.getByTestId(`vocab-term-${INFANTICIDE}`);
    await card.getByRole('button', { name: 'Approve Russian', exact: true }).click();
    // Reviewed now: it leaves the "Russian draft" filter.
    await card.waitFor({ state: 'detached' });

    const api = await world.api(world.admin);
    const acts = await api.get<{
      terms: { code: string; kyStatus: string; ruStatus: string; labels: { ru: string } }[];
    }>('/api/vocab/esf_types_of_acts');
    const infanticide = acts.body.terms.find((x) => x.code === INFANTICIDE)!;
    assert.equal(infanticide.ruStatus, 'reviewed');
    assert.equal(infanticide.labels.ru, 'Детоубийство', 'approved as it was');
    assert.equal(infanticide.kyStatus, 'draft', 'approving Russian leaves the Kyrgyz draft alone');

    // After a reload (state from the server): Kyrgyz can still be approved, Russian no longer.
    await page.reload();
    await page.getByTestId('vocab-term-search').fill('детоубийство');
    await card.getByRole('button', { name: 'Approve Kyrgyz', exact: true }).waitFor();
    assert.equal(await card.getByRole('button', { name: 'Approve Russian', exact: true }).count(), 0);
  });

  it('the picker finds a term by its Kyrgyz, Russian or English label and shows its parents', async () => {
    const { page } = admin;
    await page.getByTestId('vocab-filter-all').click();
    await page.getByTestId('vocab-term-search').fill('');
    await page.getByTestId('vocab-add').click();
    const dialog = page.getByRole('dialog');
    const picker = dialog.getByTestId('vocab-add-parent');
    for (const q of ['кыйноо', 'ПЫТКИ', 'torture', 'кыиноо']) {
      await picker.fill(q);
      await option(page, 'Torture').first().waitFor();
    }
    await picker.fill('пытки');
    const opt = option(page, 'Torture').first();
    assert.match(await opt.innerText(), /›/, 'the breadcrumb of parents is shown');
    await opt.click();
    await dialog.getByTestId('vocab-add-ky').fill('Электр менен кыйноо');
    await dialog.getByRole('textbox', { name: 'English' }).fill('Torture with electric shocks');
    await dialog.getByTestId('vocab-add-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('vocab-filter-local').click();
    await page.getByText('Torture with electric shocks').waitFor();
    await page.screenshot({ path: shot(`${backend}-local`), fullPage: false });
  });

  it('works at phone width without sideways scrolling', async () => {
    const { page } = admin;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByTestId('vocab-filter-all').click();
    await page.getByTestId('vocab-term-search').fill('пытк');
    await page.getByTestId(`vocab-term-${TORTURE}`).waitFor();
    assert.equal(await hasHorizontalScroll(page), false);
    await page.screenshot({ path: shot(`${backend}-phone`), fullPage: false });
    await page.goto('/admin/vocab');
    await page.getByTestId('huridocs-credit').waitFor();
    // On a phone each vocabulary is a card naming what is left to translate, not a table to scroll.
    await page.getByTestId('vocab-card-esf_types_of_acts').waitFor();
    assert.equal(await page.locator('.table-scroll').count(), 0);
    assert.equal(await hasHorizontalScroll(page), false);
    await page.screenshot({ path: shot(`${backend}-phone-cards`), fullPage: false });
    // On a small tablet the table is wider than the page: a shade on the right says there are more
    // columns, and moves to the left once scrolled to the end.
    await page.setViewportSize({ width: 700, height: 800 });
    const box = page.locator('.table-scroll').first();
    await box.and(page.locator('[data-more-right]')).waitFor();
    await box.getByRole('region').evaluate((e) => e.scrollBy({ left: e.scrollWidth }));
    await box.and(page.locator('[data-more-left]:not([data-more-right])')).waitFor();
    await page.screenshot({ path: shot(`${backend}-phone-list`), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.deepEqual(realProblems(admin.problems), []);
  });
});
