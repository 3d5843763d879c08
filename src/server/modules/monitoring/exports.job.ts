import type { FormDefinition } from '../../../core/forms/types.ts';
import type { Locale } from '../../../core/roles.ts';
import type { Actor } from '../../platform/access/policy.ts';
import { envelope, type AppContext } from '../../platform/context.ts';
import { registerFileOwner } from '../../platform/files/registry.ts';
import { FileStore } from '../../platform/files/store.ts';
import { tr } from '../../platform/i18n.ts';
import { codebook } from './exports.codebook.ts';
import { RenderPool } from './exports.pool.ts';
import { pageKeys } from './exports.keys.ts';
import { RAW_COLUMNS, type RawRow, type Rendered } from './exports.types.ts';
import {
  EXPORT_PAGE,
  LabelSource,
  planColumns,
  planEntries,
  renderSpec,
  repeatGroups,
  xlsxHeader,
} from './exports.rows.ts';
import { EXPORT_ATTEMPTS, EXPORT_JOB, missionScope, missionVersions, scopeText } from './exports.service.ts';
import { exportStream, type ExportFormat } from './exports.writers.ts';
import { sealedTranslations } from './submissions.translations.ts';
import { columnTypes } from './exports.xlsx.ts';

const registered = new WeakSet<AppContext>();
const PROGRESS_EVERY_MS = 500;
/** The share of a page's answers the main thread decrypts when the workers are behind (see below): on 2 cores
 * with one worker, 0.3 took an export of 300,000 rows from 57,000 to 62,000 rows/s (4 runs each). */
const MAIN_SHARE = 0.3;

/**
 * Run one export: keyset pages of the mission's submissions (constant memory whatever the size),
 * each row decrypted, redacted and rendered by the export workers (exports.pool.ts), and written
 * straight into an encrypted file on the file store.
 * Idempotent: a retry after a crash starts again and replaces nothing until it has finished.
 */
export async function runExport(ctx: AppContext, id: string): Promise<void> {
  const row = await ctx.db.selectFrom('mon_exports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.status === 'done') return;
  const requester = await ctx.db
    .selectFrom('users')
    .select(['id', 'role', 'status'])
    .where('id', '=', row.requested_by)
    .executeTakeFirst();
  const actor: Actor | null =
    requester?.status === 'active'
      ? { userId: requester.id, role: requester.role as Actor['role'], sessionId: 'job', reauthUntil: null }
      : null;
  // Access is checked again at run time: a coordinator who lost the mission meanwhile gets nothing.
  const scope = actor ? await missionScope(ctx, actor, row.mission_id) : null;
  if (!scope) {
    await ctx.db
      .updateTable('mon_exports')
      .set({ status: 'failed', updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    return;
  }
  await ctx.db
    .updateTable('mon_exports')
    // What the file will hold: the scope as it is now, which may differ from when it was asked for.
    .set({ status: 'running', rows: 0, regions: scopeText(scope), updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
  const locale = row.locale as Locale;
  const redacted = row.redacted === 1;
  const format = row.format as ExportFormat;
  const versions = await missionVersions(ctx, row.mission_id);
  const mission = await ctx.db
    .selectFrom('missions')
    .select('kind')
    .where('id', '=', row.mission_id)
    .executeTakeFirst();
  const parsed = versions.map((v) => ({ id: v.id, def: JSON.parse(v.definition) as FormDefinition }));
  // Rows per entry read only the reports of versions that have the group.
  const used = row.entries ? parsed.filter((v) => repeatGroups([v.def], row.entries!).length > 0) : parsed;
  const defs = used.map((v) => v.def);
  // One row per report, or per entry of a repeat group (a visit's interviews).
  const plan = row.entries
    ? planEntries(defs, row.entries, redacted, locale, mission?.kind ?? null)
    : planColumns(defs, redacted, locale, mission?.kind ?? null);
  // Only reports of the versions planned for: a version published while the export runs could give a
  // column planned as a choice its free text (issue #5 review). Their number is the progress's total.
  const versionIds = used.map((v) => v.id);
  const total = versionIds.length
    ? await ctx.db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('mission_id', '=', row.mission_id)
        .where('form_version_id', 'in', versionIds)
        .$if(scope.regions !== null, (q) => q.where('region', 'in', scope.regions!))
        .executeTakeFirstOrThrow()
    : { n: 0 };
  await ctx.db
    .updateTable('mon_exports')
    .set({ total: Number(total.n) })
    .where('id', '=', id)
    .execute();
  const pool = new RenderPool(
    renderSpec(plan, format, locale, new Map(versions.map((v) => [v.id, v.version]))),
  );
  // Sealing drops the key from memory: the workers stop, with the data keys they were sent.
  const unsubscribe = ctx.keyring.onChange((sealed) => {
    if (sealed) void pool.close();
  });
  const labels = new LabelSource(ctx, redacted);
  let done = 0;
  let lastReport = 0;
  // Pages are read here, in order, and rendered by the workers side by side; the file gets them in order.
  async function* rendered(): AsyncGenerator<Rendered> {
    const inFlight: { out: Promise<Rendered>; rows: number; ready: boolean }[] = [];
    let after = '';
    let last = false;
    // Nothing to read: no report of a planned version (an empty mission, a group no report used).
    if (versionIds.length === 0) last = true;
    while (!last || inFlight.length > 0) {
      if (!last) {
        const rows = (await ctx.dbh.arrays(
          ctx.db
            .selectFrom('submissions')
            .select([...RAW_COLUMNS])
            .where('mission_id', '=', row!.mission_id)
            .where('form_version_id', 'in', versionIds)
            .where('id', '>', after)
            .$if(scope!.regions !== null, (q) => q.where('region', 'in', scope!.regions!))
            .orderBy('id')
            .limit(EXPORT_PAGE)
            .compile(),
        )) as RawRow[];
        last = rows.length < EXPORT_PAGE;
        if (rows.length > 0) {
          const learnt = await labels.newFor(rows);
          if (learnt) pool.learn(learnt);
          const first = after === '';
          after = rows[rows.length - 1]![0];
          // The workers are behind when the oldest page is not rendered yet: this thread would only wait
          // for it, so it decrypts a share of this page's answers itself.
          const open = inFlight.length > 0 && !inFlight[0]!.ready ? Math.floor(rows.length * MAIN_SHARE) : 0;
          const translations = plan.translations.length
            ? await sealedTranslations(
                ctx.db,
                rows.map((r) => r[0]),
              )
            : undefined;
          // Unwrapped per page: once sealed, envelope() refuses and this attempt fails.
          const keys = pageKeys(envelope(ctx), rows, open, translations);
          const page = {
            out: pool.render({ rows, keys, first, opened: open, ...(translations ? { translations } : {}) }),
            rows: rows.length,
            ready: false,
          };
          page.out.then(
            () => (page.ready = true),
            () => undefined,
          );
          inFlight.push(page);
        }
      }
      // Keep every worker busy while the oldest page is awaited.
      if (inFlight.length > pool.size || (last && inFlight.length > 0)) {
        const next = inFlight.shift()!;
        yield await next.out;
        done += next.rows;
      }
      if (performance.now() - lastReport > PROGRESS_EVERY_MS) {
        lastReport = performance.now();
        await ctx.db
          .updateTable('mon_exports')
          .set({ rows: done, updated_at: new Date().toISOString() })
          .where('id', '=', id)
          .execute();
      }
    }
  }
  const key = envelope(ctx).openRecordKey('mon_exports', id, row.dek);
  const store = new FileStore(ctx.config.dataDir);
  // Rows per entry are entries, not reports: the sheet says so.
  const sheet = tr(locale, row.entries ? 'errors:mon_export.sheet_entries' : 'errors:mon_export.sheet');
  const types = columnTypes(plan.columns);
  const header = format === 'xlsx' ? xlsxHeader(plan.header, types, locale) : plan.header;
  let stored;
  try {
    const sheets = format === 'xlsx' ? [codebook(defs, plan, locale)] : [];
    stored = await store.write(key, 'file', exportStream(format, sheet, header, rendered(), types, sheets), {
      maxBytes: Number.MAX_SAFE_INTEGER,
      tooLarge: () => new Error('export too large'),
    });
  } finally {
    unsubscribe();
    await pool.close();
  }
  const r = await ctx.db
    .updateTable('mon_exports')
    .set({
      status: 'done',
      rows: done,
      storage_key: stored.storageKey,
      size: stored.size,
      sha256: stored.sha256,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  // Another attempt finished first (a lease that ran out): keep its file, drop ours.
  if (Number(r.numUpdatedRows) === 0) await store.remove(stored.storageKey);
}

/** Register the export job and the export files' owner once per context. */
export function registerExportJobs(ctx: AppContext): void {
  if (registered.has(ctx)) return;
  registered.add(ctx);
  ctx.jobs.register(EXPORT_JOB, async (payload, info) => {
    const id = (payload as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    try {
      await runExport(ctx, id);
    } catch (e) {
      // After the last attempt the requester sees "failed" instead of a progress bar that never moves.
      if (info.attempt >= EXPORT_ATTEMPTS)
        await ctx.db
          .updateTable('mon_exports')
          .set({ status: 'failed', updated_at: new Date().toISOString() })
          .where('id', '=', id)
          .execute();
      throw e;
    }
  });
  registerFileOwner({
    name: 'mon_exports',
    async *list(c) {
      const rows = await c.db.selectFrom('mon_exports').selectAll().where('status', '=', 'done').execute();
      for (const r of rows)
        if (r.storage_key)
          yield {
            owner: 'mon_exports',
            recordId: r.id,
            storageKey: r.storage_key,
            field: 'file',
            sha256: r.sha256 ?? '',
            size: r.size ?? 0,
            key: () => envelope(c).openRecordKey('mon_exports', r.id, r.dek),
          };
    },
  });
}
