import type { z } from 'zod';
import { uuidv7 } from '../../../core/ids.ts';
import type { Locale } from '../../../core/roles.ts';
import type {
  Publication,
  PublicationCreate,
  PublicationList,
  PublicDatasetT,
} from '../../../core/schemas/violation-stats.ts';
import { can, requireCap, requireReauth, type Actor } from '../../platform/access/policy.ts';
import { inTx, type AppContext } from '../../platform/context.ts';
import type { VioPublicationsTable } from '../../platform/db/schema.violations.ts';
import { AppError } from '../../platform/errors.ts';
import { hasSmallCell, suppressTable, suppressTotal } from './publish.suppress.ts';
import { computeStats, specsOf } from './stats.service.ts';
import type { EventFilter } from './violations.repo.ts';

/**
 * Anonymised public datasets (issue #4 item 6; ADR 0009): aggregates only, small cells withheld
 * before the dataset is stored, so a draft, its preview and the published answer are the same numbers.
 * - drafting and previewing: users with `reports.read` who also read violation records; a draft is
 *   seen by its author and by administrators, a published or withdrawn dataset by all of them;
 * - restricted events are left out unless an administrator opts in (audited);
 * - publishing (re-authentication) and withdrawing: administrators (`settings.manage`), audited;
 * - the public endpoint answers only published datasets, to anyone.
 */
type Create = z.infer<typeof PublicationCreate>;
type PublicationView = z.infer<typeof Publication>;

interface Params {
  filters: Create['filters'];
  breakdowns: Create['breakdowns'];
  includeRestricted: boolean;
}

function requireDrafter(actor: Actor | null): asserts actor is Actor {
  requireCap(actor, 'reports.read');
  requireCap(actor, 'violations.read');
}

function present(row: VioPublicationsTable): PublicationView {
  const params = JSON.parse(row.params) as Params;
  return {
    id: row.id,
    status: row.status as PublicationView['status'],
    title: row.title,
    threshold: row.threshold,
    includesRestricted: params.includeRestricted,
    createdAt: row.created_at,
    publishedAt: row.published_at,
    withdrawnAt: row.withdrawn_at,
    dataset: JSON.parse(row.dataset) as PublicDatasetT,
  };
}

const seenBy = (actor: Actor, row: VioPublicationsTable) =>
  row.status !== 'draft' || row.created_by === actor.userId || can(actor, 'settings.manage');

export async function createPublication(ctx: AppContext, actor: Actor | null, input: Create, locale: Locale) {
  requireDrafter(actor);
  if (input.includeRestricted) requireCap(actor, 'settings.manage');
  const f: EventFilter = { ...input.filters, mine: false };
  const stats = await computeStats(
    ctx,
    input.includeRestricted ? { all: true } : { open: true },
    f,
    specsOf({ by: input.breakdowns, unit: input.unit, level: input.level, period: input.period }),
    locale,
  );
  const th = input.threshold;
  const tables = Object.entries(stats.by).map(([by, b]) => ({
    by: by as PublicDatasetT['tables'][number]['by'],
    unit: b.unit,
    overlapping: b.overlapping,
    rows: suppressTable(b.rows, th),
  }));
  const totals = {
    events: suppressTotal(stats.events, th),
    acts: suppressTotal(stats.acts, th),
    victims: suppressTotal(stats.victims, th),
    groupVictims: suppressTotal(stats.groupVictims, th),
  };
  const dataset: PublicDatasetT = {
    title: input.title,
    generatedAt: new Date().toISOString(),
    threshold: th,
    filters: Object.fromEntries(
      Object.entries(input.filters).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
    totals,
    tables,
    suppressedCells:
      tables.reduce((n, t) => n + t.rows.filter((r) => r.count === null).length, 0) +
      Object.values(totals).filter((v) => v === null).length,
  };
  // A last guard: nothing small leaves, whatever the code above did.
  if (hasSmallCell([...Object.values(totals), ...tables.flatMap((t) => t.rows.map((r) => r.count))], th))
    throw new Error('suppression failed');
  const id = uuidv7();
  const params: Params = {
    filters: input.filters,
    breakdowns: input.breakdowns,
    includeRestricted: input.includeRestricted,
  };
  await inTx(ctx, async (tx, audit) => {
    await tx
      .insertInto('vio_publications')
      .values({
        id,
        status: 'draft',
        title: input.title,
        params: JSON.stringify(params),
        threshold: th,
        dataset: JSON.stringify(dataset),
        created_by: actor.userId,
        created_at: dataset.generatedAt,
        published_by: null,
        published_at: null,
        withdrawn_at: null,
      })
      .execute();
    await audit({
      actorId: actor.userId,
      action: 'violation.publication_create',
      entityType: 'vio_publication',
      entityId: id,
      details: {
        threshold: th,
        includeRestricted: input.includeRestricted,
        breakdowns: input.breakdowns.join(','),
      },
    });
  });
  return id;
}

async function load(ctx: AppContext, actor: Actor, id: string) {
  const row = await ctx.db.selectFrom('vio_publications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !seenBy(actor, row)) throw new AppError('violation.publication_not_found');
  return row;
}

export async function getPublication(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<PublicationView> {
  requireDrafter(actor);
  return present(await load(ctx, actor, id));
}

export async function listPublications(
  ctx: AppContext,
  actor: Actor | null,
): Promise<z.infer<typeof PublicationList>> {
  requireDrafter(actor);
  const rows = await ctx.db
    .selectFrom('vio_publications')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return {
    items: rows
      .filter((r) => seenBy(actor, r))
      .map((r) => {
        const { dataset: _dataset, ...rest } = present(r);
        return rest;
      }),
  };
}

/** Publish a draft or withdraw a published dataset; the state is checked again inside the transaction. */
export async function changePublication(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  to: 'published' | 'withdrawn',
): Promise<PublicationView> {
  requireCap(actor, 'settings.manage');
  if (to === 'published') requireReauth(actor);
  await load(ctx, actor, id);
  await inTx(ctx, async (tx, audit) => {
    const row = await tx
      .selectFrom('vio_publications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const ok = to === 'published' ? row.status === 'draft' : row.status !== 'withdrawn';
    if (!ok) throw new AppError('violation.publication_state');
    const now = new Date().toISOString();
    await tx
      .updateTable('vio_publications')
      .set(
        to === 'published'
          ? { status: to, published_by: actor.userId, published_at: now }
          : { status: to, withdrawn_at: now },
      )
      .where('id', '=', id)
      .execute();
    await audit({
      actorId: actor.userId,
      action: to === 'published' ? 'violation.publication_publish' : 'violation.publication_withdraw',
      entityType: 'vio_publication',
      entityId: id,
      details: { from: row.status },
    });
  });
  return present(await load(ctx, actor, id));
}

/** The public answer: a published dataset, or not found (drafts and withdrawn ones look missing). */
export async function publicDataset(ctx: AppContext, id: string): Promise<PublicDatasetT> {
  const row = await ctx.db
    .selectFrom('vio_publications')
    .select(['dataset'])
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!row) throw new AppError('violation.publication_not_found');
  return JSON.parse(row.dataset) as PublicDatasetT;
}

export async function publicList(ctx: AppContext) {
  const rows = await ctx.db
    .selectFrom('vio_publications')
    .select(['id', 'title', 'published_at'])
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .limit(200)
    .execute();
  return { items: rows.map((r) => ({ id: r.id, title: r.title, publishedAt: r.published_at ?? '' })) };
}
