import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { resources } from '../../src/core/i18n/index.ts';
import { UPLOAD_EXTENSIONS } from '../../src/core/schemas/documents.ts';
import { attachmentDisposition, sanitizeFileName } from '../../src/server/platform/files/names.ts';
import { TYPES } from '../../src/server/platform/files/sniff.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { runCli } from '../helpers/cli.ts';
import { Client } from '../helpers/client.ts';
import { backends, tempDir } from '../helpers/db.ts';
import { scanForMarkers } from '../helpers/scan.ts';
import { startServer } from '../helpers/server.ts';

type Err = { error: { code: string; message: string } };
type Uploaded = { id: string; groupId: string; version: number; name: string; mime: string; sha256: string };
type Doc = Uploaded & { size: number; versionCount: number; uploadedBy: string; uploadedByName: string };
type Verified = { ok: boolean; problem: string | null; expectedSha256: string; actualSha256: string | null };

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pdf = (size: number, marker = '') =>
  Buffer.concat([Buffer.from(`%PDF-1.7\n% ${marker}\n`), randomBytes(size), Buffer.from('\n%%EOF\n')]);
const png = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);
const exe = () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(4000)]);

/** A ZIP package with stored entries: enough for the sniffer, which reads the local headers. */
function zip(entries: [string, string][]): Buffer {
  const parts: Buffer[] = [];
  for (const [name, data] of entries) {
    const n = Buffer.from(name);
    const d = Buffer.from(data);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt32LE(d.length, 18);
    h.writeUInt32LE(d.length, 22);
    h.writeUInt16LE(n.length, 26);
    parts.push(h, n, d);
  }
  parts.push(Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]));
  return Buffer.concat(parts);
}

/** A multipart upload exactly as a browser's FormData sends it, with the client's cookies and CSRF token. */
async function upload(
  c: Client,
  caseId: string,
  name: string,
  bytes: Buffer,
  opts: { type?: string; groupId?: string; locale?: string } = {},
) {
  if (c.csrf === null) await c.fetchCsrf();
  const form = new FormData();
  if (opts.groupId) form.append('groupId', opts.groupId);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: opts.type ?? '' }), name);
  const res = await fetch(`${c.baseUrl}/api/cases/${caseId}/documents`, {
    method: 'POST',
    headers: {
      cookie: c.cookieHeader(),
      'x-csrf-token': c.csrf!,
      ...(opts.locale ? { 'x-ukuk-locale': opts.locale } : {}),
    },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Uploaded & Err };
}

async function download(c: Client, caseId: string, docId: string) {
  const res = await fetch(`${c.baseUrl}/api/cases/${caseId}/documents/${docId}/download`, {
    headers: { cookie: c.cookieHeader() },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes };
}

async function newCase(c: Client, title: string): Promise<string> {
  const r = await c.post<{ id: string }>('/api/cases', { type: 'criminal_defence', title });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

describe('file names and the allow-list', () => {
  test('names are cut to their last segment, cleaned of controls and bidi overrides, and length-limited', () => {
    assert.equal(sanitizeFileName('../../etc/passwd.pdf'), 'passwd.pdf');
    assert.equal(sanitizeFileName('C:\\Users\\x\\..\\report.pdf'), 'report.pdf');
    assert.equal(sanitizeFileName('invoice\u202Efdp.exe'), 'invoicefdp.exe');
    assert.equal(sanitizeFileName('a\u0000b\u0007c\n.pdf'), 'abc.pdf');
    assert.equal(sanitizeFileName('...'), 'file');
    assert.equal(sanitizeFileName('CON.txt'), '_CON.txt');
    const long = sanitizeFileName(`${'ө'.repeat(400)}.pdf`);
    assert.equal([...long].length, 180);
    assert.ok(long.endsWith('.pdf'));
  });
  test('downloads name the file in RFC 5987 form with a safe ASCII fallback', () => {
    assert.equal(
      attachmentDisposition('Иш "1".pdf'),
      `attachment; filename="__ _1_.pdf"; filename*=UTF-8''%D0%98%D1%88%20%221%22.pdf`,
    );
  });
  test("the picker's extensions are exactly the server's allow-list", () => {
    assert.deepEqual([...UPLOAD_EXTENSIONS].sort(), Object.keys(TYPES).sort());
  });
});

for (const backend of await backends()) {
  describe(`case documents (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let lead: TestUser;
    let grantee: TestUser;
    let outsider: TestUser;
    let caseId: string;
    let dataDir: string;
    before(async () => {
      t = await startTestApp(backend, { UKUK_MAX_UPLOAD_MB: '2' });
      dataDir = t.ctx.config.dataDir;
      admin = await setupAdmin(t);
      lead = await addUser(t, admin, 'lawyer');
      grantee = await addUser(t, admin, 'lawyer');
      outsider = await addUser(t, admin, 'lawyer');
      caseId = await newCase(lead.client, 'Документтер');
      const m = await lead.client.post(`/api/cases/${caseId}/members`, { userId: grantee.id, role: 'grant' });
      assert.equal(m.status, 200, JSON.stringify(m.body));
    });
    after(async () => t.close());

    test('upload → list → versions → download: byte-identical, with the SHA-256 of the original', async () => {
      const v1 = pdf(1_500_000);
      const up = await upload(lead.client, caseId, 'Айыптоо корутундусу.pdf', v1, {
        type: 'application/pdf',
      });
      assert.equal(up.status, 201, JSON.stringify(up.body));
      assert.equal(up.body.sha256, sha256(v1));
      assert.equal(up.body.version, 1);
      assert.equal(up.body.groupId, up.body.id);
      assert.equal(up.body.mime, 'application/pdf');

      const v2 = pdf(70_000);
      const up2 = await upload(lead.client, caseId, 'Айыптоо корутундусу (2).pdf', v2, {
        groupId: up.body.id,
      });
      assert.equal(up2.status, 201, JSON.stringify(up2.body));
      assert.equal(up2.body.version, 2);
      assert.equal(up2.body.groupId, up.body.id);

      const list = await lead.client.get<{ items: Doc[] }>(`/api/cases/${caseId}/documents`);
      const doc = list.body.items.find((d) => d.groupId === up.body.id)!;
      assert.equal(doc.id, up2.body.id, 'the list shows the latest version');
      assert.equal(doc.versionCount, 2);
      assert.equal(doc.size, v2.length);
      assert.equal(doc.sha256, sha256(v2));
      assert.equal(doc.name, 'Айыптоо корутундусу (2).pdf');
      assert.equal(doc.uploadedBy, lead.id);
      assert.equal(doc.uploadedByName, 'Test lawyer');

      const versions = await lead.client.get<{ items: Doc[] }>(
        `/api/cases/${caseId}/documents/${up.body.id}/versions`,
      );
      assert.deepEqual(
        versions.body.items.map((v) => [v.version, v.sha256]),
        [
          [2, sha256(v2)],
          [1, sha256(v1)],
        ],
      );

      const d1 = await download(lead.client, caseId, up.body.id);
      assert.equal(d1.status, 200);
      assert.ok(d1.bytes.equals(v1), 'version 1 comes back byte for byte');
      assert.equal(d1.headers.get('content-type'), 'application/pdf');
      assert.equal(d1.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(d1.headers.get('cache-control'), 'no-store');
      assert.equal(d1.headers.get('content-disposition'), attachmentDisposition('Айыптоо корутундусу.pdf'));
      assert.match(d1.headers.get('content-disposition')!, /^attachment; .*filename\*=UTF-8''/);
      const d2 = await download(lead.client, caseId, up2.body.id);
      assert.ok(d2.bytes.equals(v2));

      const ok = await lead.client.post<Verified>(`/api/cases/${caseId}/documents/${up.body.id}/verify`);
      assert.equal(ok.status, 200);
      assert.equal(ok.body.ok, true);
      assert.equal(ok.body.actualSha256, sha256(v1));
    });

    test('every download is audited (ids only) and put on the case timeline', async () => {
      const body = Buffer.from('Сот отуруму 12-декабрда.\n');
      const up = await upload(lead.client, caseId, 'эскертүү.txt', body, { type: 'text/plain' });
      assert.equal(up.status, 201, JSON.stringify(up.body));
      assert.equal(up.body.mime, 'text/plain');
      for (let i = 0; i < 2; i += 1)
        assert.equal((await download(lead.client, caseId, up.body.id)).status, 200);
      assert.equal((await download(grantee.client, caseId, up.body.id)).status, 200);
      const audit = await admin.client.get<{
        items: { actorId: string; details: Record<string, unknown> }[];
      }>(`/api/audit?action=document.download&entityId=${up.body.id}`);
      assert.equal(audit.body.items.length, 3);
      assert.deepEqual(audit.body.items.map((a) => a.actorId).sort(), [lead.id, lead.id, grantee.id].sort());
      assert.deepEqual(audit.body.items[0]!.details, { caseId, groupId: up.body.id, version: 1 });
      assert.ok(!JSON.stringify(audit.body).includes('эскертүү'), 'no file name in the audit log');
      const uploads = await admin.client.get<{ items: unknown[] }>(
        `/api/audit?action=document.upload&entityId=${up.body.id}`,
      );
      assert.equal(uploads.body.items.length, 1);
      const tl = await lead.client.get<{ items: { kind: string; refId: string | null }[] }>(
        `/api/cases/${caseId}/timeline`,
      );
      const mine = tl.body.items.filter((e) => e.refId === up.body.id).map((e) => e.kind);
      assert.equal(mine.filter((k) => k === 'document.downloaded').length, 3);
      assert.equal(mine.filter((k) => k === 'document.uploaded').length, 1);
    });

    test('someone outside the case gets 404 on every document route, like a missing case', async () => {
      const up = await upload(lead.client, caseId, 'a.pdf', pdf(100));
      const before = storedFiles(dataDir).length;
      const id = up.body.id;
      const calls = [
        () => upload(outsider.client, caseId, 'b.pdf', pdf(100)),
        () => outsider.client.get<Err>(`/api/cases/${caseId}/documents`),
        () => outsider.client.get<Err>(`/api/cases/${caseId}/documents/${id}/versions`),
        () => outsider.client.get<Err>(`/api/cases/${caseId}/documents/${id}/download`),
        () => outsider.client.post<Err>(`/api/cases/${caseId}/documents/${id}/verify`),
      ];
      for (const call of calls) {
        const r = await call();
        assert.equal(r.status, 404);
        assert.equal(r.body.error.code, 'case.not_found');
      }
      const missing = '01934b5e-0000-7000-8000-000000000000';
      const r = await outsider.client.get<Err>(`/api/cases/${missing}/documents`);
      assert.equal(r.status, 404);
      assert.equal(r.body.error.code, 'case.not_found');
      assert.equal(storedFiles(dataDir).length, before, 'the refused upload stored nothing');
      // A document of one case is not found through another case, even for someone on both teams.
      const other = await newCase(lead.client, 'Башка иш');
      const cross = await lead.client.get<Err>(`/api/cases/${other}/documents/${id}/download`);
      assert.equal(cross.status, 404);
      assert.equal(cross.body.error.code, 'document.not_found');
      const cross2 = await upload(lead.client, other, 'v.pdf', pdf(10), { groupId: id });
      assert.equal(cross2.status, 404);
      assert.equal(cross2.body.error.code, 'document.not_found');
      assert.equal(storedFiles(dataDir).length, before, 'the refused version stored nothing');
    });

    test('a granted user can list, download and verify, but not upload', async () => {
      const up = await upload(lead.client, caseId, 'g.pdf', pdf(100));
      assert.equal((await grantee.client.get(`/api/cases/${caseId}/documents`)).status, 200);
      assert.equal((await download(grantee.client, caseId, up.body.id)).status, 200);
      assert.equal(
        (await grantee.client.post(`/api/cases/${caseId}/documents/${up.body.id}/verify`)).status,
        200,
      );
      const r = await upload(grantee.client, caseId, 'h.pdf', pdf(100));
      assert.equal(r.status, 403);
      assert.equal(r.body.error.code, 'auth.forbidden');
    });

    test('too large → 413, translated; nothing stored', async () => {
      const before = storedFiles(dataDir).length;
      // Declared length over the limit: refused before reading.
      const big = await upload(lead.client, caseId, 'big.pdf', pdf(3 * 1024 * 1024), { locale: 'ru' });
      assert.equal(big.status, 413);
      assert.equal(big.body.error.code, 'file.too_large');
      assert.equal(big.body.error.message, resources.ru.errors.file.too_large);
      // Just over the limit (within the framing allowance): refused while streaming.
      const edge = await upload(lead.client, caseId, 'edge.pdf', pdf(2 * 1024 * 1024 - 10), { locale: 'ky' });
      assert.equal(edge.status, 413);
      assert.equal(edge.body.error.message, resources.ky.errors.file.too_large);
      assert.equal(storedFiles(dataDir).length, before);
      assert.deepEqual(fs.readdirSync(path.join(dataDir, 'files-incoming')), []);
      assert.equal((await lead.client.get('/api/me')).status, 200, 'the connection is still usable');
    });

    test('a file that is not what its name says is refused (400, translated) and nothing is stored', async () => {
      const before = storedFiles(dataDir).length;
      const listBefore = (await lead.client.get<{ items: Doc[] }>(`/api/cases/${caseId}/documents`)).body
        .items;
      const nul = Buffer.concat([Buffer.from('a'.repeat(100_000)), Buffer.from([0]), Buffer.from('b')]);
      const cases: [string, Buffer, string | undefined, string][] = [
        ['photo.pdf', png(), undefined, 'file.type_mismatch'],
        ['setup.pdf', exe(), 'application/pdf', 'file.type_mismatch'],
        ['setup.exe', exe(), 'application/x-msdownload', 'file.type_not_allowed'],
        ['scan.pdf', pdf(100), 'image/png', 'file.type_mismatch'],
        ['notes.txt', nul, 'text/plain', 'file.type_mismatch'],
        ['letter.docx', zip([['payload.exe', 'MZ']]), undefined, 'file.type_mismatch'],
        [
          'sheet.docx',
          zip([
            ['[Content_Types].xml', '<Types/>'],
            ['xl/workbook.xml', '<w/>'],
          ]),
          undefined,
          'file.type_mismatch',
        ],
        ['empty.pdf', Buffer.alloc(0), undefined, 'file.empty'],
      ];
      for (const [name, bytes, type, code] of cases) {
        const r = await upload(lead.client, caseId, name, bytes, { type, locale: 'ky' });
        assert.equal(r.status, 400, `${name}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.error.code, code, name);
        const [ns, key] = code.split('.') as ['file', keyof typeof resources.ky.errors.file];
        assert.equal(r.body.error.message, resources.ky.errors[ns][key], name);
      }
      assert.equal(storedFiles(dataDir).length, before);
      assert.deepEqual(fs.readdirSync(path.join(dataDir, 'files-incoming')), []);
      const listAfter = (await lead.client.get<{ items: Doc[] }>(`/api/cases/${caseId}/documents`)).body
        .items;
      assert.equal(listAfter.length, listBefore.length);

      const docx = zip([
        ['[Content_Types].xml', '<Types/>'],
        ['word/document.xml', '<w:document/>'],
      ]);
      const ok = await upload(lead.client, caseId, 'арыз.docx', docx);
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.equal(ok.body.mime, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const noExt = await upload(lead.client, caseId, 'scan', pdf(100));
      assert.equal(noExt.status, 201);
      assert.equal(noExt.body.name, 'scan.pdf', 'a name without extension takes its content type');
    });

    test('path traversal, control and RTL-override characters are removed from names', async () => {
      const r1 = await upload(lead.client, caseId, '../../../../etc/passwd.pdf', pdf(10));
      assert.equal(r1.status, 201);
      assert.equal(r1.body.name, 'passwd.pdf');
      const r2 = await upload(lead.client, caseId, 'invoice\u202Egnp.pdf', pdf(10));
      assert.equal(r2.status, 201);
      assert.equal(r2.body.name, 'invoicegnp.pdf');
      const r3 = await upload(lead.client, caseId, `${'ж'.repeat(300)}.pdf`, pdf(10));
      assert.equal(r3.status, 201);
      assert.ok([...r3.body.name].length <= 180 && r3.body.name.endsWith('.pdf'));
      const list = await lead.client.get<{ items: Doc[] }>(`/api/cases/${caseId}/documents`);
      assert.ok(list.body.items.some((d) => d.name === 'invoicegnp.pdf'));
      assert.ok(fs.readdirSync(path.join(dataDir)).every((f) => f !== 'passwd.pdf'));
    });

    test('a tampered stored file: download refuses with a clear error, verify and the CLI report it', async () => {
      const bytes = pdf(200_000);
      const up = await upload(lead.client, caseId, 'evidence.pdf', bytes);
      const row = await t.ctx.db
        .selectFrom('case_documents')
        .select('storage_key')
        .where('id', '=', up.body.id)
        .executeTakeFirstOrThrow();
      const file = path.join(dataDir, 'files', ...row.storage_key.split('/'));
      const env = { UKUK_DATA_DIR: dataDir, DATABASE_URL: t.ctx.config.databaseUrl };
      const clean = await runCli(['files', 'verify'], env);
      assert.equal(clean.code, 0, clean.stdout + clean.stderr);

      const original = fs.readFileSync(file);
      const flipped = Buffer.from(original);
      flipped[100_000] = flipped[100_000]! ^ 0x01;
      fs.writeFileSync(file, flipped);
      const d = await lead.client.get<Err>(`/api/cases/${caseId}/documents/${up.body.id}/download`);
      assert.equal(d.status, 500);
      assert.equal(d.body.error.code, 'file.integrity_failed');
      assert.equal(
        d.body.error.message,
        resources.ru.errors.file.integrity_failed,
        'in the profile language',
      );
      const v = await lead.client.post<Verified>(`/api/cases/${caseId}/documents/${up.body.id}/verify`);
      assert.equal(v.body.ok, false);
      assert.equal(v.body.problem, 'damaged');
      assert.equal(v.body.expectedSha256, sha256(bytes));
      const cli = await runCli(['files', 'verify'], env);
      assert.equal(cli.code, 1, cli.stdout + cli.stderr);
      assert.match(cli.stdout, new RegExp(`case_documents ${up.body.id}: damaged`));
      const refused = await admin.client.get<{ items: unknown[] }>(
        `/api/audit?action=document.integrity_failed&entityId=${up.body.id}`,
      );
      assert.equal(refused.body.items.length, 1);

      // Cut after a whole chunk: still detected (the final chunk is missing).
      fs.writeFileSync(file, original.subarray(0, 14 + 5 + 29 + 65536));
      const cut = await lead.client.post<Verified>(`/api/cases/${caseId}/documents/${up.body.id}/verify`);
      assert.equal(cut.body.problem, 'damaged');
      fs.rmSync(file);
      const gone = await lead.client.post<Verified>(`/api/cases/${caseId}/documents/${up.body.id}/verify`);
      assert.equal(gone.body.problem, 'missing');
      fs.writeFileSync(file, original);
      const back = await lead.client.post<Verified>(`/api/cases/${caseId}/documents/${up.body.id}/verify`);
      assert.equal(back.body.ok, true);
      assert.ok((await download(lead.client, caseId, up.body.id)).bytes.equals(bytes));
    });

    test('a backup carries the documents: restored elsewhere, every file decrypts to its SHA-256', async () => {
      const work = tempDir('ukuk-doc-backup-');
      try {
        const pw = path.join(work, 'pw');
        fs.writeFileSync(pw, 'backup passphrase for documents\n', { mode: 0o600 });
        const out = path.join(work, 'documents.backup');
        const src = { UKUK_DATA_DIR: dataDir, DATABASE_URL: t.ctx.config.databaseUrl };
        const made = await runCli(['backup', 'create', '--out', out, '--passphrase-file', pw], src);
        assert.equal(made.code, 0, made.stdout + made.stderr);
        const target = { UKUK_DATA_DIR: path.join(work, 'restored') };
        const restored = await runCli(['backup', 'restore', out, '--passphrase-file', pw], target);
        assert.equal(restored.code, 0, restored.stdout + restored.stderr);
        const v = await runCli(['files', 'verify', '--json'], target);
        assert.equal(v.code, 0, v.stdout + v.stderr);
        const report = JSON.parse(v.stdout.trim().split('\n').pop()!) as { checked: number; bad: unknown[] };
        const { n } = await t.ctx.db
          .selectFrom('case_documents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        assert.ok(Number(n) > 5);
        assert.equal(report.checked, Number(n));
        assert.deepEqual(report.bad, []);
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
    });

    test('only the upload route takes multipart; it refuses JSON; a missing file is named', async () => {
      const json = await lead.client.post<Err>(`/api/cases/${caseId}/documents`, { file: 'x' });
      assert.equal(json.status, 415);
      const form = new FormData();
      form.append('groupId', '01934b5e-0000-7000-8000-000000000000');
      const headers = { cookie: lead.client.cookieHeader(), 'x-csrf-token': lead.client.csrf! };
      const none = await fetch(`${t.url}/api/cases/${caseId}/documents`, {
        method: 'POST',
        headers,
        body: form,
      });
      assert.equal(none.status, 400);
      assert.equal(((await none.json()) as Err).error.code, 'file.missing');
      const elsewhere = new FormData();
      elsewhere.append('type', 'criminal_defence');
      const other = await fetch(`${t.url}/api/cases`, { method: 'POST', headers, body: elsewhere });
      assert.equal(other.status, 415);
      assert.equal(((await other.json()) as Err).error.code, 'validation.unsupported_media_type');
    });
  });

  describe(`case documents: no plaintext at rest (${backend})`, () => {
    test('a marker in a file and another in its name appear nowhere in the data folder, database or logs', async () => {
      const srv = await startServer({ backend, env: { UKUK_LOG_LEVEL: 'info' } });
      const markers = ['Zqxdoccontentmarker', 'Zqxdocnamemarker', 'Өзгөчөфайл'];
      try {
        const shim = { client: () => new Client(srv.url), used: new Set<string>() } as unknown as TestApp;
        const admin = await setupAdmin(shim);
        const id = await newCase(admin.client, 'Scan');
        const text = Buffer.from(`${markers[0]} ${markers[2]}\n`.repeat(5000));
        const up = await upload(admin.client, id, `${markers[1]} ${markers[2]}.txt`, text);
        assert.equal(up.status, 201, JSON.stringify(up.body));
        const big = await upload(admin.client, id, `${markers[1]}.pdf`, pdf(300_000, markers[0]));
        assert.equal(big.status, 201);
        assert.equal((await admin.client.get(`/api/cases/${id}/documents`)).status, 200);
        assert.ok((await download(admin.client, id, up.body.id)).bytes.equals(text));
        await admin.client.post(`/api/cases/${id}/documents/${up.body.id}/verify`);
      } finally {
        await srv.stop({ keep: true });
      }
      const report = scanForMarkers({
        dataDir: srv.dataDir,
        databaseUrl: srv.databaseUrl,
        texts: { 'server log': srv.logs() },
        markers,
      });
      assert.ok(
        report.scanned.some((s) => s.includes(`${path.sep}files${path.sep}`)),
        'the stored files were scanned',
      );
      assert.deepEqual(report.hits, []);
      // The scanner finds a marker when there is one (a scan that cannot fail proves nothing).
      fs.writeFileSync(path.join(srv.dataDir, 'files', 'planted'), markers[1]!);
      assert.equal(scanForMarkers({ dataDir: srv.dataDir, markers }).hits.length, 1);
      await srv.cleanup();
    });
  });
}
