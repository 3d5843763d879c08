import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { resources } from '../../src/core/i18n/index.ts';
import {
  axeSerious,
  chooseOption,
  describeBrowser,
  hasHorizontalScroll,
  launch,
  login,
  openTab,
  realProblems,
  type Tab,
} from './browser.ts';
import { legalWorld, type LegalWorld } from './legal-setup.ts';

const OPPONENT = 'Исмаилова Айгуль Бакытовна';
const CLIENT = 'Ismailova Aigul';
const TITLE = 'Land claim of A. I.';
const HIDDEN = 'A person in a record you cannot open';

async function step(page: Page, name: string): Promise<void> {
  await page.getByTestId(`intake-step-${name}`).waitFor();
}

await describeBrowser('legal-aid intake', (backend) => {
  let world: LegalWorld;
  let browser: Browser;
  let lawyer: Tab;
  let intakeUrl = '';

  before(async () => {
    world = await legalWorld(backend);
    browser = await launch();
    // The other side of an existing case, on a case this lawyer is not on (so its name is withheld).
    const other = await world.api(world.lawyers[1]);
    const p = await other.post<{ id: string }>('/api/people', { names: [{ full: OPPONENT }] });
    assert.equal(p.status, 201);
    const c = await other.post('/api/cases', {
      type: 'civil',
      title: 'Neighbour dispute',
      people: [{ personId: p.body.id, role: 'opposing_party' }],
    });
    assert.equal(c.status, 201);
    lawyer = await openTab(browser, world.server.url, { locale: 'en' });
    await login(lawyer.page, world.lawyers[0]);
  });
  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('a new intake finds the opposing party across scripts (name withheld, conflict flagged), then registers the client', async () => {
    const { page } = lawyer;
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Intake', exact: true })
      .click();
    await page.waitForURL('**/intake');
    await page.getByText('No intakes in progress').waitFor();
    await page.getByTestId('new-intake').first().click();
    await page.waitForURL('**/intake/new');
    await page.getByTestId('intake-person-search').fill(CLIENT);
    const match = page.getByTestId('match').first();
    await match.waitFor();
    assert.equal(await match.getAttribute('data-conflict'), 'true');
    assert.equal(await match.getByTestId('match-hidden').innerText(), HIDDEN);
    assert.match(await match.getByTestId('match-conflict').innerText(), /Opposing party/);
    assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(OPPONENT));
    // A person this user may not open cannot be picked; register the client instead.
    assert.equal(await match.getByTestId('choose-person').count(), 0);
    await page.getByTestId('intake-new-person').click();
    assert.equal(await page.getByTestId('person-name').inputValue(), CLIENT);
    await page.getByTestId('person-save').click();
    await page.waitForURL(/\/intake\/[0-9a-f-]{36}$/);
    intakeUrl = new URL(page.url()).pathname;
    await step(page, 'problem');
    assert.equal(await page.getByTestId('intake-person').innerText(), CLIENT);
  });

  it('saves each step; bad answers get translated errors; a reload resumes where it stopped', async () => {
    const { page } = lawyer;
    await page.getByTestId('step-submit').click();
    assert.equal(await page.getByText('This field is required.').count(), 2);
    await page.locator('textarea[name=description]').fill('Her neighbour fenced off part of her land.');
    await chooseOption(page, 'problem-codes', 'Torture and ill-treatment');
    await page.keyboard.press('Escape');
    await chooseOption(page, 'case-type', 'Civil case');
    await page.getByTestId('step-submit').click();

    await step(page, 'urgency');
    await page.getByTestId('step-submit').click();
    await page.getByText('Choose how urgent it is.').waitFor();
    await page.getByTestId('urgency-high').click();
    await page.getByTestId('step-submit').click();

    await step(page, 'eligibility');
    // Nothing is pre-filled; torture is a problem the organisation always takes, whatever the income.
    for (const f of ['householdIncome', 'householdSize', 'assets']) {
      assert.equal(await page.locator(`input[name=${f}]`).inputValue(), '', f);
    }
    await page.locator('[data-testid=eligibility-result][data-eligible=true]').waitFor();
    await page.locator('input[name=householdIncome]').fill('12000');
    await page.locator('input[name=householdSize]').fill('0');
    await page.getByTestId('eligibility-save').click();
    const bad = resources.en.errors.field.invalid_value.replace(
      '{{field}}',
      resources.en.fields.householdSize,
    );
    await page.getByText(bad).waitFor();
    await page.locator('input[name=householdSize]').fill('4');
    await page.getByTestId('eligibility-save').click();
    await page.locator('[data-testid=eligibility-result][data-eligible=true]').waitFor();
    assert.match(await page.getByTestId('eligibility-basis').innerText(), /always helps/);
    assert.deepEqual(realProblems(lawyer.problems), [
      'Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    lawyer.problems.length = 0;

    await page.reload();
    await step(page, 'conflicts');
  });

  it('the conflict check flags the client as the opposing party of another case, in red', async () => {
    const { page } = lawyer;
    await page.getByTestId('run-conflict-check').click();
    await page.getByTestId('conflicts-found').getByText('1 conflict of interest').waitFor();
    const item = page.locator('[data-testid=conflict-item][data-conflict=true]');
    await item.waitFor();
    assert.equal(await item.getByTestId('conflict-hidden').innerText(), HIDDEN);
    assert.match(await item.getByTestId('conflict-reasons').innerText(), /same name in another script/);
    assert.match(await item.getByTestId('conflict-flag').innerText(), /already in a case as: Opposing party/);
    await page.getByTestId('step-submit').click();
    await step(page, 'decision');
    await page.getByTestId('decision-conflict-reminder').waitFor();
  });

  it('accepting opens the case and lands on its page; the intake is listed as decided', async () => {
    const { page } = lawyer;
    await page.getByTestId('step-submit').click();
    await page.getByText('Choose a decision.').waitFor();
    await page.getByTestId('decision-accept').click();
    await page.locator('input[name=caseTitle]').fill(TITLE);
    await page.getByTestId('step-submit').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.goto('/intake');
    await page.getByTestId('intake-filter').getByText('Decided').click();
    const row = page.getByTestId('intake-row').filter({ hasText: CLIENT });
    await row.getByText('Accepted').waitFor();
    await row.getByText('High').waitFor();
    await page.goto(intakeUrl);
    await page.getByTestId('decision-summary').getByRole('link').waitFor();
    assert.deepEqual(realProblems(lawyer.problems), []);
  });

  it('the intake screens have no serious axe violations and fit a phone', async () => {
    const api = await world.api(world.lawyers[0]);
    const people = await api.get<{ items: { id: string }[] }>('/api/people');
    const draft = await api.post<{ id: string }>('/api/intakes', { personId: people.body.items[0]?.id });
    assert.equal(draft.status, 201);
    assert.equal((await api.post(`/api/intakes/${draft.body.id}/conflict-check`)).status, 200);
    const tab = await openTab(browser, world.server.url, { locale: 'ky', width: 375 });
    await tab.context.addCookies(await lawyer.context.cookies());
    const { page } = tab;
    const screens: [string, () => Promise<unknown>][] = [
      ['/intake', () => page.getByTestId('intake-row').first().waitFor()],
      ['/intake/new', () => page.getByTestId('intake-person-search').waitFor()],
      [`/intake/${draft.body.id}`, () => step(page, 'problem')],
      [intakeUrl, () => page.getByTestId('decision-summary').waitFor()],
    ];
    for (const [url, ready] of screens) {
      await page.goto(url);
      await ready();
      await page.waitForLoadState('networkidle');
      assert.equal(await hasHorizontalScroll(page), false, `${url} scrolls sideways at 375 px`);
      assert.deepEqual(await axeSerious(page), [], url);
    }
    await tab.context.close();
  });
  it('an administrator sets the eligibility rules; empty limits are refused with a translated error', async () => {
    const tab = await openTab(browser, world.server.url, { locale: 'en' });
    const { page } = tab;
    await login(page, world.admin);
    await page.getByRole('link', { name: 'Eligibility rules' }).click();
    await page.waitForURL('**/admin/eligibility');
    await page.getByText('Limits not set yet').waitFor();
    const income = page.getByLabel('Income limit per household member (som per month)');
    await income.fill('');
    await page.getByLabel('Asset limit (som)').fill('250000');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByRole('alert', { name: 'Something went wrong' }).waitFor();
    const api = await world.api(world.admin);
    const unchanged = await api.get<{ assetsMax: number }>('/api/settings/eligibility');
    assert.equal(unchanged.body.assetsMax, 0, 'a refused save changes nothing');
    await income.fill('6000');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('The rules are saved.').waitFor();
    const saved = await api.get<{ incomePerPersonMax: number; assetsMax: number; alwaysEligible: string[] }>(
      '/api/settings/eligibility',
    );
    assert.deepEqual(saved.body, {
      incomePerPersonMax: 6000,
      assetsMax: 250000,
      alwaysEligible: ['detainee', 'torture'],
    });
    assert.deepEqual(await axeSerious(page), []);
    // The refused save above logs its 400 in the console; anything else is a real problem.
    assert.deepEqual(
      realProblems(tab.problems).filter((p) => !/status of 400/.test(p)),
      [],
    );
    // A lawyer has no such entry: the rules are the administrator's.
    assert.equal(await lawyer.page.getByRole('link', { name: 'Eligibility rules' }).count(), 0);
    await tab.context.close();
  });
});
