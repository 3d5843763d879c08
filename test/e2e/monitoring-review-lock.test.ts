import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { describeBrowser, type Tab } from './browser.ts';
import { staffWorldRoles, type Account, type RolesWorld } from './legal-setup.ts';
import { activeMission, kyrgyzReviewer, see, sendChecklist, shot } from './monitoring-setup.ts';

/** useReviewLock's IDLE_MS and a tick past it. */
const AWAY_MS = 5 * 60_000 + 60_000;

/**
 * The review lock follows the reviewer, not the open tab (issue #5 item 4, "locks while someone
 * edits"): a report left open while its reviewer is away is given back to the others, and taken again
 * when they return — or, if someone took it meanwhile, the page says who.
 */
await describeBrowser('monitoring: a review lock left open is given back', (backend) => {
  let w: RolesWorld;
  let browser: Browser;
  let tab: Tab;
  let report = '';

  before(async () => {
    w = await staffWorldRoles(backend, [
      { role: 'coordinator', email: 'cholpon@example.org', name: 'Чолпон Асанова' },
      { role: 'monitor', email: 'asel@example.org', name: 'Асел Байкоочу' },
    ]);
    const [coordinator, observer] = w.people as [Account, Account];
    const mission = await activeMission(w, {
      title: 'Жергиликтүү шайлоо 2026',
      sitesCsv: 'code,name,region,district,place,lat,lon\nC1,Мектеп №1,KG-C,,Кант,,\n',
      coordinators: [{ who: coordinator, region: 'KG-C' }],
      observers: { C1: [observer] },
    });
    report = await sendChecklist(await w.api(observer), mission, 'C1');
    ({ browser, tab } = await kyrgyzReviewer(w, coordinator));
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('an idle reviewer gives the lock back; coming back takes it again or names who has it', async () => {
    const { page } = tab;
    const admin = await w.api(w.admin);
    const path = `/api/monitoring/submissions/${report}`;
    const lockOf = async () => (await admin.get<{ lock: { name: string } | null }>(path)).body.lock;
    const until = async (want: (l: { name: string } | null) => boolean) => {
      for (let i = 0; i < 150 && !want(await lockOf()); i++) await new Promise((r) => setTimeout(r, 100));
      return lockOf();
    };
    await page.clock.install();
    await page.goto(`/monitoring/submissions/${report}`);
    await see(page, page.getByTestId('lock-mine'));
    assert.equal((await lockOf())?.name, 'Чолпон Асанова');

    // Four minutes of reading (Page Down: unlike the mouse wheel, a key press is handled by the page
    // before Playwright goes on) keeps it; then nothing for more than five gives it back.
    await page.clock.fastForward(4 * 60_000);
    await page.keyboard.press('PageDown');
    await page.clock.fastForward(2 * 60_000);
    assert.ok(await lockOf(), 'a reviewer still reading keeps the lock');
    await page.clock.fastForward(AWAY_MS);
    assert.equal(await until((l) => l === null), null, 'the away reviewer gave the lock back');
    await see(page, page.getByTestId('lock-away').getByText(/башка текшерүүчүлөргө кайра ачылды/));
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(400); // the layout's own move to phone width, so the picture is settled
    assert.deepEqual(await shot(page, 'review-lock-away-phone-ky'), []);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Back at the keyboard: the lock is theirs again.
    await page.keyboard.press('Shift');
    await see(page, page.getByTestId('lock-mine'));
    assert.equal((await until((l) => l !== null))?.name, 'Чолпон Асанова');

    // Away again, and meanwhile the administrator opens the report: coming back names them.
    await page.clock.fastForward(AWAY_MS);
    assert.equal(await until((l) => l === null), null);
    assert.equal((await admin.post(`${path}/lock`, {})).status, 200);
    await page.mouse.click(5, 300);
    await see(page, page.getByTestId('lock-banner'));
    assert.match(await page.getByTestId('lock-banner').innerText(), /өзгөртүп жатат/);
    assert.notEqual((await lockOf())?.name, 'Чолпон Асанова', 'coming back does not take it from them');
    // Meanwhile a comment to the lock's holder goes through: it changes nothing they are editing.
    await page.getByTestId('comment-body').fill('Бул боюнча укук бузуу жазуусун түзүп коюңузчу');
    await page.getByTestId('comment-submit').click();
    await see(page, page.getByTestId('comment').getByText('Бул боюнча укук бузуу жазуусун түзүп коюңузчу'));
    assert.ok(await lockOf(), 'the lock stays with the administrator');
    assert.equal((await admin.delete(`${path}/lock`)).status, 200);
  });
});
