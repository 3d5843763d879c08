import { sql, type Expression, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { uuidv7 } from '../../../core/ids.ts';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { envelope, inTx, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { userNames } from '../users/users.names.ts';
import { presentFieldMessage, presentMissionMessage } from './messages.presenter.ts';
import type * as S from './messages.schemas.ts';
import { loadMission, regionInScope, requireReviewer, type Scope } from './monitoring.access.ts';

type Input = z.infer<typeof S.MessageCreate>;
type View = z.infer<typeof S.MissionMessage>;
type FieldView = z.infer<typeof S.FieldMessage>;

/** A reviewer's list shows the newest 200; a phone keeps the newest 100 of its missions. */
const LIST_LIMIT = 200;
const FIELD_LIMIT = 100;

/**
 * Whether `user` (a column or a value) is addressed by the message (alias `mm`): an observer of a site
 * of its mission, in its region when it names one. Asked at every read, so an observer moved to
 * another region or taken off the mission stops receiving that region's messages at once.
 */
function addressed(user: Expression<unknown> | string): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from site_observers ao inner join sites asite on asite.id = ao.site_id inner join users au on au.id = ao.user_id where ao.mission_id = mm.mission_id and ao.user_id = ${user} and au.status <> 'disabled' and (mm.region is null or asite.region = mm.region))`;
}

/**
 * Whether the reader `user` observes in one of `regions` of the message's mission: a region's
 * coordinator counts a message to everybody over their regions only, as every other figure they see
 * (the whole mission's count would tell them how many observers the other regions have).
 */
function observesIn(user: Expression<unknown>, regions: string[]): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from site_observers wo inner join sites ws on ws.id = wo.site_id where wo.mission_id = mm.mission_id and wo.user_id = ${user} and ws.region in (${sql.join(regions)}))`;
}

/** A message to a region needs that region in the sender's part; one to everybody, the whole mission. */
function mayAddress(scope: Scope, region: string | null): boolean {
  return region === null ? scope.kind === 'all' : regionInScope(scope, region);
}

/**
 * A coordinator's message to the observers of the mission, or of one of its regions (ADR 0033): what
 * election day needs to tell everyone at once ("voting extended until 21:00", "send the counting
 * checklist"), which the phones download with their assignments and show on their home screen.
 */
export async function sendMessage(
  ctx: AppContext,
  actor: Actor | null,
  missionId: string,
  input: Input,
): Promise<{ id: string; recipients: number }> {
  const a = await loadMission(ctx, actor, missionId);
  requireReviewer(a);
  if (!mayAddress(a.scope, input.region)) throw new AppError('messages.region_not_yours');
  if (a.row.status === 'closed') throw new AppError('messages.mission_closed');
  const id = uuidv7();
  const { key, wrapped } = envelope(ctx).newRecordKey('mission_messages', id);
  await inTx(ctx, async (tx, audit) => {
    await tx
      .insertInto('mission_messages')
      .values({
        id,
        mission_id: missionId,
        region: input.region,
        dek: wrapped,
        body_enc: key.encrypt('body', input.text),
        author_id: actor!.userId,
        created_at: new Date().toISOString(),
        withdrawn_at: null,
        withdrawn_by: null,
      })
      .execute();
    await audit({
      actorId: actor!.userId,
      action: 'monitoring.message_send',
      entityType: 'mission',
      entityId: missionId,
      details: { message: id, region: input.region ?? '*' },
    });
  });
  // Said at once: "sent" to a region nobody observes in read as delivered (observers placed there
  // later still get it with their assignments).
  return { id, recipients: (await recipients(ctx, missionId, a.scope))(input.region) };
}

/**
 * The observers each region has in the mission (disabled accounts left out), and those of several
 * regions together, a person counted once: everybody for a whole-mission reviewer, their regions for a
 * region's coordinator.
 */
async function recipients(
  ctx: AppContext,
  missionId: string,
  scope: Scope,
): Promise<(region: string | null) => number> {
  const rows = await ctx.db
    .selectFrom('site_observers as so')
    .innerJoin('sites as s', 's.id', 'so.site_id')
    .innerJoin('users as u', 'u.id', 'so.user_id')
    .select(['s.region', 'so.user_id'])
    .distinct()
    .where('so.mission_id', '=', missionId)
    .where('u.status', '<>', 'disabled')
    .execute();
  const byRegion = new Map<string, Set<string>>();
  for (const r of rows) byRegion.set(r.region, (byRegion.get(r.region) ?? new Set()).add(r.user_id));
  const seen = rows.filter((r) => regionInScope(scope, r.region));
  const all = new Set(seen.map((r) => r.user_id)).size;
  return (region) => (region === null ? all : (byRegion.get(region)?.size ?? 0));
}

/** The mission's messages a reviewer's part of it covers (to their regions, and to everybody), newest first. */
export async function listMessages(
  ctx: AppContext,
  actor: Actor | null,
  missionId: string,
): Promise<{ items: View[] }> {
  const a = await loadMission(ctx, actor, missionId);
  requireReviewer(a);
  const scope = a.scope;
  const within = scope.kind === 'regions' ? scope.regions : null;
  let q = ctx.db
    .selectFrom('mission_messages as mm')
    .selectAll('mm')
    // Reads of those still addressed: "read by 3 of 12" never counts someone taken off the mission.
    .select((eb) =>
      eb
        .selectFrom('mission_message_reads as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.message_id', '=', 'mm.id')
        .where(addressed(sql.ref('r.user_id')))
        .$if(within !== null, (w) => w.where(observesIn(sql.ref('r.user_id'), within!)))
        .as('reads'),
    )
    .where('mm.mission_id', '=', missionId);
  if (within) q = q.where((eb) => eb.or([eb('mm.region', 'is', null), eb('mm.region', 'in', within)]));
  const rows = await q.orderBy('mm.created_at', 'desc').orderBy('mm.id', 'desc').limit(LIST_LIMIT).execute();
  const [count, names] = await Promise.all([
    recipients(ctx, missionId, scope),
    userNames(
      ctx,
      rows.map((r) => r.author_id),
    ),
  ]);
  const env = envelope(ctx);
  return {
    items: rows.map(({ reads, ...r }) =>
      presentMissionMessage(env, r, {
        authorName: names.get(r.author_id) ?? '',
        recipients: count(r.region),
        read: Number(reads ?? 0),
        canWithdraw: r.withdrawn_at === null && (scope.kind === 'all' || r.author_id === actor!.userId),
      }),
    ),
  };
}

/**
 * Withdraws a message sent by mistake: phones drop it at their next update (one that showed it already
 * showed it; the list says so). Its author, or a coordinator of the whole mission, may; the row stays.
 */
export async function withdrawMessage(ctx: AppContext, actor: Actor | null, id: string): Promise<void> {
  requireCap(actor, 'monitoring.review');
  const row = await ctx.db.selectFrom('mission_messages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('messages.not_found');
  // Every way of not reaching the message answers alike: no telling a message from a made-up id.
  const a = await loadMission(ctx, actor, row.mission_id).catch(() => null);
  if (!a || a.scope.kind === 'observer') throw new AppError('messages.not_found');
  if (row.region !== null && !regionInScope(a.scope, row.region)) throw new AppError('messages.not_found');
  if (a.scope.kind !== 'all' && row.author_id !== actor.userId) throw new AppError('auth.forbidden');
  if (row.withdrawn_at !== null) return;
  await inTx(ctx, async (tx, audit) => {
    await tx
      .updateTable('mission_messages')
      .set({ withdrawn_at: new Date().toISOString(), withdrawn_by: actor.userId })
      .where('id', '=', id)
      .where('withdrawn_at', 'is', null)
      .execute();
    await audit({
      actorId: actor.userId,
      action: 'monitoring.message_withdraw',
      entityType: 'mission',
      entityId: row.mission_id,
      details: { message: id },
    });
  });
}

/** What the field app downloads: the messages addressed to this observer in their active missions. */
export async function fieldMessages(ctx: AppContext, actor: Actor | null): Promise<{ items: FieldView[] }> {
  requireCap(actor, 'monitoring.submit');
  const me = actor.userId;
  const rows = await ctx.db
    .selectFrom('mission_messages as mm')
    .innerJoin('missions as mi', 'mi.id', 'mm.mission_id')
    .select(['mm.id', 'mm.mission_id', 'mi.title', 'mm.dek', 'mm.body_enc', 'mm.created_at'])
    .select((eb) =>
      eb
        .selectFrom('mission_message_reads as r')
        .select('r.user_id')
        .whereRef('r.message_id', '=', 'mm.id')
        .where('r.user_id', '=', me)
        .as('readBy'),
    )
    .where('mi.status', '=', 'active')
    .where('mm.withdrawn_at', 'is', null)
    .where(addressed(me))
    .orderBy('mm.created_at', 'desc')
    .orderBy('mm.id', 'desc')
    .limit(FIELD_LIMIT)
    .execute();
  const env = envelope(ctx);
  return {
    items: rows.map((r) => presentFieldMessage(env, r)),
  };
}

/**
 * "Got it" from a phone, for messages read there (offline ones come in one go when it is back). Ids that
 * are not addressed to the observer are passed over: the phone can do nothing about them.
 */
export async function markMessagesRead(
  ctx: AppContext,
  actor: Actor | null,
  ids: string[],
): Promise<{ read: number }> {
  requireCap(actor, 'monitoring.submit');
  const me = actor.userId;
  const mine = await ctx.db
    .selectFrom('mission_messages as mm')
    .select('mm.id')
    .where('mm.id', 'in', [...new Set(ids)])
    .where(addressed(me))
    .execute();
  if (mine.length === 0) return { read: 0 };
  const at = new Date().toISOString();
  await ctx.db
    .insertInto('mission_message_reads')
    .values(mine.map((m) => ({ message_id: m.id, user_id: me, read_at: at })))
    .onConflict((oc) => oc.columns(['message_id', 'user_id']).doNothing())
    .execute();
  return { read: mine.length };
}
