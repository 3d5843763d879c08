import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { uuidv7 } from '../../../core/ids.ts';
import { requireReauth, type Actor } from '../../platform/access/policy.ts';
import { promoteSession, type SessionRow } from '../../platform/auth/sessions.ts';
import { envelope, inTx, auditNow, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { getOrgSettings } from '../setup/setup.service.ts';
import { decryptUser } from '../users/users.presenter.ts';
import { usersRepo } from '../users/users.repo.ts';
import { passkeysRepo } from './passkeys.repo.ts';

/** Where the browser talks to us: from UKUK_PUBLIC_URL when set, else from the request. */
export interface RelyingParty {
  rpID: string;
  origin: string;
}

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const transportsOf = (s: string) => JSON.parse(s) as AuthenticatorTransport[];

function needActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('auth.unauthenticated');
  return actor;
}

export async function listPasskeys(ctx: AppContext, actorIn: Actor | null) {
  const actor = needActor(actorIn);
  const user = await usersRepo.byId(ctx.db, actor.userId);
  if (!user) throw new AppError('auth.unauthenticated');
  const key = envelope(ctx).openRecordKey('users', user.id, user.dek);
  return (await passkeysRepo.forUser(ctx.db, actor.userId)).map((p) => ({
    id: p.id,
    name: key.decrypt(`passkey_name:${p.id}`, p.name_enc),
    createdAt: p.created_at,
    lastUsedAt: p.last_used_at,
  }));
}

/** Start adding a passkey (a security change: needs a fresh re-authentication). */
export async function registrationOptions(ctx: AppContext, actorIn: Actor | null, rp: RelyingParty) {
  const actor = needActor(actorIn);
  requireReauth(actor);
  const user = await usersRepo.byId(ctx.db, actor.userId);
  if (!user) throw new AppError('auth.unauthenticated');
  const u = decryptUser(envelope(ctx), user);
  const existing = await passkeysRepo.forUser(ctx.db, user.id);
  const options = await generateRegistrationOptions({
    rpName: (await getOrgSettings(ctx)).name ?? 'Ukuk',
    rpID: rp.rpID,
    userName: u.email,
    userDisplayName: u.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((c) => ({
      id: c.credential_id,
      transports: transportsOf(c.transports),
    })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await passkeysRepo.setChallenge(ctx.db, actor.sessionId, options.challenge);
  return options;
}

export async function finishRegistration(
  ctx: AppContext,
  actorIn: Actor | null,
  rp: RelyingParty,
  name: string,
  response: RegistrationResponseJSON,
) {
  const actor = needActor(actorIn);
  requireReauth(actor);
  const challenge = await passkeysRepo.takeChallenge(ctx.db, actor.sessionId);
  if (!challenge) throw new AppError('auth.passkey_invalid');
  const result = await verifyRegistrationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
  }).catch(() => null);
  if (!result?.verified) throw new AppError('auth.passkey_invalid');
  const user = await usersRepo.byId(ctx.db, actor.userId);
  if (!user) throw new AppError('auth.unauthenticated');
  const key = envelope(ctx).openRecordKey('users', user.id, user.dek);
  const cred = result.registrationInfo.credential;
  const id = uuidv7();
  await inTx(ctx, async (tx, audit) => {
    if (await passkeysRepo.byCredentialId(tx, cred.id)) throw new AppError('auth.passkey_invalid');
    await passkeysRepo.insert(tx, {
      id,
      user_id: user.id,
      credential_id: cred.id,
      public_key: b64(cred.publicKey),
      counter: cred.counter,
      transports: JSON.stringify(cred.transports ?? []),
      name_enc: key.encrypt(`passkey_name:${id}`, name.trim()),
      created_at: new Date().toISOString(),
      last_used_at: null,
    });
    await audit({ actorId: user.id, action: 'user.passkey_add', entityType: 'passkey', entityId: id });
  });
  return { id };
}

export async function removePasskey(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = needActor(actorIn);
  requireReauth(actor);
  await inTx(ctx, async (tx, audit) => {
    if (!(await passkeysRepo.remove(tx, actor.userId, id))) throw new AppError('not_found');
    await audit({
      actorId: actor.userId,
      action: 'user.passkey_remove',
      entityType: 'passkey',
      entityId: id,
    });
  });
}

/** Second factor by passkey instead of a TOTP code, for a session past the password step. */
export async function loginOptions(ctx: AppContext, session: SessionRow | null, rp: RelyingParty) {
  if (!session || session.stage !== 'totp') throw new AppError('auth.unauthenticated');
  const creds = await passkeysRepo.forUser(ctx.db, session.userId);
  if (!creds.length) throw new AppError('auth.passkey_invalid');
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials: creds.map((c) => ({ id: c.credential_id, transports: transportsOf(c.transports) })),
    userVerification: 'preferred',
  });
  await passkeysRepo.setChallenge(ctx.db, session.id, options.challenge);
  return options;
}

export async function finishLogin(
  ctx: AppContext,
  session: SessionRow | null,
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
  userAgent: string | undefined,
) {
  if (!session || session.stage !== 'totp') throw new AppError('auth.unauthenticated');
  const challenge = await passkeysRepo.takeChallenge(ctx.db, session.id);
  const cred = await passkeysRepo.byCredentialId(ctx.db, response.id);
  const fail = async () => {
    await auditNow(ctx, {
      actorId: null,
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: session.userId,
      details: { step: 'passkey' },
    });
    return new AppError('auth.passkey_invalid');
  };
  if (!challenge || !cred || cred.user_id !== session.userId) throw await fail();
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
    credential: {
      id: cred.credential_id,
      publicKey: new Uint8Array(Buffer.from(cred.public_key, 'base64')),
      counter: Number(cred.counter),
      transports: transportsOf(cred.transports),
    },
  }).catch(() => null);
  if (!result?.verified) throw await fail();
  return inTx(ctx, async (tx, audit) => {
    await passkeysRepo.use(tx, cred.id, result.authenticationInfo.newCounter);
    const s = await promoteSession(
      tx,
      session.id,
      session.userId,
      { idleMs: ctx.config.sessionIdleMs, absoluteMs: ctx.config.sessionAbsoluteMs },
      userAgent,
    );
    await usersRepo.update(tx, session.userId, { last_login_at: new Date().toISOString() });
    await audit({
      actorId: session.userId,
      action: 'auth.login',
      entityType: 'session',
      entityId: s.id,
      details: { method: 'passkey' },
    });
    return s.token;
  });
}
