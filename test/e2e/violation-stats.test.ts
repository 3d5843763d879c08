import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { resources } from '../../src/core/i18n/index.ts';
import {
  axeSerious,
  describeBrowser,
  hasHorizontalScroll,
  launch,
  login,
  openTab,
  realProblems,
  reauth,
  switchLanguage,
  type Tab,
} from './browser.ts';
import { legalWorld, type LegalWorld } from './legal-setup.ts';

/** HURIDOCS `esf_types_of_acts` codes (imported at start from ../shared/data). */
const ARREST = '030101000000';
const TORTURE = '020111110000';
const VICTIM = 'Асель Токтогулова';
const OFFICER = 'Марат Жумабеков';

await describeBrowser('violation statistics and publications', (backend) => {
  let world: LegalWorld;
  let browser: Browser;
  let tab: Tab;
  let victimId = '';

  before(async () => {
    world = await legalWorld(backend);
    // The contract's example, through the real API: one event, an arrest and torture of one person.
    const api = await world.api(world.admin);
    const created = async (path: string, body: Record<string, unknown>) => {
      const r = await api.post<{ id: string }>(path, body);
      assert.equal(r.status, 201, `${path}: ${JSON.stringify(r.body)}`);
      return r.body.id;
    };
    victimId = await created('/api/people', { names: [{ full: VICTIM }], sex: 'female', region: 'KG-C' });
    const officer = await created('/api/people', { names: [{ full: OFFICER }], sex: 'male' });
    const eventId = await created('/api/violations/events', {
      title: 'Detention at the Sokuluk police station',
      startDate: '2025-03',
      region: 'KG-C',
    });
    await created(`/api/violations/events/${eventId}/acts`, {
      victimId,
      actType: ARREST,
      startDate: '2025-03-02',
    });
    const torture = await created(`/api/violations/events/${eventId}/acts`, {
      victimId,
      actType: TORTURE,
      startDate: '2025-03-02',
    });
    await created(`/api/violations/acts/${torture}/involvements`, { perpetratorId: officer });
    const stats = await api.get<{ events: number; acts: number; victims: number }>('/api/violations/stats');
    assert.equal(stats.status, 200, JSON.stringify(stats.body));
    browser = await launch();
    tab = await openTab(browser, world.server.url, { locale: 'en' });
    await login(tab.page, world.admin);
  });
  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('shows 1 event, 2 acts, 1 victim with their units, and switches the unit of the breakdowns', async () => {
    const { page } = tab;
    await page.goto('/violations/stats');
    await page.getByTestId('vstats-events').waitFor();
    const figure = async (id: string) =>
      (await page.getByTestId(id).locator(`[data-testid=${id}-value]`).innerText()).trim();
    assert.equal(await figure('vstats-events'), '1');
    assert.equal(await figure('vstats-acts'), '2');
    assert.equal(await figure('vstats-victims'), '1');
    assert.equal(await figure('vstats-perpetrators'), '1');
    // The unit is printed with every figure, in the right plural form.
    assert.equal((await page.getByTestId('vstats-events-unit').innerText()).trim(), 'event');
    assert.equal((await page.getByTestId('vstats-acts-unit').innerText()).trim(), 'acts');
    assert.equal((await page.getByTestId('vstats-victims-unit').innerText()).trim(), 'victim');

    // Counting acts: each type of act has one act, and the title says what is counted.
    await page.getByTestId('vstats-unit').getByText('Acts', { exact: true }).click();
    await page.waitForURL('**unit=acts**');
    const byAct = page.getByTestId('vstats-by-actType');
    await page.locator('[data-testid=vstats-by-actType][data-unit=acts]').waitFor();
    assert.match(await byAct.getByRole('heading').innerText(), /by acts/);
    const rows = await byAct
      .getByTestId('vbar-row')
      .evaluateAll((els) =>
        els.map(
          (e) =>
            `${e.getAttribute('data-value')}=${e.querySelector('[data-testid=vbar-value]')?.textContent}`,
        ),
      );
    assert.deepEqual(rows.sort(), [`${ARREST}=1 act`, `${TORTURE}=1 act`].sort());
    // Victim attributes always count victims, whatever the switch says.
    const bySex = page.getByTestId('vstats-by-sex');
    assert.equal(await bySex.getAttribute('data-unit'), 'victims');
    assert.equal(
      (
        await bySex.locator('[data-testid=vbar-row][data-value=female] [data-testid=vbar-value]').innerText()
      ).trim(),
      '1 victim',
    );
    await page.screenshot({ path: `/tmp/vstats-stats-${backend}.png`, fullPage: true });
    assert.deepEqual(realProblems(tab.problems), []);
  });

  it('exports a CSV without names by default (after re-authentication)', async () => {
    const { page } = tab;
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      (async () => {
        await page.getByTestId('vstats-export-csv').click();
        await reauth(page, world.admin);
      })(),
    ]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    assert.ok(text.includes(ARREST) || text.includes('Arrest'), text.slice(0, 400));
    assert.ok(!text.includes(VICTIM), 'no victim name in a redacted export');
    assert.ok(!text.includes(OFFICER), 'no perpetrator name in a redacted export');
    assert.ok(!text.includes('Sokuluk'), 'no event title in a redacted export');
  });

  it('previews a publication with its small cells withheld, then publishes it', async () => {
    const { page } = tab;
    await page.goto('/violations/publications');
    await page.getByTestId('publications-empty').waitFor();
    await page.getByTestId('publication-new').click();
    // Created with no title: the title says so and takes the focus; nothing is made.
    await page.getByTestId('publication-create').click();
    await page.getByRole('dialog').getByText('This field is required.').waitFor();
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'publication-title',
    );
    assert.equal(await page.getByTestId('publication-preview').count(), 0);
    await page.getByTestId('publication-title').fill('Torture in Chüy, 2025');
    await page.getByTestId('publication-create').click();
    const preview = page.getByTestId('publication-preview');
    await preview.waitFor();
    // Every count here is 1 or 2, under the threshold of 5: shown as "<5", never as the number.
    const cells = preview.getByTestId('preview-cell');
    await cells.first().waitFor();
    const texts = await cells.evaluateAll((els) =>
      els.map((e) => `${e.getAttribute('data-suppressed')}:${e.querySelector('td')?.textContent}`),
    );
    assert.ok(texts.length > 0);
    for (const c of texts) assert.equal(c, '1:<5');
    assert.equal(
      (await page.getByTestId('preview-total-acts').locator('p').first().innerText()).trim(),
      '<5',
    );
    await page.screenshot({ path: `/tmp/vstats-publication-${backend}.png`, fullPage: true });

    await page.getByTestId('publication-publish').click();
    await page.getByRole('dialog').getByRole('button', { name: resources.en.vstats.publish.publish }).click();
    // A fresh re-authentication from the export may still be valid; otherwise the prompt appears.
    const status = page.locator('[data-testid=publication-status]', { hasText: 'Published' });
    const prompt = page.locator('input[name=reauthPassword]');
    await status.or(prompt).first().waitFor();
    if (await prompt.isVisible()) await reauth(page, world.admin);
    await status.waitFor();
    await page.getByTestId('publication-row').getByText('Published').waitFor();
  });

  it("shows the person's roles in violation records on their page", async () => {
    const { page } = tab;
    await page.goto(`/people/${victimId}`);
    const roles = page.getByTestId('person-violation-roles');
    await roles.getByTestId('person-violation-link').waitFor();
    assert.match(await roles.getByTestId('person-violation-link').innerText(), /Sokuluk/);
    const badges = await roles.locator('[data-role]').allInnerTexts();
    assert.equal(badges.length, 2, badges.join(' | '));
    assert.ok(
      badges.every((b) => b.startsWith('Victim')),
      badges.join(' | '),
    );
    assert.ok(
      badges.some((b) => /Torture/.test(b)),
      badges.join(' | '),
    );
  });

  it('has no serious axe violations on the statistics and a publication preview', async () => {
    const scan = await openTab(browser, world.server.url, { locale: 'en' });
    await scan.context.addCookies(await tab.context.cookies());
    await scan.page.goto('/violations/stats?unit=victims');
    await scan.page.getByTestId('vstats-by-actType').waitFor();
    assert.deepEqual(await axeSerious(scan.page), [], '/violations/stats');
    await scan.page.goto('/violations/publications');
    await scan.page.getByTestId('publication-row').first().click();
    await scan.page.getByTestId('publication-preview').waitFor();
    assert.deepEqual(await axeSerious(scan.page), [], '/violations/publications');
    await scan.context.close();
  });

  it('fits a 390 px phone, in Russian with plural units, and shows an empty state', async () => {
    const phone = await openTab(browser, world.server.url, { locale: 'ru', width: 390 });
    await phone.context.addCookies(await tab.context.cookies());
    const { page } = phone;
    await page.goto('/violations/stats?unit=acts');
    await page.getByTestId('vstats-acts').waitFor();
    await switchLanguage(page, 'ru');
    assert.equal((await page.getByTestId('vstats-acts-unit').innerText()).trim(), 'акта');
    // The definitions under the figures come from the server: switching language fetches them again.
    await page
      .getByTestId('vstats-acts')
      .getByText(/^Акты: один акт/)
      .waitFor();
    assert.equal(await hasHorizontalScroll(page), false);
    await page.screenshot({ path: `/tmp/vstats-phone-${backend}.png`, fullPage: true });
    // The count switch stays inside its card in Kyrgyz too ("Жабырлануучулар"), on a 375 px phone.
    await switchLanguage(page, 'ky');
    await page.setViewportSize({ width: 375, height: 900 });
    const unit = page.getByTestId('vstats-unit');
    const card = unit.locator('xpath=ancestor::div[contains(@class, "mantine-Card-root")][1]');
    const last = (await unit.locator('label').last().boundingBox())!;
    const cardBox = (await card.boundingBox())!;
    assert.ok(
      last.x + last.width <= cardBox.x + cardBox.width,
      `the count switch ends at ${last.x + last.width} px, its card at ${cardBox.x + cardBox.width} px`,
    );
    await page.setViewportSize({ width: 390, height: 900 });
    await switchLanguage(page, 'ru');
    await page.goto('/violations/stats?from=1990&to=1991');
    await page.getByTestId('vstats-empty').waitFor();
    assert.equal(await page.getByTestId('vstats-export-csv').count(), 0);
    await page.goto('/violations/publications');
    await page.getByTestId('publication-row').first().click();
    await page.getByTestId('publication-preview').waitFor();
    // The act types in Russian, never their HURIDOCS codes (they showed while the vocabulary loaded).
    await page.getByTestId('preview-table-actType').getByText('Пытки').waitFor();
    assert.doesNotMatch(await page.getByTestId('preview-table-actType').innerText(), /\d{6}/);
    assert.equal(await hasHorizontalScroll(page), false);
    await page.screenshot({ path: `/tmp/vstats-publication-phone-${backend}.png`, fullPage: true });
    await page.goto(`/people/${victimId}`);
    await page.getByTestId('person-violation-link').waitFor();
    assert.equal(await hasHorizontalScroll(page), false);
    await phone.context.close();
  });
});
