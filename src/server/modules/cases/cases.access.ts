import { sql, type Expression, type SqlBool } from 'kysely';
import { can, requireCap, type Actor } from '../../platform/access/policy.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { auditNow, inTx, type AppContext } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/db.ts';
import type { CasesTable } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Need-to-know for legal cases (SECURITY.md, ADR 0006), in one place for every part of the module and
 * for later modules (calendar, documents, people):
 * - a case is visible to its team (lead, co-counsel, paralegal) and to users granted access to it;
 * - an administrator also sees every case that is not restricted (supervision, reassignment);
 * - a restricted case is visible to its team and grants only;
 * - work on a case (notes, tasks, documents, hearings) needs `cases.write` and a team role; a grant is
 *   read-only; the team is managed by the lead (or an administrator for unrestricted cases).
 * A case the actor may not see answers `case.not_found`, exactly like a missing one.
 */
export type MemberRole = 'lead' | 'co_counsel' | 'paralegal' | 'grant';

export interface CaseAccess {
  row: CasesTable;
  memberRole: MemberRole | null;
  canEdit: boolean;
  canManageTeam: boolean;
}

/** SQL condition "the actor may see this case", for lists, calendars and statistics detail. */
export function caseVisibleTo(
  actor: Actor,
  caseIdColumn: string,
  restrictedColumn: string,
): Expression<SqlBool> {
  const member = sql<SqlBool>`exists (select 1 from case_members cm where cm.case_id = ${sql.ref(caseIdColumn)} and cm.user_id = ${actor.userId})`;
  if (actor.role === 'admin') return sql<SqlBool>`(${sql.ref(restrictedColumn)} = 0 or ${member})`;
  return member;
}

export function accessFor(actor: Actor, row: CasesTable, memberRole: MemberRole | null): CaseAccess | null {
  if (!can(actor, 'cases.read')) return null;
  const visible = memberRole !== null || (actor.role === 'admin' && row.restricted === 0);
  if (!visible) return null;
  const onTeam = memberRole !== null && memberRole !== 'grant';
  return {
    row,
    memberRole,
    canEdit: can(actor, 'cases.write') && onTeam,
    canManageTeam: memberRole === 'lead' || (actor.role === 'admin' && row.restricted === 0),
  };
}

/**
 * Load a case the actor may see, or throw `case.not_found`. A refused look at an existing case is
 * audited (adversary 3 in SECURITY.md: a logged-in user reaching beyond their need to know).
 */
export async function loadCase(
  ctx: AppContext,
  actor: Actor | null,
  caseId: string,
  need: 'read' | 'edit' | 'team' = 'read',
  db: Executor = ctx.db,
): Promise<CaseAccess> {
  requireCap(actor, 'cases.read');
  const row = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!row) throw new AppError('case.not_found');
  const m = await db
    .selectFrom('case_members')
    .select('role')
    .where('case_id', '=', caseId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  const access = accessFor(actor, row, (m?.role as MemberRole | undefined) ?? null);
  if (!access) {
    // Inside a transaction the entry would roll back with it (and SQLite's one connection would wait
    // on itself): callers that write check once before their transaction, where the denial is audited.
    if (db === ctx.db)
      await auditNow(ctx, {
        actorId: actor.userId,
        action: 'case.access_denied',
        entityType: 'case',
        entityId: caseId,
        details: {},
      });
    throw new AppError('case.not_found');
  }
  if (need === 'edit' && !access.canEdit) throw new AppError('auth.forbidden');
  if (need === 'team' && !access.canManageTeam) throw new AppError('auth.forbidden');
  return access;
}

/**
 * A change to one case: the access check runs once outside the transaction (so a refusal is audited
 * and answered before anything starts) and again inside it, on the row the change will use.
 */
export async function withCase<T>(
  ctx: AppContext,
  actor: Actor | null,
  caseId: string,
  need: 'read' | 'edit' | 'team',
  fn: (tx: Tx, audit: (e: AuditEntry) => Promise<void>, access: CaseAccess) => Promise<T>,
): Promise<T> {
  await loadCase(ctx, actor, caseId, need);
  return inTx(ctx, async (tx, audit) => fn(tx, audit, await loadCase(ctx, actor, caseId, need, tx)));
}
