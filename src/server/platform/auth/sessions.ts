import { uuidv7 } from '../../../core/ids.ts';
import type { Executor } from '../db/db.ts';
import { prepared } from '../db/prepared.ts';
import { hashToken, randomToken } from './tokens.ts';

export type SessionStage = 'totp' | 'enroll' | 'full';

export interface SessionRow {
  id: string;
  userId: string;
  stage: SessionStage;
  reauthUntil: string | null;
  createdAt: string;
  lastSeenAt: string;
  /** The session's user as it is now (role changes and suspension apply at once). */
  user: { role: string; status: string; locale: string | null };
}

export interface SessionTimes {
  idleMs: number;
  absoluteMs: number;
}

// Half-way login stages (password given, code not yet) live only a few minutes.
const PENDING_MS = 10 * 60_000;
// Touching last_seen_at on every request would write on every read; once a minute is precise enough.
const TOUCH_EVERY_MS = 60_000;

/** Create a session; returns the raw token for the cookie. Only its hash is stored. */
export async function createSession(
  db: Executor,
  userId: string,
  stage: SessionStage,
  times: SessionTimes,
  userAgent: string | undefined,
): Promise<{ id: string; token: string }> {
  const token = randomToken();
  const id = uuidv7();
  const now = Date.now();
  const life = stage === 'full' ? times.absoluteMs : PENDING_MS;
  await db
    .insertInto('sessions')
    .values({
      id,
      token_hash: hashToken(token),
      user_id: userId,
      stage,
      user_agent: userAgent ? userAgent.slice(0, 200) : null,
      created_at: new Date(now).toISOString(),
      last_seen_at: new Date(now).toISOString(),
      expires_at: new Date(now + life).toISOString(),
      reauth_until: null,
      challenge: null,
      challenge_expires_at: null,
    })
    .execute();
  return { id, token };
}

// Every API request runs this; the user's role and status come in the same query.
const sessionByToken = prepared('sessions.by_token', (db, p) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('sessions')
    .select(['users.role as user_role', 'users.status as user_status', 'users.locale as user_locale'])
    .where('sessions.token_hash', '=', p(0)),
);

/** Find a live session by its token; expired ones (idle or absolute) are deleted on sight. */
export async function findSession(
  db: Executor,
  token: string,
  times: SessionTimes,
): Promise<SessionRow | null> {
  const [row] = await sessionByToken(db, [hashToken(token)]);
  if (!row) return null;
  const now = Date.now();
  const idleLimit = Date.parse(row.last_seen_at) + times.idleMs;
  if (now > Date.parse(row.expires_at) || now > idleLimit) {
    await db.deleteFrom('sessions').where('id', '=', row.id).execute();
    return null;
  }
  if (now - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now).toISOString() })
      .where('id', '=', row.id)
      .execute();
  }
  return {
    id: row.id,
    userId: row.user_id,
    stage: row.stage as SessionStage,
    reauthUntil: row.reauth_until,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    user: { role: row.user_role, status: row.user_status, locale: row.user_locale },
  };
}

/**
 * Replace a half-way session with a full one under a new token (the old token dies: no fixation).
 */
export async function promoteSession(
  db: Executor,
  oldId: string,
  userId: string,
  times: SessionTimes,
  userAgent: string | undefined,
): Promise<{ id: string; token: string }> {
  await db.deleteFrom('sessions').where('id', '=', oldId).execute();
  return createSession(db, userId, 'full', times, userAgent);
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Executor, userId: string, exceptId?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const res = await q.executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function setReauth(db: Executor, sessionId: string, until: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ reauth_until: until.toISOString() })
    .where('id', '=', sessionId)
    .execute();
}

export async function listUserSessions(db: Executor, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'user_agent', 'stage'])
    .where('user_id', '=', userId)
    .where('stage', '=', 'full')
    .orderBy('last_seen_at', 'desc')
    .execute();
}
