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
