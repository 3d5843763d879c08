import { appendAudit, verifyAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';

const HOUR = 3_600_000;

/**
 * Jobs every installation runs: a periodic audit-chain verification (its result is itself audited,
 * so a break is noticed without anyone running the command) and housekeeping of expired rows.
 */
export function registerSystemJobs(ctx: AppContext): void {
  ctx.jobs.register('audit.verify', async (_payload, info) => {
    const r = await verifyAudit(ctx.db);
    await ctx.db.transaction().execute((tx) =>
      appendAudit(tx, ctx.dbh.kind, {
        actorId: null,
        action: r.ok ? 'system.audit_verified' : 'system.audit_broken',
        entityType: 'job',
        entityId: info.jobId,
        details: { checked: r.checked, firstBadSeq: r.firstBad?.seq ?? null },
      }),
    );
    if (!r.ok) ctx.log.error({ firstBadSeq: r.firstBad?.seq }, 'audit chain broken');
  });

  ctx.jobs.register('maintenance.purge', async () => {
    const now = new Date().toISOString();
    await ctx.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
    await ctx.db
      .deleteFrom('login_throttle')
      .where('window_started_at', '<', new Date(Date.now() - 24 * HOUR).toISOString())
      .execute();
    await ctx.db
      .deleteFrom('node_keys')
      .where('last_seen_at', '<', new Date(Date.now() - 24 * HOUR).toISOString())
      .execute();
  });
}

/** Enqueue the daily system jobs once per day across all nodes (the unique key de-duplicates). */
export async function scheduleSystemJobs(ctx: AppContext, now = Date.now()): Promise<void> {
  const day = new Date(now).toISOString().slice(0, 10);
  await ctx.jobs.enqueue(ctx.db, 'audit.verify', {}, { uniqueKey: `audit.verify:${day}` });
  await ctx.jobs.enqueue(ctx.db, 'maintenance.purge', {}, { uniqueKey: `maintenance.purge:${day}` });
}
