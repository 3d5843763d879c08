import type { Locale } from '../../../core/roles.ts';
import { capabilitiesOf, requireReauth, type Actor } from '../../platform/access/policy.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  listUserSessions,
  type SessionRow,
} from '../../platform/auth/sessions.ts';
import { hashToken } from '../../platform/auth/tokens.ts';
import { envelope, inTx, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { issueRecoveryCodes } from '../auth/auth.service.ts';
import { getOrgSettings } from '../setup/setup.service.ts';
import { decryptUser, decryptUserWithPhone, tidyPhone } from '../users/users.presenter.ts';
import { usersRepo, type UserRow } from '../users/users.repo.ts';

function need(actor: Actor | null): Actor {
  if (!actor) throw new AppError('auth.unauthenticated');
  return actor;
}

export async function getMe(ctx: AppContext, actorIn: Actor | null) {
  const actor = need(actorIn);
  const row = await usersRepo.byId(ctx.db, actor.userId);
  if (!row) throw new AppError('auth.unauthenticated');
  const u = decryptUserWithPhone(envelope(ctx), row);
  const org = await getOrgSettings(ctx);
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    locale: u.locale,
    capabilities: [...capabilitiesOf(actor.role)],
    org: { ...org, mail: ctx.config.smtp !== undefined },
    emailAlerts: {
      reminders: row.email_reminders === 1,
      critical: row.email_critical === 1,
      assigned: row.email_assigned === 1,
    },
    phone: u.phone,
  };
}

export async function updateMe(
  ctx: AppContext,
  actorIn: Actor | null,
  patch: {
    name?: string | undefined;
    locale?: Locale | undefined;
    phone?: string | null | undefined;
    emailAlerts?:
      | { reminders?: boolean | undefined; critical?: boolean | undefined; assigned?: boolean | undefined }
      | undefined;
  },
) {
  const actor = need(actorIn);
  const row = await usersRepo.byId(ctx.db, actor.userId);
  if (!row) throw new AppError('auth.unauthenticated');
  const key = envelope(ctx).openRecordKey('users', row.id, row.dek);
  await inTx(ctx, async (tx, audit) => {
    const set: Partial<UserRow> = {};
    if (patch.name !== undefined) set.name_enc = key.encrypt('name', patch.name.trim());
    if (patch.locale !== undefined) set.locale = patch.locale;
    if (patch.phone !== undefined)
      set.phone_enc = patch.phone === null ? null : key.encrypt('phone', tidyPhone(patch.phone));
    const alerts = patch.emailAlerts ?? {};
    if (alerts.reminders !== undefined) set.email_reminders = alerts.reminders ? 1 : 0;
    if (alerts.critical !== undefined) set.email_critical = alerts.critical ? 1 : 0;
    if (alerts.assigned !== undefined) set.email_assigned = alerts.assigned ? 1 : 0;
    if (!Object.keys(set).length) return;
    await usersRepo.update(tx, row.id, set);
    // The choices are not secret, and whether someone had silenced their alerts matters afterwards.
    const choices: Record<string, boolean> = {};
    if (alerts.reminders !== undefined) choices.emailReminders = alerts.reminders;
    if (alerts.critical !== undefined) choices.emailCritical = alerts.critical;
    if (alerts.assigned !== undefined) choices.emailAssigned = alerts.assigned;
    await audit({
      actorId: actor.userId,
      action: 'user.profile_update',
      entityType: 'user',
      entityId: row.id,
      details: { fields: Object.keys(patch), ...choices },
    });
  });
  return getMe(ctx, actor);
}

/** Change one's password; every other session of the user ends (a thief's session dies with it). */
export async function changePassword(ctx: AppContext, actorIn: Actor | null, current: string, next: string) {
  const actor = need(actorIn);
  const row = await usersRepo.byId(ctx.db, actor.userId);
  if (!row?.password_hash || !(await verifyPassword(row.password_hash, current))) {
    throw new AppError('auth.invalid_credentials', {
      fields: [{ path: 'currentPassword', code: 'invalid' }],
    });
  }
  if (current === next)
    throw new AppError('auth.password_same', { fields: [{ path: 'newPassword', code: 'invalid' }] });
  const u = decryptUser(envelope(ctx), row);
  checkPasswordPolicy(next, 'newPassword', [u.email.split('@')[0] ?? '', u.name]);
  const hash = await hashPassword(next);
  await inTx(ctx, async (tx, audit) => {
    await usersRepo.update(tx, row.id, { password_hash: hash });
    await deleteUserSessions(tx, row.id, actor.sessionId);
    await audit({
      actorId: actor.userId,
      action: 'user.password_change',
      entityType: 'user',
      entityId: row.id,
    });
  });
}

export async function regenerateRecoveryCodes(ctx: AppContext, actorIn: Actor | null): Promise<string[]> {
  const actor = need(actorIn);
  requireReauth(actor);
  return inTx(ctx, async (tx, audit) => {
    const codes = await issueRecoveryCodes(tx, actor.userId);
    await audit({
      actorId: actor.userId,
      action: 'user.recovery_codes_regenerate',
      entityType: 'user',
      entityId: actor.userId,
    });
    return codes;
  });
}

export async function mySessions(ctx: AppContext, actorIn: Actor | null) {
  const actor = need(actorIn);
  const rows = await listUserSessions(ctx.db, actor.userId);
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    userAgent: r.user_agent,
    current: r.id === actor.sessionId,
  }));
}

export async function endMySession(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = need(actorIn);
  const mine = (await listUserSessions(ctx.db, actor.userId)).some((s) => s.id === id);
  if (!mine) throw new AppError('session.not_found');
  await inTx(ctx, async (tx, audit) => {
    await deleteSession(tx, id);
    await audit({ actorId: actor.userId, action: 'auth.session_end', entityType: 'session', entityId: id });
  });
}

export async function logout(ctx: AppContext, session: SessionRow | null) {
  if (!session) return;
  await inTx(ctx, async (tx, audit) => {
    await deleteSession(tx, session.id);
    await audit({
      actorId: session.userId,
      action: 'auth.logout',
      entityType: 'session',
      entityId: session.id,
    });
  });
}

export async function logoutEverywhere(ctx: AppContext, actorIn: Actor | null) {
  const actor = need(actorIn);
  await inTx(ctx, async (tx, audit) => {
    const n = await deleteUserSessions(tx, actor.userId);
    await audit({
      actorId: actor.userId,
      action: 'auth.logout_all',
      entityType: 'user',
      entityId: actor.userId,
      details: { count: n },
    });
  });
}

async function inviteRow(ctx: AppContext, token: string) {
  const row = await usersRepo.byInviteHash(ctx.db, hashToken(token));
  if (
    !row ||
    row.status !== 'invited' ||
    !row.invite_expires_at ||
    Date.parse(row.invite_expires_at) < Date.now()
  ) {
    throw new AppError('invite.not_found');
  }
  return row;
}

export async function getInvite(ctx: AppContext, token: string) {
  const u = decryptUser(envelope(ctx), await inviteRow(ctx, token));
  return { email: u.email, name: u.name };
}

/** Accept an invitation: set name and password; the next step is forced 2FA enrolment. */
export async function acceptInvite(
  ctx: AppContext,
  token: string,
  name: string,
  password: string,
  userAgent: string | undefined,
) {
  const row = await inviteRow(ctx, token);
  const u = decryptUser(envelope(ctx), row);
  checkPasswordPolicy(password, 'password', [u.email.split('@')[0] ?? '', name]);
  const key = envelope(ctx).openRecordKey('users', row.id, row.dek);
  const hash = await hashPassword(password);
  return inTx(ctx, async (tx, audit) => {
    await usersRepo.update(tx, row.id, {
      name_enc: key.encrypt('name', name.trim()),
      password_hash: hash,
      status: 'active',
      invite_token_hash: null,
      invite_expires_at: null,
    });
    await audit({ actorId: row.id, action: 'user.invite_accept', entityType: 'user', entityId: row.id });
    const s = await createSession(
      tx,
      row.id,
      'enroll',
      { idleMs: ctx.config.sessionIdleMs, absoluteMs: ctx.config.sessionAbsoluteMs },
      userAgent,
    );
    return s.token;
  });
}
