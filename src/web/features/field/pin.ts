/**
 * A PIN lock for the field app (docs/adr/0031-field-app-pin-lock.md). Without it the device key is a
 * CryptoKey kept in IndexedDB, usable by whoever holds the unlocked phone. With it, the key is stored
 * only wrapped by a key derived from the PIN (PBKDF2-SHA-256), unwrapped into this page's memory as
 * non-extractable, and dropped when the app locks (after a while unused, on "Lock now", at every
 * reload). Each try is counted before it is checked, so closing the tab mid-check saves no try; after
 * PIN_TRIES wrong ones the caller wipes the device. No React and no network here.
 */
import { openBytes, sealBytes, type Sealed } from './crypto';
import type { FieldDb, MediaItem, MetaRow, OutboxItem } from './db';
import { DEVICE_KEY, PIN_LOCK, deviceKey, dropHeldKey, holdKey } from './outbox';

/** The shortest PIN accepted: digits or any characters. */
export const PIN_MIN = 6;
/** Wrong PINs in a row after which everything on the device is erased. */
export const PIN_TRIES = 10;
/** PBKDF2 rounds (OWASP's figure for SHA-256): about a second on a modest phone, once per unlock. */
const ITERATIONS = 600_000;
const AAD = new TextEncoder().encode('ukuk field pin lock v1');

interface StoredLock {
  salt: Uint8Array;
  iterations: number;
  wrapped: Sealed;
  /** Tries counted and not yet followed by the right PIN. */
  failed: number;
}

export type PinResult = { ok: true } | { ok: false; left: number } | { ok: false; wipe: true };

async function lockOf(db: FieldDb): Promise<StoredLock | null> {
  return ((await db.meta.get(PIN_LOCK))?.value as StoredLock | undefined) ?? null;
}

export async function hasPin(db: FieldDb): Promise<boolean> {
  return (await lockOf(db)) !== null;
}

/**
 * Whether a mission of this observer requires the PIN lock (its coordinators chose so): the app then
 * starts no report until one is set, and it cannot be turned off.
 */
export async function pinRequired(db: FieldDb): Promise<boolean> {
  return (await db.assignments.toArray()).some((a) => a.fieldPin === true);
}

/** A report may not be started: the PIN lock is required and not set. */
export async function pinMissing(db: FieldDb): Promise<boolean> {
  return (await pinRequired(db)) && !(await hasPin(db));
}

/** A PIN is set and its key is not in memory: nothing on the device can be read or written. */
export async function isLocked(db: FieldDb): Promise<boolean> {
  return (await hasPin(db)) && (await deviceKey(db)) === null;
}

/** Tries left before the device must be wiped (PIN_TRIES with no PIN). */
export async function triesLeft(db: FieldDb): Promise<number> {
  return PIN_TRIES - ((await lockOf(db))?.failed ?? 0);
}

export function lockNow(db: FieldDb): void {
  dropHeldKey(db);
}

async function pinKey(pin: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

function unwrap(wrapping: CryptoKey, wrapped: Sealed, extractable: boolean): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey(
    'raw',
    wrapped.data,
    wrapping,
    { name: 'AES-GCM', iv: wrapped.iv as Uint8Array<ArrayBuffer>, additionalData: AAD },
    { name: 'AES-GCM', length: 256 },
    extractable,
    ['encrypt', 'decrypt'],
  );
}

/** Everything the device key encrypts (reports, photos, drafts), sealed again under `to`, not yet written. */
async function resealAll(db: FieldDb, from: CryptoKey, to: CryptoKey) {
  const again = async (s: Sealed, aad: string) => sealBytes(to, await openBytes(from, s, aad), aad);
  const items = (await db.outbox.toArray()).filter((i) => i.sealed);
  const media = await db.media.toArray();
  const drafts = await db.meta.where('key').startsWith('draft:').toArray();
  const out = {
    items: [] as { was: OutboxItem; sealed: Sealed }[],
    media: [] as { was: MediaItem; sealed: Sealed }[],
    drafts: [] as { was: MetaRow; value: unknown }[],
  };
  for (const i of items) out.items.push({ was: i, sealed: await again(i.sealed!, i.clientId) });
  for (const m of media) out.media.push({ was: m, sealed: await again(m.sealed, m.id) });
  for (const d of drafts) {
    const v = d.value as { clientId: string; sealed: Sealed };
    out.drafts.push({ was: d, value: { ...v, sealed: await again(v.sealed, `draft:${v.clientId}`) } });
  }
  return out;
}

const same = (a: Sealed | null | undefined, b: Sealed | null | undefined) =>
  !!a && !!b && a.iv.length === b.iv.length && a.iv.every((x, i) => x === b.iv[i]);

/**
 * Puts the device behind `pin`: a new key (the old one cannot be wrapped: it was made non-extractable),
 * everything re-encrypted under it in one transaction, the old key deleted. Throws (nothing changed)
 * when a report was saved or sent meanwhile; the caller asks again.
 */
export async function setPin(db: FieldDb, pin: string): Promise<void> {
  if (pin.length < PIN_MIN) throw new Error('field: PIN too short');
  const old = await deviceKey(db);
  if (!old || (await hasPin(db))) throw new Error('field: no key to protect, or a PIN already');
  const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const wrapping = await pinKey(pin, salt, ITERATIONS);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.wrapKey('raw', fresh, wrapping, {
    name: 'AES-GCM',
    iv,
    additionalData: AAD,
  });
  const wrapped: Sealed = { iv, data };
  // The working copy cannot be read out of WebCrypto; the extractable one is left to the collector.
  const key = await unwrap(wrapping, wrapped, false);
  const next = await resealAll(db, old, key);
  await db.transaction('rw', db.outbox, db.media, db.meta, async () => {
    // A report or photo saved meanwhile would stay under the old key, which is about to go.
    const sealedNow = await db.outbox.filter((i) => !!i.sealed).count();
    if (sealedNow !== next.items.length || (await db.media.count()) !== next.media.length)
      throw new Error('field: changed');
    for (const { was, sealed } of next.items) {
      if (!same((await db.outbox.get(was.clientId))?.sealed, was.sealed)) throw new Error('field: changed');
      await db.outbox.update(was.clientId, { sealed });
    }
    for (const { was, sealed } of next.media) {
      if (!same((await db.media.get(was.id))?.sealed, was.sealed)) throw new Error('field: changed');
      await db.media.update(was.id, { sealed });
    }
    for (const { was, value } of next.drafts) await db.meta.put({ key: was.key, value });
    const lock: StoredLock = { salt, iterations: ITERATIONS, wrapped, failed: 0 };
    await db.meta.put({ key: PIN_LOCK, value: lock });
    await db.meta.delete(DEVICE_KEY);
  });
  holdKey(db, key);
}

/** One try, counted first: the key goes to memory, or how many tries are left, or time to wipe. */
export async function unlock(db: FieldDb, pin: string): Promise<PinResult> {
  const lock = await db.transaction('rw', db.meta, async () => {
    const l = await lockOf(db);
    if (l && l.failed < PIN_TRIES)
      await db.meta.put({ key: PIN_LOCK, value: { ...l, failed: l.failed + 1 } });
    return l;
  });
  if (!lock) return { ok: true };
  if (lock.failed >= PIN_TRIES) return { ok: false, wipe: true };
  let key: CryptoKey;
  try {
    key = await unwrap(await pinKey(pin, lock.salt, lock.iterations), lock.wrapped, false);
  } catch {
    const left = PIN_TRIES - lock.failed - 1;
    return left > 0 ? { ok: false, left } : { ok: false, wipe: true };
  }
  await db.meta.put({ key: PIN_LOCK, value: { ...lock, failed: 0 } });
  holdKey(db, key);
  return { ok: true };
}

/** Turns the PIN off (after the right PIN): the key is kept as a device key again, as before. */
export async function removePin(db: FieldDb, pin: string): Promise<PinResult> {
  // The home screen offers no way to do it then; this is the rule itself.
  if (await pinRequired(db)) throw new Error('field: the mission requires the PIN lock');
  const r = await unlock(db, pin);
  if (!r.ok) return r;
  const key = await deviceKey(db);
  if (!key) return { ok: false, left: PIN_TRIES };
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: DEVICE_KEY, value: key });
    await db.meta.delete(PIN_LOCK);
  });
  dropHeldKey(db);
  return { ok: true };
}
