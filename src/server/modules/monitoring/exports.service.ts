import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { Readable as R } from 'node:stream';
import type { FormDefinition } from '../../../core/forms/types.ts';
import type { Locale } from '../../../core/roles.ts';
import { uuidv7 } from '../../../core/ids.ts';
import { can, requireCap, requireReauth, type Actor } from '../../platform/access/policy.ts';
import { auditNow, envelope, inTx, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { FileStore } from '../../platform/files/store.ts';
import { bishkekDate } from '../cases/cases.export.format.ts';
import { authoriseNamedExport } from '../approvals/export-approval.ts';
import { repeatGroups } from './exports.rows.ts';
import { EXPORT_CONTENT_TYPES, type ExportFormat } from './exports.writers.ts';

/**
 * Exports of a mission's submissions (issue #5 item 7). The request is checked and audited here and a
 * job does the work (exports.job.ts), so an export of any size never holds an HTTP request open. Every
 * export needs a fresh re-authentication (SECURITY.md); one with names and free text also needs the
 * four-eyes approval of the other exports. Only the requester can see its progress and download it.
 */
export const EXPORT_JOB = 'monitoring.export';
export const EXPORT_ATTEMPTS = 3;

/** Which submissions of a mission the actor may export: all, some regions, or none (null). */
export async function missionScope(
  ctx: AppContext,
  actor: Actor,
  missionId: string,
): Promise<{ regions: string[] | null } | null> {
  const mission = await ctx.db
    .selectFrom('missions')
    .select('id')
    .where('id', '=', missionId)
    .executeTakeFirst();
  if (!mission || !can(actor, 'monitoring.review')) return null;
  if (actor.role === 'admin') return { regions: null };
  const rows = await ctx.db
    .selectFrom('mission_coordinators')
    .select('region')
    .where('mission_id', '=', missionId)
    .where('user_id', '=', actor.userId)
    .execute();
  if (rows.length === 0) return null;
  if (rows.some((r) => r.region === null)) return { regions: null };
  return { regions: rows.map((r) => r.region!) };
}

export async function requestExport(
  ctx: AppContext,
  actor: Actor | null,
  missionId: string,
  body: { format: ExportFormat; redacted: boolean; entries?: string | undefined },
  locale: Locale,
): Promise<{ jobId: string }> {
  requireCap(actor, 'monitoring.review');
  const scope = await missionScope(ctx, actor, missionId);
  if (!scope) throw new AppError('missions.not_found');
  const entries = body.entries ?? null;
  if (entries) await checkEntries(ctx, missionId, entries, body.format);
  requireReauth(actor);
  const approvalId = body.redacted
    ? null
    : // The approver is asked for exactly this: a mission's reports, or the entries of one group.
      await authoriseNamedExport(ctx, actor, 'monitoring', {
        mission: missionId,
        ...(entries ? { entries } : {}),
      });
  const id = uuidv7();
  const now = new Date().toISOString();
  const { wrapped } = envelope(ctx).newRecordKey('mon_exports', id);
  await inTx(ctx, async (tx, audit) => {
    const total = await tx
      .selectFrom('submissions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('mission_id', '=', missionId)
      .$if(scope.regions !== null, (q) => q.where('region', 'in', scope.regions!))
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('mon_exports')
      .values({
        id,
        mission_id: missionId,
        requested_by: actor.userId,
        format: body.format,
        redacted: body.redacted ? 1 : 0,
        locale,
        status: 'queued',
        total: Number(total.n),
        rows: 0,
        dek: wrapped,
        storage_key: null,
        size: null,
        sha256: null,
        regions: scopeText(scope),
        entries,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await ctx.jobs.enqueue(
      tx,
      EXPORT_JOB,
      { id },
      { uniqueKey: `${EXPORT_JOB}:${id}`, maxAttempts: EXPORT_ATTEMPTS },
    );
    await audit({
      actorId: actor.userId,
      action: body.redacted ? 'monitoring.export' : 'monitoring.export_full',
      entityType: 'mission',
      entityId: missionId,
      details: {
        exportId: id,
        format: body.format,
        redacted: body.redacted,
        count: Number(total.n),
        ...(entries ? { entries } : {}),
        ...(scope.regions ? { regions: scope.regions.join(',') } : {}),
        ...(approvalId ? { approvalId } : {}),
      },
    });
  });
  return { jobId: id };
}

/**
 * Rows per entry need a repeat group of the mission's forms (current, or used by its reports) and a
 * table: a GeoJSON feature is a place, and a visit's interviews share the visit's one place.
 */
async function checkEntries(ctx: AppContext, missionId: string, group: string, format: ExportFormat) {
  const fields = [{ path: 'entries', code: 'invalid_value' }];
  if (format === 'geojson') throw new AppError('mon_export.entries_format', { fields });
  const current = await ctx.db
    .selectFrom('mission_forms as mf')
    .innerJoin('form_versions as v', 'v.id', 'mf.form_version_id')
    .select(['v.definition'])
    .where('mf.mission_id', '=', missionId)
    .execute();
  const has = (rows: { definition: string }[]) =>
    repeatGroups(
      rows.map((r) => JSON.parse(r.definition) as FormDefinition),
      group,
    ).length > 0;
  if (!has(current) && !has(await missionVersions(ctx, missionId)))
    throw new AppError('mon_export.entries_unknown', { fields, params: { group } });
}

/** The form versions the mission's submissions use, newest first (their fields lead the columns). */
export async function missionVersions(ctx: AppContext, missionId: string) {
  const ids = (
    await ctx.db
      .selectFrom('submissions')
      .select('form_version_id')
      .distinct()
      .where('mission_id', '=', missionId)
      .execute()
  ).map((r) => r.form_version_id);
  if (ids.length === 0) return [];
  return ctx.db
    .selectFrom('form_versions')
    .select(['id', 'version', 'definition'])
    .where('id', 'in', ids)
    .orderBy('version', 'desc')
    .execute();
}

/** How `mon_exports.regions` records the part of the mission an export covers. */
export function scopeText(scope: { regions: string[] | null }): string {
  return scope.regions === null ? '*' : JSON.stringify([...scope.regions].sort());
}

/** Whether the actor's part of the mission now covers all that the export holds. */
function covers(scope: { regions: string[] | null }, regions: string | null): boolean {
  if (scope.regions === null) return true;
  if (regions === null || regions === '*') return false;
  return (JSON.parse(regions) as string[]).every((r) => scope.regions!.includes(r));
}

/**
 * The export of this requester, or the same 404 as a missing one. The requester's part of the mission
 * is checked again: someone taken off the mission, or moved to another region, since they asked for
 * it gets nothing of a file made while they had it.
 */
async function ownExport(ctx: AppContext, actor: Actor | null, id: string) {
  requireCap(actor, 'monitoring.review');
  const row = await ctx.db.selectFrom('mon_exports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.requested_by !== actor.userId) throw new AppError('mon_export.not_found');
  const scope = await missionScope(ctx, actor, row.mission_id);
  if (!scope || !covers(scope, row.regions)) throw new AppError('mon_export.not_found');
  return row;
}

export async function exportStatus(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<{
  status: 'queued' | 'running' | 'done' | 'failed' | 'expired';
  progress: number;
  rows: number;
  total: number;
  format: string;
  redacted: boolean;
  entries: string | null;
  keepDays: number;
  expiresAt: string | null;
}> {
  const row = await ownExport(ctx, actor, id);
  const progress = row.status === 'done' ? 1 : row.total > 0 ? Math.min(0.99, row.rows / row.total) : 0;
  const keepMs = ctx.config.exportKeepMs;
  return {
    status: row.status as 'queued' | 'running' | 'done' | 'failed' | 'expired',
    progress: Math.round(progress * 1000) / 1000,
    rows: row.rows,
    total: row.total,
    format: row.format,
    redacted: row.redacted === 1,
    entries: row.entries,
    // The hourly cleanup deletes a finished file this long after it was written (cleanup.job.ts).
    keepDays: Math.round(keepMs / 86_400_000),
    expiresAt: row.status === 'done' ? new Date(Date.parse(row.updated_at) + keepMs).toISOString() : null,
  };
}

export async function exportDownload(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<{ filename: string; contentType: string; body: Readable }> {
  const row = await ownExport(ctx, actor, id);
  const store = new FileStore(ctx.config.dataDir);
  // A file removed by the cleanup (or lost) is a clear 410, not a response that breaks mid-stream.
  if (row.status === 'expired' || (row.storage_key && !fs.existsSync(store.pathOf(row.storage_key))))
    throw new AppError('mon_export.expired');
  if (row.status !== 'done' || !row.storage_key) throw new AppError('mon_export.not_ready');
  await auditNow(ctx, {
    actorId: actor!.userId,
    action: 'monitoring.export_download',
    entityType: 'mission',
    entityId: row.mission_id,
    details: {
      exportId: id,
      format: row.format,
      redacted: row.redacted === 1,
      count: row.rows,
      ...(row.entries ? { entries: row.entries } : {}),
    },
  });
  const key = envelope(ctx).openRecordKey('mon_exports', row.id, row.dek);
  const format = row.format as ExportFormat;
  return {
    filename: `ukuk-monitoring${row.entries ? `-${row.entries}` : ''}${row.redacted ? '' : '-full'}-${bishkekDate()}.${format}`,
    contentType: EXPORT_CONTENT_TYPES[format],
    body: R.from(store.read(key, 'file', row.storage_key)),
  };
}
