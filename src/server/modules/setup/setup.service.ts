import { LOCALES, type Locale } from '../../../core/roles.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import type { SealMode } from '../../platform/crypto/keyring.ts';
import { inTx, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { createUserTx } from '../users/users.service.ts';

export interface SetupInput {
  orgName: string;
  defaultLocale: Locale;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
  sealMode?: SealMode;
  passphrase?: string | undefined;
  /** CLI setup provisions TOTP and prints the secret; web setup forces enrolment instead. */
  provisionTotp?: boolean;
  /** Mark the organisation as demo data (the demo command). */
  demo?: boolean;
}

async function setSetting(tx: Executor, key: string, value: string) {
  const now = new Date().toISOString();
  await tx
    .insertInto('settings')
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

export async function getOrgSettings(
  ctx: AppContext,
): Promise<{ name: string | null; defaultLocale: Locale; demo: boolean }> {
  const rows = await ctx.db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'in', ['org.name', 'org.default_locale', 'org.demo'])
    .execute();
  const m = new Map(rows.map((r) => [r.key, r.value]));
  const loc = m.get('org.default_locale');
  return {
    name: m.get('org.name') ?? null,
    defaultLocale: (LOCALES as readonly string[]).includes(loc ?? '') ? (loc as Locale) : 'ky',
    demo: m.get('org.demo') === '1',
  };
}

export async function setupStatus(ctx: AppContext) {
  const org = await getOrgSettings(ctx);
  return { needsSetup: !ctx.keyring.initialized, orgName: org.name, defaultLocale: org.defaultLocale };
}

/**
 * First run: create the keys, the organisation and the first admin in one transaction. Refused once
 * done, so the setup page cannot be used to take over a running installation.
 */
export async function runSetup(ctx: AppContext, input: SetupInput, userAgent?: string) {
  if (ctx.keyring.initialized) throw new AppError('setup.already_done');
  try {
    return await setupTx(ctx, input, userAgent);
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'setup.already_done')) ctx.keyring.abandonCreate();
    throw e;
  }
}

async function setupTx(ctx: AppContext, input: SetupInput, userAgent?: string) {
  return inTx(ctx, async (tx, audit) => {
    const existing = await tx.selectFrom('keyring').select('id').executeTakeFirst();
    if (existing) throw new AppError('setup.already_done');
    await ctx.keyring.create(tx, input.sealMode ?? 'keyfile', input.passphrase);
    await setSetting(tx, 'org.name', input.orgName.trim());
    await setSetting(tx, 'org.default_locale', input.defaultLocale);
    if (input.demo) await setSetting(tx, 'org.demo', '1');
    const admin = await createUserTx(
      ctx,
      tx,
      audit,
      {
        email: input.adminEmail,
        name: input.adminName,
        role: 'admin',
        locale: input.defaultLocale,
        password: input.adminPassword,
        provisionTotp: input.provisionTotp ?? false,
      },
      null,
    );
    await audit({
      actorId: admin.id,
      action: 'system.setup',
      entityType: 'organisation',
      details: { sealMode: input.sealMode ?? 'keyfile' },
    });
    const session = input.provisionTotp
      ? null
      : await createSession(
          tx,
          admin.id,
          'enroll',
          { idleMs: ctx.config.sessionIdleMs, absoluteMs: ctx.config.sessionAbsoluteMs },
          userAgent,
        );
    return { adminId: admin.id, totpSecret: admin.totpSecret, sessionToken: session?.token ?? null };
  });
}
