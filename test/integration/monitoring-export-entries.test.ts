import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../src/core/csv.ts';
import type { FormDefinition } from '../../src/core/forms/types.ts';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import type { Client } from '../helpers/client.ts';
import { backends } from '../helpers/db.ts';
import {
  assign,
  missionWorld,
  publishTestForm,
  submission,
  type MissionWorld,
} from '../helpers/monitoring.ts';

type Err = { error: { code: string; message: string; fields?: { path: string }[] } };
const SECRET = 'Атыбек, камера 12';
const SECRET2 = 'жазуудагы эркин текст 4410';
const L = (en: string, ru: string, ky: string) => ({ en, ru, ky });

/** A detention visit whose interviews are a repeat group: the analyst counts interviews, not visits. */
const VISIT: FormDefinition = {
  title: L('Visit', 'Посещение', 'Баруу'),
  kind: 'checklist',
  sections: [
    {
      key: 'visit',
      title: L('Visit', 'Посещение', 'Баруу'),
      fields: [
        {
          key: 'access_granted',
          type: 'boolean',
          label: L('Access granted', 'Доступ дан', 'Кирүүгө уруксат'),
        },
        {
          key: 'interviews',
          type: 'repeat',
          label: L('Interviews', 'Беседы', 'Маектер'),
          fields: [
            { key: 'interviewee', type: 'text', label: L('Who', 'Кто', 'Ким') },
            {
              key: 'sex',
              type: 'single_choice',
              label: L('Sex', 'Пол', 'Жынысы'),
              options: [
                { key: 'f', label: L('Woman', 'Женщина', 'Аял') },
                { key: 'm', label: L('Man', 'Мужчина', 'Эркек') },
              ],
            },
            {
              key: 'ill_treatment',
              type: 'boolean',
              label: L('Ill-treatment', 'Жестокое обращение', 'Кордук көрсөтүү'),
            },
            { key: 'detained_on', type: 'date', label: L('Detained on', 'Задержан', 'Кармалган күнү') },
            { key: 'held_at', type: 'location', label: L('Held at', 'Где содержится', 'Кайда кармалууда') },
          ],
        },
      ],
    },
  ],
};

/** Another form whose interviews ask the same `sex` as free text: no column for it in a redacted export. */
const VISIT_TEXT: FormDefinition = {
  title: L('Visit (old)', 'Посещение (старое)', 'Баруу (эски)'),
  kind: 'checklist',
  sections: [
    {
      key: 'visit',
      title: L('Visit', 'Посещение', 'Баруу'),
      fields: [
        {
          key: 'interviews',
          type: 'repeat',
          label: L('Interviews', 'Беседы', 'Маектер'),
          fields: [{ key: 'sex', type: 'text', label: L('Sex', 'Пол', 'Жынысы') }],
        },
      ],
    },
  ],
};

async function download(c: Client, url: string) {
  const res = await fetch(c.baseUrl + url, { headers: { cookie: c.cookieHeader() } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const csvRows = (bytes: Buffer) =>
  parseCsv(
    bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim(),
  );

/**
 * An export with one row per entry of a repeat group (a visit's interviews): the report's columns, the
 * entry's number, the group's questions; redacted, an entry (often a person) keeps only its yes/no and
 * choice answers (ADR 0036). Asked for a group the mission has not, or as GeoJSON, it is refused in the
 * caller's language and nothing is queued.
 */
for (const backend of await backends()) {
  describe(`monitoring export: one row per entry (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let obs: TestUser;
    let coord: TestUser;
    let w: MissionWorld;
    const visits: string[] = [];
    const url = () => `/api/monitoring/missions/${w.missionId}/exports`;
    const exports = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('mon_exports')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    async function exported(body: Record<string, unknown>, who: TestUser = admin) {
      const r = await who.client.post<{ jobId: string }>(url(), body);
      assert.equal(r.status, 202, JSON.stringify(r.body));
      while (await t.ctx.jobs.runOnce());
      const s = await who.client.get<{ status: string; entries: string | null; total: number }>(
        `/api/monitoring/exports/${r.body.jobId}`,
      );
      assert.equal(s.body.status, 'done', JSON.stringify(s.body));
      assert.equal(s.body.entries, body.entries ?? null);
      const d = await download(who.client, `/api/monitoring/exports/${r.body.jobId}/download`);
      assert.equal(d.status, 200);
      return { ...d, total: s.body.total };
    }

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      obs = await addUser(t, admin, 'monitor');
      coord = await addUser(t, admin, 'coordinator');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: coord.id, region: 'KG-N' }],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      const visit = (await publishTestForm(t.ctx, VISIT)).versionId;
      const old = (await publishTestForm(t.ctx, VISIT_TEXT)).versionId;
      const forms = await admin.client.put(`/api/monitoring/missions/${w.missionId}/forms`, {
        formVersionIds: [w.checklist, visit, old],
      });
      assert.equal(forms.status, 200, JSON.stringify(forms.body));
      const sent: [string, Record<string, unknown>][] = [
        [
          visit,
          {
            access_granted: true,
            interviews: [
              {
                interviewee: SECRET,
                sex: 'm',
                ill_treatment: true,
                detained_on: '2026-11-30',
                held_at: { region: 'KG-C' },
              },
              { interviewee: 'B', sex: 'f', ill_treatment: false },
            ],
          },
        ],
        [visit, { access_granted: true, interviews: [{ sex: 'f', ill_treatment: true }] }],
        [visit, { access_granted: false }],
        [old, { interviews: [{ sex: SECRET2 }] }],
      ];
      for (const [form, answers] of sent) {
        const r = await obs.client.post<{ id: string }>(
          '/api/monitoring/submissions',
          submission(w, 'C1', answers, form),
        );
        assert.equal(r.status, 201, JSON.stringify(r.body));
        visits.push(r.body.id);
      }
      await admin.client.reauth(admin.password, admin.totpSecret);
      await coord.client.reauth(coord.password, coord.totpSecret);
    });
    after(async () => t?.close());

    test('a group the mission has not, or GeoJSON, is refused in the caller’s language; nothing is queued', async () => {
      const before = await exports();
      const unknown = await admin.client.request<Err>(
        'POST',
        url(),
        { format: 'csv', entries: 'complaints' },
        { 'x-ukuk-locale': 'ru' },
      );
      assert.equal(unknown.status, 400, JSON.stringify(unknown.body));
      assert.equal(unknown.body.error.code, 'mon_export.entries_unknown');
      assert.match(unknown.body.error.message, /повторяющейся группы «complaints»/);
      assert.deepEqual(
        unknown.body.error.fields?.map((f) => f.path),
        ['entries'],
      );
      // A question that is not a repeat group is no group either.
      const plain = await admin.client.post<Err>(url(), { format: 'csv', entries: 'access_granted' });
      assert.equal(plain.body.error.code, 'mon_export.entries_unknown');
      const geo = await admin.client.post<Err>(url(), { format: 'geojson', entries: 'interviews' });
      assert.equal(geo.status, 400);
      assert.equal(geo.body.error.code, 'mon_export.entries_format');
      const bad = await admin.client.post<Err>(url(), { format: 'csv', entries: 'Interviews; drop' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'validation.failed');
      assert.deepEqual(
        bad.body.error.fields?.map((f) => f.path),
        ['entries'],
      );
      assert.equal(await exports(), before);
    });

    test('redacted CSV: a row per interview, the report’s columns first; yes/no and choices only', async () => {
      const d = await exported({ format: 'csv', entries: 'interviews' });
      assert.match(d.headers.get('content-disposition') ?? '', /ukuk-monitoring-interviews-/);
      assert.equal(d.total, 4, 'the reports of the forms with the group, not the checklists');
      const text = d.bytes.toString('utf8');
      const [head, ...rows] = csvRows(d.bytes);
      assert.equal(
        rows.length,
        4,
        'two interviews of the first visit, one of the second and of the old form',
      );
      // `sex` is free text in the other form: no column at all. An entry's date and place are withheld.
      assert.deepEqual(head!.slice(-2), ['Жазуу', 'ill_treatment']);
      assert.equal(head![0], 'Билдирүү');
      for (const gone of ['interviewee', 'access_granted', 'sex', 'detained_on', 'held_at.region'])
        assert.ok(!head!.includes(gone), `${gone} in ${head!.join(',')}`);
      for (const secret of [SECRET, SECRET2, '2026-11-30'])
        assert.ok(!text.includes(secret), `${secret} in a redacted export`);
      assert.deepEqual(
        rows.map((r) => [r[0], ...r.slice(-2)]),
        [
          [visits[0], '1', 'ооба'],
          [visits[0], '2', 'жок'],
          [visits[1], '1', 'ооба'],
          [visits[3], '1', ''],
        ],
      );
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'monitoring.export')
        .executeTakeFirstOrThrow();
      assert.match(String(audit.details), /"entries":"interviews"/);
    });

    test('XLSX with names: free text, typed dates, places, and a codebook that says what an entry is', async () => {
      const d = await exported({ format: 'xlsx', entries: 'interviews', redacted: false });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(d.bytes as unknown as ArrayBuffer);
      const [data, book] = wb.worksheets;
      assert.equal(data!.rowCount, 5, 'header and four interviews');
      const header = (data!.getRow(1).values as unknown[]).slice(1);
      const col = (key: string) => {
        const i = header.indexOf(key);
        assert.ok(i >= 0, `${key} in ${header.join(',')}`);
        return i + 1;
      };
      assert.equal(data!.getRow(2).getCell(col('interviewee')).text, SECRET);
      assert.equal(data!.getRow(2).getCell(col('detained_on')).type, ExcelJS.ValueType.Date);
      assert.equal(data!.getRow(2).getCell(col('held_at.region')).text, 'Чүй облусу');
      // The old form's free-text answer lands in the same `sex` column, as written.
      assert.equal(data!.getRow(5).getCell(col('sex')).text, SECRET2);
      const codes = (book!.getColumn(1).values as unknown[]).slice(2, 5);
      assert.deepEqual(codes, ['Жазуу', 'interviewee', 'sex']);
      assert.match(book!.getRow(2).getCell(2).text, /Баруу › Маектер/);
      assert.match(book!.getRow(4).getCell(4).text, /f = Аял; m = Эркек/);
    });

    test('a region’s coordinator gets the entries of their region only', async () => {
      // Every visit was in Chuy; this coordinator has Naryn: the file has its header and nothing else.
      const d = await exported({ format: 'csv', entries: 'interviews' }, coord);
      assert.equal(d.total, 0);
      const [head, ...rows] = csvRows(d.bytes);
      assert.equal(head![0], 'Отчёт', 'in the coordinator’s language');
      assert.equal(rows.length, 0);
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'monitoring.export')
        .where('actor_id', '=', coord.id)
        .executeTakeFirstOrThrow();
      assert.match(String(audit.details), /"regions":"KG-N"/);
    });
  });
}
