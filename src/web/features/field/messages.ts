/**
 * Coordinators' messages on the phone (ADR 0033): downloaded with the assignments and while the home
 * screen is open, kept sealed with the device key, shown until the observer taps "Got it". That tap
 * is kept here and told to the server when there is a connection (`owed`), so "read by 3 of 12" on
 * the coordinator's screen counts phones that were offline when their observer read it.
 * No React here; the network is passed in, so unit tests drive it with fake-indexeddb.
 */
import { openJson, sealJson } from './crypto';
import type { FieldDb, StoredMessage } from './db';
import { deviceKey } from './outbox';
import type { Reply } from './sync';

export interface MessageHttp {
  get(path: string): Promise<Reply>;
  post(path: string, body: unknown): Promise<Reply>;
}

/** A message as the home screen shows it. */
export interface FieldMessage {
  id: string;
  missionTitle: string;
  text: string;
  at: string;
  read: boolean;
}

interface Wire {
  id: string;
  missionId: string;
  missionTitle: string;
  text: string;
  at: string;
  read: boolean;
}

const aad = (id: string) => `message:${id}`;
/** The server takes at most this many ids in one call (messages.schemas.ts). */
const RECEIPTS_PER_CALL = 100;

/** Tells the server about messages read on this phone; false when it could not (offline, locked out). */
export async function sendReceipts(db: FieldDb, http: MessageHttp): Promise<boolean> {
  const owed = (await db.messages.toArray()).filter((m) => m.owed).map((m) => m.id);
  for (let i = 0; i < owed.length; i += RECEIPTS_PER_CALL) {
    const ids = owed.slice(i, i + RECEIPTS_PER_CALL);
    const r = await http.post('/api/monitoring/messages/read', { ids });
    // 400: ids the server will never take (no retry can fix that); anything else but 200 waits.
    if (r.status !== 200 && r.status !== 400) return false;
    await db.messages.where('id').anyOf(ids).modify({ owed: false });
  }
  return true;
}

/**
 * Replaces the phone's messages with the server's list (withdrawn ones and those of ended missions
 * go), keeping what was read here. Needs the device key: nothing happens while the app is locked.
 */
export async function downloadMessages(db: FieldDb, http: MessageHttp): Promise<boolean> {
  const key = await deviceKey(db);
  if (!key) return false;
  await sendReceipts(db, http);
  const r = await http.get('/api/monitoring/messages');
  if (r.status !== 200) return false;
  const items = (r.body as { items: Wire[] }).items;
  const rows = await Promise.all(
    items.map(async (m) => ({
      id: m.id,
      missionId: m.missionId,
      at: m.at,
      read: m.read,
      sealed: await sealJson(key, { text: m.text, missionTitle: m.missionTitle }, aad(m.id)),
    })),
  );
  await db.transaction('rw', db.messages, async () => {
    const local = new Map((await db.messages.toArray()).map((m) => [m.id, m]));
    await db.messages.clear();
    await db.messages.bulkPut(
      rows.map((m): StoredMessage => {
        const here = local.get(m.id);
        // Read here after the receipts went (or they failed): still owed.
        const owed = !m.read && !!here?.read;
        return { ...m, read: m.read || owed, owed };
      }),
    );
  });
  return true;
}

/** "Got it": read at once on this phone, told to the server now or at the next connection. */
export async function markRead(db: FieldDb, id: string): Promise<void> {
  await db.messages.where('id').equals(id).modify({ read: true, owed: true });
}

/** The messages this phone holds, newest first, opened with the device key (none while locked). */
export async function openMessages(db: FieldDb, rows: StoredMessage[]): Promise<FieldMessage[]> {
  const key = await deviceKey(db);
  if (!key) return [];
  const out = await Promise.all(
    rows.map(async (m) => {
      try {
        const body = await openJson<{ text: string; missionTitle: string }>(key, m.sealed, aad(m.id));
        return [{ id: m.id, at: m.at, read: m.read, ...body }];
      } catch {
        // Sealed under a key this phone no longer has (a logout raced the download): the next
        // download replaces it; the others still show.
        return [];
      }
    }),
  );
  return out.flat().sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
