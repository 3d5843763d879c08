import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../src/core/csv.ts';
import type { FormDefinition } from '../../src/core/forms/types.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
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
          ],
        },
      ],
    },
  ],
};

async function download(c: Client, url: string) {
  const res = await fetch(c.baseUrl + url, { headers: { cookie: c.cookieHeader() } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/**
 * An export with one row per entry of a repeat group (a visit's interviews): the report's columns, the
 * entry's number, the group's questions under the same redaction as a report's. Asked for a group the
 * mission has not, or as GeoJSON, it is refused in the caller's language and nothing is queued.
 */
for (const backend of await backends()) {
  describe(`monitoring export: one row per entry (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    const visits: string[] = [];
    const url = () => `/api/monitoring/missions/${w.missionId}/exports`;

    async function exported(body: Record<string, unknown>) {
      const r = await admin.client.post<{ jobId: string }>(url(), body);
      assert.equal(r.status, 202, JSON.stringify(r.body));
      while (await t.ctx.jobs.runOnce());
      const s = await admin.client.get<{ status: string; entries: string | null; rows: number }>(
        `/api/monitoring/exports/${r.body.jobId}`,
      );
      assert.equal(s.body.status, 'done', JSON.stringify(s.body));
      assert.equal(s.body.entries, body.entries ?? null);
      const d = await download(admin.client, `/api/monitoring/exports/${r.body.jobId}/download`);
      assert.equal(d.status, 200);
      return d;
    }

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      const visit = (await publishTestForm(t.ctx, VISIT)).versionId;
      const forms = await admin.client.put(`/api/monitoring/missions/${w.missionId}/forms`, {
        formVersionIds: [w.checklist, visit],
      });
      assert.equal(forms.status, 200, JSON.stringify(forms.body));
      const interviews = [
        [
          { interviewee: SECRET, sex: 'm', ill_treatment: true, detained_on: '2026-11-30' },
          { interviewee: 'B', sex: 'f', ill_treatment: false },
        ],
        [{ sex: 'f', ill_treatment: true }],
        [],
      ];
      for (const list of interviews) {
        const r = await obs.client.post<{ id: string }>(
          '/api/monitoring/submissions',
          submission(w, 'C1', { access_granted: true, ...(list.length ? { interviews: list } : {}) }, visit),
        );
        assert.equal(r.status, 201, JSON.stringify(r.body));
        visits.push(r.body.id);
      }
      await admin.client.reauth(admin.password, admin.totpSecret);
    });
    after(async () => t?.close());

    test('a group the mission has not, or GeoJSON, is refused in the caller’s language; nothing is queued', async () => {
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
      const n = await t.ctx.db
        .selectFrom('mon_exports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 0);
    });

    test('redacted CSV: a row per interview, the report’s columns first, no free text', async () => {
      const d = await exported({ format: 'csv', entries: 'interviews' });
      assert.match(d.headers.get('content-disposition') ?? '', /ukuk-monitoring-interviews-/);
      const [head, ...rows] = parseCsv(
        d.bytes
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .trim(),
      );
      assert.equal(rows.length, 3, 'two interviews of the first visit, one of the second, none of the third');
      assert.deepEqual(head!.slice(-4), ['Жазуу', 'sex', 'ill_treatment', 'detained_on']);
      assert.equal(head![0], 'Билдирүү');
      assert.ok(!head!.includes('interviewee') && !head!.includes('access_granted'), head!.join(','));
      assert.ok(!d.bytes.toString('utf8').includes(SECRET), 'free text stays out of a redacted export');
      const cells = rows.map((r) => [r[0], ...r.slice(-4)]);
      assert.deepEqual(cells, [
        [visits[0], '1', 'Эркек', 'ооба', '2026-11-30'],
        [visits[0], '2', 'Аял', 'жок', ''],
        [visits[1], '1', 'Аял', 'ооба', ''],
      ]);
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'monitoring.export')
        .executeTakeFirstOrThrow();
      assert.match(String(audit.details), /"entries":"interviews"/);
    });

    test('XLSX: typed dates and a codebook that says what an entry is', async () => {
      const d = await exported({ format: 'xlsx', entries: 'interviews' });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(d.bytes as unknown as ArrayBuffer);
      const [data, book] = wb.worksheets;
      assert.equal(data!.rowCount, 4, 'header and three interviews');
      const header = (data!.getRow(1).values as unknown[]).slice(1);
      const at = header.indexOf('detained_on') + 1;
      assert.equal(data!.getRow(2).getCell(at).type, ExcelJS.ValueType.Date);
      const codes = (book!.getColumn(1).values as unknown[]).slice(2);
      assert.deepEqual(codes, ['Жазуу', 'sex', 'ill_treatment', 'detained_on']);
      assert.match(book!.getRow(2).getCell(2).text, /Баруу › Маектер/);
      assert.match(book!.getRow(3).getCell(4).text, /f = Аял; m = Эркек/);
    });

    test('with names, the interview’s free text is there too', async () => {
      const d = await exported({ format: 'csv', entries: 'interviews', redacted: false });
      const [head, ...rows] = parseCsv(
        d.bytes
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .trim(),
      );
      assert.ok(head!.includes('interviewee'), head!.join(','));
      assert.equal(rows[0]![head!.indexOf('interviewee')], SECRET);
    });
  });
}
