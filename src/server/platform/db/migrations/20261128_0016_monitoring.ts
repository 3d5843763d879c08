import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * Monitoring missions, sites, assignments, submissions and review (issue #5).
 *
 * What stays in clear and why: mission titles, site codes/names/places (polling stations and
 * institutions are public information), region/district codes, statuses and flags — they are what the
 * dashboard counts and the field app shows. The answers of a submission, review comments, rejection
 * reasons and upload names are encrypted under the submission's (or upload's) own data key (`dek`).
 *
 * The `mon_count_*` tables are counters kept in the same transaction as each submission, so the
 * dashboard reads O(regions + fields) rows and never scans submissions (issue #5: 1,000,000
 * submissions, summary under 200 ms).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('missions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('public', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mission_forms')
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('form_version_id', 'text', (c) => c.notNull())
    .addColumn('form_id', 'text', (c) => c.notNull())
    // `checklist` forms are expected once per site; `incident` forms are counted as incidents.
    .addColumn('form_kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('mission_forms_pk', ['mission_id', 'form_version_id'])
    .execute();
  await db.schema
    .createIndex('mission_forms_version')
    .on('mission_forms')
    .columns(['form_version_id', 'mission_id'])
    .execute();

  // region NULL = the whole mission; otherwise only that region's sites, submissions and counts.
  await db.schema
    .createTable('mission_coordinators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('region', 'text')
    .execute();
  await db.schema
    .createIndex('mission_coordinators_user')
    .on('mission_coordinators')
    .columns(['user_id', 'mission_id'])
    .execute();

  await db.schema
    .createTable('sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('district', 'text')
    .addColumn('place', 'text')
    .addColumn('lat', 'real')
    .addColumn('lon', 'real')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sites_mission_code', ['mission_id', 'code'])
    .execute();
  await db.schema.createIndex('sites_region').on('sites').columns(['mission_id', 'region', 'code']).execute();

  await db.schema
    .createTable('site_observers')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('mission_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('site_observers_pk', ['site_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('site_observers_user')
    .on('site_observers')
    .columns(['user_id', 'mission_id'])
    .execute();

  await db.schema
    .createTable('submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('mission_id', 'text')
    .addColumn('site_id', 'text')
    .addColumn('observer_id', 'text')
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('form_version_id', 'text', (c) => c.notNull())
    .addColumn('form_kind', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('district', 'text')
    .addColumn('critical', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('flag_translate', 'integer', (c) => c.notNull())
    .addColumn('flag_geolocate', 'integer', (c) => c.notNull())
    .addColumn('flag_verify', 'integer', (c) => c.notNull())
    .addColumn('flag_urgent', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('violation_event_id', 'text')
    .addColumn('case_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('submissions_mission')
    .on('submissions')
    .columns(['mission_id', 'received_at'])
    .execute();
  await db.schema
    .createIndex('submissions_status')
    .on('submissions')
    .columns(['status', 'received_at'])
    .execute();
  await db.schema
    .createIndex('submissions_observer')
    .on('submissions')
    .columns(['observer_id', 'received_at'])
    .execute();
  await db.schema.createIndex('submissions_site').on('submissions').columns(['site_id']).execute();

  await db.schema
    .createTable('submission_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    // Under the submission's key (field `reason:<history id>`).
    .addColumn('reason_enc', 'text')
    .addColumn('ref_id', 'text')
    .execute();
  await db.schema
    .createIndex('submission_history_sub')
    .on('submission_history')
    .columns(['submission_id', 'at'])
    .execute();

  await db.schema
    .createTable('submission_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    // Under the submission's key (field `comment:<comment id>`).
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('submission_comments_sub')
    .on('submission_comments')
    .columns(['submission_id', 'at'])
    .execute();

  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('received', 'integer', (c) => c.notNull())
    .addColumn('complete', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text')
    .addColumn('storage_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('uploads_user_client', ['user_id', 'client_id'])
    .execute();
  // Received pieces of an unfinished upload, each its own encrypted file; joined when complete.
  await db.schema
    .createTable('upload_parts')
    .addColumn('upload_id', 'text', (c) => c.notNull().references('uploads.id').onDelete('cascade'))
    .addColumn('start_at', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('upload_parts_pk', ['upload_id', 'start_at'])
    .execute();

  // Counters (same transaction as each submission).
  await db.schema
    .createTable('mon_count_site_form')
    .addColumn('mission_id', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('mon_count_site_form_pk', ['mission_id', 'site_id', 'form_id'])
    .execute();
  // received = checklists of distinct site × form; submissions = every submission; '' = no region.
  await db.schema
    .createTable('mon_count_region')
    .addColumn('mission_id', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('received', 'integer', (c) => c.notNull())
    .addColumn('submissions', 'integer', (c) => c.notNull())
    .addColumn('incidents', 'integer', (c) => c.notNull())
    .addColumn('critical', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('mon_count_region_pk', ['mission_id', 'region'])
    .execute();
  // value '*' counts the submissions that answered the field at all.
  await db.schema
    .createTable('mon_count_answer')
    .addColumn('mission_id', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('mon_count_answer_pk', ['mission_id', 'region', 'form_id', 'field', 'value'])
    .execute();
  await db.schema
    .createTable('mon_count_hour')
    .addColumn('mission_id', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('hour', 'text', (c) => c.notNull())
    .addColumn('incidents', 'integer', (c) => c.notNull())
    .addColumn('critical', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('mon_count_hour_pk', ['mission_id', 'region', 'hour'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'mon_count_hour',
    'mon_count_answer',
    'mon_count_region',
    'mon_count_site_form',
    'upload_parts',
    'uploads',
    'submission_comments',
    'submission_history',
    'submissions',
    'site_observers',
    'sites',
    'mission_coordinators',
    'mission_forms',
    'missions',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
