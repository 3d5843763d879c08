/**
 * Who is logged in on this device and what they were assigned, kept in IndexedDB so the app opens
 * with no connection. Downloads assignments and the (immutable) form versions they name.
 */
import { markLogoutPending, settlePendingLogout } from '../../api/pendingLogout';
import { ensureDeviceKey, forgetOnLogout, wipeDevice } from './outbox';
import { fieldHttp, resetFieldCsrf } from './transport';
import { dropFieldDb, type Assignment, type FieldDb, type StoredForm } from './db';

export interface FieldUser {
  id: string;
  name: string;
}

export async function storedUser(db: FieldDb): Promise<FieldUser | null> {
  return ((await db.meta.get('user'))?.value as FieldUser | undefined) ?? null;
}

export type SessionCheck = 'ok' | 'logged_out' | 'offline';

/**
 * Asks the server who is logged in. A new login here makes the device key (once); a different person
 * than the one whose data the device holds starts from an empty outbox (the other's key is forgotten).
 */
export async function checkSession(db: FieldDb): Promise<SessionCheck> {
  // A logout this device still owes the server comes first: the old session must not be picked up again.
  if (!(await settlePendingLogout())) return 'offline';
  const r = await fieldHttp.get('/api/me');
  if (r.status === 401) return 'logged_out';
  if (r.status !== 200) return 'offline';
  const me = r.body as FieldUser;
  const known = await storedUser(db);
  if (known && known.id !== me.id) await forgetOnLogout(db);
  await ensureDeviceKey(db);
  await db.meta.put({ key: 'user', value: { id: me.id, name: me.name } satisfies FieldUser });
  return 'ok';
}

export type DownloadResult = { ok: true; sites: number; forms: number } | { ok: false; status: number };

/** Downloads assigned sites and forms; a form version is fetched once (published versions never change). */
export async function downloadAssignments(db: FieldDb): Promise<DownloadResult> {
  const r = await fieldHttp.get('/api/monitoring/assignments');
  if (r.status !== 200) return { ok: false, status: r.status };
  const body = r.body as Assignment[] | { items: Assignment[] };
  const rows = Array.isArray(body) ? body : body.items;
  const forms: StoredForm[] = [];
  for (const id of new Set(rows.map((a) => a.formVersionId))) {
    if (await db.forms.get(id)) continue;
    const f = await fieldHttp.get(`/api/monitoring/form-versions/${encodeURIComponent(id)}`);
    if (f.status !== 200) return { ok: false, status: f.status };
    const v = f.body as StoredForm;
    forms.push({ id: v.id, formId: v.formId, version: v.version, kind: v.kind, definition: v.definition });
  }
  const wanted = new Set(rows.map((a) => a.formVersionId));
  await db.transaction('rw', db.assignments, db.forms, db.meta, async () => {
    await db.forms.bulkPut(forms);
    await db.forms.filter((f) => !wanted.has(f.id)).delete();
    await db.assignments.clear();
    await db.assignments.bulkPut(rows.map((a) => ({ ...a, key: `${a.siteId}:${a.formVersionId}` })));
    await db.meta.put({ key: 'downloadedAt', value: new Date().toISOString() });
  });
  return { ok: true, sites: new Set(rows.map((a) => a.siteId)).size, forms: wanted.size };
}

/**
 * Forgets the key and everything it encrypted, and ends the session on the server. With no connection
 * the device owes the server that logout (pendingLogout.ts) and pays it as soon as it is back online;
 * the answer says whether the server has heard of it yet.
 */
export async function logout(db: FieldDb): Promise<'ended' | 'owed'> {
  markLogoutPending();
  await forgetOnLogout(db);
  resetFieldCsrf();
  return (await settlePendingLogout()) ? 'ended' : 'owed';
}

/**
 * "Log out" or "wipe this device" (also after too many wrong PINs, or a forgotten one): the session ends
 * first, then with `wipe` the whole database, caches and offline copy go.
 */
export async function leaveDevice(db: FieldDb, wipe: boolean): Promise<'ended' | 'owed'> {
  const ended = await logout(db).catch(() => 'owed' as const);
  if (wipe) {
    await wipeDevice(db);
    dropFieldDb();
  }
  return ended;
}
