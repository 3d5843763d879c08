import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { solve } from '../../src/server/modules/monitoring/public.antispam.ts';
import type { FormDefinition } from '../../src/core/forms/index.ts';
import { Client } from '../helpers/client.ts';
import { CHECKLIST, goodAnswers } from '../helpers/monitoring.ts';
import {
  freshCode,
  hasHorizontalScroll,
  launch,
  settle,
  login,
  openTab,
  switchLanguage,
  type Tab,
} from './browser.ts';
import type { Account, RolesWorld } from './legal-setup.ts';

const problemsOf = new WeakMap<Page, string[]>();

/** Lets `see` name the console errors of this tab when a wait fails ("Something went wrong" says little). */
export function track(tab: Tab): Tab {
  // A copy of the console errors plus the refused requests by address (the console omits it).
  const seen: string[] = [];
  problemsOf.set(tab.page, seen);
  tab.page.on('console', (m) => {
    if (m.type() === 'error') seen.push(m.text());
  });
  tab.page.on('pageerror', (e) => seen.push(String(e)));
  tab.page.on('response', (r) => {
    if (r.status() >= 400) seen.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return tab;
}

/** Waits for a locator; on a timeout the error also says what the page showed instead, and why. */
export async function see(page: Page, locator: Locator): Promise<void> {
  try {
    await locator.waitFor();
  } catch (e) {
    const shown = await page
      .locator('main')
      .innerText()
      .catch(() => '');
    const errors = (problemsOf.get(page) ?? []).slice(-8).join('\n');
    throw new Error(`${String(e)}\nThe page showed: ${shown.slice(0, 2000)}\nConsole errors: ${errors}`);
  }
}

/**
 * Screenshot for a person to look at (/tmp/mon-<name>.png). Returns what is wrong with the screen: a
 * phone-width page that scrolls sideways, or a translation key on screen (`forms:kind.x`, a missing
 * string).
 */
export async function shot(page: Page, name: string): Promise<string[]> {
  await settle(page);
  await page.screenshot({ path: `/tmp/mon-${name}.png`, fullPage: true });
  const wrong: string[] = [];
  const width = page.viewportSize()?.width ?? 0;
  if (width <= 400 && (await hasHorizontalScroll(page))) {
    // Name the elements sticking out of the page (not those inside a scrolling or clipping box).
    const out = await page.evaluate(() => {
      // No named inner functions: the test's transpiler would wrap them in a helper the page lacks.
      const w = document.documentElement.clientWidth;
      const found: string[] = [];
      for (const e of document.querySelectorAll('body *')) {
        if (e.getBoundingClientRect().right <= w + 1) continue;
        let inBox = false;
        for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
          if (getComputedStyle(p).overflowX !== 'visible') inBox = true;
        if (!inBox && found.length < 5)
          found.push(`${e.tagName}[${e.getAttribute('data-testid') ?? ''}].${e.getAttribute('class') ?? ''}`);
      }
      return found;
    });
    wrong.push(`${name} scrolls sideways: ${out.join(' | ')}`);
  }
  const text = await page.locator('main').innerText();
  if (/\b(monitoring|forms|ui|errors):[a-z]/.test(text)) wrong.push(`${name} shows a translation key`);
  return wrong;
}

export interface ActiveMission {
  admin: Client;
  missionId: string;
  versionId: string;
  /** A site's id by its code. */
  site: (code: string) => string;
}

/**
 * An active mission (an election unless `kind` says otherwise) made by the administrator through the real API: the test checklist
 * published and attached, the sites imported from CSV, coordinators and observers (by site code) set.
 */
export async function activeMission(
  w: RolesWorld,
  o: {
    title: string;
    kind?: 'election' | 'detention' | 'trial' | 'assembly';
    sitesCsv: string;
    coordinators: { who: Account; region: string | null }[];
    observers: Record<string, Account[]>;
    /** The checklist the mission uses: the test checklist unless a test needs more questions. */
    definition?: FormDefinition;
  },
): Promise<ActiveMission> {
  const admin = await w.api(w.admin);
  const ok = (r: { status: number; body: unknown }, what: string, status = 200) =>
    assert.equal(r.status, status, `${what}: ${JSON.stringify(r.body)}`);
  const users = await admin.get<{ items: { id: string; email: string }[] }>('/api/users');
  const idOf = (a: Account) => users.body.items.find((u) => u.email === a.email)!.id;
  const form = await admin.post<{ id: string }>('/api/monitoring/forms', {
    definition: o.definition ?? CHECKLIST,
  });
  ok(form, 'form', 201);
  ok(await admin.post(`/api/monitoring/forms/${form.body.id}/publish`), 'publish');
  const versionId = (await admin.get<{ published: { id: string } }>(`/api/monitoring/forms/${form.body.id}`))
    .body.published.id;
  const m = await admin.post<{ id: string }>('/api/monitoring/missions', {
    kind: o.kind ?? 'election',
    title: o.title,
  });
  ok(m, 'mission', 201);
  const missionId = m.body.id;
  const base = `/api/monitoring/missions/${missionId}`;
  ok(await admin.put(`${base}/forms`, { formVersionIds: [versionId] }), 'attach');
  await admin.reauthed(w.admin.password, w.admin.secret); // importing and appointing: see SECURITY.md
  ok(await admin.post(`${base}/sites/import`, { csv: o.sitesCsv }), 'import');
  ok(
    await admin.put(`${base}/coordinators`, {
      coordinators: o.coordinators.map((c) => ({ userId: idOf(c.who), region: c.region })),
    }),
    'coordinators',
  );
  const sites = await admin.get<{ items: { id: string; code: string }[] }>(`${base}/sites`);
  const site = (code: string) => sites.body.items.find((s) => s.code === code)!.id;
  for (const [code, people] of Object.entries(o.observers))
    ok(
      await admin.put(`/api/monitoring/sites/${site(code)}/observers`, { userIds: people.map(idOf) }),
      'assign',
    );
  ok(await admin.patch(base, { status: 'active' }), 'activate');
  return { admin, missionId, versionId, site };
}

/**
 * Wait until the photos of a report have their small copies (made by the job worker after each
 * upload): the review page shows those, and a test should see the page as it will be, not a moment
 * earlier when the original stands in.
 */
export async function thumbnailMade(api: Client, submissionId: string): Promise<void> {
  const s = await api.get<{ files: { id: string; mime: string; size: number }[] }>(
    `/api/monitoring/submissions/${submissionId}`,
  );
  for (const f of s.body.files.filter((x) => x.mime.startsWith('image/'))) {
    const url = `${api.baseUrl}/api/monitoring/submissions/${submissionId}/files/${f.id}?variant=thumb`;
    let copy = false;
    for (let i = 0; i < 100 && !copy; i++) {
      const r = await fetch(url, { headers: { cookie: api.cookieHeader() } });
      await r.arrayBuffer();
      copy = Number(r.headers.get('content-length')) !== f.size;
      if (!copy) await new Promise((res) => setTimeout(res, 100));
    }
    assert.ok(copy, `no small copy of ${f.id}`);
  }
}

/** A checklist with good answers (and `extra`) from one site of the mission, sent as `obs`; its id. */
export async function sendChecklist(
  obs: Client,
  m: ActiveMission,
  code: string,
  extra: Record<string, unknown> = {},
  /** The time the phone gives; now unless a test plays a phone with a wrong clock. */
  submittedAt = new Date().toISOString(),
): Promise<string> {
  const r = await obs.post<{ id: string }>('/api/monitoring/submissions', {
    clientId: randomUUID(),
    formVersionId: m.versionId,
    siteId: m.site(code),
    answers: goodAnswers(extra),
    submittedAt,
  });
  assert.equal(r.status, 201, `submission: ${JSON.stringify(r.body)}`);
  return r.body.id;
}

/**
 * Chromium logged in as `who` through the login page, working in Kyrgyz: the world's accounts are made
 * with English as their language, so the reviewer switches as a person would.
 */
export async function kyrgyzReviewer(w: RolesWorld, who: Account): Promise<{ browser: Browser; tab: Tab }> {
  const browser = await launch();
  const tab = track(await openTab(browser, w.server.url, { locale: 'ky' }));
  tab.page.setDefaultTimeout(60_000);
  await login(tab.page, who);
  await switchLanguage(tab.page, 'ky');
  return { browser, tab };
}

/**
 * Sends anonymous reports through the public form, as a reporter's browser would (the world runs with a
 * quick proof of work: UKUK_PUBLIC_POW_BITS=8, no minimum fill time).
 */
export function publicReporter(url: string): (what: string) => Promise<void> {
  const anon = new Client(url);
  return async (what) => {
    const f = await anon.get<{ formVersionId: string; challenge: { token: string; bits: number } }>(
      '/api/public/reports/form',
    );
    const r = await anon.post('/api/public/reports', {
      formVersionId: f.body.formVersionId,
      answers: {
        what_kind: 'intimidation',
        what_happened: what,
        where: { region: 'KG-C', place: 'базардын жанында' },
        happened_on: '2026-11-28',
      },
      challenge: f.body.challenge.token,
      nonce: solve(f.body.challenge.token, f.body.challenge.bits),
    });
    assert.equal(r.status, 202, JSON.stringify(r.body));
  };
}

/** Logs in to the field app as it is done on a phone: from its own start page, back to /field. */
export async function phoneLogin(page: Page, who: Account): Promise<void> {
  await page.goto('/field');
  await page.getByTestId('field-login').click();
  await page.waitForURL('**/login?redirect=**');
  await page.locator('input[name=email]').fill(who.email);
  await page.locator('input[name=password]').fill(who.password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL('**/login/totp**');
  await page.locator('input[name=code]').fill(await freshCode(who.secret));
  await page.locator('button[type=submit]').click();
  await page.waitForURL((u) => u.pathname === '/field');
}
