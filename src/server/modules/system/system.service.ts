import { createHash } from 'node:crypto';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { IP_POLICY, claimOrRefuse, settle } from '../../platform/auth/throttle.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Panic button. No re-authentication on purpose: in a raid seconds count. The audit entry is written
 * before the key is dropped, in the same database.
 */
export async function sealSystem(ctx: AppContext, actor: Actor | null): Promise<void> {
  requireCap(actor, 'system.seal');
  await ctx.db
    .transaction()
    .execute((tx) => appendAudit(tx, ctx.dbh.kind, { actorId: actor.userId, action: 'system.seal' }));
  await ctx.keyring.seal();
  ctx.log.warn({ actor: actor.userId }, 'system sealed');
}

/** Unseal with the admin passphrase; attempts are throttled per IP like logins. */
export async function unsealSystem(ctx: AppContext, passphrase: string, ip: string): Promise<void> {
  if (!ctx.keyring.initialized) throw new AppError('system.not_sealed');
  if (!ctx.keyring.sealed) throw new AppError('system.not_sealed');
  if (ctx.keyring.sealMode === 'keyfile') throw new AppError('system.keyfile_mode');
  const key = `unseal:${createHash('sha256').update(ip).digest('hex').slice(0, 32)}`;
  const claims = await claimOrRefuse(ctx.db, [[key, { ...IP_POLICY, free: 5 }]]);
  try {
    await ctx.keyring.unseal(passphrase);
  } catch (e) {
    await settle(ctx.db, claims, false);
    await ctx.db
      .transaction()
      .execute((tx) => appendAudit(tx, ctx.dbh.kind, { actorId: null, action: 'system.unseal_failed' }));
    throw e;
  }
  await settle(ctx.db, claims, true);
  await ctx.db
    .transaction()
    .execute((tx) => appendAudit(tx, ctx.dbh.kind, { actorId: null, action: 'system.unseal' }));
}
