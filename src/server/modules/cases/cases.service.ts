import type { z } from 'zod';
import { uuidv7 } from '../../../core/ids.ts';
import { isDistrictOf, isRegionCode } from '../../../core/geo/regions.ts';
import type * as S from '../../../core/schemas/cases.ts';
import { capabilitiesOf, requireCap, type Actor } from '../../platform/access/policy.ts';
import type { Role } from '../../../core/roles.ts';
import { auditNow, envelope, inTx, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import type { CasesTable } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { decryptNames, displayName } from '../people/people.presenter.ts';
import { peopleRepo } from '../people/people.repo.ts';
import { activeUsersWith, userNames } from '../users/users.names.ts';
import { requireCode, requireCodes } from '../vocab/vocab.service.ts';
import { loadCase, withCase, type CaseAccess } from './cases.access.ts';
import { casesRepo, CASE_PAGE } from './cases.repo.ts';
import { addTimeline } from './cases.timeline.ts';
// Dates of legal work are the organisation's calendar days (Bishkek), not UTC's.
import { zonedDay } from '../../../core/zoned-time.ts';
import { indexCase, searchCaseIds } from './cases.search.ts';
import { refreshCaseStats } from './cases.stats.facts.ts';

type Create = z.infer<typeof S.CaseCreate>;
type Patch = z.infer<typeof S.CasePatch>;
type CaseView = z.infer<typeof S.Case>;

export function docketIndex(ctx: AppContext, docket: string): string {
  return envelope(ctx).blindIndex('case.docket', docket.replace(/\s+/g, ''));
}

function checkPlace(region: string | null | undefined, district: string | null | undefined): void {
  if (region && !isRegionCode(region))
    throw new AppError('geo.unknown_region', { fields: [{ path: 'region', code: 'invalid_value' }] });
  if (district && (!region || !isDistrictOf(region, district)))
    throw new AppError('geo.unknown_region', { fields: [{ path: 'district', code: 'invalid_value' }] });
}

/** May a user of this role work on or be granted a case? (The policy table decides, not a role list.) */
function readsCases(role: string): boolean {
  return capabilitiesOf(role as Role).includes('cases.read');
}

/** Users who may be put on a case team or granted access: active users whose role reads cases. */
export async function assignableUsers(ctx: AppContext, actor: Actor | null) {
  requireCap(actor, 'cases.read');
  return activeUsersWith(ctx, 'cases.read');
}

export async function requireAssignable(db: Executor, userId: string, path: string): Promise<void> {
  const u = await db
    .selectFrom('users')
    .select(['role', 'status'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!u || u.status !== 'active' || !readsCases(u.role))
    throw new AppError('case.member_invalid', { fields: [{ path, code: 'invalid_value' }] });
}

export async function createCase(
  ctx: AppContext,
  actor: Actor | null,
  input: Create,
  intakeId: string | null = null,
) {
  requireCap(actor, 'cases.write');
  return inTx(ctx, async (tx, audit) => createCaseTx(ctx, tx, audit, actor, input, intakeId));
}

/** Create a case inside the caller's transaction (the intake decision reuses it). */
export async function createCaseTx(
  ctx: AppContext,
  tx: Executor,
  audit: Parameters<Parameters<typeof inTx>[1]>[1],
  actor: Actor,
  input: Create,
  intakeId: string | null,
): Promise<string> {
  await requireCode(tx, 'case_type', input.type, 'type');
  await requireCodes(tx, 'legal_problem', input.problemCodes ?? [], 'problemCodes');
  checkPlace(input.region, input.district);
  const lead = input.leadUserId ?? actor.userId;
  if (lead !== actor.userId) await requireAssignable(tx, lead, 'leadUserId');
  for (const [i, p] of (input.people ?? []).entries())
    if (!(await peopleRepo.canSee(tx, actor, p.personId)))
      throw new AppError('person.not_found', {
        fields: [{ path: `people.${i}.personId`, code: 'invalid_value' }],
      });
  const id = uuidv7();
  const { key, wrapped } = envelope(ctx).newRecordKey('cases', id);
  const now = new Date().toISOString();
  const openedOn = input.openedOn ?? zonedDay(Date.now());
  await casesRepo.insert(tx, {
    id,
    dek: wrapped,
    number: await casesRepo.nextNumber(tx, Number(openedOn.slice(0, 4))),
    type: input.type,
    status: 'open',
    stage: input.stage ?? null,
    restricted: input.restricted ? 1 : 0,
    region: input.region ?? null,
    district: input.district ?? null,
    title_enc: key.encrypt('title', input.title),
    summary_enc: key.encrypt('summary', input.summary || null),
    court: input.court || null,
    judge: input.judge || null,
    docket_bidx: input.docketNumber ? docketIndex(ctx, input.docketNumber) : null,
    docket_enc: key.encrypt('docket', input.docketNumber || null),
    lead_user_id: lead,
    opened_on: openedOn,
    closed_on: null,
    closing_code: null,
    outcome_enc: null,
    intake_id: intakeId,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  });
  await casesRepo.setMember(tx, id, lead, 'lead', actor.userId);
  await casesRepo.setProblems(tx, id, [...new Set(input.problemCodes ?? [])]);
  await casesRepo.setFunders(tx, id, [...new Set(input.funders ?? [])]);
  for (const p of input.people ?? []) await addPersonTx(tx, id, p.personId, p.role);
  await indexCase(ctx, tx, id, {
    title: input.title,
    summary: input.summary || null,
    court: input.court || null,
    docket: input.docketNumber || null,
  });
  await addTimeline(tx, id, actor.userId, 'case.created', null, { type: input.type });
  await refreshCaseStats(tx, { cases: [id] });
  await audit({
    actorId: actor.userId,
    action: 'case.create',
    entityType: 'case',
    entityId: id,
    details: { type: input.type },
  });
  return id;
}

export async function addPersonTx(
  tx: Executor,
  caseId: string,
  personId: string,
  role: string,
): Promise<string> {
  const id = uuidv7();
  await tx
    .insertInto('case_people')
    .values({ id, case_id: caseId, person_id: personId, role, added_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(['case_id', 'person_id', 'role']).doNothing())
    .execute();
  return id;
}

export async function getCase(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  audited = true,
): Promise<CaseView> {
  const access = await loadCase(ctx, actor, id);
  if (audited)
    await auditNow(ctx, { actorId: actor!.userId, action: 'case.read', entityType: 'case', entityId: id });
  return presentCase(ctx, access);
}

async function presentCase(ctx: AppContext, access: CaseAccess): Promise<CaseView> {
  const row = access.row;
  const env = envelope(ctx);
  const key = env.openRecordKey('cases', row.id, row.dek);
  const [members, people, links, problems, funders] = await Promise.all([
    casesRepo.members(ctx.db, row.id),
    casesRepo.people(ctx.db, row.id),
    casesRepo.links(ctx.db, row.id),
    casesRepo.codes(ctx.db, 'case_problems', row.id),
    casesRepo.funders(ctx.db, row.id),
  ]);
  const names = await userNames(
    ctx,
    members.map((m) => m.user_id),
  );
  const persons = new Map(
    (await peopleRepo.byIds(ctx.db, [...new Set(people.map((p) => p.person_id))])).map((p) => [
      p.id,
      displayName(decryptNames(env, p).names),
    ]),
  );
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    status: row.status as CaseView['status'],
    stage: row.stage as CaseView['stage'],
    restricted: row.restricted === 1,
    title: key.decrypt('title', row.title_enc),
    summary: key.decrypt('summary', row.summary_enc),
    problemCodes: problems.map((p) => p.code),
    region: row.region,
    district: row.district,
    court: row.court,
    judge: row.judge,
    docketNumber: key.decrypt('docket', row.docket_enc),
    funders: funders.map((f) => f.tag),
    leadUserId: row.lead_user_id,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    closingCode: row.closing_code,
    outcomeSummary: key.decrypt('outcome', row.outcome_enc),
    team: members.map((m) => ({
      userId: m.user_id,
      name: names.get(m.user_id) ?? '—',
      role: m.role as 'lead',
    })),
    people: people.map((p) => ({
      id: p.id,
      personId: p.person_id,
      role: p.role as 'client',
      name: persons.get(p.person_id) ?? '—',
    })),
    links: links.map((l) => ({ kind: l.kind as 'violation_event', targetId: l.target_id })),
    canEdit: access.canEdit && row.status === 'open',
    canManageTeam: access.canManageTeam,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function updateCase(ctx: AppContext, actor: Actor | null, id: string, patch: Patch) {
  await withCase(ctx, actor, id, 'edit', async (tx, audit, { row }) => {
    if (row.status === 'closed') throw new AppError('case.closed');
    if (patch.type) await requireCode(tx, 'case_type', patch.type, 'type', [row.type]);
    const oldProblems = (await casesRepo.codes(tx, 'case_problems', id)).map((p) => p.code);
    if (patch.problemCodes)
      await requireCodes(tx, 'legal_problem', patch.problemCodes, 'problemCodes', oldProblems);
    const region = patch.region !== undefined ? patch.region : row.region;
    const district =
      patch.district !== undefined ? patch.district : patch.region !== undefined ? null : row.district;
    checkPlace(region, district);
    // Restricting or un-restricting changes who sees the case: only the lead may do it.
    if (patch.restricted !== undefined && row.lead_user_id !== actor!.userId && actor!.role !== 'admin')
      throw new AppError('auth.forbidden');
    const key = envelope(ctx).openRecordKey('cases', id, row.dek);
    const set = <T>(v: T | undefined, f: (x: T) => Partial<CasesTable>): Partial<CasesTable> =>
      v === undefined ? {} : f(v);
    await casesRepo.update(tx, id, {
      ...set(patch.type, (v) => ({ type: v })),
      ...set(patch.title, (v) => ({ title_enc: key.encrypt('title', v) })),
      ...set(patch.summary, (v) => ({ summary_enc: key.encrypt('summary', v || null) })),
      ...set(patch.restricted, (v) => ({ restricted: v ? 1 : 0 })),
      ...set(patch.court, (v) => ({ court: v || null })),
      ...set(patch.judge, (v) => ({ judge: v || null })),
      ...set(patch.stage, (v) => ({ stage: v })),
      ...set(patch.docketNumber, (v) => ({
        docket_enc: key.encrypt('docket', v || null),
        docket_bidx: v ? docketIndex(ctx, v) : null,
      })),
      region: region ?? null,
      district: district ?? null,
      updated_at: new Date().toISOString(),
    });
    if (['title', 'summary', 'court', 'docketNumber'].some((f) => f in patch)) {
      const now = await tx.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await indexCase(ctx, tx, id, {
        title: key.decrypt('title', now.title_enc),
        summary: key.decrypt('summary', now.summary_enc),
        court: now.court,
        docket: key.decrypt('docket', now.docket_enc),
      });
    }
    if (patch.problemCodes) await casesRepo.setProblems(tx, id, [...new Set(patch.problemCodes)]);
    if (patch.funders) await casesRepo.setFunders(tx, id, [...new Set(patch.funders)]);
    const fields = Object.keys(patch).sort().join(',');
    await addTimeline(tx, id, actor!.userId, 'case.updated', null, { fields });
    await refreshCaseStats(tx, { cases: [id] });
    await audit({
      actorId: actor!.userId,
      action: 'case.update',
      entityType: 'case',
      entityId: id,
      details: { fields },
    });
  });
  return getCase(ctx, actor, id, false);
}

export async function listCases(ctx: AppContext, actor: Actor | null, q: z.infer<typeof S.CasesQuery>) {
  requireCap(actor, 'cases.read');
  const page = q.page ?? 1;
  // Free text: a case number (prefix) or words of the title, summary, court or docket number.
  const text = q.q?.trim();
  const ids = text ? await searchCaseIds(ctx, text) : undefined;
  const f = {
    ...q,
    mine: q.mine === '1',
    ids,
    numberPrefix: text && /^LA-\d/i.test(text) ? text.toUpperCase() : undefined,
  };
  const [{ rows, total }, facets] = await Promise.all([
    casesRepo.list(ctx.db, actor, f, page),
    casesRepo.facets(ctx.db, actor, f),
  ]);
  const env = envelope(ctx);
  const names = await userNames(ctx, [
    ...rows.map((r) => r.lead_user_id),
    ...facets.lawyer.map((l) => l.value),
  ]);
  await auditNow(ctx, {
    actorId: actor.userId,
    action: 'case.list',
    entityType: 'case',
    details: { count: rows.length },
  });
  return {
    total,
    page,
    pageSize: CASE_PAGE,
    facets,
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      type: r.type,
      status: r.status as 'open',
      stage: r.stage as 'appeal' | null,
      restricted: r.restricted === 1,
      title: env.openRecordKey('cases', r.id, r.dek).decrypt('title', r.title_enc),
      region: r.region,
      leadUserId: r.lead_user_id,
      leadName: names.get(r.lead_user_id) ?? '—',
      openedOn: r.opened_on,
      closedOn: r.closed_on,
    })),
  };
}
