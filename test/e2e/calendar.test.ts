import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server.ts';
import {
  axeSerious,
  completeSetup,
  describeBrowser,
  hasHorizontalScroll,
  launch,
  login,
  openTab,
  realProblems,
  type Admin,
  type Tab,
} from './browser.ts';

const SHOTS = process.env.UKUK_SHOTS ?? os.tmpdir();
const TITLE_MARK = 'Browser title marker 5T';

/** A JSON API call from inside the page, with the page's session and CSRF token (as the app does). */
async function apiCall<T>(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const csrf = ((await (await fetch('/api/auth/csrf')).json()) as { token: string }).token;
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as T };
    },
    { method, url, body },
  );
}

/** Tomorrow in Bishkek (the form's default day for a new hearing). */
function bishkekDay(offsetDays: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bishkek' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}

await describeBrowser('calendar', (backend) => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Admin;
  let tab: Tab;
  let caseId = '';
  let caseNumber = '';
  const day = bishkekDay(1);

  before(async () => {
    server = await startServer({ backend });
    browser = await launch();
    tab = await openTab(browser, server.url, { locale: 'en' });
    admin = await completeSetup(tab);
    const r = await apiCall<{ id: string }>(tab.page, 'POST', '/api/cases', {
      type: 'criminal_defence',
      title: TITLE_MARK,
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    caseId = r.body.id;
    caseNumber = (await apiCall<{ number: string }>(tab.page, 'GET', `/api/cases/${caseId}`)).body.number;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a hearing from the case page and is warned about a clash', async () => {
    const { page } = tab;
    // Another hearing of the same lawyer at 10:30 the same day, added through the API.
    const other = await apiCall(page, 'POST', `/api/cases/${caseId}/hearings`, {
      kind: 'hearing',
      startsAt: `${day}T10:30:00+06:00`,
      endsAt: `${day}T11:30:00+06:00`,
      court: 'Pervomaisky District Court',
    });
    assert.equal(other.status, 201);
    await page.goto(`/cases/${caseId}?tab=hearings`);
    await page.getByTestId('hearing-add').click();
    const form = page.getByTestId('hearing-form');
    await form.locator('input[name=hearingDate]').fill(day);
    await form.locator('input[name=hearingStart]').fill('10:00');
    await form.locator('input[name=hearingEnd]').fill('11:00');
    await form.locator('input[name=hearingCourt]').fill('Bishkek City Court');
    await form.locator('input[name=hearingRoom]').fill('12');
    await form.locator('textarea[name=hearingNote]').fill('Bring the expert opinion');
    await page.screenshot({ path: path.join(SHOTS, `ukuk-calendar-form-${backend}.png`) });
    await page.getByTestId('hearing-save').click();
    await page.getByTestId('hearing-conflict').waitFor();
    await page.getByTestId('hearing-row').nth(1).waitFor();
    const rows = await page.getByTestId('hearing-row').allInnerTexts();
    assert.ok(
      rows.some((r) => r.includes('Bishkek City Court') && r.includes('10:00–11:00')),
      rows.join('\n'),
    );
    assert.ok(rows.some((r) => r.includes('Bring the expert opinion')));
    assert.equal(await page.getByTestId('conflict-badge').count(), 2);
    await page.screenshot({
      path: path.join(SHOTS, `ukuk-calendar-case-tab-${backend}.png`),
      fullPage: true,
    });
  });

  it('shows the hearing in the week view, in Bishkek time, with the clash highlighted', async () => {
    const { page } = tab;
    await page.goto(`/calendar?view=week&date=${day}`);
    const week = page.getByTestId('calendar-week');
    await week.waitFor();
    const cell = week.locator(`[data-day="${day}"]`);
    const events = cell.getByTestId('calendar-event');
    await events.nth(1).waitFor();
    const texts = await events.allInnerTexts();
    assert.ok(
      texts.some(
        (t) => t.includes('10:00–11:00') && t.includes(caseNumber) && t.includes('Bishkek City Court'),
      ),
    );
    assert.equal(await cell.locator('[data-conflict=true]').count(), 2);
    await page.getByTestId('calendar-conflicts').waitFor();
    assert.ok(!(await page.content()).includes(TITLE_MARK), 'the calendar shows no case title');
    // Scanned in a second tab of the same session, so this one stays where it is.
    const scan = await openTab(browser, server.url, { locale: 'en' });
    await scan.context.addCookies(await tab.context.cookies());
    await scan.page.goto(`/calendar?view=week&date=${day}`);
    await scan.page.getByTestId('calendar-week').getByTestId('calendar-event').first().waitFor();
    assert.deepEqual(await axeSerious(scan.page), []);
    await scan.context.close();
    await page.screenshot({ path: path.join(SHOTS, `ukuk-calendar-week-${backend}.png`), fullPage: true });
    // The event links to its case.
    await cell
      .getByRole('link', { name: new RegExp(caseNumber) })
      .first()
      .click();
    await page.waitForURL(`**/cases/${caseId}**`);
  });

  it('month view, day view, Kyrgyz dates and the feed link card', async () => {
    const { page } = tab;
    await page.goto(`/calendar?view=month&date=${day}`);
    const chip = page
      .getByTestId('calendar-month')
      .locator(`[data-day="${day}"] [data-testid=calendar-event]`)
      .first();
    await chip.waitFor();
    // Every case number starts "LA-<year>-": a chip shows the sequence that tells them apart (with
    // the year only when it is not the month's), uncut; its name keeps the whole number.
    const seq = caseNumber.split('-').pop()!;
    const chipText = (await chip.innerText()).trim();
    assert.match(chipText, new RegExp(`^\\d\\d:\\d\\d (\\d{4}-)?${seq}$`), `month chip: ${chipText}`);
    assert.ok(
      await chip.evaluate((e) => e.scrollWidth <= e.clientWidth),
      `the month chip is cut: ${chipText}`,
    );
    assert.ok(
      (await chip.getAttribute('aria-label'))?.includes(caseNumber),
      'the chip’s name has the number',
    );
    await page.screenshot({ path: path.join(SHOTS, `ukuk-calendar-month-${backend}.png`), fullPage: true });
    await page.goto(`/calendar?view=day&date=${day}`);
    await page.getByTestId('calendar-agenda').waitFor();
    await page.getByTestId('feed-create').click();
    const url = await page.getByTestId('feed-url').inputValue();
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/feed\/[\w-]{43}$/);
    const ics = await (await fetch(url)).text();
    assert.ok(ics.includes(caseNumber) && !ics.includes(TITLE_MARK) && !ics.includes('expert opinion'));
    // Kyrgyz: month names from the FormatJS data (Debian Chromium has no Kyrgyz ICU data).
    await apiCall(page, 'PATCH', '/api/me', { locale: 'ky' });
    await page.goto(`/calendar?view=month&date=${day}`);
    const title = await page.getByTestId('calendar-range-title').innerText();
    assert.match(title, /[а-яөүң]/i, `Kyrgyz month title: ${title}`);
    await page.screenshot({
      path: path.join(SHOTS, `ukuk-calendar-month-ky-${backend}.png`),
      fullPage: true,
    });
    await apiCall(page, 'PATCH', '/api/me', { locale: 'en' });
    assert.deepEqual(realProblems(tab.problems), []);
  });

  it('a reminder reaches the bell: a hearing one hour from now reminds within seconds', async () => {
    const { page } = tab;
    const startsAt = new Date(Date.now() + 3_600_000 + 2000).toISOString();
    const r = await apiCall(page, 'POST', `/api/cases/${caseId}/hearings`, { kind: 'deadline', startsAt });
    assert.equal(r.status, 201);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const n = await apiCall<{ unread: number }>(page, 'GET', '/api/notifications');
      if (n.body.unread > 0) break;
      if (Date.now() > deadline) throw new Error('no reminder within 30 s');
      await new Promise((res) => setTimeout(res, 500));
    }
    await page.goto('/calendar');
    await page.getByTestId('notifications-bell').click();
    const item = page.getByTestId('notification').first();
    await item.waitFor();
    assert.match(await item.innerText(), new RegExp(`In one hour: Deadline, case ${caseNumber}`));
    await page.screenshot({ path: path.join(SHOTS, `ukuk-calendar-bell-${backend}.png`) });
    await page.getByTestId('notifications-read-all').click();
    await page.keyboard.press('Escape');
  });

  it('on a 375 px phone the calendar is a list, without horizontal scrolling', async () => {
    const phone = await openTab(browser, server.url, { locale: 'ru', width: 375 });
    const { page } = phone;
    await login(page, admin);
    await page.goto(`/calendar?view=week&date=${day}`);
    await page.getByTestId('calendar-agenda').getByTestId('calendar-event').first().waitFor();
    assert.equal(await page.getByTestId('calendar-week').count(), 0);
    assert.equal(await hasHorizontalScroll(page), false);
    await page.screenshot({ path: path.join(SHOTS, `ukuk-calendar-375-${backend}.png`), fullPage: true });
    await page.goto(`/cases/${caseId}?tab=hearings`);
    await page.getByTestId('hearing-row').first().waitFor();
    assert.equal(await hasHorizontalScroll(page), false);
    await page.screenshot({
      path: path.join(SHOTS, `ukuk-calendar-375-case-${backend}.png`),
      fullPage: true,
    });
    assert.deepEqual(realProblems(phone.problems), []);
    await phone.context.close();
  });
});
