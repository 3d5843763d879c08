// The field app's test world, shared by the browser suites of the field app.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { FormDefinition } from '../../src/core/forms/types.ts';
import type { Client } from '../helpers/client.ts';
import { CHECKLIST, STATION_VISIT } from '../helpers/monitoring.ts';
import type { Page } from 'playwright-core';
import { freshCode } from './browser.ts';
import { staffWorldRoles, type Account, type StaffWorld } from './legal-setup.ts';

const L = (en: string, ru = en, ky = en) => ({ ky, ru, en });

/** A real PNG (the app icon): the server sniffs the content. */
export const STATION_PHOTO = path.resolve(import.meta.dirname, '../../public/field-icon-192.png');

/** Attaches the station photo to the open checklist's photo question and waits for its preview. */
export async function attachStationPhoto(page: Page): Promise<void> {
  await page.getByTestId('file-photo').setInputFiles({
    name: 'station.png',
    mimeType: 'image/png',
    buffer: fs.readFileSync(STATION_PHOTO),
  });
  await page.getByTestId('media-photo').waitFor();
}

/** The mission's incident form: time and place are filled in by the app, so it sends in two taps. */
export const INCIDENT: FormDefinition = {
  title: L('Incident', 'Инцидент', 'Окуя'),
  kind: 'incident',
  sections: [
    {
      key: 'main',
      title: L('Incident', 'Инцидент', 'Окуя'),
      fields: [
        { key: 'when', type: 'datetime', label: L('When', 'Когда', 'Качан'), required: true },
        { key: 'where', type: 'location', label: L('Where', 'Где', 'Кайда'), required: true },
        { key: 'what', type: 'long_text', label: L('What happened', 'Что случилось', 'Эмне болду') },
        {
          key: 'help',
          type: 'boolean',
          label: L('Is urgent help needed now?', 'Нужна ли срочная помощь?', 'Азыр шашылыш жардам керекпи?'),
          required: true,
          critical: { op: 'eq', value: true },
        },
      ],
    },
  ],
};

export interface World extends StaffWorld {
  observer: Account;
  missionId: string;
  checklistVersion: string;
  incidentVersion: string;
  visitVersion: string;
  admin$: Client;
}

async function publish(api: Client, def: FormDefinition): Promise<string> {
  const created = await api.post<{ id: string; versionId: string }>('/api/monitoring/forms', {
    definition: def,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const pub = await api.post<{ versionId: string }>(`/api/monitoring/forms/${created.body.id}/publish`);
  assert.equal(pub.status, 200, JSON.stringify(pub.body));
  return pub.body.versionId;
}

/**
 * An organisation with an active election mission, one polling station and its observer. `second` is
 * the role of the second staff account, Bakyt (a coordinator for tests of a region coordinator's view).
 */
export async function fieldWorld(
  backend: 'sqlite' | 'postgres',
  second: 'monitor' | 'coordinator' = 'monitor',
): Promise<World> {
  const made = await staffWorldRoles(backend, [
    { role: 'monitor', email: 'asel@example.org', name: 'Asel Observer' },
    { role: second, email: 'bakyt@example.org', name: 'Bakyt Observer' },
  ]);
  const { people, ...rest } = made;
  const w: StaffWorld = { ...rest, staff: [people[0]!, people[1]!] };
  const admin = await w.api(w.admin);
  const checklistVersion = await publish(admin, CHECKLIST);
  const incidentVersion = await publish(admin, INCIDENT);
  const visitVersion = await publish(admin, STATION_VISIT);
  const m = await admin.post<{ id: string }>('/api/monitoring/missions', {
    kind: 'election',
    title: 'Local elections',
  });
  assert.equal(m.status, 201, JSON.stringify(m.body));
  const missionId = m.body.id;
  const forms = await admin.put(`/api/monitoring/missions/${missionId}/forms`, {
    formVersionIds: [checklistVersion, incidentVersion, visitVersion],
  });
  assert.equal(forms.status, 200, JSON.stringify(forms.body));
  assert.equal(
    (await admin.patch(`/api/monitoring/missions/${missionId}`, { status: 'active' })).status,
    200,
  );
  const site = await admin.post<{ id: string }>(`/api/monitoring/missions/${missionId}/sites`, {
    code: 'C-101',
    name: 'School No. 5, Kant',
    region: 'KG-C',
  });
  assert.equal(site.status, 201, JSON.stringify(site.body));
  const observers = await admin.get<{ items: { id: string; name: string }[] }>('/api/monitoring/observers');
  const asel = observers.body.items.find((o) => o.name === 'Asel Observer');
  assert.ok(asel, JSON.stringify(observers.body));
  const put = await admin.put(`/api/monitoring/sites/${site.body.id}/observers`, { userIds: [asel.id] });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  return {
    ...w,
    observer: w.staff[0],
    missionId,
    checklistVersion,
    incidentVersion,
    visitVersion,
    admin$: admin,
  };
}

export async function stored(w: World): Promise<{ id: string; critical: boolean }[]> {
  const r = await w.admin$.get<{ items: { id: string; critical: boolean }[]; total: number }>(
    `/api/monitoring/submissions?missionId=${w.missionId}`,
  );
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.items;
}

/** Waits until the server holds n reports of the mission (the app sends in the background). */
export async function untilStored(w: World, n: number): Promise<{ id: string; critical: boolean }[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const items = await stored(w);
    if (items.length === n || Date.now() > deadline) {
      assert.equal(items.length, n);
      return items;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Logs the observer in from the field app's own button and waits for the assigned forms. */
export async function fieldLogin(page: Page, w: World): Promise<void> {
  await page.goto('/field');
  await page.getByTestId('field-login').click();
  await signIn(page, w);
  await page.getByTestId(`field-form-${w.checklistVersion}`).waitFor();
}

/** From the login page the field app sent the observer to: password, code, and back to /field. */
export async function signIn(page: Page, w: World): Promise<void> {
  await page.waitForURL('**/login?redirect=**');
  await page.locator('input[name=email]').fill(w.observer.email);
  await page.locator('input[name=password]').fill(w.observer.password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL('**/login/totp**');
  await page.locator('input[name=code]').fill(await freshCode(w.observer.secret));
  await page.locator('button[type=submit]').click();
  await page.waitForURL((u) => u.pathname === '/field');
}

/**
 * Until the home screen says the phone could open the app with no connection (OfflineReady.tsx):
 * the worker active and in control, its precache whole. Going offline before that is a test of luck.
 */
export async function offlineReady(page: Page): Promise<void> {
  await page.locator('[data-testid="field-offline-ready"][data-state="ready"]').waitFor({ timeout: 60_000 });
}

/**
 * A new field screen takes no taps for a moment (src/web/features/field/Settling.tsx): wait for that
 * before a forced click or a hand-driven mouse, which skip Playwright's own wait for a tappable target.
 */
export async function settled(page: Page): Promise<void> {
  await page.locator('[data-settling]').waitFor({ state: 'detached' });
}

/** The keys and rows of one object store of the phone's database (`ukuk-field`), as the page holds them. */
export async function phoneStore(
  page: Page,
  store: string,
): Promise<{ keys: string[]; json: string; n: number }> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((ok, no) => {
      const r = indexedDB.open('ukuk-field');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(new Error('open'));
    });
    // No named helper inside: the page would need esbuild's `__name` to run it.
    const store = db.transaction(name).objectStore(name);
    const keysReq = store.getAllKeys();
    const rowsReq = store.getAll();
    await new Promise((ok) => {
      rowsReq.onsuccess = ok;
    });
    const keys = keysReq.result;
    const rows = rowsReq.result as unknown[];
    db.close();
    return { keys: keys.map(String), json: JSON.stringify(rows), n: rows.length };
  }, store);
}
