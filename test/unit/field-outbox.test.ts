import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { FieldDb } from '../../src/web/features/field/db.ts';
import {
  backoffMs,
  deviceKey,
  dueReports,
  ensureDeviceKey,
  forgetOnLogout,
  outboxCounts,
  readAnswers,
  readMedia,
  saveMedia,
  saveReport,
  wipeDevice,
} from '../../src/web/features/field/outbox.ts';
import { CHUNK, syncOnce, type Reply, type Transport } from '../../src/web/features/field/sync.ts';

let n = 0;
let db: FieldDb;

beforeEach(async () => {
  db = new FieldDb(`field-test-${++n}`);
  await ensureDeviceKey(db);
});

/** A server that behaves like the contract: one row per (user, clientId), 200 with the same id again. */
function fakeServer() {
  const stored = new Map<string, { id: string; answers: unknown }>();
  const uploads = new Map<string, { id: string; size: number; bytes: number[] }>();
  let offline = false;
  let reject: string | null = null;
  let staleOnce = true;
  const calls: string[] = [];
  const t: Transport = {
    async submit(body) {
      calls.push(`submit ${body.clientId}`);
      if (offline) return { status: 0, body: null };
      if (reject && body.clientId === reject)
        return {
          status: 400,
          body: {
            error: {
              code: 'submissions.answer_invalid',
              message: 'Opened on time: this answer is required',
              details: [{ path: 'opened', code: 'required' }],
            },
          },
        };
      const seen = stored.get(body.clientId);
      if (seen) return { status: 200, body: { id: seen.id } };
      const id = `srv-${stored.size + 1}`;
      stored.set(body.clientId, { id, answers: body.answers });
      return { status: 201, body: { id } };
    },
    async uploadStart(body) {
      if (offline) return { status: 0, body: null };
      const u = uploads.get(body.clientId) ?? { id: `up-${uploads.size + 1}`, size: body.size, bytes: [] };
      uploads.set(body.clientId, u);
      // Once, a stale figure (as a lagging replica could give): the chunk answer then corrects it.
      const received = staleOnce && u.bytes.length ? ((staleOnce = false), 0) : u.bytes.length;
      return { status: 201, body: { id: u.id, received } };
    },
    async uploadChunk(id, offset, chunk): Promise<Reply> {
      if (offline) return { status: 0, body: null };
      calls.push(`chunk ${offset}`);
      const u = [...uploads.values()].find((x) => x.id === id)!;
      if (offset !== u.bytes.length)
        return {
          status: 409,
          body: { error: { code: 'uploads.offset_mismatch', details: { received: u.bytes.length } } },
        };
      for (const b of chunk) u.bytes.push(b);
      // The first chunk arrives but its answer is lost (the connection drops): the upload must resume.
      if (calls.length === 1) {
        offline = true;
        return { status: 0, body: null };
      }
      return { status: 200, body: { received: u.bytes.length } };
    },
  };
  return {
    t,
    stored,
    uploads,
    calls,
    setOffline: (v: boolean) => (offline = v),
    rejectNext: (id: string | null) => (reject = id),
  };
}

const report = (clientId: string, answers: Record<string, unknown> = { opened: true }) => ({
  clientId,
  formVersionId: 'fv1',
  siteId: 's1',
  answers,
});

describe('field outbox', () => {
  test('answers are stored encrypted and read back with the device key', async () => {
    const id = crypto.randomUUID();
    const item = await saveReport(db, report(id, { note: 'Бюллетендер жетишпейт', opened: true }));
    const raw = await db.outbox.get(id);
    assert.ok(raw?.sealed);
    const bytes = new TextDecoder().decode(raw.sealed.data);
    assert.doesNotMatch(bytes, /Бюллетендер|opened/);
    assert.deepEqual(await readAnswers(db, item), { note: 'Бюллетендер жетишпейт', opened: true });
    const key = await deviceKey(db);
    assert.equal(key?.extractable, false);
    // A ciphertext moved to another record does not open (the record id is authenticated data).
    await db.outbox.put({ ...raw, clientId: crypto.randomUUID() });
    const moved = (await db.outbox.toArray()).find((x) => x.clientId !== id)!;
    await assert.rejects(readAnswers(db, moved));
  });

  test('a double save keeps one row; offline keeps it queued; online sends it once', async () => {
    const srv = fakeServer();
    const id = crypto.randomUUID();
    await saveReport(db, report(id));
    await saveReport(db, report(id));
    assert.equal(await db.outbox.count(), 1);
    srv.setOffline(true);
    const r1 = await syncOnce(db, srv.t, { force: true });
    assert.equal(r1.retry, 1);
    const waiting = await db.outbox.get(id);
    assert.equal(waiting?.status, 'queued');
    assert.equal(waiting?.attempts, 1);
    assert.ok(waiting.nextAttemptAt > Date.now(), 'backoff set');
    assert.deepEqual(await dueReports(db, Date.now()), [], 'not due before the backoff');
    srv.setOffline(false);
    const r2 = await syncOnce(db, srv.t, { force: true });
    assert.equal(r2.sent, 1);
    const sent = await db.outbox.get(id);
    assert.equal(sent?.status, 'sent');
    assert.equal(sent?.serverId, 'srv-1');
    assert.equal(sent?.sealed, null, 'answers leave the device once sent');
    // Saving again after it was sent (a late double tap) does not reopen it; a replay stores once.
    await saveReport(db, report(id));
    assert.equal((await db.outbox.get(id))?.status, 'sent');
    assert.equal((await srv.t.submit({ ...report(id), submittedAt: '' })).status, 200);
    assert.equal(srv.stored.size, 1);
    assert.deepEqual(await outboxCounts(db), { waiting: 0, rejected: 0, sent: 1 });
  });

  test('a 400 naming a field leaves the report rejected, readable, for correction', async () => {
    const srv = fakeServer();
    const id = crypto.randomUUID();
    await saveReport(db, report(id, { opened: null }));
    srv.rejectNext(id);
    const r = await syncOnce(db, srv.t, { force: true });
    assert.equal(r.rejected, 1);
    const item = (await db.outbox.get(id))!;
    assert.equal(item.status, 'rejected');
    assert.equal(item.error?.code, 'submissions.answer_invalid');
    assert.deepEqual(item.error?.details, [{ path: 'opened', code: 'required' }]);
    assert.deepEqual(await readAnswers(db, item), { opened: null });
    srv.rejectNext(null);
    await saveReport(db, report(id, { opened: true }));
    assert.equal((await syncOnce(db, srv.t, { force: true })).sent, 1);
  });

  test('media upload resumes by chunks, then the report carries the upload id', async () => {
    const srv = fakeServer();
    const id = crypto.randomUUID();
    const photo = new Uint8Array(CHUNK * 2 + 10).map((_, i) => i % 251);
    const ref = await saveMedia(db, id, new Blob([photo], { type: 'image/jpeg' }), 'p.jpg');
    const stored = (await db.media.toArray())[0]!;
    assert.deepEqual(await readMedia(db, stored), photo);
    await saveReport(db, report(id, { photo: ref, people: [{ pic: ref }] }));
    const first = await syncOnce(db, srv.t, { force: true });
    assert.equal(first.retry, 1, 'the connection dropped after the first chunk');
    assert.equal(srv.stored.size, 0, 'no report before its media');
    srv.setOffline(false);
    const second = await syncOnce(db, srv.t, { force: true });
    assert.equal(second.sent, 1);
    const up = [...srv.uploads.values()][0]!;
    assert.equal(up.bytes.length, photo.length);
    assert.deepEqual(new Uint8Array(up.bytes), photo);
    assert.deepEqual(srv.stored.get(id)?.answers, { photo: up.id, people: [{ pic: up.id }] });
    // Chunk 0 was offered again (stale figure) and refused with 409: stored once, then it went on;
    // the report went only after its media.
    assert.deepEqual(srv.calls, [
      'chunk 0',
      'chunk 0',
      `chunk ${CHUNK}`,
      `chunk ${CHUNK * 2}`,
      `submit ${id}`,
    ]);
    assert.equal(await db.media.count(), 0, 'media leave the device once sent');
  });

  test('a 401 stops the pass and keeps every report waiting', async () => {
    const t: Transport = {
      submit: async () => ({ status: 401, body: { error: { code: 'auth.unauthenticated' } } }),
      uploadStart: async () => ({ status: 401, body: null }),
      uploadChunk: async () => ({ status: 401, body: null }),
    };
    await saveReport(db, report(crypto.randomUUID()));
    await saveReport(db, report(crypto.randomUUID()));
    const r = await syncOnce(db, t, { force: true });
    assert.equal(r.needsLogin, true);
    assert.equal((await outboxCounts(db)).waiting, 2);
    assert.ok((await db.outbox.toArray()).every((i) => i.attempts === 0));
  });

  test('backoff grows and is capped', () => {
    assert.equal(backoffMs(1), 5_000);
    assert.equal(backoffMs(2), 10_000);
    assert.equal(backoffMs(20), 600_000);
  });

  test('logout forgets the key and the data; wipe deletes the database', async () => {
    await saveReport(db, report(crypto.randomUUID()));
    await forgetOnLogout(db);
    assert.equal(await deviceKey(db), null);
    assert.equal(await db.outbox.count(), 0);
    await assert.rejects(saveReport(db, report(crypto.randomUUID())), /no device key/);
    await ensureDeviceKey(db);
    await saveReport(db, report(crypto.randomUUID()));
    const name = db.name;
    await wipeDevice(db);
    const names = await indexedDB.databases();
    assert.ok(!names.some((d) => d.name === name), 'database deleted');
  });
});
