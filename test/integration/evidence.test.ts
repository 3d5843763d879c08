import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { resources } from '../../src/core/i18n/index.ts';
import {
  scheduleEvidenceReindexIfNeeded,
  searchEvidence,
} from '../../src/server/modules/violations/evidence.search.ts';
import type { Actor } from '../../src/server/platform/access/policy.ts';
import { attachmentDisposition } from '../../src/server/platform/files/names.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { runCli } from '../helpers/cli.ts';
import { backends } from '../helpers/db.ts';
import {
  fetchBytes,
  gpsJpeg,
  hasGpsIfd,
  storedFiles,
  textPdf,
  uploadTo,
  type Err,
  type Item,
} from '../helpers/evidence.ts';
import { ensureVioTerms, VC } from '../helpers/violations.ts';

type Custody = { items: { userId: string | null; action: string; result: string | null }[] };
type Verified = { ok: boolean; problem: string | null; expectedSha256: string; actualSha256: string | null };
type VerifyAll = { checked: number; ok: number; bad: { id: string; problem: string }[] };

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const png = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);
const exe = () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(4000)]);
const actorOf = (u: TestUser): Actor => ({
  userId: u.id,
  role: u.role as Actor['role'],
  sessionId: 'test',
  reauthUntil: null,
});

for (const backend of await backends()) {
  describe(`violation evidence (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let doc: TestUser;
    let outsider: TestUser;
    let lawyer: TestUser;
    let openEvent: string;
    let secretEvent: string;
    let dataDir: string;
    let cliEnv: Record<string, string | undefined>;

    const up = (u: TestUser, eventId: string, name: string, bytes: Buffer, opts = {}) =>
      uploadTo(u.client, `/api/violations/events/${eventId}/evidence`, name, bytes, opts);
    const runJobs = async () => {
      while (await t.ctx.jobs.runOnce()) {
        /* run every due job */
      }
    };
    const fileOf = async (id: string) => {
      const row = await t.ctx.db
        .selectFrom('vio_evidence')
        .select('storage_key')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return path.join(dataDir, 'files', ...row.storage_key.split('/'));
    };
    async function event(u: TestUser, body: Record<string, unknown>): Promise<string> {
      const r = await u.client.post<{ id: string }>('/api/violations/events', body);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    }
    async function person(u: TestUser, full: string): Promise<string> {
      const r = await u.client.post<{ id: string }>('/api/people', { names: [{ full }] });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    }

    before(async () => {
      t = await startTestApp(backend, { UKUK_MAX_UPLOAD_MB: '2' });
      await ensureVioTerms(t.ctx);
      dataDir = t.ctx.config.dataDir;
      cliEnv = { UKUK_DATA_DIR: dataDir, DATABASE_URL: t.ctx.config.databaseUrl };
      admin = await setupAdmin(t);
      doc = await addUser(t, admin, 'documenter');
      outsider = await addUser(t, admin, 'documenter');
      lawyer = await addUser(t, admin, 'lawyer');
      openEvent = await event(doc, { title: 'Кармоо жайындагы окуя' });
      secretEvent = await event(doc, { title: 'Жашыруун окуя', restricted: true });
    });
    after(async () => t.close());

    test('upload → SHA-256 shown → download byte-identical; the custody log records each access', async () => {
      const victim = await person(doc, 'Асан Үсөнов');
      const act = await doc.client.post<{ id: string }>(`/api/violations/events/${openEvent}/acts`, {
        victimId: victim,
        actType: VC.actA,
      });
      assert.equal(act.status, 201, JSON.stringify(act.body));
      const bytes = textPdf(['Medical report', 'bruises on both wrists']);
      const r = await up(doc, openEvent, 'Медициналык корутунду.pdf', bytes, {
        type: 'application/pdf',
        fields: { actId: act.body.id, personId: victim, description: 'Дарыгердин корутундусу' },
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.sha256, sha256(bytes));
      assert.equal(r.body.size, bytes.length);
      assert.equal(r.body.kind, 'pdf');
      assert.equal(r.body.eventId, openEvent);
      assert.equal(r.body.actId, act.body.id);
      assert.equal(r.body.personId, victim);
      assert.equal(r.body.description, 'Дарыгердин корутундусу');
      assert.equal(r.body.derived, false, 'text indexing runs in the background');
      await runJobs();

      const item = await doc.client.get<Item>(`/api/violations/evidence/${r.body.id}`);
      assert.equal(item.status, 200);
      assert.equal(item.body.name, 'Медициналык корутунду.pdf');
      assert.equal(item.body.derived, true);
      assert.equal(item.body.textIndexed, true);
      assert.equal(item.body.hasThumbnail, false, 'only images get a thumbnail');

      const d = await fetchBytes(doc.client, `/api/violations/evidence/${r.body.id}/download`);
      assert.equal(d.status, 200);
      assert.ok(d.bytes.equals(bytes), 'the original comes back byte for byte');
      assert.equal(d.headers.get('content-type'), 'application/pdf');
      assert.equal(d.headers.get('cache-control'), 'no-store');
      assert.equal(d.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(d.headers.get('content-disposition'), attachmentDisposition('Медициналык корутунду.pdf'));
      assert.equal(
        (await fetchBytes(lawyer.client, `/api/violations/evidence/${r.body.id}/download`)).status,
        200,
      );

      const list = await lawyer.client.get<{ items: Item[] }>(`/api/violations/events/${openEvent}/evidence`);
      assert.ok(list.body.items.some((i) => i.id === r.body.id));
      const custody = await doc.client.get<Custody>(`/api/violations/evidence/${r.body.id}/custody`);
      assert.equal(custody.status, 200);
      const seen = custody.body.items.map((c) => [c.action, c.userId, c.result]).reverse();
      assert.deepEqual(seen, [
        ['upload', doc.id, sha256(bytes)],
        ['view', doc.id, 'metadata'],
        ['download', doc.id, null],
        ['download', lawyer.id, null],
        ['view', lawyer.id, 'list'],
      ]);
      const audit = await admin.client.get<{ items: { actorId: string }[] }>(
        `/api/audit?action=evidence.download&entityId=${r.body.id}`,
      );
      assert.deepEqual(audit.body.items.map((a) => a.actorId).sort(), [doc.id, lawyer.id].sort());
      const all = await admin.client.get(`/api/audit?entityId=${r.body.id}`);
      assert.ok(
        !JSON.stringify(all.body).includes('корутунду'),
        'no file name or description in the audit log',
      );
      // Immutable: there is no route that replaces or changes an original.
      assert.equal(
        (await doc.client.request<Err>('PUT', `/api/violations/evidence/${r.body.id}`, {})).status,
        404,
      );
      assert.equal(
        (await doc.client.request<Err>('PATCH', `/api/violations/evidence/${r.body.id}`, {})).status,
        404,
      );
    });

    test('an image gets a 320 px thumbnail with no metadata at all; the original keeps its EXIF', async () => {
      const photo = await gpsJpeg('Kara-Suu-checkpoint-7');
      assert.ok(hasGpsIfd((await sharp(photo).metadata()).exif), 'the test photo carries a GPS position');
      const r = await up(doc, openEvent, 'IMG_2041.jpg', photo, { type: 'image/jpeg' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.kind, 'image');
      const before = await doc.client.get<Err>(`/api/violations/evidence/${r.body.id}/thumbnail`);
      assert.equal(before.status, 404);
      assert.equal(before.body.error.code, 'evidence.no_thumbnail');
      await runJobs();
      const item = await doc.client.get<Item>(`/api/violations/evidence/${r.body.id}`);
      assert.equal(item.body.hasThumbnail, true);

      const th = await fetchBytes(doc.client, `/api/violations/evidence/${r.body.id}/thumbnail`);
      assert.equal(th.status, 200);
      assert.equal(th.headers.get('content-type'), 'image/jpeg');
      assert.equal(th.headers.get('cache-control'), 'no-store');
      const meta = await sharp(th.bytes).metadata();
      assert.equal(meta.format, 'jpeg');
      assert.equal(Math.max(meta.width, meta.height), 320);
      assert.equal(meta.exif, undefined, 'no EXIF (and so no GPS position) in the derivative');
      assert.equal(meta.xmp, undefined);
      assert.equal(meta.iptc, undefined);
      assert.equal(meta.icc, undefined);
      assert.ok(!th.bytes.includes('Kara-Suu-checkpoint-7'));

      const orig = await fetchBytes(doc.client, `/api/violations/evidence/${r.body.id}/download`);
      assert.ok(orig.bytes.equals(photo), 'the original is never altered');
      assert.equal(orig.headers.get('content-security-policy'), "default-src 'none'; sandbox");
      const custody = await doc.client.get<Custody>(`/api/violations/evidence/${r.body.id}/custody`);
      assert.ok(custody.body.items.some((c) => c.action === 'view' && c.result === 'thumbnail'));

      const files = await runCli(['files', 'verify'], cliEnv);
      assert.equal(files.code, 0, files.stdout + files.stderr);
      assert.doesNotMatch(files.stdout, /unreferenced/, 'thumbnails are known to `ukuk files verify`');
    });

    test('verification: ok, then a flipped byte is reported, then a deleted file is missing (button, all, CLI)', async () => {
      const bytes = Buffer.concat([
        Buffer.from('%PDF-1.7\n'),
        randomBytes(150_000),
        Buffer.from('\n%%EOF\n'),
      ]);
      const r = await up(doc, openEvent, 'scan.pdf', bytes);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const ok = await doc.client.post<Verified>(`/api/violations/evidence/${r.body.id}/verify`);
      assert.equal(ok.status, 200);
      assert.equal(ok.body.ok, true);
      assert.equal(ok.body.actualSha256, sha256(bytes));
      const clean = await runCli(['evidence', 'verify'], cliEnv);
      assert.equal(clean.code, 0, clean.stdout + clean.stderr);

      const file = await fileOf(r.body.id);
      const original = fs.readFileSync(file);
      const flipped = Buffer.from(original);
      flipped[100_000] = flipped[100_000]! ^ 0x01;
      fs.writeFileSync(file, flipped);
      const bad = await doc.client.post<Verified>(`/api/violations/evidence/${r.body.id}/verify`);
      assert.equal(bad.body.ok, false);
      assert.equal(bad.body.problem, 'damaged');
      assert.equal(bad.body.expectedSha256, sha256(bytes));
      const dl = await doc.client.get<Err>(`/api/violations/evidence/${r.body.id}/download`);
      assert.equal(dl.status, 500);
      assert.equal(dl.body.error.code, 'file.integrity_failed');
      const all = await doc.client.post<VerifyAll>('/api/violations/evidence/verify');
      assert.equal(all.status, 200);
      assert.deepEqual(all.body.bad, [{ id: r.body.id, eventId: openEvent, problem: 'damaged' }]);
      assert.equal(all.body.ok, all.body.checked - 1);
      const cli = await runCli(['evidence', 'verify'], cliEnv);
      assert.equal(cli.code, 1, cli.stdout + cli.stderr);
      assert.match(cli.stdout, new RegExp(`MISMATCH evidence ${r.body.id}: damaged`));
      assert.doesNotMatch(cli.stdout, /scan\.pdf/, 'items are named by id only');
      const item = await doc.client.get<Item>(`/api/violations/evidence/${r.body.id}`);
      assert.equal(item.body.verifyResult, 'damaged');
      assert.ok(item.body.verifiedAt);

      // Replaced by another valid stored file of the same item: decrypts, but hashes differently.
      const other = await up(doc, openEvent, 'other.pdf', textPdf(['other']));
      const otherFile = await fileOf(other.body.id);
      fs.copyFileSync(otherFile, file);
      const swapped = await doc.client.post<Verified>(`/api/violations/evidence/${r.body.id}/verify`);
      assert.equal(swapped.body.ok, false);
      assert.equal(
        swapped.body.problem,
        'damaged',
        "another item's file fails authentication under this key",
      );

      fs.rmSync(file);
      const gone = await doc.client.post<Verified>(`/api/violations/evidence/${r.body.id}/verify`);
      assert.equal(gone.body.problem, 'missing');
      const cliGone = await runCli(['evidence', 'verify', '--json'], cliEnv);
      assert.equal(cliGone.code, 1);
      const report = JSON.parse(cliGone.stdout) as VerifyAll;
      assert.deepEqual(
        report.bad.map((b) => [b.id, b.problem]),
        [[r.body.id, 'missing']],
      );

      fs.writeFileSync(file, original);
      assert.equal(
        (await doc.client.post<Verified>(`/api/violations/evidence/${r.body.id}/verify`)).body.ok,
        true,
      );
      const custody = await doc.client.get<Custody>(`/api/violations/evidence/${r.body.id}/custody`);
      const verifies = custody.body.items
        .filter((c) => c.action === 'verify')
        .map((c) => [c.userId, c.result]);
      assert.deepEqual(verifies.reverse(), [
        [doc.id, 'ok'],
        [null, 'ok'],
        [doc.id, 'damaged'],
        [doc.id, 'damaged'],
        [doc.id, 'damaged'],
        [null, 'damaged'],
        [doc.id, 'damaged'],
        [doc.id, 'missing'],
        [null, 'missing'],
        [doc.id, 'ok'],
      ]);
    });

    test('disguised and oversized files are refused with translated errors, and nothing is stored', async () => {
      await runJobs();
      const before = storedFiles(dataDir).length;
      const count = async () =>
        Number(
          (
            await t.ctx.db
              .selectFrom('vio_evidence')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const rows = await count();
      const cases: [string, Buffer, string | undefined, string, number][] = [
        ['photo.pdf', png(), undefined, 'file.type_mismatch', 400],
        ['setup.pdf', exe(), 'application/pdf', 'file.type_mismatch', 400],
        ['setup.exe', exe(), 'application/x-msdownload', 'file.type_not_allowed', 400],
        ['video.mp4', exe(), 'video/mp4', 'file.type_mismatch', 400],
        [
          'big.jpg',
          Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(3 * 1024 * 1024)]),
          undefined,
          'file.too_large',
          413,
        ],
        [
          'edge.pdf',
          Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2 * 1024 * 1024)]),
          undefined,
          'file.too_large',
          413,
        ],
      ];
      for (const [name, bytes, type, code, status] of cases) {
        const r = await up(doc, openEvent, name, bytes, { type, locale: 'ky' });
        assert.equal(r.status, status, `${name}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.error.code, code, name);
        const [ns, key] = code.split('.') as ['file', keyof typeof resources.ky.errors.file];
        assert.equal(r.body.error.message, resources.ky.errors[ns][key], name);
      }
      // Fields are checked too: an act of another event, a description too long.
      const victim = await person(doc, 'Бакыт Жумабеков');
      const foreign = await doc.client.post<{ id: string }>(`/api/violations/events/${secretEvent}/acts`, {
        victimId: victim,
        actType: VC.actA,
      });
      assert.equal(foreign.status, 201, JSON.stringify(foreign.body));
      const wrongAct = await up(doc, openEvent, 'a.pdf', textPdf(['x']), {
        fields: { actId: foreign.body.id },
      });
      assert.equal(wrongAct.status, 400);
      assert.equal(wrongAct.body.error.code, 'evidence.act_invalid');
      assert.equal(wrongAct.body.error.fields?.[0]?.path, 'actId');
      const long = await up(doc, openEvent, 'a.pdf', textPdf(['x']), {
        fields: { description: 'ө'.repeat(2001) },
      });
      assert.equal(long.status, 400);
      assert.equal(long.body.error.code, 'validation.failed');
      assert.equal(long.body.error.fields?.[0]?.path, 'description');
      const longer = await up(doc, openEvent, 'a.pdf', textPdf(['x']), {
        fields: { description: 'ө'.repeat(9000) },
      });
      assert.equal(
        longer.status,
        400,
        'a description cut by the form limit is still refused, not stored cut',
      );

      assert.equal(storedFiles(dataDir).length, before, 'no orphan file left in the files folder');
      assert.deepEqual(fs.readdirSync(path.join(dataDir, 'files-incoming')), []);
      assert.equal(await count(), rows, 'no evidence row either');
      const jobs = await t.ctx.db
        .selectFrom('jobs')
        .select('id')
        .where('type', '=', 'evidence.derive')
        .where('state', '=', 'queued')
        .execute();
      assert.deepEqual(jobs, [], 'and no job queued');
    });

    test('restricted event: its evidence is 404 to non-members (even administrators) and absent from lists', async () => {
      const r = await up(doc, secretEvent, 'witness.pdf', textPdf(['Witness account zhylandy sokku']), {
        fields: { description: 'Күбөнүн айтканы' },
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      await runJobs();
      const id = r.body.id;
      for (const u of [outsider, admin, lawyer]) {
        for (const url of ['', '/download', '/thumbnail', '/custody']) {
          const g = await u.client.get<Err>(`/api/violations/evidence/${id}${url}`);
          assert.equal(g.status, 404, `${u.role} ${url}`);
          assert.equal(g.body.error.code, 'evidence.not_found');
        }
        const v = await u.client.post<Err>(`/api/violations/evidence/${id}/verify`);
        assert.equal(v.status, 404);
        const l = await u.client.get<Err>(`/api/violations/events/${secretEvent}/evidence`);
        assert.equal(l.status, 404);
        assert.equal(l.body.error.code, 'violation.not_found');
      }
      const missing = await outsider.client.get<Err>(
        '/api/violations/evidence/01934b5e-0000-7000-8000-000000000000',
      );
      assert.deepEqual(missing.body, (await outsider.client.get<Err>(`/api/violations/evidence/${id}`)).body);
      const before = storedFiles(dataDir).length;
      const refused = await up(outsider, secretEvent, 'x.pdf', textPdf(['x']));
      assert.equal(refused.status, 404);
      assert.equal(storedFiles(dataDir).length, before, 'a refused upload stores nothing');
      const all = await outsider.client.post<VerifyAll>('/api/violations/evidence/verify');
      assert.ok(!JSON.stringify(all.body).includes(id), 'verify-all covers only what the actor may see');
      const adminAll = await admin.client.post<VerifyAll>('/api/violations/evidence/verify');
      assert.equal(adminAll.status, 200);
      assert.ok(adminAll.body.checked > all.body.checked, 'administrators verify everything (ids only)');

      // A member sees it; granting access opens the evidence with the event.
      assert.equal((await doc.client.get(`/api/violations/evidence/${id}`)).status, 200);
      const g = await doc.client.put(`/api/violations/events/${secretEvent}/members`, {
        userId: outsider.id,
        role: 'grant',
      });
      assert.equal(g.status, 200, JSON.stringify(g.body));
      assert.equal((await outsider.client.get(`/api/violations/evidence/${id}`)).status, 200);
      const noEdit = await up(outsider, secretEvent, 'y.pdf', textPdf(['y']));
      assert.equal(noEdit.status, 403, 'a read-only grant cannot upload');
      const removed = await doc.client.delete(`/api/violations/events/${secretEvent}/members/${outsider.id}`);
      assert.ok(removed.status < 300, JSON.stringify(removed.body));
      assert.equal((await outsider.client.get(`/api/violations/evidence/${id}`)).status, 404);
    });

    test('PDF text is searchable, for those who may see the file and nobody else', async () => {
      const r = await up(
        doc,
        secretEvent,
        'protocol.pdf',
        textPdf(['Protocol of interrogation', 'Zindanbek quarry']),
      );
      assert.equal(r.status, 201);
      const open = await up(doc, openEvent, 'note.pdf', textPdf(['Zindanbek canteen']));
      assert.equal(open.status, 201);
      await runJobs();
      const member = await searchEvidence(t.ctx, actorOf(doc), 'zindanbek');
      assert.deepEqual(member.map((h) => h.id).sort(), [r.body.id, open.body.id].sort());
      assert.deepEqual(await searchEvidence(t.ctx, actorOf(doc), 'quarry'), [
        { id: r.body.id, eventId: secretEvent },
      ]);
      const other = await searchEvidence(t.ctx, actorOf(outsider), 'zindanbek');
      assert.deepEqual(other, [{ id: open.body.id, eventId: openEvent }], 'the restricted file stays hidden');
      assert.deepEqual(await searchEvidence(t.ctx, actorOf(admin), 'quarry'), []);
      assert.deepEqual(await searchEvidence(t.ctx, actorOf(lawyer), 'interrogation'), []);
      // The index is derived data (not in backups): lost, it is rebuilt by the job the server schedules.
      await t.ctx.db.deleteFrom('search_docs').where('entity_type', '=', 'vio_evidence').execute();
      assert.deepEqual(await searchEvidence(t.ctx, actorOf(doc), 'quarry'), []);
      await scheduleEvidenceReindexIfNeeded(t.ctx);
      await runJobs();
      assert.deepEqual(await searchEvidence(t.ctx, actorOf(doc), 'quarry'), [
        { id: r.body.id, eventId: secretEvent },
      ]);
      // The event list's search never shows the restricted event to an outsider through its evidence.
      const outsiderList = await outsider.client.get<{ items: { id: string }[] }>(
        '/api/violations/events?q=quarry',
      );
      assert.equal(outsiderList.status, 200);
      assert.ok(!outsiderList.body.items.some((e) => e.id === secretEvent));
    });

    test("a person's own evidence follows the person: upload needs people.write, reading needs sight of them", async () => {
      const p = await person(lawyer, 'Гүлнара Токтосунова');
      const r = await uploadTo(
        lawyer.client,
        `/api/people/${p}/evidence`,
        'арыз.txt',
        Buffer.from('Арыздын тексти\n'),
        {
          fields: { description: 'Кол жазма арыз' },
        },
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.eventId, null);
      assert.equal(r.body.personId, p);
      assert.equal(r.body.kind, 'text');
      const list = await lawyer.client.get<{ items: Item[] }>(`/api/people/${p}/evidence`);
      assert.deepEqual(
        list.body.items.map((i) => i.id),
        [r.body.id],
      );
      assert.equal((await lawyer.client.get(`/api/violations/evidence/${r.body.id}`)).status, 200);
      // Someone who cannot see the person: 404 for the person and the item, nothing stored for an upload.
      const g = await outsider.client.get<Err>(`/api/violations/evidence/${r.body.id}`);
      assert.equal(g.status, 404);
      assert.equal(g.body.error.code, 'evidence.not_found');
      const l = await outsider.client.get<Err>(`/api/people/${p}/evidence`);
      assert.equal(l.status, 404);
      assert.equal(l.body.error.code, 'person.not_found');
      const before = storedFiles(dataDir).length;
      const u = await uploadTo(outsider.client, `/api/people/${p}/evidence`, 'x.txt', Buffer.from('x\n'));
      assert.equal(u.status, 404);
      assert.equal(storedFiles(dataDir).length, before);
      const all = await outsider.client.post<VerifyAll>('/api/violations/evidence/verify');
      assert.ok(!JSON.stringify(all.body).includes(r.body.id));
      // Coordinators read, but may not upload (no people.write).
      const coord = await addUser(t, admin, 'coordinator');
      const c = await uploadTo(coord.client, `/api/people/${p}/evidence`, 'x.txt', Buffer.from('x\n'));
      assert.equal(c.status, 403);
    });
  });
}
