import type { Executor } from '../../platform/db/db.ts';

export interface CountInput {
  missionId: string;
  siteId: string | null;
  formId: string;
  kind: 'checklist' | 'incident';
  region: string | null;
  critical: boolean;
  submittedAt: string;
  /** `[field, value]` pairs of a checklist's counted answers (`countedValues`). */
  values: [string, string][];
}

/**
 * Keep the dashboard counters in the transaction that stores the submission (ADR 0009's pattern for
 * case statistics): at most four statements, each an upsert on a primary key. `received` counts distinct
 * site × checklist pairs (a second checklist from the same site is a correction, not a new station).
 */
export async function bumpCounts(tx: Executor, c: CountInput): Promise<void> {
  const region = c.region ?? '';
  let first = 0;
  if (c.kind === 'checklist' && c.siteId) {
    const r = await tx
      .insertInto('mon_count_site_form')
      .values({ mission_id: c.missionId, site_id: c.siteId, form_id: c.formId, n: 1 })
      .onConflict((oc) =>
        oc
          .columns(['mission_id', 'site_id', 'form_id'])
          .doUpdateSet((eb) => ({ n: eb('mon_count_site_form.n', '+', 1) })),
      )
      .returning('n')
      .executeTakeFirstOrThrow();
    first = Number(r.n) === 1 ? 1 : 0;
  }
  const incident = c.kind === 'incident' ? 1 : 0;
  const critical = c.critical ? 1 : 0;
  await tx
    .insertInto('mon_count_region')
    .values({
      mission_id: c.missionId,
      region,
      received: first,
      submissions: 1,
      incidents: incident,
      critical,
    })
    .onConflict((oc) =>
      oc.columns(['mission_id', 'region']).doUpdateSet((eb) => ({
        received: eb('mon_count_region.received', '+', eb.ref('excluded.received')),
        submissions: eb('mon_count_region.submissions', '+', 1),
        incidents: eb('mon_count_region.incidents', '+', eb.ref('excluded.incidents')),
        critical: eb('mon_count_region.critical', '+', eb.ref('excluded.critical')),
      })),
    )
    .execute();
  if (incident || critical) {
    // Incidents over time by the hour the observer reported it (UTC), not by when it reached us.
    const hour = `${new Date(c.submittedAt).toISOString().slice(0, 13)}:00`;
    await tx
      .insertInto('mon_count_hour')
      .values({ mission_id: c.missionId, region, hour, incidents: incident, critical })
      .onConflict((oc) =>
        oc.columns(['mission_id', 'region', 'hour']).doUpdateSet((eb) => ({
          incidents: eb('mon_count_hour.incidents', '+', eb.ref('excluded.incidents')),
          critical: eb('mon_count_hour.critical', '+', eb.ref('excluded.critical')),
        })),
      )
      .execute();
  }
  if (c.kind === 'checklist' && c.values.length) {
    // One multi-row upsert; pairs are unique per submission (countedValues dedupes multiple choice).
    await tx
      .insertInto('mon_count_answer')
      .values(
        c.values.map(([field, value]) => ({
          mission_id: c.missionId,
          region,
          form_id: c.formId,
          field,
          value,
          n: 1,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['mission_id', 'region', 'form_id', 'field', 'value'])
          .doUpdateSet((eb) => ({ n: eb('mon_count_answer.n', '+', 1) })),
      )
      .execute();
  }
}
