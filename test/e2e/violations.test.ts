import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  describeBrowser,
  hasHorizontalScroll,
  launch,
  login,
  openTab,
  realProblems,
  type Tab,
} from './browser.ts';
import { pickTerm, violationsWorld, type VioWorld } from './violations-world.ts';

const TITLE = 'Detention and beating of Bakyt Osmonov in Osh';
const VICTIM = 'Бакыт Осмонов';
const OFFICER = 'Officer Kadyrbek Asanov';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/vio-${name}.png`, fullPage: true });
}

/** Waits for a locator; on a timeout the error also says what the page showed instead. */
async function see(page: Page, locator: Locator): Promise<void> {
  try {
    await locator.waitFor();
  } catch (e) {
    const shown = await page
      .locator('main')
      .innerText()
      .catch(() => '');
    throw new Error(`${String(e)}\nThe page showed: ${shown.slice(0, 2000)}`);
  }
}

async function eventCount(world: VioWorld): Promise<number> {
  const api = await world.api(world.documenters[0]);
  const r = await api.get<{ total: number }>('/api/violations/events');
  assert.equal(r.status, 200);
  return r.body.total;
}

/** Registers a new person from a person chooser (the duplicate check runs while the name is typed). */
async function registerPerson(page: Page, chooser: string, name: string): Promise<void> {
  await page.getByTestId(`${chooser}-search`).fill(name);
  await page.getByTestId(`${chooser}-create`).click();
  const form = page.getByTestId('person-form');
  assert.equal(await form.getByTestId('person-name').inputValue(), name);
  await form.getByTestId('person-save').click();
  await form.waitFor({ state: 'detached' });
}

await describeBrowser('violation screens', (backend) => {
  let world: VioWorld;
  let browser: Browser;
  let doc: Tab;
  let eventUrl = '';

  before(async () => {
    world = await violationsWorld(backend);
    browser = await launch();
    doc = await openTab(browser, world.server.url, { locale: 'en' });
    // The machine running the suite may be busy: the event page loads a dozen vocabularies.
    doc.page.setDefaultTimeout(60_000);
    await login(doc.page, world.documenters[0]);
  });
  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('a documenter follows the guided entry: one victim, two acts, one perpetrator, one source', async () => {
    const { page } = doc;
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Violations', exact: true })
      .click();
    await page.waitForURL('**/violations');
    await page.getByTestId('events-empty').getByText('No violation events yet').waitFor();
    await shot(page, 'list-empty');
    await page.getByTestId('new-event').click();
    await page.waitForURL('**/violations/new');

    // Step 1: nothing is pre-filled; an end before the start is refused with the translated message.
    assert.equal(await page.getByTestId('event-title').inputValue(), '');
    await page.getByTestId('flow-next').click();
    await page.getByText('This field is required.').waitFor();
    await page.getByTestId('event-title').fill(TITLE);
    await page.getByTestId('date-startDate').fill('2026-03');
    await page.getByTestId('date-endDate').fill('2026-02-20');
    await page.getByTestId('flow-next').click();
    await page.getByText('The end date is earlier than the start date.').waitFor();
    await page.getByTestId('flow-what').waitFor();
    await page.getByTestId('date-endDate').fill('2026-03-14');
    // A month covers its days: March 2026 ending on 14 March is fine, and the message goes at once.
    const dateOrder = page.getByText('The end date is earlier than the start date.');
    await dateOrder.waitFor({ state: 'detached' });
    // Either way round: a day in March ending "in March" is fine too, even after pressing Next.
    await page.getByTestId('date-startDate').fill('2026-03-14');
    await page.getByTestId('date-endDate').fill('2026-03');
    await page.getByTestId('flow-next').click();
    await page.getByTestId('flow-victims').waitFor();
    await page.getByTestId('flow-back').click();
    await page.getByTestId('flow-what').waitFor();
    await page.getByTestId('date-startDate').fill('2026-03');
    await page.getByTestId('date-endDate').fill('2026-03-14');
    await page.getByTestId('region').click();
    await page.getByRole('option', { name: 'Osh Region' }).click();
    await page.getByTestId('place').fill('Temporary detention centre');
    await shot(page, 'flow-1-what');
    await page.getByTestId('flow-next').click();

    // Step 2: the victim is registered here, with the duplicate check.
    await page.getByTestId('flow-victims').waitFor();
    await page.getByTestId('flow-next').click();
    await page.getByTestId('flow-error').getByText('Add at least one victim.').waitFor();
    await registerPerson(page, 'victim-chooser', VICTIM);
    await page.getByTestId('flow-victim').getByText(VICTIM).waitFor();
    // Once a victim is chosen the "add a victim" message is gone, without another press of Next.
    await page.getByTestId('flow-error').waitFor({ state: 'detached' });
    assert.equal(await page.getByText('Add at least one victim.').count(), 0);
    // Found again, the chosen victim is marked as chosen, not offered a second time.
    await page.getByTestId('victim-chooser-search').fill(VICTIM);
    const again = page.getByTestId('match').filter({ hasText: VICTIM });
    await again.getByTestId('person-chosen').waitFor();
    assert.equal(await again.getByTestId('person-chosen').isDisabled(), true);
    assert.equal(await again.getByTestId('person-chosen').innerText(), 'Chosen');
    assert.equal(await again.getByTestId('choose-person').count(), 0);
    await page.getByTestId('victim-chooser-search').fill('');
    assert.equal(await page.getByTestId('flow-victim').count(), 1);
    await shot(page, 'flow-2-victims');
    await page.getByTestId('flow-next').click();

    // Step 3: two acts against the same victim.
    await page.getByTestId('flow-acts').waitFor();
    await page.getByTestId('flow-add-act').click();
    await page.getByTestId('flow-add-act').click();
    await pickTerm(page, page.getByTestId('flow-act-type').nth(0), 'Arrest');
    await pickTerm(page, page.getByTestId('flow-act-type').nth(1), 'Torture');
    await page.getByTestId('flow-act-start').nth(0).fill('2026-03-12');
    await shot(page, 'flow-3-acts');
    await page.getByTestId('flow-next').click();

    // Step 4: one perpetrator, registered for the first act and picked again for the second.
    await page.getByTestId('flow-perpetrators').waitFor();
    const acts = page.getByTestId('flow-act-perps');
    await acts.nth(0).getByTestId('flow-add-perp').click();
    await registerPerson(page, 'perpetrator-chooser', OFFICER);
    await pickTerm(page, acts.nth(0).getByTestId('flow-perp-type'), 'Police');
    // Found again for the same act, the officer is marked as chosen, not offered a second time.
    const first = acts.nth(0);
    await first.getByTestId('flow-add-perp').click();
    assert.equal(
      await first.getByTestId('known-perpetrator').filter({ hasText: OFFICER }).isDisabled(),
      true,
    );
    await first.getByTestId('perpetrator-chooser-search').fill(OFFICER);
    const officer = first.getByTestId('match').filter({ hasText: OFFICER });
    await officer.getByTestId('person-chosen').waitFor();
    assert.equal(await officer.getByTestId('person-chosen').isDisabled(), true);
    assert.equal(await officer.getByTestId('person-chosen').innerText(), 'Chosen');
    assert.equal(await officer.getByTestId('choose-person').count(), 0);
    await first.getByRole('button', { name: 'Cancel', exact: true }).click();
    assert.equal(await page.getByTestId('flow-perp').count(), 1);
    // For the second act the same officer is still one click away.
    await acts.nth(1).getByTestId('flow-add-perp').click();
    await acts.nth(1).getByTestId('known-perpetrator').getByText(OFFICER).click();
    assert.equal(await page.getByTestId('flow-perp').count(), 2);
    await shot(page, 'flow-4-perpetrators');
    await page.getByTestId('flow-next').click();

    // Step 5: the victim told us (one click), highly reliable.
    await page.getByTestId('flow-source').or(page.getByTestId('flow-add-source')).first().waitFor();
    await page.getByTestId('flow-add-source').click();
    await page.getByTestId('flow-source').getByTestId('known-source').getByText(VICTIM).click();
    await pickTerm(page, page.getByTestId('source-reliability'), 'Highly reliable');
    await shot(page, 'flow-5-source');
    await page.getByTestId('flow-next').click();

    // Step 6: review, then save: the event page opens on its acts.
    await page.getByTestId('flow-review').getByText(TITLE).waitFor();
    assert.equal(await page.getByTestId('flow-review-act').count(), 2);
    await shot(page, 'flow-6-review');
    await page.getByTestId('flow-save').click();
    await page.waitForURL(/\/violations\/[0-9a-f-]{36}\?tab=acts$/);
    eventUrl = new URL(page.url()).pathname;
    await see(page, page.getByRole('heading', { level: 1, name: TITLE }));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=act-card]').length === 2);
    const headings = await page.getByTestId('act-heading').allInnerTexts();
    assert.ok(
      headings.some((h) => h.startsWith(`${VICTIM} — Arrest — `)),
      headings.join(' | '),
    );
    assert.ok(
      headings.some((h) => h.startsWith(`${VICTIM} — Torture`)),
      headings.join(' | '),
    );
    assert.equal(await page.getByTestId('involvement').count(), 2);
    await shot(page, 'event-acts');
    assert.equal(await eventCount(world), 1);
    assert.deepEqual(realProblems(doc.problems), []);
  });

  it('the event is in the list and found by search; its tabs show people and sources', async () => {
    const { page } = doc;
    await page.goto('/violations');
    await page.getByTestId('event-row').getByText(TITLE).waitFor();
    await page.getByTestId('events-search').fill('beating Osmonov');
    await page.waitForURL((u) => u.searchParams.get('q') === 'beating Osmonov');
    await page.getByTestId('event-row').getByText(TITLE).waitFor();
    await shot(page, 'list');
    await page.getByTestId('events-search').fill('flood');
    await page.waitForURL((u) => u.searchParams.get('q') === 'flood');
    await page
      .getByTestId('events-empty')
      .getByText('No events match this search and these filters')
      .waitFor();

    await page.goto(eventUrl);
    await see(page, page.getByTestId('event-fields').getByText('Temporary detention centre'));
    await shot(page, 'event-overview');
    await page.getByTestId('tab-people').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=event-person]').length === 2);
    const victim = page.getByTestId('event-person').filter({ hasText: VICTIM });
    await victim.getByText('Victim').waitFor();
    await victim.getByText('Source').waitFor();
    await page.getByTestId('event-person').filter({ hasText: OFFICER }).getByText('Perpetrator').waitFor();
    await page.getByTestId('tab-sources').click();
    await page.getByTestId('source').getByText('Highly reliable').waitFor();
    await page.getByTestId('tab-evidence').click();
    await page.getByTestId('evidence-tab').waitFor();
    await page.getByTestId('tab-members').click();
    await page.getByTestId('event-member').getByText(world.documenters[0].name).waitFor();
    assert.deepEqual(realProblems(doc.problems), []);
  });

  it('adding a perpetrator to an act shows its own perpetrator as chosen and offers everyone else', async () => {
    const { page } = doc;
    await page.goto(`${eventUrl}?tab=acts`);
    const card = page
      .getByTestId('act-card')
      .filter({ has: page.getByTestId('involvement').filter({ hasText: OFFICER }) })
      .first();
    await see(page, card);
    await card.getByTestId('add-perpetrator').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('perpetrator-chooser-search').waitFor();
    assert.equal(
      await dialog.getByTestId('known-perpetrator').filter({ hasText: OFFICER }).isDisabled(),
      true,
    );
    await dialog.getByTestId('perpetrator-chooser-search').fill(OFFICER);
    const officer = dialog.getByTestId('match').filter({ hasText: OFFICER });
    await officer.getByTestId('person-chosen').waitFor();
    assert.equal(await officer.getByTestId('person-chosen').isDisabled(), true);
    assert.equal(await officer.getByTestId('person-chosen').innerText(), 'Chosen');
    assert.equal(await officer.getByTestId('choose-person').count(), 0);
    // Someone who is not a perpetrator of this act can still be chosen.
    await dialog.getByTestId('perpetrator-chooser-search').fill(VICTIM);
    const victim = dialog.getByTestId('match').filter({ hasText: VICTIM });
    await victim.getByTestId('choose-person').waitFor();
    assert.equal(await victim.getByTestId('person-chosen').count(), 0);
    await shot(page, 'involvement-chosen');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await card.getByTestId('involvement').count(), 1);
  });

  it('editing with an end date before the start shows the server’s translated error and saves nothing', async () => {
    const { page } = doc;
    await page.goto(eventUrl);
    await page.getByTestId('edit-event').click();
    const form = page.getByTestId('edit-event-form');
    await form.getByTestId('date-endDate').fill('2025-12');
    await page.getByTestId('edit-event-save').click();
    await form.getByText('The end date is earlier than the start date.').first().waitFor();
    const api = await world.api(world.documenters[0]);
    const id = eventUrl.split('/').pop() ?? '';
    const r = await api.get<{ endDate: string | null }>(`/api/violations/events/${id}`);
    assert.equal(r.body.endDate, '2026-03-14');
  });

  it('a restricted event is invisible to a documenter who is not a member', async () => {
    const api = await world.api(world.documenters[0]);
    const r = await api.post<{ id: string }>('/api/violations/events', {
      title: 'Restricted: threats against a witness',
      restricted: true,
    });
    assert.equal(r.status, 201);
    const other = await openTab(browser, world.server.url, { locale: 'en' });
    await login(other.page, world.documenters[1]);
    await other.page.goto('/violations');
    await other.page.getByTestId('event-row').getByText(TITLE).waitFor();
    assert.equal(await other.page.getByTestId('event-row').count(), 1);
    assert.doesNotMatch(await other.page.locator('main').innerText(), /threats against a witness/);
    await other.page.goto(`/violations/${r.body.id}`);
    const denied = await other.page.getByTestId('event-not-found').innerText();
    assert.match(denied, /Event not found or not available to you/);
    await other.page.goto('/violations/0190a1b2-0000-7000-8000-000000000000');
    assert.equal(await other.page.getByTestId('event-not-found').innerText(), denied);
    await other.context.close();
  });

  it('an administrator links an act to a legal case from the event page; the case lists the act', async () => {
    const admin = await world.api(world.admin);
    const k = await admin.post<{ id: string }>('/api/cases', {
      type: 'criminal_defence',
      title: 'Defence after the March detention',
    });
    assert.equal(k.status, 201, JSON.stringify(k.body));
    const tab = await openTab(browser, world.server.url, { locale: 'en' });
    tab.page.setDefaultTimeout(60_000);
    await login(tab.page, world.admin);
    await tab.page.goto(`${eventUrl}?tab=acts`);
    const card = tab.page.getByTestId('act-card').first();
    await card.getByTestId('act-link-case').click();
    await tab.page.getByTestId('case-link-search').fill('March detention');
    await tab.page.getByTestId('case-link-option').first().click();
    await card.getByTestId('linked-case').waitFor();
    await shot(tab.page, 'act-linked-case');
    const actId = (await card.getAttribute('data-act-id')) ?? '';
    const kase = await admin.get<{ links: { kind: string; targetId: string }[] }>(`/api/cases/${k.body.id}`);
    assert.ok(
      kase.body.links.some((l) => l.kind === 'violation_act' && l.targetId === actId),
      JSON.stringify(kase.body.links),
    );
    // A documenter (no cases.write) is not offered the action.
    await doc.page.goto(`${eventUrl}?tab=acts`);
    await doc.page.getByTestId('act-card').first().waitFor();
    assert.equal(await doc.page.getByTestId('act-link-case').count(), 0);
    await tab.context.close();
  });

  it('an administrator adds a member: Add with nothing chosen names both choices, then the member is listed', async () => {
    const tab = await openTab(browser, world.server.url, { locale: 'en' });
    tab.page.setDefaultTimeout(60_000);
    const { page } = tab;
    await login(page, world.admin);
    await page.goto(`${eventUrl}?tab=members`);
    // The documenter who entered the event leads it.
    await see(page, page.getByTestId('event-member').filter({ hasText: 'Asel Documenter' }));
    const before = await page.getByTestId('event-member').count();
    await page.getByTestId('member-add').click();
    await see(page, page.getByText('This field is required.').nth(1));
    assert.equal(await page.getByTestId('event-member').count(), before, 'nothing added');
    await page.getByTestId('member-user').click();
    await page.getByRole('option', { name: 'Timur Documenter' }).click();
    // The user is chosen: only the access is left to choose.
    assert.equal(await page.getByText('This field is required.').count(), 1);
    await page.getByTestId('member-role').click();
    await page.getByRole('option', { name: 'Member', exact: true }).click();
    await shot(page, 'members-add');
    await page.getByTestId('member-add').click();
    await see(page, page.getByTestId('event-member').filter({ hasText: 'Timur Documenter' }));
    assert.equal(await page.getByTestId('event-member').count(), before + 1);
    assert.equal(await page.getByText('This field is required.').count(), 0, 'the form starts afresh');
    await tab.context.close();
  });

  it('leaving the guided entry with unsaved answers asks first; staying keeps them', async () => {
    const { page } = doc;
    await page.goto('/violations/new');
    await page.getByTestId('event-title').fill('Half-typed during an interview');
    await page.getByTestId('flow-cancel').click();
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('event-title').inputValue(), 'Half-typed during an interview');
    assert.match(page.url(), /\/violations\/new$/);
    await page.getByTestId('flow-cancel').click();
    await page
      .getByRole('dialog', { name: 'Leave without saving?' })
      .getByRole('button', { name: 'Leave and discard' })
      .click();
    await page.waitForURL('**/violations');
  });

  it('the list, the event page and the entry flow fit a 390 px phone', async () => {
    const phone = await openTab(browser, world.server.url, { locale: 'ky', width: 390 });
    await phone.context.addCookies(await doc.context.cookies());
    const { page } = phone;
    await page.goto('/violations');
    await page.getByTestId('event-row').first().waitFor();
    assert.equal(await hasHorizontalScroll(page), false, 'list');
    await shot(page, 'phone-list');
    for (const t of ['overview', 'acts', 'people', 'sources', 'members']) {
      await page.goto(t === 'overview' ? eventUrl : `${eventUrl}?tab=${t}`);
      await page.getByRole('tabpanel').first().waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(await hasHorizontalScroll(page), false, t);
      await shot(page, `phone-event-${t}`);
    }
    await page.goto('/violations/new');
    await page.getByTestId('flow-what').waitFor();
    assert.equal(await hasHorizontalScroll(page), false, 'flow');
    await shot(page, 'phone-flow-1');
    await phone.context.close();
  });

  it('on a 375 px phone the guided entry opens on its form: a thin bar, not the list of six steps', async () => {
    const phone = await openTab(browser, world.server.url, { locale: 'en', width: 375 });
    await phone.context.addCookies(await doc.context.cookies());
    const { page } = phone;
    page.setDefaultTimeout(60_000);
    // A small phone's screen: openTab's 900 px height would hide a step list that pushes the form down.
    const height = 667;
    await page.setViewportSize({ width: 375, height });
    const firstScreen = async (n: number, step: string, title: string) => {
      const card = page.getByTestId(`flow-${step}`);
      await card.waitFor();
      await page.getByRole('progressbar', { name: `Step ${n} of 6` }).waitFor();
      assert.equal(await page.getByTestId('flow-stepper').count(), 0, 'the list of steps is shown');
      assert.equal(await page.getByTestId(`flow-step-${step}`).count(), 0);
      await page.evaluate(() => window.scrollTo(0, 0));
      const heading = card.getByRole('heading', { name: `Step ${n} of 6: ${title}` });
      const box = (await heading.boundingBox())!;
      assert.ok(box.y >= 0 && box.y < height, `step ${n}: the heading starts at ${box.y} of ${height}`);
    };
    await page.goto('/violations/new');
    await firstScreen(1, 'what', 'What happened');
    const field = (await page.getByTestId('event-title').boundingBox())!;
    assert.ok(field.y + field.height <= height, `the title field ends at ${field.y + field.height}`);
    await page.getByTestId('event-title').fill('Typed on a phone');
    await page.getByTestId('flow-next').click();
    await firstScreen(2, 'victims', 'Who was harmed');
    await shot(page, 'phone-flow-2-375');
    // Without the list of steps, Back is the way to an earlier step; nothing typed is lost.
    await page.getByTestId('flow-back').click();
    await firstScreen(1, 'what', 'What happened');
    assert.equal(await page.getByTestId('event-title').inputValue(), 'Typed on a phone');
    await phone.context.close();
  });

  it('on a 375 px phone the open tab is in sight, whichever tab the page opens on', async () => {
    const phone = await openTab(browser, world.server.url, { locale: 'ky', width: 375 });
    await phone.context.addCookies(await doc.context.cookies());
    const { page } = phone;
    page.setDefaultTimeout(60_000);
    const width = page.viewportSize()!.width;
    // Later tabs, opened from the URL (a shared link, or coming back): in a sideways-scrolling strip
    // they were off the right edge, and no tab in sight looked selected.
    for (const t of ['interventions', 'chain', 'evidence', 'members']) {
      await page.goto(`${eventUrl}?tab=${t}`);
      await page.getByRole('tabpanel').first().waitFor();
      const open = page.getByTestId(`tab-${t}`);
      assert.equal(await open.getAttribute('aria-selected'), 'true', t);
      const box = (await open.boundingBox())!;
      assert.ok(
        box.x >= 0 && box.x + box.width <= width,
        `the open tab ${t} is out of sight: x ${box.x}–${box.x + box.width} of ${width}`,
      );
      assert.equal(await hasHorizontalScroll(page), false, t);
    }
    await shot(page, 'phone-event-members-375');
    await phone.context.close();
  });
});
