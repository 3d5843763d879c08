import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  VocabSchemeList,
  VocabSchemeReply,
  VocabTermCreate,
  VocabTermFull,
  VocabTermPatch,
} from '../../../core/schemas/vocab.ts';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { inTx, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './vocab.repo.ts';

export { seedVocabularies } from './vocab.import.ts';

/**
 * Versioned vocabularies: Ukuk's legal-aid lists, the HURIDOCS micro-thesauri (`esf_*`), local lists
 * (`local_*`) and rights (`kg_constitution`, `intl_rights`). A term is never deleted: it is retired
 * (`active = 0`) so that old records keep their label; each change bumps the scheme's version and is
 * audited with codes only. Administrators (`settings.manage`) review labels, enter article numbers,
 * retire and reactivate terms, and add local terms: top-level ones in `local_*` and `kg_constitution`
 * (lists Ukuk owns), child terms under any existing term of any scheme (so the HURIDOCS lists can be
 * refined locally without inventing HURIDOCS codes).
 */
export type Term = z.infer<typeof VocabTermFull>;
type Patch = z.infer<typeof VocabTermPatch>;
type Create = z.infer<typeof VocabTermCreate>;
const LANGS = ['ky', 'ru', 'en'] as const;

export function acceptsTopLevelTerms(scheme: string): boolean {
  return scheme.startsWith('local_') || scheme === 'kg_constitution';
}

export function presentTerm(r: repo.TermRow): Term {
  return {
    code: r.code,
    parent: r.parent_code,
    labels: { ky: r.label_ky, ru: r.label_ru, en: r.label_en },
    active: r.active === 1,
    ref: r.ref,
    origin: r.origin,
    kyStatus: r.ky_status,
    ruStatus: r.ru_status,
  };
}

export async function getVocabulary(
  ctx: AppContext,
  actor: Actor | null,
  scheme: string,
): Promise<z.infer<typeof VocabSchemeReply>> {
  if (!actor) throw new AppError('auth.unauthenticated');
  const rows = await repo.loadScheme(ctx.db, scheme);
  if (rows.length === 0) throw new AppError('vocab.not_found');
  return { scheme, version: await repo.schemeVersion(ctx.db, scheme), terms: rows.map(presentTerm) };
}

export async function listVocabularies(
  ctx: AppContext,
  actor: Actor | null,
): Promise<z.infer<typeof VocabSchemeList>> {
  if (!actor) throw new AppError('auth.unauthenticated');
  const rows = await repo.schemeCounts(ctx.db);
  return {
    schemes: rows.map((r) => ({
      scheme: r.scheme,
      version: r.version,
      updatedAt: r.updated_at,
      terms: Number(r.terms),
      retired: Number(r.retired),
      local: Number(r.local),
      kyMissing: Number(r.ky_missing),
      kyDraft: Number(r.ky_draft),
      ruMissing: Number(r.ru_missing),
      ruDraft: Number(r.ru_draft),
      origin: Number(r.huridocs) > 0 ? 'huridocs' : r.scheme.startsWith('local_') ? 'local' : 'ukuk',
      topLevelTerms: acceptsTopLevelTerms(r.scheme),
    })),
  };
}

async function termOr404(db: Executor, scheme: string, code: string): Promise<repo.TermRow> {
  if (!(await repo.schemeExists(db, scheme))) throw new AppError('vocab.not_found');
  const row = await repo.findTerm(db, scheme, code);
  if (!row) throw new AppError('vocab.term_not_found');
  return row;
}

/** Review or correct labels, enter a reference, retire or reactivate a term. */
export async function patchTerm(
  ctx: AppContext,
  actor: Actor | null,
  scheme: string,
  code: string,
  body: Patch,
): Promise<Term> {
  requireCap(actor, 'settings.manage');
  return inTx(ctx, async (tx, audit) => {
    const row = await termOr404(tx, scheme, code);
    const set: Partial<repo.TermRow> = {};
    const fields: string[] = [];
    for (const lang of LANGS) {
      const label = body.labels?.[lang];
      if (label === undefined) continue;
      set[`label_${lang}`] = label;
      if (lang !== 'en') set[`${lang}_status`] = 'reviewed';
      fields.push(`labels.${lang}`);
    }
    if (body.ref !== undefined) {
      set.ref = body.ref === null || body.ref === '' ? null : body.ref;
      fields.push('ref');
    }
    if (body.active !== undefined && body.active !== (row.active === 1)) fields.push('active');
    if (fields.length === 0) return presentTerm(row);
    const version = await repo.bumpVersion(tx, scheme, new Date().toISOString());
    if (fields.includes('active')) {
      set.active = body.active ? 1 : 0;
      set.version_retired = body.active ? null : version;
    }
    await repo.updateTerm(tx, scheme, code, set);
    await audit({
      actorId: actor.userId,
      action: fields.includes('active') ? (body.active ? 'vocab.reactivate' : 'vocab.retire') : 'vocab.edit',
      entityType: 'vocab_term',
      entityId: `${scheme}:${code}`,
      details: { scheme, code, version, fields: fields.join(',') },
    });
    return presentTerm((await repo.findTerm(tx, scheme, code))!);
  });
}

/** Add a local term (origin 'local'); see the rule on where in the module comment. */
export async function addTerm(
  ctx: AppContext,
  actor: Actor | null,
  scheme: string,
  body: Create,
): Promise<Term> {
  requireCap(actor, 'settings.manage');
  if (!LANGS.some((l) => body.labels[l]))
    throw new AppError('validation.failed', { fields: [{ path: 'labels', code: 'required' }] });
  return inTx(ctx, async (tx, audit) => {
    if (!(await repo.schemeExists(tx, scheme))) throw new AppError('vocab.not_found');
    const parent = body.parent ?? null;
    if (parent === null && !acceptsTopLevelTerms(scheme))
      throw new AppError('vocab.parent_required', { fields: [{ path: 'parent', code: 'required' }] });
    if (parent !== null) {
      const p = await repo.findTerm(tx, scheme, parent);
      if (!p || p.active !== 1)
        throw new AppError('vocab.unknown_code', { fields: [{ path: 'parent', code: 'unknown_code' }] });
    }
    const code = body.code ?? `loc_${randomBytes(5).toString('hex')}`;
    if (await repo.findTerm(tx, scheme, code))
      throw new AppError('vocab.duplicate_code', { fields: [{ path: 'code', code: 'invalid_value' }] });
    const version = await repo.bumpVersion(tx, scheme, new Date().toISOString());
    const inserted = await repo.insertTerm(tx, {
      scheme,
      code,
      parent_code: parent,
      label_ky: body.labels.ky ?? '',
      label_ru: body.labels.ru ?? '',
      label_en: body.labels.en ?? '',
      sort: await repo.nextSort(tx, scheme),
      active: 1,
      version_added: version,
      version_retired: null,
      origin: 'local',
      ref: body.ref || null,
      ky_status: body.labels.ky ? 'reviewed' : 'missing',
      ru_status: body.labels.ru ? 'reviewed' : 'missing',
    });
    if (!inserted)
      throw new AppError('vocab.duplicate_code', { fields: [{ path: 'code', code: 'invalid_value' }] });
    await audit({
      actorId: actor.userId,
      action: 'vocab.add',
      entityType: 'vocab_term',
      entityId: `${scheme}:${code}`,
      details: { scheme, code, version, parent },
    });
    return presentTerm((await repo.findTerm(tx, scheme, code))!);
  });
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
