import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeSerious, describeBrowser, login, openTab, reauth, switchLanguage, type Tab } from './browser.ts';
import { staffWorldRoles, type RolesWorld } from './legal-setup.ts';
import { activeMission, kyrgyzReviewer, publicReporter, see, shot, track } from './monitoring-setup.ts';

/**
 * A flood of spam erased under one decision, in Chromium, in Kyrgyz (review.erase-many.ts): the
 * administrator selects the public reports in the review queue and erases them; the one that is not
 * rejected is named and stays. The second administrator opens the request's reports from the Users
 * page, reads them, and approves once: all the rejected ones go.
 */
await describeBrowser('monitoring: erasing a selection of reports', (backend) => {
  let w: RolesWorld;
  let browser: Browser;
  let tab: Tab;
  let spam: string[] = [];
  let genuine = '';

  before(async () => {
    w = await staffWorldRoles(
      backend,
      [{ role: 'admin', email: 'nurlan@example.org', name: 'Нурлан Экинчи' }],
      { env: { UKUK_PUBLIC_POW_BITS: '8', UKUK_PUBLIC_MIN_FILL_MS: '0', UKUK_PUBLIC_ANSWER_MS: '0' } },
    );
    const mission = await activeMission(w, {
      title: 'Жергиликтүү шайлоо 2026',
      sitesCsv: 'code,name,region,district,place,lat,lon\nC1,Мектеп №1,KG-C,,Кант,,\n',
      coordinators: [],
      observers: {},
    });
    const on = await mission.admin.patch(`/api/monitoring/missions/${mission.missionId}`, {
      publicReports: true,
    });
    assert.equal(on.status, 200, JSON.stringify(on.body));
    const send = publicReporter(w.server.url);
    await send('Кантта шайлоочуларды автобус менен ташышты.');
    for (let i = 1; i <= 4; i++) await send(`Арзан кредит №${i}! Бул шилтемеге басыңыз.`);
    const pub = await mission.admin.get<{ items: { id: string }[] }>(
      '/api/monitoring/submissions?source=public',
    );
    // Ids are UUIDv7: in the order the reports arrived; the first is the genuine one.
    [genuine, ...spam] = pub.body.items.map((i) => i.id).sort() as [string, ...string[]];
    for (const id of spam) {
      const r = await mission.admin.post(`/api/monitoring/submissions/${id}/transition`, {
        to: 'rejected',
        reason: 'Спам: жарнама',
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    ({ browser, tab } = await kyrgyzReviewer(w, w.admin));
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('the administrator erases the selection; a second administrator approves it once', async () => {
    const { page } = tab;
    await page.goto('/monitoring/review');
    await see(page, page.getByTestId('review-row').first());
    assert.equal(await page.getByTestId('review-row').count(), 5);
    await page.getByTestId('page-select').check();
    await see(page, page.getByTestId('bulk-count').getByText('5 билдирүү тандалды'));
    await page.getByTestId('bulk-erase').click();
    const dialog = page.getByRole('dialog');
    await see(page, dialog.getByText('5 билдирүүнү биротоло өчүрөсүзбү?'));
    assert.deepEqual(await axeSerious(page), []);
    await dialog.screenshot({ path: '/tmp/mon-erase-many-dialog-ky.png' });
    await dialog.getByTestId('bulk-erase-confirm').click();
    await reauth(page, w.admin);
    const outcome = page.getByTestId('bulk-outcome');
    await see(page, outcome.getByText(/4 билдирүү экинчи администраторду күтүүдө/));
    await see(page, outcome.getByTestId('bulk-skipped-erase_not_rejected').getByText(/: 1$/));
    await page.setViewportSize({ width: 375, height: 800 });
    assert.deepEqual(await shot(page, 'erase-many-requested-phone-ky'), []);
    await page.setViewportSize({ width: 1280, height: 900 });
    const admin = await w.api(w.admin);
    for (const id of spam)
      assert.equal((await admin.get(`/api/monitoring/submissions/${id}`)).status, 200, 'not before approval');

    // The second administrator reads the request's reports, then approves it on the Users page.
    const second = w.people[0]!;
    const theirs = track(await openTab(browser, w.server.url, { locale: 'ky' }));
    const p2 = theirs.page;
    await login(p2, second);
    await switchLanguage(p2, 'ky');
    await p2.goto('/admin/users');
    const line = p2.getByTestId('approval-item').filter({ hasText: '4 мониторинг билдирүүсүн биротоло' });
    await see(p2, line);
    await line.getByTestId('approval-open-reports').click();
    const notice = p2.getByTestId('erasing-notice');
    await see(p2, notice.getByText(/Өчүрүү өтүнүчүндө 4 билдирүү аталган/));
    await see(
      p2,
      p2.getByText('Арзан кредит №1! Бул шилтемеге басыңыз.').or(p2.getByTestId('review-row').first()),
    );
    assert.equal(await p2.getByTestId('review-row').count(), 4, 'only the reports the request names');
    assert.deepEqual(await axeSerious(p2), []);
    assert.deepEqual(await shot(p2, 'erase-many-request-view-ky'), []);
    await p2.setViewportSize({ width: 375, height: 800 });
    assert.deepEqual(await shot(p2, 'erase-many-request-view-phone-ky'), []);
    await p2.setViewportSize({ width: 1280, height: 900 });
    await notice.getByTestId('erasing-decide').click();
    await see(p2, line);
    assert.deepEqual(await shot(p2, 'erase-many-approval-ky'), []);
    await line.getByTestId('approval-approve').click();
    await reauth(p2, second);
    await line.waitFor({ state: 'detached' });
    for (const id of spam) assert.equal((await admin.get(`/api/monitoring/submissions/${id}`)).status, 404);
    assert.equal((await admin.get(`/api/monitoring/submissions/${genuine}`)).status, 200);
    // The request is decided: its view names nothing any more.
    await p2.goBack();
    await see(p2, p2.getByTestId('erasing-notice').getByText(/чечим кабыл алынган/));
    await theirs.context.close();
  });
});
