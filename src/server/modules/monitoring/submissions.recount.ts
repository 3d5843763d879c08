import type { RecordKey } from '../../platform/crypto/envelope.ts';
import type { Tx } from '../../platform/db/db.ts';
import type { SubmissionsTable } from '../../platform/db/schema.monitoring.ts';
import { CountBatch } from './submissions.counts.ts';
import { countedValues, publishedVersion } from './submissions.forms.ts';

/**
 * A rejected report leaves the dashboard: the figures (live and public) count what is believed, and a
 * coordinator rejects a false or duplicate report precisely so that it does not count. Taking it back
 * into review counts it in again. The counters are those written when it arrived
 * (submissions.counts.ts); only an observer's report of a mission was counted then.
 */
export async function recountOnStatus(
  tx: Tx,
  row: SubmissionsTable,
  key: RecordKey,
  from: string,
  to: string,
): Promise<void> {
  const wasCounted = from !== 'rejected';
  const counts = to !== 'rejected';
  if (wasCounted === counts || row.source !== 'observer' || !row.mission_id) return;
  const checklist = row.form_kind === 'checklist';
  const v = await publishedVersion(tx, row.form_version_id);
  const values = v
    ? countedValues(v, JSON.parse(key.decrypt('answers', row.answers)) as Record<string, unknown>)
    : [];
  const batch = new CountBatch();
  batch.add(
    {
      missionId: row.mission_id,
      siteId: row.site_id,
      formId: row.form_id,
      kind: checklist ? 'checklist' : 'incident',
      region: row.region,
      critical: row.critical === 1,
      submittedAt: row.submitted_at,
      values,
    },
    counts ? 1 : -1,
  );
  await batch.flush(tx);
}
