import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * The dashboard counters follow the review from now on (submissions.recount.ts): a rejected report
 * no longer counts, and "critical" counts critical incidents only (a critical checklist is not an
 * incident). Counters written before are rebuilt here from the submissions' plain columns: stations
 * received, reports, incidents and their hours. The answer counters need the decrypted answers and
 * cannot be rebuilt in SQL: reports rejected before this version stay in them.
 */
const COUNTED = sql`s.source = 'observer' and s.status <> 'rejected'`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`update mon_count_site_form set n = (
      select count(*) from submissions s
      where s.mission_id = mon_count_site_form.mission_id and s.site_id = mon_count_site_form.site_id
        and s.form_id = mon_count_site_form.form_id and s.form_kind = 'checklist' and ${COUNTED})`.execute(
    db,
  );
  const region = sql`s.mission_id = mon_count_region.mission_id and coalesce(s.region, '') = mon_count_region.region and ${COUNTED}`;
  await sql`update mon_count_region set
      submissions = (select count(*) from submissions s where ${region}),
      incidents = (select count(*) from submissions s where ${region} and s.form_kind = 'incident'),
      critical = (select count(*) from submissions s
        where ${region} and s.form_kind = 'incident' and s.critical = 1),
      received = (select count(distinct s.site_id || ':' || s.form_id) from submissions s
        where ${region} and s.form_kind = 'checklist' and s.site_id is not null)`.execute(db);
  const hour = sql`s.mission_id = mon_count_hour.mission_id and coalesce(s.region, '') = mon_count_hour.region
    and substr(s.submitted_at, 1, 13) || ':00' = mon_count_hour.hour and s.form_kind = 'incident' and ${COUNTED}`;
  await sql`update mon_count_hour set
      incidents = (select count(*) from submissions s where ${hour}),
      critical = (select count(*) from submissions s where ${hour} and s.critical = 1)`.execute(db);
}

export async function down(): Promise<void> {
  // The old counters counted rejected reports and critical checklists; nothing to restore.
}
