import { createHash, randomUUID } from 'node:crypto';
import { validateDefinition, type FormDefinition } from '../../src/core/forms/index.ts';
import { uuidv7 } from '../../src/core/ids.ts';
import { solve } from '../../src/server/modules/monitoring/public.antispam.ts';
import type { AppContext } from '../../src/server/platform/context.ts';
import { reauthed, type TestApp, type TestUser } from './app.ts';
import type { Client } from './client.ts';

const L = (en: string, ru = en, ky = en) => ({ ky, ru, en });

/** A small polling-station checklist: every rule the submission tests need. */
export const CHECKLIST: FormDefinition = {
  title: L('Test checklist', 'Тестовый чек-лист', 'Тест чек-лист'),
  kind: 'checklist',
  sections: [
    {
      key: 'opening',
      title: L('Opening', 'Открытие', 'Ачылышы'),
      fields: [
        {
          key: 'opened',
          type: 'boolean',
          label: L('Opened on time', 'Открыт вовремя', 'Убагында ачылды'),
          required: true,
        },
        {
          key: 'late_reason',
          type: 'text',
          label: L('Why late', 'Причина опоздания', 'Кечигүү себеби'),
          visibleIf: { field: 'opened', op: 'eq', value: false },
        },
        {
          key: 'queue',
          type: 'single_choice',
          label: L('Queue', 'Очередь', 'Кезек'),
          required: true,
          options: [
            { key: 'short', label: L('Short', 'Короткая', 'Кыска') },
            { key: 'long', label: L('Long', 'Длинная', 'Узун') },
          ],
        },
        {
          key: 'problems',
          type: 'multiple_choice',
          label: L('Problems', 'Проблемы', 'Көйгөйлөр'),
          options: [
            { key: 'ballot', label: L('Ballots', 'Бюллетени', 'Бюллетендер') },
            { key: 'ink', label: L('Ink', 'Чернила', 'Сыя') },
          ],
        },
        {
          key: 'voters',
          type: 'number',
          label: L('Voters', 'Избиратели', 'Шайлоочулар'),
          constraint: { min: 0, integer: true },
        },
        {
          key: 'violence',
          type: 'boolean',
          label: L('Violence', 'Насилие', 'Зомбулук'),
          critical: { op: 'eq', value: true },
        },
        { key: 'notes', type: 'long_text', label: L('Notes', 'Заметки', 'Эскертүүлөр') },
        { key: 'photo', type: 'file', label: L('Photo', 'Фото', 'Сүрөт'), accept: 'photo' },
      ],
    },
  ],
};

export const INCIDENT: FormDefinition = {
  title: L('Test incident', 'Тестовый инцидент', 'Тест окуя'),
  kind: 'incident',
  sections: [
    {
      key: 'main',
      title: L('Incident', 'Инцидент', 'Окуя'),
      fields: [
        {
          key: 'what',
          type: 'long_text',
          label: L('What happened', 'Что случилось', 'Эмне болду'),
          required: true,
        },
        {
          key: 'severity',
          type: 'single_choice',
          label: L('Severity', 'Серьёзность', 'Олуттуулугу'),
          options: [
            { key: 'low', label: L('Low', 'Низкая', 'Төмөн') },
            { key: 'high', label: L('High', 'Высокая', 'Жогору') },
          ],
          critical: { op: 'eq', value: 'high' },
        },
      ],
    },
  ],
};

/** An incident report with a text and one photo: for what happens to a report's files. */
export const PHOTO_FORM: FormDefinition = {
  title: L('Photo report'),
  kind: 'incident',
  sections: [
    {
      key: 'm',
      title: L('Media'),
      fields: [
        { key: 'what', type: 'long_text', label: L('What happened') },
        { key: 'photo', type: 'file', label: L('Photo'), accept: 'photo' },
      ],
    },
  ],
};

/**
 * A visit report with the field types a plain checklist lacks: a place picked region → district, a
 * repeat group (one item per complaint) and a drawn signature.
 */
export const STATION_VISIT: FormDefinition = {
  title: L('Station visit', 'Посещение участка', 'Участокко баруу'),
  kind: 'checklist',
  sections: [
    {
      key: 'visit',
      title: L('Visit', 'Посещение', 'Баруу'),
      fields: [
        {
          key: 'station_place',
          type: 'location',
          label: L('Where the station is', 'Где находится участок', 'Участок кайда жайгашкан'),
          required: true,
        },
        {
          key: 'complaints',
          type: 'repeat',
          label: L('Complaints received', 'Полученные жалобы', 'Келип түшкөн даттануулар'),
          itemLabel: L('Complaint', 'Жалоба', 'Даттануу'),
          required: true,
          constraint: { minItems: 1, maxItems: 5 },
          fields: [
            {
              key: 'complainant',
              type: 'text',
              label: L('Who complained', 'Кто пожаловался', 'Ким даттанды'),
              required: true,
            },
            {
              key: 'upheld',
              type: 'boolean',
              label: L('Upheld by the commission', 'Удовлетворена комиссией', 'Комиссия канааттандырды'),
            },
          ],
        },
        {
          key: 'chair_sign',
          type: 'signature',
          label: L(
            'Signature of the commission chair',
            'Подпись председателя комиссии',
            'Комиссия төрагасынын колу',
          ),
          required: true,
        },
      ],
    },
  ],
};

/** A published form version, written straight to the tables of the forms module (its own tests cover its API). */
export async function publishTestForm(
  ctx: AppContext,
  def: FormDefinition,
): Promise<{ formId: string; versionId: string }> {
  const check = validateDefinition(def);
  if (!check.ok) throw new Error(`test form invalid: ${JSON.stringify(check)}`);
  const formId = uuidv7();
  const versionId = uuidv7();
  const now = new Date().toISOString();
  const definition = JSON.stringify(def);
  await ctx.db
    .insertInto('forms')
    .values({
      id: formId,
      key: null,
      kind: def.kind,
      title: JSON.stringify(def.title),
      origin: 'custom',
      archived: 0,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('form_versions')
    .values({
      id: versionId,
      form_id: formId,
      version: 1,
      status: 'published',
      definition,
      definition_hash: createHash('sha256').update(definition).digest('hex'),
      created_by: null,
      created_at: now,
      published_at: now,
      published_by: null,
    })
    .execute();
  return { formId, versionId };
}

export interface MissionWorld {
  missionId: string;
  checklist: string;
  incident: string;
  /** Site ids by code: C1, C2 in KG-C (Chuy), N1 in KG-N (Naryn). */
  sites: Record<string, string>;
}

/** An active mission with both forms and three sites, set up through the API as a coordinator would. */
export async function missionWorld(ctx: AppContext, admin: TestUser): Promise<MissionWorld> {
  const checklist = (await publishTestForm(ctx, CHECKLIST)).versionId;
  const incident = (await publishTestForm(ctx, INCIDENT)).versionId;
  const m = await admin.client.post<{ id: string }>('/api/monitoring/missions', {
    kind: 'election',
    title: 'Test election',
    startsOn: '2026-11-29',
  });
  if (m.status !== 201) throw new Error(`mission: ${m.status} ${JSON.stringify(m.body)}`);
  const missionId = m.body.id;
  const f = await admin.client.put(`/api/monitoring/missions/${missionId}/forms`, {
    formVersionIds: [checklist, incident],
  });
  if (f.status !== 200) throw new Error(`forms: ${f.status} ${JSON.stringify(f.body)}`);
  await reauthed(admin); // importing sites is a bulk action
  const imp = await admin.client.post(`/api/monitoring/missions/${missionId}/sites/import`, {
    csv: 'code,name,region,district,place,lat,lon\nC1,School 1,KG-C,,Kant,42.89,74.85\nC2,School 2,Чуйская область,,,,\nN1,School 3,Naryn,,,,\n',
  });
  if (imp.status !== 200) throw new Error(`import: ${imp.status} ${JSON.stringify(imp.body)}`);
  const st = await admin.client.patch(`/api/monitoring/missions/${missionId}`, { status: 'active' });
  if (st.status !== 200) throw new Error(`activate: ${st.status} ${JSON.stringify(st.body)}`);
  const list = await admin.client.get<{ items: { id: string; code: string }[] }>(
    `/api/monitoring/missions/${missionId}/sites`,
  );
  const sites = Object.fromEntries(list.body.items.map((s) => [s.code, s.id]));
  return { missionId, checklist, incident, sites };
}

export async function assign(admin: TestUser, siteId: string, userIds: string[]): Promise<void> {
  const r = await admin.client.put(`/api/monitoring/sites/${siteId}/observers`, { userIds });
  if (r.status !== 200) throw new Error(`assign: ${r.status} ${JSON.stringify(r.body)}`);
}

export const goodAnswers = (extra: Record<string, unknown> = {}) => ({
  opened: true,
  queue: 'short',
  problems: ['ink'],
  voters: 120,
  ...extra,
});

export function submission(
  w: MissionWorld,
  site: string,
  answers: Record<string, unknown>,
  form = w.checklist,
) {
  return {
    clientId: randomUUID(),
    formVersionId: form,
    siteId: w.sites[site]!,
    answers,
    submittedAt: new Date().toISOString(),
  };
}

/** A complete upload of the field app's kind (announce, then one piece), as the user; returns its id. */
export async function sendUpload(c: Client, bytes: Buffer, name?: string): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const made = await c.post<{ id: string }>('/api/monitoring/uploads', {
    clientId: randomUUID(),
    size: bytes.length,
    sha256,
    ...(name === undefined ? {} : { name }),
  });
  if (made.status !== 201) throw new Error(`upload: ${made.status} ${JSON.stringify(made.body)}`);
  const res = await putPiece(c, made.body.id, 0, bytes);
  const done = res.body as { complete?: boolean };
  if (res.status !== 200 || !done.complete) throw new Error(`piece: ${res.status} ${JSON.stringify(done)}`);
  return made.body.id;
}

/** One piece of a resumable upload, sent as the field app sends it (raw bytes at the given offset). */
export async function putPiece(
  c: Client,
  id: string,
  offset: number,
  bytes: Buffer,
): Promise<{ status: number; body: unknown }> {
  if (c.csrf === null) await c.fetchCsrf();
  const res = await fetch(`${c.baseUrl}/api/monitoring/uploads/${id}?offset=${offset}`, {
    method: 'PUT',
    headers: {
      cookie: c.cookieHeader(),
      'x-csrf-token': c.csrf!,
      'content-type': 'application/octet-stream',
    },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

/** The public form answers the INCIDENT test form from now on (what `sendPublicReport` sends). */
export async function useTestPublicForm(ctx: AppContext): Promise<void> {
  await ctx.db.updateTable('forms').set({ key: null }).where('key', '=', 'public_incident').execute();
  const { formId } = await publishTestForm(ctx, INCIDENT);
  await ctx.db.updateTable('forms').set({ key: 'public_incident' }).where('id', '=', formId).execute();
}

/**
 * An anonymous report through the public form (the test app must take a quick proof of work:
 * UKUK_PUBLIC_POW_BITS low), answering the INCIDENT test form, which asks no place; the stored id.
 */
export async function sendPublicReport(t: TestApp): Promise<string> {
  const f = (
    await t
      .client()
      .get<{ formVersionId: string; challenge: { token: string; bits: number } }>('/api/public/reports/form')
  ).body;
  const r = await t.client().post('/api/public/reports', {
    formVersionId: f.formVersionId,
    answers: { what: `Окуя ${randomUUID()}`, severity: 'low' },
    challenge: f.challenge.token,
    nonce: solve(f.challenge.token, f.challenge.bits),
  });
  if (r.status !== 202) throw new Error(`public report: ${r.status} ${JSON.stringify(r.body)}`);
  const row = await t.ctx.db
    .selectFrom('submissions')
    .select('id')
    .where('source', '=', 'public')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}
