import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  describeBrowser,
  hasHorizontalScroll,
  launch,
  login,
  openTab,
  reauth,
  switchLanguage,
  textOf,
  type Tab,
} from './browser.ts';
import type { FormDefinition } from '../../src/core/forms/index.ts';
import { CHECKLIST, goodAnswers } from '../helpers/monitoring.ts';
import { staffWorldRoles, type Account, type RolesWorld } from './legal-setup.ts';
import {
  activeMission,
  phoneLogin,
  see,
  sendChecklist,
  shot,
  track,
  type ActiveMission,
} from './monitoring-setup.ts';

const L = (en: string, ru: string, ky: string) => ({ ky, ru, en });
/** The test checklist with a visit's interviews as a repeat group (counted per entry, ADR 0038). */
const VISIT: FormDefinition = {
  ...CHECKLIST,
  sections: [
    ...CHECKLIST.sections,
    {
      key: 'talks',
      title: L('Interviews', 'Беседы', 'Маектер'),
      fields: [
        {
          key: 'interviews',
          type: 'repeat',
          label: L('Interviews', 'Беседы', 'Маектер'),
          fields: [
            {
              key: 'ill_treatment',
              type: 'boolean',
              label: L('Ill-treatment reported', 'Сообщил о жестоком обращении', 'Кордоо тууралуу айтты'),
            },
          ],
        },
      ],
    },
  ],
};

/**
 * Planned visits (ADR 0037): a coordinator of detention visits plans how often each institution is
 * visited, by hand or in the CSV, and the sites list counts each visit's checklist against the plan.
 */
await describeBrowser('monitoring: planned visits per institution', (backend) => {
  let w: RolesWorld;
  let browser: Browser;
  let coordinator: Account;
  let observer: Account;
  let detention: ActiveMission;
  let electionId = '';

  before(async () => {
    w = await staffWorldRoles(backend, [
      { role: 'coordinator', email: 'cholpon@example.org', name: 'Чолпон Асанова' },
      { role: 'monitor', email: 'asel@example.org', name: 'Асел Байкоочу' },
    ]);
    [coordinator, observer] = w.people as [Account, Account];
    detention = await activeMission(w, {
      title: 'Мониторинг мест лишения свободы 2026',
      kind: 'detention',
      sitesCsv:
        'code,name,region,district,place,lat,lon\nC1,СИЗО-1,KG-C,,Бишкек,,\nC2,ИВС Кант,KG-C,,Кант,,\n',
      coordinators: [{ who: coordinator, region: 'KG-C' }],
      observers: { C1: [observer] },
      definition: VISIT,
    });
    electionId = (
      await activeMission(w, {
        title: 'Выборы 2026',
        sitesCsv: 'code,name,region,district,place,lat,lon\nE1,Школа №1,KG-C,,Кант,,\n',
        coordinators: [{ who: coordinator, region: 'KG-C' }],
        observers: {},
      })
    ).missionId;
    // The observer has visited SIZO-1 once so far.
    await sendChecklist(await w.api(observer), detention, 'C1');
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('a coordinator plans three visits to an institution; a bad number is refused at the input (ru)', async () => {
    const tab: Tab = track(await openTab(browser, w.server.url, { locale: 'ru' }));
    const { page } = tab;
    await login(page, coordinator);
    await switchLanguage(page, 'ru');
    await page.goto(`/monitoring/missions/${detention.missionId}`);
    await page.getByTestId('mission-tab-sites').click();
    const row = page.getByTestId('site-row-C1');
    await see(page, row.getByTestId('site-checklists').filter({ hasText: /^1 из 1$/ }));
    assert.equal(await row.getByTestId('site-visits-planned').count(), 0, 'one visit says nothing more');

    await row.getByRole('button', { name: 'Изменить СИЗО-1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Изменить: СИЗО-1' });
    await see(page, dialog);
    assert.equal(await dialog.getByTestId('site-code').inputValue(), 'C1', 'the site’s own values');
    assert.equal(await dialog.getByTestId('site-visits').inputValue(), '1');
    // A decimal or a minus is refused at the input, never saved as another number (25, 3).
    for (const bad of ['2.5', '-3', '0']) {
      await dialog.getByTestId('site-visits').fill(bad);
      await dialog.getByTestId('site-add-submit').click();
      await see(page, dialog.getByText('Целое число от 1 до 100.'));
      assert.equal(await dialog.getByTestId('site-visits').inputValue(), bad, `${bad} kept as typed`);
    }
    const wrong = await shot(page, 'site-visits-error-ru');
    await dialog.getByTestId('site-visits').fill('3');
    await dialog.getByTestId('site-add-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await see(page, row.getByTestId('site-checklists').filter({ hasText: /^1 из 3$/ }));
    await see(page, row.getByTestId('site-visits-planned').filter({ hasText: 'запланировано 3 посещения' }));
    // Still waiting for two visits: the status filter agrees with the row.
    await page.getByTestId('sites-status').click();
    await page.getByRole('option', { name: 'Не хватает чек-листов' }).click();
    await see(page, page.getByTestId('site-row-C1'));
    wrong.push(...(await shot(page, 'site-visits-ru')));

    // The list downloads in the import's own columns, after the password and code again.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('sites-export').click();
    await reauth(page, coordinator);
    const file = await downloading;
    assert.match(file.suggestedFilename(), /^sites-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await textOf(file))
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    assert.equal(lines[0], 'code,name,region,district,place,lat,lon,observers,visits');
    assert.deepEqual(lines.slice(1), [
      `C1,СИЗО-1,KG-C,,Бишкек,,,${observer.email},3`,
      'C2,ИВС Кант,KG-C,,Кант,,,,1',
    ]);

    // The CSV dialog names the ninth column and says what it does.
    await page.getByTestId('sites-import').click();
    const imp = page.getByRole('dialog', { name: 'Импорт учреждений из CSV' });
    await see(page, imp.getByText(/code,name,region,district,place,lat,lon,observers,visits/));
    await see(page, imp.getByTestId('sites-import-visits').filter({ hasText: /^Столбец visits/ }));
    await page.keyboard.press('Escape');
    await imp.waitFor({ state: 'detached' });
    assert.deepEqual(wrong, []);
    await tab.context.close();
  });

  it('on a phone in Kyrgyz the card says the plan beside the figure, nothing sideways', async () => {
    const tab: Tab = track(await openTab(browser, w.server.url, { locale: 'ky', width: 375 }));
    const { page } = tab;
    await login(page, coordinator);
    await switchLanguage(page, 'ky');
    await page.goto(`/monitoring/missions/${detention.missionId}`);
    await page.getByTestId('mission-tab-sites').click();
    const card = page.getByTestId('site-row-C1');
    await see(page, card.getByTestId('site-visits-planned').filter({ hasText: '3 баруу пландалган' }));
    await see(page, card.getByTestId('site-checklists').filter({ hasText: /3 ичинен 1/ }));
    assert.deepEqual(await shot(page, 'site-visits-ky-375'), []);
    await tab.context.close();
  });

  it('the observer’s phone says how many visits are planned to the institution (ru, 375 px)', async () => {
    const tab: Tab = track(await openTab(browser, w.server.url, { locale: 'ru', width: 375 }));
    const { page } = tab;
    await phoneLogin(page, observer);
    const card = page.getByTestId('field-site').filter({ hasText: 'СИЗО-1' });
    await see(page, card.getByTestId('field-site-visits').filter({ hasText: 'Запланировано 3 посещения' }));
    await page.screenshot({ path: '/tmp/mon-site-visits-field-ru.png', fullPage: true });
    assert.equal(await hasHorizontalScroll(page), false, 'the field home scrolls sideways');
    await tab.context.close();
  });

  it('an election station is visited once: its dialog does not ask (ru)', async () => {
    const tab: Tab = track(await openTab(browser, w.server.url, { locale: 'ru' }));
    const { page } = tab;
    await login(page, coordinator);
    await switchLanguage(page, 'ru');
    await page.goto(`/monitoring/missions/${electionId}`);
    await page.getByTestId('mission-tab-sites').click();
    await page.getByTestId('sites-add').click();
    const dialog = page.getByRole('dialog', { name: 'Добавить участок' });
    await see(page, dialog);
    assert.equal(await dialog.getByTestId('site-visits').count(), 0);
    await page.keyboard.press('Escape');
    await page.getByTestId('sites-import').click();
    await see(page, page.getByRole('dialog').getByText(/lat,lon,observers\./));
    assert.equal(await page.getByTestId('sites-import-visits').count(), 0);
    await tab.context.close();
  });

  it('the dashboard counts each interview of a visit, under its group (ky, 375 px)', async () => {
    const api = await w.api(observer);
    const r = await api.post<{ id: string }>('/api/monitoring/submissions', {
      clientId: randomUUID(),
      formVersionId: detention.versionId,
      siteId: detention.site('C1'),
      answers: goodAnswers({
        interviews: [{ ill_treatment: true }, { ill_treatment: false }, { ill_treatment: false }, {}],
      }),
      submittedAt: new Date().toISOString(),
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const tab: Tab = track(await openTab(browser, w.server.url, { locale: 'ky', width: 375 }));
    const { page } = tab;
    await login(page, coordinator);
    await switchLanguage(page, 'ky');
    await page.goto(`/monitoring/missions/${detention.missionId}`);
    // One visit report with four interviews, under a heading of its own: these are interviews, not visits.
    const group = page.getByTestId('entries-interviews');
    await see(page, group.getByRole('heading', { name: '«Маектер»: 1 билдирүүдө 4 жазуу' }));
    const card = group.getByTestId('answer-interviews.ill_treatment');
    const text = await card.innerText();
    assert.match(text, /(^|\s)3 жазууда жооп бар/);
    assert.match(text, /Ооба\s*1 · 33 %/);
    assert.match(text, /Жок\s*2 · 67 %/);
    await card.scrollIntoViewIfNeeded();
    assert.deepEqual(await shot(page, 'dashboard-entries-ky-375'), []);
    await tab.context.close();
  });
});
