import type { RecordKey } from '../../platform/crypto/envelope.ts';
import type { Tx } from '../../platform/db/db.ts';
import type { SubmissionsTable } from '../../platform/db/schema.monitoring.ts';
import { CountBatch, type CountInput } from './submissions.counts.ts';
import { countedValues, publishedVersion } from './submissions.forms.ts';

/** States whose reports a mission publishing verified figures only counts (ADR 0035). */
export const VERIFIED_STATES: readonly string[] = ['verified', 'published'];

/**
 * A rejected report leaves the dashboard: the figures (live and public) count what is believed, and a
 * coordinator rejects a false or duplicate report precisely so that it does not count. Taking it back
 * into review counts it in again. The counters are those written when it arrived
 * (submissions.counts.ts); only an observer's report of a mission was counted then. Entering or leaving
 * verified / published moves it in or out of the verified layer, which a mission may publish alone.
 */
export async function recountOnStatus(
  tx: Tx,
  row: SubmissionsTable,
  key: RecordKey,
  from: string,
  to: string,
): Promise<void> {
  if (row.source !== 'observer' || !row.mission_id) return;
  const received = Number(to !== 'rejected') - Number(from !== 'rejected');
  const verified = Number(VERIFIED_STATES.includes(to)) - Number(VERIFIED_STATES.includes(from));
  if (!received && !verified) return;
  const v = await publishedVersion(tx, row.form_version_id);
  const values = v
    ? countedValues(v, JSON.parse(key.decrypt('answers', row.answers)) as Record<string, unknown>)
    : [];
  const input = countInput(row, values);
  for (const [layer, sign] of [
    ['received', received],
    ['verified', verified],
  ] as const) {
    if (!sign) continue;
    const batch = new CountBatch(layer);
    batch.add(input, sign as 1 | -1);
    await batch.flush(tx);
  }
}

/** What a stored report adds to the counters, given its counted answers. */
export function countInput(row: SubmissionsTable, values: [string, string][]): CountInput {
  return {
    missionId: row.mission_id!,
    siteId: row.site_id,
    formId: row.form_id,
    kind: row.form_kind === 'checklist' ? 'checklist' : 'incident',
    region: row.region,
    critical: row.critical === 1,
    submittedAt: row.submitted_at,
    values,
  };
}
