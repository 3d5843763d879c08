import { uuidv7 } from '../../../core/ids.ts';
import { ROLES, type Locale, type Role } from '../../../core/roles.ts';
import { normalizeEmail } from '../../../core/text.ts';
import { requireCap, requireReauth, type Actor } from '../../platform/access/policy.ts';
import { checkPasswordPolicy, hashPassword } from '../../platform/auth/passwords.ts';
import { deleteUserSessions } from '../../platform/auth/sessions.ts';
import { hashToken, randomToken } from '../../platform/auth/tokens.ts';
import { newTotpSecret } from '../../platform/auth/totp.ts';
import { envelope, inTx, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { decryptUserWithPhone, tidyPhone, type UserContact } from './users.presenter.ts';
import { grantAdminOrRequest } from './users.approvals.ts';
import { usersRepo } from './users.repo.ts';

const INVITE_DAYS = 7;

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  /** With a password the account is active at once, with TOTP provisioned (CLI); without, it is invited. */
  password?: string | undefined;
  /** Provision TOTP now (CLI) instead of forcing enrolment at first login (web). */
  provisionTotp?: boolean;
  /** Contact number (a list of observers to invite carries it); encrypted like the rest. */
  phone?: string | null;
}

export function emailIndex(ctx: AppContext, email: string): string {
  return envelope(ctx).blindIndex('user.email', normalizeEmail(email));
}

/** Create a user inside the caller's transaction. Returns the secrets to hand over once. */
export async function createUserTx(
  ctx: AppContext,
  tx: Executor,
  audit: (e: AuditEntry) => Promise<void>,
  input: NewUser,
  actorId: string | null,
): Promise<{ id: string; totpSecret: string | null; inviteToken: string | null }> {
  if (!ROLES.includes(input.role))
    throw new AppError('validation.failed', { fields: [{ path: 'role', code: 'invalid_value' }] });
  const env = envelope(ctx);
  const bidx = emailIndex(ctx, input.email);
  if (await usersRepo.byEmailBidx(tx, bidx))
    throw new AppError('user.email_taken', { fields: [{ path: 'email', code: 'invalid_value' }] });
  if (input.password !== undefined)
    checkPasswordPolicy(input.password, 'password', [input.email.split('@')[0] ?? '', input.name]);
  const id = uuidv7();
  const { key, wrapped } = env.newRecordKey('users', id);
  const totpSecret = input.provisionTotp ? newTotpSecret() : null;
  const inviteToken = input.password === undefined ? randomToken() : null;
  const now = new Date().toISOString();
  await usersRepo.insert(tx, {
    id,
    email_bidx: bidx,
    email_enc: key.encrypt('email', normalizeEmail(input.email)),
    name_enc: key.encrypt('name', input.name.trim()),
    dek: wrapped,
    role: input.role,
    locale: input.locale,
    status: inviteToken ? 'invited' : 'active',
    password_hash: input.password !== undefined ? await hashPassword(input.password) : null,
    totp_secret_enc: totpSecret ? key.encrypt('totp', totpSecret) : null,
    totp_enabled: totpSecret ? 1 : 0,
    totp_last_step: 0,
    email_reminders: 1,
    email_critical: 1,
    email_assigned: 1,
    phone_enc: input.phone ? key.encrypt('phone', tidyPhone(input.phone)) : null,
    invite_token_hash: inviteToken ? hashToken(inviteToken) : null,
    invite_expires_at: inviteToken ? new Date(Date.now() + INVITE_DAYS * 86_400_000).toISOString() : null,
    last_login_at: null,
    created_at: now,
    updated_at: now,
  });
  await audit({
    actorId,
    action: inviteToken ? 'user.invite' : 'user.create',
    entityType: 'user',
    entityId: id,
    details: { role: input.role },
  });
  return { id, totpSecret, inviteToken };
}

export async function listUsers(ctx: AppContext, actor: Actor | null): Promise<UserContact[]> {
  requireCap(actor, 'users.manage');
  const env = envelope(ctx);
  return (await usersRepo.list(ctx.db)).map((r) => decryptUserWithPhone(env, r));
}

export async function getUser(ctx: AppContext, actor: Actor | null, id: string): Promise<UserContact> {
  requireCap(actor, 'users.manage');
  const row = await usersRepo.byId(ctx.db, id);
  if (!row) throw new AppError('user.not_found');
  return decryptUserWithPhone(envelope(ctx), row);
}

/** Invite a user; inviting an administrator needs re-authentication and, when possible, a second admin. */
export async function inviteUser(ctx: AppContext, actor: Actor | null, input: Omit<NewUser, 'password'>) {
  requireCap(actor, 'users.manage');
  if (input.role === 'admin') requireReauth(actor);
  return inTx(ctx, async (tx, audit) => {
    const needsApproval = input.role === 'admin' && (await usersRepo.countActiveAdmins(tx)) >= 2;
    const r = await createUserTx(
      ctx,
      tx,
      audit,
      needsApproval ? { ...input, role: 'viewer' } : input,
      actor.userId,
    );
    const pendingApprovalId = needsApproval ? await grantAdminOrRequest(tx, audit, r.id, actor.userId) : null;
    return { ...r, pendingApprovalId };
  });
}

async function loadForAdmin(ctx: AppContext, actor: Actor | null, id: string) {
  requireCap(actor, 'users.manage');
  const row = await usersRepo.byId(ctx.db, id);
  if (!row) throw new AppError('user.not_found');
  return { actor, row };
}

/**
 * Change role, status and/or phone; returns the updated user. Role changes need re-authentication; the
 * last admin is protected. Administrators set their own phone on their profile, like everyone else.
 */
export async function updateUser(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  patch: {
    role?: Role | undefined;
    status?: 'active' | 'disabled' | undefined;
    phone?: string | null | undefined;
  },
): Promise<{ user: UserContact; pendingApprovalId: string | null }> {
  const { actor, row } = await loadForAdmin(ctx, actorIn, id);
  if (id === actor.userId) throw new AppError('user.self_change');
  if (patch.role && patch.role !== row.role) requireReauth(actor);
  if (patch.status && row.status === 'invited' && patch.status === 'active')
    throw new AppError('validation.failed', { fields: [{ path: 'status', code: 'invalid_value' }] });
  const pendingApprovalId = await inTx(ctx, async (tx, audit) => {
    const losingAdmin =
      row.role === 'admin' && ((patch.role && patch.role !== 'admin') || patch.status === 'disabled');
    if (losingAdmin && (await usersRepo.countActiveAdmins(tx)) <= 1) throw new AppError('user.last_admin');
    const set: { role?: string; status?: string; phone_enc?: string | null } = {};
    let pending: string | null = null;
    if (patch.role && patch.role !== row.role) {
      // Granting admin waits for a second administrator when one exists (four-eyes).
      if (patch.role === 'admin') pending = await grantAdminOrRequest(tx, audit, id, actor.userId);
      if (!pending) set.role = patch.role;
    }
    if (patch.status && patch.status !== row.status) set.status = patch.status;
    if (patch.phone !== undefined)
      set.phone_enc =
        patch.phone === null
          ? null
          : envelope(ctx).openRecordKey('users', id, row.dek).encrypt('phone', tidyPhone(patch.phone));
    if (Object.keys(set).length === 0) return pending;
    await usersRepo.update(tx, id, set);
    if (set.status === 'disabled') await deleteUserSessions(tx, id);
    if (set.role)
      await audit({
        actorId: actor.userId,
        action: 'user.role_change',
        entityType: 'user',
        entityId: id,
        details: {
          from: row.role,
          to: set.role,
          ...(set.role === 'admin' ? { fourEyes: 'sole_admin' } : {}),
        },
      });
    if (set.status)
      await audit({
        actorId: actor.userId,
        action: 'user.status_change',
        entityType: 'user',
        entityId: id,
        details: { from: row.status, to: set.status },
      });
    // The number itself never enters the audit log (SECURITY.md): only that it was set or removed.
    if (set.phone_enc !== undefined)
      await audit({
        actorId: actor.userId,
        action: 'user.phone_change',
        entityType: 'user',
        entityId: id,
        details: { set: set.phone_enc !== null },
      });
    return pending;
  });
  return { user: await getUser(ctx, actor, id), pendingApprovalId };
}

/** Clear a user's 2FA: they must enrol again at next login; all their sessions end. */
export async function resetUserTotp(ctx: AppContext, actorIn: Actor | null, id: string): Promise<void> {
  const { actor } = await loadForAdmin(ctx, actorIn, id);
  requireReauth(actor);
  await inTx(ctx, async (tx, audit) => {
    await usersRepo.update(tx, id, { totp_secret_enc: null, totp_enabled: 0, totp_last_step: 0 });
    await usersRepo.replaceRecoveryCodes(tx, id, []);
    await deleteUserSessions(tx, id);
    await audit({ actorId: actor.userId, action: 'user.totp_reset', entityType: 'user', entityId: id });
  });
}

export async function endUserSessions(ctx: AppContext, actorIn: Actor | null, id: string): Promise<number> {
  const { actor } = await loadForAdmin(ctx, actorIn, id);
  return inTx(ctx, async (tx, audit) => {
    const n = await deleteUserSessions(tx, id);
    await audit({
      actorId: actor.userId,
      action: 'user.sessions_end',
      entityType: 'user',
      entityId: id,
      details: { count: n },
    });
    return n;
  });
}

/** A fresh invitation link for a user who has not accepted yet (the old link dies). */
export async function reinviteUser(ctx: AppContext, actorIn: Actor | null, id: string): Promise<string> {
  const { actor, row } = await loadForAdmin(ctx, actorIn, id);
  if (row.status !== 'invited')
    throw new AppError('validation.failed', { fields: [{ path: 'status', code: 'invalid_value' }] });
  const token = randomToken();
  await inTx(ctx, async (tx, audit) => {
    await usersRepo.update(tx, id, {
      invite_token_hash: hashToken(token),
      invite_expires_at: new Date(Date.now() + INVITE_DAYS * 86_400_000).toISOString(),
    });
    await audit({ actorId: actor.userId, action: 'user.reinvite', entityType: 'user', entityId: id });
  });
  return token;
}
