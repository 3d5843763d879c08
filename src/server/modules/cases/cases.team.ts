import type { z } from 'zod';
import type * as S from '../../../core/schemas/cases.ts';
import type { Actor } from '../../platform/access/policy.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { envelope, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { peopleRepo } from '../people/people.repo.ts';
import { requireCode } from '../vocab/vocab.service.ts';
import { requireLinkTarget } from '../violations/violations.links.ts';
import { withCase } from './cases.access.ts';
import { casesRepo } from './cases.repo.ts';
import { addPersonTx, getCase, requireAssignable } from './cases.service.ts';
import { refreshCaseStats } from './cases.stats.facts.ts';
import { addNoteTx } from './cases.work.ts';
import { addTimeline } from './cases.timeline.ts';
// Dates of legal work are the organisation's calendar days (Bishkek), not UTC's.
import { zonedDay } from '../../../core/zoned-time.ts';

/** Team, grants, people in roles, links, closing and reopening: the changes around a case file. */

export async function addMember(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  body: z.infer<typeof S.MemberBody>,
) {
  await requireAssignable(ctx.db, body.userId, 'userId');
  await withCase(ctx, actor, id, 'team', async (tx, audit, { row }) => {
    // The lead is changed by making someone else lead; the case always has exactly one.
    if (body.role === 'lead') {
      await casesRepo.setMember(tx, id, row.lead_user_id, 'co_counsel', actor!.userId);
      await casesRepo.update(tx, id, { lead_user_id: body.userId, updated_at: new Date().toISOString() });
    } else if (body.userId === row.lead_user_id) throw new AppError('case.lead_required');
    await casesRepo.setMember(tx, id, body.userId, body.role, actor!.userId);
    await addTimeline(tx, id, actor!.userId, 'member.added', body.userId, { role: body.role });
    await audit({
      actorId: actor!.userId,
      action: body.role === 'grant' ? 'case.grant' : 'case.member_add',
      entityType: 'case',
      entityId: id,
      details: { userId: body.userId, role: body.role },
    });
  });
  return getCase(ctx, actor, id, false);
}

export async function removeMember(ctx: AppContext, actor: Actor | null, id: string, userId: string) {
  await withCase(ctx, actor, id, 'team', async (tx, audit, { row }) => {
    if (userId === row.lead_user_id) throw new AppError('case.lead_required');
    await casesRepo.removeMember(tx, id, userId);
    await addTimeline(tx, id, actor!.userId, 'member.removed', userId);
    await audit({
      actorId: actor!.userId,
      action: 'case.member_remove',
      entityType: 'case',
      entityId: id,
      details: { userId },
    });
  });
  return getCase(ctx, actor, id, false);
}

export async function addCasePerson(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  body: z.infer<typeof S.CasePersonBody>,
) {
  await withCase(ctx, actor, id, 'edit', async (tx, audit, _access) => {
    if (!(await peopleRepo.canSee(tx, actor!, body.personId)))
      throw new AppError('person.not_found', { fields: [{ path: 'personId', code: 'invalid_value' }] });
    const person = await peopleRepo.byId(tx, body.personId);
    if (person?.merged_into) throw new AppError('person.merged');
    const linkId = await addPersonTx(tx, id, body.personId, body.role);
    await addTimeline(tx, id, actor!.userId, 'person.added', body.personId, { role: body.role });
    await refreshCaseStats(tx, { cases: [id] });
    await audit({
      actorId: actor!.userId,
      action: 'case.person_add',
      entityType: 'case',
      entityId: id,
      details: { personId: body.personId, role: body.role, linkId },
    });
  });
  return getCase(ctx, actor, id, false);
}

export async function removeCasePerson(ctx: AppContext, actor: Actor | null, id: string, linkId: string) {
  await withCase(ctx, actor, id, 'edit', async (tx, audit, _access) => {
    const link = await tx
      .selectFrom('case_people')
      .selectAll()
      .where('id', '=', linkId)
      .where('case_id', '=', id)
      .executeTakeFirst();
    if (!link) throw new AppError('person.not_found');
    await tx.deleteFrom('case_people').where('id', '=', linkId).execute();
    await addTimeline(tx, id, actor!.userId, 'person.removed', link.person_id, { role: link.role });
    await refreshCaseStats(tx, { cases: [id], people: [link.person_id] });
    await audit({
      actorId: actor!.userId,
      action: 'case.person_remove',
      entityType: 'case',
      entityId: id,
      details: { personId: link.person_id, role: link.role },
    });
  });
  return getCase(ctx, actor, id, false);
}

export async function addLink(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  body: z.infer<typeof S.LinkBody>,
) {
  await withCase(ctx, actor, id, 'edit', async (tx, audit, _access) =>
    addLinkTx(tx, audit, actor!, id, body),
  );
  return getCase(ctx, actor, id, false);
}

/**
 * A link from a case to a violation record inside the caller's transaction, once the caller knows the
 * actor may edit the case (also used when a monitoring report becomes both: review.convert.ts).
 */
export async function addLinkTx(
  tx: Tx,
  audit: (e: AuditEntry) => Promise<void>,
  actor: Actor,
  id: string,
  body: z.infer<typeof S.LinkBody>,
) {
  // Only an event or act that exists and that this user may see (404 on `targetId` otherwise).
  await requireLinkTarget(tx, actor, body.kind, body.targetId);
  await tx
    .insertInto('case_links')
    .values({ case_id: id, kind: body.kind, target_id: body.targetId, added_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(['case_id', 'kind', 'target_id']).doNothing())
    .execute();
  await addTimeline(tx, id, actor.userId, 'link.added', body.targetId, { kind: body.kind });
  await audit({
    actorId: actor.userId,
    action: 'case.link_add',
    entityType: 'case',
    entityId: id,
    details: { ...body },
  });
}

export async function removeLink(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  kind: string,
  targetId: string,
) {
  await withCase(ctx, actor, id, 'edit', async (tx, audit, _access) => {
    await tx
      .deleteFrom('case_links')
      .where('case_id', '=', id)
      .where('kind', '=', kind)
      .where('target_id', '=', targetId)
      .execute();
    await addTimeline(tx, id, actor!.userId, 'link.removed', targetId, { kind });
    await audit({
      actorId: actor!.userId,
      action: 'case.link_remove',
      entityType: 'case',
      entityId: id,
      details: { kind, targetId },
    });
  });
  return getCase(ctx, actor, id, false);
}

export async function closeCase(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  body: z.infer<typeof S.CloseBody>,
) {
  await withCase(ctx, actor, id, 'edit', async (tx, audit, { row }) => {
    if (row.status === 'closed') throw new AppError('case.closed');
    await requireCode(tx, 'closing_code', body.closingCode, 'closingCode');
    // Group headings (defence, victim, general) are not outcomes.
    if (!body.closingCode.includes('.'))
      throw new AppError('vocab.unknown_code', { fields: [{ path: 'closingCode', code: 'invalid_value' }] });
    const closedOn = body.closedOn ?? zonedDay(Date.now());
    if (closedOn < row.opened_on)
      throw new AppError('validation.failed', { fields: [{ path: 'closedOn', code: 'invalid_value' }] });
    const key = envelope(ctx).openRecordKey('cases', id, row.dek);
    await casesRepo.update(tx, id, {
      status: 'closed',
      closed_on: closedOn,
      closing_code: body.closingCode,
      outcome_enc: key.encrypt('outcome', body.outcomeSummary),
      updated_at: new Date().toISOString(),
    });
    await addTimeline(tx, id, actor!.userId, 'case.closed', null, {
      closingCode: body.closingCode,
      closedOn,
    });
    await refreshCaseStats(tx, { cases: [id] });
    await audit({
      actorId: actor!.userId,
      action: 'case.close',
      entityType: 'case',
      entityId: id,
      details: { closingCode: body.closingCode },
    });
  });
  return getCase(ctx, actor, id, false);
}

export async function reopenCase(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  body: z.infer<typeof S.ReopenBody>,
) {
  await withCase(ctx, actor, id, 'read', async (tx, audit, access) => {
    if (!access.canEdit && !access.canManageTeam) throw new AppError('auth.forbidden');
    if (access.row.status !== 'closed') throw new AppError('case.not_closed');
    await casesRepo.update(tx, id, {
      status: 'open',
      closed_on: null,
      closing_code: null,
      updated_at: new Date().toISOString(),
    });
    // The reason is case content: it goes into an encrypted note, the timeline only records the event.
    const noteId = await addNoteTx(ctx, tx, id, actor!.userId, body.reason);
    await addTimeline(tx, id, actor!.userId, 'case.reopened', noteId, {
      previousCode: access.row.closing_code,
    });
    await refreshCaseStats(tx, { cases: [id] });
    await audit({ actorId: actor!.userId, action: 'case.reopen', entityType: 'case', entityId: id });
  });
  return getCase(ctx, actor, id, false);
}
