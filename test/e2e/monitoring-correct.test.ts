import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  axeSerious,
  chooseOption,
  describeBrowser,
  login,
  openTab,
  switchLanguage,
  type Tab,
} from './browser.ts';
import { staffWorldRoles, type Account, type RolesWorld } from './legal-setup.ts';
import { activeMission, kyrgyzReviewer, see, sendChecklist, shot, track } from './monitoring-setup.ts';

type View = { answers: Record<string, unknown>; history: { action: string; reason: string | null }[] };

/**
 * Correcting a report's answers in Chromium, in Kyrgyz (review.correct.ts): the region coordinator
 * confirmed other figures with the observer by phone. A number that is not a number is refused, named
 * in Kyrgyz, and nothing changes; then the correction is saved with its reason, the answers are marked
 * as corrected and the history shows before and after.
 */
await describeBrowser('monitoring: correcting a report', (backend) => {
  let w: RolesWorld;
  let browser: Browser;
  let tab: Tab;
  let id = '';
  let observer: Account;
  const stored = async () =>
    (await (await w.api(w.admin)).get<View>(`/api/monitoring/submissions/${id}`)).body;

  before(async () => {
    w = await staffWorldRoles(backend, [
      { role: 'coordinator', email: 'cholpon@example.org', name: 'Чолпон Асанова' },
      { role: 'monitor', email: 'asel@example.org', name: 'Асел Байкоочу' },
    ]);
    const [coordinator, asel] = w.people as [Account, Account];
    observer = asel;
    const mission = await activeMission(w, {
      title: 'Жергиликтүү шайлоо 2026',
      sitesCsv: 'code,name,region,district,place,lat,lon\nC1,Мектеп №1,KG-C,,Кант,,\n',
      coordinators: [{ who: coordinator, region: 'KG-C' }],
      observers: { C1: [observer] },
    });
    id = await sendChecklist(await w.api(observer), mission, 'C1');
    ({ browser, tab } = await kyrgyzReviewer(w, coordinator));
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('refuses a number that is not one, then saves the correction with its reason', async () => {
    const { page } = tab;
    await page.goto(`/monitoring/submissions/${id}`);
    await see(page, page.getByTestId('lock-mine'));
    await page.getByTestId('correct-open').click();
    const dialog = page.getByRole('dialog');
    await see(page, dialog.getByText('Билдирүүнүн жоопторун оңдоо'));
    await see(page, dialog.getByText('Азырынча бир да жооп өзгөртүлгөн жок'));
    assert.ok(await dialog.getByTestId('correct-save').isDisabled(), 'nothing changed yet');
    await dialog.getByTestId('correct-voters').fill('көп');
    await dialog.getByTestId('correct-reason').fill('Байкоочу телефон аркылуу ырастады');
    await dialog.getByTestId('correct-save').click();
    await see(page, dialog.getByText(/Оңдоо сакталган жок:.*Шайлоочулар/));
    assert.deepEqual(await axeSerious(page), []);
    await dialog.screenshot({ path: '/tmp/mon-correct-error-ky.png' });
    assert.equal((await stored()).answers.voters, 120, 'nothing changed');

    await dialog.getByTestId('correct-voters').fill('1 530');
    await chooseOption(page, 'correct-queue', 'Узун');
    await see(page, dialog.getByTestId('correct-count').getByText('2 жооп өзгөртүлдү'));
    await dialog.getByTestId('correct-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await see(page, page.getByTestId('answer-voters').getByText('1 530'));
    await see(page, page.getByTestId('answer-voters').getByTestId('answer-corrected'));
    const changes = page.getByTestId('history-changes');
    await see(page, changes.getByText('Шайлоочулар:'));
    await see(page, page.getByText('Жооптор оңдолду'));
    await page.setViewportSize({ width: 375, height: 800 });
    assert.deepEqual(await shot(page, 'correct-done-phone-ky'), []);
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.deepEqual(await shot(page, 'correct-done-ky'), []);
    const s = await stored();
    assert.deepEqual([s.answers.voters, s.answers.queue], [1530, 'long']);
    assert.equal(s.history.find((h) => h.action === 'correct')?.reason, 'Байкоочу телефон аркылуу ырастады');
  });

  it('the observer sees that a reviewer corrected their answers, from what to what, not who or why', async () => {
    const mine = track(await openTab(browser, w.server.url, { locale: 'ky' }));
    const { page } = mine;
    await login(page, observer);
    await switchLanguage(page, 'ky');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/monitoring/submissions/${id}`);
    await see(page, page.getByTestId('answer-voters').getByTestId('answer-corrected'));
    const entry = page.getByTestId('history-item').filter({ hasText: 'Жооптор оңдолду' });
    await see(page, entry.getByTestId('history-changes').getByText('Шайлоочулар:'));
    assert.ok(!(await entry.innerText()).includes('Чолпон'), 'not who corrected it');
    assert.ok(!(await entry.innerText()).includes('телефон аркылуу'), 'nor why');
    assert.equal(await page.getByTestId('correct-open').count(), 0, 'an observer cannot correct');
    assert.deepEqual(await axeSerious(page), []);
    assert.deepEqual(await shot(page, 'correct-observer-phone-ky'), []);
    await mine.context.close();
  });
});
