import type { z } from 'zod';
import type * as A from '../../../core/forms/api.ts';
import { flattenFields } from '../../../core/forms/flatten.ts';
import type { FormDefinition, FormKind, L10n } from '../../../core/forms/types.ts';
import type { FormRow, VersionRow } from './forms.repo.ts';

type Head = Pick<
  VersionRow,
  'id' | 'form_id' | 'version' | 'status' | 'published_at' | 'published_by' | 'definition_hash'
>;
type Status = 'draft' | 'published';
type Origin = 'template' | 'custom';

/** Parsed definitions of published versions: they never change, so one parse per version is enough. */
const parsed = new Map<string, FormDefinition>();
const PARSED_MAX = 500;

export function definitionOf(v: Pick<VersionRow, 'id' | 'status' | 'definition'>): FormDefinition {
  if (v.status !== 'published') return JSON.parse(v.definition) as FormDefinition;
  let def = parsed.get(v.id);
  if (!def) {
    def = JSON.parse(v.definition) as FormDefinition;
    if (parsed.size >= PARSED_MAX) parsed.delete(parsed.keys().next().value!);
    parsed.set(v.id, def);
  }
  return def;
}

const title = (f: FormRow) => JSON.parse(f.title) as L10n;

export function presentListItem(
  f: FormRow,
  heads: Head[],
  templateUpdate: boolean,
  editable: boolean,
): z.infer<typeof A.FormListItem> {
  const latest = heads[0]!;
  const published = heads.find((h) => h.status === 'published');
  return {
    id: f.id,
    key: f.key,
    kind: f.kind as FormKind,
    title: title(f),
    origin: f.origin as Origin,
    archived: f.archived === 1,
    latestVersion: { id: latest.id, version: latest.version, status: latest.status as Status },
    publishedVersionId: published?.id ?? null,
    templateUpdate,
    editable,
    updatedAt: f.updated_at,
  };
}

export function presentDetail(
  f: FormRow,
  heads: Head[],
  draft: VersionRow | undefined,
  published: VersionRow | undefined,
  templateUpdate: boolean,
  editable: boolean,
): z.infer<typeof A.FormDetail> {
  const body = (v: VersionRow | undefined) =>
    v
      ? { id: v.id, version: v.version, definition: definitionOf(v) as unknown as Record<string, unknown> }
      : null;
  return {
    id: f.id,
    key: f.key,
    kind: f.kind as FormKind,
    title: title(f),
    origin: f.origin as Origin,
    archived: f.archived === 1,
    versions: heads.map((h) => ({
      id: h.id,
      version: h.version,
      status: h.status as Status,
      publishedAt: h.published_at,
      publishedBy: h.published_by,
    })),
    draft: body(draft),
    published: body(published),
    templateUpdate,
    editable,
  };
}

export function presentVersion(v: VersionRow): z.infer<typeof A.FormVersionReply> {
  const def = definitionOf(v);
  return {
    id: v.id,
    formId: v.form_id,
    version: v.version,
    status: v.status as Status,
    kind: def.kind,
    fields: flattenFields(def),
    definition: def as unknown as Record<string, unknown>,
  };
}
