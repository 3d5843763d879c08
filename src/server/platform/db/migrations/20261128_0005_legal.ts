import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * Legal aid: the shared people registry, versioned vocabularies, cases with their team, people in
 * roles, notes, tasks, time and timeline, and intakes. Columns ending in `_enc` hold ciphertext under
 * the row's own data key (`dek`); codes, dates, regions and statuses stay in clear for filters and
 * statistics (SECURITY.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('names_enc', 'text', (c) => c.notNull())
    .addColumn('aliases_enc', 'text')
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('gender_enc', 'text')
    .addColumn('birth_date_enc', 'text')
    .addColumn('age_group', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('district', 'text')
    .addColumn('id_numbers_enc', 'text')
    .addColumn('contacts_enc', 'text')
    .addColumn('address_enc', 'text')
    .addColumn('notes_enc', 'text')
    .addColumn('group_size', 'integer')
    .addColumn('merged_into', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_created_by').on('people').column('created_by').execute();
  await db.schema.createIndex('people_region').on('people').columns(['region', 'district']).execute();

  await db.schema
    .createTable('person_vulnerabilities')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_vulnerabilities_pk', ['person_id', 'code'])
    .execute();

  // Blind-index keys of names and ID numbers (truncated HMACs): the conflict check looks candidates up
  // here and decrypts only those few, never the whole table.
  await db.schema
    .createTable('person_keys')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_keys_pk', ['key', 'person_id'])
    .execute();
  await db.schema.createIndex('person_keys_person').on('person_keys').column('person_id').execute();

  await db.schema
    .createTable('vocab_terms')
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('label_ky', 'text', (c) => c.notNull())
    .addColumn('label_ru', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version_added', 'integer', (c) => c.notNull())
    .addColumn('version_retired', 'integer')
    .addPrimaryKeyConstraint('vocab_terms_pk', ['scheme', 'code'])
    .execute();
  await db.schema
    .createTable('vocab_versions')
    .addColumn('scheme', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('restricted', 'integer', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('district', 'text')
    .addColumn('title_enc', 'text', (c) => c.notNull())
    .addColumn('summary_enc', 'text')
    .addColumn('court', 'text')
    .addColumn('judge', 'text')
    .addColumn('docket_bidx', 'text')
    .addColumn('docket_enc', 'text')
    .addColumn('lead_user_id', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('closing_code', 'text')
    .addColumn('outcome_enc', 'text')
    .addColumn('intake_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cases_filter')
    .on('cases')
    .columns(['status', 'type', 'region', 'lead_user_id'])
    .execute();
  await db.schema.createIndex('cases_lead').on('cases').columns(['lead_user_id', 'status']).execute();
  await db.schema.createIndex('cases_opened').on('cases').column('opened_on').execute();
  await db.schema.createIndex('cases_docket').on('cases').column('docket_bidx').execute();

  await db.schema
    .createTable('case_problems')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_problems_pk', ['case_id', 'code'])
    .execute();
  await db.schema
    .createTable('case_funders')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_funders_pk', ['case_id', 'tag'])
    .execute();

  // The team (lead, co-counsel, paralegal) and per-case grants: who may see the case at all.
  await db.schema
    .createTable('case_members')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_members_pk', ['case_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('case_members_user')
    .on('case_members')
    .columns(['user_id', 'case_id'])
    .execute();

  await db.schema
    .createTable('case_people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_people_unique', ['case_id', 'person_id', 'role'])
    .execute();
  await db.schema
    .createIndex('case_people_person')
    .on('case_people')
    .columns(['person_id', 'role'])
    .execute();

  await db.schema
    .createTable('case_links')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_links_pk', ['case_id', 'kind', 'target_id'])
    .execute();
  await db.schema.createIndex('case_links_target').on('case_links').columns(['kind', 'target_id']).execute();

  await db.schema
    .createTable('case_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_notes_case')
    .on('case_notes')
    .columns(['case_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('case_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('title_enc', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_tasks_case').on('case_tasks').column('case_id').execute();
  await db.schema
    .createIndex('case_tasks_assignee')
    .on('case_tasks')
    .columns(['assignee_id', 'done_at'])
    .execute();

  await db.schema
    .createTable('case_time')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('worked_on', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('activity', 'text', (c) => c.notNull())
    .addColumn('funder', 'text')
    .addColumn('note_enc', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_time_case').on('case_time').column('case_id').execute();

  // What happened on a case, in order; `params` holds codes and ids only, never sensitive text.
  await db.schema
    .createTable('case_timeline')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text')
    .addColumn('params', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_timeline_case').on('case_timeline').columns(['case_id', 'at']).execute();

  await db.schema
    .createTable('intakes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text')
    .addColumn('case_type', 'text')
    .addColumn('problem_codes', 'text', (c) => c.notNull())
    .addColumn('description_enc', 'text')
    .addColumn('eligibility_enc', 'text')
    .addColumn('eligible', 'integer')
    .addColumn('eligibility_basis', 'text')
    .addColumn('override_reason_enc', 'text')
    .addColumn('conflicts', 'text')
    .addColumn('conflict_checked_at', 'text')
    .addColumn('decision', 'text')
    .addColumn('decision_reason_enc', 'text')
    .addColumn('referred_to_enc', 'text')
    .addColumn('case_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('intakes_status').on('intakes').columns(['status', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'intakes',
    'case_timeline',
    'case_time',
    'case_tasks',
    'case_notes',
    'case_links',
    'case_people',
    'case_members',
    'case_funders',
    'case_problems',
    'cases',
    'vocab_versions',
    'vocab_terms',
    'person_keys',
    'person_vulnerabilities',
    'people',
  ])
    await db.schema.dropTable(t).execute();
}
