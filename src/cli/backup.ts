import path from 'node:path';
import { loadConfig } from '../server/platform/config.ts';
import { BackupError, createBackup, restoreBackup } from '../server/platform/backup/index.ts';
import { keyFilePath } from '../server/runtime.ts';
import { readSecretFile, withContext, type Command, type Flags } from './commands.ts';
import { CliError } from './errors.ts';

function flag(flags: Flags, name: string): string {
  const v = flags[name];
  if (typeof v !== 'string' || !v.length) throw new CliError(`Missing --${name}`);
  return v;
}

/** Backup errors are written for the person at the terminal: show them without a stack. */
async function friendly<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof BackupError) throw new CliError(e.message);
    throw e;
  }
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const total = (rows: Record<string, number>) => Object.values(rows).reduce((a, b) => a + b, 0);

const create: Command = async (flags) => {
  const out = path.resolve(flag(flags, 'out'));
  const passphrase = readSecretFile(flag(flags, 'passphrase-file'), 'passphrase');
  return withContext(async (ctx) => {
    const r = await friendly(() => createBackup(ctx, { out, passphrase, keyFile: keyFilePath(ctx.config) }));
    if (flags.json) process.stdout.write(`${JSON.stringify(r)}\n`);
    else
      process.stdout.write(
        `Backup written to ${r.file} (${mib(r.bytes)}): ${total(r.rows)} rows, ${r.files} files. Keep the passphrase apart from the file.\n`,
      );
    return 0;
  });
};

const restore: Command = async (flags, args) => {
  const file = args[0];
  if (!file || args.length > 1) throw new CliError('Usage: ukuk backup restore FILE --passphrase-file P');
  const passphrase = readSecretFile(flag(flags, 'passphrase-file'), 'passphrase');
  const config = loadConfig();
  const r = await friendly(() =>
    restoreBackup({
      file: path.resolve(file),
      passphrase,
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      keyFile: keyFilePath(config),
    }),
  );
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    return 0;
  }
  const target = config.databaseUrl ? 'the PostgreSQL database' : config.dataDir;
  process.stdout.write(
    `Restored ${total(r.rows)} rows and ${r.files} files into ${target} (backup of ${r.manifest.createdAt}).\n`,
  );
  if (r.keyFile) process.stdout.write(`Key file written to ${r.keyFile}.\n`);
  else
    process.stdout.write(
      'Passphrase mode: the restored system starts sealed; run `ukuk unseal` with the seal passphrase.\n',
    );
  return 0;
};

/** `ukuk backup create` and `ukuk backup restore` (issue #2). */
export const backupCommands: Record<string, Command> = {
  'backup create': create,
  'backup restore': restore,
};
