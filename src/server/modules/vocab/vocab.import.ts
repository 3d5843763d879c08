import { PostgresAdapter, sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/db.ts';
import { shippedSources, type ShippedTerm, type Source } from './vocab.sources.ts';

/**
 * Bring the shipped vocabularies into the database, on every node at every start. Idempotent and
 * race-safe: one transaction (on PostgreSQL under an advisory lock, so two nodes starting together
 * take turns), inserts on conflict do nothing, and a scheme whose source hash is unchanged is skipped
 * without parsing its files. What a person did is never undone:
 * - a label an administrator reviewed ('reviewed') is never overwritten;
 * - a 'missing' or 'draft' label is filled or replaced by a newer shipped one;
 * - a retired term stays retired; terms added locally are not touched;
 * - a reference (article number) is only filled in where none was entered.
 * A shipped term that a later release no longer ships is retired, never deleted.
 */
const PG_VOCAB_LOCK = 0x766f6361; // "voca"
const BATCH = 400;

export interface SeedReport {
  imported: string[];
  inserted: number;
  updated: number;
}

export async function seedVocabularies(db: Db): Promise<SeedReport> {
  const sources = shippedSources();
  const report: SeedReport = { imported: [], inserted: 0, updated: 0 };
  if ((await changed(db, sources)).length === 0) return report;
  await db.transaction().execute(async (tx) => {
    if (db.getExecutor().adapter instanceof PostgresAdapter)
      await sql`select pg_advisory_xact_lock(${PG_VOCAB_LOCK})`.execute(tx);
    // SQLite: take the write lock now (a write statement does, even matching no row), so a second
    // process starting at the same moment waits (busy_timeout) instead of failing to upgrade later.
    else await sql`update vocab_versions set version = version where 1 = 0`.execute(tx);
    const now = new Date().toISOString();
    // Read again under the lock: another node may have imported meanwhile.
    for (const source of await changed(tx, sources)) {
      const r = await importScheme(tx, source, now);
      report.imported.push(source.scheme);
      report.inserted += r.inserted;
      report.updated += r.updated;
    }
  });
  return report;
}

async function changed(db: Db | Tx, sources: Source[]): Promise<Source[]> {
  const rows = await db.selectFrom('vocab_versions').select(['scheme', 'source_hash']).execute();
  const have = new Map(rows.map((r) => [r.scheme, r.source_hash]));
  return sources.filter((s) => have.get(s.scheme) !== s.hash);
}

async function importScheme(
  tx: Tx,
  source: Source,
  now: string,
): Promise<{ inserted: number; updated: number }> {
  const { scheme } = source;
  const terms = source.terms();
  const existing = new Map(
    (await tx.selectFrom('vocab_terms').selectAll().where('scheme', '=', scheme).execute()).map((r) => [
      r.code,
      r,
    ]),
  );
  const current = await tx
    .selectFrom('vocab_versions')
    .select('version')
    .where('scheme', '=', scheme)
    .executeTakeFirst();
  const version = (current?.version ?? 0) + 1;

  const fresh = terms.map((t, i) => ({ t, i })).filter(({ t }) => !existing.has(t.code));
  for (let i = 0; i < fresh.length; i += BATCH) {
    await tx
      .insertInto('vocab_terms')
      .values(
        fresh.slice(i, i + BATCH).map(({ t, i: sort }) => ({
          scheme,
          code: t.code,
          parent_code: t.parent,
          label_ky: t.ky,
          label_ru: t.ru,
          label_en: t.en,
          sort,
          active: 1,
          version_added: version,
          version_retired: null,
          origin: source.origin,
          ref: t.ref,
          ky_status: t.kyStatus,
          ru_status: t.ruStatus,
        })),
      )
      .onConflict((oc) => oc.columns(['scheme', 'code']).doNothing())
      .execute();
  }

  let updated = 0;
  const shipped = new Set<string>();
  for (const [sort, t] of terms.entries()) {
    shipped.add(t.code);
    const row = existing.get(t.code);
    if (!row) continue;
    const patch = mergeShipped(row, t, sort);
    if (Object.keys(patch).length === 0) continue;
    await tx
      .updateTable('vocab_terms')
      .set(patch)
      .where('scheme', '=', scheme)
      .where('code', '=', t.code)
      .execute();
    updated++;
  }
  // Withdrawn from the shipped list: retired (old records keep their label), never deleted.
  for (const row of existing.values()) {
    if (shipped.has(row.code) || row.origin === 'local' || row.active !== 1) continue;
    await tx
      .updateTable('vocab_terms')
      .set({ active: 0, version_retired: version })
      .where('scheme', '=', scheme)
      .where('code', '=', row.code)
      .execute();
    updated++;
  }

  const bump = fresh.length > 0 || updated > 0;
  await tx
    .insertInto('vocab_versions')
    .values({ scheme, version: bump ? version : version - 1, updated_at: now, source_hash: source.hash })
    .onConflict((oc) =>
      oc
        .column('scheme')
        .doUpdateSet(
          bump ? { version, updated_at: now, source_hash: source.hash } : { source_hash: source.hash },
        ),
    )
    .execute();
  return { inserted: fresh.length, updated };
}

interface Row {
  parent_code: string | null;
  label_ky: string;
  label_ru: string;
  sort: number;
  origin: string;
  ref: string | null;
  ky_status: string;
  ru_status: string;
}

/** The changes a shipped term brings to a row already there (empty: nothing to do). Exported for tests. */
export function mergeShipped(row: Row, t: ShippedTerm, sort: number) {
  const patch: Partial<{
    parent_code: string | null;
    sort: number;
    label_ky: string;
    ky_status: ShippedTerm['kyStatus'];
    label_ru: string;
    ru_status: ShippedTerm['ruStatus'];
    ref: string;
  }> = {};
  if (row.origin === 'local') return patch;
  if (row.parent_code !== t.parent) patch.parent_code = t.parent;
  if (row.sort !== sort) patch.sort = sort;
  if (row.ky_status !== 'reviewed' && t.ky && row.label_ky !== t.ky) {
    patch.label_ky = t.ky;
    patch.ky_status = t.kyStatus;
  }
  if (row.ru_status !== 'reviewed' && t.ru && row.label_ru !== t.ru) {
    patch.label_ru = t.ru;
    patch.ru_status = t.ruStatus;
  }
  if (row.ref === null && t.ref !== null) patch.ref = t.ref;
  return patch;
}
