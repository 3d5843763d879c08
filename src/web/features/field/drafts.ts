/**
 * The answers of a report still being filled in, kept on the device as they are typed, so that a
 * reload, a tab the phone's browser killed, or a stray "back" loses nothing. One draft per form ×
 * site, encrypted with the device key like the outbox (AAD `draft:<clientId>`), gone when the report
 * is saved or discarded, and with everything else at logout (forgetOnLogout clears `meta`).
 */
import type { Answers } from '../../../core/forms/types';
import { openJson, sealJson, type Sealed } from './crypto';
import type { FieldDb } from './db';
import { deviceKey } from './outbox';

interface StoredDraft {
  clientId: string;
  sealed: Sealed;
  updatedAt: string;
}

export interface Draft {
  clientId: string;
  answers: Answers;
  updatedAt: string;
}

const keyOf = (formVersionId: string, siteId: string) => `draft:${formVersionId}:${siteId}`;

export async function keepDraft(
  db: FieldDb,
  where: { formVersionId: string; siteId: string },
  clientId: string,
  answers: Answers,
  now = new Date(),
): Promise<void> {
  const key = await deviceKey(db);
  if (!key) return; // Logged out meanwhile: nothing may be written in clear, and nothing is.
  const sealed = await sealJson(key, answers, `draft:${clientId}`);
  const value: StoredDraft = { clientId, sealed, updatedAt: now.toISOString() };
  await db.meta.put({ key: keyOf(where.formVersionId, where.siteId), value });
}

/** The draft of this form at this site, or null (none, or unreadable: the key changed at a new login). */
export async function readDraft(
  db: FieldDb,
  where: { formVersionId: string; siteId: string },
): Promise<Draft | null> {
  const row = await db.meta.get(keyOf(where.formVersionId, where.siteId));
  const key = await deviceKey(db);
  if (!row || !key) return null;
  const d = row.value as StoredDraft;
  try {
    const answers = await openJson<Answers>(key, d.sealed, `draft:${d.clientId}`);
    return { clientId: d.clientId, answers, updatedAt: d.updatedAt };
  } catch {
    return null;
  }
}

export async function dropDraft(
  db: FieldDb,
  where: { formVersionId: string; siteId: string },
): Promise<void> {
  await db.meta.delete(keyOf(where.formVersionId, where.siteId));
}
