import type { Executor } from '../db/db.ts';

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

export async function recordFailure(db: Executor, key: string, p: ThrottlePolicy): Promise<void> {
  const now = Date.now();
  const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  const fresh = !row || now - Date.parse(row.window_started_at) > p.windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  const over = failures - p.free + 1;
  const lockedUntil =
    over > 0 ? new Date(now + Math.min(p.maxLockMs, p.baseLockMs * 2 ** (over - 1))).toISOString() : null;
  const windowStart = fresh ? new Date(now).toISOString() : row.window_started_at;
  await db
    .insertInto('login_throttle')
    .values({ key, failures, window_started_at: windowStart, locked_until: lockedUntil })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ failures, window_started_at: windowStart, locked_until: lockedUntil }),
    )
    .execute();
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
