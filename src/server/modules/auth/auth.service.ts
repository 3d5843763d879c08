import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from '../../../core/ids.ts';
import { type Actor } from '../../platform/access/policy.ts';
import { burnPasswordCheck, verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession, promoteSession, setReauth, type SessionRow } from '../../platform/auth/sessions.ts';
import {
  ACCOUNT_POLICY,
  IP_POLICY,
  attemptFailed,
  claimOrRefuse,
  clearFailures,
  lockedFor,
  settle,
  type Claim,
} from '../../platform/auth/throttle.ts';
import { newTotpSecret, totpQrSvg, totpUri, verifyTotp } from '../../platform/auth/totp.ts';
import { auditNow, envelope, inTx, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { decryptUser } from '../users/users.presenter.ts';
import { usersRepo, type UserRow } from '../users/users.repo.ts';
import { emailIndex } from '../users/users.service.ts';

export interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
}

const ipKey = (ip: string) => `ip:${createHash('sha256').update(`ukuk-ip:${ip}`).digest('hex').slice(0, 32)}`;
const acctKey = (bidx: string) => `acct:${bidx}`;
const times = (ctx: AppContext) => ({
  idleMs: ctx.config.sessionIdleMs,
  absoluteMs: ctx.config.sessionAbsoluteMs,
});

async function throttled(ctx: AppContext, keys: string[]): Promise<void> {
  let wait = 0;
  for (const k of keys) wait = Math.max(wait, await lockedFor(ctx.db, k));
  if (wait > 0) throw new AppError('auth.rate_limited', { retryAfterSeconds: wait });
}

/**
 * Step one of login. The answer and its timing are the same whether or not the account exists,
 * and failures are counted per account key and per IP in the database (all nodes see them).
 */
export async function login(ctx: AppContext, email: string, password: string, client: ClientInfo) {
  if (!ctx.keyring.initialized) {
    await burnPasswordCheck(password);
    throw new AppError('auth.invalid_credentials');
  }
  const bidx = emailIndex(ctx, email);
  const claims = await claimOrRefuse(ctx.db, [
    [acctKey(bidx), ACCOUNT_POLICY],
    [ipKey(client.ip), IP_POLICY],
  ]);
  const user = await usersRepo.byEmailBidx(ctx.db, bidx);
  const usable = user && user.password_hash && user.status === 'active';
  const ok = usable
    ? await verifyPassword(user.password_hash!, password)
    : (await burnPasswordCheck(password), false);
  await settle(ctx.db, claims, !!(ok && user));
  if (!ok || !user) {
    await auditNow(ctx, {
      actorId: null,
      action: 'auth.login_failed',
      entityType: user ? 'user' : undefined,
      entityId: user?.id,
      details: { step: 'password' },
    });
    throw new AppError('auth.invalid_credentials');
  }
  const stage = user.totp_enabled ? 'totp' : 'enroll';
  const s = await createSession(ctx.db, user.id, stage, times(ctx), client.userAgent);
  // Told only after the password was right: whether a passkey can stand in for the code.
  const passkeys = await ctx.db
    .selectFrom('webauthn_credentials')
    .select('id')
    .where('user_id', '=', user.id)
    .limit(1)
    .execute();
  return {
    next: stage === 'totp' ? ('totp' as const) : ('totp_enroll' as const),
    passkey: passkeys.length > 0,
    token: s.token,
  };
}

async function requireUser(
  ctx: AppContext,
  session: SessionRow | null,
  stage: 'totp' | 'enroll',
): Promise<UserRow> {
  if (!session) throw new AppError('auth.unauthenticated');
  if (session.stage !== stage)
    throw new AppError(stage === 'totp' ? 'auth.unauthenticated' : 'auth.enrollment_required');
  const user = await usersRepo.byId(ctx.db, session.userId);
  if (!user || user.status !== 'active') throw new AppError('auth.unauthenticated');
  return user;
}

/** Check a TOTP code and consume its time step (a replayed code within its window is refused). */
async function consumeTotp(ctx: AppContext, db: Executor, user: UserRow, code: string): Promise<boolean> {
  if (!user.totp_secret_enc) return false;
  const key = envelope(ctx).openRecordKey('users', user.id, user.dek);
  const step = verifyTotp(key.decrypt('totp', user.totp_secret_enc), code, user.totp_last_step);
  if (step === null) return false;
  // Conditional update: two nodes racing with the same code cannot both succeed.
  const r = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', user.id)
    .where('totp_last_step', '<', step)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

async function consumeRecoveryCode(db: Executor, user: UserRow, code: string): Promise<boolean> {
  const h = recoveryHash(user.id, code);
  const match = (await usersRepo.unusedRecoveryCodes(db, user.id)).find((c) => c.code_hash === h);
  return match ? usersRepo.useRecoveryCode(db, match.id) : false;
}

async function secondFactorFailed(ctx: AppContext, user: UserRow, c: Claim, step: string): Promise<never> {
  await attemptFailed(ctx.db, c);
  await auditNow(ctx, {
    actorId: null,
    action: 'auth.login_failed',
    entityType: 'user',
    entityId: user.id,
    details: { step },
  });
  throw new AppError('auth.totp_invalid');
}

/** Step two: a TOTP code or a recovery code turns the half-way session into a full one (new token). */
export async function completeTotp(
  ctx: AppContext,
  session: SessionRow | null,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
  client: ClientInfo,
) {
  const user = await requireUser(ctx, session, 'totp');
  await throttled(ctx, [ipKey(client.ip)]);
  const [acct] = await claimOrRefuse(ctx.db, [[acctKey(user.email_bidx), ACCOUNT_POLICY]]);
  const ok = input.code
    ? await consumeTotp(ctx, ctx.db, user, input.code)
    : input.recoveryCode
      ? await consumeRecoveryCode(ctx.db, user, input.recoveryCode)
      : false;
  if (!ok) return secondFactorFailed(ctx, user, acct!, input.code ? 'totp' : 'recovery_code');
  return inTx(ctx, async (tx, audit) => {
    const s = await promoteSession(tx, session!.id, user.id, times(ctx), client.userAgent);
    await usersRepo.update(tx, user.id, { last_login_at: new Date().toISOString() });
    await clearFailures(tx, acctKey(user.email_bidx));
    await audit({
      actorId: user.id,
      action: 'auth.login',
      entityType: 'session',
      entityId: s.id,
      details: { method: input.code ? 'totp' : 'recovery_code' },
    });
    return s.token;
  });
}

/** Forced enrolment: create (or re-show) the pending secret for the QR code. */
export async function enrollmentInfo(ctx: AppContext, session: SessionRow | null) {
  const user = await requireUser(ctx, session, 'enroll');
  const key = envelope(ctx).openRecordKey('users', user.id, user.dek);
  let secret = user.totp_secret_enc ? key.decrypt('totp', user.totp_secret_enc) : null;
  if (!secret) {
    secret = newTotpSecret();
    await usersRepo.update(ctx.db, user.id, {
      totp_secret_enc: key.encrypt('totp', secret),
      totp_enabled: 0,
    });
  }
  const label = decryptUser(envelope(ctx), user).email;
  const uri = totpUri(secret, label);
  return { secret, otpauthUri: uri, qrSvg: totpQrSvg(uri) };
}

/** Confirm enrolment with a first code; returns the recovery codes, shown once. */
export async function completeEnrollment(
  ctx: AppContext,
  session: SessionRow | null,
  code: string,
  client: ClientInfo,
) {
  const user = await requireUser(ctx, session, 'enroll');
  await throttled(ctx, [ipKey(client.ip)]);
  const [acct] = await claimOrRefuse(ctx.db, [[acctKey(user.email_bidx), ACCOUNT_POLICY]]);
  if (!(await consumeTotp(ctx, ctx.db, user, code))) return secondFactorFailed(ctx, user, acct!, 'enroll');
  return inTx(ctx, async (tx, audit) => {
    await clearFailures(tx, acctKey(user.email_bidx));
    await usersRepo.update(tx, user.id, { totp_enabled: 1, last_login_at: new Date().toISOString() });
    const codes = await issueRecoveryCodes(tx, user.id);
    const s = await promoteSession(tx, session!.id, user.id, times(ctx), client.userAgent);
    await audit({ actorId: user.id, action: 'auth.totp_enroll', entityType: 'user', entityId: user.id });
    await audit({
      actorId: user.id,
      action: 'auth.login',
      entityType: 'session',
      entityId: s.id,
      details: { method: 'enroll' },
    });
    return { token: s.token, recoveryCodes: codes };
  });
}

export function recoveryHash(userId: string, code: string): string {
  const norm = code.replace(/[\s-]/g, '').toUpperCase();
  return createHash('sha256').update(`ukuk-recovery:${userId}:${norm}`).digest('hex');
}

const B32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Ten single-use codes of 16 characters (80 bits each), stored hashed. */
export async function issueRecoveryCodes(db: Executor, userId: string): Promise<string[]> {
  const codes = Array.from({ length: 10 }, () => {
    const raw = [...randomBytes(16)].map((b) => B32[b % 32]).join('');
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12, 16)}`;
  });
  const now = new Date().toISOString();
  await usersRepo.replaceRecoveryCodes(
    db,
    userId,
    codes.map((c) => ({ id: uuidv7(), code_hash: recoveryHash(userId, c), created_at: now })),
  );
  return codes;
}

/** Re-authentication before dangerous actions: password and a fresh code, valid for a few minutes. */
export async function reauthenticate(ctx: AppContext, actor: Actor | null, password: string, code: string) {
  if (!actor) throw new AppError('auth.unauthenticated');
  const user = await usersRepo.byId(ctx.db, actor.userId);
  if (!user?.password_hash) throw new AppError('auth.unauthenticated');
  const claims = await claimOrRefuse(ctx.db, [[acctKey(user.email_bidx), ACCOUNT_POLICY]]);
  const ok =
    (await verifyPassword(user.password_hash, password)) && (await consumeTotp(ctx, ctx.db, user, code));
  await settle(ctx.db, claims, ok);
  if (!ok) {
    await auditNow(ctx, {
      actorId: user.id,
      action: 'auth.reauth_failed',
      entityType: 'user',
      entityId: user.id,
    });
    // The dialog asks for no e-mail, so "e-mail or password" would mislead; which of the two was
    // wrong stays unsaid, or a stolen session could test guessed passwords without the code.
    throw new AppError('auth.reauth_invalid');
  }
  const until = new Date(Date.now() + ctx.config.reauthMs);
  await inTx(ctx, async (tx, audit) => {
    await setReauth(tx, actor.sessionId, until);
    await audit({
      actorId: user.id,
      action: 'auth.reauth',
      entityType: 'session',
      entityId: actor.sessionId,
    });
  });
  return until.toISOString();
}
