import { flattenFields, type FlatField, type FormDefinition, type L10n } from '../../../core/forms/index.ts';
import type { Executor } from '../../platform/db/db.ts';

/** A published form version as the submission path needs it, parsed once. */
export interface CachedVersion {
  id: string;
  formId: string;
  kind: 'checklist' | 'incident';
  title: L10n;
  definition: FormDefinition;
  flat: FlatField[];
  /** Top-level boolean and choice fields: what the dashboard counts (checklists only). */
  counted: FlatField[];
  /** Paths of file/signature answers: top-level keys, and `group.child` for repeat children. */
  fileFields: FlatField[];
}

// Published versions never change (issue #5), so a parsed version can be kept for the process's life.
// Drafts are never cached: nobody submits to them.
const cache = new Map<string, CachedVersion>();
const MAX_CACHED = 500;

/** The published form version, parsed and cached; null when missing or not published. */
export async function publishedVersion(db: Executor, id: string): Promise<CachedVersion | null> {
  const hit = cache.get(id);
  if (hit) return hit;
  const row = await db
    .selectFrom('form_versions as v')
    .innerJoin('forms as f', 'f.id', 'v.form_id')
    .select(['v.id', 'v.form_id', 'v.status', 'v.definition'])
    .where('v.id', '=', id)
    .executeTakeFirst();
  if (!row || row.status !== 'published') return null;
  const definition = JSON.parse(row.definition) as FormDefinition;
  const flat = flattenFields(definition);
  const v: CachedVersion = {
    id: row.id,
    formId: row.form_id,
    kind: definition.kind,
    title: definition.title,
    definition,
    flat,
    counted: flat.filter(
      (f) =>
        !f.parent && (f.type === 'boolean' || f.type === 'single_choice' || f.type === 'multiple_choice'),
    ),
    fileFields: flat.filter((f) => f.type === 'file' || f.type === 'signature'),
  };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(id, v);
  return v;
}

/** Upload ids named by the file/signature answers (repeat children included), with their field. */
export function uploadIdsOf(
  v: CachedVersion,
  answers: Record<string, unknown>,
): { id: string; field: FlatField }[] {
  const ids: { id: string; field: FlatField }[] = [];
  for (const f of v.fileFields) {
    if (!f.parent) {
      const a = answers[f.key];
      if (typeof a === 'string') ids.push({ id: a, field: f });
      continue;
    }
    const group = answers[f.parent];
    if (!Array.isArray(group)) continue;
    for (const item of group) {
      const a = item && typeof item === 'object' ? (item as Record<string, unknown>)[f.key] : undefined;
      if (typeof a === 'string') ids.push({ id: a, field: f });
    }
  }
  return ids;
}

/**
 * Dashboard counter keys of one report: `field → values`, `*` = answered at all. A checklist's answers
 * ("% of stations opened late"); an incident's, what happened and who did it ("12 of vote buying").
 */
export function countedValues(v: CachedVersion, answers: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const f of v.counted) {
    const a = answers[f.key];
    if (a === undefined || a === null) continue;
    if (f.type === 'boolean' && typeof a === 'boolean') out.push([f.key, String(a)]);
    else if (f.type === 'single_choice' && typeof a === 'string') out.push([f.key, a]);
    else if (f.type === 'multiple_choice' && Array.isArray(a)) {
      for (const x of new Set(a)) if (typeof x === 'string') out.push([f.key, x]);
    } else continue;
    out.push([f.key, '*']);
  }
  return out;
}
