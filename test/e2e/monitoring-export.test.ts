import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { goodAnswers } from '../helpers/monitoring.ts';
import {
  describeBrowser,
  launch,
  login,
  openTab,
  reauth,
  switchLanguage,
  textOf,
  type Tab,
} from './browser.ts';
import { staffWorldRoles, type Account, type RolesWorld } from './legal-setup.ts';
import { activeMission, see, shot, track } from './monitoring-setup.ts';

const SHOTS = '/tmp/shots';

/** Every stored file under `<dataDir>/files`, with its path. */
function filesUnder(dataDir: string): string[] {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/**
 * The export panel of a mission's dashboard (issue #5 item 7) and its staffing figure: a coordinator
 * of the whole mission exports its reports as CSV through the job worker, after re-authentication,
 * sees the progress reach "done" and downloads the file; asking for names goes to four-eyes; a reload
 * shows the last export again; a file the cleanup removed says so. One of three sites has no observer.
 */
await describeBrowser('monitoring: export panel and unstaffed sites on the dashboard', (backend) => {
  let w: RolesWorld;
  let coordinator: Account;
  let browser: Browser;
  let tab: Tab;
  let missionId = '';
  /** Screenshots of each state, checked together at the end (sideways scroll, raw keys). */
  const wrong: string[] = [];

  const photo = async (page: Page, name: string) => {
    wrong.push(...(await shot(page, `export-${name}-${backend}`)));
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/export-${name}-${backend}.png`, fullPage: true });
    // Close-ups a person can read: the panel, and the figures at the top of the dashboard.
    await page
      .getByTestId('export-panel')
      .screenshot({ path: `${SHOTS}/export-${name}-panel-${backend}.png` });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/export-${name}-top-${backend}.png` });
  };

  before(async () => {
    w = await staffWorldRoles(backend, [
      { role: 'coordinator', email: 'cholpon@example.org', name: 'Cholpon Coordinator' },
      { role: 'monitor', email: 'asel@example.org', name: 'Asel Observer' },
    ]);
    const [c, observer] = w.people as [Account, Account];
    coordinator = c;
    // N1 (Naryn) gets no observer: one unstaffed site.
    const mission = await activeMission(w, {
      title: 'Local elections 2026',
      sitesCsv:
        'code,name,region,district,place,lat,lon\nC1,School No. 1,KG-C,,Kant,,\nC2,School No. 2,KG-C,,Tokmok,,\nN1,School No. 3,KG-N,,Naryn,,\n',
      coordinators: [{ who: coordinator, region: null }],
      observers: { C1: [observer], C2: [observer] },
    });
    missionId = mission.missionId;
    const { versionId, site } = mission;
    const ok = (r: { status: number; body: unknown }, what: string, status = 200) =>
      assert.equal(r.status, status, `${what}: ${JSON.stringify(r.body)}`);
    const obs = await w.api(observer);
    for (const code of ['C1', 'C2', 'C1']) {
      const r = await obs.post('/api/monitoring/submissions', {
        clientId: randomUUID(),
        formVersionId: versionId,
        siteId: site(code),
        answers: goodAnswers(),
        submittedAt: new Date().toISOString(),
      });
      ok(r, 'submission', 201);
    }

    browser = await launch();
    tab = track(await openTab(browser, w.server.url, { locale: 'en' }));
    tab.page.setDefaultTimeout(60_000);
    await login(tab.page, coordinator);
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('shows the site without an observer beside expected and received, and in its region’s row', async () => {
    const { page } = tab;
    await page.goto(`/monitoring/missions/${missionId}`);
    // Two checklists from C1 count once: received is sites reporting, the export has all three reports.
    await see(page, page.getByTestId('dash-received').getByText('2', { exact: true }));
    assert.equal(await page.getByTestId('dash-expected').innerText(), '2');
    assert.equal(await page.getByTestId('dash-unstaffed').innerText(), '1');
    await see(page, page.getByText('Sites without an observer'));
    assert.equal(await page.getByTestId('region-row-KG-N').getByTestId('region-unstaffed').innerText(), '1');
    assert.equal(await page.getByTestId('region-row-KG-C').getByTestId('region-unstaffed').innerText(), '0');
  });

  it('the switch for names is off by default; a CSV export runs to done after re-authentication and downloads', async () => {
    const { page } = tab;
    const panel = page.getByTestId('export-panel');
    await see(page, panel);
    const named = panel.getByRole('switch', { name: 'With names and free text' });
    assert.equal(await named.isChecked(), false, 'redacted by default');
    // A coordinator is no administrator: the hint does not say "an administrator other than you".
    await see(page, panel.getByText('An administrator must approve it'));
    assert.equal(await panel.getByTestId('export-job').count(), 0, 'no export yet');
    await photo(page, 'idle-desktop');

    await panel.getByTestId('export-start').click();
    await reauth(page, coordinator);
    // The progress bar polls until the worker has written every row.
    await see(page, panel.getByTestId('export-status-done').getByText('Ready: 3 reports.'));
    await see(page, panel.getByTestId('export-expires').getByText('then deleted'));
    await see(page, panel.getByText('Last export: CSV, codes instead of names'));
    assert.equal(await panel.getByRole('progressbar').getAttribute('aria-valuenow'), '100');
    await photo(page, 'done-desktop');

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('export-download').click(),
    ]);
    assert.match(file.suggestedFilename(), /^ukuk-monitoring-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await textOf(file);
    assert.ok(csv.startsWith('\uFEFF'), 'a BOM so that Excel reads UTF-8');
    const lines = csv.slice(1).trim().split('\r\n');
    assert.equal(lines.length, 4, 'a header row and the three reports');
    assert.match(lines[0]!, /opened/);
    assert.doesNotMatch(csv, /Asel Observer/, 'no observer names in a redacted export');
    await see(page, panel.getByTestId('export-status-done'));
    assert.equal(await page.getByTestId('export-expired').count(), 0);
  });

  it('asking for names sends the request to a second administrator (the four-eyes message)', async () => {
    const { page } = tab;
    const panel = page.getByTestId('export-panel');
    // The switch's input lies over its track and label (Mantine): the click lands on it.
    await panel.getByRole('switch', { name: 'With names and free text' }).click();
    assert.equal(await panel.getByRole('switch', { name: 'With names and free text' }).isChecked(), true);
    await panel.getByTestId('export-start').click();
    // Waiting for approval is news, not a failure: a status, not an alert.
    await see(
      page,
      panel.getByRole('status').getByText('A second administrator must approve an export with names'),
    );
    await see(page, panel.getByRole('status').getByText('Waiting for a second administrator'));
    assert.equal(await panel.getByRole('alert').count(), 0);
    // The last export stays as it was.
    await see(page, panel.getByTestId('export-status-done'));
    await photo(page, 'approval-desktop');
  });

  it('a reload shows the last export again (sessionStorage, never localStorage)', async () => {
    const { page } = tab;
    await page.reload();
    const panel = page.getByTestId('export-panel');
    await see(page, panel.getByTestId('export-status-done').getByText('Ready: 3 reports.'));
    assert.equal(
      await panel.getByRole('switch', { name: 'With names and free text' }).isChecked(),
      false,
      'a reload starts redacted again',
    );
    const stored = await page.evaluate(() => ({
      session: Object.keys(sessionStorage).filter((k) => k.startsWith('ukuk.monExport.')),
      local: Object.keys(localStorage).filter((k) => k.startsWith('ukuk.monExport.')),
    }));
    assert.equal(stored.session.length, 1);
    assert.ok(stored.session[0]!.endsWith(`.${missionId}`));
    assert.deepEqual(stored.local, []);
  });

  it('a form with a repeat group offers one row per entry: a visit’s interviews, each a row', async () => {
    const { page } = tab;
    const admin = await w.api(w.admin);
    const L = (en: string) => ({ en, ru: en, ky: en });
    const form = await admin.post<{ id: string }>('/api/monitoring/forms', {
      definition: {
        title: L('Visit'),
        kind: 'incident',
        sections: [
          {
            key: 'v',
            title: L('Visit'),
            fields: [
              {
                key: 'interviews',
                type: 'repeat',
                label: L('Interviews'),
                fields: [{ key: 'ill_treatment', type: 'boolean', label: L('Ill-treatment') }],
              },
            ],
          },
        ],
      },
    });
    assert.equal(form.status, 201, JSON.stringify(form.body));
    assert.equal((await admin.post(`/api/monitoring/forms/${form.body.id}/publish`)).status, 200);
    const visit = (await admin.get<{ published: { id: string } }>(`/api/monitoring/forms/${form.body.id}`))
      .body.published.id;
    const m = await admin.get<{ forms: { formVersionId: string }[] }>(
      `/api/monitoring/missions/${missionId}`,
    );
    const attach = await admin.put(`/api/monitoring/missions/${missionId}/forms`, {
      formVersionIds: [...m.body.forms.map((f) => f.formVersionId), visit],
    });
    assert.equal(attach.status, 200, JSON.stringify(attach.body));
    const obs = await w.api(w.people[1]!);
    const sites = await admin.get<{ items: { id: string; code: string }[] }>(
      `/api/monitoring/missions/${missionId}/sites`,
    );
    const r = await obs.post('/api/monitoring/submissions', {
      clientId: randomUUID(),
      formVersionId: visit,
      siteId: sites.body.items.find((x) => x.code === 'C1')!.id,
      answers: { interviews: [{ ill_treatment: true }, { ill_treatment: false }] },
      submittedAt: new Date().toISOString(),
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    await page.reload();
    const panel = page.getByTestId('export-panel');
    await panel
      .getByTestId('export-rows')
      .getByRole('radio', { name: 'One per entry of “Interviews” (Visit)' })
      .check();
    await see(page, panel.getByText("the report's other answers are in the export of reports"));
    // GeoJSON has no rows per entry: while it is the format, the choice of rows is not offered.
    await panel.getByTestId('export-format').getByText('GeoJSON').click();
    assert.equal(await panel.getByTestId('export-rows').count(), 0);
    await panel.getByTestId('export-format').getByText('CSV').click();
    await panel.getByTestId('export-start').click();
    await see(page, panel.getByTestId('export-job-entries').getByText('One row per entry of “Interviews”.'));
    await see(
      page,
      panel
        .getByTestId('export-status-done')
        .getByText('Ready: 1 report read, a row for each of its entries.'),
    );
    await photo(page, 'entries-desktop');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('export-download').click(),
    ]);
    assert.match(file.suggestedFilename(), /^ukuk-monitoring-interviews-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await textOf(file)).slice(1).trim().split('\r\n');
    assert.equal(lines.length, 3, 'a header row and the two interviews');
    assert.match(lines[0]!, /,Entry,ill_treatment$/);
    assert.match(lines[1]!, /,1,yes$/);
    assert.match(lines[2]!, /,2,no$/);
  });

  it('a file the cleanup removed is reported as expired, with a way on', async () => {
    const { page } = tab;
    // Only the export's file is stored in this world: remove it as the cleanup would.
    const files = filesUnder(w.server.dataDir);
    assert.ok(files.length >= 1, 'the export file is stored');
    for (const f of files) fs.rmSync(f);
    const panel = page.getByTestId('export-panel');
    await panel.getByTestId('export-download').click();
    await see(page, panel.getByTestId('export-expired').getByText('exports are kept for 7 days'));
    await photo(page, 'expired-desktop');
  });

  it('at 390 px (ky, then ru): the panel’s states without sideways scroll or raw keys', async () => {
    const { page } = tab;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    // After the reload: the language change is saved to the account, and a reload could race it.
    await switchLanguage(page, 'ky');
    const panel = page.getByTestId('export-panel');
    await see(page, panel.getByTestId('export-status-done'));
    await photo(page, 'done-phone-ky');
    // The region table fits: the site without an observer is said under its region's name instead of
    // in a fifth column that pushed Coverage off the screen.
    const naryn = page.getByTestId('region-row-KG-N');
    assert.equal(await naryn.getByTestId('region-unstaffed-note').innerText(), 'Байкоочусу жок: 1');
    assert.equal(await page.getByTestId('region-unstaffed').count(), 0, 'no column on a phone');
    assert.equal(await page.getByTestId('region-row-KG-C').getByTestId('region-unstaffed-note').count(), 0);
    const regions = page.getByRole('region', { name: 'Облустар боюнча күтүлгөнү жана алынганы' });
    assert.ok(await regions.evaluate((e) => e.scrollWidth <= e.clientWidth + 1), 'the table fits');
    await panel.getByTestId('export-download').click();
    await see(page, panel.getByTestId('export-expired'));
    await photo(page, 'expired-phone-ky');
    // A new export replaces the expired one (re-authentication is still fresh).
    await panel.getByTestId('export-start').click();
    await see(page, panel.getByTestId('export-status-done'));
    assert.equal(await panel.getByTestId('export-expired').count(), 0);
    await photo(page, 'new-done-phone-ky');

    // The worker here is too quick to catch "running", and this world cannot make an export fail: the
    // status answer is replaced (the download is not) to see those two states as a person would.
    const fake = (body: object) =>
      page.route('**/api/monitoring/exports/*', (r) =>
        r.fulfill({ json: { format: 'csv', redacted: true, ...body } }),
      );
    await fake({ status: 'running', progress: 0.4, rows: 2, total: 5 });
    await page.reload();
    await see(
      page,
      panel.getByTestId('export-status-running').getByText('5 билдирүүдөн 2 билдирүү экспорттолду'),
    );
    assert.equal(await panel.getByRole('progressbar').getAttribute('aria-valuenow'), '40');
    // While it runs, another cannot take its place, and the panel says why.
    assert.equal(await panel.getByTestId('export-start').isDisabled(), true);
    await see(page, panel.getByTestId('export-wait').getByText(/али жазылып жатат/));
    await photo(page, 'running-phone-ky');
    await page.unrouteAll();
    await fake({ status: 'failed', progress: 0, rows: 0, total: 5 });
    await page.reload();
    await see(page, panel.getByTestId('export-failed'));
    assert.equal(await panel.getByTestId('export-start').isDisabled(), false);
    assert.equal(await panel.getByTestId('export-wait').count(), 0);
    await photo(page, 'failed-phone-ky');
    await page.unrouteAll();

    // Russian, with its plural forms: five reports are «отчётов».
    await page.reload();
    await switchLanguage(page, 'ru');
    await see(page, panel.getByTestId('export-status-done'));
    await photo(page, 'done-phone-ru');
    const ruRegions = page.getByRole('region', { name: 'Ожидается и получено по областям' });
    assert.ok(await ruRegions.evaluate((e) => e.scrollWidth <= e.clientWidth + 1), 'the table fits (ru)');
    await fake({ status: 'running', progress: 0.4, rows: 2, total: 5 });
    await page.reload();
    await see(page, panel.getByTestId('export-status-running').getByText('Выгружено 2 из 5 отчётов'));
    await photo(page, 'running-phone-ru');
    await page.unrouteAll();
    assert.deepEqual(wrong, []);
    const crashes = tab.problems.filter((p) => !/Failed to load resource/.test(p));
    assert.deepEqual(crashes, []);
  });
});
