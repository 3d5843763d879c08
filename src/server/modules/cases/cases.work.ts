import type { z } from 'zod';
import { uuidv7 } from '../../../core/ids.ts';
import type * as S from '../../../core/schemas/cases.ts';
import type { Actor } from '../../platform/access/policy.ts';
import { auditNow, envelope, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { userNames } from '../users/users.names.ts';
import { loadCase, withCase } from './cases.access.ts';
import { addTimeline } from './cases.timeline.ts';
// Dates of legal work are the organisation's calendar days (Bishkek), not UTC's.
import { zonedDay } from '../../../core/zoned-time.ts';

/** Work on a case: encrypted notes, tasks, time entries, and the timeline of everything. */

export async function addNoteTx(
  ctx: AppContext,
  tx: Executor,
  caseId: string,
  authorId: string,
  body: string,
): Promise<string> {
  const id = uuidv7();
  const { key, wrapped } = envelope(ctx).newRecordKey('case_notes', id);
  await tx
    .insertInto('case_notes')
    .values({
      id,
      case_id: caseId,
      dek: wrapped,
      author_id: authorId,
      body_enc: key.encrypt('body', body),
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

export async function addNote(ctx: AppContext, actor: Actor | null, caseId: string, body: string) {
  return withCase(ctx, actor, caseId, 'edit', async (tx, audit, _access) => {
    const id = await addNoteTx(ctx, tx, caseId, actor!.userId, body);
    await addTimeline(tx, caseId, actor!.userId, 'note.added', id);
    await audit({
      actorId: actor!.userId,
      action: 'case.note_add',
      entityType: 'case',
      entityId: caseId,
      details: { noteId: id },
    });
    return id;
  });
}

export async function listNotes(ctx: AppContext, actor: Actor | null, caseId: string) {
  await loadCase(ctx, actor, caseId);
  const rows = await ctx.db
    .selectFrom('case_notes')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .execute();
  const env = envelope(ctx);
  const names = await userNames(
    ctx,
    rows.map((r) => r.author_id),
  );
  await auditNow(ctx, {
    actorId: actor!.userId,
    action: 'case.notes_read',
    entityType: 'case',
    entityId: caseId,
  });
  return rows.map((r) => ({
    id: r.id,
    body: env.openRecordKey('case_notes', r.id, r.dek).decrypt('body', r.body_enc),
    authorId: r.author_id,
    authorName: names.get(r.author_id) ?? '—',
    createdAt: r.created_at,
  }));
}

async function requireTeamUser(tx: Executor, caseId: string, userId: string, path: string) {
  const m = await tx
    .selectFrom('case_members')
    .select('role')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!m || m.role === 'grant')
    throw new AppError('case.member_invalid', { fields: [{ path, code: 'invalid_value' }] });
}

export async function addTask(
  ctx: AppContext,
  actor: Actor | null,
  caseId: string,
  body: z.infer<typeof S.TaskBody>,
) {
  return withCase(ctx, actor, caseId, 'edit', async (tx, audit, _access) => {
    if (body.assigneeId) await requireTeamUser(tx, caseId, body.assigneeId, 'assigneeId');
    const id = uuidv7();
    const { key, wrapped } = envelope(ctx).newRecordKey('case_tasks', id);
    await tx
      .insertInto('case_tasks')
      .values({
        id,
        case_id: caseId,
        dek: wrapped,
        title_enc: key.encrypt('title', body.title),
        due_on: body.dueOn ?? null,
        assignee_id: body.assigneeId ?? null,
        done_at: null,
        done_by: null,
        created_by: actor!.userId,
        created_at: new Date().toISOString(),
      })
      .execute();
    await addTimeline(tx, caseId, actor!.userId, 'task.added', id, { dueOn: body.dueOn ?? null });
    await audit({
      actorId: actor!.userId,
      action: 'case.task_add',
      entityType: 'case',
      entityId: caseId,
      details: { taskId: id },
    });
    return id;
  });
}

type TaskRow = {
  id: string;
  dek: string;
  title_enc: string;
  due_on: string | null;
  assignee_id: string | null;
  done_at: string | null;
  created_at: string;
};
function presentTask(ctx: AppContext, r: TaskRow) {
  return {
    id: r.id,
    title: envelope(ctx).openRecordKey('case_tasks', r.id, r.dek).decrypt('title', r.title_enc),
    dueOn: r.due_on,
    assigneeId: r.assignee_id,
    done: r.done_at !== null,
    doneAt: r.done_at,
    createdAt: r.created_at,
  };
}

export async function listTasks(ctx: AppContext, actor: Actor | null, caseId: string) {
  await loadCase(ctx, actor, caseId);
  const rows = await ctx.db
    .selectFrom('case_tasks')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('done_at', 'desc')
    .orderBy('due_on')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => presentTask(ctx, r));
}

export async function setTaskDone(
  ctx: AppContext,
  actor: Actor | null,
  caseId: string,
  taskId: string,
  done: boolean,
) {
  return withCase(ctx, actor, caseId, 'edit', async (tx, audit, _access) => {
    const now = new Date().toISOString();
    const r = await tx
      .updateTable('case_tasks')
      .set({ done_at: done ? now : null, done_by: done ? actor!.userId : null })
      .where('id', '=', taskId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('task.not_found');
    await addTimeline(tx, caseId, actor!.userId, done ? 'task.done' : 'task.reopened', taskId);
    await audit({
      actorId: actor!.userId,
      action: 'case.task_update',
      entityType: 'case',
      entityId: caseId,
      details: { taskId, done },
    });
    const row = await tx
      .selectFrom('case_tasks')
      .selectAll()
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();
    return presentTask(ctx, row);
  });
}

export async function addTime(
  ctx: AppContext,
  actor: Actor | null,
  caseId: string,
  body: z.infer<typeof S.TimeBody>,
) {
  return withCase(ctx, actor, caseId, 'edit', async (tx, audit, _access) => {
    if (body.workedOn > zonedDay(Date.now()))
      throw new AppError('validation.failed', { fields: [{ path: 'workedOn', code: 'invalid_value' }] });
    const id = uuidv7();
    const { key, wrapped } = envelope(ctx).newRecordKey('case_time', id);
    await tx
      .insertInto('case_time')
      .values({
        id,
        case_id: caseId,
        dek: wrapped,
        user_id: actor!.userId,
        worked_on: body.workedOn,
        minutes: body.minutes,
        activity: body.activity,
        funder: body.funder ?? null,
        note_enc: key.encrypt('note', body.note || null),
        created_at: new Date().toISOString(),
      })
      .execute();
    await addTimeline(tx, caseId, actor!.userId, 'time.added', id, {
      minutes: body.minutes,
      activity: body.activity,
    });
    await audit({
      actorId: actor!.userId,
      action: 'case.time_add',
      entityType: 'case',
      entityId: caseId,
      details: { timeId: id },
    });
    return id;
  });
}

export async function listTime(ctx: AppContext, actor: Actor | null, caseId: string) {
  await loadCase(ctx, actor, caseId);
  const rows = await ctx.db
    .selectFrom('case_time')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('worked_on', 'desc')
    .execute();
  const env = envelope(ctx);
  const names = await userNames(
    ctx,
    rows.map((r) => r.user_id),
  );
  return {
    totalMinutes: rows.reduce((s, r) => s + r.minutes, 0),
    items: rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      userName: names.get(r.user_id) ?? '—',
      workedOn: r.worked_on,
      minutes: r.minutes,
      activity: r.activity as 'other',
      funder: r.funder,
      note: env.openRecordKey('case_time', r.id, r.dek).decrypt('note', r.note_enc),
    })),
  };
}

export async function listTimeline(ctx: AppContext, actor: Actor | null, caseId: string) {
  await loadCase(ctx, actor, caseId);
  const rows = await ctx.db
    .selectFrom('case_timeline')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  const names = await userNames(
    ctx,
    rows.flatMap((r) => (r.actor_id ? [r.actor_id] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_id ? (names.get(r.actor_id) ?? null) : null,
    kind: r.kind,
    refId: r.ref_id,
    params: JSON.parse(r.params) as Record<string, string | number | boolean | null>,
  }));
}
