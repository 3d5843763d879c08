import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './db.ts';
import * as m0001 from './migrations/20261128_0001_foundation.ts';
import * as m0002 from './migrations/20261128_0002_search.ts';
import * as m0003 from './migrations/20261128_0003_passkeys.ts';
import * as m0004 from './migrations/20261128_0004_approvals.ts';
import * as m0005 from './migrations/20261128_0005_legal.ts';
import * as m0006 from './migrations/20261128_0006_calendar.ts';
import * as m0007 from './migrations/20261128_0007_documents.ts';
import * as m0008 from './migrations/20261128_0008_legal_indexes.ts';
import * as m0009 from './migrations/20261128_0009_violations.ts';
import * as m0010 from './migrations/20261128_0010_vocab.ts';
import * as m0011 from './migrations/20261128_0011_case_stats.ts';
import * as m0013 from './migrations/20261128_0013_evidence.ts';
import * as m0014 from './migrations/20261128_0014_violation_stats.ts';
import * as m0015 from './migrations/20261128_0015_monitoring_forms.ts';
import * as m0016 from './migrations/20261128_0016_monitoring.ts';
import * as m0017 from './migrations/20261128_0017_violation_facts.ts';
import * as m0018 from './migrations/20261128_0018_monitoring_public.ts';
import * as m0019 from './migrations/20261129_0019_submissions_keyset.ts';
import * as m0020 from './migrations/20261129_0020_violation_fact_log.ts';
import * as m0021 from './migrations/20261129_0021_drop_fact_counts.ts';
import * as m0022 from './migrations/20261129_0022_search_recent.ts';
import * as m0023 from './migrations/20261130_0023_mon_topology.ts';
import * as m0024 from './migrations/20261201_0024_submission_assignee.ts';
import * as m0025 from './migrations/20261201_0025_email_alerts.ts';
import * as m0026 from './migrations/20261201_0026_user_phone.ts';
import * as m0027 from './migrations/20261201_0027_email_assigned.ts';
import * as m0028 from './migrations/20261201_0028_counts_follow_review.ts';
import * as m0029 from './migrations/20261202_0029_form_template_hash.ts';
import * as m0030 from './migrations/20261202_0030_public_reports_triage.ts';
import * as m0031 from './migrations/20261202_0031_upload_thumbnails.ts';
import * as m0032 from './migrations/20261202_0032_export_regions.ts';
import * as m0033 from './migrations/20261202_0033_appointed_coordinators.ts';
import * as m0034 from './migrations/20261205_0034_submission_duplicates.ts';
import * as m0035 from './migrations/20261205_0035_submission_translations.ts';
import * as m0036 from './migrations/20261206_0036_submission_corrections.ts';
import * as m0037 from './migrations/20261206_0037_erased_submissions.ts';
import * as m0038 from './migrations/20261206_0038_mission_field_pin.ts';
import * as m0039 from './migrations/20261206_0039_submission_queue_indexes.ts';
import * as m0040 from './migrations/20261206_0040_mission_messages.ts';
import * as m0041 from './migrations/20261207_0041_site_last_report.ts';
import * as m0042 from './migrations/20261207_0042_verified_counts.ts';
import * as m0043 from './migrations/20261207_0043_export_entries.ts';
import * as m0044 from './migrations/20261207_0044_site_visits.ts';
import * as m0045 from './migrations/20261207_0045_public_answers.ts';

/**
 * Migrations are listed here explicitly (not read from a folder) so that they work the same from
 * source, from a bundle and in tests. Names sort by date; never edit one that has shipped.
 */
const MIGRATIONS: Record<string, Migration> = {
  '20261128_0001_foundation': m0001,
  '20261128_0002_search': m0002,
  '20261128_0003_passkeys': m0003,
  '20261128_0004_approvals': m0004,
  '20261128_0005_legal': m0005,
  '20261128_0006_calendar': m0006,
  '20261128_0007_documents': m0007,
  '20261128_0008_legal_indexes': m0008,
  '20261128_0009_violations': m0009,
  '20261128_0010_vocab': m0010,
  '20261128_0011_case_stats': m0011,
  '20261128_0013_evidence': m0013,
  '20261128_0014_violation_stats': m0014,
  '20261128_0015_monitoring_forms': m0015,
  '20261128_0016_monitoring': m0016,
  '20261128_0017_violation_facts': m0017,
  '20261128_0018_monitoring_public': m0018,
  '20261129_0019_submissions_keyset': m0019,
  '20261129_0020_violation_fact_log': m0020,
  '20261129_0021_drop_fact_counts': m0021,
  '20261129_0022_search_recent': m0022,
  '20261130_0023_mon_topology': m0023,
  '20261201_0024_submission_assignee': m0024,
  '20261201_0025_email_alerts': m0025,
  '20261201_0026_user_phone': m0026,
  '20261201_0027_email_assigned': m0027,
  '20261201_0028_counts_follow_review': m0028,
  '20261202_0029_form_template_hash': m0029,
  '20261202_0030_public_reports_triage': m0030,
  '20261202_0031_upload_thumbnails': m0031,
  '20261202_0032_export_regions': m0032,
  '20261202_0033_appointed_coordinators': m0033,
  '20261205_0034_submission_duplicates': m0034,
  '20261205_0035_submission_translations': m0035,
  '20261206_0036_submission_corrections': m0036,
  '20261206_0037_erased_submissions': m0037,
  '20261206_0038_mission_field_pin': m0038,
  '20261206_0039_submission_queue_indexes': m0039,
  '20261206_0040_mission_messages': m0040,
  '20261207_0041_site_last_report': m0041,
  '20261207_0042_verified_counts': m0042,
  '20261207_0043_export_entries': m0043,
  '20261207_0044_site_visits': m0044,
  '20261207_0045_public_answers': m0045,
};

/** Extra migrations registered by later modules' search indexes etc. (kept in one ordered list). */
export function allMigrations(): Record<string, Migration> {
  return MIGRATIONS;
}

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return allMigrations();
  }
}

/** Bring the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Migration ${failed} failed: ${error instanceof Error ? error.message : 'unknown error'}`,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
