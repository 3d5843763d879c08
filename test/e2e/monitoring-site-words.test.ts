import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { REGIONS } from '../../src/core/geo/regions.ts';
import {
  describeBrowser,
  hasHorizontalScroll,
  launch,
  login,
  openTab,
  reauth,
  switchLanguage,
  type Tab,
} from './browser.ts';
import { staffWorldRoles, type Account, type RolesWorld } from './legal-setup.ts';
import { activeMission, phoneLogin, see, shot, track } from './monitoring-setup.ts';

const ruName = (code: string) => REGIONS.find((r) => r.code === code)!.names.ru;

/** The labels a Mantine select offers, read from its open list (then closed again). */
async function optionsOf(page: Page, testId: string): Promise<string[]> {
  await page.getByTestId(testId).click();
  await page.getByRole('listbox').waitFor();
  const labels = await page.getByRole('option').allInnerTexts();
  await page.keyboard.press('Escape');
  await page.getByRole('listbox').waitFor({ state: 'detached' });
  return labels.map((l) => l.trim());
}

/**
 * The hyphenated words of an element that a narrow column may break at their hyphen (not in a
 * `white-space: nowrap` box): whether it breaks depends on the names in the table, this does not.
 */
function breakableAtHyphen(l: Locator): Promise<string[]> {
  return l.evaluate((e) => {
    const found: string[] = [];
    const walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const ws = getComputedStyle(n.parentElement!).whiteSpace;
      if (ws === 'nowrap' || ws === 'pre') continue;
      found.push(...(n.textContent ?? '').split(/\s+/).filter((w) => w.includes('-')));
    }
    return found;
  });
}

/**
 * The field home's outbox buttons whole on a phone: each inside the viewport, and its label not
 * wider than the button («Чыгуучу билдирүүлөр» side by side with «Азыр жөнөтүү» was cut at 375 px).
 */
async function assertOutboxButtonsWhole(page: Page, what: string): Promise<void> {
  const width = page.viewportSize()!.width;
  for (const id of ['field-open-outbox', 'field-send-now']) {
    const button = page.getByTestId(id);
    // "Send now" shows only while a report waits.
    if (id === 'field-send-now' && !(await button.count())) continue;
    const box = (await button.boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= width, `${id} sticks out at ${width} px (${what})`);
    const [inner, shown] = await button
      .locator('.mantine-Button-label')
      .evaluate((l) => [l.scrollWidth, l.clientWidth]);
    assert.ok(inner <= shown, `${id}'s label is cut (${inner} > ${shown} px, ${what})`);
  }
  assert.equal(await hasHorizontalScroll(page), false, `the field home scrolls sideways (${what})`);
}

/**
 * A detention-visit mission words its sites as institutions (ru «учреждение», ky «мекеме»), an
 * election keeps «участок»; a region coordinator's region pick lists offer only their own region.
 */
await describeBrowser('monitoring: sites worded by the mission’s kind', (backend) => {
  let w: RolesWorld;
  let browser: Browser;
  let coordinator: Account;
  let observer: Account;
  let newcomer: Account;
  let courtObserver: Account;
  let placeObserver: Account;
  let detentionId = '';
  let electionId = '';
  let trialId = '';
  let assemblyId = '';

  before(async () => {
    w = await staffWorldRoles(backend, [
      { role: 'coordinator', email: 'cholpon@example.org', name: 'Чолпон Асанова' },
      { role: 'monitor', email: 'asel@example.org', name: 'Асел Байкоочу' },
      { role: 'monitor', email: 'bakyt@example.org', name: 'Бакыт Осмонов' },
      { role: 'monitor', email: 'nurlan@example.org', name: 'Нурлан Сотбаев' },
      { role: 'monitor', email: 'aida@example.org', name: 'Аида Жыйынова' },
    ]);
    [coordinator, observer, newcomer, courtObserver, placeObserver] = w.people as [
      Account,
      Account,
      Account,
      Account,
      Account,
    ];
    const csv =
      'code,name,region,district,place,lat,lon\n' +
      'C1,ИВС Кант,KG-C,,Кант,,\nC2,СИЗО-1,KG-C,,Бишкек,,\nN1,ИВС Нарын,KG-N,,Нарын,,\n';
    detentionId = (
      await activeMission(w, {
        title: 'Мониторинг мест лишения свободы 2026',
        kind: 'detention',
        sitesCsv: csv,
        coordinators: [{ who: coordinator, region: 'KG-C' }],
        observers: { C1: [observer], C2: [observer] },
      })
    ).missionId;
    electionId = (
      await activeMission(w, {
        title: 'Выборы 2026',
        sitesCsv: 'code,name,region,district,place,lat,lon\nE1,Школа №1,KG-C,,Кант,,\n',
        coordinators: [{ who: coordinator, region: 'KG-C' }],
        observers: {},
      })
    ).missionId;
    trialId = (
      await activeMission(w, {
        title: 'Мониторинг судебных процессов 2026',
        kind: 'trial',
        sitesCsv:
          'code,name,region,district,place,lat,lon\n' +
          'T1,Первомайский районный суд,KG-C,,Бишкек,,\nT2,Нарынский городской суд,KG-N,,Нарын,,\n',
        coordinators: [],
        observers: { T1: [courtObserver] },
      })
    ).missionId;
    assemblyId = (
      await activeMission(w, {
        title: 'Мирные собрания 2026',
        kind: 'assembly',
        sitesCsv: 'code,name,region,district,place,lat,lon\nA1,Площадь Ала-Тоо,KG-C,,Бишкек,,\n',
        coordinators: [],
        observers: { A1: [placeObserver] },
      })
    ).missionId;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('the Sites tab of a detention mission says institutions (ru, ky); an election keeps «участок»', async () => {
    const tab: Tab = track(await openTab(browser, w.server.url, { locale: 'ru' }));
    const { page } = tab;
    await login(page, w.admin);
    await switchLanguage(page, 'ru');
    await page.goto(`/monitoring/missions/${detentionId}`);
    await see(page, page.getByTestId('mission-tab-sites').filter({ hasText: /^Учреждения$/ }));
    await page.getByTestId('mission-tab-sites').click();
    await see(page, page.getByRole('status').filter({ hasText: /^3 учреждения$/ }));
    assert.equal(await page.getByTestId('sites-add').innerText(), 'Добавить учреждение');
    // «Чек-листы» broke at its hyphen into «Чек-» and «листы» at 1280 px beside long site names.
    const header = page.getByRole('columnheader', { name: 'Чек-листы' });
    assert.deepEqual(await breakableAtHyphen(header), []);
    // The administrator picks from every region: seven regions and two cities.
    assert.equal((await optionsOf(page, 'sites-region')).length, REGIONS.length);
    const wrong = await shot(page, 'sites-detention-ru');
    await page.getByTestId('sites-import').click();
    await see(page, page.getByRole('dialog', { name: 'Импорт учреждений из CSV' }));
    await see(page, page.getByText(/^Одно учреждение на строку;/));
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // The forms tab puts the forms made for detention visits first, and says so.
    await page.getByTestId('mission-tab-forms').click();
    // The detention checklist and the detention incident form.
    await see(page, page.getByTestId('form-made-for-kind').first().getByText('для миссий этого вида'));
    assert.equal(await page.getByTestId('form-made-for-kind').count(), 2);
    const firstLabel = await page
      .getByRole('checkbox')
      .first()
      .evaluate((e) => e.closest('.mantine-Checkbox-root')?.textContent ?? '');
    assert.match(firstLabel, /для миссий этого вида/, firstLabel);
    await page.getByTestId('mission-tab-sites').click();

    await switchLanguage(page, 'ky');
    await see(page, page.getByTestId('mission-tab-sites').filter({ hasText: /^Мекемелер$/ }));
    await see(page, page.getByRole('status').filter({ hasText: /^3 мекеме$/ }));
    assert.equal(await page.getByTestId('sites-add').innerText(), 'Мекеме кошуу');
    wrong.push(...(await shot(page, 'sites-detention-ky')));

    await switchLanguage(page, 'ru');
    await page.goto(`/monitoring/missions/${electionId}`);
    await see(page, page.getByTestId('mission-tab-sites').filter({ hasText: /^Участки$/ }));
    await page.getByTestId('mission-tab-sites').click();
    await see(page, page.getByRole('status').filter({ hasText: /^1 участок$/ }));
    assert.equal(await page.getByTestId('sites-add').innerText(), 'Добавить участок');
    assert.deepEqual(wrong, []);
    await tab.context.close();
  });

  it('a trial mission says courts and an assembly places, in Russian and Kyrgyz', async () => {
    const tab: Tab = track(await openTab(browser, w.server.url, { locale: 'ru' }));
    const { page } = tab;
    await login(page, w.admin);
    const words = {
      trial: {
        id: trialId,
        ru: { tab: 'Суды', count: '2 суда', add: 'Добавить суд' },
        ky: { tab: 'Соттор', count: '2 сот', add: 'Сот кошуу' },
      },
      assembly: {
        id: assemblyId,
        ru: { tab: 'Места', count: '1 место', add: 'Добавить место' },
        ky: { tab: 'Жыйын жерлери', count: '1 жыйын жери', add: 'Жыйын жерин кошуу' },
      },
    };
    const wrong: string[] = [];
    for (const lng of ['ru', 'ky'] as const) {
      await switchLanguage(page, lng);
      for (const [kind, m] of Object.entries(words)) {
        const say = m[lng];
        await page.goto(`/monitoring/missions/${m.id}`);
        const sitesTab = page.getByTestId('mission-tab-sites');
        await see(page, sitesTab.filter({ hasText: new RegExp(`^${say.tab}$`) }));
        await sitesTab.click();
        await see(page, page.getByRole('status').filter({ hasText: new RegExp(`^${say.count}$`) }));
        assert.equal(await page.getByTestId('sites-add').innerText(), say.add);
        await page.getByTestId('sites-add').click();
        const dialog = page.getByRole('dialog', { name: say.add });
        await see(page, dialog);
        assert.equal(await page.getByText(/участ/i).count(), 0, `${kind} ${lng} says «участок»`);
        wrong.push(...(await shot(page, `sites-${kind}-${lng}`)));
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
      }
    }
    assert.deepEqual(wrong, []);
    await tab.context.close();
  });

  it('the field app heads a court observer’s courts and a place observer’s places (ky, ru)', async () => {
    const headings = [
      { who: courtObserver, ky: 'Менин сотторум жана формаларым', ru: 'Мои суды и формы' },
      { who: placeObserver, ky: 'Менин жыйын жерлерим жана формаларым', ru: 'Мои места и формы' },
    ];
    for (const h of headings) {
      const tab: Tab = track(await openTab(browser, w.server.url, { locale: 'ky', width: 375 }));
      const { page } = tab;
      await phoneLogin(page, h.who);
      await see(page, page.getByTestId('field-site').first());
      await see(page, page.getByRole('heading', { name: h.ky }));
      // The field app's own language switch.
      await page.locator('label', { hasText: /^RU$/ }).click();
      await see(page, page.getByRole('heading', { name: h.ru }));
      assert.equal(await page.getByText(/участ/i).count(), 0, `${h.who.email}'s field home says «участок»`);
      await tab.context.close();
    }
  });

  it('the missions list words each row’s sites by its kind; a detention site’s contacts never call it a station (ru)', async () => {
    const tab: Tab = track(await openTab(browser, w.server.url, { locale: 'ru' }));
    const { page } = tab;
    await login(page, w.admin);
    await switchLanguage(page, 'ru');
    await page.goto('/monitoring');
    const row = (title: string) => page.getByRole('row').filter({ hasText: title });
    await see(page, row('Мониторинг мест лишения свободы 2026'));
    assert.equal(await page.getByRole('columnheader', { name: 'Места наблюдения' }).count(), 1);
    assert.equal(
      await row('Мониторинг мест лишения свободы 2026').getByTestId('mission-sites').innerText(),
      '3 учреждения',
    );
    assert.equal(await row('Выборы 2026').getByTestId('mission-sites').innerText(), '1 участок');
    // A mission without dates shows a dash, not an empty cell.
    assert.equal(await row('Выборы 2026').getByTestId('mission-dates').innerText(), '—');
    const wrong = await shot(page, 'missions-list-kinds-ru');

    await page.goto(`/monitoring/missions/${detentionId}`);
    await page.getByTestId('mission-tab-sites').click();
    const contact = page.getByRole('button', { name: 'Связаться с наблюдателями: ИВС Кант' });
    await see(page, contact);
    await contact.click();
    // Named by the site's own name only: "участка" would call an institution a polling station, and
    // a site named "Участок №12" would read "участка Участок №12".
    const dialog = page.getByRole('dialog', { name: 'Наблюдатели: ИВС Кант' });
    await see(page, dialog);
    assert.doesNotMatch(await dialog.innerText(), /участ/i);
    await see(page, dialog.getByTestId('site-contact').filter({ hasText: observer.name }));
    wrong.push(...(await shot(page, 'site-contacts-detention-ru')));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // A CSV that assigns an observer says on how many institutions.
    await page.getByTestId('sites-import').click();
    await page
      .getByTestId('sites-csv')
      .fill(
        `code,name,region,district,place,lat,lon,observers\nN1,ИВС Нарын,KG-N,,Нарын,,,${observer.email}`,
      );
    await page.getByTestId('sites-import-submit').click();
    await reauth(page, w.admin);
    await see(
      page,
      page.getByTestId('import-result').filter({ hasText: 'Наблюдатели назначены на 1 учреждение.' }),
    );
    assert.deepEqual(wrong, []);
    await tab.context.close();
  });

  it('a region coordinator’s region selects list only their region', async () => {
    const tab: Tab = track(await openTab(browser, w.server.url, { locale: 'ru' }));
    const { page } = tab;
    await login(page, coordinator);
    await switchLanguage(page, 'ru');
    await page.goto(`/monitoring/missions/${detentionId}`);
    await page.getByTestId('mission-tab-sites').click();
    await see(page, page.getByRole('status').filter({ hasText: /^2 учреждения$/ }));
    assert.deepEqual(await optionsOf(page, 'sites-region'), [ruName('KG-C')]);
    await page.getByTestId('sites-add').click();
    const dialog = page.getByRole('dialog', { name: 'Добавить учреждение' });
    await see(page, dialog);
    // Their one region is already filled in, and it is the only one offered.
    assert.equal(await dialog.getByTestId('site-region').inputValue(), ruName('KG-C'));
    assert.deepEqual(await optionsOf(page, 'site-region'), [ruName('KG-C')]);
    // Added with code and name empty: both say so in Russian, the code takes the focus, nothing is stored.
    await dialog.getByTestId('site-add-submit').click();
    await see(page, dialog.getByText('Заполните это поле.').nth(1));
    assert.equal(await dialog.getByText('Заполните это поле.').count(), 2, 'the region is filled in');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'site-code');
    await dialog.getByTestId('site-code').fill('D-9');
    await see(page, dialog.getByText('Заполните это поле.'));
    assert.equal(await dialog.getByText('Заполните это поле.').count(), 1, 'only the name is left');
    await page.screenshot({ path: '/tmp/mon-add-site-required-ru.png' });
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await see(page, page.getByRole('status').filter({ hasText: /^2 учреждения$/ }));
    await tab.context.close();
  });

  it('the field app heads the observer’s institutions in Kyrgyz on a phone, its buttons whole', async () => {
    const tab: Tab = track(await openTab(browser, w.server.url, { locale: 'ky', width: 375 }));
    const { page } = tab;
    await phoneLogin(page, observer);
    await see(page, page.getByTestId('field-site').first());
    await see(page, page.getByRole('heading', { name: 'Менин мекемелерим жана формаларым' }));
    // The detention mission has no incident form: the red button is off and says why.
    assert.equal(await page.getByTestId('field-incident').isDisabled(), true);
    assert.match(await page.getByTestId('field-no-incident').innerText(), /окуя формасы жок/);
    await page.screenshot({ path: '/tmp/mon-field-home-detention-ky.png', fullPage: true });
    await assertOutboxButtonsWhole(page, 'ky, 375 px');
    await page.setViewportSize({ width: 360, height: 900 });
    await assertOutboxButtonsWhole(page, 'ky, 360 px');
    await tab.context.close();
  });

  it('the field app tells an observer with no site yet in words for any mission (ru, 360 px)', async () => {
    const tab: Tab = track(await openTab(browser, w.server.url, { locale: 'ru', width: 360 }));
    const { page } = tab;
    await phoneLogin(page, newcomer);
    await see(page, page.getByText(/^Вам ещё не назначено ни одного места наблюдения\./));
    assert.equal(
      await page.getByText(/участ/i).count(),
      0,
      'an observer of any mission is told of «участки»',
    );
    await page.screenshot({ path: '/tmp/mon-field-home-no-sites-ru.png', fullPage: true });
    await assertOutboxButtonsWhole(page, 'ru, 360 px');
    await tab.context.close();
  });

  it('a sites file naming one school twice in one district, or as a site already there, imports all and says so (ru)', async () => {
    const tab: Tab = track(await openTab(browser, w.server.url, { locale: 'ru' }));
    const { page } = tab;
    await login(page, w.admin);
    await switchLanguage(page, 'ru');
    await page.goto(`/monitoring/missions/${electionId}`);
    await page.getByTestId('mission-tab-sites').click();
    await page.getByTestId('sites-import').click();
    await page.getByTestId('sites-csv').fill(
      'code,name,region,district,place,lat,lon\n' +
        'T-5,Школа №5,KG-T,,Талас,,\nT-6,Школа №6,KG-T,,Талас,,\nT-50,Школа №5,KG-T,,Талас,,\n' +
        // E1 "Школа №1" is in the mission already: a retyped code would list it twice.
        'E-1,Школа №1,KG-C,,Кант,,',
    );
    await page.getByTestId('sites-import-submit').click();
    await reauth(page, w.admin);
    await see(page, page.getByTestId('import-result'));
    await see(
      page,
      page
        .getByTestId('import-same-name')
        .getByText('Строки 2, 4: одно и то же название в одном районе — «Школа №5».', { exact: false }),
    );
    await see(
      page,
      page
        .getByTestId('import-same-name')
        .getByText('Строка 5: «Школа №1» уже есть в этой миссии в том же районе, под кодом E1.', {
          exact: false,
        }),
    );
    await page.screenshot({ path: '/tmp/mon-sites-same-name-ru.png' });
    await tab.context.close();
  });
});
