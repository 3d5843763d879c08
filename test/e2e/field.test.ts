import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { districtName, districtsOf, type RegionCode } from '../../src/core/geo/regions.ts';
import {
  axeSerious,
  describeBrowser,
  hasHorizontalScroll,
  launch,
  login,
  openTab,
  settle,
  type Tab,
} from './browser.ts';

import {
  attachStationPhoto,
  fieldLogin,
  offlineReady,
  fieldWorld,
  settled,
  STATION_PHOTO,
  untilStored,
  stored,
  type World,
} from './field-world.ts';

/** Screenshot for a person to look at; a phone-width page never scrolls sideways, and axe finds nothing serious. */
async function shot(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.screenshot({ path: `/tmp/field-${name}.png`, fullPage: true });
  assert.equal(await hasHorizontalScroll(page), false, `${name} scrolls sideways at 375 px`);
  assert.deepEqual(await axeSerious(page), [], `${name}: accessibility`);
}

/** The values a native select offers, in order. */
function optionValues(page: Page, testId: string): Promise<string[]> {
  return page
    .getByTestId(testId)
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
}

/** Waits until a locator's text matches (the progress line follows each answer). */
async function see(l: Locator, re: RegExp): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (re.test((await l.innerText().catch(() => '')).trim())) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.match((await l.innerText()).trim(), re);
}

/**
 * Draws a stroke across a signature pad with the pointer, as a finger would, after scrolling to it as
 * the browser does. Every point of the stroke must land on the pad itself: the bar fixed to the bottom
 * of the form once covered a pad the browser counted as on screen (the page's scroll padding now
 * follows the bar). Messages above the pad go as answers are put right, so the box is measured until
 * it holds still.
 */
async function sign(page: Page, testId: string): Promise<void> {
  const pad = page.getByTestId(testId);
  // A new screen takes no taps for a moment; the mouse is driven by hand below.
  await settled(page);
  await pad.scrollIntoViewIfNeeded();
  let box = await pad.boundingBox();
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const again = await pad.boundingBox();
    if (box && again && again.x === box.x && again.y === box.y) break;
    box = again;
  }
  assert.ok(box, 'the signature pad is on screen');
  const stroke = [
    [20, 40],
    [60, 90],
    [110, 30],
    [170, 110],
    [230, 50],
  ].map(([dx, dy]) => [box.x + dx!, box.y + dy!] as const);
  const covered = await pad.evaluate(
    (el, points) =>
      points
        .map(([x, y]) => document.elementFromPoint(x, y))
        .filter((hit) => hit !== el)
        .map((hit) => hit?.getAttribute('data-testid') ?? hit?.tagName ?? 'nothing'),
    stroke,
  );
  assert.deepEqual(covered, [], 'the pad is covered where a finger would sign');
  await page.mouse.move(...stroke[0]!);
  await page.mouse.down();
  for (const point of stroke.slice(1)) await page.mouse.move(...point, { steps: 6 });
  await page.mouse.up();
}

/** Fills the test checklist's two required questions (and a note) and saves it to the outbox. */
async function fillChecklist(
  page: Page,
  w: World,
  note: string,
  save: 'click' | 'dblclick' = 'click',
  photo = false,
): Promise<void> {
  await page.getByTestId(`field-form-${w.checklistVersion}`).click();
  await page.getByTestId('q-opened').locator('label').first().click();
  await settled(page);
  await page.getByTestId('q-queue-short').check({ force: true });
  await page.getByTestId('q-notes').fill(note);
  if (photo) await attachStationPhoto(page);
  await page.getByTestId('field-save')[save]();
  await page.getByTestId('field-incident').waitFor();
}

await describeBrowser('field app: offline outbox', (backend) => {
  let w: World;
  let browser: Browser;
  let tab: Tab;

  before(async () => {
    w = await fieldWorld(backend);
    browser = await launch();
    tab = await openTab(browser, w.server.url, { locale: 'ky', width: 375 });
    await tab.context.grantPermissions(['geolocation']);
    await tab.context.setGeolocation({ latitude: 42.8746, longitude: 74.5698 });
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('logs in once, downloads the assignments and installs the offline app', async () => {
    const { page } = tab;
    await fieldLogin(page, w);
    // Once the service worker holds the whole app, the home screen says the phone is ready offline.
    await page.getByTestId('field-offline-ready').filter({ hasText: 'Байланышсыз иштөөгө даяр' }).waitFor();
    await offlineReady(page);
    // The browser's offer to install is kept for a button of the app's own (here a stand-in offer:
    // headless Chromium makes none), which makes it once and is gone.
    assert.equal(await page.getByTestId('field-install').count(), 0, 'no button without an offer');
    await page.evaluate(`(() => {
      const e = new Event('beforeinstallprompt', { cancelable: true });
      e.prompt = () => { window.__installPrompted = true; return Promise.resolve(); };
      e.userChoice = Promise.resolve({ outcome: 'accepted' });
      window.dispatchEvent(e);
      window.__installDefaultPrevented = e.defaultPrevented;
    })()`);
    const offer = page.getByTestId('field-install');
    await offer.getByText('Башкы экранга кошулган тиркеме башка тиркемелердей эле ачылат').waitFor();
    assert.equal(
      await page.evaluate('window.__installDefaultPrevented'),
      true,
      "Chromium's own bar is held back",
    );
    await offer.getByRole('button', { name: 'Башкы экранга кошуу' }).click();
    await offer.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate('window.__installPrompted'), true);
    const manifest = await page.request.get('/manifest.webmanifest');
    assert.equal(manifest.status(), 200);
    assert.match(manifest.headers()['content-type'] ?? '', /manifest\+json/);
    const sw = await page.request.get('/sw.js');
    assert.match(sw.headers()['cache-control'] ?? '', /no-cache/);
    await shot(page, 'home-ky');
  });

  it('the observer sets the number coordinators call: a wrong one refused in Kyrgyz, none kept on the phone', async () => {
    const { page } = tab;
    const card = page.getByTestId('field-phone');
    await card.getByText('Көрсөтүлгөн эмес', { exact: false }).waitFor();
    await card.getByTestId('field-phone-change').click();
    await card.getByTestId('field-phone-input').fill('call the office');
    await card.getByTestId('field-phone-save').click();
    await card.getByText('Телефон: формат туура эмес.').waitFor();
    await card.getByTestId('field-phone-input').fill('+996 555 10 20 30');
    await card.getByTestId('field-phone-save').click();
    await card.getByTestId('field-phone-value').getByText('+996 555 10 20 30').waitFor();
    const me = await w.admin$.get<{ items: { email: string; phone: string | null }[] }>('/api/users');
    assert.equal(me.body.items.find((u) => u.email === w.observer.email)?.phone, '+996 555 10 20 30');
    // Nothing of it in the device's database (the number is read from the server each time).
    const stored = await page.evaluate(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name!);
      let all = '';
      for (const name of names) {
        const db = await new Promise<IDBDatabase>((ok, no) => {
          const r = indexedDB.open(name);
          r.onsuccess = () => ok(r.result);
          r.onerror = () => no(new Error('open'));
        });
        for (const store of Array.from(db.objectStoreNames)) {
          const rows = await new Promise<unknown[]>((ok, no) => {
            const q = db.transaction(store).objectStore(store).getAll();
            q.onsuccess = () => ok(q.result);
            q.onerror = () => no(new Error('read'));
          });
          all += JSON.stringify(rows);
        }
        db.close();
      }
      return all;
    });
    assert.doesNotMatch(stored, /555 10 20 30/);
    tab.problems.splice(0, tab.problems.length, ...tab.problems.filter((p) => !/status of 400/.test(p)));
  });

  it('offline: three reports saved, kept across a reload, sent once when back online', async () => {
    const { page, context } = tab;
    await context.setOffline(true);
    await page.getByTestId('field-online').filter({ hasText: 'Байланыш жок' }).waitFor();
    await page.getByTestId(`field-form-${w.checklistVersion}`).click();
    await page.getByTestId('q-opened').waitFor();
    await shot(page, 'form-ky');
    await page.getByTestId('field-back').click();
    for (const n of [1, 2, 3]) await fillChecklist(page, w, `Report ${n}`, 'click', n === 1);
    await page.getByTestId('field-waiting').filter({ hasText: '3' }).waitFor();
    assert.equal((await stored(w)).length, 0, 'nothing reached the server while offline');
    assert.equal(await page.getByTestId('field-send-now').count(), 1, '"Send now" while reports wait');

    await page.reload();
    await page.getByTestId('field-waiting').filter({ hasText: '3' }).waitFor();
    await page.getByTestId('field-open-outbox').click();
    // The outbox reads (and decrypts) the local database after it renders: wait for the third item.
    await page.getByTestId('outbox-item').nth(2).waitFor();
    assert.equal(await page.getByTestId('outbox-item').count(), 3);
    await shot(page, 'outbox-ky');

    await context.setOffline(false);
    await page.getByTestId('outbox-waiting').filter({ hasNotText: '3' }).waitFor();
    await page.locator('[data-testid=outbox-item][data-status=sent]').nth(2).waitFor();
    const three = await stored(w);
    assert.equal(three.length, 3);
    // The photo went first, by the resumable upload, and the report names the completed upload.
    const bodies = await Promise.all(
      three.map((s) =>
        w.admin$.get<{ answers: Record<string, unknown> }>(`/api/monitoring/submissions/${s.id}`),
      ),
    );
    const photos = bodies.map((b) => b.body.answers.photo).filter((v): v is string => typeof v === 'string');
    assert.equal(photos.length, 1, JSON.stringify(bodies.map((b) => b.body.answers)));
    const upload = await page.evaluate(async (id) => {
      const r = await fetch(`/api/monitoring/uploads/${id}`);
      return (await r.json()) as { complete: boolean; size: number };
    }, photos[0]!);
    assert.equal(upload.complete, true);
    assert.equal(upload.size, fs.statSync(STATION_PHOTO).size);
    await page.getByTestId('field-back').click();
  });

  it('a double tap and a replay store the report once', async () => {
    const { page } = tab;
    await fillChecklist(page, w, 'Double tap', 'dblclick');
    const items = await untilStored(w, 4);
    await page.getByTestId('field-waiting').filter({ hasText: /Баары/ }).waitFor();
    assert.equal(await page.getByTestId('field-send-now').count(), 0, 'no "Send now" with nothing to send');
    // Replay a report the server already has, from the observer's own session: same id, nothing new.
    const first = await w.admin$.get<{
      clientId: string;
      formVersionId: string;
      siteId: string;
      answers: unknown;
    }>(`/api/monitoring/submissions/${items[0]!.id}`);
    // The device makes time-ordered ids (UUIDv7, field/clientId.ts): the server's index on them grows at its end.
    assert.match(
      first.body.clientId,
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const replay = await page.evaluate(
      async (body) => {
        const csrf = (await (await fetch('/api/auth/csrf')).json()) as { token: string };
        const r = await fetch('/api/monitoring/submissions', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf.token },
          body: JSON.stringify({ ...body, submittedAt: new Date().toISOString() }),
        });
        return { status: r.status, body: (await r.json()) as { id: string } };
      },
      {
        clientId: first.body.clientId,
        formVersionId: first.body.formVersionId,
        siteId: first.body.siteId,
        answers: first.body.answers,
      },
    );
    assert.equal(replay.status, 200);
    assert.equal(replay.body.id, items[0]!.id);
    assert.equal((await stored(w)).length, 4);
  });

  it('a tap made as the next screen opens lands on nothing: a double tap cannot reach "Log out"', async () => {
    const { page } = tab;
    // The tap must come while the new screen settles (400 ms); on a busy machine the test may be too
    // slow to make it in time, and a tap after that proves nothing either way: then it tries again.
    for (let attempt = 1; ; attempt++) {
      await page.getByTestId(`field-form-${w.checklistVersion}`).click();
      await page.getByTestId('field-back').click();
      await page.getByTestId('field-incident').waitFor();
      // At once, where the home screen has "Log out": the second tap of a double tap would come here.
      const at = await page.getByTestId('field-logout').evaluate((el) => {
        el.scrollIntoView({ block: 'center', behavior: 'instant' });
        const r = el.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      });
      await page.mouse.click(at.x, at.y);
      // Still settling after the tap: the tap came while it settled.
      const inTime = (await page.locator('[data-settling]').count()) > 0;
      await settled(page);
      if (inTime) break;
      assert.ok(attempt < 5, 'five tries and the tap never came while the screen settled');
      const confirm = page.getByTestId('field-confirm');
      if (await confirm.count()) {
        await page.getByTestId('field-confirm-cancel').click();
        await confirm.waitFor({ state: 'detached' });
      }
    }
    assert.equal(await page.getByTestId('field-confirm').count(), 0, 'the tap opened nothing');
    // Once settled the screen takes taps again; Cancel closes the dialog and keeps the session.
    await page.getByTestId('field-logout').click();
    await page.getByTestId('field-confirm-cancel').click();
    await page.getByTestId('field-confirm').waitFor({ state: 'detached' });
    await page.getByTestId('field-incident').waitFor();
  });

  it('the form says how far the observer is and takes them to the next open question', async () => {
    const { page } = tab;
    await page.getByTestId(`field-form-${w.checklistVersion}`).click();
    const text = page.getByTestId('field-progress-text');
    await see(text, /^0 \/ (\d+) суроого жооп берилди · 2 милдеттүү суроо калды$/);
    await page.getByTestId('q-opened').locator('label').first().click();
    await see(text, /^1 \/ \d+ суроого жооп берилди · 1 милдеттүү суроо калды$/);
    // From the top of the page, "next" lands on the required question still open (the queue).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('field-next-open').click();
    await page.waitForFunction(() => document.activeElement?.closest('[data-question="queue"]') !== null);
    await shot(page, 'form-progress-ky');
    await settled(page);
    await page.getByTestId('q-queue-short').check({ force: true });
    await see(text, /^2 \/ \d+ суроого жооп берилди$/);
    // Leave nothing behind for the next test: back keeps a draft, which is then thrown away.
    await page.waitForTimeout(1_000); // the draft is written a moment after the last change
    await page.getByTestId('field-back').click();
    await page.getByTestId(`field-form-${w.checklistVersion}`).click();
    await page.getByTestId('field-draft-discard').click();
    await see(text, /^0 \/ \d+ суроого/);
    // After starting over, what is typed next is kept as a draft again.
    await page.getByTestId('q-queue-short').check({ force: true });
    await page.waitForTimeout(1_000);
    await page.getByTestId('field-back').click();
    await page.getByTestId(`field-form-${w.checklistVersion}`).click();
    await page.getByTestId('field-draft-restored').waitFor();
    await page.getByTestId('field-draft-discard').click();
    await see(text, /^0 \/ \d+ суроого/);
    await page.getByTestId('field-back').click();
    await page.getByTestId(`field-form-${w.checklistVersion}`).waitFor();
  });

  it('a report the server refuses stays in the outbox with the reason, in Kyrgyz, until corrected', async () => {
    const { page } = tab;
    // Make the phone's copy of the form more lenient than the server's (as an old copy could be), so
    // the server is the one that refuses: "opened on time" is required there.
    await page.evaluate(
      (id) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('ukuk-field');
          open.onerror = () => reject(new Error('open'));
          open.onsuccess = () => {
            const tx = open.result.transaction('forms', 'readwrite');
            const store = tx.objectStore('forms');
            const get = store.get(id);
            get.onsuccess = () => {
              const form = get.result as {
                definition: { sections: { fields: { key: string; required?: boolean }[] }[] };
              };
              for (const f of form.definition.sections[0]!.fields) if (f.key === 'opened') f.required = false;
              store.put(form);
            };
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(new Error('tx'));
          };
        }),
      w.checklistVersion,
    );
    await page.getByTestId(`field-form-${w.checklistVersion}`).click();
    await settled(page);
    await page.getByTestId('q-queue-short').check({ force: true });
    await page.getByTestId('field-save').click();
    await page.getByTestId('field-open-outbox').click();
    const refused = page.locator('[data-testid=outbox-item][data-status=rejected]');
    await refused.waitFor();
    // The server's message names the field in the observer's language.
    assert.match(await refused.getByTestId('outbox-error').first().innerText(), /Убагында ачылды/);
    await shot(page, 'refused-ky');
    assert.equal((await stored(w)).length, 4);
    await refused.getByTestId('outbox-correct').click();
    await page.getByTestId('field-server-error').waitFor();
    await page.getByTestId('q-opened').locator('label').first().click();
    await page.getByTestId('field-save').click();
    await untilStored(w, 5);
    await page.getByTestId('field-waiting').filter({ hasText: /Баары/ }).waitFor();
  });

  it('critical incident in two taps: time and place filled in', async () => {
    const { page } = tab;
    await page.getByTestId('field-incident').click();
    // The time filled in is also written out in Kyrgyz under the phone's own date-time input.
    await see(page.getByTestId('q-when-spelled'), /^\d{4}-ж\., \d{1,2}-[а-яөүң]+/);
    await page.screenshot({ path: '/tmp/field-incident-ky.png' });
    await page.getByTestId('field-save').click();
    const all = await untilStored(w, 6);
    const mine = await Promise.all(
      all.map((s) =>
        w.admin$.get<{ id: string; formVersionId: string; answers: Record<string, unknown> }>(
          `/api/monitoring/submissions/${s.id}`,
        ),
      ),
    );
    const incident = mine.find((r) => r.body.formVersionId === w.incidentVersion);
    assert.ok(incident, 'the incident is on the server');
    assert.match(String(incident.body.answers.when), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    assert.equal((incident.body.answers.where as { region: string }).region, 'KG-C');
    // The red button answers the form's "urgent help?" question: the report is critical.
    assert.equal(incident.body.answers.help, true);
    assert.equal(all.find((s) => s.id === incident.body.id)?.critical, true);
  });

  it("the critical incident rings the administrator's bell, and the notice opens the report", async () => {
    // The mission has no coordinator, so its administrators are the ones alerted (alerts.job.ts).
    let notices: { kind: string; entityId: string }[] = [];
    for (let i = 0; i < 60 && notices.length === 0; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 500));
      const r = await w.admin$.get<{ items: { kind: string; entityId: string }[] }>('/api/notifications');
      notices = r.body.items.filter((n) => n.kind === 'monitoring.critical');
    }
    assert.equal(notices.length, 1, 'the job worker wrote one notice');
    const other = await openTab(browser, w.server.url, { locale: 'ky', width: 375 });
    try {
      const { page } = other;
      page.setDefaultTimeout(60_000);
      await login(page, w.admin);
      await page.getByTestId('notifications-count').getByText('1', { exact: true }).waitFor();
      await page.getByTestId('notifications-bell').click();
      const notice = page.getByTestId('notification').filter({ hasText: 'C-101' });
      // The administrator's own language (English) decides, not the tab's.
      await notice.filter({ hasText: 'Critical report received: C-101, Chuy' }).waitFor();
      await shot(page, 'critical-notice');
      await notice.click();
      await page.waitForURL(`**/monitoring/submissions/${notices[0]!.entityId}`);
    } finally {
      await other.context.close();
    }
  });

  it('offline: a place picked region → district, two complaints and a signature arrive whole', async () => {
    const { page, context } = tab;
    await context.setOffline(true);
    await page.getByTestId('field-online').filter({ hasText: 'Байланыш жок' }).waitFor();
    await page.getByTestId(`field-form-${w.visitVersion}`).click();
    const region = page.getByTestId('region-station_place');
    const district = page.getByTestId('district-station_place');
    // A new report opens on its site's region: what the site says is not typed again on a phone.
    assert.equal(await region.inputValue(), 'KG-C');
    // Only the chosen region's districts are offered, and another region clears the district.
    await region.selectOption('KG-N');
    const ids = (r: RegionCode) => districtsOf(r).map((d) => d.id);
    const naryn = ids('KG-N');
    const offered = async () => (await optionValues(page, 'district-station_place')).slice(1).sort();
    assert.deepEqual(await offered(), [...naryn].sort());
    await district.selectOption(naryn[0]!);
    await region.selectOption('KG-C');
    assert.equal(await district.inputValue(), '');
    assert.deepEqual(await offered(), ids('KG-C').sort());
    const alamudun = districtsOf('KG-C').find((d) => d.name === 'Alamudun')!.id;
    // Named in the observer's language (Kyrgyz here), not in Who's On First's English.
    assert.equal(
      (await district.locator(`option[value="${alamudun}"]`).innerText()).trim(),
      districtName(alamudun, 'ky'),
    );
    await district.selectOption(alamudun);
    await page.getByTestId('place-station_place').fill('Лебединовка');

    // The repeat group is required: saving with no complaint is refused on the phone.
    await page.getByTestId('field-save').click();
    // Two answers missing: the complaints and the signature.
    await page.getByTestId('field-invalid').filter({ hasText: '2' }).waitFor();
    await page.getByTestId('add-complaints').click();
    await page.getByTestId('add-complaints').click();
    await page.getByTestId('q-complaints[0].complainant').fill('Айбек Т.');
    await page.getByTestId('q-complaints[1].complainant').fill('Нургүл С.');
    await page.getByTestId('q-complaints[1].upheld').locator('label').first().click();

    const keep = page.getByTestId('signature-keep-chair_sign');
    assert.equal(await keep.isDisabled(), true, 'an empty pad cannot be kept');
    // What an empty pad of this size would weigh as a PNG, to tell a drawing from a blank upload.
    const blank = await page.getByTestId('signature-chair_sign').evaluate(async (pad) => {
      const c = document.createElement('canvas');
      c.width = (pad as HTMLCanvasElement).width;
      c.height = (pad as HTMLCanvasElement).height;
      const png = await new Promise<Blob | null>((r) => c.toBlob(r, 'image/png'));
      return png?.size ?? 0;
    });
    await sign(page, 'signature-chair_sign');
    await keep.click();
    await page.getByTestId('signature-saved-chair_sign').waitFor();
    // The refused save's messages go as the answers are put right, not only at the next save.
    await page.getByTestId('field-invalid').waitFor({ state: 'detached' });
    assert.equal(await page.locator('.mantine-InputWrapper-error').count(), 0);
    await shot(page, 'visit-ky');
    await page.getByTestId('field-save').click();
    await page.getByTestId('field-waiting').filter({ hasText: '1' }).waitFor();
    assert.equal((await stored(w)).length, 6, 'nothing reached the server while offline');

    await context.setOffline(false);
    const all = await untilStored(w, 7);
    const bodies = await Promise.all(
      all.map((s) =>
        w.admin$.get<{ formVersionId: string; answers: Record<string, unknown> }>(
          `/api/monitoring/submissions/${s.id}`,
        ),
      ),
    );
    const visit = bodies.find((r) => r.body.formVersionId === w.visitVersion);
    assert.ok(visit, 'the visit report is on the server');
    const { answers } = visit.body;
    assert.deepEqual(answers.station_place, { region: 'KG-C', district: alamudun, place: 'Лебединовка' });
    assert.deepEqual(answers.complaints, [
      { complainant: 'Айбек Т.' },
      { complainant: 'Нургүл С.', upheld: true },
    ]);
    // The drawing went up as a resumable upload first; the report names the completed upload.
    const signature = answers.chair_sign;
    assert.ok(typeof signature === 'string' && !signature.startsWith('local-'), String(signature));
    const upload = await page.evaluate(async (id) => {
      const r = await fetch(`/api/monitoring/uploads/${id}`);
      return (await r.json()) as { complete: boolean; size: number };
    }, signature);
    assert.equal(upload.complete, true);
    assert.ok(
      blank > 0 && upload.size > blank,
      `a drawing, not an empty pad: ${upload.size} vs ${blank} bytes`,
    );
    await page.getByTestId('field-waiting').filter({ hasText: /Баары/ }).waitFor();
  });

  it('an observer with two sites files the critical incident under the other one', async () => {
    const { page } = tab;
    const site = await w.admin$.post<{ id: string }>(`/api/monitoring/missions/${w.missionId}/sites`, {
      code: 'O-201',
      name: 'School No. 12, Osh region',
      region: 'KG-O',
    });
    assert.equal(site.status, 201, JSON.stringify(site.body));
    const observers = await w.admin$.get<{ items: { id: string; name: string }[] }>(
      '/api/monitoring/observers',
    );
    const asel = observers.body.items.find((o) => o.name === 'Asel Observer')!;
    const put = await w.admin$.put(`/api/monitoring/sites/${site.body.id}/observers`, { userIds: [asel.id] });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const before = (await stored(w)).length;
    await page.getByTestId('field-download').click();
    await page.getByText('School No. 12, Osh region').first().waitFor();
    await page.getByTestId('field-incident').click();
    // The red button starts at the last site used; the choice names both, in Kyrgyz.
    const choice = page.getByTestId('field-site-choice');
    await page.getByText('Байкоо жери', { exact: true }).waitFor();
    const first = await choice.inputValue();
    assert.notEqual(first, site.body.id);
    // The code first: at 375 px the closed select cuts the end of a long name.
    assert.match(await choice.locator(`option[value="${first}"]`).innerText(), /^C-101 · /);
    await choice.selectOption(site.body.id);
    await shot(page, 'incident-site-ky');
    await page.getByTestId('field-save').click();
    const all = await untilStored(w, before + 1);
    const fresh = await w.admin$.get<{ siteId: string; answers: Record<string, unknown> }>(
      `/api/monitoring/submissions/${all[0]!.id}`,
    );
    assert.equal(fresh.body.siteId, site.body.id);
    // The place moved with the site; the phone's position stayed.
    const where = fresh.body.answers.where as { region: string; lat?: number };
    assert.equal(where.region, 'KG-O');
    assert.equal(where.lat, 42.8746);
    // The next red button starts at that site.
    await page.getByTestId('field-incident').click();
    assert.equal(await page.getByTestId('field-site-choice').inputValue(), site.body.id);
    // The phone's position came in after the form opened: leaving asks first.
    await page.getByTestId('field-back').click();
    const leave = page.getByTestId('field-leave-go');
    await leave.or(page.getByTestId('field-incident')).first().waitFor();
    if (await leave.isVisible()) await leave.click();
    await page.getByTestId('field-incident').waitFor();
  });

  it('wipe this device deletes the local database and leaves the login page working', async () => {
    const { page } = tab;
    // Cancel is a button of its own, and it wipes nothing.
    await page.getByTestId('field-wipe').click();
    await page.getByTestId('field-confirm-cancel').click();
    await page.getByTestId('field-confirm').waitFor({ state: 'hidden' });
    assert.ok(
      (await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).includes(
        'ukuk-field',
      ),
    );
    await page.getByTestId('field-wipe').click();
    await page.getByTestId('field-confirm').click();
    await page.waitForURL('**/login**');
    await page.locator('input[name=email]').waitFor();
    const dbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    assert.ok(!dbs.includes('ukuk-field'), JSON.stringify(dbs));
    const caches$ = await page.evaluate(async () => (await caches.keys()).length);
    assert.equal(caches$, 0);
  });
});
