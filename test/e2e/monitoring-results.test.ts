import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { goodAnswers, INCIDENT } from '../helpers/monitoring.ts';
import { axeSerious, describeBrowser, launch, login, openTab, switchLanguage, type Tab } from './browser.ts';
import { staffWorldRoles, type RolesWorld } from './legal-setup.ts';
import { activeMission, see, shot, track } from './monitoring-setup.ts';

/** How the page writes a withheld count. */
const WITHHELD = '—';

const TITLE = 'Бишкек шаардык кеңешинин шайлоосу 2026';

/**
 * The public results page (issue #5 item 5, "a public anonymous version for publishing"): an
 * administrator publishes a mission's totals in the settings and gets the link; anyone opens it with
 * no account and sees totals only (small counts withheld, no staffing); an unpublished mission's
 * link says so and shows nothing.
 */
await describeBrowser('monitoring: the public results page', (backend) => {
  let w: RolesWorld;
  let browser: Browser;
  let admin: Tab;
  let anon: Tab;
  let missionId = '';
  let link = '';

  before(async () => {
    w = await staffWorldRoles(backend, [
      { role: 'monitor', email: 'aibek@example.org', name: 'Айбек Байкоочу' },
    ]);
    const [observer] = w.people;
    // Chuy: C1 and C2 staffed, C3 not; Naryn: N1 staffed. Five checklists come from C1 only.
    const m = await activeMission(w, {
      title: TITLE,
      sitesCsv:
        'code,name,region,district,place,lat,lon\n' +
        'C1,Мектеп №1,KG-C,,Кант,,\nC2,Мектеп №2,KG-C,,Кант,,\nC3,Мектеп №5,KG-C,,Токмок,,\nN1,Мектеп №3,KG-N,,Нарын,,\n',
      coordinators: [],
      observers: { C1: [observer!], C2: [observer!], N1: [observer!] },
    });
    missionId = m.missionId;
    const obs = await w.api(observer!);
    for (let i = 0; i < 5; i++) {
      const r = await obs.post('/api/monitoring/submissions', {
        clientId: randomUUID(),
        formVersionId: m.versionId,
        siteId: m.site('C1'),
        answers: goodAnswers(),
        submittedAt: new Date().toISOString(),
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
    // Two incidents within the hour: a small count, withheld on the public chart.
    const form = await m.admin.post<{ id: string }>('/api/monitoring/forms', { definition: INCIDENT });
    assert.equal(form.status, 201, JSON.stringify(form.body));
    assert.equal((await m.admin.post(`/api/monitoring/forms/${form.body.id}/publish`)).status, 200);
    const incident = (
      await m.admin.get<{ published: { id: string } }>(`/api/monitoring/forms/${form.body.id}`)
    ).body.published.id;
    const attach = await m.admin.put(`/api/monitoring/missions/${missionId}/forms`, {
      formVersionIds: [m.versionId, incident],
    });
    assert.equal(attach.status, 200, JSON.stringify(attach.body));
    for (let i = 0; i < 2; i++) {
      const r = await obs.post('/api/monitoring/submissions', {
        clientId: randomUUID(),
        formVersionId: incident,
        siteId: m.site('N1'),
        answers: { what: 'Байкоочуну участокко киргизишкен жок.', severity: 'low' },
        submittedAt: new Date().toISOString(),
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
    browser = await launch();
    admin = track(await openTab(browser, w.server.url, { locale: 'ky' }));
    anon = track(await openTab(browser, w.server.url, { locale: 'ky' }));
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('before it is published, the link says so and shows no figure', async () => {
    const { page } = anon;
    await page.goto(`/results/${missionId}`);
    await see(
      page,
      page.getByTestId('results-missing').getByText('Бул жыйынтыктар жарыяланган эмес.', { exact: false }),
    );
    assert.equal(await page.getByTestId('dash-received').count(), 0);
    // An address that is no mission at all reads the same: nothing tells the two apart.
    await page.goto(`/results/${randomUUID()}`);
    await see(page, page.getByTestId('results-missing'));
  });

  it('an administrator publishes the totals and gets the link', async () => {
    const { page } = admin;
    await login(page, w.admin);
    await switchLanguage(page, 'ky');
    await page.goto(`/monitoring/missions/${missionId}`);
    await page.getByTestId('mission-tab-settings').click();
    assert.equal(await page.getByTestId('mission-public-link').count(), 0, 'no link while unpublished');
    // Active with a start date still ahead: allowed, and said under the status, with the date.
    const starts = page.getByTestId('mission-starts-on');
    const startsOn = await starts.inputValue();
    assert.equal(await page.getByTestId('mission-status-dates').count(), 0);
    await starts.fill('2099-05-01');
    await see(page, page.getByTestId('mission-status-dates').getByText(/^Башталыш күнү — .*2099/));
    await starts.fill(startsOn);
    await page.getByTestId('mission-status-dates').waitFor({ state: 'detached' });
    await page.getByTestId('mission-public').check();
    await page.getByTestId('mission-settings-save').click();
    const a = page.getByTestId('mission-public-link');
    await see(page, a);
    link = (await a.getAttribute('href')) ?? '';
    assert.equal(link, `/results/${missionId}`);
    // The "public" mark beside the title leads there too, here and in the list of missions.
    const badge = page.getByTestId('mission-public-badge');
    await see(page, badge);
    assert.equal(await badge.getAttribute('href'), link);
    await page.goto('/monitoring');
    assert.equal(await page.getByTestId('mission-public-badge').first().getAttribute('href'), link);
  });

  it('a refresh that fails keeps the last figures on the dashboard, marked as old', async () => {
    const { page } = admin;
    await page.goto(`/monitoring/missions/${missionId}`);
    await see(page, page.getByTestId('dash-received'));
    await page.route('**/api/monitoring/missions/*/summary', (r) => r.fulfill({ status: 503, body: '{}' }));
    try {
      // The next 30-second refresh fails: the figures stay, and the line above them says how old they are.
      const stale = page.getByTestId('summary-stale');
      await stale.waitFor({ timeout: 45_000 });
      assert.match(await stale.innerText(), /Жаңылоо болбой калды/);
      await see(page, page.getByTestId('dash-received'));
      await see(page, page.getByTestId('export-panel'));
    } finally {
      await page.unroute('**/api/monitoring/missions/*/summary');
    }
  });

  it('the dashboard counts what the incident reports say, apart from the checklists', async () => {
    const { page } = admin;
    await page.goto(`/monitoring/missions/${missionId}`);
    const incidents = page.getByTestId('dash-incident-answers');
    await see(page, incidents.getByRole('heading', { name: 'Окуялар тууралуу билдирүүлөр эмне дейт' }));
    // Both incidents said "low": counted once each, as their observer answered.
    const card = incidents.locator('.mantine-Card-root').filter({ hasText: 'Олуттуулугу' });
    await see(page, card.getByText('2 жооп'));
    await see(page, card.getByText('2 · 100 %'));
    await incidents.scrollIntoViewIfNeeded();
    assert.deepEqual(await shot(page, 'dashboard-incident-answers-ky'), []);
  });

  it('anyone sees totals only: coverage, regions and answers, never staffing or a site', async () => {
    const { page } = anon;
    await page.goto(link);
    await see(page, page.getByRole('heading', { level: 1, name: TITLE }));
    // Expected: the three staffed sites; received: one site (five checklists, one station). Both are
    // small counts, withheld, and so is the share they would give.
    for (const id of ['dash-expected', 'dash-received', 'dash-coverage'])
      await see(page, page.getByTestId(id).getByText(WITHHELD, { exact: true }));
    // Every region is a row, those nobody was sent to (Batken) as well as those with sites.
    for (const code of ['KG-C', 'KG-N', 'KG-B']) await see(page, page.getByTestId(`region-row-${code}`));
    // The totals count reports nobody has verified yet, and the page says so.
    await see(page, page.getByTestId('results-unverified').getByText(/текшере элек/));
    // While the mission runs, a reader who saw something is shown the anonymous report form.
    assert.equal(await page.getByTestId('results-report-link').getAttribute('href'), '/report');
    // Where nobody watches stays internal, and so do the stations and the people.
    assert.equal(await page.getByTestId('dash-unstaffed').count(), 0);
    const text = await page.locator('main').innerText();
    for (const hidden of ['Мектеп', 'Айбек', 'Байкоочусу жок'])
      assert.equal(text.includes(hidden), false, `the page shows "${hidden}"`);
    // Five answers are shown. The two incidents are withheld: their hour is a hatched column that the
    // legend says is no count, not an empty chart.
    await see(page, page.getByText('5 · 100 %').first());
    // The map's circles (Bishkek and Osh, too small to see as areas) are in its legend.
    await see(page, page.getByTestId('map-marker-legend').getByText(/Бишкек жана Ош/));
    await see(page, page.getByTestId('over-time-withheld').getByText(/Штрихтелген/));
    const column = page.getByTestId('over-time-columns').locator('div').first();
    assert.match(
      await column.evaluate((e) => getComputedStyle(e).backgroundImage),
      /repeating-linear-gradient/,
    );
    assert.ok(
      ((await column.boundingBox())?.height ?? 0) > 20,
      'the withheld hour is drawn, not a flat line',
    );
    assert.deepEqual(await axeSerious(page), []);
    await page.setViewportSize({ width: 375, height: 800 });
    assert.deepEqual(await shot(page, 'results-phone-ky'), []);
    // The regions table fits the phone: no sideways scrolling to find the coverage column.
    const regions = page.getByRole('region', { name: 'Облустар боюнча күтүлгөнү жана алынганы' });
    assert.ok(await regions.evaluate((e) => e.scrollWidth <= e.clientWidth + 1), 'the regions table scrolls');
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.deepEqual(await shot(page, 'results-desktop-ky'), []);
  });

  it('the figures may count verified reports only: the dashboard shows them first, the page says so', async () => {
    const { page } = admin;
    await page.goto(`/monitoring/missions/${missionId}`);
    await see(page, page.getByTestId('dash-received'));
    // Nothing is verified yet: the incidents count 0, the checklists received still count.
    await page.getByTestId('dashboard-counts').getByText('Тастыкталгандар гана').click();
    await see(page, page.getByTestId('dashboard-counts-note').getByText(/Тастыкталган жана жарыяланган/));
    await see(page, page.getByTestId('dash-incidents').getByText('0', { exact: true }));
    // Nothing verified yet: said in one line each, not as empty charts a reader takes for "no problems".
    await see(page, page.getByText('Азырынча тастыкталган окуя жок.'));
    await see(page, page.getByTestId('no-verified-answers').first());
    assert.deepEqual(await shot(page, 'dashboard-verified-ky'), []);
    await page.getByTestId('mission-tab-settings').click();
    await page.getByTestId('mission-public-counts').getByText('Тастыкталган билдирүүлөр гана').click();
    await see(page, page.getByText(/координатор тастыктаган же жарыялаган/));
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().endsWith(`/api/monitoring/missions/${missionId}`),
    );
    await page.getByTestId('mission-settings-save').click();
    assert.equal((await saved).status(), 200);
    const api = await w.api(w.admin);
    const m = await api.get<{ publicCounts: string }>(`/api/monitoring/missions/${missionId}`);
    assert.equal(m.body.publicCounts, 'verified');
    await anon.page.goto(link);
    await see(anon.page, anon.page.getByTestId('results-verified-only').getByText(/уюм тастыктаган/));
    assert.equal(await anon.page.getByTestId('results-unverified').count(), 0);
    assert.deepEqual(await shot(anon.page, 'results-verified-ky'), []);
  });

  it('in Russian too, and unpublishing takes the page down at once', async () => {
    const { page } = anon;
    await switchLanguage(page, 'ru');
    await see(page, page.getByText('Только итоги', { exact: false }));
    const api = await w.api(w.admin);
    const r = await api.patch(`/api/monitoring/missions/${missionId}`, { public: false });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    await page.reload();
    await see(
      page,
      page.getByTestId('results-missing').getByText('Эти результаты не опубликованы.', { exact: false }),
    );
    assert.equal(await page.getByTestId('dash-received').count(), 0);
  });

  it('an incident whose phone said 1970 is not charted; the note opens it in the review (ru)', async () => {
    const api = await w.api(w.people[0]!);
    const mission = await w.api(w.admin);
    const forms = await mission.get<{ forms: { formVersionId: string; kind: string }[] }>(
      `/api/monitoring/missions/${missionId}`,
    );
    const incident = forms.body.forms.find((f) => f.kind === 'incident')!.formVersionId;
    const sites = await mission.get<{ items: { id: string; code: string }[] }>(
      `/api/monitoring/missions/${missionId}/sites`,
    );
    const r = await api.post<{ id: string }>('/api/monitoring/submissions', {
      clientId: randomUUID(),
      formVersionId: incident,
      siteId: sites.body.items.find((x) => x.code === 'N1')!.id,
      answers: { what: 'Телефондун сааты 1970-жылды көрсөтөт.', severity: 'low' },
      submittedAt: '1970-01-01T00:00:05.000Z',
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const tab = track(await openTab(browser, w.server.url, { locale: 'ru' }));
    const { page } = tab;
    await login(page, w.admin);
    await switchLanguage(page, 'ru');
    await page.goto(`/monitoring/missions/${missionId}`);
    // The mission publishes verified figures, which the dashboard opens on: nothing verified is outside.
    await page.getByTestId('dashboard-counts').getByText('Все', { exact: true }).click();
    const note = page.getByTestId('over-time-outside');
    await see(page, note.getByText(/1 инцидент не показан на графике/));
    await note.scrollIntoViewIfNeeded();
    assert.deepEqual(await shot(page, 'dashboard-outside-ru'), []);
    await note.getByTestId('over-time-outside-link').click();
    await see(
      page,
      page.getByTestId('review-clock-filter').getByText(/часы телефона указали время вне миссии/),
    );
    // Exactly that report: the two incidents sent on time and the checklists are not listed.
    await see(page, page.getByText('1 отчёт', { exact: true }));
    assert.equal(await page.getByTestId('review-row').count(), 1);
    // The row says what the phone said, in orange: the time it arrived alone would hide the reason.
    await see(page, page.getByTestId('row-phone-time').getByText(/Время на телефоне: .*1970/));
    assert.deepEqual(await shot(page, 'review-clock-ru'), []);
    await page.getByTestId('review-clock-clear').click();
    await page.getByTestId('review-clock-filter').waitFor({ state: 'detached' });
    // Every report of the mission again: five checklists and three incidents.
    await see(page, page.getByText('8 отчётов', { exact: true }));
    await tab.context.close();
  });
});
