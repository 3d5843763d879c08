import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { districtsOf } from '../../src/core/geo/regions.ts';
import {
  axeSerious,
  chooseOption,
  describeBrowser,
  login,
  openTab,
  reauth,
  switchLanguage,
  type Tab,
} from './browser.ts';
import { staffWorldRoles, type Account, type RolesWorld } from './legal-setup.ts';
import { activeMission, kyrgyzReviewer, publicReporter, see, shot, track } from './monitoring-setup.ts';

type View = { region: string | null; district: string | null };

const OSH_DISTRICT = districtsOf('KG-O')[0]!;
const CHUY_DISTRICT = districtsOf('KG-C')[0]!;

/**
 * Placing a public report in Chromium, in Kyrgyz (review.place.ts): the coordinator of the whole
 * mission moves a report its reporter placed in Chüy to a district of Osh region, and the history
 * says so; the Chüy coordinator, who reviews Chüy only, is offered Chüy only (a region outside it is
 * refused by the server: monitoring-place integration test). A reviewer writes an English translation of
 * a report beside its answers, changes it and sees the history say so (review.translate.ts). The
 * administrator rejects a spam report and asks to erase it for good; the second administrator opens it
 * from the pending approval and approves, which erases it (review.erase.ts, four-eyes).
 */
await describeBrowser('monitoring: placing and translating a report', (backend) => {
  let w: RolesWorld;
  let chuy: Account;
  let browser: Browser;
  let tab: Tab;
  let [first, second, spam] = ['', '', ''];
  const place = async (id: string) =>
    (await (await w.api(w.admin)).get<View>(`/api/monitoring/submissions/${id}`)).body;

  before(async () => {
    w = await staffWorldRoles(
      backend,
      [
        { role: 'coordinator', email: 'aibek@example.org', name: 'Айбек Борбордук' },
        { role: 'coordinator', email: 'cholpon@example.org', name: 'Чолпон Асанова' },
        // A second administrator: erasing a report waits for their approval (four-eyes).
        { role: 'admin', email: 'nurlan@example.org', name: 'Нурлан Экинчи' },
      ],
      // A quick proof of work and no minimum fill time: the anonymous reports are sent by the test.
      { env: { UKUK_PUBLIC_POW_BITS: '8', UKUK_PUBLIC_MIN_FILL_MS: '0', UKUK_PUBLIC_ANSWER_MS: '0' } },
    );
    const [whole, co] = w.people as [Account, Account];
    chuy = co;
    const mission = await activeMission(w, {
      title: 'Жергиликтүү шайлоо 2026',
      sitesCsv: 'code,name,region,district,place,lat,lon\nC1,Мектеп №1,KG-C,,Кант,,\n',
      coordinators: [
        { who: whole, region: null },
        { who: chuy, region: 'KG-C' },
      ],
      observers: {},
    });
    const on = await mission.admin.patch(`/api/monitoring/missions/${mission.missionId}`, {
      publicReports: true,
    });
    assert.equal(on.status, 200, JSON.stringify(on.body));
    const send = publicReporter(w.server.url);
    await send('Ош шаарындагы участоктун жанында байкоочуларды коркутушту.');
    await send('Кантта шайлоочуларды автобус менен ташышты.');
    await send('Арзан кредит! Бул шилтемеге басыңыз.');
    const pub = await mission.admin.get<{ items: { id: string }[] }>(
      '/api/monitoring/submissions?source=public',
    );
    // Ids are UUIDv7: in the order the reports arrived.
    [first, second, spam] = pub.body.items.map((i) => i.id).sort() as [string, string, string];
    ({ browser, tab } = await kyrgyzReviewer(w, whole));
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('the incidents among the reports, each row saying what happened', async () => {
    const { page } = tab;
    await page.goto('/monitoring/review');
    await chooseOption(page, 'review-kind', 'Окуя тууралуу билдирүү');
    const rows = page.getByTestId('review-row');
    await see(page, rows.first());
    assert.equal(await rows.count(), 3);
    // "What happened?" as the reporter chose it, in the reader's language, on every public report.
    assert.deepEqual(await page.getByTestId('row-headline').allInnerTexts(), [
      'Коркутуу же басым',
      'Коркутуу же басым',
      'Коркутуу же басым',
    ]);
    await chooseOption(page, 'review-kind', 'Текшерүү баракчасы');
    await see(page, page.getByTestId('review-empty-filtered'));
    assert.deepEqual(await shot(page, 'review-kind-empty-ky'), []);
    // Cleared for the tests that follow (the filters are kept for this browser tab).
    await chooseOption(page, 'review-kind', 'Текшерүү баракчасы');
    await see(page, rows.first());
  });

  it('the whole mission’s coordinator moves a report to a district of Osh region', async () => {
    const { page } = tab;
    await page.goto(`/monitoring/submissions/${first}`);
    await see(page, page.getByTestId('lock-mine'));
    await page.getByTestId('submission-place').getByText('Жерин өзгөртүү…').click();
    const dialog = page.getByRole('dialog');
    await see(page, dialog.getByText('Бул кайда болгон?'));
    await chooseOption(page, 'place-region', 'Ош облусу');
    await chooseOption(page, 'place-district', new RegExp(`^${OSH_DISTRICT.names.ky}$`));
    assert.deepEqual(await axeSerious(page), []);
    await page.setViewportSize({ width: 375, height: 800 });
    assert.deepEqual(await shot(page, 'place-dialog-phone-ky'), []);
    await page.setViewportSize({ width: 1280, height: 900 });
    await dialog.getByTestId('place-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await see(page, page.getByText(OSH_DISTRICT.names.ky, { exact: true }));
    await see(
      page,
      page
        .getByTestId('history-item')
        .filter({ hasText: `Жери көрсөтүлдү: Ош облусу · ${OSH_DISTRICT.names.ky}` }),
    );
    assert.deepEqual(await shot(page, 'placed-ky'), []);
    const s = await place(first);
    assert.deepEqual([s.region, s.district], ['KG-O', OSH_DISTRICT.id]);
  });

  it('a region coordinator is offered their region only, and places a report in one of its districts', async () => {
    const mine = track(await openTab(browser, w.server.url, { locale: 'ky' }));
    const { page } = mine;
    await login(page, chuy);
    await switchLanguage(page, 'ky');
    // The report moved to Osh is out of the Chüy coordinator's sight now.
    await page.goto(`/monitoring/submissions/${first}`);
    await see(page, page.getByTestId('submission-not-found'));
    await page.goto(`/monitoring/submissions/${second}`);
    await see(page, page.getByTestId('lock-mine'));
    await page.getByTestId('submission-place').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('place-region').click();
    await see(page, page.getByRole('option', { name: 'Чүй облусу' }));
    assert.equal(await page.getByRole('option').count(), 1, 'only the region they review');
    await page.keyboard.press('Escape');
    await chooseOption(page, 'place-district', new RegExp(`^${CHUY_DISTRICT.names.ky}$`));
    assert.deepEqual(await shot(page, 'place-region-coordinator-ky'), []);
    await dialog.getByTestId('place-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await see(page, page.getByText(CHUY_DISTRICT.names.ky, { exact: true }));
    const s = await place(second);
    assert.deepEqual([s.region, s.district], ['KG-C', CHUY_DISTRICT.id]);
    await mine.context.close();
  });

  it('writes an English translation beside the answers, then changes it', async () => {
    const { page } = tab;
    await page.goto(`/monitoring/submissions/${first}`);
    await see(page, page.getByTestId('lock-mine'));
    const card = page.getByTestId('translations-card');
    await see(page, card.getByText('Азырынча котормо жок.'));
    await card.getByTestId('translation-add').click();
    await chooseOption(page, 'translation-language', 'Англисче');
    await card
      .getByTestId('translation-text')
      .fill('Observers were threatened near a polling station in Osh.');
    assert.deepEqual(await axeSerious(page), []);
    await card.getByTestId('translation-save').click();
    const en = card.getByTestId('translation-en');
    await see(page, en.getByText('Observers were threatened near a polling station in Osh.'));
    await see(page, page.getByTestId('history-item').filter({ hasText: 'Котормо жазылды: Англисче' }));
    // The answers are shown as they were sent, in Kyrgyz, above it.
    await see(page, page.getByText('Ош шаарындагы участоктун жанында байкоочуларды коркутушту.'));
    await card.getByTestId('translation-change-en').click();
    await card
      .getByTestId('translation-text')
      .fill('Observers were threatened near polling station 12 in Osh.');
    await card.getByTestId('translation-save').click();
    await see(page, en.getByText('polling station 12'));
    await page.setViewportSize({ width: 375, height: 800 });
    assert.deepEqual(await shot(page, 'translation-phone-ky'), []);
    await page.setViewportSize({ width: 1280, height: 900 });
    const s = (
      await (
        await w.api(w.admin)
      ).get<{ translations: { locale: string; text: string }[] }>(`/api/monitoring/submissions/${first}`)
    ).body;
    assert.deepEqual(
      s.translations.map((x) => [x.locale, x.text]),
      [['en', 'Observers were threatened near polling station 12 in Osh.']],
    );
  });

  it('a spam report is erased for good once a second administrator approves', async () => {
    const mine = track(await openTab(browser, w.server.url, { locale: 'ky' }));
    const { page } = mine;
    await login(page, w.admin);
    await switchLanguage(page, 'ky');
    await page.goto(`/monitoring/submissions/${spam}`);
    await see(page, page.getByTestId('lock-mine'));
    // Only a rejected report can be erased: the card is not there before.
    assert.equal(await page.getByTestId('erase-card').count(), 0);
    await page.getByTestId('to-rejected').click();
    await page.getByTestId('reject-reason').fill('Спам: жарнама');
    await page.getByTestId('reject-confirm').click();
    const card = page.getByTestId('erase-card');
    await see(page, card.getByText('Биротоло өчүрүү…'));
    await page.setViewportSize({ width: 375, height: 800 });
    await card.scrollIntoViewIfNeeded();
    assert.deepEqual(await shot(page, 'erase-card-phone-ky'), []);
    await card.getByTestId('erase-open').click();
    const dialog = page.getByRole('dialog');
    await see(page, dialog.getByText('Бул билдирүүнү биротоло өчүрөсүзбү?'));
    assert.deepEqual(await axeSerious(page), []);
    // A full-page picture leaves a dialog where the page was scrolled: the dialog alone, to look at.
    await dialog.screenshot({ path: '/tmp/mon-erase-dialog-only-ky.png' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await dialog.getByTestId('erase-confirm').click();
    await reauth(page, w.admin);
    await see(page, card.getByTestId('erase-requested'));
    assert.deepEqual(await shot(page, 'erase-requested-ky'), []);
    const admin = await w.api(w.admin);
    assert.equal((await admin.get(`/api/monitoring/submissions/${spam}`)).status, 200, 'not before approval');
    await page
      .getByTestId('lock-release')
      .click()
      .catch(() => undefined);
    await mine.context.close();

    // The second administrator reads the report from the approval, then approves it.
    const second = w.people[2]!;
    const theirs = track(await openTab(browser, w.server.url, { locale: 'ky' }));
    const p2 = theirs.page;
    await login(p2, second);
    await switchLanguage(p2, 'ky');
    await p2.goto('/admin/users');
    const line = p2.getByTestId('approval-item').filter({ hasText: 'биротоло өчүрүүнү сурап жатат' });
    await see(p2, line);
    assert.deepEqual(await shot(p2, 'erase-approval-ky'), []);
    await line.getByTestId('approval-open-report').click();
    await see(p2, p2.getByText('Арзан кредит! Бул шилтемеге басыңыз.'));
    await p2.goBack();
    await line.getByTestId('approval-approve').click();
    await reauth(p2, second);
    await line.waitFor({ state: 'detached' });
    assert.equal((await admin.get(`/api/monitoring/submissions/${spam}`)).status, 404);
    await p2.goto(`/monitoring/submissions/${spam}`);
    await see(p2, p2.getByTestId('submission-not-found'));
    await theirs.context.close();
  });
});
