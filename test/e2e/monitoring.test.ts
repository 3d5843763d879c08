import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { Client } from '../helpers/client.ts';
import type { Backend } from '../helpers/db.ts';
import type { RunningServer } from '../helpers/server.ts';
import {
  axeSerious,
  describeBrowser,
  launch,
  login,
  openTab,
  reauth,
  switchLanguage,
  textOf,
  type Tab,
} from './browser.ts';
import { staffWorldRoles, type Account } from './legal-setup.ts';
import { see, shot, track } from './monitoring-setup.ts';

const PASSWORD = 'an observer counts every ballot 2026';

/** The input that has the focus is `testId`, and it is on screen (not scrolled out of view). */
async function focusedIs(page: Page, testId: string): Promise<void> {
  await page
    .waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId, {
      timeout: 5000,
    })
    .catch(async () => {
      const now = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
      assert.fail(`${testId} does not have the focus; ${now} has`);
    });
  const box = (await page.getByTestId(testId).boundingBox())!;
  const view = page.viewportSize()!;
  assert.ok(box.y >= 0 && box.y + box.height <= view.height, `${testId} is out of view at y=${box.y}`);
}

interface World {
  server: RunningServer;
  admin: Account;
  coordinator: Account;
  observer: Account;
  api(who: Account): Promise<Client>;
  stop(): Promise<void>;
}

/** An administrator, a coordinator and an observer (made by the `ukuk` command), and the real server. */
async function monitoringWorld(backend: Backend): Promise<World> {
  const w = await staffWorldRoles(
    backend,
    [
      { role: 'coordinator', email: 'cholpon@example.org', name: 'Cholpon Coordinator' },
      { role: 'monitor', email: 'asel@example.org', name: 'Asel Observer' },
    ],
    { password: PASSWORD },
  );
  const [coordinator, observer] = w.people as [Account, Account];
  return { ...w, coordinator, observer };
}

await describeBrowser('monitoring: coordinator screens', (backend) => {
  let w: World;
  let browser: Browser;
  let tab: Tab;
  let formId = '';
  let missionId = '';
  let submissionId = '';

  before(async () => {
    w = await monitoringWorld(backend);
    browser = await launch();
    tab = track(await openTab(browser, w.server.url, { locale: 'en' }));
    // The machine running the suite may be busy: the screens load several lists at once.
    tab.page.setDefaultTimeout(60_000);
    await login(tab.page, w.coordinator);
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('builds a form: the server refuses a bad key at the field and a bad option at the option, then it saves and publishes', async () => {
    const { page } = tab;
    await page.getByRole('link', { name: 'Monitoring', exact: true }).first().click();
    await page.waitForURL('**/monitoring');
    await see(page, page.getByTestId('new-mission'));
    await page.getByTestId('mon-nav-forms').click();
    await page.waitForURL('**/monitoring/forms');
    // The templates are there from the start.
    await see(page, page.locator('[data-testid^=form-row-]').first());
    await page.getByTestId('new-form').click();
    await page.waitForURL('**/monitoring/forms/new');
    // With no title in any language, the refusal is said under the title's inputs, which are marked.
    await page.getByTestId('save-draft').click();
    await see(page, page.getByTestId('form-title-error'));
    assert.equal(await page.getByTestId('form-title-ky').getAttribute('aria-invalid'), 'true');
    await page.getByTestId('form-title-en').fill('Polling station check');
    await page.getByTestId('section-0-title-en').fill('Opening');
    await page.getByTestId('section-0-add').click();
    await page.getByTestId('section-0-add-boolean').click();
    await page.getByTestId('field-q1-label-en').fill('Did it open on time?');
    await page.getByTestId('section-0-add').click();
    await page.getByTestId('section-0-add-single_choice').click();
    await page.getByTestId('field-q2-label-en').fill('Queue');
    await page.getByTestId('field-q2-opt-0-en').fill('Long');
    await page.getByTestId('field-q2-add-option').click();
    await page.getByTestId('field-q2-opt-1-en').fill('Short');
    // Removing a question another one's condition depends on asks first and names that question.
    await page.getByTestId('section-0-add').click();
    await page.getByTestId('section-0-add-text').click();
    await page.getByTestId('field-q3-label-en').fill('Why late?');
    await page.getByTestId('field-q3').getByRole('switch', { name: 'Show only when' }).click();
    await page.getByTestId('field-q1-remove').click();
    const deps = page.getByRole('dialog');
    await see(page, deps.getByTestId('remove-deps').getByText('Why late?'));
    await deps.getByRole('button', { name: 'Cancel' }).click();
    await see(page, page.getByTestId('field-q1'));
    // Nothing depends on q3: it goes at once.
    await page.getByTestId('field-q3-remove').click();
    assert.equal(await page.getByTestId('field-q3').count(), 0);
    // A comparison whose question moved below it names that question by its label, not by its key.
    await page.getByTestId('section-0-add').click();
    await page.getByTestId('section-0-add-number').click();
    await page.getByTestId('field-q3-label-en').fill('Ballots received');
    await page.getByTestId('section-0-add').click();
    await page.getByTestId('section-0-add-number').click();
    await page.getByTestId('field-q4-label-en').fill('Ballots issued');
    await page.getByTestId('field-q4-compare-add').click();
    assert.equal(await page.getByTestId('field-q4-compare-0-broken').count(), 0);
    await page.getByTestId('field-q4-up').click();
    const broken = page.getByTestId('field-q4-compare-0-broken');
    await see(page, broken);
    assert.match(await broken.innerText(), /refers to “Ballots received”, which is no longer before/);
    assert.doesNotMatch(await broken.innerText(), /\bq3\b/);
    await page.getByTestId('field-q4-down').click();
    await broken.waitFor({ state: 'detached' });
    // A third option with a repeated key and no label: each problem is shown at that option.
    await page.getByTestId('field-q2-add-option').click();
    await page.getByTestId('field-q2-opt-2-key').fill('yes');
    // A key with a capital letter: the server's message is shown at that key, translated.
    await page.getByTestId('field-q1-key').fill('Opened');
    await page.getByTestId('save-draft').click();
    await see(page, page.getByTestId('builder-issues'));
    const bad = page.getByTestId('field-Opened');
    await see(page, bad.getByText(/^A key is small Latin letters, digits and _/));
    // Shown at the question only: no second, generic banner with the server's raw path.
    assert.equal(await page.getByText(/sections\[\d/).count(), 0);
    assert.equal(await page.getByText('Something went wrong').count(), 0);
    assert.equal(await page.getByTestId('field-Opened-key').getAttribute('aria-invalid'), 'true');
    const option = page.getByTestId('field-q2-opt-2');
    await see(page, option.getByText('This option key is repeated.'));
    assert.equal(await page.getByTestId('field-q2-opt-2-key').getAttribute('aria-invalid'), 'true');
    await see(page, page.getByTestId('field-q2-opt-2-issue').getByText('Fill in at least one language.'));
    // Only there: not a second time at the top of the question.
    assert.equal(await page.getByTestId('field-q2').getByText('This option key is repeated.').count(), 1);
    assert.equal(await page.getByTestId('field-q2').getByText('Fill in at least one language.').count(), 1);
    assert.equal(await page.getByTestId('field-q2-opt-1').getByRole('alert').count(), 0);
    assert.ok(page.url().endsWith('/monitoring/forms/new'), 'nothing was created');
    await page.getByTestId('field-q2-opt-2-remove').click();
    await page.getByTestId('field-Opened-key').fill('opened');
    await page.getByTestId('save-draft').click();
    await page.waitForURL((u) => /\/monitoring\/forms\/(?!new)[^/]+$/.test(u.pathname));
    formId = page.url().split('/').pop()!;
    await see(page, page.getByTestId('publish'));
    await see(page, page.getByTestId('form-preview').getByText('Did it open on time?'));
    // Previewed in Kyrgyz, the phone's own words are Kyrgyz too, though the screen is in English.
    await page.getByTestId('preview-lang').getByText('KY', { exact: true }).click();
    await see(page, page.getByTestId('form-preview').getByText('Ооба'));
    await see(page, page.getByTestId('form-preview').getByRole('button', { name: 'Жөнөтүү' }));
    await page.getByTestId('preview-lang').getByText('EN', { exact: true }).click();
    // Written in English only: publishing first says what lacks which language.
    await page.getByTestId('publish').click();
    const dialog = page.getByRole('dialog');
    const missing = dialog.getByTestId('publish-missing');
    await see(page, missing);
    const listed = await missing.innerText();
    for (const line of [
      'Form title — Missing translation: Kyrgyz, Russian',
      'Section 1. Opening — Missing translation: Kyrgyz, Russian',
      'Question “Did it open on time?” — Missing translation: Kyrgyz, Russian',
      'Option “Short” of “Queue” — Missing translation: Kyrgyz, Russian',
      'Question “Ballots issued” — Missing translation: Kyrgyz, Russian',
    ])
      assert.ok(listed.includes(line), `${line}\nin:\n${listed}`);
    assert.deepEqual(await shot(page, 'builder-publish-missing-en'), []);
    const coord = await w.api(w.coordinator);
    const published = async () =>
      (await coord.get<{ published: { version: number } | null }>(`/api/monitoring/forms/${formId}`)).body
        .published;
    await dialog.getByRole('button', { name: 'Go back and translate' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await published(), null, 'going back publishes nothing');
    // Going back puts the cursor in the first text's first missing language, where to type.
    await focusedIs(page, 'form-title-ky');
    await page.getByTestId('form-title-ky').fill('Шайлоо участогун текшерүү');
    await page.getByTestId('form-title-ru').fill('Проверка участка');
    await page.getByTestId('section-0-title-ky').fill('Ачылышы');
    await page.getByTestId('section-0-title-ru').fill('Открытие');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('publish').click();
    await see(page, missing);
    await dialog.getByRole('button', { name: 'Go back and translate' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Now the first one left is a question's label, further down: brought into view as well.
    await focusedIs(page, 'field-opened-label-ky');
    await page.getByTestId('publish').click();
    await dialog.getByRole('button', { name: 'Publish anyway' }).click();
    await see(page, page.getByTestId('builder-notice').getByText('Version 1 is published.'));
    assert.equal((await published())?.version, 1);
  });

  it('creates a mission, imports sites (a bad file first), assigns the observer, attaches the form, starts it', async () => {
    const { page } = tab;
    await page.getByTestId('mon-nav-missions').click();
    await page.waitForURL('**/monitoring');
    await page.getByTestId('new-mission').click();
    // Create pressed with no title: the title says it is needed and takes the focus; nothing is made.
    const coord = await w.api(w.coordinator);
    const before = (await coord.get<{ items: unknown[] }>('/api/monitoring/missions')).body.items.length;
    await page.getByTestId('mission-create').click();
    await see(page, page.getByRole('dialog').getByText('This field is required.'));
    await focusedIs(page, 'mission-title');
    assert.equal(
      (await coord.get<{ items: unknown[] }>('/api/monitoring/missions')).body.items.length,
      before,
    );
    await page.getByTestId('mission-title').fill('Local elections 2026');
    // A chosen day is also written out in the app's language, whatever order the browser shows it in.
    await page.getByTestId('mission-starts-on').fill('2026-10-04');
    await see(page, page.getByTestId('mission-starts-on-spelled').getByText('October 4, 2026'));
    await page.screenshot({ path: '/tmp/mon-new-mission-date-en.png' });
    await page.getByTestId('mission-starts-on').fill('');
    await page.getByTestId('mission-starts-on-spelled').waitFor({ state: 'detached' });
    await page.getByTestId('mission-create').click();
    await page.waitForURL((u) => /\/monitoring\/missions\/[^/]+$/.test(u.pathname));
    missionId = page.url().split('/').pop()!;

    await page.getByTestId('mission-tab-sites').click();
    await page.getByTestId('sites-import').click();
    // The regions and districts a file may name, with their codes, to match a ministry's list against.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('sites-geo-list').click();
    const raw = await textOf(await downloading);
    assert.ok(raw.startsWith('\uFEFF'), 'a byte-order mark, so that Excel reads Cyrillic');
    const list = raw.trim().split('\r\n');
    assert.equal(
      list[0],
      'region,region_ky,region_ru,region_en,district,district_ky,district_ru,district_en',
    );
    assert.ok(list.includes('KG-GB,Бишкек шаары,Бишкек,Bishkek,,,,'), 'Bishkek: a line with no district');
    assert.ok(list.some((l) => l.startsWith('KG-C,Чүй облусу,Чуйская область,Chuy,1091691655,')));
    assert.equal(list.length, 1 + 2 + 51, 'a header, the two cities and the 51 districts');
    const header = 'code,name,region,district,place,lat,lon';
    await page
      .getByTestId('sites-csv')
      .fill(`${header}\nC-101,School No. 5,KG-C,,Kant,,\nC-102,School No. 9,Atlantis,,,,`);
    await page.getByTestId('sites-import-submit').click();
    const errors = page.getByTestId('import-errors');
    await see(page, errors);
    assert.match(await errors.innerText(), /Line 3/);
    const none = await coord.get<{ total: number }>(`/api/monitoring/missions/${missionId}/sites`);
    assert.equal(none.body.total, 0, 'a refused file stores nothing');
    // The eighth column assigns observers by e-mail (C-102); C-101 gets its observer in the dialog below.
    await page
      .getByTestId('sites-csv')
      .fill(
        `${header},observers\nC-101,School No. 5,KG-C,,Kant,,,\nC-102,School No. 9,KG-C,,Tokmok,,,asel@example.org`,
      );
    await page.getByTestId('sites-import-submit').click();
    // A sound file is a bulk action: the password and a code first (a bad one above was not asked).
    await reauth(page, w.coordinator);
    await see(
      page,
      page.getByTestId('import-result').getByText('Imported: 2 new, 0 updated. Observers set on 1 site.'),
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).last().click();
    await see(page, page.getByTestId('site-row-C-101'));
    await see(page, page.getByTestId('site-row-C-102').getByText('Asel Observer'));

    await page.getByTestId('site-row-C-101').getByTestId('assign-observers').click();
    await page.getByTestId('observers-select').click();
    // Observers first; staff who may also report are named with their role. The list is read once it
    // has come (the people are fetched when the picker opens: read at once, it was sometimes empty).
    await see(page, page.getByRole('option', { name: 'Asel Observer' }));
    const options = await page.getByRole('option').allInnerTexts();
    assert.equal(options[0], 'Asel Observer', options.join(' | '));
    assert.ok(
      options.some((o) => / \((Administrator|Coordinator)\)$/.test(o)),
      options.join(' | '),
    );
    await page.getByRole('option', { name: 'Asel Observer' }).click();
    // The multi-select's list stays open after a pick; close it so it does not cover the buttons.
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'hidden' });
    await page.getByTestId('observers-save').click();
    await see(page, page.getByTestId('site-row-C-101').getByText('Asel Observer'));

    await page.getByTestId('mission-tab-forms').click();
    await page.getByTestId(`attach-${formId}`).waitFor();
    // The public incident form is offered too, and says what it is.
    const forms = await coord.get<{ items: { id: string; key: string | null }[] }>('/api/monitoring/forms');
    const publicId = forms.body.items.find((f) => f.key === 'public_incident')!.id;
    const marked = page.getByRole('checkbox', { name: /Public report form/ });
    await see(page, marked);
    assert.equal(await marked.getAttribute('data-testid'), `attach-${publicId}`);
    await page.getByTestId(`attach-${formId}`).check();
    await page.getByTestId('mission-forms-save').click();
    await see(page, page.getByRole('status').getByText('Saved.'));

    await page.getByTestId('mission-tab-settings').click();
    await page.getByTestId('mission-status').getByText('Active', { exact: true }).click();
    await page.getByTestId('mission-settings-save').click();
    await see(page, page.getByRole('status').getByText('Saved.'));
    const m = await coord.get<{ status: string; forms: unknown[] }>(`/api/monitoring/missions/${missionId}`);
    assert.equal(m.body.status, 'active');
    assert.equal(m.body.forms.length, 1);
  });

  it("the observer's report shows in the review queue and in the dashboard's received count", async () => {
    const { page } = tab;
    const obs = await w.api(w.observer);
    const a = await obs.get<{ missionId: string; siteId: string; formVersionId: string }[]>(
      '/api/monitoring/assignments',
    );
    assert.equal(a.status, 200, JSON.stringify(a.body));
    const mine = a.body.find((x) => x.missionId === missionId);
    assert.ok(mine, JSON.stringify(a.body));
    const sent = await obs.post<{ id: string }>('/api/monitoring/submissions', {
      clientId: randomUUID(),
      formVersionId: mine.formVersionId,
      siteId: mine.siteId,
      answers: { opened: true, q2: 'o2' },
      submittedAt: new Date().toISOString(),
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    submissionId = sent.body.id;

    await page.goto(`/monitoring/missions/${missionId}`);
    await see(page, page.getByTestId('dash-received').getByText('1', { exact: true }));
    await page.getByTestId('mon-nav-review').click();
    await page.waitForURL('**/monitoring/review');
    await see(page, page.getByTestId('review-row'));
    assert.equal(await page.getByTestId('review-row').count(), 1);
  });

  it('the reviewer holds the lock: a second reviewer sees who is editing; then it is verified', async () => {
    const { page } = tab;
    await page.getByTestId('submission-link').click();
    await page.waitForURL(`**/monitoring/submissions/${submissionId}`);
    await see(page, page.getByTestId('lock-mine'));
    await see(page, page.getByText('Did it open on time?'));

    const second = await openTab(browser, w.server.url, { locale: 'en' });
    second.page.setDefaultTimeout(60_000);
    try {
      await login(second.page, w.admin);
      await second.page.goto(`/monitoring/submissions/${submissionId}`);
      await see(
        second.page,
        second.page.getByTestId('lock-banner').getByText('Cholpon Coordinator is editing'),
      );
      assert.equal(await second.page.getByTestId('to-in_review').isDisabled(), true);
      assert.deepEqual(await shot(second.page, 'submission-locked-en'), []);
    } finally {
      await second.context.close();
    }

    await page.getByTestId('to-in_review').click();
    await see(page, page.getByTestId('to-verified'));
    await page.getByTestId('to-verified').click();
    await see(page, page.getByTestId('to-published'));
    const coord = await w.api(w.coordinator);
    const s = await coord.get<{ status: string; history: unknown[] }>(
      `/api/monitoring/submissions/${submissionId}`,
    );
    assert.equal(s.body.status, 'verified');
    assert.equal(s.body.history.length >= 2, true);
  });

  it('every screen at desktop (en) and at 375 px (ky): no sideways scroll, no raw keys', async () => {
    const { page } = tab;
    // Every screen is photographed before the test says what was wrong, so one run shows them all.
    const wrong: string[] = [];
    const look = async (name: string) => {
      wrong.push(...(await shot(page, name)));
      wrong.push(...(await axeSerious(page)).map((v) => `${name}: ${v}`));
    };
    const screens = async (suffix: string, phone: boolean) => {
      await page.goto('/monitoring/forms');
      await see(page, page.getByTestId(`form-row-${formId}`));
      await look(`forms-${suffix}`);
      // On a phone each form is a card with its versions and actions in view (a table hid them to the
      // right); on a desktop the table fits and has no scroll shade.
      if (phone) {
        const card = page.getByTestId(`form-row-${formId}`);
        assert.equal(await card.evaluate((e) => e.tagName), 'LI');
        const actions = await card.getByTestId(`form-actions-${formId}`).boundingBox();
        assert.ok(actions && actions.x + actions.width <= 375, 'the actions button is on the screen');
        await see(page, card.getByTestId(`form-published-${formId}`));
      } else if ((await page.locator('.table-scroll').first().getAttribute('data-more-right')) !== null)
        wrong.push('the forms table has a scroll shade on a desktop');
      await page.goto('/monitoring');
      await see(page, page.getByTestId('mission-link').first());
      await look(`missions-${suffix}`);
      await page.goto(`/monitoring/forms/${formId}`);
      await see(page, page.getByTestId('publish'));
      if (phone) await page.getByTestId('builder-view').locator('label').nth(1).click();
      await see(page, page.getByTestId('form-preview'));
      await look(`builder-${suffix}`);
      await page.goto(`/monitoring/missions/${missionId}`);
      await see(page, page.getByTestId('dash-received'));
      await look(`dashboard-${suffix}`);
      // The mission's tabs wrap on a phone: none is off the right edge (a sideways strip hid the last).
      if (phone)
        for (const t of await page.locator('[data-testid^="mission-tab-"]').all()) {
          const b = (await t.boundingBox())!;
          if (b.x < 0 || b.x + b.width > page.viewportSize()!.width)
            wrong.push(`${await t.getAttribute('data-testid')} is off the screen on a phone`);
        }
      // The regions table fits a phone: the coverage column is not off to the side.
      const regions = page.getByRole('region', { name: 'Облустар боюнча күтүлгөнү жана алынганы' });
      if (phone && !(await regions.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)))
        wrong.push('the regions table scrolls sideways on a phone');
      await page.getByTestId('mission-tab-sites').click();
      await see(page, page.getByTestId('site-row-C-101'));
      await look(`sites-${suffix}`);
      // The same on the sites tab: a coordinator sees at a glance which stations have nobody or no report.
      if (phone && (await page.locator('main table').count()) > 0) wrong.push('sites on a phone is a table');
      await page.goto('/monitoring/review');
      await see(page, page.getByTestId('review-row'));
      await look(`review-${suffix}`);
      // On a phone each report is a card, with its status and marks in sight (no table to scroll).
      if (phone && (await page.locator('main table').count()) > 0) wrong.push('review on a phone is a table');
      await page.goto(`/monitoring/submissions/${submissionId}`);
      await see(page, page.getByTestId('lock-mine'));
      await look(`submission-${suffix}`);
      // In one column the report's details and answers come first, then the review: read, then act.
      if (phone) {
        const review = (await page.getByTestId('flag-urgent').boundingBox())!;
        const answers = (await page.getByRole('heading', { name: 'Жооптор', exact: true }).boundingBox())!;
        if (review.y < answers.y) wrong.push('on a phone the review panel comes before the answers');
      }
    };
    await screens('desktop-en', false);
    await switchLanguage(page, 'ky');
    await page.setViewportSize({ width: 375, height: 800 });
    await screens('phone-ky', true);
    assert.deepEqual(wrong, []);
    const crashes = tab.problems.filter((p) => !/Failed to load resource/.test(p));
    assert.deepEqual(crashes, []);
  });
});
