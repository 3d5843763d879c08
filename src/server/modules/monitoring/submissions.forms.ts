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
  /**
   * Boolean and choice fields: what the dashboard counts, per report for top-level questions and per
   * entry for a repeat group's (one detention visit's interviews, ADR 0038).
   */
  counted: FlatField[];
  /** Repeat groups with a counted question: their entries and the reports having any are counted too. */
  groups: string[];
  /**
   * File/signature questions (top-level, and repeat children with `parent`), with the kind of file a
   * file question asks for (`accept`: photo, audio, video; none or `any` takes every kind).
   */
  fileFields: FileField[];
}

export type FileField = FlatField & { accept?: string };

/** What each file question of a definition accepts, by `key` or `group.child`. */
function acceptsOf(definition: FormDefinition): Map<string, string> {
  const out = new Map<string, string>();
  for (const sec of definition.sections)
    for (const top of sec.fields) {
      if (top.accept) out.set(top.key, top.accept);
      for (const c of top.fields ?? []) if (c.accept) out.set(`${top.key}.${c.key}`, c.accept);
    }
  return out;
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
  const accepts = acceptsOf(definition);
  const v: CachedVersion = {
    id: row.id,
    formId: row.form_id,
    kind: definition.kind,
    title: definition.title,
    definition,
    flat,
    counted: flat.filter(
      (f) => f.type === 'boolean' || f.type === 'single_choice' || f.type === 'multiple_choice',
    ),
    fileFields: flat
      .filter((f) => f.type === 'file' || f.type === 'signature')
      .map((f) => ({ ...f, accept: accepts.get(f.parent ? `${f.parent}.${f.key}` : f.key) })),
    groups: [],
  };
  v.groups = [...new Set(v.counted.flatMap((f) => (f.parent ? [f.parent] : [])))];
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(id, v);
  return v;
}

/** Upload ids named by the file/signature answers (repeat children included), with their field. */
export function uploadIdsOf(
  v: CachedVersion,
  answers: Record<string, unknown>,
): { id: string; field: FileField }[] {
  const ids: { id: string; field: FileField }[] = [];
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

/** The counter key of a counted field: its key, or `group.child` for an entry's (keys have no dots). */
export const countedPath = (f: FlatField): string => (f.parent ? `${f.parent}.${f.key}` : f.key);
/**
 * The counter key of a repeat group itself (`group.`, no child): value `*` once per report with an
 * entry, `#` once per entry, so the dashboard can say "5 interviews in 2 visit reports".
 */
export const groupPath = (group: string): string => `${group}.`;

/**
 * Dashboard counter keys of one report: `field → values`, `*` = answered at all. A checklist's answers
 * ("% of stations opened late"); an incident's, what happened and who did it ("12 of vote buying").
 * A repeat group's question is counted once per entry that answers it, under `group.child`: "in 7 of
 * 30 interviews ill-treatment was reported" (ADR 0038). So a pair may come more than once.
 */
export function countedValues(v: CachedVersion, answers: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const g of v.groups) {
    const entries = answers[g];
    if (!Array.isArray(entries) || entries.length === 0) continue;
    out.push([groupPath(g), '*']);
    for (let i = 0; i < entries.length; i++) out.push([groupPath(g), '#']);
  }
  for (const f of v.counted) {
    if (!f.parent) {
      pushAnswer(out, f, f.key, answers[f.key]);
      continue;
    }
    const entries = answers[f.parent];
    if (!Array.isArray(entries)) continue;
    const path = countedPath(f);
    for (const e of entries)
      if (e && typeof e === 'object') pushAnswer(out, f, path, (e as Record<string, unknown>)[f.key]);
  }
  return out;
}

function pushAnswer(out: [string, string][], f: FlatField, path: string, a: unknown): void {
  if (a === undefined || a === null) return;
  if (f.type === 'boolean' && typeof a === 'boolean') out.push([path, String(a)]);
  else if (f.type === 'single_choice' && typeof a === 'string') out.push([path, a]);
  else if (f.type === 'multiple_choice' && Array.isArray(a)) {
    for (const x of new Set(a)) if (typeof x === 'string') out.push([path, x]);
  } else return;
  out.push([path, '*']);
}
