import { uuidv7 } from '../../../core/ids.ts';
import { isLocale } from '../../../core/i18n/index.ts';
import type { Role } from '../../../core/roles.ts';
import { MAX_RANGE_DAYS, type CalendarReplyOut, type CalendarScope } from '../../../core/schemas/calendar.ts';
import { addDays, BISHKEK, daysBetween, zonedToUtc } from '../../../core/zoned-time.ts';
import { can, requireCap, type Actor } from '../../platform/access/policy.ts';
import { hashToken, randomToken } from '../../platform/auth/tokens.ts';
import { inTx, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { tr } from '../../platform/i18n.ts';
import { renderCalendar, type IcsEvent } from './calendar.ics.ts';
import { presentCalendarItem } from './calendar.presenter.ts';
import { feedsRepo, hearingsRepo } from './calendar.repo.ts';
import { userNames } from './hearings.service.ts';

const DAY = 86_400_000;
/** A calendar answers at most this many entries; a month of a whole organisation fits easily. */
const CALENDAR_LIMIT = 2000;
/** The feed covers the recent past and the coming year. */
const FEED_PAST_DAYS = 90;
const FEED_FUTURE_DAYS = 400;

/**
 * Hearings and deadlines of cases the actor may see, between two Bishkek calendar days (inclusive):
 * `me` — those I attend or whose case team I am on; `org` — all I may see. Each carries `conflict`
 * when its lawyer has another hearing at the same time.
 */
export async function getCalendar(
  ctx: AppContext,
  actor: Actor | null,
  q: { from: string; to: string; scope?: CalendarScope | undefined; lawyer?: string | undefined },
): Promise<CalendarReplyOut> {
  requireCap(actor, 'cases.read');
  const span = daysBetween(q.from, q.to);
  if (span < 0 || span >= MAX_RANGE_DAYS) throw new AppError('calendar.range_invalid');
  const start = new Date(zonedToUtc(q.from, 0, 0, BISHKEK)).toISOString();
  const end = new Date(zonedToUtc(addDays(q.to, 1), 0, 0, BISHKEK)).toISOString();
  const rows = await hearingsRepo.range(ctx.db, actor, {
    start,
    end,
    scope: q.scope ?? 'me',
    lawyer: q.lawyer,
    limit: CALENDAR_LIMIT,
  });
  const lawyerIds = await hearingsRepo.lawyersInRange(ctx.db, actor, start, end);
  const names = await userNames(ctx, [...lawyerIds, ...rows.map((r) => r.lawyer_id)]);
  return {
    from: q.from,
    to: q.to,
    timeZone: BISHKEK,
    items: rows.map((r) => presentCalendarItem(r, names)),
    lawyers: lawyerIds
      .map((id) => ({ id, name: names.get(id) ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Whether I have a feed link, and for which scope (the token itself is never stored). */
export async function feedStatus(ctx: AppContext, actor: Actor | null) {
  requireCap(actor, 'cases.read');
  const f = await feedsRepo.active(ctx.db, actor.userId);
  return { feed: f ? { scope: f.scope as CalendarScope, createdAt: f.created_at } : null };
}

/** Create my private feed link, or replace it: the previous link stops working at once. */
export async function createFeed(
  ctx: AppContext,
  actor: Actor | null,
  scope: CalendarScope,
): Promise<{ token: string; scope: CalendarScope; createdAt: string }> {
  requireCap(actor, 'cases.read');
  const token = randomToken();
  const now = new Date().toISOString();
  await inTx(ctx, async (tx, audit) => {
    const revoked = await feedsRepo.revokeAll(tx, actor.userId, now);
    const id = uuidv7();
    await feedsRepo.insert(tx, {
      id,
      user_id: actor.userId,
      token_hash: hashToken(token),
      scope,
      created_at: now,
      revoked_at: null,
    });
    await audit({
      actorId: actor.userId,
      action: revoked > 0 ? 'calendar.feed_rotate' : 'calendar.feed_create',
      entityType: 'calendar_feed',
      entityId: id,
      details: { scope },
    });
  });
  return { token, scope, createdAt: now };
}

/** Turn my feed link off. */
export async function revokeFeed(ctx: AppContext, actor: Actor | null): Promise<void> {
  requireCap(actor, 'cases.read');
  await inTx(ctx, async (tx, audit) => {
    const n = await feedsRepo.revokeAll(tx, actor.userId, new Date().toISOString());
    if (n > 0)
      await audit({
        actorId: actor.userId,
        action: 'calendar.feed_revoke',
        entityType: 'user',
        entityId: actor.userId,
      });
  });
}

/**
 * The iCalendar text behind a feed token. Access is decided now, as the owner stands today: a
 * disabled owner, a role without `cases.read` or a revoked token answers not found; cases the owner
 * has left are simply absent. Events name the kind, the case number and the court, nothing else.
 */
export async function renderFeed(ctx: AppContext, token: string, now = Date.now()): Promise<string> {
  const feed = await feedsRepo.byTokenHash(ctx.db, hashToken(token));
  if (!feed) throw new AppError('calendar.feed_not_found');
  const owner = await feedsRepo.owner(ctx.db, feed.user_id);
  if (!owner || owner.status !== 'active') throw new AppError('calendar.feed_not_found');
  const actor: Actor = { userId: owner.id, role: owner.role as Role, sessionId: '', reauthUntil: null };
  if (!can(actor, 'cases.read')) throw new AppError('calendar.feed_not_found');
  const rows = await hearingsRepo.range(ctx.db, actor, {
    start: new Date(now - FEED_PAST_DAYS * DAY).toISOString(),
    end: new Date(now + FEED_FUTURE_DAYS * DAY).toISOString(),
    scope: feed.scope === 'org' ? 'org' : 'me',
    limit: CALENDAR_LIMIT,
  });
  const locale = isLocale(owner.locale) ? owner.locale : 'en';
  const events: IcsEvent[] = rows.map((r) => ({
    uid: `${r.id}@ukuk`,
    start: r.starts_at,
    end: r.ends_at,
    stamp: r.updated_at,
    summary: [tr(locale, `calendar:kind.${r.kind}`), r.case_number, r.court]
      .filter((x): x is string => !!x)
      .join(' — '),
    location: [r.court, r.room].filter((x): x is string => !!x).join(', ') || null,
  }));
  return renderCalendar(tr(locale, 'calendar:feed.name'), events);
}
