import { uuidv7 } from '../../../core/ids.ts';
import type {
  ConflictOut,
  HearingCreateIn,
  HearingKind,
  HearingOut,
  HearingPatchIn,
} from '../../../core/schemas/calendar.ts';
import type { Actor } from '../../platform/access/policy.ts';
import { auditNow, envelope, inTx, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { loadCase, type CaseAccess } from '../cases/cases.access.ts';
import { addTimeline } from '../cases/cases.timeline.ts';
import { decryptUser } from '../users/users.presenter.ts';
import { usersRepo } from '../users/users.repo.ts';
import { scheduleReminders } from './calendar.jobs.ts';
import { presentConflict, presentHearing } from './calendar.presenter.ts';
import { hearingsRepo, type HearingRow } from './calendar.repo.ts';

const HOUR = 3_600_000;
/** A hearing lasts at most a day; longer spans are typing mistakes, and conflict checks assume it. */
const MAX_HEARING_MS = 24 * HOUR;

const iso = (s: string) => new Date(s).toISOString();
const invalid = (path: string, code: string) =>
  new AppError('validation.failed', { fields: [{ path, code }] });

/** Names of users by id (decrypted), for lawyer columns. */
export async function userNames(ctx: AppContext, ids: string[]): Promise<Map<string, string>> {
  const env = envelope(ctx);
  const rows = await usersRepo.byIds(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, decryptUser(env, r).name]));
}

/** UTC start and end of a hearing or deadline; a hearing defaults to one hour, a deadline has no end. */
function timesOf(kind: HearingKind, startsAt: string, endsAt: string | null | undefined) {
  const start = iso(startsAt);
  if (kind === 'deadline') return { start, end: null };
  const end = endsAt ? iso(endsAt) : new Date(Date.parse(start) + HOUR).toISOString();
  if (end <= start) throw invalid('endsAt', 'end_before_start');
  if (Date.parse(end) - Date.parse(start) > MAX_HEARING_MS) throw invalid('endsAt', 'invalid_value');
  return { start, end };
}

/** Times after a change: moving a hearing without a new end keeps its length. */
function patchedTimes(h: HearingRow, kind: HearingKind, patch: HearingPatchIn) {
  const startsAt = patch.startsAt ?? h.starts_at;
  let endsAt = patch.endsAt;
  if (endsAt === undefined && h.ends_at !== null) {
    const length = Date.parse(h.ends_at) - Date.parse(h.starts_at);
    endsAt = new Date(Date.parse(startsAt) + length).toISOString();
  }
  return timesOf(kind, startsAt, endsAt);
}

async function requireAttending(ctx: AppContext, caseId: string, lawyerId: string): Promise<void> {
  if (!(await hearingsRepo.teamMember(ctx.db, caseId, lawyerId))) throw invalid('lawyerId', 'invalid_value');
}

/** Other hearings of the lawyer at the same time (none for a deadline). */
async function conflictsOf(
  ctx: AppContext,
  actor: Actor,
  h: { id: string; lawyerId: string; start: string; end: string | null },
): Promise<ConflictOut[]> {
  if (h.end === null) return [];
  const rows = await hearingsRepo.overlapping(ctx.db, actor, {
    id: h.id,
    lawyerId: h.lawyerId,
    start: h.start,
    end: h.end,
  });
  return rows.map(presentConflict);
}

/** Add a hearing or deadline to a case (a team member who may edit it); returns clashes to warn about. */
export async function createHearing(
  ctx: AppContext,
  actor: Actor | null,
  caseId: string,
  input: HearingCreateIn,
): Promise<{ id: string; conflicts: ConflictOut[] }> {
  const access = await loadCase(ctx, actor, caseId, 'edit');
  const me = actor!;
  if (access.row.status === 'closed') throw new AppError('case.closed');
  const { start, end } = timesOf(input.kind, input.startsAt, input.endsAt);
  const lawyerId = input.lawyerId ?? me.userId;
  await requireAttending(ctx, caseId, lawyerId);
  const id = uuidv7();
  const { key, wrapped } = envelope(ctx).newRecordKey('hearings', id);
  const now = new Date().toISOString();
  await inTx(ctx, async (tx, audit) => {
    await hearingsRepo.insert(tx, {
      id,
      case_id: caseId,
      dek: wrapped,
      kind: input.kind,
      starts_at: start,
      ends_at: end,
      court: input.court || null,
      room: input.room || null,
      note_enc: input.note ? key.encrypt('note', input.note) : null,
      lawyer_id: lawyerId,
      created_by: me.userId,
      created_at: now,
      updated_at: now,
      cancelled_at: null,
    });
    await addTimeline(tx, caseId, me.userId, 'hearing.added', id, { kind: input.kind, startsAt: start });
    await audit({
      actorId: me.userId,
      action: 'hearing.create',
      entityType: 'hearing',
      entityId: id,
      details: { caseId, kind: input.kind },
    });
    await scheduleReminders(ctx, tx, id, start);
  });
  return { id, conflicts: await conflictsOf(ctx, me, { id, lawyerId, start, end }) };
}

/** A case's hearings and deadlines (cancelled ones too, marked), for anyone who may read the case. */
export async function listCaseHearings(
  ctx: AppContext,
  actor: Actor | null,
  caseId: string,
): Promise<HearingOut[]> {
  await loadCase(ctx, actor, caseId, 'read');
  const rows = await hearingsRepo.listByCase(ctx.db, caseId);
  const names = await userNames(
    ctx,
    rows.map((r) => r.lawyer_id),
  );
  // Notes are case content: reading them is recorded like any read of a case record.
  if (rows.some((r) => r.note_enc))
    await auditNow(ctx, {
      actorId: actor!.userId,
      action: 'hearing.list_read',
      entityType: 'case',
      entityId: caseId,
      details: { count: rows.length },
    });
  const env = envelope(ctx);
  return rows.map((r) => presentHearing(env, r, names));
}

/** Load a hearing through its case's rules; a hearing of a case the actor may not see is not found. */
async function loadHearing(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<{ h: HearingRow; access: CaseAccess; actor: Actor }> {
  const h = await hearingsRepo.byId(ctx.db, id);
  if (!h) throw new AppError('hearing.not_found');
  let access: CaseAccess;
  try {
    access = await loadCase(ctx, actor, h.case_id, 'edit');
  } catch (e) {
    if (e instanceof AppError && e.code === 'case.not_found') throw new AppError('hearing.not_found');
    throw e;
  }
  if (h.cancelled_at !== null) throw new AppError('hearing.cancelled');
  return { h, access, actor: actor! };
}

/** Change a hearing; moving it re-queues its reminders. Returns the clashes at its new time. */
export async function updateHearing(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  patch: HearingPatchIn,
): Promise<{ id: string; conflicts: ConflictOut[] }> {
  const { h, access, actor } = await loadHearing(ctx, actorIn, id);
  if (access.row.status === 'closed') throw new AppError('case.closed');
  const kind = patch.kind ?? (h.kind as HearingKind);
  const { start, end } = patchedTimes(h, kind, patch);
  const lawyerId = patch.lawyerId ?? h.lawyer_id;
  if (lawyerId !== h.lawyer_id) await requireAttending(ctx, h.case_id, lawyerId);
  const set: Partial<HearingRow> = {};
  if (kind !== h.kind) set.kind = kind;
  if (start !== h.starts_at) set.starts_at = start;
  if (end !== h.ends_at) set.ends_at = end;
  if (lawyerId !== h.lawyer_id) set.lawyer_id = lawyerId;
  if (patch.court !== undefined && (patch.court || null) !== h.court) set.court = patch.court || null;
  if (patch.room !== undefined && (patch.room || null) !== h.room) set.room = patch.room || null;
  if (patch.note !== undefined) {
    const key = envelope(ctx).openRecordKey('hearings', h.id, h.dek);
    set.note_enc = patch.note ? key.encrypt('note', patch.note) : null;
  }
  const fields = Object.keys(set).map((k) => (k === 'note_enc' ? 'note' : k));
  if (fields.length > 0)
    await inTx(ctx, async (tx, audit) => {
      await hearingsRepo.update(tx, id, { ...set, updated_at: new Date().toISOString() });
      const moved = set.starts_at !== undefined;
      await addTimeline(
        tx,
        h.case_id,
        actor.userId,
        moved ? 'hearing.moved' : 'hearing.updated',
        id,
        moved ? { kind, from: h.starts_at, to: start } : { kind, fields: fields.join(',') },
      );
      await audit({
        actorId: actor.userId,
        action: 'hearing.update',
        entityType: 'hearing',
        entityId: id,
        details: { caseId: h.case_id, fields },
      });
      if (moved) await scheduleReminders(ctx, tx, id, start);
    });
  return { id, conflicts: await conflictsOf(ctx, actor, { id, lawyerId, start, end }) };
}

/** Cancel a hearing: it stays on the case (struck through) and its reminders do nothing. */
export async function cancelHearing(ctx: AppContext, actorIn: Actor | null, id: string): Promise<void> {
  const { h, actor } = await loadHearing(ctx, actorIn, id);
  await inTx(ctx, async (tx, audit) => {
    const now = new Date().toISOString();
    await hearingsRepo.update(tx, id, { cancelled_at: now, updated_at: now });
    await addTimeline(tx, h.case_id, actor.userId, 'hearing.cancelled', id, {
      kind: h.kind,
      startsAt: h.starts_at,
    });
    await audit({
      actorId: actor.userId,
      action: 'hearing.cancel',
      entityType: 'hearing',
      entityId: id,
      details: { caseId: h.case_id },
    });
  });
}
