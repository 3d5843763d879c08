import type { FormDefinition } from '../../../core/forms/types.ts';
import { uuidv7 } from '../../../core/ids.ts';
import type { Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { formsRepo, storedDefinition, type FormRow } from './forms.repo.ts';

/**
 * Write a checked definition as the form's draft, inside the caller's transaction: the open draft is
 * replaced, or version n+1 opens when the latest is published. The caller audits.
 */
export async function writeDraft(
  tx: Executor,
  actor: Actor,
  f: FormRow,
  def: FormDefinition,
): Promise<{ versionId: string; version: number }> {
  if (f.archived === 1) throw new AppError('forms.archived');
  const latest = await formsRepo.latestVersion(tx, f.id);
  const now = new Date().toISOString();
  let ref: { versionId: string; version: number };
  if (latest?.status === 'draft') {
    await formsRepo.updateDraft(tx, latest.id, def);
    ref = { versionId: latest.id, version: latest.version };
  } else {
    ref = { versionId: uuidv7(), version: (latest?.version ?? 0) + 1 };
    await formsRepo.insertVersion(tx, {
      id: ref.versionId,
      form_id: f.id,
      version: ref.version,
      status: 'draft',
      ...storedDefinition(def),
      created_by: actor.userId,
      created_at: now,
      published_at: null,
      published_by: null,
    });
  }
  await formsRepo.touchForm(tx, f.id, { kind: def.kind, title: JSON.stringify(def.title), updated_at: now });
  return ref;
}
