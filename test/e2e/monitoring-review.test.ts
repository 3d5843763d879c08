import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { sendUpload } from '../helpers/monitoring.ts';
import { axeSerious, chooseOption, describeBrowser, reauth, type Tab } from './browser.ts';
import { staffWorldRoles, type Account, type RolesWorld } from './legal-setup.ts';
import {
  activeMission,
  kyrgyzReviewer,
  see,
  sendChecklist,
  shot,
  thumbnailMade,
} from './monitoring-setup.ts';

type View = {
  status: string;
  history: { name: string | null; to: string | null; reason: string | null }[];
};

const COORDINATOR = 'Чолпон Асанова';
const REASON = 'Байкоочу участокто болгон эмес: сүрөт башка мектептен.';

/**
 * Review in Chromium (issue #5 item 4 and "region coordinators only their region"): a coordinator of
 * one region (Chuy) rejects a report, and never sees the other region's (Naryn) report anywhere.
 */
await describeBrowser('monitoring: rejecting with a reason, and a region coordinator’s view', (backend) => {
  let w: RolesWorld;
  let coordinator: Account;
  let browser: Browser;
  let tab: Tab;
  let missionId = '';
  /** The Chuy report (the coordinator's region) and the Naryn one (not theirs). */
  let chuy = '';
  let naryn = '';
  /** Sends one more report from a site (set up in before). */
  let sendMore: (code: string, submittedAt?: string, extra?: Record<string, unknown>) => Promise<string>;

  before(async () => {
    w = await staffWorldRoles(backend, [
      { role: 'coordinator', email: 'cholpon@example.org', name: COORDINATOR },
      { role: 'monitor', email: 'asel@example.org', name: 'Асел Байкоочу' },
    ]);
    const [c, observer] = w.people as [Account, Account];
    coordinator = c;
    const mission = await activeMission(w, {
      title: 'Жергиликтүү шайлоо 2026',
      sitesCsv:
        'code,name,region,district,place,lat,lon\nC1,Мектеп №1,KG-C,,Кант,,\nN1,Мектеп №3,KG-N,,Нарын,,\n',
      coordinators: [{ who: coordinator, region: 'KG-C' }],
      observers: { C1: [observer], N1: [observer] },
    });
    missionId = mission.missionId;
    const { admin } = mission;
    const base = `/api/monitoring/missions/${missionId}`;
    const obs = await w.api(observer);
    // The Chuy report carries a photo from the field (a real picture the browser must draw).
    const picture = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#4a7a9c' } })
      .jpeg()
      .toBuffer();
    const photo = await sendUpload(obs, picture, 'Мектеп_1_кезек.jpg');
    const send = (code: string, extra: Record<string, unknown> = {}, at?: string) =>
      sendChecklist(obs, mission, code, extra, at);
    chuy = await send('C1', { photo });
    naryn = await send('N1');
    sendMore = (code, at, extra = {}) => send(code, extra, at);
    // Both exist: what the coordinator does not see below is hidden from them, not missing.
    const all = await admin.get<{ received: number }>(`${base}/summary`);
    assert.equal(all.body.received, 2);

    ({ browser, tab } = await kyrgyzReviewer(w, coordinator));
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('the region coordinator sees only their region in review and on the dashboard', async () => {
    const { page } = tab;
    await page.goto('/monitoring/review');
    await see(page, page.getByTestId('review-row').getByText('Мектеп №1'));
    assert.equal(await page.getByTestId('review-row').count(), 1);
    assert.equal(await page.getByText('Мектеп №3').count(), 0, 'the Naryn report is not listed');

    await page.goto(`/monitoring/missions/${missionId}`);
    await see(page, page.getByTestId('dash-received').getByText('1', { exact: true }));
    await see(page, page.getByTestId('region-row-KG-C'));
    assert.equal(await page.getByTestId('region-row-KG-N').count(), 0, 'no Naryn row');
    // A region coordinator works on the dashboard and sites only.
    assert.equal(await page.getByTestId('mission-tab-settings').count(), 0);
    await page.getByTestId('mission-tab-sites').click();
    await see(page, page.getByTestId('site-row-C1'));
    assert.equal(await page.getByTestId('site-row-N1').count(), 0, 'no Naryn site');
  });

  it("opening the other region's report by its address shows not-found, and the API agrees", async () => {
    const { page } = tab;
    await page.goto(`/monitoring/submissions/${naryn}`);
    await see(page, page.getByTestId('submission-not-found').getByText('Бул билдирүү табылган жок.'));
    assert.equal(await page.getByTestId('to-rejected').count(), 0);
    const api = await w.api(coordinator);
    assert.equal((await api.get(`/api/monitoring/submissions/${naryn}`)).status, 404);
    assert.equal((await api.post(`/api/monitoring/submissions/${naryn}/lock`)).status, 404);
  });

  it('the reviewer sees the observer’s photo and opens it full size', async () => {
    const { page } = tab;
    await thumbnailMade(await w.api(w.admin), chuy);
    await page.goto(`/monitoring/submissions/${chuy}`);
    const img = page.getByTestId('answer-photo').getByTestId('answer-image');
    await see(page, img);
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => document.querySelector<HTMLImageElement>('[data-testid="answer-image"]')?.complete,
    );
    // The page shows the small copy (320 px, no metadata); the full photo opens in its own tab.
    assert.equal(await img.evaluate((e: HTMLImageElement) => e.naturalWidth), 320, 'the copy was drawn');
    assert.equal(await img.getAttribute('alt'), 'Сүрөт: Мектеп_1_кезек.jpg');
    const box = await img.boundingBox();
    assert.ok(box);
    assert.ok(box.height <= 201, `a bounded thumbnail, not ${box.height}px high`);
    assert.deepEqual(await shot(page, 'photo-ky'), []);
    await page.setViewportSize({ width: 375, height: 800 });
    await img.scrollIntoViewIfNeeded();
    assert.ok(((await img.boundingBox())?.width ?? 999) <= 375);
    // In one column the answers come before the review cards: read what happened, then act on it.
    // Measured in the document, not the viewport: after the scroll above, the answers' top edge can
    // sit just above the window (negative y) while still coming first.
    const top = (css: string) =>
      page
        .locator(css)
        .first()
        .evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
    const [answers, review] = [await top('.submission-answers'), await top('.submission-review')];
    assert.ok(answers >= 0 && review > answers, `answers at ${answers}px, review panel at ${review}px`);
    assert.deepEqual(await shot(page, 'photo-phone-ky'), []);
    await page.setViewportSize({ width: 1280, height: 900 });
    // Full size in a tab of its own: the picture itself, sandboxed.
    const [full] = await Promise.all([tab.context.waitForEvent('page'), img.click()]);
    await full.waitForLoadState();
    assert.match(full.url(), new RegExp(`/api/monitoring/submissions/${chuy}/files/`));
    assert.equal(await full.evaluate(() => document.images[0]?.naturalWidth), 640);
    await full.close();
    await page.goto('/monitoring/review');
    const admin = await w.api(w.admin);
    for (let i = 0; i < 50; i++) {
      const s = await admin.get<{ lock: unknown }>(`/api/monitoring/submissions/${chuy}`);
      if (!s.body.lock) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  it('closing the tab gives the review lock back at once, not after its ten minutes', async () => {
    const second = await tab.context.newPage();
    await second.goto(`/monitoring/submissions/${chuy}`);
    await see(second, second.getByTestId('lock-mine'));
    const admin = await w.api(w.admin);
    const lockOf = async () =>
      (await admin.get<{ lock: { userId: string } | null }>(`/api/monitoring/submissions/${chuy}`)).body.lock;
    assert.ok(await lockOf(), 'opening the report took the lock');
    await second.close({ runBeforeUnload: true });
    for (let i = 0; i < 50 && (await lockOf()); i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await lockOf(), null);
  });

  it('rejecting without a reason is refused with the message in Kyrgyz and changes nothing', async () => {
    const { page } = tab;
    const admin = await w.api(w.admin);
    const before = (await admin.get<View>(`/api/monitoring/submissions/${chuy}`)).body;
    await page.goto(`/monitoring/submissions/${chuy}`);
    await see(page, page.getByTestId('lock-mine'));
    // A coordinator cannot make a record of it, and is told who can.
    await see(page, page.getByTestId('records-none').getByText(/администратор/));
    // …and can copy the report's link to send them.
    await tab.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('records-none').getByRole('button').click();
    await see(page, page.getByTestId('records-none').getByRole('button', { name: 'Көчүрүлдү' }));
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      `${w.server.url}/monitoring/submissions/${chuy}`,
    );
    await page.getByTestId('to-rejected').click();
    const dialog = page.getByRole('dialog');
    // Spaces only: the reviewer typed nothing that counts.
    await dialog.getByTestId('reject-reason').fill('   ');
    await dialog.getByTestId('reject-confirm').click();
    await see(page, dialog.getByText('Четке кагуунун себебин жазыңыз.'));
    assert.equal(await dialog.getByTestId('reject-reason').getAttribute('aria-invalid'), 'true');
    await page.setViewportSize({ width: 375, height: 800 });
    assert.deepEqual(await shot(page, 'reject-empty-phone-ky'), []);
    await page.setViewportSize({ width: 1280, height: 900 });
    const after = (await admin.get<View>(`/api/monitoring/submissions/${chuy}`)).body;
    assert.equal(after.status, 'received');
    assert.equal(after.history.length, before.history.length, 'no history entry for a refusal');
  });

  it('with a reason the report is rejected, and the history says who and why', async () => {
    const { page } = tab;
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('reject-reason').fill(REASON);
    assert.equal(await dialog.getByText('Четке кагуунун себебин жазыңыз.').count(), 0, 'the error went');
    await dialog.getByTestId('reject-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await see(page, page.getByTestId('submission-status').getByText('Четке кагылды'));
    const item = page.getByTestId('history-item').filter({ hasText: REASON });
    await see(page, item);
    assert.match(await item.innerText(), new RegExp(COORDINATOR));
    // The state buttons moved on: a rejected report may only be looked at again.
    await see(page, page.getByTestId('to-in_review'));
    assert.equal(await page.getByTestId('to-rejected').count(), 0);
    assert.deepEqual(await shot(page, 'rejected-ky'), []);
    const admin = await w.api(w.admin);
    const s = (await admin.get<View>(`/api/monitoring/submissions/${chuy}`)).body;
    assert.equal(s.status, 'rejected');
    const last = s.history.at(-1)!;
    assert.deepEqual([last.to, last.name, last.reason], ['rejected', COORDINATOR, REASON]);
    const crashes = tab.problems.filter((p) => !/Failed to load resource/.test(p));
    assert.deepEqual(crashes, []);
  });

  it('the coordinator takes the report and finds it in their "Mine" queue', async () => {
    const { page } = tab;
    // Empty, the queue says what it holds, not "try fewer filters" (no filter is set).
    const report = page.url();
    await page.goto('/monitoring/review?queue=mine');
    await see(page, page.getByTestId('review-empty-queue').getByText('Сизге эч нерсе тапшырылган жок'));
    await page.goto(report);
    await page.getByTestId('assign-me').click();
    await see(page, page.getByTestId('assignee').getByText(`${COORDINATOR} (сиз)`));
    await see(page, page.getByTestId('history-item').filter({ hasText: `Тапшырылды: ${COORDINATOR}` }));
    assert.equal(await page.getByTestId('assign-me').count(), 0, 'nothing left to take');
    const admin = await w.api(w.admin);
    const s = (await admin.get<{ assignee: { name: string } | null }>(`/api/monitoring/submissions/${chuy}`))
      .body;
    assert.equal(s.assignee?.name, COORDINATOR);
    await page.goto('/monitoring/review');
    // Each tab says how many reports it holds: one given to the coordinator, and all of their region.
    await see(page, page.getByTestId('queue-count-mine').getByText('1', { exact: true }));
    const mine = await (await w.api(coordinator)).get<{ total: number }>('/api/monitoring/submissions');
    await see(page, page.getByTestId('queue-count-all').getByText(String(mine.body.total), { exact: true }));
    await page.getByTestId('queue-mine').click();
    const rows = page.getByTestId('review-row');
    await see(page, rows.filter({ hasText: `Жооптуу: ${COORDINATOR} (сиз)` }));
    assert.equal(await rows.count(), 1);
    assert.deepEqual(await shot(page, 'review-mine-ky'), []);
    await page.getByTestId('queue-all').click();
    await see(page, rows.first());
    // The open queue is in the address: back returns to "Mine" (and the bell's link opens it even here).
    await page.waitForURL((u) => !u.search.includes('queue='));
    await page.goBack();
    await page.waitForURL('**/monitoring/review?queue=mine');
    await page.locator('[data-testid="queue-mine"][aria-selected="true"]').waitFor();
    await see(page, rows.filter({ hasText: `Жооптуу: ${COORDINATOR} (сиз)` }));
    await page.getByTestId('queue-all').click();
  });

  it('given the report by the administrator, the coordinator finds it in the bell, in Kyrgyz', async () => {
    const { page } = tab;
    const admin = await w.api(w.admin);
    const path = `/api/monitoring/submissions/${chuy}`;
    const pick = await admin.get<{ items: { id: string; name: string }[] }>(`${path}/reviewers`);
    const me = pick.body.items.find((r) => r.name === COORDINATOR)!;
    assert.ok(me, 'the coordinator is in the pick list');
    // The coordinator's lock (they opened the report) would refuse the administrator's change (409).
    const own = await w.api(coordinator);
    assert.equal((await own.delete(`${path}/lock`)).status, 200);
    // Taken back, then given by the administrator: only a report given by someone else is notified.
    assert.equal((await admin.put(`${path}/assignee`, { userId: null })).status, 200);
    assert.equal((await admin.put(`${path}/assignee`, { userId: me.id })).status, 200);
    await page.goto('/monitoring/review');
    await page.getByTestId('notifications-count').getByText('1', { exact: true }).waitFor();
    await page.getByTestId('notifications-bell').click();
    const notice = page
      .getByTestId('notification')
      .filter({ hasText: 'Сизге билдирүү тапшырылды: C1, Чүй облусу' });
    await see(page, notice);
    await notice.click();
    await page.waitForURL(`**/monitoring/submissions/${chuy}`);
    await see(page, page.getByTestId('assignee').getByText(`${COORDINATOR} (сиз)`));
    // To verify it, the coordinator would call the station's observer, who gave no number yet.
    await page.getByRole('button', { name: 'Байкоочулар менен байланышуу: Мектеп №1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Байкоочулар: Мектеп №1' });
    await see(page, dialog.getByTestId('site-contact').getByText('Асел Байкоочу'));
    await see(page, dialog.getByText('Профилинде телефон номери көрсөтүлгөн эмес.'));
    assert.equal(await dialog.getByRole('link').count(), 0, 'nothing to call');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
  it('the coordinator chooses, in Kyrgyz, not to be e-mailed when reports are given to them', async () => {
    const { page } = tab;
    await page.goto('/profile');
    const card = page.getByTestId('email-alerts');
    const given = card.getByRole('switch', { name: 'Мага текшерүү үчүн берилген билдирүүлөр' });
    await see(page, given);
    assert.equal(await given.isChecked(), true, 'on until chosen otherwise');
    await given.click();
    await see(page, card.getByRole('status').getByText('Сакталды'));
    await page.reload();
    await card.getByRole('switch').first().waitFor({ state: 'attached' });
    assert.equal(await given.isChecked(), false, 'kept after a reload');
    const me = await (
      await w.api(coordinator)
    ).get<{ emailAlerts: { assigned: boolean; critical: boolean } }>('/api/me');
    assert.deepEqual([me.body.emailAlerts.assigned, me.body.emailAlerts.critical], [false, true]);
    assert.deepEqual(await axeSerious(page), []);
  });

  it('selects a page of reports and moves them at once; a report someone else holds is left and named', async () => {
    const { page } = tab;
    const [one, two] = [await sendMore('C1'), await sendMore('C1')];
    // The administrator is working on the second report: the batch must leave it alone.
    const admin = await w.api(w.admin);
    assert.equal((await admin.post(`/api/monitoring/submissions/${two}/lock`, {})).status, 200);
    // Leaving a report's page gives its lock back: the coordinator holds one from another tab.
    const own = await w.api(coordinator);
    assert.equal((await own.post(`/api/monitoring/submissions/${chuy}/lock`, {})).status, 200);
    await page.goto('/monitoring/review');
    const rows = page.getByTestId('review-row');
    await see(page, rows.nth(2));
    assert.equal(await rows.count(), 3, 'the region’s three reports, not Naryn’s');
    // The coordinator's own lock (the report they opened) reads as theirs, the administrator's by name.
    await see(page, rows.getByText('Сиз өзгөртүп жатасыз'));
    await see(page, rows.getByText(/өзгөртүп жатат$/));
    await page.getByTestId('page-select').click();
    await see(page, page.getByTestId('bulk-count').getByText('3 билдирүү тандалды'));
    assert.deepEqual(await axeSerious(page), []);
    assert.deepEqual(await shot(page, 'review-bulk-ky'), []);
    await page.getByTestId('bulk-in_review').click();
    // A batch is a bulk action (SECURITY.md): the first one asks the coordinator to confirm who they are.
    await reauth(page, coordinator);
    const outcome = page.getByTestId('bulk-outcome');
    await see(page, outcome.getByText('1 билдирүү өзгөртүлдү.'));
    await see(
      page,
      outcome
        .getByTestId('bulk-skipped-locked')
        .getByText('Башка текшерүүчү өзгөртүп жатат, өзгөртүлгөн жок: 1'),
    );
    // The rejected report is not reopened by a batch: that step back is taken on its own page.
    await see(page, outcome.getByTestId('bulk-skipped-transition_invalid'));
    assert.equal(await page.getByTestId('bulk-bar').count(), 0, 'the selection is cleared');
    const status = async (id: string) =>
      (await admin.get<{ status: string }>(`/api/monitoring/submissions/${id}`)).body.status;
    assert.deepEqual(
      [await status(chuy), await status(one), await status(two)],
      ['rejected', 'in_review', 'received'],
    );

    // A batch rejection asks for its reason first; without one nothing changes.
    await page.getByTestId('page-select').click();
    await page.getByTestId('bulk-rejected').click();
    await page.getByTestId('bulk-reject-confirm').click();
    await see(page, page.getByRole('dialog').getByText('Четке кагуунун себебин жазыңыз.'));
    assert.equal(await status(one), 'in_review');
    await page.getByTestId('bulk-reason').fill(REASON);
    await page.getByTestId('bulk-reject-confirm').click();
    // The dialog closes only once the batch is answered; the first batch's note read the same words.
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await see(page, outcome.getByText('1 билдирүү өзгөртүлдү.'));
    assert.deepEqual(
      [await status(chuy), await status(one), await status(two)],
      ['rejected', 'rejected', 'received'],
    );
    const last = (await admin.get<View>(`/api/monitoring/submissions/${one}`)).body.history.at(-1)!;
    assert.deepEqual([last.to, last.name, last.reason], ['rejected', COORDINATOR, REASON]);
    const crashes = tab.problems.filter((p) => !/Failed to load resource/.test(p));
    assert.deepEqual(crashes, []);
  });

  it('gives the selection to the administrator, who gets one notice for all of them', async () => {
    const { page } = tab;
    const admin = await w.api(w.admin);
    const list = await admin.get<{ items: { id: string }[] }>(`/api/monitoring/submissions?region=KG-C`);
    for (const r of list.body.items) await admin.delete(`/api/monitoring/submissions/${r.id}/lock`);
    await page.goto('/monitoring/review');
    const rows = page.getByTestId('review-row');
    await see(page, rows.nth(2));
    await page.getByTestId('page-select').click();
    await page.getByTestId('bulk-assign').click();
    const dialog = page.getByRole('dialog');
    await see(page, dialog.getByText('3 билдирүүнү текшерүүчүгө тапшыруу'));
    await chooseOption(page, 'bulk-assign-select', `${w.admin.name} · 3 ичинен 3`);
    assert.deepEqual(await axeSerious(page), []);
    assert.deepEqual(await shot(page, 'review-bulk-assign-ky'), []);
    await dialog.getByTestId('bulk-assign-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await see(page, page.getByTestId('bulk-outcome').getByText('3 билдирүү өзгөртүлдү.'));
    await see(page, rows.filter({ hasText: `Жооптуу: ${w.admin.name}` }).nth(2));
    const notices = await admin.get<{ items: { kind: string; params: { count?: number } }[] }>(
      '/api/notifications',
    );
    const many = notices.body.items.filter((n) => n.kind === 'monitoring.assigned_many');
    assert.deepEqual(
      many.map((n) => n.params.count),
      [3],
    );
  });

  it('selects every report the filter matches, beyond the page, and moves them in one go', async () => {
    const { page } = tab;
    const fresh: string[] = [];
    for (let i = 0; i < 50; i++) fresh.push(await sendMore('C1'));
    await page.goto('/monitoring/review');
    const rows = page.getByTestId('review-row');
    await see(page, rows.nth(49));
    await page.getByTestId('page-select').click();
    await see(page, page.getByTestId('bulk-count').getByText('50 билдирүү тандалды'));
    // 53 of the region's reports match, 50 on this page: the bar offers the rest.
    const all = page.getByTestId('bulk-select-matching');
    assert.equal(await all.innerText(), 'Шартка дал келген бардык 53 билдирүүнү тандоо');
    await all.click();
    await see(page, page.getByTestId('bulk-count').getByText('53 билдирүү тандалды'));
    assert.equal(await all.count(), 0, 'nothing more to select');
    assert.deepEqual(await axeSerious(page), []);
    await page.getByTestId('bulk-in_review').click();
    await see(page, page.getByTestId('bulk-outcome'));
    const admin = await w.api(w.admin);
    const states = await Promise.all(
      fresh.map(async (id) => (await admin.get<View>(`/api/monitoring/submissions/${id}`)).body.status),
    );
    assert.deepEqual([...new Set(states)], ['in_review'], 'the 50 on two pages, not only the first');
    const crashes = tab.problems.filter((p) => !/Failed to load resource/.test(p));
    assert.deepEqual(crashes, []);
  });

  it('the chosen mission stays chosen after opening a report and coming back by its link', async () => {
    const { page } = tab;
    await page.goto('/monitoring/review');
    const mission = page.getByTestId('review-mission');
    await mission.click();
    await page.getByRole('option').first().click();
    const chosen = await mission.inputValue();
    assert.notEqual(chosen, '');
    await see(page, page.getByTestId('review-row').first());
    await page
      .getByTestId('review-row')
      .first()
      .locator('a[href*="/monitoring/submissions/"]')
      .first()
      .click();
    await page.waitForURL('**/monitoring/submissions/*');
    await page.locator('main a[href="/monitoring/review"]').first().click();
    await page.waitForURL((u) => u.pathname === '/monitoring/review');
    await see(page, page.getByTestId('review-row').first());
    assert.equal(await mission.inputValue(), chosen);
    // Kept for this browser tab only, and by user: nothing of it in localStorage.
    assert.equal(await page.evaluate(() => JSON.stringify(localStorage).includes('reviewFilters')), false);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await see(page, page.getByTestId('review-row').first());
    assert.equal(await mission.inputValue(), '');
  });

  it('a report arriving while the queue is open is announced, not pushed into the list', async () => {
    const { page } = tab;
    await page.clock.install();
    await page.goto('/monitoring/review');
    const rows = page.getByTestId('review-row');
    await see(page, rows.first());
    const first = await rows.first().innerText();
    const count = page.getByTestId('queue-count-all');
    await see(page, count);
    const total = Number(await count.innerText());
    await sendMore('C1');
    // Naryn is not the coordinator's region: it changes nothing here.
    await sendMore('N1');
    await page.clock.fastForward(31_000);
    await see(page, page.getByTestId('queue-changed').getByText('Бул кезекте 1 жаңы билдирүү бар.'));
    await see(page, count.getByText(String(total + 1), { exact: true }));
    assert.equal(await rows.first().innerText(), first, 'the list did not move under the reviewer');
    assert.deepEqual(await shot(page, 'review-queue-changed-ky'), []);
    await page.getByTestId('queue-changed-show').click();
    await page.getByTestId('queue-changed').waitFor({ state: 'detached' });
    await see(page, page.getByText(`${total + 1} билдирүү`, { exact: true }));
    assert.notEqual(await rows.first().innerText(), first, 'the new report is on top');
  });

  it('a critical report says which answer made it critical', async () => {
    const { page } = tab;
    const id = await sendMore('C1', undefined, { violence: true });
    await page.goto(`/monitoring/submissions/${id}`);
    await see(page, page.getByTestId('answer-violence').getByTestId('answer-critical'));
    assert.equal(await page.getByTestId('answer-critical').count(), 1, 'only the answer that did it');
    assert.match(await page.getByTestId('answer-critical').innerText(), /өтө олуттуу/);
  });

  it('a report from a phone whose clock said 1970 says so where it shows that time', async () => {
    const { page } = tab;
    const id = await sendMore('C1', '1970-01-01T00:05:00.000Z');
    await page.goto(`/monitoring/submissions/${id}`);
    await see(page, page.getByTestId('meta-note').getByText('Телефондун сааты туура эмес'));
    // A report with a believable time has no such note.
    await page.goto(`/monitoring/submissions/${chuy}`);
    await see(page, page.getByTestId('answer-photo'));
    assert.equal(await page.getByTestId('meta-note').count(), 0);
  });

  it('the administrator opens a legal case from a report: its type chosen, restricted unless unticked', async () => {
    const { browser: own, tab: adminTab } = await kyrgyzReviewer(w, w.admin);
    try {
      const { page } = adminTab;
      const id = await sendMore('N1');
      await page.goto(`/monitoring/submissions/${id}`);
      await page.getByTestId('to-case').click();
      await see(page, page.getByRole('dialog').getByText('Ушул билдирүү боюнча юридикалык иш түзүү'));
      // Nothing is made before the lawyer says what kind of case it is.
      assert.equal(await page.getByTestId('case-make').isDisabled(), true);
      assert.equal(await page.getByTestId('case-restricted').isChecked(), true, 'restricted by default');
      assert.deepEqual(await axeSerious(page), []);
      await chooseOption(page, 'case-type', 'Жабырлануучунун кызыкчылыгын коргоо');
      assert.deepEqual(await shot(page, 'case-from-report-ky'), []);
      await page.getByTestId('case-make').click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
      const caseId = /\/cases\/([0-9a-f-]{36})/.exec(page.url())![1]!;
      const api = await w.api(w.admin);
      const made = await api.get<{ type: string; restricted: boolean }>(`/api/cases/${caseId}`);
      assert.deepEqual([made.body.type, made.body.restricted], ['victim_representation', true]);
      const report = await api.get<{ caseId: string | null }>(`/api/monitoring/submissions/${id}`);
      assert.equal(report.body.caseId, caseId);
    } finally {
      await own.close();
    }
  });

  it('a violation record from a report asks first whether only its members see it (yes by default)', async () => {
    const { browser: own, tab: adminTab } = await kyrgyzReviewer(w, w.admin);
    try {
      const { page } = adminTab;
      const id = await sendMore('N1');
      await page.goto(`/monitoring/submissions/${id}`);
      await page.getByTestId('to-violation').click();
      await see(page, page.getByRole('dialog').getByText('Ушул билдирүү боюнча укук бузуу жазуусун түзүү'));
      assert.equal(await page.getByTestId('violation-restricted').isChecked(), true, 'restricted by default');
      assert.deepEqual(await axeSerious(page), []);
      assert.deepEqual(await shot(page, 'violation-from-report-ky'), []);
      // Cancelled: nothing is made.
      await page.getByRole('dialog').getByRole('button', { name: 'Жокко чыгаруу' }).click();
      const api = await w.api(w.admin);
      assert.equal(
        (await api.get<{ violationEventId: string | null }>(`/api/monitoring/submissions/${id}`)).body
          .violationEventId,
        null,
      );
      await page.getByTestId('to-violation').click();
      await page.getByTestId('violation-make').click();
      await page.waitForURL(/\/violations\/[0-9a-f-]{36}/);
      const eventId = /\/violations\/([0-9a-f-]{36})/.exec(page.url())![1]!;
      const made = await api.get<{ restricted: boolean }>(`/api/violations/events/${eventId}`);
      assert.equal(made.body.restricted, true);
    } finally {
      await own.close();
    }
  });
});
