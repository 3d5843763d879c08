import { verifyEverything } from '../server/modules/violations/evidence.verify.ts';
import { withContext, type Command } from './commands.ts';
import { CliError } from './errors.ts';

/**
 * `ukuk evidence verify`: decrypt and re-hash every evidence original and compare with the SHA-256
 * taken at upload; each check goes into the item's custody log. Exit 1 when any item is missing,
 * damaged or different, naming items by id only (names are sensitive and stay encrypted).
 */
const verify: Command = async (flags) =>
  withContext(async (ctx) => {
    if (!ctx.keyring.initialized) throw new CliError('Ukuk is not set up yet: run `ukuk setup` first.');
    if (ctx.keyring.sealed) throw new CliError('Ukuk is sealed: run `ukuk unseal` first.');
    const r = await verifyEverything(ctx);
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(r)}\n`);
    } else {
      for (const b of r.bad) process.stdout.write(`MISMATCH evidence ${b.id}: ${b.problem}\n`);
      process.stdout.write(
        r.bad.length
          ? `${r.bad.length} of ${r.checked} evidence items FAILED verification.\n`
          : `All ${r.checked} evidence items verified: every SHA-256 matches.\n`,
      );
    }
    return r.bad.length ? 1 : 0;
  });

export const evidenceCommands: Record<string, Command> = { 'evidence verify': verify };
