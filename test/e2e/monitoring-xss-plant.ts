import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { FormDefinition } from '../../src/core/forms/types.ts';
import { solve } from '../../src/server/modules/monitoring/public.antispam.ts';
import { Client } from '../helpers/client.ts';
import type { Account, RolesWorld } from './legal-setup.ts';

/**
 * Stored XSS on the monitoring screens (issue #6 item 2, issue #5): every text a person can type that
 * these screens show is planted with markup through the real API, then each screen is opened in
 * Chromium. Each payload sets `window.__xss` to its own number, so a failure names the text that ran.
 * The tab bypasses the CSP on purpose: the CSP alone would stop inline handlers, and the point here is
 * that the screens never turn text into markup in the first place.
 */
const run = (n: number) => `window.__xss=${n}`;
export const T = {
  formTitle: `<img src=x onerror="${run(1)}">Шайлоо күнү ‮чек-лист`,
  formSection: `<script>${run(2)}</script>Ачылышы`,
  label: `"><svg onload="${run(3)}">Убагында ачылдыбы?`,
  hint: `' onmouseover='${run(4)}' x='Көңүл буруңуз`,
  option: `<img src=x onerror=alert(5)>Ооба, өз убагында`,
  childLabel: `" autofocus onfocus="${run(6)}" x="Кимдер`,
  mission: `<img src=x onerror="${run(7)}">Жергиликтүү шайлоо ‏2026`,
  description: `javascript:${run(8)}\n<a href="javascript:${run(8)}">Чүй облусу</a>`,
  siteName: `<iframe src="javascript:${run(9)}"></iframe>Мектеп №5`,
  siteCode: `Ч-1"><b>ң</b>`,
  sitePlace: `javascript:alert(10)`,
  coordinator: `<svg onload="${run(11)}">Чолпон ‮Координатор`,
  observer: `"><img src=x onerror="${run(12)}">Асел Өмүрбекова`,
  answerText: `<script>${run(13)}</script>Бюллетендер сатылды «№5»`,
  answerPlace: `<img src=x onerror="${run(14)}">Кант шаары`,
  childAnswer: `"><svg onload="${run(15)}">Айгүл`,
  comment: `<img src=x onerror="${run(16)}">Текшерип көрүңүз\n<a href="javascript:${run(16)}">шилтеме</a>`,
  reason: `<script>${run(17)}</script>Далил жок ‮reason`,
  publicText: `<img src=x onerror="${run(18)}">Мектептин жанында уруш болду`,
  publicPlace: `"><svg onload="${run(19)}">Токмок`,
  publicLabel: `<img src=x onerror="${run(20)}">Эмне болду? (кеңири)`,
  publicTitle: `<script>${run(21)}</script>Окуя тууралуу кабарлаңыз`,
  translation: `<svg onload="${run(22)}">Ballots were sold «No. 5» <b>here</b>`,
};

const same = (s: string) => ({ ky: s, ru: s, en: s });
const FORM: FormDefinition = {
  title: same(T.formTitle),
  kind: 'checklist',
  sections: [
    {
      key: 'opening',
      title: same(T.formSection),
      fields: [
        {
          key: 'opened',
          type: 'single_choice',
          label: same(T.label),
          hint: same(T.hint),
          required: true,
          options: [
            { key: 'yes', label: same(T.option) },
            { key: 'no', label: { ky: 'Жок', ru: 'Нет', en: 'No' } },
          ],
        },
        { key: 'notes', type: 'long_text', label: { ky: 'Эскертүүлөр', ru: 'Заметки', en: 'Notes' } },
        { key: 'where', type: 'location', label: { ky: 'Жери', ru: 'Место', en: 'Place' } },
        {
          key: 'people',
          type: 'repeat',
          label: { ky: 'Адамдар', ru: 'Люди', en: 'People' },
          fields: [{ key: 'who', type: 'text', label: same(T.childLabel) }],
        },
      ],
    },
  ],
};

/** One CSV cell, quoted (the payloads have quotes and commas). */
const cell = (v: string) => `"${v.replaceAll('"', '""')}"`;

/** What ran or got in on the page: the payloads' flag, dialogs, and markup that only a payload makes. */
export async function planted(page: Page): Promise<{ flag: unknown; markup: string[] }> {
  return page.evaluate(() => ({
    flag: (window as unknown as { __xss?: unknown }).__xss,
    markup: [
      ...document.querySelectorAll(
        'img[src="x"], iframe, script:not([src]), [onerror], [onload], [onmouseover], [onfocus], a[href^="javascript:" i], b',
      ),
    ].map((e) => e.outerHTML.slice(0, 120)),
  }));
}

/** Waits until an input or text area holds exactly this text as its value (not parsed into the page). */
export async function hasValue(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) => [...document.querySelectorAll('input, textarea')].some((e) => (e as HTMLInputElement).value === t),
    text,
  );
}

export interface Ids {
  formId: string;
  versionId: string;
  missionId: string;
  /** Locked by the coordinator, with a comment. */
  commented: string;
  /** Rejected by the coordinator with a reason. */
  rejected: string;
  publicReport: string;
}

/** Everything a person can type on the monitoring screens, hostile, through the real API. */
export async function plant(w: RolesWorld, coordinator: Account, observer: Account): Promise<Ids> {
  const admin = await w.api(w.admin);
  const ok = (r: { status: number; body: unknown }, what: string, status = 200) =>
    assert.equal(r.status, status, `${what}: ${JSON.stringify(r.body)}`);
  const users = await admin.get<{ items: { id: string; email: string }[] }>('/api/users');
  const idOf = (a: Account) => users.body.items.find((u) => u.email === a.email)!.id;

  const form = await admin.post<{ id: string }>('/api/monitoring/forms', { definition: FORM });
  ok(form, 'form', 201);
  ok(await admin.post(`/api/monitoring/forms/${form.body.id}/publish`), 'publish');
  const detail = await admin.get<{ published: { id: string } }>(`/api/monitoring/forms/${form.body.id}`);
  const versionId = detail.body.published.id;

  const m = await admin.post<{ id: string }>('/api/monitoring/missions', {
    kind: 'election',
    title: T.mission,
    description: T.description,
    startsOn: '2026-11-29',
  });
  ok(m, 'mission', 201);
  const missionId = m.body.id;
  const base = `/api/monitoring/missions/${missionId}`;
  ok(await admin.put(`${base}/forms`, { formVersionIds: [versionId] }), 'attach');
  await admin.reauthed(w.admin.password, w.admin.secret); // appointing and importing: see SECURITY.md
  ok(
    await admin.put(`${base}/coordinators`, { coordinators: [{ userId: idOf(coordinator), region: null }] }),
    'coordinators',
  );
  const csv = `code,name,region,district,place,lat,lon\n${cell(T.siteCode)},${cell(T.siteName)},KG-C,,${cell(T.sitePlace)},,\n`;
  ok(await admin.post(`${base}/sites/import`, { csv }), 'import');
  ok(
    await admin.post(`${base}/sites`, {
      code: 'N-2',
      name: T.siteName,
      region: 'KG-N',
      place: T.answerPlace,
    }),
    'site',
    201,
  );
  const sites = await admin.get<{ items: { id: string; code: string }[] }>(`${base}/sites`);
  for (const s of sites.body.items)
    ok(await admin.put(`/api/monitoring/sites/${s.id}/observers`, { userIds: [idOf(observer)] }), 'assign');
  ok(await admin.patch(base, { status: 'active', public: true }), 'activate');

  const obs = await w.api(observer);
  const send = async () => {
    const r = await obs.post<{ id: string }>('/api/monitoring/submissions', {
      clientId: randomUUID(),
      formVersionId: versionId,
      siteId: sites.body.items.find((s) => s.code === T.siteCode)!.id,
      answers: {
        opened: 'yes',
        notes: T.answerText,
        where: { region: 'KG-C', place: T.answerPlace },
        people: [{ who: T.childAnswer }],
      },
      submittedAt: new Date().toISOString(),
    });
    ok(r, 'submission', 201);
    return r.body.id;
  };
  const commented = await send();
  const rejected = await send();

  const coord = await w.api(coordinator);
  const sub = (id: string) => `/api/monitoring/submissions/${id}`;
  ok(await coord.post(`${sub(rejected)}/lock`), 'lock');
  ok(await coord.post(`${sub(rejected)}/transition`, { to: 'rejected', reason: T.reason }), 'reject');
  ok(await coord.delete(`${sub(rejected)}/lock`), 'unlock');
  ok(await coord.post(`${sub(commented)}/lock`), 'lock');
  ok(await coord.post(`${sub(commented)}/comments`, { body: T.comment }), 'comment');
  ok(await coord.put(`${sub(commented)}/translations/en`, { text: T.translation }), 'translation');

  // The public incident form, retitled and relabelled by an administrator, then an anonymous report.
  const pf = await admin.get<{ formVersionId: string; definition: FormDefinition }>(
    '/api/public/reports/form',
  );
  const forms = await admin.get<{ items: { id: string; key: string | null }[] }>('/api/monitoring/forms');
  const publicFormId = forms.body.items.find((f) => f.key === 'public_incident')!.id;
  const def = structuredClone(pf.body.definition);
  def.title = same(T.publicTitle);
  def.sections[0]!.fields.find((f) => f.key === 'what_happened')!.label = same(T.publicLabel);
  ok(await admin.put(`/api/monitoring/forms/${publicFormId}/draft`, { definition: def }), 'public draft');
  ok(await admin.post(`/api/monitoring/forms/${publicFormId}/publish`), 'public publish');
  const anon = new Client(w.server.url);
  const f = await anon.get<{ formVersionId: string; challenge: { token: string; bits: number } }>(
    '/api/public/reports/form',
  );
  const report = await anon.post('/api/public/reports', {
    formVersionId: f.body.formVersionId,
    answers: {
      what_kind: 'violence',
      what_happened: T.publicText,
      where: { region: 'KG-C', place: T.publicPlace },
      happened_on: '2026-11-28',
    },
    challenge: f.body.challenge.token,
    nonce: solve(f.body.challenge.token, f.body.challenge.bits),
  });
  ok(report, 'public report', 202);
  const pub = await admin.get<{ items: { id: string }[] }>('/api/monitoring/submissions?source=public');
  assert.equal(pub.body.items.length, 1, 'the public report is stored');
  return {
    formId: form.body.id,
    versionId,
    missionId,
    commented,
    rejected,
    publicReport: pub.body.items[0]!.id,
  };
}
