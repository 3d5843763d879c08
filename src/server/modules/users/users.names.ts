import type { Role } from '../../../core/roles.ts';
import { capabilitiesOf, type Capability } from '../../platform/access/policy.ts';
import { envelope, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { decryptUser } from './users.presenter.ts';
import { usersRepo } from './users.repo.ts';

/** Display names of users (case teams, note authors, audit actors): one query, not one per user. */
export async function userNames(
  ctx: AppContext,
  ids: readonly string[],
  db: Executor = ctx.db,
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const env = envelope(ctx);
  const rows = await usersRepo.byIds(db, unique);
  return new Map(rows.map((row) => [row.id, decryptUser(env, row).name]));
}

/**
 * Active users whose role holds a capability, with display names, sorted by name: the pick lists of
 * case teams and event members. Names only: nothing else about the users is shown. `invited` adds the
 * accounts not set up yet (observers are placed on their stations before election day).
 */
export async function activeUsersWith(
  ctx: AppContext,
  cap: Capability,
  opts: { invited?: boolean } = {},
): Promise<{ id: string; name: string; role: string; invited: boolean }[]> {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'role', 'status'])
    .where('status', 'in', opts.invited ? ['active', 'invited'] : ['active'])
    .execute();
  const ok = rows.filter((r) => capabilitiesOf(r.role as Role).includes(cap));
  const names = await userNames(
    ctx,
    ok.map((r) => r.id),
  );
  return ok
    .map((r) => ({ id: r.id, name: names.get(r.id) ?? '—', role: r.role, invited: r.status === 'invited' }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
