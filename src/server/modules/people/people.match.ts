import type { z } from 'zod';
import { bestMatch, MATCH_THRESHOLD, nameTokens } from '../../../core/names/index.ts';
import type * as S from '../../../core/schemas/people.ts';
import type { Locale } from '../../../core/roles.ts';
import type { Actor } from '../../platform/access/policy.ts';
import { auditNow, envelope, type AppContext } from '../../platform/context.ts';
import { tr } from '../../platform/i18n.ts';
import { lookupKeys } from './people.keys.ts';
import { decryptNames, displayName } from './people.presenter.ts';
import { peopleRepo } from './people.repo.ts';

type MatchView = z.infer<typeof S.Match>;
type Role = MatchView['roles'][number];

/** How many candidates (by shared keys) are decrypted and scored; the rest are never opened. */
const CANDIDATES = 60;
const MAX_RESULTS = 20;

/** Roles on opposite sides of a case: holding one while taking the other is a conflict of interest. */
const OUR_SIDE = new Set<Role>(['client', 'victim']);
const OTHER_SIDE = new Set<Role>(['opposing_party', 'perpetrator']);

export function isConflict(forRole: Role | undefined, roles: readonly Role[]): boolean {
  if (forRole && OUR_SIDE.has(forRole)) return roles.some((r) => OTHER_SIDE.has(r));
  if (forRole && OTHER_SIDE.has(forRole)) return roles.some((r) => OUR_SIDE.has(r));
  return false;
}

/**
 * The conflict and duplicate check. Step 1 looks up candidates by blind-index keys (no decryption);
 * step 2 decrypts only those candidates' names and scores them with the same comparison the benchmark
 * measures. People in records the user may not open are still reported (a conflict must show), but
 * without their name. Every check is audited (it is a search of the registry).
 */
export async function findMatches(
  ctx: AppContext,
  actor: Actor,
  body: z.infer<typeof S.MatchBody>,
  locale: Locale,
  opts: { threshold?: number; limit?: number; audit?: boolean } = {},
): Promise<MatchView[]> {
  const env = envelope(ctx);
  const keys = lookupKeys(env, body.name, body.idNumber);
  const idKey = keys.find((k) => k.kind === 'idn')?.key;
  const cands = await peopleRepo.candidates(
    ctx.db,
    keys.map((k) => k.key),
    opts.limit ?? CANDIDATES,
  );
  const ids = cands.map((c) => c.id).filter((id) => id !== body.excludeId);
  const [rows, byId] = await Promise.all([
    peopleRepo.byIds(ctx.db, ids),
    peopleRepo.idMatches(ctx.db, idKey, ids),
  ]);
  const q = nameTokens(body.name);
  const threshold = opts.threshold ?? MATCH_THRESHOLD;
  const scored = rows
    .map((row) => {
      const n = decryptNames(env, row);
      const m = bestMatch(q, [...n.names, ...n.aliases]);
      const idHit = byId.has(row.id);
      const score = idHit ? Math.max(m.score, 0.99) : m.score;
      const reasons = idHit ? ['id_number', ...m.reasons] : m.reasons;
      return { row, name: displayName(n.names), score, reasons };
    })
    .filter((s) => s.score >= threshold)
    .sort((a, b) => b.score - a.score || a.row.id.localeCompare(b.row.id))
    .slice(0, opts.limit ?? MAX_RESULTS);
  const found = scored.map((s) => s.row.id);
  const [visible, roles] = await Promise.all([
    peopleRepo.visibleIds(ctx.db, actor, found),
    peopleRepo.allRoles(ctx.db, found),
  ]);
  if (opts.audit !== false)
    await auditNow(ctx, {
      actorId: actor.userId,
      action: 'person.match',
      entityType: 'person',
      details: { results: found.length },
    });
  return scored.map((s) => {
    const r = [...new Set(roles.filter((x) => x.person_id === s.row.id).map((x) => x.role as Role))];
    const seen = visible.has(s.row.id);
    return {
      id: s.row.id,
      score: Math.round(s.score * 1000) / 1000,
      reason: s.reasons.map((code) => tr(locale, `errors:match_reason.${code}`)).join('; '),
      reasons: s.reasons as MatchView['reasons'],
      visible: seen,
      name: seen ? s.name : null,
      roles: r,
      conflict: isConflict(body.forRole, r),
    };
  });
}
