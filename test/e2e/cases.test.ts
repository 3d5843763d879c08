import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  axeSerious,
  chooseOption,
  describeBrowser,
  hasHorizontalScroll,
  launch,
  login,
  openTab,
  realProblems,
  reauth,
  textOf,
  type Tab,
} from './browser.ts';
import { legalWorld, type LegalWorld } from './legal-setup.ts';

const TITLE = 'Defence of Bakyt Osmonov (art. 130)';

async function openTabNamed(page: Page, tab: string): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
  await page.waitForURL((u) => u.searchParams.get('tab') === tab);
}

await describeBrowser('legal-aid cases', (backend) => {
  let world: LegalWorld;
  let browser: Browser;
  let lawyer: Tab;
  let caseUrl = '';

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

  it('a lawyer with no cases sees "no cases yet", then creates a case from the form', async () => {
    const { page } = lawyer;
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Cases', exact: true })
      .click();
    await page.waitForURL('**/cases');
    await page.getByTestId('cases-empty').getByText('No cases yet').waitFor();
    await page.getByTestId('new-case').click();
    const form = page.getByTestId('new-case-form');
    // Nothing is pre-filled.
    assert.equal(await form.locator('input[name=title]').inputValue(), '');
    await chooseOption(page, 'case-type', 'Criminal defence');
    await form.locator('input[name=title]').fill(TITLE);
    await form.locator('input[name=court]').fill('Osh city court');
    await page.getByTestId('new-case-submit').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByTestId('case-fields').getByText('Osh city court').waitFor();
    assert.match(await page.getByTestId('case-number').innerText(), /\S/);
  });

  it('adds a note, a task it then ticks, and a time entry; all show in the timeline', async () => {
    const { page } = lawyer;
    await openTabNamed(page, 'notes');
    await page
      .getByTestId('note-form')
      .locator('textarea[name=note]')
      .fill('Met the client in SIZO-5.\nNext: appeal.');
    await page.getByTestId('note-submit').click();
    await page.getByTestId('note-body').getByText('Met the client in SIZO-5.').waitFor();
    assert.match(await page.getByTestId('note').first().innerText(), /Nurlan Lawyer/);

    await openTabNamed(page, 'tasks');
    await page.getByTestId('task-form').locator('input[name=taskTitle]').fill('File the appeal');
    await page.getByTestId('task-submit').click();
    const task = page.getByTestId('task').filter({ hasText: 'File the appeal' });
    await task.waitFor();
    assert.equal(await task.getAttribute('data-done'), 'false');
    // The box follows the server's answer: click, then wait for the saved state.
    await task.getByRole('checkbox').click();
    await page.locator('[data-testid=task][data-done=true]').filter({ hasText: 'File the appeal' }).waitFor();

    await openTabNamed(page, 'time');
    // Work done last week (the form starts at today's date in Bishkek).
    const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('time-form').locator('input[name=workedOn]').fill(lastWeek);
    await page.getByTestId('time-form').locator('input[name=minutes]').fill('90');
    await chooseOption(page, 'time-activity', 'Consultation');
    await page.getByTestId('time-submit').click();
    await page.getByTestId('time-entry').first().waitFor();
    assert.equal(await page.getByTestId('time-total').innerText(), 'Total: 1 h 30 min');

    await openTabNamed(page, 'timeline');
    await page.locator('[data-testid=timeline-entry][data-kind="time.added"]').waitFor();
    const kinds = await page
      .getByTestId('timeline-entry')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    for (const k of ['case.created', 'note.added', 'task.added', 'task.done', 'time.added']) {
      assert.ok(kinds.includes(k), `timeline has ${k}: ${kinds.join(', ')}`);
    }
    const text = await page.getByRole('list', { name: 'Timeline' }).innerText();
    assert.match(text, /Note added/);
    assert.match(text, /Time recorded \(Consultation, 1 h 30 min\)/);
    // The timeline is stored in clear, so it never repeats the note's text.
    assert.doesNotMatch(text, /SIZO-5/);
    assert.deepEqual(realProblems(lawyer.problems), []);
  });

  it('adds a person found across scripts, and flags a conflict of interest before adding', async () => {
    const api = await world.api(world.lawyers[0]);
    const person = async (full: string) => {
      const r = await api.post<{ id: string }>('/api/people', { names: [{ full }] });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    };
    const client = await person('Айгүл Исмаилова');
    const adverse = await person('Бакыт Осмонов');
    // Elsewhere, Osmonov is the opposing party of one of our clients.
    const other = await api.post('/api/cases', {
      type: 'civil',
      title: 'Alimony claim',
      people: [{ personId: adverse, role: 'opposing_party' }],
    });
    assert.equal(other.status, 201);

    const { page } = lawyer;
    await page.goto(caseUrl);
    await openTabNamed(page, 'people');
    await page.getByTestId('add-person').click();
    await chooseOption(page, 'person-role', 'Client');
    await page.getByTestId('person-search').fill('Ismailova');
    await page
      .getByTestId('person-result')
      .filter({ hasText: 'Айгүл Исмаилова' })
      .getByTestId('person-result-add')
      .click();
    const row = page.getByTestId('case-person').filter({ hasText: 'Айгүл Исмаилова' });
    await row.getByText('Client').waitFor();
    assert.equal(await row.getByRole('link').getAttribute('href'), `/people/${client}`);

    // The dialog closes with a short animation after an add; opening it again meanwhile raced with
    // that animation in one CI run (the role field was re-mounted until the click timed out).
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByTestId('add-person').click();
    await chooseOption(page, 'person-role', 'Client');
    await page.getByTestId('person-search').fill('Osmonov');
    const result = page.getByTestId('person-result').filter({ hasText: 'Бакыт Осмонов' });
    await result.getByTestId('person-result-add').click();
    await page.getByTestId('person-conflict-confirm').waitFor();
    assert.equal(
      await page.getByTestId('case-person').count(),
      1,
      'not added before the warning is answered',
    );
    await result.getByTestId('person-result-add').click();
    await page.getByTestId('case-person').filter({ hasText: 'Бакыт Осмонов' }).waitFor();
  });

  it('the case page and its tabs have no serious axe violations and fit a phone', async () => {
    const tab = await openTab(browser, world.server.url, { locale: 'ky', width: 375 });
    await tab.context.addCookies(await lawyer.context.cookies());
    const { page } = tab;
    for (const t of ['overview', 'people', 'team', 'notes', 'tasks', 'time', 'timeline']) {
      await page.goto(t === 'overview' ? caseUrl : `${caseUrl}?tab=${t}`);
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByRole('tabpanel').first().waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(await hasHorizontalScroll(page), false, `${t} scrolls sideways at 375 px`);
      assert.deepEqual(await axeSerious(page), [], t);
    }
    await page.goto('/cases');
    await page.getByTestId('case-row').first().waitFor();
    assert.equal(await hasHorizontalScroll(page), false, '/cases scrolls sideways at 375 px');
    assert.deepEqual(await axeSerious(page), [], '/cases');
    await tab.context.close();
  });

  it('a lawyer who is not on the team gets the same "not found or no access" page as for a missing case', async () => {
    const other = await openTab(browser, world.server.url, { locale: 'en' });
    await login(other.page, world.lawyers[1]);
    await other.page.goto(caseUrl);
    const denied = await other.page.getByTestId('case-not-found').innerText();
    assert.match(denied, /Case not found or no access/);
    assert.doesNotMatch(await other.page.locator('body').innerText(), new RegExp(TITLE));
    await other.page.goto('/cases/0190a1b2-0000-7000-8000-000000000000');
    assert.equal(await other.page.getByTestId('case-not-found').innerText(), denied);
    await other.page.goto('/cases');
    await other.page.getByTestId('cases-empty').getByText('No cases yet').waitFor();
    await other.context.close();
  });

  it('filters land in the URL, a saved view brings them back, and an empty result says so', async () => {
    const api = await world.api(world.lawyers[0]);
    const r = await api.post('/api/cases', { type: 'civil', title: 'Land dispute in Naryn', region: 'KG-N' });
    assert.equal(r.status, 201);
    const { page } = lawyer;
    await page.goto('/cases');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=case-row]').length === 3);
    // Each option shows how many cases it would leave.
    await page.getByTestId('filter-type').click();
    await page.getByRole('option', { name: 'Criminal defence (1)' }).click();
    await page.waitForURL((u) => u.searchParams.get('type') === 'criminal_defence');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=case-row]').length === 1);
    await page.getByTestId('case-row').getByText(TITLE).waitFor();

    await page.getByTestId('save-view').click();
    await page.getByRole('dialog').locator('input[name=viewName]').fill('My criminal cases');
    await page.getByRole('dialog').locator('button[type=submit]').click();
    await page.getByTestId('clear-filters').click();
    await page.waitForURL((u) => !u.searchParams.has('type'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=case-row]').length === 3);

    await page.reload();
    await chooseOption(page, 'saved-views', 'My criminal cases');
    await page.waitForURL((u) => u.searchParams.get('type') === 'criminal_defence');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=case-row]').length === 1);

    await chooseOption(page, 'filter-region', /^Naryn/);
    await page.getByTestId('cases-empty').getByText('No case matches these filters').waitFor();
    assert.deepEqual(realProblems(lawyer.problems), []);
  });
  it('exports the filtered list as codes only, after re-authentication; a lawyer is not offered names', async () => {
    const { page } = lawyer;
    await page.goto('/cases?type=criminal_defence');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=case-row]').length === 1);
    await page.getByTestId('cases-export').click();
    assert.equal(await page.getByTestId('export-csv-names').count(), 0);
    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    await reauth(page, world.lawyers[0]);
    const file = await downloading;
    assert.match(file.suggestedFilename(), /\.csv$/);
    const csv = await textOf(file);
    assert.equal(csv.trim().split('\n').length, 2, 'a header and the one filtered case');
    assert.doesNotMatch(csv, new RegExp(TITLE), 'the redacted export carries no title');
    assert.deepEqual(realProblems(lawyer.problems), []);
  });
});
