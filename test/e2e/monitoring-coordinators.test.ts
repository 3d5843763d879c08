import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  chooseOption,
  describeBrowser,
  launch,
  login,
  openTab,
  reauth,
  switchLanguage,
  type Tab,
} from './browser.ts';
import { staffWorldRoles, type Account, type RolesWorld } from './legal-setup.ts';
import { activeMission, see, shot, track } from './monitoring-setup.ts';

type Mission = { coordinators: { userId: string; region: string | null }[] };

/**
 * Appointing a region coordinator in Chromium, in Kyrgyz (issue #5 item 2): it decides who reads a
 * region's reports, so saving asks for the password and a 2FA code again (SECURITY.md, role changes).
 * Cancelling that question saves nothing; answering it saves the list, and the coordinator then has
 * the mission in their list.
 */
await describeBrowser('monitoring: appointing coordinators', (backend) => {
  let w: RolesWorld;
  let coordinator: Account;
  let browser: Browser;
  let tab: Tab;
  let missionId = '';
  const wrong: string[] = [];

  const saved = async () => {
    const admin = await w.api(w.admin);
    return (await admin.get<Mission>(`/api/monitoring/missions/${missionId}`)).body.coordinators.map((c) => ({
      userId: c.userId,
      region: c.region,
    }));
  };
  const seenBy = async (who: Account) => {
    const api = await w.api(who);
    const r = await api.get<{ items: { id: string }[] }>('/api/monitoring/missions');
    return r.body.items.some((m) => m.id === missionId);
  };

  before(async () => {
    w = await staffWorldRoles(backend, [
      { role: 'coordinator', email: 'cholpon@example.org', name: 'Чолпон Асанова' },
    ]);
    coordinator = w.people[0]!;
    ({ missionId } = await activeMission(w, {
      title: 'Жергиликтүү шайлоо 2026',
      sitesCsv: 'code,name,region,district,place,lat,lon\nC1,№1 мектеп,KG-C,,Кант,,\n',
      coordinators: [],
      observers: {},
    }));
    browser = await launch();
    tab = track(await openTab(browser, w.server.url, { locale: 'ky' }));
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
    assert.deepEqual(wrong, []);
  });

  it('saving a region coordinator asks for the code again; cancelled, nothing is saved', async () => {
    const { page } = tab;
    await login(page, w.admin);
    await switchLanguage(page, 'ky');
    await page.goto(`/monitoring/missions/${missionId}`);
    await page.getByTestId('mission-tab-coordinators').click();
    await page.getByTestId('coordinators-add').click();
    await chooseOption(page, 'coordinator-person-0', 'Чолпон Асанова');
    await chooseOption(page, 'coordinator-region-0', 'Чүй облусу');
    assert.equal(await seenBy(coordinator), false, 'not theirs before');

    await page.getByTestId('coordinators-save').click();
    const dialog = page.getByRole('dialog').filter({ has: page.locator('input[name=reauthPassword]') });
    await see(page, dialog);
    wrong.push(...(await shot(page, `coordinators-reauth-ky-${backend}`)));
    await dialog.getByRole('button', { name: 'Жокко чыгаруу' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(await saved(), [], 'cancelled: nobody appointed');
    assert.equal(await page.getByRole('status').filter({ hasText: 'Сакталды.' }).count(), 0);
    assert.equal(await page.getByRole('alert').count(), 0, 'a cancel is not an error');
  });

  it('answered, the list is saved and the coordinator has the mission', async () => {
    const { page } = tab;
    // The rows are still as chosen: saving again asks again, and this time it is answered.
    await page.getByTestId('coordinators-save').click();
    await reauth(page, w.admin);
    await see(page, page.getByRole('status').filter({ hasText: 'Сакталды.' }));
    const admin = await w.api(w.admin);
    const cholpon = (
      await admin.get<{ items: { id: string; email: string }[] }>('/api/users')
    ).body.items.find((u) => u.email === coordinator.email)!;
    assert.deepEqual(await saved(), [{ userId: cholpon.id, region: 'KG-C' }]);
    assert.equal(await seenBy(coordinator), true);
    wrong.push(...(await shot(page, `coordinators-saved-ky-${backend}`)));
  });
});
