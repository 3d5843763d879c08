import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  axeSerious,
  describeBrowser,
  hasHorizontalScroll,
  launch,
  login,
  openTab,
  settle,
  switchLanguage,
  type Tab,
} from './browser.ts';
import { fieldLogin, fieldWorld, phoneStore, type World } from './field-world.ts';

type Msg = { id: string; read: number; recipients: number; withdrawnAt: string | null };

const TEXT = 'Голосование продлено до 21:00.\nОтправьте чек-лист подсчёта до 22:00.';

async function look(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.screenshot({ path: `/tmp/messages-${name}.png`, fullPage: true });
  assert.equal(await hasHorizontalScroll(page), false, `${name} scrolls sideways`);
  assert.deepEqual(await axeSerious(page), [], `${name}: accessibility`);
}

/**
 * Messages from coordinators to observers (ADR 0033), as both use them: the administrator writes in
 * Russian in the office app; the observer's phone, in Kyrgyz at 375 px, shows it on the home screen;
 * "Got it" tapped with no connection counts as read once the phone is back online; a withdrawn message
 * leaves the phone at its next update.
 */
await describeBrowser('field app: messages from coordinators', (backend) => {
  let w: World;
  let browser: Browser;
  let office: Tab;
  let phone: Tab;

  const messages = async () =>
    (await w.admin$.get<{ items: Msg[] }>(`/api/monitoring/missions/${w.missionId}/messages`)).body.items;

  before(async () => {
    w = await fieldWorld(backend, 'coordinator');
    // Bakyt coordinates Naryn only, where nobody observes yet.
    const people = await w.admin$.get<{ items: { id: string; name: string }[] }>(
      '/api/monitoring/coordinators',
    );
    const bakyt = people.body.items.find((p) => p.name === 'Bakyt Observer')!;
    await w.admin$.reauthed(w.admin.password, w.admin.secret);
    const c = await w.admin$.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
      coordinators: [{ userId: bakyt.id, region: 'KG-N' }],
    });
    assert.equal(c.status, 200, JSON.stringify(c.body));
    browser = await launch();
    office = await openTab(browser, w.server.url, { locale: 'ru' });
    phone = await openTab(browser, w.server.url, { locale: 'ky', width: 375 });
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('the administrator writes to every observer; an empty message is named, not sent', async () => {
    const { page } = office;
    await login(page, w.admin);
    await switchLanguage(page, 'ru');
    await page.goto(`/monitoring/missions/${w.missionId}`);
    await page.getByTestId('mission-tab-messages').click();
    await page.getByTestId('messages-empty').waitFor();
    await page.getByTestId('message-send').click();
    await page.getByText('Заполните это поле.').waitFor();
    assert.equal((await messages()).length, 0);
    await page.getByTestId('message-text').fill(TEXT);
    await page.getByTestId('message-send').click();
    await page.getByTestId('message-sent').waitFor();
    const card = page.getByTestId('message');
    await card.getByText('Голосование продлено до 21:00.', { exact: false }).waitFor();
    await card.getByText('Прочитали 0 из 1 наблюдателя').waitFor();
    await card.getByText('Всем', { exact: true }).waitFor();
    await look(page, 'office-ru');
  });

  it('the phone shows it in Kyrgyz; "Got it" offline is counted once back online', async () => {
    const { page, context } = phone;
    await fieldLogin(page, w);
    const box = page.getByTestId('field-messages');
    await box.getByText('Координаторлордон').waitFor();
    await box.getByText('Голосование продлено до 21:00.', { exact: false }).waitFor();
    // Nothing of it is readable in the phone's database: only sealed bytes.
    const plain = await phoneStore(page, 'messages');
    assert.equal(plain.n, 1);
    assert.doesNotMatch(plain.json, /Голосование/);
    await look(page, 'phone-ky');

    await context.setOffline(true);
    await box.getByTestId('field-message-ok').click();
    await box.getByTestId('field-messages-earlier').getByText('Мурунку кабарлар: 1').waitFor();
    assert.equal((await messages())[0]!.read, 0, 'offline: the server has not heard yet');
    await context.setOffline(false);
    for (let i = 0; i < 100 && (await messages())[0]!.read === 0; i++) await page.waitForTimeout(100);
    assert.equal((await messages())[0]!.read, 1);
    await box.getByTestId('field-messages-earlier').click();
    await box.getByTestId('field-message-read').waitFor();

    await office.page.reload();
    await office.page.getByTestId('mission-tab-messages').click();
    await office.page.getByText('Прочитали 1 из 1 наблюдателя').waitFor();
  });

  it('withdrawn, it leaves the phone at the next update', async () => {
    const { page } = office;
    await page.getByTestId('message-withdraw').click();
    await page.getByRole('dialog').getByText('Телефоны уберут его', { exact: false }).waitFor();
    await page.getByTestId('message-withdraw-confirm').click();
    await page.getByTestId('message-withdrawn').waitFor();
    assert.ok((await messages())[0]!.withdrawnAt);
    await look(page, 'office-withdrawn-ru');

    await phone.page.getByTestId('field-download').click();
    await phone.page.getByTestId('field-messages').waitFor({ state: 'detached' });
  });

  it('a region coordinator, on a phone in Russian, writes only to their region and is told nobody is there', async () => {
    const tab = await openTab(browser, w.server.url, { locale: 'ru', width: 375 });
    try {
      const { page } = tab;
      await login(page, w.staff[1]);
      await switchLanguage(page, 'ru');
      await page.goto(`/monitoring/missions/${w.missionId}`);
      await page.getByTestId('mission-tab-messages').click();
      // The whole-mission message (withdrawn) shows; "to everybody" is not offered, only Naryn.
      await page.getByTestId('message-withdrawn').waitFor();
      assert.equal(await page.getByTestId('message-withdraw').count(), 0);
      assert.equal(await page.getByTestId('message-to').inputValue(), 'Наблюдателям: Нарынская область');
      await page.getByTestId('message-to').click();
      assert.deepEqual(await page.getByRole('option').allTextContents(), ['Наблюдателям: Нарынская область']);
      await page.keyboard.press('Escape');
      await page.getByTestId('message-text').fill('Нарын: проверьте связь до 8:00.');
      await page.getByTestId('message-send').click();
      const mine = page.getByTestId('message').filter({ hasText: 'Нарын: проверьте связь' });
      await mine.getByText('Здесь пока нет наблюдателей: сообщение никто не получит.').waitFor();
      await mine.getByTestId('message-withdraw').waitFor();
      await look(page, 'coordinator-ru-375');
    } finally {
      await tab.context.close();
    }
    // Asel observes in Chuy: her phone gets nothing from Naryn.
    const inbox = await phone.page.request.get('/api/monitoring/messages');
    assert.deepEqual(((await inbox.json()) as { items: unknown[] }).items, []);
    await phone.page.getByTestId('field-download').click();
    await phone.page.waitForFunction(
      () => !document.querySelector('[data-testid="field-download"][data-loading]'),
    );
    assert.equal(await phone.page.getByTestId('field-messages').count(), 0);
  });
});
