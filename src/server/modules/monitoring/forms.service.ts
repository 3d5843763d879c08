import type { z } from 'zod';
import type * as A from '../../../core/forms/api.ts';
import { validateDefinition, type DefinitionIssue } from '../../../core/forms/schema.ts';
import type { FormDefinition, FormField } from '../../../core/forms/types.ts';
import { uuidv7 } from '../../../core/ids.ts';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { inTx, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { getVocabulary } from '../vocab/vocab.service.ts';
import { canChangeForm, canReadFormVersion, requireFormChange } from './forms.access.ts';
import { writeDraft } from './forms.drafts.ts';
import { definitionOf, presentDetail, presentListItem, presentVersion } from './forms.presenter.ts';
import { formsRepo, storedDefinition, type FormRow } from './forms.repo.ts';
import { templateNewer } from './forms.templates.ts';

/**
 * Form templates and versions (issue #5). Managing forms needs `monitoring.review`; reading one version
 * is also open to observers assigned to it (forms.access.ts). Versions: at most one draft, always the
 * latest; publishing freezes it (vocabulary options snapshotted) and the next edit opens a new draft.
 * Every change is audited in its own transaction; a refused definition stores nothing.
 */
export const EXPORT_FORMAT = 'ukuk-form';

export function checkDefinition(input: unknown): FormDefinition {
  const r = validateDefinition(input);
  if (r.ok) return r.definition;
  throw invalid(r.issues);
}

function invalid(issues: DefinitionIssue[]): AppError {
  return new AppError('forms.definition_invalid', {
    params: { path: issues[0]?.path ?? '' },
    details: issues,
  });
}

async function loadForm(ctx: AppContext, id: string): Promise<FormRow> {
  const f = await formsRepo.findForm(ctx.db, id);
  if (!f) throw new AppError('forms.not_found');
  return f;
}

export async function listForms(
  ctx: AppContext,
  actor: Actor | null,
  includeArchived: boolean,
): Promise<z.infer<typeof A.FormList>> {
  requireCap(actor, 'monitoring.review');
  const forms = await formsRepo.listForms(ctx.db, includeArchived);
  const heads = await formsRepo.versionHeads(
    ctx.db,
    forms.map((f) => f.id),
  );
  const byForm = new Map<string, typeof heads>();
  for (const h of heads) byForm.set(h.form_id, [...(byForm.get(h.form_id) ?? []), h]);
  return {
    items: forms
      .filter((f) => byForm.has(f.id))
      .map((f) => {
        const heads = byForm.get(f.id)!;
        const published = heads.find((h) => h.status === 'published');
        return presentListItem(
          f,
          heads,
          templateNewer(f, published?.definition_hash),
          canChangeForm(actor, f),
        );
      }),
  };
}

/** A new form (custom, or imported) with its definition as draft version 1. */
export async function createForm(
  ctx: AppContext,
  actor: Actor | null,
  input: unknown,
  how: 'create' | 'import' = 'create',
): Promise<{ id: string; versionId: string }> {
  requireCap(actor, 'monitoring.review');
  const def = checkDefinition(input);
  return inTx(ctx, async (tx, audit) => {
    const id = uuidv7();
    const versionId = uuidv7();
    const now = new Date().toISOString();
    await formsRepo.insertForm(tx, {
      id,
      key: null,
      kind: def.kind,
      title: JSON.stringify(def.title),
      origin: 'custom',
      archived: 0,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await formsRepo.insertVersion(tx, {
      id: versionId,
      form_id: id,
      version: 1,
      status: 'draft',
      ...storedDefinition(def),
      created_by: actor.userId,
      created_at: now,
      published_at: null,
      published_by: null,
    });
    await audit({
      actorId: actor.userId,
      action: how === 'import' ? 'forms.import' : 'forms.create',
      entityType: 'form',
      entityId: id,
      details: { versionId, kind: def.kind },
    });
    return { id, versionId };
  });
}

export async function getForm(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<z.infer<typeof A.FormDetail>> {
  requireCap(actor, 'monitoring.review');
  const f = await loadForm(ctx, id);
  const heads = await formsRepo.versionHeads(ctx.db, [id]);
  const latest = await formsRepo.latestVersion(ctx.db, id);
  const published = await formsRepo.latestPublished(ctx.db, id);
  return presentDetail(
    f,
    heads,
    latest?.status === 'draft' ? latest : undefined,
    published,
    templateNewer(f, published?.definition_hash),
    canChangeForm(actor, f),
  );
}

/** Save the draft: replaces the open draft, or opens version n+1 when the latest is published. */
export async function saveDraft(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  input: unknown,
): Promise<{ versionId: string; version: number }> {
  requireCap(actor, 'monitoring.review');
  const def = checkDefinition(input);
  return inTx(ctx, async (tx, audit) => {
    const f = await formsRepo.findForm(tx, id);
    if (!f) throw new AppError('forms.not_found');
    requireFormChange(actor, f);
    const ref = await writeDraft(tx, actor, f, def);
    await audit({
      actorId: actor.userId,
      action: 'forms.draft_save',
      entityType: 'form',
      entityId: id,
      details: { versionId: ref.versionId, version: ref.version },
    });
    return ref;
  });
}

/** Fill the options of vocabulary-backed choice fields with the scheme's active terms, as they are now. */
async function snapshotVocabularies(
  ctx: AppContext,
  actor: Actor,
  def: FormDefinition,
): Promise<FormDefinition> {
  const out = structuredClone(def);
  const issues: DefinitionIssue[] = [];
  const fill = async (f: FormField, path: string) => {
    if (!f.vocabulary) return;
    try {
      const v = await getVocabulary(ctx, actor, f.vocabulary);
      f.options = v.terms
        .filter((t) => t.active && /^[a-z0-9][a-z0-9_.-]{0,63}$/.test(t.code))
        .map((t) => ({ key: t.code, label: { ky: t.labels.ky, ru: t.labels.ru, en: t.labels.en } }));
    } catch (err) {
      if (err instanceof AppError && err.code === 'vocab.not_found') {
        issues.push({ path: `${path}.vocabulary`, code: 'vocabulary_unknown' });
      } else throw err;
    }
  };
  for (const [si, s] of out.sections.entries()) {
    for (const [fi, f] of s.fields.entries()) {
      await fill(f, `sections[${si}].fields[${fi}]`);
      for (const [ci, c] of (f.fields ?? []).entries()) {
        await fill(c, `sections[${si}].fields[${fi}].fields[${ci}]`);
      }
    }
  }
  if (issues.length) throw invalid(issues);
  // The snapshot must still be a valid definition (e.g. at most 500 options per field).
  return checkDefinition(out);
}

export async function publishForm(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<{ versionId: string; version: number }> {
  requireCap(actor, 'monitoring.review');
  // An edit saved between reading the draft and publishing it makes the guarded update miss: read the
  // draft again rather than publish what its author no longer sees.
  for (let attempt = 0; attempt < 3; attempt++) {
    const f = await loadForm(ctx, id);
    requireFormChange(actor, f);
    if (f.archived === 1) throw new AppError('forms.archived');
    const latest = await formsRepo.latestVersion(ctx.db, id);
    if (!latest) throw new AppError('forms.not_found');
    // Publishing twice (a double tap) answers the version already published, and writes nothing.
    if (latest.status === 'published') return { versionId: latest.id, version: latest.version };
    const def = await snapshotVocabularies(ctx, actor, definitionOf(latest));
    const done = await inTx(ctx, async (tx, audit) => {
      const now = new Date().toISOString();
      if (!(await formsRepo.publishDraft(tx, latest.id, latest.definition_hash, def, actor.userId, now)))
        return false;
      await formsRepo.touchForm(tx, id, { updated_at: now });
      await audit({
        actorId: actor.userId,
        action: 'forms.publish',
        entityType: 'form',
        entityId: id,
        details: { versionId: latest.id, version: latest.version },
      });
      return true;
    });
    if (done) return { versionId: latest.id, version: latest.version };
  }
  throw new AppError('forms.published_immutable');
}

/** The latest definition (the draft if one is open) in the export format. */
export async function exportForm(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<{ body: z.infer<typeof A.FormExport>; filename: string }> {
  requireCap(actor, 'monitoring.review');
  const f = await loadForm(ctx, id);
  const latest = await formsRepo.latestVersion(ctx.db, id);
  if (!latest) throw new AppError('forms.not_found');
  const definition = definitionOf(latest) as unknown as Record<string, unknown>;
  const name = (f.key ?? `form-${f.id.slice(0, 8)}`).replace(/[^a-z0-9_-]/gi, '_');
  return {
    body: { format: EXPORT_FORMAT, formatVersion: 1, definition },
    filename: `${name}-v${latest.version}.ukuk-form.json`,
  };
}

export async function setArchived(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  archived: boolean,
): Promise<void> {
  requireCap(actor, 'monitoring.review');
  await inTx(ctx, async (tx, audit) => {
    const f = await formsRepo.findForm(tx, id);
    if (!f) throw new AppError('forms.not_found');
    requireFormChange(actor, f);
    if ((f.archived === 1) === archived) return;
    await formsRepo.touchForm(tx, id, { archived: archived ? 1 : 0, updated_at: new Date().toISOString() });
    await audit({
      actorId: actor.userId,
      action: archived ? 'forms.archive' : 'forms.unarchive',
      entityType: 'form',
      entityId: id,
    });
  });
}

/** One version with its flattened fields; not readable = not found, like a missing one. */
export async function getFormVersion(
  ctx: AppContext,
  actor: Actor | null,
  versionId: string,
): Promise<z.infer<typeof A.FormVersionReply>> {
  requireCap(actor, 'monitoring.submit');
  const v = await formsRepo.findVersion(ctx.db, versionId);
  if (!v || !(await canReadFormVersion(ctx, actor, versionId))) throw new AppError('forms.not_found');
  return presentVersion(v);
}

/**
 * A published version's parsed definition, for other modules (submissions check answers with it).
 * Undefined for a missing or draft version. Parsed once per version (published rows never change).
 */
export async function publishedDefinition(
  ctx: AppContext,
  versionId: string,
): Promise<{ formId: string; version: number; definition: FormDefinition } | undefined> {
  const v = await formsRepo.findVersion(ctx.db, versionId);
  if (!v || v.status !== 'published') return undefined;
  return { formId: v.form_id, version: v.version, definition: definitionOf(v) };
}
