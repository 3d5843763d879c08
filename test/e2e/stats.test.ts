import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  describeBrowser,
  hasHorizontalScroll,
  launch,
  login,
  openTab,
  realProblems,
  type Tab,
} from './browser.ts';
import { legalWorld, type LegalWorld } from './legal-setup.ts';

const thisYear = Number(
  new Intl.DateTimeFormat('en', { timeZone: 'Asia/Bishkek', year: 'numeric' }).format(new Date()),
);

await describeBrowser('legal-aid statistics', (backend) => {
  let world: LegalWorld;
  let browser: Browser;
  let tab: Tab;

  before(async () => {
    world = await legalWorld(backend);
    // Through the real API: one woman is the client in two cases, a man is a witness only.
    const api = await world.api(world.lawyers[0]);
    const person = async (body: Record<string, unknown>) => {
      const r = await api.post<{ id: string }>('/api/people', body);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    };
    const client = await person({ names: [{ full: 'Айгүл Исмаилова' }], sex: 'female', region: 'KG-C' });
    const witness = await person({ names: [{ full: 'Бакыт Осмонов' }], sex: 'male', region: 'KG-O' });
    for (const [type, title] of [
      ['victim_representation', 'Bride kidnapping complaint'],
      ['civil', 'Alimony claim'],
    ]) {
      const r = await api.post('/api/cases', {
        type,
        title,
        region: 'KG-C',
        people: [
          { personId: client, role: 'client' },
          { personId: witness, role: 'witness' },
        ],
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
    browser = await launch();
    tab = await openTab(browser, world.server.url, { locale: 'en' });
    await login(tab.page, world.lawyers[0]);
  });
  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('counts a person with two cases once, and shows the breakdowns with numbers', async () => {
    const { page } = tab;
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Statistics', exact: true })
      .click();
    await page.waitForURL('**/stats');
    await page.getByTestId('stats-people').waitFor();
    assert.equal(await page.getByTestId('stats-people-value').innerText(), '1');
    assert.equal(await page.getByTestId('stats-cases-value').innerText(), '2');
    assert.equal(await page.getByTestId('stats-opened-value').innerText(), '2');
    assert.match(await page.getByTestId('stats-people').innerText(), /person assisted \(unduplicated\)/);
    // The server's definition of what was counted is shown with the figure.
    const definitions = await (
      await world.api(world.lawyers[0])
    ).get<{ definitions: { people: string } }>(`/api/cases/stats?year=${thisYear}`);
    assert.ok(definitions.body.definitions.people.length > 0);
    const shown = (await page.getByTestId('stats-people').innerText()).replace(/\s+/g, ' ');
    assert.ok(shown.includes(definitions.body.definitions.people.replace(/\s+/g, ' ')), shown);
    // By case type: the one person under each type, numbers written out next to the bars.
    const byType = page.getByTestId('stats-by-type');
    const rows = await byType
      .getByTestId('bar-row')
      .evaluateAll((els) =>
        els.map(
          (e) => `${e.getAttribute('data-value')}=${e.querySelector('[data-testid=bar-value]')?.textContent}`,
        ),
      );
    assert.deepEqual(rows.sort(), ['civil=1', 'victim_representation=1']);
    const chuy = page.getByTestId('stats-by-region').locator('[data-testid=bar-row][data-value=KG-C]');
    assert.equal((await chuy.innerText()).replace(/\s+/g, ' ').trim(), 'Chuy 1');
    // The export and report links download with the session, like any page.
    for (const [id, type] of [
      ['stats-csv', /text\/csv/],
      ['stats-xlsx', /spreadsheetml/],
      ['stats-pdf', /application\/pdf/],
    ] as const) {
      const href = await page.getByTestId(id).getAttribute('href');
      const res = await page.request.get(href ?? '');
      assert.equal(res.status(), 200, `${id}: ${href}`);
      assert.match(res.headers()['content-type'] ?? '', type, id);
    }
    assert.deepEqual(realProblems(tab.problems), []);
  });

  it('a year without legal aid shows a friendly empty state; the phone layout fits', async () => {
    const { page } = tab;
    await page.goto(`/stats?year=${thisYear - 20}`);
    await page.getByTestId('stats-empty').waitFor();
    assert.equal(await page.getByTestId('stats-csv').count(), 0);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/stats');
    await page.getByTestId('stats-people').waitFor();
    assert.equal(await hasHorizontalScroll(page), false);
  });
});
