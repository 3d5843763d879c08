import { sql, type RawBuilder } from 'kysely';
import type { DbKind, Executor } from '../db/db.ts';
import type { Database } from '../db/schema.ts';
import { BackupError } from './format.ts';

/**
 * What the backup does with each table of `Database`:
 * - `data`: dumped and restored row by row;
 * - `runtime`: state of the running nodes (sessions, login throttling, node keys), not backed up: a
 *   restored installation starts with no sessions and registers its own nodes;
 * - `derived`: rebuilt from other data (the search index: its SQLite FTS / PostgreSQL tsvector part cannot
 *   be carried over portably, so a half-restored index would be worse than none).
 * `satisfies` makes adding a table to `Database` without deciding here a type error. The order is the
 * restore order and must be foreign-key safe (users before recovery_codes). `key` is the primary key,
 * used to page through a table in a stable order.
 */
export const TABLES = {
  settings: { policy: 'data', key: 'key' },
  users: { policy: 'data', key: 'id' },
  recovery_codes: { policy: 'data', key: 'id' },
  webauthn_credentials: { policy: 'data', key: 'id' },
  approvals: { policy: 'data', key: 'id' },
  people: { policy: 'data', key: 'id' },
  person_vulnerabilities: { policy: 'data', key: ['person_id', 'code'] },
  person_keys: { policy: 'data', key: ['key', 'person_id'] },
  vocab_terms: { policy: 'data', key: ['scheme', 'code'] },
  vocab_versions: { policy: 'data', key: 'scheme' },
  cases: { policy: 'data', key: 'id' },
  case_problems: { policy: 'data', key: ['case_id', 'code'] },
  case_funders: { policy: 'data', key: ['case_id', 'tag'] },
  case_members: { policy: 'data', key: ['case_id', 'user_id'] },
  case_people: { policy: 'data', key: 'id' },
  case_links: { policy: 'data', key: ['case_id', 'kind', 'target_id'] },
  case_notes: { policy: 'data', key: 'id' },
  case_tasks: { policy: 'data', key: 'id' },
  case_time: { policy: 'data', key: 'id' },
  case_timeline: { policy: 'data', key: 'id' },
  intakes: { policy: 'data', key: 'id' },
  hearings: { policy: 'data', key: 'id' },
  notifications: { policy: 'data', key: 'id' },
  calendar_feeds: { policy: 'data', key: 'id' },
  case_documents: { policy: 'data', key: 'id' },
  vio_events: { policy: 'data', key: 'id' },
  vio_event_members: { policy: 'data', key: ['event_id', 'user_id'] },
  vio_acts: { policy: 'data', key: 'id' },
  vio_act_rights: { policy: 'data', key: ['act_id', 'scheme', 'code'] },
  vio_involvements: { policy: 'data', key: 'id' },
  vio_information: { policy: 'data', key: 'id' },
  vio_interventions: { policy: 'data', key: 'id' },
  vio_chain: { policy: 'data', key: 'id' },
  vio_evidence: { policy: 'data', key: 'id' },
  vio_custody: { policy: 'data', key: 'id' },
  vio_publications: { policy: 'data', key: 'id' },
  forms: { policy: 'data', key: 'id' },
  form_versions: { policy: 'data', key: 'id' },
  missions: { policy: 'data', key: 'id' },
  mission_forms: { policy: 'data', key: ['mission_id', 'form_version_id'] },
  mission_coordinators: { policy: 'data', key: 'id' },
  sites: { policy: 'data', key: 'id' },
  site_observers: { policy: 'data', key: ['site_id', 'user_id'] },
  submissions: { policy: 'data', key: 'id' },
  submission_history: { policy: 'data', key: 'id' },
  submission_comments: { policy: 'data', key: 'id' },
  submission_translations: { policy: 'data', key: ['submission_id', 'locale'] },
  erased_submissions: { policy: 'data', key: 'client_id' },
  uploads: { policy: 'data', key: 'id' },
  upload_parts: { policy: 'data', key: ['upload_id', 'start_at'] },
  mission_messages: { policy: 'data', key: 'id' },
  mission_message_reads: { policy: 'data', key: ['message_id', 'user_id'] },
  // Dashboard counters of monitoring, kept with every submission: carried so a restore shows the same.
  mon_count_site_form: { policy: 'data', key: ['mission_id', 'site_id', 'form_id'] },
  mon_count_region: { policy: 'data', key: ['mission_id', 'region'] },
  mon_count_answer: { policy: 'data', key: ['mission_id', 'region', 'form_id', 'field', 'value'] },
  mon_count_hour: { policy: 'data', key: ['mission_id', 'region', 'hour'] },
  // The public page's answers as last published (ADR 0039): a restore goes on from the same step.
  mon_public_answers: { policy: 'data', key: ['mission_id', 'counts'] },
  audit_log: { policy: 'data', key: 'seq' },
  jobs: { policy: 'data', key: 'id' },
  keyring: { policy: 'data', key: 'id' },
  system_state: { policy: 'data', key: 'id' },
  sessions: { policy: 'runtime', key: 'id' },
  login_throttle: { policy: 'runtime', key: 'key' },
  node_keys: { policy: 'runtime', key: 'node_id' },
  // Public report defences and export files of monitoring (migration 0018): short-lived, node state.
  rate_limits: { policy: 'runtime', key: 'key' },
  public_marks: { policy: 'runtime', key: 'key' },
  mon_exports: { policy: 'runtime', key: 'id' },
  mon_topology: { policy: 'runtime', key: 'id' },
  search_docs: { policy: 'derived', key: 'id' },
  // Statistics of a year (cases.stats.facts.ts): an unbuilt year is built again on its first request.
  case_stat_years: { policy: 'derived', key: 'year' },
  case_stat_facts: { policy: 'derived', key: ['year', 'subject_id', 'dim', 'value'] },
  case_stat_counts: { policy: 'derived', key: ['year', 'dim', 'value'] },
  // Violation list and statistics facts (violations.facts.ts): rebuilt on the first read when missing.
  vio_fact_events: { policy: 'derived', key: 'event_id' },
  vio_fact_tags: { policy: 'derived', key: ['tag', 'event_id'] },
  vio_fact_log: { policy: 'derived', key: 'seq' },
} as const satisfies {
  [T in keyof Database]: {
    policy: 'data' | 'runtime' | 'derived';
    key: (keyof Database[T] & string) | readonly (keyof Database[T] & string)[];
  };
};

/** A table of the `Database` interface. */
export type TableName = keyof Database;
/** One row as dumped: column name to JSON-safe value. */
export type Row = Record<string, unknown>;

/** Tables whose rows go into a backup, in restore order. */
export const DATA_TABLES = (Object.keys(TABLES) as TableName[]).filter((t) => TABLES[t].policy === 'data');

/** Tables that may exist in a database without being in `TABLES`: Kysely's own and derived search storage. */
const KNOWN_EXTRA = /^(kysely_migration|kysely_migration_lock|search_fts(_\w+)?)$/;

const PAGE = 500;

/** Names of the tables that exist in the database (current schema on PostgreSQL). */
export async function listTables(db: Executor, kind: DbKind): Promise<string[]> {
  const q =
    kind === 'postgres'
      ? sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`
      : sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`;
  return (await q.execute(db)).rows.map((r) => r.name);
}

/**
 * Refuse to take a backup that would silently miss data: every table in the database must be covered by
 * `TABLES` (a later migration that adds a table must add it there, and to `Database`).
 */
export async function assertAllTablesKnown(db: Executor, kind: DbKind): Promise<void> {
  const unknown = (await listTables(db, kind)).filter((t) => !(t in TABLES) && !KNOWN_EXTRA.test(t));
  if (unknown.length) {
    throw new BackupError(
      `The database has table(s) the backup does not cover: ${unknown.join(', ')}. Refusing to write an incomplete backup (add them to src/server/platform/backup/tables.ts).`,
    );
  }
}

/** Migration names recorded by Kysely, in order. */
export async function appliedMigrations(db: Executor): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return r.rows.map((x) => x.name);
}

/** Page through a table in primary-key order (keyset paging: constant cost per page, bounded memory). */
export async function* tableRows(db: Executor, table: TableName): AsyncGenerator<Row> {
  const spec = TABLES[table].key;
  // A composite primary key pages by row value: (a, b) > (x, y) works on SQLite and PostgreSQL.
  const cols: readonly string[] = typeof spec === 'string' ? [spec] : spec;
  const refs = sql.join(cols.map((c) => sql.ref(c)));
  let last: unknown[] | undefined = undefined;
  for (;;) {
    const where: RawBuilder<unknown> =
      last === undefined ? sql`` : sql`where (${refs}) > (${sql.join(last)})`;
    const { rows }: { rows: Row[] } =
      await sql<Row>`select * from ${sql.table(table)} ${where} order by ${refs} limit ${PAGE}`.execute(db);
    for (const r of rows) yield encodeRow(table, r);
    if (rows.length < PAGE) return;
    const tail: Row = rows[rows.length - 1]!;
    last = cols.map((c) => tail[c]);
  }
}

/**
 * Make a row JSON-safe. Ukuk stores text, integers and null only (schema.ts); bytes are tagged so that a
 * later binary column survives, and anything else stops the backup rather than change a value.
 */
function encodeRow(table: string, r: Row): Row {
  const out: Row = {};
  for (const [col, v] of Object.entries(r)) {
    if (
      v === null ||
      typeof v === 'string' ||
      typeof v === 'boolean' ||
      (typeof v === 'number' && Number.isFinite(v))
    )
      out[col] = v;
    else if (Buffer.isBuffer(v) || v instanceof Uint8Array)
      out[col] = { $b64: Buffer.from(v).toString('base64') };
    else
      throw new BackupError(`Column ${table}.${col} has a value type the backup cannot carry (${typeof v}).`);
  }
  return out;
}

function decodeValue(v: unknown): unknown {
  if (v !== null && typeof v === 'object' && typeof (v as { $b64?: unknown }).$b64 === 'string') {
    return Buffer.from((v as { $b64: string }).$b64, 'base64');
  }
  return v;
}

/** Insert restored rows of one table (all with the same columns, as dumped from one table). */
export async function insertRows(db: Executor, table: TableName, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]!);
  const values = rows.map((r) => sql`(${sql.join(cols.map((c) => decodeValue(r[c])))})`);
  await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) values ${sql.join(values)}`.execute(
    db,
  );
}

/** Rows per insert statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
export function batchSize(row: Row): number {
  return Math.max(1, Math.min(200, Math.floor(20_000 / Math.max(1, Object.keys(row).length))));
}
