import type { Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { SEED } from './vocab.seed.ts';

/**
 * Versioned vocabularies (case types, problem codes, closing codes; the violations module adds the
 * HURIDOCS micro-thesauri). A term is never deleted: it is retired (`active = 0`) so that old records
 * keep their label; each change bumps the scheme's version.
 */
export interface Term {
  code: string;
  parent: string | null;
  labels: { ky: string; ru: string; en: string };
  active: boolean;
}

/** Add the shipped terms that are missing; run at start on every node (idempotent, race-safe). */
export async function seedVocabularies(db: Executor): Promise<void> {
  const now = new Date().toISOString();
  for (const [scheme, terms] of Object.entries(SEED)) {
    const have = new Set(
      (await db.selectFrom('vocab_terms').select('code').where('scheme', '=', scheme).execute()).map(
        (r) => r.code,
      ),
    );
    const missing = terms.filter((t) => !have.has(t.code));
    if (missing.length === 0) continue;
    const version = (await schemeVersion(db, scheme)) + 1;
    await db
      .insertInto('vocab_terms')
      .values(
        missing.map((t) => ({
          scheme,
          code: t.code,
          parent_code: t.parent ?? null,
          label_ky: t.ky,
          label_ru: t.ru,
          label_en: t.en,
          sort: terms.indexOf(t),
          active: 1,
          version_added: version,
          version_retired: null,
        })),
      )
      .onConflict((oc) => oc.columns(['scheme', 'code']).doNothing())
      .execute();
    await db
      .insertInto('vocab_versions')
      .values({ scheme, version, updated_at: now })
      .onConflict((oc) => oc.column('scheme').doUpdateSet({ version, updated_at: now }))
      .execute();
  }
}

async function schemeVersion(db: Executor, scheme: string): Promise<number> {
  const r = await db
    .selectFrom('vocab_versions')
    .select('version')
    .where('scheme', '=', scheme)
    .executeTakeFirst();
  return r?.version ?? 0;
}

export async function getVocabulary(
  ctx: AppContext,
  actor: Actor | null,
  scheme: string,
): Promise<{ scheme: string; version: number; terms: Term[] }> {
  if (!actor) throw new AppError('auth.unauthenticated');
  const rows = await ctx.db
    .selectFrom('vocab_terms')
    .selectAll()
    .where('scheme', '=', scheme)
    .orderBy('sort')
    .orderBy('code')
    .execute();
  if (rows.length === 0) throw new AppError('vocab.not_found');
  return {
    scheme,
    version: await schemeVersion(ctx.db, scheme),
    terms: rows.map((r) => ({
      code: r.code,
      parent: r.parent_code,
      labels: { ky: r.label_ky, ru: r.label_ru, en: r.label_en },
      active: r.active === 1,
    })),
  };
}

/**
 * Check codes against a scheme: unknown codes, and retired codes on new input, are refused with a
 * field error naming the path. `keep` lists codes a record already had (a retired code may stay).
 */
export async function requireCodes(
  db: Executor,
  scheme: string,
  codes: readonly string[],
  path: string,
  keep: readonly string[] = [],
  indexed = true,
): Promise<void> {
  if (codes.length === 0) return;
  const rows = await db
    .selectFrom('vocab_terms')
    .select(['code', 'active'])
    .where('scheme', '=', scheme)
    .where('code', 'in', [...codes])
    .execute();
  const ok = new Map(rows.map((r) => [r.code, r.active === 1]));
  const bad = codes.findIndex((c) => !(ok.get(c) === true || (ok.has(c) && keep.includes(c))));
  if (bad >= 0) {
    const p = indexed ? `${path}.${bad}` : path;
    throw new AppError('vocab.unknown_code', { fields: [{ path: p, code: 'unknown_code' }] });
  }
}

/** One code (a field such as `type`): the error names the field itself. */
export function requireCode(
  db: Executor,
  scheme: string,
  code: string,
  path: string,
  keep: readonly string[] = [],
) {
  return requireCodes(db, scheme, [code], path, keep, false);
}
