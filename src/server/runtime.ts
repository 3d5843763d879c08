import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './platform/config.ts';
import type { AppContext } from './platform/context.ts';
import { Keyring } from './platform/crypto/keyring.ts';
import { openDb } from './platform/db/db.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { seedVocabularies } from './modules/vocab/vocab.service.ts';
import { seedFormTemplates } from './modules/monitoring/forms.templates.ts';
import { createJobQueue } from './platform/jobs/jobs.ts';
import { registerSystemJobs } from './modules/system/system.jobs.ts';
import { registerCalendarJobs } from './modules/calendar/calendar.jobs.ts';
import { registerCaseJobs } from './modules/cases/cases.search.ts';
import { registerPeopleJobs } from './modules/people/people.jobs.ts';
import { registerViolations } from './modules/violations/violations.init.ts';
import { registerEvidenceJobs } from './modules/violations/evidence.derive.ts';
import { createLogger } from './platform/logger.ts';

export function keyFilePath(config: Config): string {
  return process.env.UKUK_KEY_FILE
    ? path.resolve(process.env.UKUK_KEY_FILE)
    : path.join(config.dataDir, 'ukuk.key');
}

/**
 * Open everything a process needs: database (migrated), keyring (registered, in step with the sealed
 * state), job queue. The server and the CLI both start here.
 */
export async function createContext(
  config: Config,
  log: Logger = createLogger(config.logLevel),
): Promise<AppContext> {
  const dbh = openDb({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  await migrateToLatest(dbh.db);
  await seedVocabularies(dbh.db);
  await seedFormTemplates(dbh.db);
  const keyring = new Keyring(dbh.db, keyFilePath(config));
  await keyring.start();
  const jobs = createJobQueue({ db: dbh.db, kind: dbh.kind, log });
  const ctx: AppContext = { config, dbh, db: dbh.db, keyring, log, jobs };
  registerSystemJobs(ctx);
  registerCalendarJobs(ctx);
  registerCaseJobs(ctx);
  registerPeopleJobs(ctx);
  registerEvidenceJobs(ctx);
  registerViolations(ctx);
  return ctx;
}

/** Keep this node's keys in step with the cluster (seal/unseal done on another node or by the CLI). */
export function startKeyringSync(ctx: AppContext, everyMs = 1000): () => void {
  let busy = false;
  const t = setInterval(() => {
    if (busy) return;
    busy = true;
    ctx.keyring
      .sync()
      .catch((err: unknown) => ctx.log.error({ errName: (err as Error).name }, 'keyring sync failed'))
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  t.unref();
  return () => clearInterval(t);
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.jobs.stop();
  await ctx.keyring.stop().catch(() => undefined);
  await ctx.dbh.close();
}
