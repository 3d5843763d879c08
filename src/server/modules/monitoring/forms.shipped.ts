import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { inTx, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { requireFormChange } from './forms.access.ts';
import { writeDraft } from './forms.drafts.ts';
import { formsRepo, type FormRow } from './forms.repo.ts';
import { shippedTemplate, type ShippedTemplate } from './forms.templates.ts';

/**
 * The template this release ships, offered to an installation that imported an earlier one (ADR 0022):
 * taken as a draft, which goes through the normal publish (version n+1; reports keep their version), or
 * turned down until the shipped file changes again. Same right as every other form change
 * (`requireFormChange`).
 */
async function templateForm(
  tx: Executor,
  actor: Actor,
  id: string,
): Promise<{ f: FormRow; shipped: ShippedTemplate }> {
  const f = await formsRepo.findForm(tx, id);
  if (!f) throw new AppError('forms.not_found');
  requireFormChange(actor, f);
  const shipped = shippedTemplate(f.key);
  if (!shipped) throw new AppError('forms.not_template');
  return { f, shipped };
}

/** Load the shipped definition as the draft; an open draft is replaced only when `replaceDraft`. */
export async function loadShippedTemplate(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  replaceDraft: boolean,
): Promise<{ versionId: string; version: number }> {
  requireCap(actor, 'monitoring.review');
  return inTx(ctx, async (tx, audit) => {
    const { f, shipped } = await templateForm(tx, actor, id);
    if (f.archived === 1) throw new AppError('forms.archived');
    const latest = await formsRepo.latestVersion(tx, id);
    const hadDraft = latest?.status === 'draft';
    // The draft may hold someone's unpublished work: it goes only when the person saw that and agreed.
    if (hadDraft && !replaceDraft) {
      throw new AppError('forms.draft_exists', { params: { version: latest.version } });
    }
    const ref = await writeDraft(tx, actor, f, structuredClone(shipped.definition));
    await formsRepo.setTemplateHash(tx, id, shipped.hash);
    await audit({
      actorId: actor.userId,
      action: 'forms.template_load',
      entityType: 'form',
      entityId: id,
      details: {
        versionId: ref.versionId,
        version: ref.version,
        replacedDraft: hadDraft,
        hash: shipped.hash,
      },
    });
    return ref;
  });
}

/** Hide the offer until the shipped definition changes again. Turning it down twice writes nothing. */
export async function dismissShippedTemplate(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<void> {
  requireCap(actor, 'monitoring.review');
  await inTx(ctx, async (tx, audit) => {
    const { f, shipped } = await templateForm(tx, actor, id);
    if (f.template_hash === shipped.hash) return;
    await formsRepo.setTemplateHash(tx, id, shipped.hash);
    await audit({
      actorId: actor.userId,
      action: 'forms.template_dismiss',
      entityType: 'form',
      entityId: id,
      details: { hash: shipped.hash },
    });
  });
}
