import type { z } from 'zod';
import { uuidv7 } from '../../../core/ids.ts';
import type * as S from '../../../core/schemas/violations.ts';
// Event numbers follow the organisation's calendar year (Bishkek), like case numbers.
import { zonedDay } from '../../../core/zoned-time.ts';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { auditNow, envelope, inTx, type AppContext } from '../../platform/context.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/db.ts';
import type { VioEventsTable } from '../../platform/db/schema.violations.ts';
import { AppError } from '../../platform/errors.ts';
import { loadEvent, withEvent } from './violations.access.ts';
import { checkDateOrder, checkPlace, checkRealDate, optCode, precisionOf } from './violations.checks.ts';
import { listPage } from './violations.facets.ts';
import { presentEvent } from './violations.presenter.ts';
import { EVENT_PAGE, violationsRepo } from './violations.repo.ts';
import { evidenceEventIds } from './evidence.search.ts';
import { indexEvent, searchEventIds } from './violations.search.ts';

type Create = z.infer<typeof S.EventCreate>;
type Patch = z.infer<typeof S.EventPatch>;
type EventView = z.infer<typeof S.Event>;
type EventListView = z.infer<typeof S.EventList>;

/** Create an event; the creator becomes its lead (and so may restrict it and manage its members). */
export async function createEvent(ctx: AppContext, actor: Actor | null, input: Create): Promise<string> {
  requireCap(actor, 'violations.write');
  return inTx(ctx, async (tx, audit) => createEventTx(ctx, tx, audit, actor, input));
}

/**
 * `createEvent` inside the caller's transaction, with the same checks, so a caller that links the new
 * event to its own record (a monitoring report) commits both or neither.
 */
export async function createEventTx(
  ctx: AppContext,
  tx: Tx,
  audit: (e: AuditEntry) => Promise<void>,
  actor: Actor | null,
  input: Create,
): Promise<string> {
  requireCap(actor, 'violations.write');
  checkRealDate(input.startDate, 'startDate');
  checkRealDate(input.endDate, 'endDate');
  checkDateOrder(input.startDate, input.endDate);
  checkPlace(input.region, input.district);
  await optCode(tx, 'esf_violation_status', input.violationStatus, 'violationStatus');
  const id = uuidv7();
  const { key, wrapped } = envelope(ctx).newRecordKey('vio_events', id);
  const now = new Date().toISOString();
  await violationsRepo.insertEvent(tx, {
    id,
    dek: wrapped,
    number: await violationsRepo.nextNumber(tx, zonedDay(Date.now()).slice(0, 4)),
    title_enc: key.encrypt('title', input.title),
    description_enc: key.encrypt('description', input.description || null),
    start_date: input.startDate ?? null,
    start_precision: precisionOf(input.startDate),
    end_date: input.endDate ?? null,
    end_precision: precisionOf(input.endDate),
    region: input.region ?? null,
    district: input.district ?? null,
    place_enc: key.encrypt('place', input.place || null),
    violation_status: input.violationStatus ?? null,
    restricted: input.restricted ? 1 : 0,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  });
  await violationsRepo.setMember(tx, id, actor.userId, 'lead', actor.userId);
  await violationsRepo.touch(tx, id);
  await indexEvent(ctx, tx, id);
  await audit({
    actorId: actor.userId,
    action: 'violation.event_create',
    entityType: 'vio_event',
    entityId: id,
    details: { restricted: input.restricted === true },
  });
  return id;
}

export async function getEvent(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  audited = true,
): Promise<EventView> {
  const access = await loadEvent(ctx, actor, id);
  if (audited)
    await auditNow(ctx, {
      actorId: actor!.userId,
      action: 'violation.event_read',
      entityType: 'vio_event',
      entityId: id,
    });
  return presentEvent(ctx, actor!, access);
}

export async function updateEvent(ctx: AppContext, actor: Actor | null, id: string, patch: Patch) {
  await withEvent(ctx, actor, id, 'edit', async (tx, audit, access) => {
    const row = access.row;
    // Restricting or opening an event changes who sees it: only whoever manages its members.
    if (patch.restricted !== undefined && (patch.restricted ? 1 : 0) !== row.restricted && !access.canManage)
      throw new AppError('auth.forbidden');
    const start = patch.startDate !== undefined ? patch.startDate : row.start_date;
    const end = patch.endDate !== undefined ? patch.endDate : row.end_date;
    checkRealDate(patch.startDate, 'startDate');
    checkRealDate(patch.endDate, 'endDate');
    checkDateOrder(start, end);
    const region = patch.region !== undefined ? patch.region : row.region;
    const district =
      patch.district !== undefined ? patch.district : patch.region !== undefined ? null : row.district;
    checkPlace(region, district);
    await optCode(tx, 'esf_violation_status', patch.violationStatus, 'violationStatus', row.violation_status);
    const key = envelope(ctx).openRecordKey('vio_events', id, row.dek);
    const set = <T>(v: T | undefined, f: (x: T) => Partial<VioEventsTable>): Partial<VioEventsTable> =>
      v === undefined ? {} : f(v);
    await violationsRepo.updateEvent(tx, id, {
      ...set(patch.title, (v) => ({ title_enc: key.encrypt('title', v) })),
      ...set(patch.description, (v) => ({ description_enc: key.encrypt('description', v || null) })),
      ...set(patch.place, (v) => ({ place_enc: key.encrypt('place', v || null) })),
      ...set(patch.startDate, (v) => ({ start_date: v, start_precision: precisionOf(v) })),
      ...set(patch.endDate, (v) => ({ end_date: v, end_precision: precisionOf(v) })),
      ...set(patch.violationStatus, (v) => ({ violation_status: v })),
      ...set(patch.restricted, (v) => ({ restricted: v ? 1 : 0 })),
      region: region ?? null,
      district: district ?? null,
      updated_at: new Date().toISOString(),
    });
    await violationsRepo.touch(tx, id);
    if (['title', 'description', 'place'].some((f) => f in patch)) await indexEvent(ctx, tx, id);
    const fields = Object.keys(patch).sort().join(',');
    await audit({
      actorId: actor!.userId,
      action: patch.restricted !== undefined ? 'violation.event_update_access' : 'violation.event_update',
      entityType: 'vio_event',
      entityId: id,
      details: { fields },
    });
  });
  return getEvent(ctx, actor, id, false);
}

export async function listEvents(
  ctx: AppContext,
  actor: Actor | null,
  q: z.infer<typeof S.EventsQuery>,
): Promise<EventListView> {
  requireCap(actor, 'violations.read');
  const page = q.page ?? 1;
  // Control characters never help a search, and PostgreSQL refuses NUL in text: drop them.
  // eslint-disable-next-line no-control-regex
  const text = q.q?.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  // Events match on their own text and on the text of their evidence (PDFs); the visibility filter
  // below applies to both, so an outsider learns nothing from a match in a restricted event's file.
  const ids = text
    ? [...new Set([...(await searchEventIds(ctx, text, actor)), ...(await evidenceEventIds(ctx, text))])]
    : undefined;
  const f = {
    ...q,
    mine: q.mine === '1',
    ids,
    numberPrefix: text && /^EV-\d/i.test(text) ? text.toUpperCase() : undefined,
  };
  const {
    rows,
    facets: { total, ...facets },
  } = await listPage(ctx.db, actor, f, page);
  const items = rows.slice(0, EVENT_PAGE);
  const acts = await violationsRepo.summaries(
    ctx.db,
    items.map((r) => r.id),
  );
  const env = envelope(ctx);
  await auditNow(ctx, {
    actorId: actor.userId,
    action: 'violation.event_list',
    entityType: 'vio_event',
    details: { count: items.length, search: text ? true : false },
  });
  return {
    page,
    hasMore: rows.length > EVENT_PAGE,
    total,
    facets,
    items: items.map((r) => {
      const mine = acts.filter((a) => a.event_id === r.id);
      return {
        id: r.id,
        number: r.number,
        title: env.openRecordKey('vio_events', r.id, r.dek).decrypt('title', r.title_enc),
        startDate: r.start_date,
        region: r.region,
        violationStatus: r.violation_status,
        restricted: r.restricted === 1,
        acts: mine.length,
        victims: new Set(mine.map((a) => a.victim_id)).size,
        actTypes: [...new Set(mine.map((a) => a.act_type))].sort(),
        updatedAt: r.updated_at,
      };
    }),
  };
}
