import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeSerious, chooseOption, describeBrowser, type Tab } from './browser.ts';
import { staffWorldRoles, type Account, type RolesWorld } from './legal-setup.ts';
import { activeMission, kyrgyzReviewer, see, sendChecklist, shot } from './monitoring-setup.ts';

/**
 * Election day in Chromium, in Kyrgyz: a region coordinator finds the stations that still owe a
 * checklist — from the dashboard's region row to the sites list filtered to them — and sees the list
 * empty out as checklists arrive.
 */
await describeBrowser('monitoring: which sites still owe a checklist', (backend) => {
  let w: RolesWorld;
  let browser: Browser;
  let tab: Tab;
  let missionId = '';
  let send: (code: string) => Promise<void>;
  let sent: (code: string) => Promise<string>;

  before(async () => {
    w = await staffWorldRoles(backend, [
      { role: 'coordinator', email: 'cholpon@example.org', name: 'Чолпон Асанова' },
      { role: 'monitor', email: 'asel@example.org', name: 'Асел Байкоочу' },
    ]);
    const [coordinator, observer] = w.people as [Account, Account];
    const mission = await activeMission(w, {
      title: 'Жергиликтүү шайлоо 2026',
      sitesCsv:
        'code,name,region,district,place,lat,lon\n' +
        'C1,Мектеп №1,KG-C,Аламүдүн району,Кант,,\nC2,Мектеп №2,KG-C,Сокулук району,Сокулук,,\n' +
        'C3,Мектеп №4,KG-C,,,,\nN1,Мектеп №3,KG-N,,Нарын,,\n',
      coordinators: [{ who: coordinator, region: 'KG-C' }],
      observers: { C1: [observer], C2: [observer], N1: [observer] },
    });
    missionId = mission.missionId;
    const obs = await w.api(observer);
    // The observer gave their number on their profile (the profile test does that in the browser).
    assert.equal((await obs.patch('/api/me', { phone: '+996 (555) 12-34-56' })).status, 200);
    sent = (code: string) => sendChecklist(obs, mission, code);
    send = async (code: string) => void (await sent(code));
    await send('C1');
    ({ browser, tab } = await kyrgyzReviewer(w, coordinator));
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('the dashboard’s region opens its sites still owing a checklist; the filters narrow and widen', async () => {
    const { page } = tab;
    await page.goto(`/monitoring/missions/${missionId}`);
    const chuy = page.getByRole('button', { name: 'Чүй облусу: текшерүү баракчасы жетишпеген участоктор' });
    await see(page, chuy);
    await chuy.click();
    // The sites tab, filtered to Chuy and "missing": C2 only (C1 sent its checklist, C3 has nobody).
    await see(page, page.getByTestId('site-row-C2'));
    assert.equal(await page.getByTestId('sites-status').inputValue(), 'Текшерүү баракчасы жетишпейт');
    assert.equal(await page.getByTestId('site-row-C1').count(), 0);
    assert.equal(await page.getByTestId('site-row-C3').count(), 0);
    assert.equal(
      await page.getByTestId('site-row-C2').getByTestId('site-checklists').innerText(),
      '1 ичинен 0',
    );
    const wrong = [...(await shot(page, 'sites-waiting-ky')), ...(await axeSerious(page))];

    // The coordinator calls the observer of the station that has not reported.
    await page.getByRole('button', { name: 'Байкоочулар менен байланышуу: Мектеп №2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Байкоочулар: Мектеп №2' });
    const contact = dialog.getByTestId('site-contact');
    await see(page, contact.getByText('Асел Байкоочу'));
    assert.equal(await contact.getByTestId('site-contact-phone').innerText(), '+996 (555) 12-34-56');
    assert.equal(
      await contact.getByRole('link', { name: 'Чалуу' }).getAttribute('href'),
      'tel:+996555123456',
    );
    assert.equal(
      await contact.getByRole('link', { name: 'SMS жөнөтүү' }).getAttribute('href'),
      'sms:+996555123456',
    );
    await see(page, dialog.getByText('Бул номерлердин ар бир көрүлүшү аудит журналына жазылат.'));
    wrong.push(...(await shot(page, 'sites-contact-ky')), ...(await axeSerious(page)));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // No observer, nobody to call: C3 has no contact button (checked below with the "unstaffed" filter).

    await chooseOption(page, 'sites-status', 'Байкоочусу жок');
    await see(page, page.getByTestId('site-row-C3'));
    assert.equal(await page.getByTestId('site-row-C2').count(), 0);
    assert.equal(await page.getByTestId('site-row-C3').getByTestId('site-checklists').innerText(), '—');
    assert.equal(await page.getByTestId('site-row-C3').getByTestId('site-contact-open').count(), 0);

    // No status filter: the whole region, each site with received of expected.
    // Picking the chosen option again clears it (Mantine's Select allows deselecting).
    await chooseOption(page, 'sites-status', 'Байкоочусу жок');
    await see(page, page.getByTestId('site-row-C1'));
    assert.equal(
      await page.getByTestId('site-row-C1').getByTestId('site-checklists').innerText(),
      '1 ичинен 1',
    );
    assert.equal(await page.getByTestId('site-row-N1').count(), 0, 'Naryn is not this coordinator’s');

    // On a phone, the same filter as cards.
    await page.setViewportSize({ width: 375, height: 800 });
    await chooseOption(page, 'sites-status', 'Текшерүү баракчасы жетишпейт');
    await see(page, page.getByTestId('site-row-C2').getByText('Текшерүү баракчалары: 1 ичинен 0'));
    wrong.push(...(await shot(page, 'sites-waiting-phone-ky')));
    assert.deepEqual(wrong, []);
  });

  it('the region coordinator’s map opens on the districts of their region, shaded by the share received', async () => {
    const { page } = tab;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('mission-tab-dashboard').click();
    const map = page.getByRole('group', {
      name: 'Кыргызстандын райондор боюнча картасы: Алынган текшерүү баракчалары, күтүлгөндөн %',
    });
    await see(page, map);
    // C3 has no district: said under the map, not silently left out.
    await see(
      page,
      page.getByTestId('dash-map-unplaced').getByText('Району жок 1 участок картада көрсөтүлгөн жок.'),
    );
    const card = page.locator('.mantine-Card-root').filter({ has: page.getByTestId('dash-map-level') });
    // The table beside the map (its "show as a table"), opened again after the map changes level.
    const value = async (area: string) => {
      const table = card.locator('details');
      if (!(await table.evaluate((d) => (d as HTMLDetailsElement).open)))
        await card.getByText('Таблица түрүндө көрсөтүү').click();
      return (await card.getByRole('row', { name: new RegExp(`^${area}`) }).innerText()).split(/\s+/).pop();
    };
    assert.equal(await value('Аламүдүн району \\(Чүй облусу\\)'), '100');
    assert.equal(await value('Сокулук району \\(Чүй облусу\\)'), '0', 'the quiet district');
    // Fitted to the coordinator's region: its districts only, not the country's fifty.
    assert.equal(await card.getByRole('row', { name: /Нарын облусу/ }).count(), 0);
    assert.equal(await card.getByRole('row').count(), 10, 'a header and Chuy’s nine districts');
    const wrong = [...(await shot(page, 'dashboard-districts-ky')), ...(await axeSerious(page))];
    // The regions: Chuy has one of its two checklists.
    await page.getByTestId('dash-map-level').getByText('Облустар').click();
    await see(page, page.getByRole('group', { name: /^Кыргызстандын облустар боюнча картасы/ }));
    assert.equal(await value('Чүй облусу'), '50');
    assert.equal(await page.getByTestId('dash-map-unplaced').count(), 0);
    // Leave the dashboard: the next test opens it afresh rather than wait for its 30-second refresh.
    await page.getByTestId('mission-tab-sites').click();
    assert.deepEqual(wrong, []);
  });

  it('once the last checklist comes, the "missing" list says every staffed site has sent', async () => {
    const { page } = tab;
    await send('C2');
    // Back to the dashboard (the tab switch clears the filter), then to the sites with the filter again.
    await page.getByTestId('mission-tab-dashboard').click();
    await see(page, page.getByTestId('dash-received').filter({ hasText: /^2$/ }));
    assert.equal(
      await page.getByRole('button', { name: /текшерүү баракчасы жетишпеген участоктор$/ }).count(),
      0,
      'no region owes a checklist: no link',
    );
    await page.getByTestId('mission-tab-sites').click();
    await chooseOption(page, 'sites-status', 'Текшерүү баракчасы жетишпейт');
    await see(
      page,
      page.getByText('Байкоочусу бар бардык участоктор бардык текшерүү баракчаларын жөнөтүштү.'),
    );
    assert.equal(await page.getByTestId('site-row-C2').count(), 0);
  });

  it('in a mission the coordinator made themselves, the contacts show names and say whom to ask for numbers', async () => {
    const { page } = tab;
    const [coordinator, observer] = w.people as [Account, Account];
    const api = await w.api(coordinator);
    const m = await api.post<{ id: string }>('/api/monitoring/missions', {
      kind: 'election',
      title: 'Өз миссиям',
    });
    assert.equal(m.status, 201, JSON.stringify(m.body));
    const site = await api.post<{ id: string }>(`/api/monitoring/missions/${m.body.id}/sites`, {
      code: 'X1',
      name: 'Мектеп №9',
      region: 'KG-C',
    });
    assert.equal(site.status, 201, JSON.stringify(site.body));
    // The pick list the sites tab offers: the observer's id by name.
    const people = await api.get<{ items: { id: string; name: string }[] }>('/api/monitoring/observers');
    const observerId = people.body.items.find((p) => p.name === observer.name)!.id;
    const put = await api.put(`/api/monitoring/sites/${site.body.id}/observers`, { userIds: [observerId] });
    assert.equal(put.status, 200, JSON.stringify(put.body));

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/monitoring/missions/${m.body.id}`);
    await page.getByTestId('mission-tab-sites').click();
    await page.getByRole('button', { name: 'Байкоочулар менен байланышуу: Мектеп №9' }).click();
    const dialog = page.getByRole('dialog', { name: 'Байкоочулар: Мектеп №9' });
    await see(page, dialog.getByTestId('site-contact').getByText('Асел Байкоочу'));
    await see(
      page,
      dialog.getByTestId('contacts-not-appointed').getByText(/администратор дайындаган координаторлор гана/),
    );
    assert.equal(await dialog.getByTestId('site-contact-phone').count(), 0, 'no number');
    assert.doesNotMatch(await dialog.innerText(), /12-34-56/);
    const wrong = [...(await shot(page, 'sites-contact-not-appointed-ky')), ...(await axeSerious(page))];
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The Coordinators tab marks the grant no administrator confirmed, and says how it is confirmed.
    await page.getByTestId('mission-tab-coordinators').click();
    await see(page, page.getByTestId('coordinator-unconfirmed-0'));
    await see(page, page.getByText(/Администратор бул тизмени сактоо менен координаторлорду ырастайт/));
    wrong.push(...(await shot(page, 'coordinators-unconfirmed-ky')));
    await page.setViewportSize({ width: 375, height: 800 });
    wrong.push(...(await shot(page, 'coordinators-unconfirmed-phone-ky')));
    assert.deepEqual(wrong, []);
    const crashes = tab.problems.filter((p) => !/Failed to load resource/.test(p));
    assert.deepEqual(crashes, []);
  });

  it("a site's reports open in the review list, and the reviewer goes through them one after another", async () => {
    const { page } = tab;
    // C1 sent its checklist at the start, then a second one now: two reports, the later one first.
    const later = await sent('C1');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/monitoring/missions/${missionId}`);
    await page.getByTestId('mission-tab-sites').click();
    const link = page.getByTestId('site-row-C1').getByRole('link', { name: /^Мектеп №1: 2 билдирүү/ });
    await see(page, link);
    assert.match(await link.innerText(), /^2 билдирүү, акыркысы: (.+ )?\d\d:\d\d$/);
    // A staffed station with nothing yet says so; an unstaffed one with nothing says nothing more.
    assert.equal(await page.getByTestId('site-row-C3').getByTestId('site-reports').count(), 0);
    const wrong = [...(await shot(page, 'sites-reports-ky')), ...(await axeSerious(page))];
    // Silent longest first: C2 sent once, before C1's latest; C3, with nobody sent, comes last.
    await chooseOption(page, 'sites-sort', 'Эң узак убакыт билдирүүсүз тургандар — биринчи');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid^="site-row-"]')?.getAttribute('data-testid') === 'site-row-C2',
    );
    assert.deepEqual(
      await page
        .locator('[data-testid^="site-row-"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid'))),
      ['site-row-C2', 'site-row-C1', 'site-row-C3'],
    );

    await link.click();
    await see(page, page.getByTestId('review-site-filter').getByText('Мектеп №1: билдирүүлөр'));
    const rows = page.getByTestId('review-row');
    await see(page, rows.first());
    assert.equal(await rows.count(), 2);
    assert.ok((await rows.allInnerTexts()).every((r) => r.includes('Мектеп №1')));
    wrong.push(...(await shot(page, 'review-site-ky')), ...(await axeSerious(page)));
    // The arrival mark has left the address: a filter chosen now outlives a visit to a report.
    await page.waitForURL((u) => !u.search.includes('arrive'));
    await chooseOption(page, 'review-kind', 'Текшерүү баракчасы');
    await see(page, rows.first());

    // The newest first; "Next" goes to the older one, which is the last: no "Next" there.
    await rows.first().getByTestId('submission-link').click();
    await page.waitForURL(`**/monitoring/submissions/${later}`);
    await see(page, page.getByTestId('lock-mine'));
    await page.getByTestId('submission-next').click();
    await page.waitForURL(
      (u) => /\/monitoring\/submissions\//.test(u.pathname) && !u.pathname.endsWith(later),
    );
    await see(page, page.getByTestId('lock-mine'));
    assert.equal(await page.getByTestId('submission-next').count(), 0, 'the last in the list');
    // "← Review" returns to the same site's list.
    await page.getByRole('link', { name: '← Текшерүү', exact: true }).click();
    await see(page, page.getByTestId('review-site-filter'));
    await see(page, rows.first());
    assert.equal(await rows.count(), 2);
    assert.equal(await page.getByTestId('review-kind').inputValue(), 'Текшерүү баракчасы', 'kept');

    // Back to every report: C2's checklist is listed again.
    await page.getByTestId('review-site-clear').click();
    await page.getByTestId('review-site-filter').waitFor({ state: 'detached' });
    await see(page, rows.getByText('Мектеп №2').first());
    assert.deepEqual(wrong, []);
  });
});
