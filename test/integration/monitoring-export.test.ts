import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { tr } from '../../src/server/platform/i18n.ts';
import {
  addUser,
  expireReauth,
  setupAdmin,
  startTestApp,
  type TestApp,
  type TestUser,
} from '../helpers/app.ts';
import type { Client } from '../helpers/client.ts';
import { backends } from '../helpers/db.ts';
import { filesUnder } from '../helpers/scan.ts';
import type { FormDefinition } from '../../src/core/forms/types.ts';
import {
  assign,
  goodAnswers,
  missionWorld,
  publishTestForm,
  submission,
  type MissionWorld,
} from '../helpers/monitoring.ts';

type Err = { error: { code: string; message: string } };
type Status = {
  status: string;
  progress: number;
  rows: number;
  total: number;
  keepDays: number;
  expiresAt: string | null;
};
const SECRET = 'СЕКРЕТ-эскертүү 7731';
/** A reviewer's English translation of the first report: free text, so only in an export with names. */
const TRANSLATED = 'Translated: the chair turned observers away 5520';
/** A form with a date, a date-time and a number: typed cells in XLSX, ISO text in CSV. */
const DATED: FormDefinition = {
  title: { en: 'Dated incident', ru: 'Инцидент с датой', ky: 'Күнү бар окуя' },
  kind: 'incident',
  sections: [
    {
      key: 'when',
      title: { en: 'When', ru: 'Когда', ky: 'Качан' },
      fields: [
        { key: 'happened_on', type: 'date', label: { en: 'Day', ru: 'День', ky: 'Күнү' } },
        { key: 'started_at', type: 'datetime', label: { en: 'Start', ru: 'Начало', ky: 'Башталышы' } },
        { key: 'hurt', type: 'number', label: { en: 'Hurt', ru: 'Пострадавших', ky: 'Жабыркагандар' } },
      ],
    },
  ],
};
/** 20:30 UTC on 30 November: 02:30 on 1 December in Bishkek. */
const SUBMITTED = '2026-11-30T20:30:00.000Z';

async function download(c: Client, url: string) {
  const res = await fetch(c.baseUrl + url, { headers: { cookie: c.cookieHeader() } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Run the job worker of the test app until no job is due (the test app does not poll). */
async function drainJobs(t: TestApp): Promise<void> {
  while (await t.ctx.jobs.runOnce());
}

for (const backend of await backends()) {
  describe(`monitoring exports (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let coord: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    const checklists: string[] = [];

    async function exportDone(c: Client, body: Record<string, unknown>): Promise<string> {
      const r = await c.post<{ jobId: string }>(`/api/monitoring/missions/${w.missionId}/exports`, body);
      assert.equal(r.status, 202, JSON.stringify(r.body));
      await drainJobs(t);
      const s = await c.get<Status>(`/api/monitoring/exports/${r.body.jobId}`);
      assert.equal(s.status, 200);
      assert.equal(s.body.status, 'done');
      assert.equal(s.body.progress, 1);
      assert.equal(s.body.rows, 6);
      // The file is kept UKUK_EXPORT_KEEP_DAYS (7 by default) after it was written.
      assert.equal(s.body.keepDays, 7);
      const left = Date.parse(s.body.expiresAt!) - Date.now();
      assert.ok(left > 6.9 * 86_400_000 && left <= 7 * 86_400_000, s.body.expiresAt!);
      return r.body.jobId;
    }

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      coord = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await assign(admin, w.sites.N1!, [obs.id]);
      for (let i = 0; i < 4; i++) {
        const extra = i === 0 ? { opened: false, late_reason: SECRET, notes: SECRET } : { notes: SECRET };
        const r = await obs.client.post<{ id: string }>(
          '/api/monitoring/submissions',
          submission(w, i % 2 ? 'N1' : 'C1', goodAnswers(extra)),
        );
        assert.equal(r.status, 201, JSON.stringify(r.body));
        checklists.push(r.body.id);
      }
      const en = await admin.client.put(`/api/monitoring/submissions/${checklists[0]}/translations/en`, {
        text: TRANSLATED,
      });
      assert.equal(en.status, 200, JSON.stringify(en.body));
      // The third report repeats the first (ADR 0026): the exports name the report it repeats.
      const dup = await admin.client.post(`/api/monitoring/submissions/${checklists[2]}/transition`, {
        to: 'rejected',
        duplicateOf: checklists[0],
      });
      assert.equal(dup.status, 200, JSON.stringify(dup.body));
      // A reviewer corrected the second report's voters (ADR 0030): the exports say which answer.
      const fixed = await admin.client.patch(`/api/monitoring/submissions/${checklists[1]}/answers`, {
        changes: { voters: 1530 },
        reason: 'Confirmed by phone',
      });
      assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
      const inc = await obs.client.post(
        '/api/monitoring/submissions',
        submission(w, 'C1', { what: SECRET, severity: 'high' }, w.incident),
      );
      assert.equal(inc.status, 201, JSON.stringify(inc.body));
      const dated = (await publishTestForm(t.ctx, DATED)).versionId;
      const forms = await admin.client.put(`/api/monitoring/missions/${w.missionId}/forms`, {
        formVersionIds: [w.checklist, w.incident, dated],
      });
      assert.equal(forms.status, 200, JSON.stringify(forms.body));
      const d = await obs.client.post('/api/monitoring/submissions', {
        ...submission(
          w,
          'C1',
          { happened_on: '2026-12-01', started_at: '2026-12-01T09:15:00+06:00', hurt: 3 },
          dated,
        ),
        submittedAt: SUBMITTED,
      });
      assert.equal(d.status, 201, JSON.stringify(d.body));
    });
    after(async () => t?.close());

    test('an export needs a fresh re-authentication, and bad requests create nothing', async () => {
      const url = `/api/monitoring/missions/${w.missionId}/exports`;
      await expireReauth(t, admin); // the set-up's re-authentication (appointing, importing) ran out
      const stale = await admin.client.post<Err>(url, { format: 'csv' });
      assert.equal(stale.status, 401);
      assert.equal(stale.body.error.code, 'auth.reauth_required');
      // One re-authentication holds for the following tests (10 minutes; each waits for a fresh code).
      await admin.client.reauth(admin.password, admin.totpSecret);
      const bad = await admin.client.post<Err>(url, { format: 'pdf' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'validation.failed');
      const missing = await admin.client.post<Err>('/api/monitoring/missions/nope/exports', {
        format: 'csv',
      });
      assert.equal(missing.status, 404);
      const n = await t.ctx.db
        .selectFrom('mon_exports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 0);
    });

    test('redacted CSV by default: no free text, no place or GPS, observers as codes; audited', async () => {
      const id = await exportDone(admin.client, { format: 'csv' });
      const d = await download(admin.client, `/api/monitoring/exports/${id}/download`);
      assert.equal(d.status, 200);
      assert.match(d.headers.get('content-type') ?? '', /text\/csv/);
      assert.match(d.headers.get('content-disposition') ?? '', /attachment/);
      const text = d.bytes.toString('utf8');
      const lines = text.trim().split('\r\n');
      assert.equal(lines.length, 7, 'header and six submissions');
      // CSV keeps the ISO text as stored (UTC for the submission's own times) and numbers as written.
      const dated = lines.find((l) => l.includes(',2026-12-01,'));
      assert.ok(dated?.includes(`,${SUBMITTED},`), dated);
      assert.ok(dated?.includes(',2026-12-01,2026-12-01T09:15:00+06:00,3'), dated);
      assert.ok(lines[0]!.includes('opened') && lines[0]!.includes('severity'));
      // An election's sites are polling stations, in the requester's language.
      assert.ok(lines[0]!.includes(',Участоктун коду,Участок,'), lines[0]);
      // A rejected copy names the report it repeats, right after its status; the others leave it empty.
      // Then the questions a reviewer corrected (keys only, also when redacted).
      assert.ok(
        lines[0]!.startsWith('Билдирүү,Алынды,Жөнөтүлдү,Абалы,Кайталаган билдирүү,Оңдолгон жооптор,'),
        lines[0],
      );
      const byId = new Map(lines.slice(1).map((l) => [l.split(',')[0]!, l.split(',')]));
      assert.equal(byId.get(checklists[2]!)![4], checklists[0]);
      assert.equal(byId.get(checklists[0]!)![4], '');
      assert.equal(byId.get(checklists[1]!)![5], 'voters');
      assert.equal(byId.get(checklists[0]!)![5], '');
      assert.ok(byId.get(checklists[1]!)!.includes('1530'), 'the corrected answer');
      assert.ok(
        !lines[0]!.includes('notes') && !lines[0]!.includes('late_reason') && !lines[0]!.includes('what'),
      );
      assert.ok(!text.includes(SECRET), 'free text is not in a redacted export');
      assert.ok(!text.includes(TRANSLATED), 'nor a translation');
      assert.ok(!lines[0]!.includes(tr('ky', 'errors:mon_export.column.translation_en')), lines[0]);
      assert.ok(!text.includes('Test monitor'), 'no observer names');
      // Statuses and choices read in the requester's language (Kyrgyz), like yes/no; keys never.
      assert.ok(!text.includes(',received,') && !text.includes(',short,'), text.split('\r\n')[1]);
      assert.ok(text.includes(',Кыска,') || text.includes(',Кыска\r\n'), text.split('\r\n')[1]);
      assert.match(text, /O-[0-9a-f]{8}/);
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'monitoring.export')
        .execute();
      assert.equal(audit.length, 1);
      assert.ok(audit[0]!.details?.includes(id));
      // The file at rest is ciphertext. The markers are the export's own header and observer codes,
      // never a two-byte prefix like "O-" that random ciphertext holds by chance about once in a
      // hundred files.
      const markers = ['opened', 'severity', ...new Set(text.match(/O-[0-9a-f]{8}/g))];
      const files = filesUnder(path.join(t.ctx.config.dataDir, 'files'));
      assert.ok(files.length > 0, 'the export file is on disk');
      for (const f of files) {
        const raw = fs.readFileSync(f);
        for (const m of markers) assert.ok(!raw.includes(Buffer.from(m)), `${m} is encrypted at rest`);
      }
    });

    test('XLSX and GeoJSON of the same rows', async () => {
      const x = await download(
        admin.client,
        `/api/monitoring/exports/${await exportDone(admin.client, { format: 'xlsx' })}/download`,
      );
      assert.equal(x.status, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      assert.equal(ws.rowCount, 7);
      assert.ok(!x.bytes.includes(Buffer.from(SECRET)));
      // Typed cells: dates with a date format, instants in Bishkek time (the header says so), numbers.
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      const col = (name: string) => {
        const i = header.indexOf(name);
        assert.ok(i >= 0, `${name} in ${JSON.stringify(header)}`);
        return i + 1;
      };
      const local = (c: string) => tr('ky', 'errors:mon_export.local_time', { column: c });
      const submitted = col(local(tr('ky', 'errors:mon_export.column.submitted_at')));
      const received = col(local(tr('ky', 'errors:mon_export.column.received_at')));
      const [on, at, hurt, voters] = [
        col('happened_on'),
        col(local('started_at')),
        col('hurt'),
        col('voters'),
      ];
      assert.ok(!header.includes('notes'), 'redacted columns stay out');
      const rows = Array.from({ length: 6 }, (_, i) => ws.getRow(i + 2));
      const row = rows.find((r) => r.getCell(on).value instanceof Date)!;
      assert.ok(row, 'the dated submission');
      // A spreadsheet date has no zone: exceljs reads it as a Date whose UTC fields are the wall clock.
      const iso = (c: number) => (row.getCell(c).value as Date).toISOString();
      assert.equal(iso(on), '2026-12-01T00:00:00.000Z');
      assert.equal(row.getCell(on).numFmt, 'yyyy-mm-dd');
      assert.equal(iso(at), '2026-12-01T09:15:00.000Z');
      assert.equal(row.getCell(at).numFmt, 'yyyy-mm-dd hh:mm');
      assert.equal(iso(submitted), '2026-12-01T02:30:00.000Z');
      assert.equal(row.getCell(submitted).numFmt, 'yyyy-mm-dd hh:mm');
      const late = Math.abs(Date.parse(iso(received)) - (Date.now() + 6 * 3_600_000));
      assert.ok(late < 10 * 60_000, `received ${iso(received)} is now in Bishkek`);
      assert.equal(row.getCell(hurt).value, 3);
      assert.equal(row.getCell(hurt).type, ExcelJS.ValueType.Number);
      const counts = rows.map((r) => r.getCell(voters).value).filter((v) => v !== null);
      assert.deepEqual(
        [...counts].sort((x, y) => Number(x) - Number(y)),
        [120, 120, 120, 1530],
        'the corrected count among the others',
      );
      // The second sheet says what each question column asks, in the reader's language.
      const book = wb.worksheets[1]!;
      assert.equal(book.name, tr('ky', 'errors:mon_export.codebook.sheet'));
      const entries = new Map(
        Array.from({ length: book.rowCount - 1 }, (_, i) => {
          const r = book.getRow(i + 2);
          return [r.getCell(1).value, [2, 3, 4].map((c) => r.getCell(c).value)] as const;
        }),
      );
      assert.deepEqual(entries.get('hurt'), ['Качан', 'Жабыркагандар', null]);
      assert.deepEqual(entries.get('queue')?.slice(1), ['Кезек', 'short = Кыска; long = Узун']);
      assert.deepEqual(entries.get('opened')?.[2], 'ооба / жок');
      assert.equal(entries.has('notes'), false, 'a redacted column is not described either');
      // Every question column of the data sheet is there, in the same order.
      const questions = header.slice(header.indexOf(tr('ky', 'errors:mon_export.column.form_version')) + 1);
      assert.deepEqual(
        [...entries.keys()],
        questions.map((h) => String(h).replace(/ \(.*\)$/, '')),
      );
      const g = await download(
        admin.client,
        `/api/monitoring/exports/${await exportDone(admin.client, { format: 'geojson' })}/download`,
      );
      const fc = JSON.parse(g.bytes.toString('utf8')) as {
        type: string;
        features: { geometry: unknown; properties: Record<string, unknown> }[];
      };
      assert.equal(fc.type, 'FeatureCollection');
      assert.equal(fc.features.length, 6);
      // No report's GPS (where the observer stood); a report from a site with a point is placed there.
      const code = tr('ky', 'errors:mon_export.column.site_code');
      for (const f of fc.features) {
        const atC1 = f.properties[code] === 'C1';
        assert.deepEqual(
          (f.geometry as { coordinates?: number[] } | null)?.coordinates ?? null,
          atC1 ? [74.85, 42.89] : null,
          `${String(f.properties[code])}: the site's own point, or none`,
        );
      }
      assert.ok(fc.features.some((f) => f.properties[code] === 'C1'));
    });

    test('the site columns follow the mission kind: courts, institutions, places', async () => {
      const words = {
        trial: { ky: ',Соттун коду,Сот,', ru: ',Код суда,Суд,', en: ',Court code,Court,' },
        detention: { ky: ',Мекеменин коду,Мекеме,', ru: ',Код учреждения,Учреждение,' },
        assembly: { ky: ',Жыйын жеринин коду,Жыйын жери,', ru: ',Код места,Место,' },
      } as const;
      for (const [kind, byLocale] of Object.entries(words)) {
        const m = await admin.client.post<{ id: string }>('/api/monitoring/missions', {
          kind,
          title: `Export ${kind}`,
        });
        assert.equal(m.status, 201, JSON.stringify(m.body));
        for (const [locale, header] of Object.entries(byLocale)) {
          // The app's language switch, which wins over the account's language (Kyrgyz here).
          const r = await admin.client.request<{ jobId: string }>(
            'POST',
            `/api/monitoring/missions/${m.body.id}/exports`,
            { format: locale === 'ru' ? 'xlsx' : 'csv' },
            { 'x-ukuk-locale': locale },
          );
          assert.equal(r.status, 202, JSON.stringify(r.body));
          await drainJobs(t);
          const d = await download(admin.client, `/api/monitoring/exports/${r.body.jobId}/download`);
          assert.equal(d.status, 200);
          let first: string;
          if (locale === 'ru') {
            const wb = new ExcelJS.Workbook();
            await wb.xlsx.load(d.bytes as unknown as ArrayBuffer);
            first = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1).join(',');
          } else first = d.bytes.toString('utf8').split('\r\n')[0]!;
          assert.ok(`,${first},`.includes(header), `${kind} ${locale}: ${first}`);
          assert.ok(!/участ|station/i.test(first), first);
        }
      }
    });

    test('only the requester sees and downloads an export; observers cannot export', async () => {
      const r = await admin.client.post<{ jobId: string }>(
        `/api/monitoring/missions/${w.missionId}/exports`,
        { format: 'csv' },
      );
      await drainJobs(t);
      coord.client.locale = 'ru';
      const peek = await coord.client.get<Err>(`/api/monitoring/exports/${r.body.jobId}`);
      assert.equal(peek.status, 404);
      assert.equal(peek.body.error.message, tr('ru', 'errors:mon_export.not_found'));
      assert.equal(
        (await download(coord.client, `/api/monitoring/exports/${r.body.jobId}/download`)).status,
        404,
      );
      // A coordinator of another mission does not see this one at all.
      const other = await coord.client.post<Err>(`/api/monitoring/missions/${w.missionId}/exports`, {
        format: 'csv',
      });
      assert.equal(other.status, 404);
      const o = await obs.client.post<Err>(`/api/monitoring/missions/${w.missionId}/exports`, {
        format: 'csv',
      });
      assert.equal(o.status, 403);
      assert.equal(
        (await download(obs.client, `/api/monitoring/exports/${r.body.jobId}/download`)).status,
        403,
      );
    });

    test('with names: four-eyes approval, then free text, GPS and observer names', async () => {
      const second = await addUser(t, admin, 'admin');
      const url = `/api/monitoring/missions/${w.missionId}/exports`;
      const asked = await admin.client.post<Err>(url, { format: 'geojson', redacted: false });
      assert.equal(asked.status, 409);
      assert.equal(asked.body.error.code, 'export.approval_requested');
      type Pending = { items: { id: string; kind: string; targetName: string }[] };
      const mine = (await admin.client.get<Pending>('/api/approvals')).body.items.filter(
        (a) => a.kind === 'export.names',
      );
      assert.equal(mine.length, 1);
      await second.client.reauth(second.password, second.totpSecret);
      assert.equal((await second.client.post(`/api/approvals/${mine[0]!.id}/approve`)).status, 200);
      const r = await admin.client.post<{ jobId: string }>(url, { format: 'geojson', redacted: false });
      assert.equal(r.status, 202);
      await drainJobs(t);
      const g = await download(admin.client, `/api/monitoring/exports/${r.body.jobId}/download`);
      const text = g.bytes.toString('utf8');
      assert.ok(text.includes(SECRET), 'free text in the export with names');
      assert.ok(text.includes('Test monitor'), 'observer names');
      const fc = JSON.parse(text) as {
        features: { geometry: { coordinates: number[] } | null; properties: Record<string, unknown> }[];
      };
      assert.equal(fc.features.length, 6);
      // The reviewer's translation follows the questions, under its language's column.
      const [submission, english] = ['submission', 'translation_en'].map((c) =>
        tr('ky', `errors:mon_export.column.${c}`),
      );
      const translated = fc.features.filter((f) => f.properties[english!] !== undefined);
      assert.deepEqual(
        translated.map((f) => [f.properties[submission!], f.properties[english!]]),
        [[checklists[0], TRANSLATED]],
      );
      const spent = await admin.client.post<Err>(url, { format: 'csv', redacted: false });
      assert.equal(spent.status, 409, 'an approval is used up by one export');
      const full = await t.ctx.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'monitoring.export_full')
        .execute();
      assert.equal(full.length, 1);
      assert.ok(full[0]!.details?.includes(mine[0]!.id));
    });
  });
}
