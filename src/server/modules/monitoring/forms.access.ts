import { can, type Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/** The template key of the public incident form (shipped by the forms module). */
export const PUBLIC_FORM_KEY = 'public_incident';

/**
 * Who may change a form (drafts, publishing, archiving, the shipped template): every holder of
 * `monitoring.review`, except for the public incident form — anyone on the internet fills in its
 * latest published version, so only an administrator changes or archives it (ADR 0024). Missions pin
 * versions of the other forms, so a new version of those changes no running mission.
 */
export function canChangeForm(actor: Actor, form: { key: string | null }): boolean {
  return can(actor, 'monitoring.review') && (form.key !== PUBLIC_FORM_KEY || actor.role === 'admin');
}

export function requireFormChange(actor: Actor, form: { key: string | null }): void {
  if (!canChangeForm(actor, form)) throw new AppError('forms.public_admin');
}

/**
 * Who may read one form version. Holders of `monitoring.review` read every version; anyone else only
 * when a registered reader says yes — the missions module registers the observer rule ("assigned to a
 * site of a mission that uses this version"), so this module does not need to know about missions.
 * Deny by default: with no reader registered, an observer reads nothing.
 */
export type FormVersionReader = (ctx: AppContext, actor: Actor, versionId: string) => Promise<boolean>;

const readers: FormVersionReader[] = [];

export function registerFormVersionReader(fn: FormVersionReader): void {
  if (!readers.includes(fn)) readers.push(fn);
}

export async function canReadFormVersion(ctx: AppContext, actor: Actor, versionId: string): Promise<boolean> {
  if (can(actor, 'monitoring.review')) return true;
  for (const read of readers) if (await read(ctx, actor, versionId)) return true;
  return false;
}
