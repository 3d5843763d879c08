import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
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

const CYRILLIC = 'Исмаилова Айгуль Бакытовна';
const LATIN = 'Ismailova Aigul';

/** The server's message for a field, from the same catalogs it uses (so wording changes do not break this). */
function fieldMessage(lng: 'en' | 'ru', field: 'groupSize', code: 'invalid_value'): string {
  const template = resources[lng].errors.field[code];
  return template.replace('{{field}}', resources[lng].fields[field]);
}

async function createdId(page: Page): Promise<string> {
  await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

await describeBrowser('people registry', (backend) => {
  let world: LegalWorld;
  let browser: Browser;
  let lawyer: Tab;
  let personUrl = '';

  before(async () => {
    world = await legalWorld(backend);
    browser = await launch();
    lawyer = await openTab(browser, world.server.url, { locale: 'en' });
    await login(lawyer.page, world.lawyers[0]);
  });
  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('starts empty, then registers a person with a Cyrillic name (script detected, nothing pre-filled)', async () => {
    const { page } = lawyer;
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'People', exact: true })
      .click();
    await page.waitForURL('**/people');
    await page.getByTestId('people-empty').getByText('No people yet').waitFor();
    await page.getByTestId('people-empty').getByTestId('add-person').click();
    await page.waitForURL('**/people/new');
    const form = page.getByTestId('person-form');
    assert.equal(await form.getByTestId('person-name').inputValue(), '');
    assert.equal(await form.getByTestId('person-sex').inputValue(), '');
    assert.equal(await form.locator('input[type=checkbox]:checked').count(), 0);
    await form.getByTestId('person-name').fill(CYRILLIC);
    assert.equal(await form.getByTestId('person-name-script').inputValue(), 'Automatic: Cyrillic');
    await form.getByTestId('person-sex').click();
    await page.getByRole('option', { name: 'Female' }).click();
    await form.getByLabel('Human rights defender').check();
    await page.getByTestId('person-save').click();
    const id = await createdId(page);
    personUrl = `/people/${id}`;
    await page.getByRole('heading', { level: 1, name: CYRILLIC }).waitFor();
    await page.getByText('Human rights defender').waitFor();
    await page.goto('/people?q=ismailova');
    await page.locator(`[data-testid=person-row][data-id="${id}"]`).waitFor();
  });

  it('warns about the existing person while "Ismailova" is typed in Latin, with score and reason', async () => {
    const { page } = lawyer;
    await page.goto('/people/new');
    await page.getByTestId('person-name').fill(LATIN);
    assert.equal(await page.getByTestId('person-name-script').inputValue(), 'Automatic: Latin');
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    assert.match(await warning.innerText(), /1 person with a similar name is already registered/);
    const match = warning.getByTestId('match').first();
    assert.equal(await match.getByRole('link').innerText(), CYRILLIC);
    assert.match(
      await match.getByTestId('match-reason').innerText(),
      /same name in another script or spelling/,
    );
    assert.match(await match.getByTestId('match-score').innerText(), /^\d{2,3}% match$/);
    assert.equal(await match.getAttribute('data-conflict'), 'false');
    await match.getByRole('link').click();
    await page.waitForURL(`**${personUrl}`);
  });

  it('shows translated errors: a missing name in the browser, a bad group size from the server', async () => {
    const { page } = lawyer;
    await page.goto('/people/new');
    await page.getByTestId('person-save').click();
    await page.getByText('Enter at least one name.').waitFor();
    await page.getByTestId('person-name').fill('Жители села Арал');
    await page.getByTestId('kind-group').check({ force: true });
    await page.locator('input[name=groupSize]').fill('1');
    await page.getByTestId('person-save').click();
    await page.getByText(fieldMessage('en', 'groupSize', 'invalid_value')).waitFor();
    assert.match(page.url(), /\/people\/new$/);
    await switchLanguage(page, 'ru');
    await page.getByTestId('person-save').click();
    await page.getByText(fieldMessage('ru', 'groupSize', 'invalid_value')).waitFor();
    await switchLanguage(page, 'en');
    // The two refused saves are the only console errors; later checks start clean.
    assert.deepEqual(
      realProblems(lawyer.problems),
      Array(2).fill('Failed to load resource: the server responded with a status of 400 (Bad Request)'),
    );
    lawyer.problems.length = 0;
  });

  it('a profile shows roles linking to cases, and hides contacts outside the case team', async () => {
    const other = await world.api(world.lawyers[1]);
    const p = await other.post<{ id: string }>('/api/people', {
      names: [{ full: 'Токтогулов Азамат' }],
      contacts: [{ kind: 'phone', value: '+996 700 000 001', safe: true }],
    });
    assert.equal(p.status, 201);
    const c = await other.post<{ id: string }>('/api/cases', {
      type: 'criminal_defence',
      title: 'Defence of A. T.',
      people: [{ personId: p.body.id, role: 'client' }],
    });
    assert.equal(c.status, 201);
    // A grant lets a colleague read the case, but contacts stay with the team.
    const users = await other.get<{ items: { id: string; name: string }[] }>('/api/cases/assignable-users');
    const me = users.body.items.find((u) => u.name === world.lawyers[0].name);
    assert.ok(me);
    const g = await other.post(`/api/cases/${c.body.id}/members`, { userId: me.id, role: 'grant' });
    assert.equal(g.status, 200, JSON.stringify(g.body));
    const { page } = lawyer;
    await page.goto('/people?q=Азамат');
    await page.getByTestId('person-row').first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Токтогулов Азамат' }).waitFor();
    await page.getByTestId('contacts-hidden').getByText('Contact details are hidden').waitFor();
    assert.doesNotMatch(await page.locator('body').innerText(), /\+996 700/);
    const link = page.getByTestId('person-case-link');
    await link.click();
    await page.waitForURL(`**/cases/${c.body.id}`);
  });

  it('merges a duplicate into a person after re-authentication; the duplicate says where it went', async () => {
    const api = await world.api(world.lawyers[0]);
    const keep = await api.post<{ id: string }>('/api/people', { names: [{ full: 'Садыкова Нургуль' }] });
    const dup = await api.post<{ id: string }>('/api/people', { names: [{ full: 'Sadykova Nurgul' }] });
    const { page } = lawyer;
    await page.goto(`/people/${keep.body.id}`);
    await page.getByTestId('merge-person').click();
    await page.getByTestId('person-picker-search').fill('Sadykova');
    await page
      .getByTestId('person-picker-item')
      .filter({ hasText: 'Sadykova Nurgul' })
      .getByRole('button')
      .click();
    await page.getByTestId('merge-confirm').click();
    await reauth(page, world.lawyers[0]);
    await page.getByRole('dialog', { name: 'Merge a duplicate' }).waitFor({ state: 'detached' });
    await page.getByText('Sadykova Nurgul').first().waitFor();
    await page.goto(`/people/${dup.body.id}`);
    const notice = page.getByTestId('merged-notice');
    await notice.waitFor();
    await notice.getByRole('link').click();
    await page.waitForURL(`**/people/${keep.body.id}`);
    assert.deepEqual(realProblems(lawyer.problems), []);
  });

  it('the people screens have no serious axe violations and fit a phone', async () => {
    const tab = await openTab(browser, world.server.url, { locale: 'ky', width: 375 });
    await tab.context.addCookies(await lawyer.context.cookies());
    const { page } = tab;
    const screens: [string, () => Promise<unknown>][] = [
      ['/people', () => page.getByTestId('person-row').first().waitFor()],
      ['/people/new', () => page.getByTestId('person-form').waitFor()],
      [personUrl, () => page.getByTestId('person-roles').waitFor()],
    ];
    for (const [url, ready] of screens) {
      await page.goto(url);
      await ready();
      await page.waitForLoadState('networkidle');
      assert.equal(await hasHorizontalScroll(page), false, `${url} scrolls sideways at 375 px`);
      assert.deepEqual(await axeSerious(page), [], url);
    }
    await page.goto('/people/new');
    await page.getByTestId('person-name').fill(LATIN);
    await page.getByTestId('duplicate-warning').waitFor();
    assert.deepEqual(await axeSerious(page), [], 'duplicate warning');
    await tab.context.close();
  });
});
