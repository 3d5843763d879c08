import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import type { FormDefinition } from '../../src/core/forms/index.ts';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { verifyAllFiles } from '../../src/server/platform/files/registry.ts';
import { fetchBytes, textPdf, type Item } from '../helpers/evidence.ts';
import {
  assign,
  goodAnswers,
  missionWorld,
  publishTestForm,
  sendUpload,
  submission,
  type MissionWorld,
} from '../helpers/monitoring.ts';

type Err = { error: { code: string } };
type File = { id: string; mime: string; size: number; name: string };
type Sub = { id: string; answers: Record<string, unknown>; files: File[]; status: string };

const L = (en: string) => ({ ky: en, ru: en, en });
/** Every place a file can be named: a photo, a document, a signature, and photos inside a repeat group. */
const MEDIA: FormDefinition = {
  title: L('Media report'),
  kind: 'incident',
  sections: [
    {
      key: 'm',
      title: L('Media'),
      fields: [
        { key: 'what', type: 'long_text', label: L('What happened') },
        { key: 'photo', type: 'file', label: L('Photo'), accept: 'photo' },
        { key: 'doc', type: 'file', label: L('Document') },
        { key: 'sign', type: 'signature', label: L('Signature') },
        {
          key: 'items',
          type: 'repeat',
          label: L('Items'),
          fields: [{ key: 'pic', type: 'file', label: L('Picture'), accept: 'photo' }],
        },
      ],
    },
  ],
};

const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();

for (const backend of await backends()) {
  describe(`monitoring: a submission's files open for those who may read it (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let naryn: TestUser;
    let obs: TestUser;
    let obs2: TestUser;
    let viewer: TestUser;
    let lawyer: TestUser;
    let w: MissionWorld;
    let sub: string;
    let sub2: string;
    let media = '';
    const up: Record<string, string> = {};
    const bytes: Record<string, Buffer> = {};
    const url = (s: string, u: string) => `/api/monitoring/submissions/${s}/files/${u}`;

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      naryn = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      obs2 = await addUser(t, admin, 'monitor');
      viewer = await addUser(t, admin, 'viewer');
      lawyer = await addUser(t, admin, 'lawyer');
      w = await missionWorld(t.ctx, admin);
      media = (await publishTestForm(t.ctx, MEDIA)).versionId;
      const f = await admin.client.put(`/api/monitoring/missions/${w.missionId}/forms`, {
        formVersionIds: [w.checklist, w.incident, media],
      });
      assert.equal(f.status, 200, JSON.stringify(f.body));
      await assign(admin, w.sites.C1!, [obs.id]);
      await assign(admin, w.sites.N1!, [obs2.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: admin.id, region: null },
          { userId: chuy.id, region: 'KG-C' },
          { userId: naryn.id, region: 'KG-N' },
        ],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      bytes.photo = await png(64, 48);
      bytes.doc = textPdf(['Protocol of the commission']);
      bytes.sign = await png(200, 80);
      bytes.pic = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#aa2200' } })
        .jpeg()
        .toBuffer();
      bytes.spare = await png(10, 10);
      up.photo = await sendUpload(obs.client, bytes.photo, 'участок.png');
      up.doc = await sendUpload(obs.client, bytes.doc, 'protocol.pdf');
      // The signature pad's upload may come without a name: the content names its type.
      up.sign = await sendUpload(obs.client, bytes.sign);
      up.pic = await sendUpload(obs.client, bytes.pic, 'Сүрөт "1";\u202egpj.exe.jpg');
      up.spare = await sendUpload(obs.client, bytes.spare, 'spare.png');
      const s = await obs.client.post<{ id: string }>(
        '/api/monitoring/submissions',
        submission(
          w,
          'C1',
          {
            what: 'Ballots carried out',
            photo: up.photo,
            doc: up.doc,
            sign: up.sign,
            items: [{ pic: up.pic }, { pic: up.photo }],
          },
          media,
        ),
      );
      assert.equal(s.status, 201, JSON.stringify(s.body));
      sub = s.body.id;
      bytes.other = await png(12, 12);
      up.other = await sendUpload(obs2.client, bytes.other, 'other.png');
      const s2 = await obs2.client.post<{ id: string }>(
        '/api/monitoring/submissions',
        submission(w, 'N1', goodAnswers({ photo: up.other })),
      );
      assert.equal(s2.status, 201, JSON.stringify(s2.body));
      sub2 = s2.body.id;
    });
    after(async () => t.close());

    test('a photo question takes a photo: a document in its place is refused, naming the question, and stores nothing', async () => {
      const before = await t.ctx.db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      for (const answers of [{ photo: up.doc }, { items: [{ pic: up.doc }] }]) {
        const r = await obs.client.post<Err & { error: { message: string; details?: { path: string }[] } }>(
          '/api/monitoring/submissions',
          submission(w, 'C1', { what: 'x', ...answers }, media),
        );
        assert.equal(r.status, 400, JSON.stringify(r.body));
        assert.equal(r.body.error.code, 'submissions.upload_kind');
        assert.match(r.body.error.message, /^(Photo|Picture):/);
      }
      // A question that takes any file takes the document, and a photo question the photo.
      const ok = await obs.client.post(
        '/api/monitoring/submissions',
        submission(w, 'C1', { what: 'x', doc: up.doc, photo: up.spare }, media),
      );
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      const after = await t.ctx.db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n) + 1);
    });

    test('the submission lists its files (names decrypted and made safe), answers unchanged', async () => {
      const r = await chuy.client.get<Sub>(`/api/monitoring/submissions/${sub}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.answers.photo, up.photo);
      assert.equal(r.body.status, 'received');
      const byId = new Map(r.body.files.map((f) => [f.id, f]));
      assert.equal(r.body.files.length, 4, 'each upload once, the unreferenced one not at all');
      assert.deepEqual(byId.get(up.photo!), {
        id: up.photo,
        mime: 'image/png',
        size: bytes.photo!.length,
        name: 'участок.png',
      });
      assert.deepEqual(byId.get(up.doc!), {
        id: up.doc,
        mime: 'application/pdf',
        size: bytes.doc!.length,
        name: 'protocol.pdf',
      });
      assert.equal(byId.get(up.sign!)!.mime, 'image/png');
      assert.equal(byId.get(up.sign!)!.name, 'file.png');
      // No quote and no bidi override survives into a name the browser shows or saves.
      assert.equal(byId.get(up.pic!)!.name, 'Сүрөт _1_;gpj.exe.jpg');
      assert.equal(byId.get(up.pic!)!.mime, 'image/jpeg');
      const plain = await obs2.client.get<Sub>(`/api/monitoring/submissions/${sub2}`);
      assert.deepEqual(
        plain.body.files.map((f) => f.id),
        [up.other],
      );
    });

    test('the observer, the region’s coordinator and an admin get the bytes, safely labelled and audited', async () => {
      const before = await t.ctx.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'monitoring.submission_file_read')
        .execute();
      assert.equal(before.length, 0);
      for (const who of [obs, chuy, admin]) {
        for (const [k, mime, inline] of [
          ['photo', 'image/png', true],
          ['doc', 'application/pdf', false],
          ['sign', 'image/png', true],
          ['pic', 'image/jpeg', true],
        ] as const) {
          const r = await fetchBytes(who.client, url(sub, up[k]!));
          assert.equal(r.status, 200, `${k}: ${r.bytes.toString()}`);
          assert.ok(r.bytes.equals(bytes[k]!), `${k}: the original bytes`);
          assert.equal(r.headers.get('content-type'), mime);
          assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
          assert.equal(r.headers.get('cache-control'), 'private, no-store');
          assert.match(r.headers.get('content-security-policy')!, /default-src 'none'.*sandbox/);
          const cd = r.headers.get('content-disposition')!;
          assert.ok(cd.startsWith(inline ? 'inline;' : 'attachment;'), cd);
          assert.doesNotMatch(cd, /[\r\n]|\u202e/);
        }
      }
      const photo = await fetchBytes(admin.client, url(sub, up.photo!));
      assert.equal(
        photo.headers.get('content-disposition'),
        `inline; filename="_______.png"; filename*=UTF-8''${encodeURIComponent('участок.png')}`,
      );
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select(['actor_id', 'entity_id', 'details'])
        .where('action', '=', 'monitoring.submission_file_read')
        .execute();
      assert.equal(audit.length, 13);
      assert.ok(audit.every((a) => a.entity_id === sub));
      assert.ok(JSON.stringify(audit.at(-1)!.details).includes(up.photo!));
    });

    test('another region’s coordinator and another observer get 404; viewer and lawyer 403; anonymous 401', async () => {
      for (const who of [naryn, obs2]) {
        const r = await who.client.get<Err>(url(sub, up.photo!));
        assert.equal(r.status, 404);
        assert.equal(r.body.error.code, 'submissions.not_found');
      }
      for (const who of [viewer, lawyer]) {
        const r = await who.client.get<Err>(url(sub, up.photo!));
        assert.equal(r.status, 403);
        assert.equal(r.body.error.code, 'auth.forbidden');
      }
      assert.equal((await t.client().get(url(sub, up.photo!))).status, 401);
      // The region's coordinator of the other report does see that one.
      assert.equal((await fetchBytes(naryn.client, url(sub2, up.other!))).status, 200);
    });

    test('an upload the submission does not name is missing, exactly like an unknown id', async () => {
      const unknown = await admin.client.get<Err>(url(sub, '01934b5e-0000-7000-8000-00000000dead'));
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.error.code, 'uploads.not_found');
      // The observer's own complete upload, but not in this submission; another report's upload.
      for (const [s, u] of [
        [sub, up.spare],
        [sub, up.other],
        [sub2, up.photo],
      ] as const) {
        const r = await admin.client.get<Err>(url(s, u!));
        assert.equal(r.status, 404, `${s} ${u}`);
        assert.deepEqual(r.body, unknown.body);
      }
      const own = await obs.client.get<Err>(url(sub, up.spare!));
      const ownUnknown = await obs.client.get<Err>(url(sub, '01934b5e-0000-7000-8000-00000000beef'));
      assert.equal(own.status, 404);
      assert.deepEqual(own.body, ownUnknown.body);
      // One character changed in a real id.
      const tampered = up.photo!.slice(0, -1) + (up.photo!.endsWith('0') ? '1' : '0');
      const r = await admin.client.get<Err>(url(sub, tampered));
      assert.equal(r.status, 404);
      assert.deepEqual(r.body, unknown.body);
      const notUuid = await chuy.client.get<Err>(url(sub, 'photo.png'));
      assert.equal(notUuid.status, 400);
    });
    test('made a violation record, the report’s files become its evidence, with their origin in custody', async () => {
      const path = `/api/monitoring/submissions/${sub}/to-violation`;
      // A double click: one event, one copy of each file, no stray file left behind.
      const both = await Promise.all([
        admin.client.post<{ eventId: string }>(path),
        admin.client.post<{ eventId: string }>(path),
      ]);
      assert.deepEqual(
        both.map((r) => r.status),
        [200, 200],
        JSON.stringify(both.map((r) => r.body)),
      );
      const eventId = both[0].body.eventId;
      assert.equal(both[1].body.eventId, eventId);
      const list = await admin.client.get<{ items: Item[] }>(`/api/violations/events/${eventId}/evidence`);
      assert.equal(list.status, 200);
      const byName = new Map(list.body.items.map((i) => [i.name, i]));
      assert.deepEqual(
        [...byName.keys()].sort(),
        ['file.png', 'protocol.pdf', 'Сүрөт _1_;gpj.exe.jpg', 'участок.png'].sort(),
      );
      const photo = byName.get('участок.png')!;
      assert.equal(photo.mime, 'image/png');
      // In the converter's language (Kyrgyz here), by the field that names the file first.
      assert.equal(photo.description, 'Мониторинг билдирүүсүнөн: Photo');
      const got = await fetchBytes(admin.client, `/api/violations/evidence/${photo.id}/download`);
      assert.equal(got.status, 200);
      assert.ok(got.bytes.equals(bytes.photo!), 'the same bytes as the observer sent');
      const custody = await admin.client.get<{ items: { action: string; result: string | null }[] }>(
        `/api/violations/evidence/${photo.id}/custody`,
      );
      const upload = custody.body.items.find((c) => c.action === 'upload');
      assert.equal(upload?.result, `submission:${sub}`);
      // Re-encrypted under the evidence item's own key: the stored file is not the upload's.
      const rows = await t.ctx.db.selectFrom('vio_evidence').select(['storage_key', 'sha256']).execute();
      const ups = await t.ctx.db.selectFrom('uploads').select(['storage_key']).execute();
      assert.equal(rows.length, 4);
      assert.ok(rows.every((r) => !ups.some((u) => u.storage_key === r.storage_key)));
      let report = await verifyAllFiles(t.ctx);
      // The thumbnail job may be between writing a thumbnail and recording it.
      for (let i = 0; i < 50 && report.orphans.length; i++) {
        await new Promise((r) => setTimeout(r, 100));
        report = await verifyAllFiles(t.ctx);
      }
      assert.deepEqual(report.bad, []);
      assert.deepEqual(report.orphans, []);
    });
  });
}
