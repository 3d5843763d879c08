import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeSerious, describeBrowser, login, openTab, reauth, switchLanguage, type Tab } from './browser.ts';
import { staffWorldRoles, type Account, type RolesWorld } from './legal-setup.ts';
import { activeMission, kyrgyzReviewer, see, sendChecklist, shot, track } from './monitoring-setup.ts';

type View = { status: string; duplicateOf: { id: string } | null; duplicates: { id: string }[] };

/**
 * Duplicates in Chromium, in Kyrgyz: a region coordinator rejects a copy as the duplicate of the
 * report that stays, picked among the similar reports offered (never the other region's); the
 * original lists its copies; a pasted link that cannot be an original is refused at the field and
 * changes nothing.
 */
await describeBrowser('monitoring: duplicates of a report', (backend) => {
  let w: RolesWorld;
  let coordinator: Account;
  let observer: Account;
  let browser: Browser;
  let tab: Tab;
  let [a, b, c, naryn] = ['', '', '', ''];
  let sendMore: () => Promise<string>;
  const status = async (id: string) =>
    (await (await w.api(w.admin)).get<View>(`/api/monitoring/submissions/${id}`)).body;

  before(async () => {
    w = await staffWorldRoles(backend, [
      { role: 'coordinator', email: 'cholpon@example.org', name: 'Чолпон Асанова' },
      { role: 'monitor', email: 'asel@example.org', name: 'Асел Байкоочу' },
    ]);
    [coordinator, observer] = w.people as [Account, Account];
    const mission = await activeMission(w, {
      title: 'Жергиликтүү шайлоо 2026',
      sitesCsv:
        'code,name,region,district,place,lat,lon\nC1,Мектеп №1,KG-C,,Кант,,\nN1,Мектеп №3,KG-N,,Нарын,,\n',
      coordinators: [{ who: coordinator, region: 'KG-C' }],
      observers: { C1: [observer], N1: [observer] },
    });
    const obs = await w.api(observer);
    a = await sendChecklist(obs, mission, 'C1');
    b = await sendChecklist(obs, mission, 'C1');
    c = await sendChecklist(obs, mission, 'C1');
    naryn = await sendChecklist(obs, mission, 'N1');
    sendMore = () => sendChecklist(obs, mission, 'C1');
    ({ browser, tab } = await kyrgyzReviewer(w, coordinator));
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('picks the original among the similar reports; the original lists its copy', async () => {
    const { page } = tab;
    await page.goto(`/monitoring/submissions/${b}`);
    await see(page, page.getByTestId('lock-mine'));
    await page.getByTestId('mark-duplicate').click();
    const dialog = page.getByRole('dialog');
    await see(page, dialog.getByTestId(`similar-${a}`));
    await see(page, dialog.getByTestId(`similar-${c}`));
    assert.equal(await dialog.getByTestId(`similar-${naryn}`).count(), 0, 'not the other region');
    await see(page, dialog.getByText('Ал кайсы билдирүүнү кайталайт?'));
    assert.ok(await dialog.getByTestId('duplicate-confirm').isDisabled(), 'nothing picked yet');
    assert.deepEqual(await axeSerious(page), []);
    await dialog.getByTestId(`similar-${a}`).check();
    await page.setViewportSize({ width: 375, height: 800 });
    assert.deepEqual(await shot(page, 'duplicate-dialog-phone-ky'), []);
    await page.setViewportSize({ width: 1280, height: 900 });
    await dialog.getByTestId('duplicate-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await see(page, page.getByTestId('submission-status').getByText('Четке кагылды'));
    const of = page.getByTestId('duplicate-of');
    await see(page, of.getByText(/Бул билдирүүнүн кайталанмасы:/));
    await see(page, of.getByRole('link', { name: /C1 · Мектеп №1/ }));
    await see(page, page.getByTestId('history-duplicate').getByText(/кайталанмасы катары четке кагылды/));
    assert.deepEqual(await shot(page, 'duplicate-of-ky'), []);
    const s = await status(b);
    assert.deepEqual([s.status, s.duplicateOf?.id], ['rejected', a]);
    // Follow the link: the original says one other report repeats it, and links back.
    await of.getByRole('link').click();
    await page.waitForURL(new RegExp(`/monitoring/submissions/${a}$`));
    const list = page.getByTestId('duplicates-card');
    await see(page, list.getByText('Дагы 1 билдирүү ушуну эле айтат:'));
    const copy = page.getByTestId('duplicates-list').getByRole('link');
    assert.equal(await copy.count(), 1);
    assert.match(await copy.innerText(), /Асел Байкоочу/, 'the observer tells two reports of one site apart');
  });

  it('a pasted link that is not a report, or is a copy itself, is refused at the field and changes nothing', async () => {
    const { page } = tab;
    await page.goto(`/monitoring/submissions/${c}`);
    await see(page, page.getByTestId('lock-mine'));
    await page.getByTestId('mark-duplicate').click();
    const dialog = page.getByRole('dialog');
    // b is a copy now: not offered.
    await see(page, dialog.getByTestId(`similar-${a}`));
    assert.equal(await dialog.getByTestId(`similar-${b}`).count(), 0);
    await dialog.getByTestId('similar-other').check();
    const paste = dialog.getByTestId('duplicate-paste');
    await paste.fill('мектептеги кезек');
    await see(page, dialog.getByText('Бул билдирүүнүн шилтемеси да, номери да эмес.'));
    assert.ok(await dialog.getByTestId('duplicate-confirm').isDisabled());
    await paste.fill(`${w.server.url}/monitoring/submissions/${b}`);
    await dialog.getByTestId('duplicate-confirm').click();
    await see(page, dialog.getByText('Ал билдирүү өзү кайталанма: ал кайталаган билдирүүнү тандаңыз.'));
    assert.equal(await paste.getAttribute('aria-invalid'), 'true');
    assert.equal((await status(c)).status, 'received');
    // The original's address is taken; the note goes into the history.
    await paste.fill(`${w.server.url}/monitoring/submissions/${a}`);
    await dialog.getByTestId('duplicate-reason').fill('Ошол эле окуя, бир сааттан кийин кайра жөнөтүлгөн.');
    await dialog.getByTestId('duplicate-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await see(page, page.getByTestId('history-item').filter({ hasText: 'бир сааттан кийин' }));
    const orig = await status(a);
    assert.deepEqual(orig.duplicates.map((d) => d.id).sort(), [b, c].sort());
    // The review queue shows the original with its two copies.
    await page.goto('/monitoring/review');
    const row = page.getByRole('row').filter({ has: page.locator(`a[href$="${a}"]`) });
    await see(page, row.getByTestId('copies-badge').getByText('2 кайталанма'));
    const crashes = tab.problems.filter((p) => !/Failed to load resource/.test(p));
    assert.deepEqual(crashes, []);
  });

  it('marks a selection in the queue as copies of one report by its link; the original itself is left', async () => {
    const { page } = tab;
    const [d1, d2] = [await sendMore(), await sendMore()];
    await page.goto('/monitoring/review');
    const row = (id: string) =>
      page.getByTestId('review-row').filter({ has: page.locator(`a[href$="${id}"]`) });
    for (const id of [d1, d2, a]) await row(id).getByTestId('row-select').check();
    await see(page, page.getByTestId('bulk-count').getByText('3 билдирүү тандалды'));
    await page.getByTestId('bulk-duplicates').click();
    const dialog = page.getByRole('dialog');
    const paste = dialog.getByTestId('bulk-duplicate-paste');
    // A copy cannot be the original: refused for the whole batch, at the field.
    await paste.fill(`${w.server.url}/monitoring/submissions/${b}`);
    await dialog.getByTestId('bulk-duplicate-confirm').click();
    await reauth(page, coordinator);
    await see(page, dialog.getByText('Ал билдирүү өзү кайталанма: ал кайталаган билдирүүнү тандаңыз.'));
    assert.equal((await status(d1)).status, 'received');
    await paste.fill(`${w.server.url}/monitoring/submissions/${a}`);
    assert.deepEqual(await shot(page, 'bulk-duplicates-ky'), []);
    await dialog.getByTestId('bulk-duplicate-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    const outcome = page.getByTestId('bulk-outcome');
    await see(page, outcome.getByText('2 билдирүү өзгөртүлдү.'));
    await see(page, outcome.getByTestId('bulk-skipped-duplicate_self'));
    assert.deepEqual((await status(a)).duplicates.map((d) => d.id).sort(), [b, c, d1, d2].sort());
    await see(page, row(a).getByTestId('copies-badge').getByText('4 кайталанма'));
  });

  it('the observer reads why their report was rejected and follows the link to their report that stays', async () => {
    const mine = track(await openTab(browser, w.server.url, { locale: 'ky' }));
    const { page } = mine;
    await login(page, observer);
    await switchLanguage(page, 'ky');
    await page.goto(`/monitoring/submissions/${c}`);
    await see(page, page.getByTestId('submission-status').getByText('Четке кагылды'));
    await see(page, page.getByTestId('history-item').filter({ hasText: 'бир сааттан кийин' }));
    const line = page.getByTestId('history-duplicate');
    await see(page, line.getByText(/кайталанмасы катары четке кагылды/));
    // The review stays the reviewers': no duplicates card, no way to mark or reopen.
    assert.equal(await page.getByTestId('duplicate-of').count(), 0);
    assert.equal(await page.getByTestId('mark-duplicate').count(), 0);
    await page.setViewportSize({ width: 375, height: 800 });
    assert.deepEqual(await shot(page, 'duplicate-observer-phone-ky'), []);
    await line.getByRole('link').click();
    await page.waitForURL(new RegExp(`/monitoring/submissions/${a}$`));
    await see(page, page.getByTestId('submission-status'));
    assert.equal(
      await page.getByTestId('duplicates-card').count(),
      0,
      'its copies are the reviewers’ business',
    );
    assert.deepEqual(await axeSerious(page), []);
    await mine.context.close();
  });

  it('the only administrator erases a rejected copy at once, and the queue says so', async () => {
    const mine = track(await openTab(browser, w.server.url, { locale: 'ky' }));
    const { page } = mine;
    await login(page, w.admin);
    await switchLanguage(page, 'ky');
    await page.goto(`/monitoring/submissions/${c}`);
    await see(page, page.getByTestId('submission-status').getByText('Четке кагылды'));
    const card = page.getByTestId('erase-card');
    await card.getByTestId('erase-open').click();
    await page.getByRole('dialog').getByTestId('erase-confirm').click();
    // Alone, nobody else can approve: re-authentication is the last step.
    await reauth(page, w.admin);
    await see(page, page.getByTestId('erased-notice').getByText('Билдирүү биротоло өчүрүлдү.'));
    assert.match(new URL(page.url()).pathname, /\/monitoring\/review$/);
    assert.deepEqual(await shot(page, 'erased-notice-ky'), []);
    const api = await w.api(w.admin);
    assert.equal((await api.get(`/api/monitoring/submissions/${c}`)).status, 404);
    // The report it repeated stays, and no longer lists it among its copies.
    const kept = await status(a);
    assert.ok(!kept.duplicates.some((d) => d.id === c), JSON.stringify(kept.duplicates));
    // Another tab changes the queue: the notice was for that moment only.
    await page.getByTestId('queue-urgent').click();
    await page.getByTestId('erased-notice').waitFor({ state: 'detached' });
    await mine.context.close();
  });
});
