import { buildApp } from './app.ts';
import { loadConfig } from './platform/config.ts';
import { scheduleSystemJobs } from './modules/system/system.jobs.ts';
import { scheduleCaseReindexIfNeeded } from './modules/cases/cases.search.ts';
import { scheduleViolationReindexIfNeeded } from './modules/violations/violations.search.ts';
import { scheduleEvidenceReindexIfNeeded } from './modules/violations/evidence.search.ts';
import { factsMemory } from './modules/violations/facts.sync.ts';
import { scheduleRekeyIfNeeded } from './modules/people/people.jobs.ts';
import { scheduleMonitoringCleanup } from './modules/monitoring/cleanup.job.ts';
import { scheduleEntryCounts } from './modules/monitoring/counts.entries.job.ts';
import { scheduleIncidentCounts } from './modules/monitoring/counts.incidents.job.ts';
import { scheduleVerifiedCounts } from './modules/monitoring/counts.verified.job.ts';
import { closeContext, createContext, startKeyringSync } from './runtime.ts';

/** Process entry: config → database → app → listen. Stops cleanly on SIGTERM/SIGINT. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const ctx = await createContext(config);
  const stopSync = startKeyringSync(ctx);
  const app = await buildApp(ctx);
  if (config.runJobs) {
    ctx.jobs.start();
    // Daily system jobs; checked hourly, enqueued once per day for the whole cluster.
    const schedule = () => {
      void scheduleSystemJobs(ctx).catch(() => ctx.log.warn('could not schedule system jobs'));
      // After a restore the search index (derived data, not in backups) is rebuilt in the background.
      void scheduleCaseReindexIfNeeded(ctx).catch(() => ctx.log.warn('could not check the case index'));
      void scheduleViolationReindexIfNeeded(ctx).catch(() =>
        ctx.log.warn('could not check the violation index'),
      );
      void scheduleEvidenceReindexIfNeeded(ctx).catch(() =>
        ctx.log.warn('could not check the evidence index'),
      );
      void scheduleRekeyIfNeeded(ctx).catch(() => ctx.log.warn('could not check the name keys'));
      void scheduleMonitoringCleanup(ctx).catch(() => ctx.log.warn('could not schedule monitoring cleanup'));
      void scheduleIncidentCounts(ctx).catch(() => ctx.log.warn('could not schedule the incident counts'));
      void scheduleVerifiedCounts(ctx).catch(() => ctx.log.warn('could not schedule the verified counts'));
      void scheduleEntryCounts(ctx).catch(() => ctx.log.warn('could not schedule the entry counts'));
    };
    schedule();
    setInterval(schedule, 3_600_000).unref();
    // Jobs that read encrypted data wait while the keys are sealed: look again as soon as they are not.
    ctx.keyring.onChange((sealed) => {
      if (!sealed) schedule();
    });
  }
  await app.listen({ port: config.port, host: config.host });
  ctx.log.info(
    { port: config.port, database: ctx.dbh.kind, sealed: ctx.keyring.sealed },
    'Ukuk is listening',
  );
  // Every node counts violation statistics from the facts in memory (ADR 0016): load them now, not on
  // the first reader's request (seconds at 250,000 events). Codes and ids only: no key is needed.
  void factsMemory(ctx.db).catch(() => ctx.log.warn('could not load the violation facts'));
  const shutdown = async () => {
    stopSync();
    await app.close();
    await closeContext(ctx);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}
