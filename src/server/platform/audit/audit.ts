import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { uuidv7 } from '../../../core/ids.ts';
import type { Db, DbKind, Executor } from '../db/db.ts';
import { prepared, preparedRows } from '../db/prepared.ts';
import type { AuditLogTable } from '../db/schema.platform.ts';

export type AuditValue = string | number | boolean | null | string[];

/** What a service records: ids, actions and field names only, never a sensitive value. */
export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType?: string | undefined;
  entityId?: string | undefined;
  details?: Record<string, AuditValue> | undefined;
}

export const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit.head';
// Any constant works: it only has to be the same for every node writing to the same PostgreSQL.
const PG_AUDIT_LOCK = 421_337;

export interface ChainFields {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  details: string;
}

/** Hash of one entry over its content and the previous hash; field order is fixed here, not by JSON. */
export function entryHash(prev: string, e: ChainFields): string {
  const parts = [
    e.seq,
    e.id,
    e.at,
    e.actor_id ?? '',
    e.action,
    e.entity_type ?? '',
    e.entity_id ?? '',
    e.details,
  ];
  return createHash('sha256').update(prev).update('\n').update(JSON.stringify(parts)).digest('hex');
}

/**
 * Append an entry to the hash chain. Must be called inside the transaction that makes the change, so
 * the change and its audit entry commit or roll back together. On PostgreSQL an advisory lock orders
 * writers from every app node; SQLite has a single writer already.
 */
export async function appendAudit(tx: Executor, kind: DbKind, entry: AuditEntry): Promise<void> {
  await appendAuditMany(tx, kind, [entry]);
}

// Every column of an entry, in the order `appendAuditMany` gives them.
const COLUMNS = [
  'seq',
  'id',
  'at',
  'actor_id',
  'action',
  'entity_type',
  'entity_id',
  'details',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof AuditLogTable)[];

const insertEntries = preparedRows('audit.insert', COLUMNS, (db, rows) =>
  db.insertInto('audit_log').values(rows as unknown as AuditLogTable[]),
);
const lastEntry = prepared('audit.last', (db) =>
  db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1),
);
const setHead = prepared('audit.head', (db, p) =>
  db
    .insertInto('settings')
    .values({ key: HEAD_KEY, value: p(0), updated_at: p(1) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: p(0), updated_at: p(1) })),
);

/**
 * Append several entries in order, in one transaction: one read of the chain's end, a few multi-row
 * inserts of fixed sizes (`preparedRows`), one head update (the submissions of one group commit share
 * these; submissions.batch.ts).
 */
export async function appendAuditMany(tx: Executor, kind: DbKind, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (kind === 'postgres') await sql`select pg_advisory_xact_lock(${PG_AUDIT_LOCK})`.execute(tx);
  const last = (await lastEntry(tx, []))[0];
  let seq = last ? Number(last.seq) : 0;
  let prev = last?.hash ?? GENESIS;
  const at = new Date().toISOString();
  const values = entries.map((entry) => {
    const fields: ChainFields = {
      seq: ++seq,
      id: uuidv7(),
      at,
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType ?? null,
      entity_id: entry.entityId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    };
    const hash = entryHash(prev, fields);
    const row: AuditLogTable = { ...fields, prev_hash: prev, hash };
    prev = hash;
    return COLUMNS.map((c) => row[c]);
  });
  await insertEntries(tx, values);
  // The head anchor makes deleting the newest entries detectable too.
  await setHead(tx, [`${seq}:${prev}`, at]);
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBad: { seq: number; reason: string } | null;
}

/**
 * Walk the whole chain in order; report the first entry whose link, hash or position is wrong. Runs in
 * one snapshot (repeatable read), so entries appended meanwhile by other nodes do not look like a break.
 */
export async function verifyAudit(db: Db): Promise<VerifyResult> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((tx) => verifyChain(tx));
}

async function verifyChain(db: Executor): Promise<VerifyResult> {
  let prev = GENESIS;
  let expected = 1;
  let checked = 0;
  const batch = 2000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expected)
      .orderBy('seq', 'asc')
      .limit(batch)
      .execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expected) return bad(checked, expected, `entry ${expected} is missing (next is ${seq})`);
      if (r.prev_hash !== prev) return bad(checked, seq, 'link to the previous entry is broken');
      if (entryHash(prev, { ...r, seq }) !== r.hash)
        return bad(checked, seq, 'content does not match its hash');
      prev = r.hash;
      expected += 1;
      checked += 1;
    }
    if (rows.length < batch) break;
  }
  const head = await db.selectFrom('settings').select('value').where('key', '=', HEAD_KEY).executeTakeFirst();
  if (head && head.value !== `${checked}:${prev}`) {
    return bad(checked, checked + 1, 'newest entries were removed (chain head does not match)');
  }
  if (!head && checked > 0) return bad(checked, 1, 'chain head is missing');
  return { ok: true, checked, firstBad: null };
}

function bad(checked: number, seq: number, reason: string): VerifyResult {
  return { ok: false, checked, firstBad: { seq, reason } };
}
