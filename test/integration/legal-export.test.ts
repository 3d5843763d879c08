import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createCase } from '../../src/server/modules/cases/cases.service.ts';
import { tr } from '../../src/server/platform/i18n.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import type { Client } from '../helpers/client.ts';
import { backends, tempDir } from '../helpers/db.ts';

type Err = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };
type AuditList = { items: { action: string; details: Record<string, unknown> }[] };

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => fs.existsSync(p));

/** A download as bytes (the test client decodes text, which would drop the byte order mark). */
async function download(c: Client, url: string, locale?: string) {
  const headers: Record<string, string> = { cookie: c.cookieHeader() };
  if (locale) headers['x-ukuk-locale'] = locale;
  const res = await fetch(c.baseUrl + url, { headers });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** RFC 4180 parser, enough to read back what the server wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) field += ch;
    else if (ch === ',') endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += ch;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

function csvRows(bytes: Buffer): string[][] {
  assert.deepEqual(bytes.subarray(0, 3), BOM, 'UTF-8 byte order mark first');
  return parseCsv(bytes.subarray(3).toString('utf8'));
}

function pdfText(bytes: Buffer): string | null {
  if (!PDFTOTEXT) return null;
  const file = path.join(tempDir('ukuk-pdf-'), 'r.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

for (const backend of await backends()) {
  describe(`legal aid: exports and the printable report (${backend})`, () => {
    const mark = Math.random().toString(36).slice(2, 8).toUpperCase();
    const year = 2018;
    let t: TestApp;
    let admin: TestUser;
    let lawyer: TestUser;
    let other: TestUser;
    let viewer: TestUser;
    const numbers = {} as Record<'own' | 'hyper' | 'othersOpen' | 'othersRestricted', string>;

    async function person(u: TestUser, full: string, extra: Record<string, unknown> = {}) {
      const r = await u.client.post<{ id: string }>('/api/people', { names: [{ full }], ...extra });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    }
    async function newCase(u: TestUser, body: Record<string, unknown>): Promise<string> {
      const r = await u.client.post<{ id: string }>('/api/cases', { type: 'criminal_defence', ...body });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const c = await u.client.get<{ number: string }>(`/api/cases/${r.body.id}`);
      return c.body.number;
    }

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      lawyer = await addUser(t, admin, 'lawyer');
      other = await addUser(t, admin, 'lawyer');
      viewer = await addUser(t, admin, 'viewer');
      const woman = await person(lawyer, `Айжан Маркерова ${mark}`, {
        sex: 'female',
        region: 'KG-C',
        vulnerabilities: ['hrd'],
      });
      const man = await person(lawyer, `Бакыт Маркеров ${mark}`, { sex: 'male' });
      numbers.own = await newCase(lawyer, {
        title: `Секретное дело ${mark}`,
        summary: `Сводка ${mark}`,
        docketNumber: `DK-${mark}`,
        openedOn: `${year}-03-01`,
        region: 'KG-C',
        problemCodes: ['torture'],
        funders: ['OSF'],
        people: [{ personId: woman, role: 'client' }],
      });
      numbers.hyper = await newCase(lawyer, {
        type: 'victim_representation',
        title: '=HYPERLINK("http://evil.example/x","click")',
        openedOn: `${year}-05-01`,
        people: [
          { personId: man, role: 'client' },
          { personId: woman, role: 'victim' },
        ],
      });
      numbers.othersOpen = await newCase(other, { title: `Чужое дело ${mark}`, openedOn: `${year}-06-01` });
      numbers.othersRestricted = await newCase(other, {
        title: `Закрытое дело ${mark}`,
        restricted: true,
        openedOn: `${year}-07-01`,
      });
    });
    after(async () => t.close());

    test('statistics as CSV: BOM, headers and labels in the language, figures, units, definitions', async () => {
      const r = await download(lawyer.client, `/api/cases/stats/export?year=${year}&format=csv`);
      assert.equal(r.status, 200, r.bytes.toString());
      assert.match(r.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
      assert.equal(r.headers.get('cache-control'), 'no-store');
      assert.match(
        r.headers.get('content-disposition')!,
        /^attachment;.*filename\*=UTF-8''ukuk-stats-2018\.csv$/,
      );
      const rows = csvRows(r.bytes);
      assert.deepEqual(rows[0], ['Раздел', 'Показатель', 'Значение', 'Единица'], 'Russian for this lawyer');
      const find = (figure: string) => rows.find((x) => x[1] === figure);
      assert.deepEqual(find('Люди, получившие помощь'), [
        'Основные показатели',
        'Люди, получившие помощь',
        '2',
        'человек',
      ]);
      assert.equal(find('из них пострадавшие от нарушений прав человека')?.[2], '2');
      assert.equal(find('Дела, открытые за год')?.[2], '4');
      assert.deepEqual(find('Женский'), ['Люди по полу', 'Женский', '1', 'человек']);
      assert.deepEqual(find('Чуйская область'), ['Люди по регионам', 'Чуйская область', '1', 'человек']);
      assert.equal(find('Правозащитник')?.[2], '1');
      assert.equal(find('Представительство потерпевшего')?.[2], '2', 'vocabulary label from vocab_terms');
      assert.ok(
        rows.some((x) => x[0] === 'Определения' && x[2]!.length > 40),
        'definitions stated',
      );
      const text = r.bytes.toString('utf8');
      assert.ok(!text.includes(mark), 'no names or titles in statistics');
      const kyr = await download(admin.client, `/api/cases/stats/export?year=${year}`);
      assert.deepEqual(
        csvRows(kyr.bytes)[0],
        ['Бөлүм', 'Көрсөткүч', 'Маани', 'Бирдик'],
        'Kyrgyz for the admin',
      );
      const audit = await admin.client.get<AuditList>('/api/audit?action=stats.export');
      assert.ok(audit.body.items.some((i) => i.details.format === 'csv' && i.details.year === year));
    });

    test('statistics as XLSX read back with exceljs, numbers as numbers', async () => {
      const r = await download(viewer.client, `/api/cases/stats/export?year=${year}&format=xlsx`, 'en');
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-disposition')!, /ukuk-stats-2018\.xlsx/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      assert.equal(ws.name, 'Statistics');
      assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), ['Section', 'Figure', 'Value', 'Unit']);
      const people = ws
        .getRows(2, ws.rowCount - 1)!
        .find((row) => row.getCell(2).value === 'People assisted');
      assert.equal(people?.getCell(3).value, 2);
      assert.equal(people?.getCell(4).value, 'people');
    });

    test('the case list needs re-authentication; the full list needs an administrator', async () => {
      const noReauth = await lawyer.client.get<Err>('/api/cases/export');
      assert.equal(noReauth.status, 401);
      assert.equal(noReauth.body.error.code, 'auth.reauth_required');
      const full = await lawyer.client.get<Err>('/api/cases/export?redacted=0');
      assert.equal(full.status, 403);
      assert.equal(full.body.error.code, 'auth.forbidden');
      assert.equal((await viewer.client.get<Err>('/api/cases/export')).body.error.code, 'auth.forbidden');
      const adminNoReauth = await admin.client.get<Err>('/api/cases/export?redacted=0');
      assert.equal(adminNoReauth.body.error.code, 'auth.reauth_required');
    });

    test('redacted export: codes instead of names, only the cases the lawyer may see', async () => {
      await lawyer.client.reauth(lawyer.password, lawyer.totpSecret);
      const r = await download(lawyer.client, '/api/cases/export?format=csv');
      assert.equal(r.status, 200, r.bytes.toString());
      assert.equal(r.headers.get('cache-control'), 'no-store');
      assert.match(
        r.headers.get('content-disposition')!,
        /^attachment;.*filename\*=UTF-8''ukuk-cases-\d{4}-\d\d-\d\d\.csv$/,
      );
      const text = r.bytes.toString('utf8');
      for (const secret of [mark, 'HYPERLINK', 'Маркер', lawyer.id, other.id])
        assert.ok(!text.includes(secret), `redacted export leaks ${secret}`);
      const rows = csvRows(r.bytes);
      assert.equal(rows[0]![0], 'Номер дела');
      assert.ok(!rows[0]!.includes('Название'), 'no title column');
      const numbersIn = rows.slice(1).map((x) => x[0]);
      assert.ok(numbersIn.includes(numbers.own) && numbersIn.includes(numbers.hyper));
      assert.ok(!numbersIn.includes(numbers.othersOpen), "another lawyer's case is not in it");
      assert.ok(!numbersIn.includes(numbers.othersRestricted));
      const own = rows.find((x) => x[0] === numbers.own)!;
      const col = (name: string) => own[rows[0]!.indexOf(name)];
      assert.equal(col('Тип дела'), 'Защита по уголовному делу');
      assert.equal(col('Регион'), 'Чуйская область');
      assert.equal(col('Открыто'), `${year}-03-01`);
      assert.equal(col('Доноры'), 'OSF');
      assert.match(col('Ведущий юрист (код)')!, /^U-[0-9a-f]{6}$/);
      assert.equal(col('Ограниченный доступ'), 'нет');
      const again = csvRows((await download(lawyer.client, '/api/cases/export')).bytes);
      assert.equal(again.find((x) => x[0] === numbers.own)![11], own[11], 'the code is stable');
      const audit = await admin.client.get<AuditList>('/api/audit?action=case.export');
      const entry = audit.body.items.find((i) => i.details.redacted === true && i.details.format === 'csv');
      assert.ok(entry, 'audited');
      assert.equal(entry.details.count, rows.length - 1);
    });

    test('full export (admin, re-authenticated): titles and names, formulas neutralised', async () => {
      await admin.client.reauth(admin.password, admin.totpSecret);
      const r = await download(admin.client, '/api/cases/export?redacted=0&format=csv', 'en');
      assert.equal(r.status, 200, r.bytes.toString());
      assert.match(r.headers.get('content-disposition')!, /ukuk-cases-full-/);
      const rows = csvRows(r.bytes);
      assert.deepEqual(rows[0]!.slice(0, 3), ['Case number', 'Title', 'Case type']);
      assert.equal(rows[0]!.at(-1), 'People and their roles');
      const hyper = rows.find((x) => x[0] === numbers.hyper)!;
      assert.equal(hyper[1], `'=HYPERLINK("http://evil.example/x","click")`);
      assert.match(hyper.at(-1)!, new RegExp(`Бакыт Маркеров ${mark} \\(Client\\)`));
      assert.ok(rows.some((x) => x[1] === `Секретное дело ${mark}`));
      assert.ok(
        rows.some((x) => x[0] === numbers.othersOpen),
        'admin sees unrestricted cases',
      );
      assert.ok(!rows.some((x) => x[0] === numbers.othersRestricted), 'but not restricted ones');
      const text = r.bytes.toString('utf8');
      assert.ok(!text.includes(`Сводка ${mark}`) && !text.includes(`DK-${mark}`), 'no summary or docket');
      const audit = await admin.client.get<AuditList>('/api/audit?action=case.export');
      assert.ok(
        audit.body.items.some((i) => i.details.redacted === false && i.details.count === rows.length - 1),
      );
    });

    test('XLSX export reads back; a formula-like title stays a plain string', async () => {
      const r = await download(
        admin.client,
        '/api/cases/export?redacted=0&format=xlsx&type=victim_representation',
      );
      assert.equal(r.status, 200);
      assert.equal(
        r.headers.get('content-type'),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      assert.equal(ws.name, 'Иштер');
      assert.equal(ws.getRow(1).getCell(2).value, 'Аталышы');
      assert.equal(ws.rowCount, 2, 'the type filter applies');
      const title = ws.getRow(2).getCell(2);
      assert.equal(title.type, ExcelJS.ValueType.String);
      assert.equal(title.value, '=HYPERLINK("http://evil.example/x","click")');
      assert.equal(ws.getRow(2).getCell(1).value, numbers.hyper);
    });

    test('the printable report: Kyrgyz with ң ө ү, the figures, DejaVu Sans embedded', async (ctx) => {
      const r = await download(viewer.client, `/api/cases/stats/report.pdf?year=${year}&lang=ky`);
      assert.equal(r.status, 200, r.bytes.toString());
      assert.equal(r.headers.get('content-type'), 'application/pdf');
      assert.equal(r.headers.get('cache-control'), 'no-store');
      assert.match(r.headers.get('content-disposition')!, /^attachment;.*ukuk-report-2018-ky\.pdf$/);
      assert.equal(r.bytes.subarray(0, 5).toString(), '%PDF-');
      assert.ok(r.bytes.includes('DejaVuSans'), 'the font is embedded');
      const ru = await download(viewer.client, `/api/cases/stats/report.pdf?year=${year}`);
      assert.match(
        ru.headers.get('content-disposition')!,
        /ukuk-report-2018-ru\.pdf/,
        'default: the user language',
      );
      const text = pdfText(r.bytes);
      if (text === null) {
        ctx.diagnostic('pdftotext (Debian: poppler-utils) is not installed: the PDF text was NOT checked');
        return;
      }
      const flat = text.replace(/\s+/g, ' ');
      for (const words of [
        '2018-жылы көрсөтүлгөн юридикалык жардам',
        'Негизги көрсөткүчтөр',
        'Жыл ичинде жаңы ачылган иштер',
        'Бир Дүйнө',
      ])
        assert.ok(flat.includes(words), `the Kyrgyz report shows "${words}"`);
      assert.match(flat, /Жардам алган адамдар 2 адам/);
      assert.match(flat, /Жыл ичинде жаңы ачылган иштер 4 иш/);
      assert.match(flat, /Чүй облусу 1/);
      assert.ok(!flat.includes(mark), 'no names in the report');
      const ruText = pdfText(ru.bytes)!.replace(/\s+/g, ' ');
      assert.match(ruText, /Люди, получившие помощь 2 человека/, 'Russian plural (few)');
      assert.match(ruText, /Дела, открытые за год 4 дела/);
    });

    test('bad parameters: 400 with a message in the language, nothing audited', async () => {
      const before = (await admin.client.get<AuditList>('/api/audit?action=stats.export')).body.items.length;
      for (const url of [
        '/api/cases/stats/export?year=19&format=csv',
        '/api/cases/stats/export?year=2018&format=pdf',
        '/api/cases/stats/report.pdf?year=2018&lang=de',
        '/api/cases/export?format=doc',
        '/api/cases/export?redacted=maybe',
        '/api/cases/export?status=lost',
      ]) {
        const r = await lawyer.client.request<Err>('GET', url, undefined, { 'x-ukuk-locale': 'ky' });
        assert.equal(r.status, 400, url);
        assert.equal(r.body.error.code, 'validation.failed', url);
        assert.equal(r.body.error.message, tr('ky', 'errors:validation.failed'), url);
        assert.ok(r.body.error.fields?.length, url);
      }
      const after2 = (await admin.client.get<AuditList>('/api/audit?action=stats.export')).body.items.length;
      assert.equal(after2, before);
    });

    test('a large export is written page by page: every visible case exactly once, CSV and XLSX', async () => {
      // Volume through the real service (the HTTP path is covered above); the export itself is HTTP.
      const actor = { userId: other.id, role: 'lawyer' as const, sessionId: '', reauthUntil: null };
      for (let i = 0; i < 1030; i++)
        await createCase(t.ctx, actor, { type: 'civil', title: `Массовое дело ${i}`, region: 'KG-O' });
      await other.client.reauth(other.password, other.totpSecret);
      const r = await download(other.client, '/api/cases/export?format=csv');
      assert.equal(r.status, 200);
      const numbersIn = csvRows(r.bytes)
        .slice(1)
        .map((x) => x[0]);
      assert.equal(numbersIn.length, 1032, 'three pages of 500 and the two cases from before');
      assert.equal(new Set(numbersIn).size, numbersIn.length, 'no case twice');
      assert.ok(numbersIn.includes(numbers.othersRestricted) && !numbersIn.includes(numbers.own));
      const x = await download(other.client, '/api/cases/export?format=xlsx&region=KG-O');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.bytes as unknown as ArrayBuffer);
      assert.equal(wb.worksheets[0]!.rowCount, 1031, 'header and the 1030 cases of the region');
    });

    test('with a second administrator, an export with names waits for approval and is used once', async () => {
      const second = await addUser(t, admin, 'admin');
      assert.equal(second.role, 'admin');
      await admin.client.reauth(admin.password, admin.totpSecret);
      const url = '/api/cases/export?redacted=0&format=csv&region=KG-C';
      const asked = await admin.client.request<Err>('GET', url, undefined, { 'x-ukuk-locale': 'ru' });
      assert.equal(asked.status, 409);
      assert.equal(asked.body.error.code, 'export.approval_requested');
      assert.equal(asked.body.error.message, tr('ru', 'errors:export.approval_requested'));
      const again = await admin.client.get<Err>(url);
      assert.equal(again.status, 409, 'asking again does not export');
      // Codes only need no second person.
      assert.equal((await download(admin.client, '/api/cases/export?format=csv&region=KG-C')).status, 200);

      type Pending = { items: { id: string; kind: string; mine: boolean; targetName: string }[] };
      const mine = (await admin.client.get<Pending>('/api/approvals')).body.items.filter(
        (a) => a.kind === 'export.names',
      );
      assert.equal(mine.length, 1, 'one request however often it was asked');
      assert.equal(mine[0]!.targetName, 'cases');
      const own = await admin.client.post<Err>(`/api/approvals/${mine[0]!.id}/approve`);
      assert.equal(own.body.error.code, 'approval.own_request');

      await second.client.reauth(second.password, second.totpSecret);
      assert.equal((await second.client.post(`/api/approvals/${mine[0]!.id}/approve`)).status, 200);
      // Approved for these filters only.
      const other2 = await admin.client.get<Err>('/api/cases/export?redacted=0&format=csv&region=KG-N');
      assert.equal(other2.status, 409);
      const ok = await download(admin.client, '/api/cases/export?redacted=0&format=xlsx&region=KG-C');
      assert.equal(ok.status, 200, 'either format of the approved export');
      const audit = await admin.client.get<AuditList>('/api/audit?action=case.export');
      assert.ok(audit.body.items.some((i) => i.details.approvalId === mine[0]!.id));
      const spent = await admin.client.get<Err>(url);
      assert.equal(spent.status, 409, 'an approval is used up by one export');
    });
  });
}
