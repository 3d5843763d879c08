import { nameKeys, queryKeys, type NameKey } from '../../../core/names/index.ts';
import type { Envelope } from '../../platform/crypto/envelope.ts';

/**
 * Blind-index keys of the people registry. Each name key (see src/core/names) is stored as a keyed
 * HMAC truncated to 64 bits: enough to keep collisions rare among a few million keys, while a stolen
 * table gives no name and no dictionary attack without the key.
 */
export interface StoredKey {
  key: string;
  kind: string;
}

const HEX = 16;

/** Raise when src/core/names changes how keys are made: stored keys are then rebuilt (people.jobs.ts). */
export const KEY_SCHEME_VERSION = 1;

function hash(env: Envelope, kind: string, value: string): string {
  return env.blindIndex(`person.${kind}`, value).slice(0, HEX);
}

function toStored(env: Envelope, keys: readonly NameKey[]): StoredKey[] {
  return keys.map((k) => ({ kind: k.kind, key: hash(env, k.kind, k.value) }));
}

/** Identity document numbers compare without spaces, dashes and case: "AN 123-45" = "an12345". */
export function normalizeIdNumber(n: string): string {
  return n.replace(/[\s\-./]/g, '').toUpperCase();
}

/** Every key to store for a person: its names, aliases and ID numbers, without duplicates. */
export function personKeys(
  env: Envelope,
  names: readonly string[],
  idNumbers: readonly string[],
): StoredKey[] {
  const out = new Map<string, StoredKey>();
  for (const n of names) for (const k of toStored(env, nameKeys(n))) out.set(k.key, k);
  for (const id of idNumbers) {
    const v = normalizeIdNumber(id);
    if (v.length >= 3) out.set(hash(env, 'idn', v), { kind: 'idn', key: hash(env, 'idn', v) });
  }
  return [...out.values()];
}

/** The keys to look up for a query name (and an optional ID number). */
export function lookupKeys(env: Envelope, name: string, idNumber?: string): StoredKey[] {
  const keys = toStored(env, queryKeys(name));
  if (idNumber) {
    const v = normalizeIdNumber(idNumber);
    if (v.length >= 3) keys.push({ kind: 'idn', key: hash(env, 'idn', v) });
  }
  return [...new Map(keys.map((k) => [k.key, k])).values()];
}
