import { z } from 'zod';
import { uuidv7 } from '../../../core/ids.ts';
import type { Role } from '../../../core/roles.ts';
import { capabilitiesOf } from '../../platform/access/policy.ts';
import { inTx, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { notificationsRepo } from '../calendar/calendar.repo.ts';
import { CRITICAL_NOTICE, queueCriticalEmail, registerCriticalEmails } from './alerts.mail.ts';

/**
 * Alerts of critical incidents (issue #5: the two-tap "critical incident" report exists so that
 * someone acts at once). When an observer's report is critical, the coordinators who may review it —
 * those of its mission for its region or for the whole mission — get a notice in the bell that opens
 * the report; a mission nobody coordinates alerts the administrators instead, so no alert goes nowhere.
 *
 * The job is queued in the transaction that stores the report, so a stored critical report is always
 * alerted and a refused one never is; the notice itself is written by the job worker, off election
 * day's hot path. A notice holds codes only (region, site code), never an answer: the bell shows it to
 * its owner alone, and the report itself is read through its own access checks.
 *
 * With SMTP configured, each new notice is also e-mailed, without the place (alerts.mail.ts).
 *
 * Public reports are not alerted: anyone can send one, so they would let a stranger ring every
 * coordinator's bell. They arrive flagged urgent and "to verify" in the review queue instead.
 */
export const CRITICAL_ALERT_JOB = 'monitoring.critical_alert';

const Payload = z.object({ submissionId: z.string().min(1) });

/** Queue the alert of a stored critical report, in the caller's transaction (once per report). */
export async function queueCriticalAlert(ctx: AppContext, tx: Executor, submissionId: string): Promise<void> {
  await ctx.jobs.enqueue(
    tx,
    CRITICAL_ALERT_JOB,
    { submissionId },
    { uniqueKey: `${CRITICAL_ALERT_JOB}:${submissionId}` },
  );
}

/** Who is told: active reviewers coordinating the report's region or whole mission; else the administrators. */
async function recipients(db: Executor, missionId: string, region: string | null): Promise<string[]> {
  const coordinators = await db
    .selectFrom('mission_coordinators as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['u.id', 'u.role'])
    .where('c.mission_id', '=', missionId)
    .where('u.status', '=', 'active')
    .where((eb) =>
      region ? eb.or([eb('c.region', 'is', null), eb('c.region', '=', region)]) : eb('c.region', 'is', null),
    )
    .execute();
  // A coordinator whose role lost the review right would be alerted to a report they cannot open.
  const ids = coordinators
    .filter((c) => capabilitiesOf(c.role as Role).includes('monitoring.review'))
    .map((c) => c.id);
  if (ids.length > 0) return [...new Set(ids)];
  const admins = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .execute();
  return admins.map((a) => a.id);
}

/** Write the notices of one critical report; how many were new (a retried job adds none). */
export async function runCriticalAlert(ctx: AppContext, raw: unknown): Promise<number> {
  const { submissionId } = Payload.parse(raw);
  const s = await ctx.db
    .selectFrom('submissions as s')
    .leftJoin('sites', 'sites.id', 's.site_id')
    .select(['s.id', 's.mission_id', 's.region', 's.critical', 's.source', 'sites.code as siteCode'])
    .where('s.id', '=', submissionId)
    .executeTakeFirst();
  if (!s || s.critical !== 1 || s.source !== 'observer' || !s.mission_id) return 0;
  const users = await recipients(ctx.db, s.mission_id, s.region);
  const params = JSON.stringify({ submissionId: s.id, region: s.region, site: s.siteCode ?? null });
  return inTx(ctx, async (tx, audit) => {
    let added = 0;
    for (const userId of users) {
      const row = {
        id: uuidv7(),
        user_id: userId,
        kind: CRITICAL_NOTICE,
        entity_type: 'submission',
        entity_id: s.id,
        params,
        created_at: new Date().toISOString(),
        read_at: null,
      };
      if (!(await notificationsRepo.insertOnce(tx, row))) continue;
      added += 1;
      await queueCriticalEmail(ctx, tx, row.id);
    }
    if (added > 0)
      await audit({
        actorId: null,
        action: 'monitoring.critical_alerted',
        entityType: 'submission',
        entityId: s.id,
        details: { recipients: added },
      });
    return added;
  });
}

/** Handle the alert job on this node. */
export function registerCriticalAlerts(ctx: AppContext): void {
  ctx.jobs.register(CRITICAL_ALERT_JOB, async (payload) => {
    await runCriticalAlert(ctx, payload);
  });
  registerCriticalEmails(ctx);
}
