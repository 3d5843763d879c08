import { parseArgs } from 'node:util';
import { ConfigError } from '../server/platform/config.ts';
import { AppError } from '../server/platform/errors.ts';
import { commands, type Command } from './commands.ts';
import { CliError } from './errors.ts';

const USAGE = `Usage: ukuk <command> [options]

Commands:
  serve                         start the server (PORT, UKUK_DATA_DIR, DATABASE_URL)
  migrate                       bring the database schema up to date
  setup --org NAME --admin-email E --admin-password-file F [--admin-name N] [--locale ky|ru|en]
        [--sealed --passphrase-file P] [--json]
                                first run, non-interactive
  user add --email E --role R --password-file F [--name N] [--locale L] [--json]
  user reset-2fa --email E      the user must enrol 2FA again; their sessions end
  audit verify                  check the audit hash chain; exit 1 naming the first bad entry
  seal                          drop the keys on every node and end every session
  unseal [--passphrase-file P]  unseal (passphrase mode asks for the passphrase file or UKUK_PASSPHRASE)
  backup create --out FILE --passphrase-file P [--json]
  backup restore FILE --passphrase-file P [--json]
  files verify [--json]         re-hash every stored file; exit 1 naming any that is missing or altered
  evidence verify [--json]      re-hash every evidence original; exit 1 naming (by id) any that fails
  demo [--json]                 load the demo organisation into an empty data folder
`;

/** Parse the command line and run one command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      org: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-password-file': { type: 'string' },
      locale: { type: 'string' },
      sealed: { type: 'boolean' },
      'passphrase-file': { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      'password-file': { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const key = positionals.slice(0, 2).join(' ');
  const cmd: Command | undefined = commands[key] ?? commands[positionals[0] ?? ''];
  if (values.help || !cmd) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const rest = positionals.slice(commands[key] ? 2 : 1);
  try {
    return await cmd(values, rest);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof CliError) console.error(e.message);
    else if (e instanceof AppError)
      console.error(
        `Error: ${e.code}${e.extra.fields ? ` (${e.extra.fields.map((f) => `${f.path}: ${f.code}`).join(', ')})` : ''}`,
      );
    else console.error(`Error: ${(e as Error).message}`);
    return 1;
  }
}
