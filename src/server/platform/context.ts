import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db, DbHandle, Executor, Tx } from './db/db.ts';
import type { Keyring } from './crypto/keyring.ts';
import type { Envelope } from './crypto/envelope.ts';
import { appendAudit, type AuditEntry } from './audit/audit.ts';
import type { ManagedJobQueue } from './jobs/jobs.ts';

/** What every service gets: configuration, the database, the keys, the logger and the job queue. */
export interface AppContext {
  config: Config;
  dbh: DbHandle;
  db: Db;
  keyring: Keyring;
  log: Logger;
  jobs: ManagedJobQueue;
}

/** The envelope service, or `system.sealed` when this node holds no key. */
export function envelope(ctx: AppContext): Envelope {
  return ctx.keyring.envelope();
}

/** Run `fn` in one transaction; audit entries written through `audit` commit with the change. */
export async function inTx<T>(
  ctx: AppContext,
  fn: (tx: Tx, audit: (e: AuditEntry) => Promise<void>) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(async (tx) => fn(tx, (e) => appendAudit(tx, ctx.dbh.kind, e)));
}

/** Audit outside a larger change (a read of a sensitive record, a failed login): its own transaction. */
export async function auditNow(ctx: AppContext, e: AuditEntry, db: Executor = ctx.db): Promise<void> {
  if (db === ctx.db) await ctx.db.transaction().execute((tx) => appendAudit(tx, ctx.dbh.kind, e));
  else await appendAudit(db, ctx.dbh.kind, e);
}
