import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * Violation documentation on the HURIDOCS Events model (issue #4). Event → acts (one victim and one type
 * of act each) → involvements (one perpetrator each); information (sources) and interventions hang on
 * the event; the chain of events links two events. Victims, perpetrators, sources and intervening
 * parties are rows of the shared `people` registry.
 *
 * What stays in clear and why: vocabulary codes, dates, region/district and flags — they are what the
 * statistics count, and identify nobody on their own. Titles, narratives, places, remarks, add-on
 * details and file names are encrypted under the row's data key (`dek`), like cases.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vio_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('title_enc', 'text', (c) => c.notNull())
    .addColumn('description_enc', 'text')
    .addColumn('start_date', 'text')
    .addColumn('start_precision', 'text')
    .addColumn('end_date', 'text')
    .addColumn('end_precision', 'text')
    .addColumn('region', 'text')
    .addColumn('district', 'text')
    .addColumn('place_enc', 'text')
    .addColumn('violation_status', 'text')
    .addColumn('restricted', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('vio_events_filter')
    .on('vio_events')
    .columns(['restricted', 'region', 'violation_status', 'start_date'])
    .execute();
  await db.schema.createIndex('vio_events_start').on('vio_events').columns(['start_date', 'id']).execute();

  // Who may see a restricted event (and who manages it): lead, member, or read-only grant.
  await db.schema
    .createTable('vio_event_members')
    .addColumn('event_id', 'text', (c) => c.notNull().references('vio_events.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vio_event_members_pk', ['event_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('vio_event_members_user')
    .on('vio_event_members')
    .columns(['user_id', 'event_id'])
    .execute();

  await db.schema
    .createTable('vio_acts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('vio_events.id').onDelete('cascade'))
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('victim_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('act_type', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('start_precision', 'text')
    .addColumn('end_date', 'text')
    .addColumn('end_precision', 'text')
    .addColumn('region', 'text')
    .addColumn('district', 'text')
    .addColumn('place_enc', 'text')
    .addColumn('location_type', 'text')
    // JSON arrays of vocabulary codes (methods of violence, national law, instruments).
    .addColumn('methods', 'text', (c) => c.notNull())
    .addColumn('national_law', 'text', (c) => c.notNull())
    .addColumn('instruments', 'text', (c) => c.notNull())
    .addColumn('consequences_enc', 'text')
    .addColumn('status_at_end', 'text')
    // Add-on details for arrest/detention, torture, killing: which kind, and its fields encrypted.
    .addColumn('details_kind', 'text')
    .addColumn('details_enc', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vio_acts_event').on('vio_acts').columns(['event_id', 'act_type']).execute();
  await db.schema.createIndex('vio_acts_victim').on('vio_acts').column('victim_id').execute();
  await db.schema
    .createIndex('vio_acts_stats')
    .on('vio_acts')
    .columns(['act_type', 'region', 'start_date'])
    .execute();

  // Rights affected by an act: HURIDOCS rights typology, Constitution articles, treaty articles.
  await db.schema
    .createTable('vio_act_rights')
    .addColumn('act_id', 'text', (c) => c.notNull().references('vio_acts.id').onDelete('cascade'))
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vio_act_rights_pk', ['act_id', 'scheme', 'code'])
    .execute();
  await db.schema
    .createIndex('vio_act_rights_code')
    .on('vio_act_rights')
    .columns(['scheme', 'code', 'act_id'])
    .execute();

  await db.schema
    .createTable('vio_involvements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('act_id', 'text', (c) => c.notNull().references('vio_acts.id').onDelete('cascade'))
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('perpetrator_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('degree', 'text')
    .addColumn('perpetrator_type', 'text')
    .addColumn('status', 'text')
    .addColumn('remarks_enc', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vio_involvements_act').on('vio_involvements').column('act_id').execute();
  await db.schema
    .createIndex('vio_involvements_person')
    .on('vio_involvements')
    .column('perpetrator_id')
    .execute();
  await db.schema
    .createIndex('vio_involvements_type')
    .on('vio_involvements')
    .columns(['perpetrator_type', 'act_id'])
    .execute();

  await db.schema
    .createTable('vio_information')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('vio_events.id').onDelete('cascade'))
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.references('people.id'))
    .addColumn('connection', 'text')
    .addColumn('material_type', 'text')
    .addColumn('reliability', 'text')
    .addColumn('language', 'text')
    .addColumn('received_on', 'text')
    .addColumn('remarks_enc', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('vio_information_event')
    .on('vio_information')
    .columns(['event_id', 'reliability'])
    .execute();
  await db.schema.createIndex('vio_information_source').on('vio_information').column('source_id').execute();

  await db.schema
    .createTable('vio_interventions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('vio_events.id').onDelete('cascade'))
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text', (c) => c.references('people.id'))
    .addColumn('victim_id', 'text', (c) => c.references('people.id'))
    .addColumn('type', 'text')
    .addColumn('intervened_on', 'text')
    .addColumn('response', 'text')
    .addColumn('impact', 'text')
    .addColumn('status', 'text')
    .addColumn('remarks_enc', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vio_interventions_event').on('vio_interventions').column('event_id').execute();
  await db.schema.createIndex('vio_interventions_party').on('vio_interventions').column('party_id').execute();
  await db.schema
    .createIndex('vio_interventions_victim')
    .on('vio_interventions')
    .column('victim_id')
    .execute();

  await db.schema
    .createTable('vio_chain')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_event_id', 'text', (c) => c.notNull().references('vio_events.id').onDelete('cascade'))
    .addColumn('to_event_id', 'text', (c) => c.notNull().references('vio_events.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('vio_chain_unique', ['from_event_id', 'to_event_id', 'type'])
    .execute();
  await db.schema.createIndex('vio_chain_to').on('vio_chain').column('to_event_id').execute();

  // Evidence: the original is encrypted and never changes; thumbnails/previews are derived copies with
  // metadata stripped. An item belongs to an event (and maybe one of its acts), or only to a person.
  await db.schema
    .createTable('vio_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.references('vio_events.id').onDelete('cascade'))
    .addColumn('act_id', 'text', (c) => c.references('vio_acts.id').onDelete('set null'))
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('description_enc', 'text')
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('thumb_key', 'text')
    .addColumn('text_indexed', 'integer', (c) => c.notNull())
    .addColumn('verified_at', 'text')
    .addColumn('verify_result', 'text')
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('vio_evidence_event')
    .on('vio_evidence')
    .columns(['event_id', 'uploaded_at'])
    .execute();
  await db.schema.createIndex('vio_evidence_person').on('vio_evidence').column('person_id').execute();

  // Chain of custody: every upload, view, download, export and verification of an evidence item.
  await db.schema
    .createTable('vio_custody')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('vio_evidence.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .execute();
  await db.schema
    .createIndex('vio_custody_evidence')
    .on('vio_custody')
    .columns(['evidence_id', 'at'])
    .execute();

  // Published anonymised datasets: aggregates only, small cells suppressed before they are stored.
  await db.schema
    .createTable('vio_publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('threshold', 'integer', (c) => c.notNull())
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'vio_publications',
    'vio_custody',
    'vio_evidence',
    'vio_chain',
    'vio_interventions',
    'vio_information',
    'vio_involvements',
    'vio_act_rights',
    'vio_acts',
    'vio_event_members',
    'vio_events',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
