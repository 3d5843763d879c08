import { sql } from 'kysely';
import { envelope, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/db.ts';
import { countedValues, publishedVersion } from './submissions.forms.ts';
import { VERIFIED_STATES } from './submissions.recount.ts';

const PAGE = 500;

/**
 * Which of a mission's answer counters to count afresh: an incident form's (every pair), or the
 * entries of every form's repeat groups (`group.child` pairs only, ADR 0038).
 */
export type Recount = { kind: 'incident' } | { kind: 'entries' };

const isEntry = (field: string) => field.includes('.');

/**
 * Replaces the mission's chosen answer counter rows with a count of the reports themselves (an
 * observer's, not rejected: submissions.recount.ts), decrypted a page at a time, the verified layer
 * (ADR 0035) with them. Returns the number of reports counted. Harmless to run again.
 */
export async function recountAnswers(ctx: AppContext, tx: Tx, missionId: string, what: Recount) {
  // A report arriving meanwhile writes its counters after this commits, and so is counted once:
  // PostgreSQL's writers wait on the lock (SQLite has one writer at a time anyway).
  if (ctx.dbh.kind === 'postgres')
    await sql`lock table mon_count_answer in share row exclusive mode`.execute(tx);
  let versions = await tx
    .selectFrom('submissions')
    .select(['form_version_id', 'form_id'])
    .distinct()
    .where('mission_id', '=', missionId)
    .$if(what.kind === 'incident', (q) => q.where('form_kind', '=', 'incident'))
    .execute();
  if (what.kind === 'entries') {
    // Only the versions with a counted question inside a repeat group need their reports opened.
    const withEntries = [];
    for (const r of versions)
      if ((await publishedVersion(tx, r.form_version_id))?.counted.some((f) => f.parent)) withEntries.push(r);
    versions = withEntries;
  }
  let clear = tx.deleteFrom('mon_count_answer').where('mission_id', '=', missionId);
  clear =
    what.kind === 'incident'
      ? clear.where('form_id', 'in', [...new Set(versions.map((v) => v.form_id))])
      : clear.where('field', 'like', '%.%');
  if (what.kind === 'entries' || versions.length) await clear.execute();
  if (versions.length === 0) return 0;
  const keep = what.kind === 'entries' ? isEntry : () => true;
  const sums = new Map<
    string,
    { region: string; form_id: string; field: string; value: string; n: number; verified: number }
  >();
  let after = '';
  let counted = 0;
  for (;;) {
    const rows = await tx
      .selectFrom('submissions')
      .select(['id', 'dek', 'answers', 'form_id', 'form_version_id', 'region', 'status'])
      .where('mission_id', '=', missionId)
      .where(
        'form_version_id',
        'in',
        versions.map((v) => v.form_version_id),
      )
      .where('source', '=', 'observer')
      .where('status', '<>', 'rejected')
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      const v = await publishedVersion(tx, r.form_version_id);
      if (!v) continue;
      const key = envelope(ctx).openRecordKey('submissions', r.id, r.dek);
      const answers = JSON.parse(key.decrypt('answers', r.answers)) as Record<string, unknown>;
      const region = r.region ?? '';
      const verified = VERIFIED_STATES.includes(r.status) ? 1 : 0;
      for (const [field, value] of countedValues(v, answers)) {
        if (!keep(field)) continue;
        const k = [region, r.form_id, field, value].join('\u0001');
        const e = sums.get(k);
        if (e) {
          e.n += 1;
          e.verified += verified;
        } else sums.set(k, { region, form_id: r.form_id, field, value, n: 1, verified });
      }
      counted += 1;
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  const values = [...sums.values()].map((e) => ({ mission_id: missionId, ...e }));
  // In slices: a statement's bound parameters are limited (SQLite 32,766).
  for (let i = 0; i < values.length; i += 1000)
    await tx
      .insertInto('mon_count_answer')
      .values(values.slice(i, i + 1000))
      .execute();
  return counted;
}
