import { can, type Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';

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
