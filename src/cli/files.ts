import { inTx } from '../server/platform/context.ts';
import { verifyAllFiles } from '../server/platform/files/registry.ts';
// Modules that own stored files register them for verification when imported.
import '../server/modules/documents/documents.files.ts';
import '../server/modules/violations/evidence.files.ts';
import { withContext, type Command } from './commands.ts';
import { CliError } from './errors.ts';

/**
 * `ukuk files verify`: decrypt and re-hash every stored file and compare with the SHA-256 taken at
 * upload. Exit 1 when any file is missing, damaged or different; files no record refers to are named
 * but are not a failure (a crash between storing a file and committing its record leaves one).
 */
const verify: Command = async (flags) =>
  withContext(async (ctx) => {
    if (!ctx.keyring.initialized) throw new CliError('Ukuk is not set up yet: run `ukuk setup` first.');
    if (ctx.keyring.sealed) throw new CliError('Ukuk is sealed: run `ukuk unseal` first.');
    const r = await verifyAllFiles(ctx);
    await inTx(ctx, (_tx, audit) =>
      audit({
        actorId: null,
        action: 'files.verify',
        details: { via: 'cli', checked: r.checked, bad: r.bad.length, orphans: r.orphans.length },
      }),
    );
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(r)}\n`);
    } else {
      for (const b of r.bad) process.stdout.write(`MISMATCH ${b.owner} ${b.recordId}: ${b.problem}\n`);
      for (const o of r.orphans) process.stdout.write(`unreferenced file files/${o}\n`);
      process.stdout.write(
        r.bad.length
          ? `${r.bad.length} of ${r.checked} stored files FAILED verification.\n`
          : `All ${r.checked} stored files verified: every SHA-256 matches.\n`,
      );
    }
    return r.bad.length ? 1 : 0;
  });

export const filesCommands: Record<string, Command> = { 'files verify': verify };
