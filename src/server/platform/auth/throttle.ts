import { sql } from 'kysely';
import type { Executor } from '../db/db.ts';
import { AppError } from '../errors.ts';

/**
 * Login throttling kept in the database, so every app node sees the same counts. Keys are blind
 * indexes of the e-mail (counted whether or not the account exists: no oracle) and a hash of the IP.
 */
export interface ThrottlePolicy {
  /** Failures allowed in a window before locking. */
  free: number;
  windowMs: number;
  /** First lock length; doubles with each further failure, up to `maxLockMs`. */
  baseLockMs: number;
  maxLockMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = {
  free: 5,
  windowMs: 15 * 60_000,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
};
export const IP_POLICY: ThrottlePolicy = {
  free: 30,
  windowMs: 15 * 60_000,
  baseLockMs: 60_000,
  maxLockMs: 15 * 60_000,
};

/** Seconds until the key may try again, or 0. */
export async function lockedFor(db: Executor, key: string): Promise<number> {
  const row = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row?.locked_until) return 0;
  const ms = Date.parse(row.locked_until) - Date.now();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** An attempt counted before it was checked; `attemptFailed` or `refund` settles it. */
export interface Claim {
  key: string;
  policy: ThrottlePolicy;
  count: number;
  /** The lock this claim set itself (when it reached the free ones), so a refund can lift exactly it. */
  lockedUntil: string | null;
}

/**
 * Claim one attempt on `key` before checking it, in a single statement: refused (`null`) while the
 * key is locked; otherwise counted at once, and the attempt that reaches the free ones locks the
 * key in the same statement. So a burst sent in parallel cannot all pass a check made before any of
 * them was counted (a check, then a count, let 100 parallel guesses through), and once a lock has
 * expired exactly one attempt is let through before the next lock.
 */
async function claim(db: Executor, key: string, p: ThrottlePolicy): Promise<Claim | null> {
  const now = Date.now();
  const nowIso = new Date(now).toISOString();
  const staleBefore = new Date(now - p.windowMs).toISOString();
  const lockUntil = new Date(now + p.baseLockMs).toISOString();
  const t = sql.ref('login_throttle');
  // Every SET expression sees the row as it was, so the new count is spelled out where it is used.
  const stale = sql<boolean>`${t}.window_started_at < ${staleBefore}`;
  const next = sql<number>`case when ${stale} then 1 else ${t}.failures + 1 end`;
  const row = await db
    .insertInto('login_throttle')
    .values({ key, failures: 1, window_started_at: nowIso, locked_until: p.free <= 1 ? lockUntil : null })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          failures: next,
          window_started_at: sql<string>`case when ${stale} then ${nowIso} else ${t}.window_started_at end`,
          locked_until: sql<string | null>`case when ${next} >= ${p.free} then ${lockUntil} else null end`,
        })
        .where((eb) =>
          eb.or([
            eb('login_throttle.locked_until', 'is', null),
            eb('login_throttle.locked_until', '<=', nowIso),
          ]),
        ),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirst();
  return row ? { key, policy: p, count: row.failures, lockedUntil: row.locked_until } : null;
}

/** The claimed attempt was wrong: past the free ones the lock doubles with each failure (never shortened). */
export async function attemptFailed(db: Executor, c: Claim): Promise<void> {
  const p = c.policy;
  const now = Date.now();
  const over = c.count - p.free + 1;
  if (over <= 0) return;
  const until = new Date(now + Math.min(p.maxLockMs, p.baseLockMs * 2 ** (over - 1))).toISOString();
  await db
    .updateTable('login_throttle')
    .set({ locked_until: until })
    .where('key', '=', c.key)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', until)]))
    .execute();
}

/**
 * The claimed attempt was right: take its count back, and the lock it set if no failure has moved
 * that lock since. Without this, thirty colleagues signing in from one office address would lock it.
 */
async function refund(db: Executor, c: Claim): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set((eb) => ({
      failures: sql<number>`case when ${eb.ref('failures')} > 0 then ${eb.ref('failures')} - 1 else 0 end`,
      locked_until:
        c.lockedUntil === null
          ? eb.ref('locked_until')
          : sql<
              string | null
            >`case when ${eb.ref('locked_until')} = ${c.lockedUntil} then null else ${eb.ref('locked_until')} end`,
    }))
    .where('key', '=', c.key)
    .execute();
}

/**
 * Claim an attempt on every key before anything is checked; all or none. A locked key refuses the
 * attempt with 429 (`auth.rate_limited`), and what was claimed on the other keys is given back.
 */
export async function claimOrRefuse(db: Executor, keys: [string, ThrottlePolicy][]): Promise<Claim[]> {
  const got: Claim[] = [];
  for (const [key, policy] of keys) {
    const c = await claim(db, key, policy);
    if (!c) {
      for (const g of got) await refund(db, g);
      // The lock may have ended a moment ago; one second is still the honest earliest retry.
      throw new AppError('auth.rate_limited', { retryAfterSeconds: Math.max(1, await lockedFor(db, key)) });
    }
    got.push(c);
  }
  return got;
}

/** Settle claimed attempts once the secret was checked: refunded when right, counted when wrong. */
export async function settle(db: Executor, claims: Claim[], ok: boolean): Promise<void> {
  for (const c of claims) await (ok ? refund(db, c) : attemptFailed(db, c));
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
