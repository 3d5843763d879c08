/**
 * The field app's outbox: reports saved on the device, encrypted, until the server has them. No React
 * and no network here (sync.ts sends), so the unit tests drive it with fake-indexeddb.
 */
import type { Answers } from '../../../core/forms/types';
import { newDeviceKey, openBytes, openJson, sealBytes, sealJson, sha256Hex } from './crypto';
import { FIELD_DB_NAME, type FieldDb, type MediaItem, type OutboxItem, type ServerProblem } from './db';

export const DEVICE_KEY = 'deviceKey';
/** With a PIN set (pin.ts), the key is stored only wrapped by the PIN, under this meta row. */
export const PIN_LOCK = 'pinLock';

// The key unwrapped by the PIN: in this page's memory only, per database, until the app locks.
const held = new Map<string, CryptoKey>();

export function holdKey(db: FieldDb, key: CryptoKey): void {
  held.set(db.name, key);
}

/** Locks the app (with a PIN set): the only usable copy of the key goes. */
export function dropHeldKey(db: FieldDb): void {
  held.delete(db.name);
}

/** The device key, or null when logged out (or never logged in here), or locked by its PIN. */
export async function deviceKey(db: FieldDb): Promise<CryptoKey | null> {
  const row = await db.meta.get(DEVICE_KEY);
  return (row?.value as CryptoKey | undefined) ?? held.get(db.name) ?? null;
}

/**
 * Makes the device key at login, once; later logins of the same session reuse it. Behind a PIN it is
 * never made anew: null while locked.
 */
export async function ensureDeviceKey(db: FieldDb): Promise<CryptoKey | null> {
  const existing = await deviceKey(db);
  if (existing) return existing;
  if (await db.meta.get(PIN_LOCK)) return null;
  // Made outside the transaction (an IndexedDB transaction ends while WebCrypto works); if two tabs
  // race, the first key stored wins and the other is dropped unused.
  const fresh = await newDeviceKey();
  return db.transaction('rw', db.meta, async () => {
    const stored = await deviceKey(db);
    if (stored) return stored;
    await db.meta.put({ key: DEVICE_KEY, value: fresh });
    return fresh;
  });
}

async function requireKey(db: FieldDb): Promise<CryptoKey> {
  const key = await deviceKey(db);
  if (!key) throw new Error('field: no device key (logged out)');
  return key;
}

/** A media answer saved on the device but not uploaded yet is held as `local-<media id>` (an upload-id shape, so the shared answer check accepts it). */
export const LOCAL_MEDIA = 'local-';

export interface NewReport {
  clientId: string;
  formVersionId: string;
  siteId: string;
  answers: Answers;
  critical?: boolean;
}

/**
 * Saves (or corrects) a report in the outbox, queued for sending. The clientId was made when the form
 * opened, so a double tap saves the same row twice; a report the server already has is never reopened.
 */
export async function saveReport(db: FieldDb, report: NewReport, now = new Date()): Promise<OutboxItem> {
  const key = await requireKey(db);
  const sealed = await sealJson(key, report.answers, report.clientId);
  return db.transaction('rw', db.outbox, async () => {
    const existing = await db.outbox.get(report.clientId);
    if (existing?.status === 'sent') return existing;
    const item: OutboxItem = {
      clientId: report.clientId,
      formVersionId: report.formVersionId,
      siteId: report.siteId,
      status: 'queued',
      sealed,
      submittedAt: existing?.submittedAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
      attempts: 0,
      nextAttemptAt: 0,
      critical: report.critical ?? false,
      error: null,
      serverId: null,
      sentAt: null,
    };
    await db.outbox.put(item);
    return item;
  });
}

/** The answers of a report still on the device (null once sent). */
export async function readAnswers(db: FieldDb, item: OutboxItem): Promise<Answers | null> {
  if (!item.sealed) return null;
  return openJson<Answers>(await requireKey(db), item.sealed, item.clientId);
}

/** Stores a photo, recording, file or signature encrypted; returns the answer value to put in the form. */
export async function saveMedia(db: FieldDb, reportId: string, file: Blob, name: string): Promise<string> {
  const key = await requireKey(db);
  const id = crypto.randomUUID();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const item: MediaItem = {
    id,
    reportId,
    name,
    type: file.type,
    size: bytes.byteLength,
    sha256: await sha256Hex(bytes),
    sealed: await sealBytes(key, bytes, id),
    uploadId: null,
  };
  await db.media.put(item);
  return `${LOCAL_MEDIA}${id}`;
}

export async function readMedia(db: FieldDb, item: MediaItem): Promise<Uint8Array> {
  return openBytes(await requireKey(db), item.sealed, item.id);
}

/** Reports whose turn has come (or all waiting ones when the observer presses "send now"). */
export async function dueReports(db: FieldDb, now: number, force = false): Promise<OutboxItem[]> {
  const queued = await db.outbox.where('status').equals('queued').toArray();
  return queued
    .filter((i) => force || i.nextAttemptAt <= now)
    .sort((a, b) => Number(b.critical) - Number(a.critical) || a.submittedAt.localeCompare(b.submittedAt));
}

/** The server has it: keep a receipt, delete the answers and media from the device. */
export async function markSent(
  db: FieldDb,
  clientId: string,
  serverId: string,
  now = new Date(),
): Promise<void> {
  await db.transaction('rw', db.outbox, db.media, async () => {
    await db.outbox.update(clientId, {
      status: 'sent',
      sealed: null,
      serverId,
      sentAt: now.toISOString(),
      error: null,
    });
    await db.media.where('reportId').equals(clientId).delete();
  });
}

/** Next automatic try: 5 s, 10 s, 20 s … capped at 10 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 600_000);
}

/** A network failure or a 5xx: try again later, keep the answers. */
export async function markRetry(
  db: FieldDb,
  clientId: string,
  problem: ServerProblem | null,
  now = Date.now(),
): Promise<void> {
  const item = await db.outbox.get(clientId);
  if (!item || item.status !== 'queued') return;
  const attempts = item.attempts + 1;
  await db.outbox.update(clientId, { attempts, nextAttemptAt: now + backoffMs(attempts), error: problem });
}

/** Refused for a reason only a correction fixes (400 naming a field, not assigned any more …). */
export async function markRejected(db: FieldDb, clientId: string, problem: ServerProblem): Promise<void> {
  await db.outbox.update(clientId, { status: 'rejected', error: problem });
}

export interface OutboxCounts {
  waiting: number;
  rejected: number;
  sent: number;
}

export async function outboxCounts(db: FieldDb): Promise<OutboxCounts> {
  const [waiting, rejected, sent] = await Promise.all(
    (['queued', 'rejected', 'sent'] as const).map((s) => db.outbox.where('status').equals(s).count()),
  );
  return { waiting: waiting ?? 0, rejected: rejected ?? 0, sent: sent ?? 0 };
}

/** Reports not yet on the server (lost if the observer logs out now). */
export async function unsentCount(db: FieldDb): Promise<number> {
  const c = await outboxCounts(db);
  return c.waiting + c.rejected;
}

/**
 * Logout: the key goes, and with it everything it encrypted (unreadable without it anyway), plus the
 * downloaded assignments and messages. What remains is the empty database.
 */
export async function forgetOnLogout(db: FieldDb): Promise<void> {
  dropHeldKey(db);
  const tables = [db.meta, db.outbox, db.media, db.assignments, db.forms, db.messages];
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((t) => t.clear()));
  });
}

/**
 * "Wipe this device": deletes the whole database and every Cache Storage cache, and unregisters the
 * field app's service worker (scope /field; the login page never needed it).
 */
export async function wipeDevice(db: FieldDb): Promise<void> {
  dropHeldKey(db);
  await db.delete();
  const g = globalThis as { caches?: CacheStorage; navigator?: Navigator };
  if (g.caches) {
    for (const name of await g.caches.keys()) await g.caches.delete(name);
  }
  const sw = g.navigator?.serviceWorker;
  if (sw) {
    for (const reg of await sw.getRegistrations()) {
      if (new URL(reg.scope).pathname.startsWith('/field')) await reg.unregister();
    }
  }
}

export { FIELD_DB_NAME };
