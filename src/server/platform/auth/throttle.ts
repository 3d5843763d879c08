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

/**
 * Add one to `key`'s count in a single statement and return the new count, so that parallel requests
 * can neither skip a count nor overwrite each other's (a read, then a write, lost counts under a
 * burst). A window older than the policy's starts again at this one.
 */
async function bump(db: Executor, key: string, p: ThrottlePolicy, now: number): Promise<number> {
  const nowIso = new Date(now).toISOString();
  const row = await db
    .insertInto('login_throttle')
    .values({ key, failures: 1, window_started_at: nowIso, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({ failures: eb('login_throttle.failures', '+', 1) })),
    )
    .returning(['failures', 'window_started_at'])
    .executeTakeFirstOrThrow();
  if (now - Date.parse(row.window_started_at) <= p.windowMs) return row.failures;
  // Racing resets agree: only the one that still sees the stale window writes.
  await db
    .updateTable('login_throttle')
    .set({ failures: 1, window_started_at: nowIso, locked_until: null })
    .where('key', '=', key)
    .where('window_started_at', '=', row.window_started_at)
    .execute();
  return 1;
}

/** Lock `key` for the length the policy gives `over` failures past the free ones; never shortens a lock. */
async function lock(db: Executor, key: string, p: ThrottlePolicy, over: number, now: number): Promise<void> {
  const ms = Math.min(p.maxLockMs, p.baseLockMs * 2 ** (over - 1));
  const until = new Date(now + ms).toISOString();
  await db
    .updateTable('login_throttle')
    .set({ locked_until: until })
    .where('key', '=', key)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', until)]))
    .execute();
}

/** Count a failure that has happened (a wrong code); the key is locked once it is past the free ones. */
export async function recordFailure(db: Executor, key: string, p: ThrottlePolicy): Promise<void> {
  const now = Date.now();
  const over = (await bump(db, key, p, now)) - p.free + 1;
  if (over > 0) await lock(db, key, p, over, now);
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
