import { uuidv7 } from '../../../core/ids.ts';
import { requireReauth, type Actor } from '../../platform/access/policy.ts';
import { inTx, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { emailIndex } from '../users/users.service.ts';
import { loadMission, regionInScope, requireReviewer } from './monitoring.access.ts';
import {
  checkSitesCsv,
  sameAsSites,
  sameNameLines,
  type SameAsSite,
  type LineIssue,
  type SameName,
  type SiteLine,
} from './sites.import.ts';
import { KIND_OF_MISSION, mayObserve } from './sites.service.ts';

/**
 * The observers' e-mails of every line as user ids, through the e-mail blind index (addresses are
 * stored encrypted). A line naming an address with no account that may observe gets one issue; the
 * answer does not say which of the two it was, so an import does not tell a coordinator whether an
 * address belongs to some other kind of account.
 */
async function resolveObservers(
  ctx: AppContext,
  lines: SiteLine[],
  issues: LineIssue[],
): Promise<Map<number, string[]>> {
  const emails = [...new Set(lines.flatMap((l) => l.observers ?? []))];
  const byIndex = new Map(emails.map((e) => [emailIndex(ctx, e), e]));
  const users = byIndex.size
    ? await ctx.db
        .selectFrom('users')
        .select(['id', 'role', 'status', 'email_bidx'])
        .where('email_bidx', 'in', [...byIndex.keys()])
        .execute()
    : [];
  const idOf = new Map(users.filter(mayObserve).map((u) => [byIndex.get(u.email_bidx)!, u.id] as const));
  const out = new Map<number, string[]>();
  // A line already refused for its observers cell (its shape, too many) is not named twice.
  const refused = new Set(issues.filter((i) => i.field === 'observers').map((i) => i.line));
  for (const l of lines) {
    if (!l.observers || refused.has(l.line)) continue;
    const ids = l.observers.map((e) => idOf.get(e));
    if (ids.some((id) => !id)) issues.push({ line: l.line, field: 'observers', code: 'unknown_observer' });
    else out.set(l.line, ids as string[]);
  }
  return out;
}

/**
 * Import sites from CSV: all or nothing; existing codes are updated, new ones created. A line with
 * observers' e-mails makes them the site's observers (replacing who was there); an empty cell leaves
 * the site's observers as they are. A region coordinator imports only into their regions.
 */
export async function importSites(
  ctx: AppContext,
  actor: Actor | null,
  missionId: string,
  csv: string,
): Promise<{
  created: number;
  updated: number;
  assigned: number;
  sameName: SameName[];
  sameAsSite: SameAsSite[];
}> {
  const a = await loadMission(ctx, actor, missionId);
  requireReviewer(a);
  const { lines, issues } = checkSitesCsv(csv);
  for (const l of lines) {
    if (!regionInScope(a.scope, l.region))
      // Named as what it is: the region exists, it is someone else's part of the mission.
      issues.push({ line: l.line, field: 'region', code: 'region_not_yours' });
    // An election-day station is visited once (ADR 0037); the site dialog does not ask there either.
    if (a.row.kind === 'election' && l.visits !== null && l.visits !== 1)
      issues.push({ line: l.line, field: 'visits', code: 'visits_election' });
  }
  const observers = await resolveObservers(ctx, lines, issues);
  if (issues.length)
    throw new AppError('sites.import_invalid', {
      details: issues.sort((x, y) => x.line - y.line).slice(0, 200),
    });
  // A bulk action (SECURITY.md): hundreds of sites and their observers at once. Asked only once the
  // file is sound, so fixing a file does not cost a code each time (as the users' import does).
  requireReauth(actor!);
  const kind = KIND_OF_MISSION[a.row.kind] ?? 'other';
  return inTx(ctx, async (tx, audit) => {
    const existing = new Map(
      (
        await tx
          .selectFrom('sites')
          .select(['id', 'code', 'name', 'region', 'district'])
          .where('mission_id', '=', missionId)
          .execute()
      ).map((r) => [r.code, r]),
    );
    const sameAsSite = sameAsSites(lines, [...existing.values()]);
    let created = 0;
    let updated = 0;
    const now = new Date().toISOString();
    const assigned: string[] = [];
    for (const l of lines) {
      const old = existing.get(l.code);
      const fields = {
        name: l.name,
        region: l.region,
        district: l.district,
        place: l.place,
        lat: l.lat,
        lon: l.lon,
      };
      let siteId: string;
      if (old) {
        if (!regionInScope(a.scope, old.region)) throw new AppError('auth.forbidden');
        siteId = old.id;
        await tx
          .updateTable('sites')
          // An empty visits cell keeps what the site has: a re-imported list of names plans nothing.
          .set({ ...fields, ...(l.visits !== null ? { visits: l.visits } : {}), updated_at: now })
          .where('id', '=', old.id)
          .execute();
        updated++;
      } else {
        siteId = uuidv7();
        await tx
          .insertInto('sites')
          .values({
            id: siteId,
            mission_id: missionId,
            code: l.code,
            kind,
            ...fields,
            visits: l.visits ?? 1,
            created_at: now,
            updated_at: now,
          })
          .execute();
        created++;
      }
      const people = observers.get(l.line);
      if (people) {
        await tx.deleteFrom('site_observers').where('site_id', '=', siteId).execute();
        await tx
          .insertInto('site_observers')
          .values(people.map((user_id) => ({ site_id: siteId, user_id, mission_id: missionId })))
          .execute();
        assigned.push(siteId);
      }
    }
    await audit({
      actorId: actor!.userId,
      action: 'monitoring.sites_import',
      entityType: 'mission',
      entityId: missionId,
      details: { created, updated, assigned: assigned.length },
    });
    return { created, updated, assigned: assigned.length, sameName: sameNameLines(lines), sameAsSite };
  });
}
