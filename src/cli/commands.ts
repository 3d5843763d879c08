import fs from 'node:fs';
import { LOCALES, ROLES, type Locale, type Role } from '../core/roles.ts';
import { verifyAudit } from '../server/platform/audit/audit.ts';
import { loadConfig } from '../server/platform/config.ts';
import { inTx, type AppContext } from '../server/platform/context.ts';
import { createLogger } from '../server/platform/logger.ts';
import { deleteUserSessions } from '../server/platform/auth/sessions.ts';
import { runSetup } from '../server/modules/setup/setup.service.ts';
import { createUserTx, emailIndex } from '../server/modules/users/users.service.ts';
import { usersRepo } from '../server/modules/users/users.repo.ts';
import { closeContext, createContext } from '../server/runtime.ts';
import { serve } from '../server/main.ts';
import { backupCommands } from './backup.ts';
import { filesCommands } from './files.ts';
import { evidenceCommands } from './evidence.ts';
import { loadDemo } from './demo.ts';
import { CliError } from './errors.ts';

export type Flags = Record<string, string | boolean | undefined>;
export type Command = (flags: Flags, args: string[]) => Promise<number>;

function str(flags: Flags, name: string, required = true): string {
  const v = flags[name];
  if (typeof v === 'string' && v.length) return v;
  if (required) throw new CliError(`Missing --${name}`);
  return '';
}

/** Read a secret from a file (trailing newline dropped) so it never shows in the process list. */
export function readSecretFile(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch {
    throw new CliError(`Cannot read the ${what} file ${file}`);
  }
}

function locale(flags: Flags, fallback: Locale): Locale {
  const l = flags.locale;
  if (l === undefined) return fallback;
  if (typeof l !== 'string' || !(LOCALES as readonly string[]).includes(l))
    throw new CliError(`--locale must be one of ${LOCALES.join(', ')}`);
  return l as Locale;
}

/** Open a context for one command and always close it. */
export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const ctx = await createContext(config, createLogger('warn'));
  try {
    return await fn(ctx);
  } finally {
    await closeContext(ctx);
  }
}

function requireUnsealed(ctx: AppContext): void {
  if (!ctx.keyring.initialized) throw new CliError('Ukuk is not set up yet: run `ukuk setup` first.');
  if (ctx.keyring.sealed) throw new CliError('Ukuk is sealed: run `ukuk unseal` first.');
}

const setup: Command = async (flags) =>
  withContext(async (ctx) => {
    const sealed = flags.sealed === true;
    const r = await runSetup(ctx, {
      orgName: str(flags, 'org'),
      defaultLocale: locale(flags, 'ky'),
      adminName: str(flags, 'admin-name', false) || 'Administrator',
      adminEmail: str(flags, 'admin-email'),
      adminPassword: readSecretFile(str(flags, 'admin-password-file'), 'password'),
      sealMode: sealed ? 'passphrase' : 'keyfile',
      passphrase: sealed ? readSecretFile(str(flags, 'passphrase-file'), 'passphrase') : undefined,
      provisionTotp: true,
    });
    if (flags.json)
      process.stdout.write(`${JSON.stringify({ adminId: r.adminId, totpSecret: r.totpSecret })}\n`);
    else
      process.stdout.write(
        `Ukuk is set up. Admin id ${r.adminId}. TOTP secret (add it to an authenticator app): ${r.totpSecret}\n`,
      );
    return 0;
  });

const userAdd: Command = async (flags) =>
  withContext(async (ctx) => {
    requireUnsealed(ctx);
    const role = str(flags, 'role');
    if (!(ROLES as readonly string[]).includes(role))
      throw new CliError(`--role must be one of ${ROLES.join(', ')}`);
    const email = str(flags, 'email');
    const r = await inTx(ctx, (tx, audit) =>
      createUserTx(
        ctx,
        tx,
        audit,
        {
          email,
          name: str(flags, 'name', false) || email.split('@')[0]!,
          role: role as Role,
          locale: locale(flags, 'ky'),
          password: readSecretFile(str(flags, 'password-file'), 'password'),
          provisionTotp: true,
        },
        null,
      ),
    );
    if (flags.json) process.stdout.write(`${JSON.stringify({ id: r.id, totpSecret: r.totpSecret })}\n`);
    else process.stdout.write(`User ${r.id} created. TOTP secret: ${r.totpSecret}\n`);
    return 0;
  });

const userReset2fa: Command = async (flags) =>
  withContext(async (ctx) => {
    requireUnsealed(ctx);
    const user = await usersRepo.byEmailBidx(ctx.db, emailIndex(ctx, str(flags, 'email')));
    if (!user) throw new CliError('No such user.');
    await inTx(ctx, async (tx, audit) => {
      await usersRepo.update(tx, user.id, { totp_secret_enc: null, totp_enabled: 0, totp_last_step: 0 });
      await usersRepo.replaceRecoveryCodes(tx, user.id, []);
      await deleteUserSessions(tx, user.id);
      await audit({
        actorId: null,
        action: 'user.totp_reset',
        entityType: 'user',
        entityId: user.id,
        details: { via: 'cli' },
      });
    });
    process.stdout.write(`2FA reset for user ${user.id}; they will enrol again at next login.\n`);
    return 0;
  });

const auditVerify: Command = async () =>
  withContext(async (ctx) => {
    const r = await verifyAudit(ctx.db);
    if (r.ok) {
      process.stdout.write(`Audit chain intact: ${r.checked} entries verified.\n`);
      return 0;
    }
    process.stdout.write(
      `Audit chain BROKEN at entry ${r.firstBad!.seq}: ${r.firstBad!.reason} (${r.checked} entries verified before it).\n`,
    );
    return 1;
  });

const sealCmd: Command = async () =>
  withContext(async (ctx) => {
    if (!ctx.keyring.initialized) throw new CliError('Ukuk is not set up yet.');
    await inTx(ctx, (_tx, audit) => audit({ actorId: null, action: 'system.seal', details: { via: 'cli' } }));
    await ctx.keyring.seal();
    process.stdout.write('Sealed: every node drops its key within a second; all sessions ended.\n');
    return 0;
  });

const unsealCmd: Command = async (flags) =>
  withContext(async (ctx) => {
    if (!ctx.keyring.initialized) throw new CliError('Ukuk is not set up yet.');
    const file = str(flags, 'passphrase-file', false);
    const pass = file ? readSecretFile(file, 'passphrase') : process.env.UKUK_PASSPHRASE;
    if (ctx.keyring.sealMode === 'passphrase' && !pass)
      throw new CliError('Give --passphrase-file or UKUK_PASSPHRASE.');
    try {
      await ctx.keyring.unseal(pass);
    } catch {
      await inTx(ctx, (_tx, audit) =>
        audit({ actorId: null, action: 'system.unseal_failed', details: { via: 'cli' } }),
      );
      throw new CliError(
        ctx.keyring.sealMode === 'passphrase'
          ? 'Wrong passphrase.'
          : 'The key file is missing or does not match.',
      );
    }
    await inTx(ctx, (_tx, audit) =>
      audit({ actorId: null, action: 'system.unseal', details: { via: 'cli' } }),
    );
    process.stdout.write('Unsealed: running nodes pick up the key within a second.\n');
    return 0;
  });

const migrate: Command = async () =>
  withContext(async () => {
    process.stdout.write('Database is up to date.\n');
    return 0;
  });

export const commands: Record<string, Command> = {
  serve: async () => {
    await serve();
    return 0;
  },
  migrate,
  setup,
  'user add': userAdd,
  'user reset-2fa': userReset2fa,
  'audit verify': auditVerify,
  seal: sealCmd,
  unseal: unsealCmd,
  ...backupCommands,
  ...filesCommands,
  ...evidenceCommands,
  demo: loadDemo,
};
