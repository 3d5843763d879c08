import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { FieldDb } from '../../src/web/features/field/db.ts';
import {
  downloadMessages,
  markRead,
  openMessages,
  sendReceipts,
  type MessageHttp,
} from '../../src/web/features/field/messages.ts';
import { dropHeldKey, ensureDeviceKey, forgetOnLogout } from '../../src/web/features/field/outbox.ts';

let n = 0;
let db: FieldDb;

beforeEach(async () => {
  db = new FieldDb(`field-messages-${++n}`);
  await ensureDeviceKey(db);
});

const msg = (id: string, at: string, text: string) => ({
  id,
  missionId: 'm1',
  missionTitle: 'Шайлоо 2026',
  text,
  at,
});

/** The server's side: the messages addressed to the observer, and who read what. */
function fakeServer(items: ReturnType<typeof msg>[]) {
  const read = new Set<string>();
  let offline = false;
  const http: MessageHttp = {
    async get() {
      if (offline) return { status: 0, body: null };
      return { status: 200, body: { items: items.map((m) => ({ ...m, read: read.has(m.id) })) } };
    },
    async post(_path, body) {
      if (offline) return { status: 0, body: null };
      for (const id of (body as { ids: string[] }).ids) read.add(id);
      return { status: 200, body: { read: 1 } };
    },
  };
  return {
    http,
    read,
    items,
    setOffline: (v: boolean) => {
      offline = v;
    },
  };
}

test('downloaded messages are sealed on the phone and open newest first', async () => {
  const s = fakeServer([
    msg('a', '2026-12-06T08:00:00Z', 'Первое'),
    msg('b', '2026-12-06T09:00:00Z', 'Экинчи'),
  ]);
  assert.equal(await downloadMessages(db, s.http), true);
  const rows = await db.messages.toArray();
  assert.equal(rows.length, 2);
  assert.doesNotMatch(JSON.stringify(rows), /Первое|Экинчи|Шайлоо/);
  const open = await openMessages(db, rows);
  assert.deepEqual(
    open.map((m) => [m.id, m.text, m.missionTitle, m.read]),
    [
      ['b', 'Экинчи', 'Шайлоо 2026', false],
      ['a', 'Первое', 'Шайлоо 2026', false],
    ],
  );
});

test('"Got it" offline is kept, survives a refresh, and reaches the server once back online', async () => {
  const s = fakeServer([msg('a', '2026-12-06T08:00:00Z', 'x')]);
  await downloadMessages(db, s.http);
  s.setOffline(true);
  await markRead(db, 'a');
  assert.equal(await sendReceipts(db, s.http), false);
  assert.equal(await downloadMessages(db, s.http), false);
  assert.deepEqual(await db.messages.get('a').then((m) => [m!.read, m!.owed]), [true, true]);
  s.setOffline(false);
  assert.equal(await downloadMessages(db, s.http), true);
  assert.ok(s.read.has('a'), 'the server heard of it');
  assert.deepEqual(await db.messages.get('a').then((m) => [m!.read, m!.owed]), [true, false]);
});

test('read on the server (another phone) shows read; withdrawn ones go', async () => {
  const s = fakeServer([msg('a', '2026-12-06T08:00:00Z', 'x'), msg('b', '2026-12-06T09:00:00Z', 'y')]);
  s.read.add('a');
  await downloadMessages(db, s.http);
  assert.equal((await db.messages.get('a'))!.read, true);
  s.items.splice(1, 1);
  await downloadMessages(db, s.http);
  assert.deepEqual(
    (await db.messages.toArray()).map((m) => m.id),
    ['a'],
  );
});

test('locked (no key in memory): nothing fetched and nothing opened; logout forgets them', async () => {
  const s = fakeServer([msg('a', '2026-12-06T08:00:00Z', 'x')]);
  await downloadMessages(db, s.http);
  const rows = await db.messages.toArray();
  // Behind a PIN the key lives only in memory: as if locked, the stored key row is gone.
  await db.meta.delete('deviceKey');
  dropHeldKey(db);
  assert.deepEqual(await openMessages(db, rows), []);
  assert.equal(await downloadMessages(db, s.http), false);
  await forgetOnLogout(db);
  assert.equal(await db.messages.count(), 0);
});

test('a message sealed under another key is passed over, the others still open', async () => {
  const s = fakeServer([msg('a', '2026-12-06T08:00:00Z', 'x'), msg('b', '2026-12-06T09:00:00Z', 'y')]);
  await downloadMessages(db, s.http);
  const rows = await db.messages.toArray();
  const other = new FieldDb(`field-messages-other-${n}`);
  await ensureDeviceKey(other);
  await downloadMessages(other, fakeServer([msg('a', '2026-12-06T08:00:00Z', 'z')]).http);
  const foreign = (await other.messages.get('a'))!;
  const mixed = rows.map((r) => (r.id === 'a' ? { ...r, sealed: foreign.sealed } : r));
  assert.deepEqual(
    (await openMessages(db, mixed)).map((m) => m.id),
    ['b'],
  );
});
