import type { z } from 'zod';
import { uuidv7 } from '../../../core/ids.ts';
import type { Locale } from '../../../core/roles.ts';
import type * as S from '../../../core/schemas/cases.ts';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { auditNow, envelope, inTx, type AppContext } from '../../platform/context.ts';
import type { IntakesTable } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { createCaseTx } from '../cases/cases.service.ts';
import { findMatches } from '../people/people.match.ts';
import { decryptNames, displayName } from '../people/people.presenter.ts';
import { peopleRepo } from '../people/people.repo.ts';
import { requireCode, requireCodes } from '../vocab/vocab.service.ts';
import { assess, loadRules, saveRules, type Means, type Rules } from './intake.rules.ts';

type IntakeView = z.infer<typeof S.Intake>;
type StoredConflict = Omit<NonNullable<IntakeView['conflicts']>[number], 'visible' | 'name'>;

/** Names of the matched people, read now: only those this user may see, the rest stay anonymous. */
async function withNames(ctx: AppContext, actor: Actor, list: StoredConflict[]) {
  const ids = list.map((c) => c.personId);
  const visible = await peopleRepo.visibleIds(ctx.db, actor, ids);
  const rows = await peopleRepo.byIds(ctx.db, [...visible]);
  const names = new Map(rows.map((p) => [p.id, displayName(decryptNames(envelope(ctx), p).names)]));
  return list.map((c) => ({ ...c, visible: visible.has(c.personId), name: names.get(c.personId) ?? null }));
}

/**
 * Intake: who → problem → urgency → eligibility → conflict check → decision. An intake is seen by the
 * user who took it and by administrators (it holds the person's story before any case team exists).
 */
async function load(ctx: AppContext, actor: Actor | null, id: string): Promise<IntakesTable> {
  requireCap(actor, 'cases.write');
  const row = await ctx.db.selectFrom('intakes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (row.created_by !== actor.userId && actor.role !== 'admin'))
    throw new AppError('intake.not_found');
  return row;
}

function means(ctx: AppContext, row: IntakesTable): Means {
  const key = envelope(ctx).openRecordKey('intakes', row.id, row.dek);
  const raw = key.decrypt('eligibility', row.eligibility_enc);
  const m = raw ? (JSON.parse(raw) as Partial<Means>) : {};
  return {
    householdIncome: m.householdIncome ?? null,
    householdSize: m.householdSize ?? null,
    assets: m.assets ?? null,
  };
}

async function present(ctx: AppContext, actor: Actor, row: IntakesTable): Promise<IntakeView> {
  const key = envelope(ctx).openRecordKey('intakes', row.id, row.dek);
  const person = row.person_id ? await peopleRepo.byId(ctx.db, row.person_id) : undefined;
  return {
    id: row.id,
    personId: row.person_id,
    personName: person ? displayName(decryptNames(envelope(ctx), person).names) : null,
    status: row.status as 'draft',
    urgency: row.urgency as IntakeView['urgency'],
    caseType: row.case_type,
    problemCodes: JSON.parse(row.problem_codes) as string[],
    description: key.decrypt('description', row.description_enc),
    eligibility: means(ctx, row),
    eligible: row.eligible === null ? null : row.eligible === 1,
    eligibilityBasis: (row.eligibility_basis ?? 'unknown') as IntakeView['eligibilityBasis'],
    overrideReason: key.decrypt('override_reason', row.override_reason_enc),
    conflicts: row.conflicts
      ? await withNames(ctx, actor, JSON.parse(row.conflicts) as StoredConflict[])
      : null,
    conflictCheckedAt: row.conflict_checked_at,
    decision: row.decision as IntakeView['decision'],
    decisionReason: key.decrypt('decision_reason', row.decision_reason_enc),
    referredTo: key.decrypt('referred_to', row.referred_to_enc),
    caseId: row.case_id,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
  };
}

export async function createIntake(ctx: AppContext, actor: Actor | null, personId: string) {
  requireCap(actor, 'cases.write');
  return inTx(ctx, async (tx, audit) => {
    if (!(await peopleRepo.canSee(tx, actor, personId)))
      throw new AppError('person.not_found', { fields: [{ path: 'personId', code: 'invalid_value' }] });
    const id = uuidv7();
    const { wrapped } = envelope(ctx).newRecordKey('intakes', id);
    const now = new Date().toISOString();
    await tx
      .insertInto('intakes')
      .values({
        id,
        dek: wrapped,
        person_id: personId,
        status: 'draft',
        urgency: null,
        case_type: null,
        problem_codes: '[]',
        description_enc: null,
        eligibility_enc: null,
        eligible: null,
        eligibility_basis: 'unknown',
        override_reason_enc: null,
        conflicts: null,
        conflict_checked_at: null,
        decision: null,
        decision_reason_enc: null,
        referred_to_enc: null,
        case_id: null,
        created_by: actor.userId,
        decided_by: null,
        created_at: now,
        updated_at: now,
        decided_at: null,
      })
      .execute();
    await audit({
      actorId: actor.userId,
      action: 'intake.create',
      entityType: 'intake',
      entityId: id,
      details: { personId },
    });
    return id;
  });
}

export async function getIntake(ctx: AppContext, actor: Actor | null, id: string) {
  const row = await load(ctx, actor, id);
  await auditNow(ctx, { actorId: actor!.userId, action: 'intake.read', entityType: 'intake', entityId: id });
  return present(ctx, actor!, row);
}

export async function listIntakes(ctx: AppContext, actor: Actor | null, status?: 'draft' | 'decided') {
  requireCap(actor, 'cases.write');
  let q = ctx.db.selectFrom('intakes').selectAll().orderBy('created_at', 'desc').limit(200);
  if (actor.role !== 'admin') q = q.where('created_by', '=', actor.userId);
  if (status) q = q.where('status', '=', status);
  const rows = await q.execute();
  const people = new Map(
    (
      await peopleRepo.byIds(
        ctx.db,
        rows.flatMap((r) => (r.person_id ? [r.person_id] : [])),
      )
    ).map((p) => [p.id, displayName(decryptNames(envelope(ctx), p).names)]),
  );
  return rows.map((r) => ({
    id: r.id,
    personName: r.person_id ? (people.get(r.person_id) ?? null) : null,
    status: r.status as 'draft',
    urgency: r.urgency as IntakeView['urgency'],
    decision: r.decision as IntakeView['decision'],
    createdAt: r.created_at,
  }));
}

export async function updateIntake(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  patch: z.infer<typeof S.IntakePatch>,
) {
  const row = await load(ctx, actor, id);
  if (row.status === 'decided') throw new AppError('intake.decided');
  await inTx(ctx, async (tx, audit) => {
    if (patch.caseType) await requireCode(tx, 'case_type', patch.caseType, 'caseType');
    if (patch.problemCodes) await requireCodes(tx, 'legal_problem', patch.problemCodes, 'problemCodes');
    const key = envelope(ctx).openRecordKey('intakes', id, row.dek);
    const m = patch.eligibility
      ? {
          householdIncome: patch.eligibility.householdIncome ?? null,
          householdSize: patch.eligibility.householdSize ?? null,
          assets: patch.eligibility.assets ?? null,
        }
      : means(ctx, row);
    const problems = patch.problemCodes ?? (JSON.parse(row.problem_codes) as string[]);
    const vul = (await peopleRepo.vulnerabilities(tx, row.person_id ? [row.person_id] : [])).map(
      (v) => v.code,
    );
    const rulesAnswer = assess(await loadRules(tx), [...vul, ...problems], m);
    const override = patch.override !== undefined ? patch.override : undefined;
    const keepOverride = override === undefined && row.eligibility_basis === 'override';
    const eligible = override ? override.eligible : keepOverride ? row.eligible === 1 : rulesAnswer.eligible;
    await tx
      .updateTable('intakes')
      .set({
        ...(patch.description !== undefined
          ? { description_enc: key.encrypt('description', patch.description || null) }
          : {}),
        ...(patch.caseType ? { case_type: patch.caseType } : {}),
        ...(patch.urgency ? { urgency: patch.urgency } : {}),
        problem_codes: JSON.stringify([...new Set(problems)]),
        eligibility_enc: key.encrypt('eligibility', JSON.stringify(m)),
        eligible: eligible === null ? null : eligible ? 1 : 0,
        eligibility_basis: override || keepOverride ? 'override' : rulesAnswer.basis,
        ...(override !== undefined
          ? { override_reason_enc: key.encrypt('override_reason', override ? override.reason : null) }
          : {}),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await audit({
      actorId: actor!.userId,
      action: override ? 'intake.eligibility_override' : 'intake.update',
      entityType: 'intake',
      entityId: id,
      details: { fields: Object.keys(patch).sort().join(',') },
    });
  });
  return getIntake(ctx, actor, id);
}

/** Run the conflict check for the intake's person (all their names) against every person in any role. */
export async function conflictCheck(ctx: AppContext, actor: Actor | null, id: string, locale: Locale) {
  const row = await load(ctx, actor, id);
  if (row.status === 'decided') throw new AppError('intake.decided');
  const person = row.person_id ? await peopleRepo.byId(ctx.db, row.person_id) : undefined;
  if (!person) throw new AppError('intake.incomplete');
  const n = decryptNames(envelope(ctx), person);
  const found = new Map<string, StoredConflict>();
  for (const name of [...n.names, ...n.aliases]) {
    const matches = await findMatches(
      ctx,
      actor!,
      { name, excludeId: person.id, forRole: 'client' },
      locale,
      { audit: false },
    );
    for (const m of matches)
      if (!found.has(m.id) || found.get(m.id)!.score < m.score)
        found.set(m.id, {
          personId: m.id,
          score: m.score,
          reasons: m.reasons,
          roles: m.roles,
          conflict: m.conflict,
        });
  }
  const conflicts = [...found.values()].sort(
    (a, b) => Number(b.conflict) - Number(a.conflict) || b.score - a.score,
  );
  await inTx(ctx, async (tx, audit) => {
    const now = new Date().toISOString();
    await tx
      .updateTable('intakes')
      .set({ conflicts: JSON.stringify(conflicts), conflict_checked_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
    await audit({
      actorId: actor!.userId,
      action: 'intake.conflict_check',
      entityType: 'intake',
      entityId: id,
      details: { matches: conflicts.length, conflicts: conflicts.filter((c) => c.conflict).length },
    });
  });
  return getIntake(ctx, actor, id);
}

export async function decideIntake(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  body: z.infer<typeof S.DecisionBody>,
) {
  const row = await load(ctx, actor, id);
  if (row.status === 'decided') throw new AppError('intake.decided');
  if (!row.person_id || !row.conflict_checked_at) throw new AppError('intake.incomplete');
  const need = (path: 'reason' | 'referredTo') => {
    if (!body[path]) throw new AppError('validation.failed', { fields: [{ path, code: 'required' }] });
  };
  if (body.decision !== 'accept') need('reason');
  if (body.decision === 'refer') need('referredTo');
  if (body.decision === 'accept' && !row.case_type) throw new AppError('intake.incomplete');
  await inTx(ctx, async (tx, audit) => {
    const key = envelope(ctx).openRecordKey('intakes', id, row.dek);
    let caseId: string | null = null;
    if (body.decision === 'accept') {
      const person = await peopleRepo.byId(tx, row.person_id!);
      const title = body.title ?? displayName(decryptNames(envelope(ctx), person!).names);
      caseId = await createCaseTx(
        ctx,
        tx,
        audit,
        actor!,
        {
          type: row.case_type!,
          title,
          problemCodes: JSON.parse(row.problem_codes) as string[],
          restricted: body.restricted ?? false,
          ...(person?.region ? { region: person.region } : {}),
          ...(person?.district ? { district: person.district } : {}),
          ...(body.leadUserId ? { leadUserId: body.leadUserId } : {}),
          people: [{ personId: row.person_id!, role: 'client' }],
        },
        id,
      );
      const summary = key.decrypt('description', row.description_enc);
      if (summary) {
        const c = await tx
          .selectFrom('cases')
          .select('dek')
          .where('id', '=', caseId)
          .executeTakeFirstOrThrow();
        const ck = envelope(ctx).openRecordKey('cases', caseId, c.dek);
        await tx
          .updateTable('cases')
          .set({ summary_enc: ck.encrypt('summary', summary) })
          .where('id', '=', caseId)
          .execute();
      }
    }
    const now = new Date().toISOString();
    await tx
      .updateTable('intakes')
      .set({
        status: 'decided',
        decision: body.decision,
        decision_reason_enc: key.encrypt('decision_reason', body.reason ?? null),
        referred_to_enc: key.encrypt('referred_to', body.referredTo ?? null),
        case_id: caseId,
        decided_by: actor!.userId,
        decided_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await audit({
      actorId: actor!.userId,
      action: 'intake.decide',
      entityType: 'intake',
      entityId: id,
      details: { decision: body.decision, caseId },
    });
  });
  return getIntake(ctx, actor, id);
}

export async function getRules(ctx: AppContext, actor: Actor | null): Promise<Rules> {
  requireCap(actor, 'cases.read');
  return loadRules(ctx.db);
}

export async function setRules(ctx: AppContext, actor: Actor | null, rules: Rules): Promise<Rules> {
  requireCap(actor, 'settings.manage');
  await inTx(ctx, async (tx, audit) => {
    await saveRules(tx, rules);
    await audit({
      actorId: actor.userId,
      action: 'settings.eligibility',
      entityType: 'settings',
      details: {},
    });
  });
  return rules;
}
