import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/db.ts';

/**
 * Spam defences of the anonymous public incident form, without third-party captchas (issue #5 item 6):
 * - a proof of work: the server hands out a random challenge signed with a key derived from the
 *   keyring (HMAC), so no challenge table is needed and every app node accepts every node's
 *   challenges; the browser finds a nonce whose SHA-256 with the challenge starts with N zero bits;
 * - a minimum fill time and an expiry, both from the signed issue time;
 * - single use: the challenge id is remembered (table `public_marks`) until the challenge expires;
 * - rate limits per client address and overall, counted in the database (`rate_limits`) so that all
 *   nodes agree. The address is only ever an input of a keyed hash that includes the time window.
 */
export interface SpamSettings {
  powBits: number;
  minFillMs: number;
  ttlMs: number;
  /** Reports accepted per address per hour. */
  perIpHour: number;
  /** Reports accepted from everyone per minute (a flood from many addresses). */
  globalMinute: number;
  /** Every well-formed report is answered this long after it arrived, whatever became of it. */
  answerMs: number;
}

const num = (v: string | undefined, d: number) =>
  v !== undefined && v !== '' && Number.isFinite(+v) ? +v : d;

/**
 * Read at each request so an operator (or a test) can tune them without a restart of the code path;
 * the defaults suit a phone: ~2^16 hashes, solved with WebCrypto while the person fills the form.
 */
export function spamSettings(env: NodeJS.ProcessEnv = process.env): SpamSettings {
  return {
    powBits: Math.min(28, Math.max(0, num(env.UKUK_PUBLIC_POW_BITS, 16))),
    minFillMs: Math.max(0, num(env.UKUK_PUBLIC_MIN_FILL_MS, 3000)),
    ttlMs: Math.max(1000, num(env.UKUK_PUBLIC_CHALLENGE_TTL_MS, 30 * 60_000)),
    perIpHour: Math.max(1, num(env.UKUK_PUBLIC_RATE_IP_HOUR, 10)),
    globalMinute: Math.max(1, num(env.UKUK_PUBLIC_RATE_GLOBAL_MINUTE, 120)),
    answerMs: Math.min(10_000, Math.max(0, num(env.UKUK_PUBLIC_ANSWER_MS, 1000))),
  };
}

export interface Challenge {
  id: string;
  issuedAt: number;
  bits: number;
}

const b64u = (b: Buffer) => b.toString('base64url');
const mac = (key: Buffer, body: string) => b64u(createHmac('sha256', key).update(body).digest());

/** `v1.<id>.<issued ms>.<bits>.<hmac>`: opaque to the browser except for `bits`. */
export function issueChallenge(key: Buffer, bits: number, now = Date.now()): { token: string; bits: number } {
  const body = `v1.${b64u(randomBytes(16))}.${now}.${bits}`;
  return { token: `${body}.${mac(key, body)}`, bits };
}

export type ChallengeProblem = 'challenge_invalid' | 'challenge_expired' | 'proof_invalid';

/** Leading zero bits of a digest. */
export function leadingZeroBits(d: Buffer): number {
  let n = 0;
  for (const byte of d) {
    if (byte === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(byte) - 24;
  }
  return n;
}

/** The hash the browser computes: SHA-256 of `<token>:<nonce>`. */
export function proofDigest(token: string, nonce: string): Buffer {
  return createHash('sha256').update(`${token}:${nonce}`).digest();
}

/** Find a nonce (tests and the benchmark; the browser does the same with WebCrypto). */
export function solve(token: string, bits: number): string {
  for (let i = 0; ; i++) if (leadingZeroBits(proofDigest(token, String(i))) >= bits) return String(i);
}

/** Check signature, expiry and proof; the challenge, or what is wrong with it. */
export function checkChallenge(
  key: Buffer,
  token: string,
  nonce: string,
  s: SpamSettings,
  now = Date.now(),
): Challenge | ChallengeProblem {
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== 'v1') return 'challenge_invalid';
  const [, id, issued, bits, sig] = parts as [string, string, string, string, string];
  const expect = Buffer.from(mac(key, parts.slice(0, 4).join('.')));
  const got = Buffer.from(sig);
  if (got.length !== expect.length || !timingSafeEqual(got, expect)) return 'challenge_invalid';
  const issuedAt = Number(issued);
  const n = Number(bits);
  // A challenge issued with fewer bits than asked now (settings raised) is not good enough.
  if (!Number.isSafeInteger(issuedAt) || !Number.isInteger(n) || n < s.powBits) return 'challenge_invalid';
  if (issuedAt > now + 60_000) return 'challenge_invalid';
  if (now - issuedAt > s.ttlMs) return 'challenge_expired';
  if (!/^\d{1,16}$/.test(nonce) || leadingZeroBits(proofDigest(token, nonce)) < n) return 'proof_invalid';
  return { id, issuedAt, bits: n };
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Remember `key` until `expiresAt`; false when it was already remembered (a replay or a resend).
 * One statement, so two nodes racing on the same key cannot both win.
 */
export async function markOnce(db: Executor, key: string, expiresAt: number): Promise<boolean> {
  const r = await db
    .insertInto('public_marks')
    .values({ key, expires_at: iso(expiresAt) })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/**
 * Count one hit in the fixed window that contains `now`; true while the count is within `limit`.
 * `subject` is hashed with the window start under `key`, so rows of one address in two windows
 * cannot be linked, and nothing in the table is an address.
 */
export async function hit(
  db: Executor,
  key: Buffer,
  subject: string,
  windowMs: number,
  limit: number,
  now = Date.now(),
): Promise<boolean> {
  const start = Math.floor(now / windowMs) * windowMs;
  const k = mac(key, `${subject}\u0000${start}`);
  const row = await db
    .insertInto('rate_limits')
    .values({ key: k, n: 1, expires_at: iso(start + windowMs) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ n: sql<number>`rate_limits.n + 1` }))
    .returning('n')
    .executeTakeFirstOrThrow();
  return Number(row.n) <= limit;
}

/** Drop expired counters and marks (called now and then; cheap with the expiry indexes). */
export async function sweepExpired(db: Executor, now = Date.now()): Promise<void> {
  await db.deleteFrom('rate_limits').where('expires_at', '<', iso(now)).execute();
  await db.deleteFrom('public_marks').where('expires_at', '<', iso(now)).execute();
}
